import { describe, expect, it } from "vitest";
import { blocksFor, keyTarget, scrollToShow, visibleRange } from "./virtualList";

describe("virtual list", () => {
  it("draws the visible rows and a few more, never past the ends", () => {
    expect(visibleRange(0, 400, 40, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(4000, 400, 40, 100_000, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRange(40 * 99_990, 400, 40, 100_000, 5)).toEqual({ start: 99_985, end: 100_000 });
    expect(visibleRange(0, 400, 40, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(-50, 400, 40, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 400, 40, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it("fetches the blocks that hold the rows", () => {
    expect(blocksFor({ start: 0, end: 15 }, 100)).toEqual([0]);
    expect(blocksFor({ start: 95, end: 115 }, 100)).toEqual([0, 1]);
    expect(blocksFor({ start: 100, end: 200 }, 100)).toEqual([1]);
    expect(blocksFor({ start: 5, end: 5 }, 100)).toEqual([]);
  });

  it("moves with the arrow, page and end keys", () => {
    expect(keyTarget("ArrowDown", null, 10, 5)).toBe(0);
    expect(keyTarget("ArrowDown", 3, 10, 5)).toBe(4);
    expect(keyTarget("ArrowDown", 9, 10, 5)).toBe(9);
    expect(keyTarget("ArrowUp", 0, 10, 5)).toBe(0);
    expect(keyTarget("PageDown", 0, 10, 5)).toBe(4);
    expect(keyTarget("PageDown", 8, 10, 5)).toBe(9);
    expect(keyTarget("PageUp", 8, 10, 5)).toBe(4);
    expect(keyTarget("Home", 8, 10, 5)).toBe(0);
    expect(keyTarget("End", null, 100_000, 5)).toBe(99_999);
    expect(keyTarget("a", 3, 10, 5)).toBeNull();
    expect(keyTarget("End", null, 0, 5)).toBeNull();
  });

  it("scrolls only as far as needed to show a row", () => {
    expect(scrollToShow(5, 0, 400, 40)).toBe(0);
    expect(scrollToShow(10, 0, 400, 40)).toBe(40);
    expect(scrollToShow(99_999, 0, 400, 40)).toBe(40 * 100_000 - 400);
    expect(scrollToShow(2, 400, 400, 40)).toBe(80);
  });
});
