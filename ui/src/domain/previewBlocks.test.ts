import { describe, expect, it } from "vitest";
import { applyUpdate, blockAtHeight, blockForLine, lineForBlock, ScrollEcho, unchangedEnds } from "./previewBlocks";

describe("applyUpdate", () => {
  const block = (html: string, first: number, last = first) => ({ html, key: html.length, first_line: first, last_line: last });
  it("keeps both ends, puts the new blocks between and moves the kept ones", () => {
    const shown = [block("<h1>a</h1>", 1), block("<p>b</p>", 3), block("<p>c</p>", 5)];
    const next = applyUpdate(shown, {
      keep_start: 1,
      keep_end: 1,
      blocks: [block("<p>bb</p>", 3, 4)],
      lines: [1, 1, 3, 4, 6, 6],
    });
    expect(next.map((b) => b.html)).toEqual(["<h1>a</h1>", "<p>bb</p>", "<p>c</p>"]);
    expect(next.map((b) => [b.first_line, b.last_line])).toEqual([[1, 1], [3, 4], [6, 6]]);
    expect(next[0]).toBe(shown[0]);
    expect(shown[2]?.first_line).toBe(5);
  });
  it("starts from nothing and can remove blocks", () => {
    expect(applyUpdate([], { keep_start: 0, keep_end: 0, blocks: [block("x", 1)], lines: [1, 1] })).toEqual([block("x", 1)]);
    const two = [block("a", 1), block("b", 3)];
    expect(applyUpdate(two, { keep_start: 1, keep_end: 0, blocks: [], lines: [1, 1] })).toEqual([block("a", 1)]);
  });
});

describe("unchangedEnds", () => {
  it("finds the one changed block in the middle", () => {
    expect(unchangedEnds(["a", "b", "c", "d"], ["a", "b2", "c", "d"])).toEqual({ prefix: 1, suffix: 2 });
  });
  it("handles inserted and removed blocks", () => {
    expect(unchangedEnds(["a", "c"], ["a", "b", "c"])).toEqual({ prefix: 1, suffix: 1 });
    expect(unchangedEnds(["a", "b", "c"], ["a", "c"])).toEqual({ prefix: 1, suffix: 1 });
  });
  it("never lets prefix and suffix overlap on repeated blocks", () => {
    expect(unchangedEnds(["x", "x"], ["x", "x", "x"])).toEqual({ prefix: 2, suffix: 0 });
    expect(unchangedEnds(["x", "x", "x"], ["x"])).toEqual({ prefix: 1, suffix: 0 });
    expect(unchangedEnds([], ["a"])).toEqual({ prefix: 0, suffix: 0 });
    expect(unchangedEnds(["a"], ["a"])).toEqual({ prefix: 1, suffix: 0 });
  });
});

const blocks = [
  { first_line: 1, last_line: 1 }, // heading
  { first_line: 3, last_line: 6 }, // paragraph
  { first_line: 8, last_line: 8 },
];

describe("blockForLine", () => {
  it("maps a line inside a block to its place in the block", () => {
    expect(blockForLine(blocks, { line: 1, fraction: 0 })).toEqual({ index: 0, fraction: 0 });
    expect(blockForLine(blocks, { line: 5, fraction: 0 })).toEqual({ index: 1, fraction: 0.5 });
    expect(blockForLine(blocks, { line: 6, fraction: 1 })).toEqual({ index: 1, fraction: 1 });
  });
  it("maps blank lines between blocks to the top of the next block", () => {
    expect(blockForLine(blocks, { line: 2, fraction: 0.5 })).toEqual({ index: 1, fraction: 0 });
    expect(blockForLine(blocks, { line: 7, fraction: 0 })).toEqual({ index: 2, fraction: 0 });
  });
  it("maps lines past the end to the bottom of the last block", () => {
    expect(blockForLine(blocks, { line: 40, fraction: 0 })).toEqual({ index: 2, fraction: 1 });
    expect(blockForLine([], { line: 1, fraction: 0 })).toBeNull();
  });
});

describe("lineForBlock", () => {
  it("is the inverse of blockForLine inside blocks", () => {
    for (const place of [
      { line: 1, fraction: 0 },
      { line: 4, fraction: 0.25 },
      { line: 6, fraction: 0.5 },
      { line: 8, fraction: 0 },
    ]) {
      const block = blockForLine(blocks, place);
      expect(block).not.toBeNull();
      if (block === null) continue;
      const back = lineForBlock(blocks, block);
      expect(back?.line).toBe(place.line);
      expect(back?.fraction).toBeCloseTo(place.fraction);
    }
  });
  it("keeps the bottom of a block on its last line", () => {
    expect(lineForBlock(blocks, { index: 1, fraction: 1 })).toEqual({ line: 6, fraction: 1 });
    expect(lineForBlock(blocks, { index: 9, fraction: 0 })).toBeNull();
  });
});

describe("blockAtHeight", () => {
  const tops = [0, 40, 200];
  const at = (y: number) => blockAtHeight(tops.length, (i) => tops[i] ?? 260, 260, y);
  it("finds the block at a height and how far down it is", () => {
    expect(at(0)).toEqual({ index: 0, fraction: 0 });
    expect(at(120)).toEqual({ index: 1, fraction: 0.5 });
    expect(at(230)).toEqual({ index: 2, fraction: 0.5 });
  });
  it("clamps above the first and below the last block", () => {
    expect(at(-10)).toEqual({ index: 0, fraction: 0 });
    expect(at(999)).toEqual({ index: 2, fraction: 1 });
    expect(blockAtHeight(0, () => 0, 0, 5)).toBeNull();
  });
  it("reads few tops on a long page", () => {
    let reads = 0;
    const place = blockAtHeight(10000, (i) => (reads++, i * 10), 100000, 55555);
    expect(place).toEqual({ index: 5555, fraction: 0.5 });
    expect(reads).toBeLessThan(20);
  });
});

describe("ScrollEcho", () => {
  it("ignores the echo of the app's own scroll once, not the person's next scroll", () => {
    const echo = new ScrollEcho(100);
    expect(echo.isEcho(100, 0)).toBe(false);
    echo.madeScroll(300, 1000);
    expect(echo.isEcho(300.5, 1200)).toBe(true);
    expect(echo.isEcho(300.5, 1300)).toBe(false);
    echo.madeScroll(300, 2000);
    expect(echo.isEcho(420, 2200)).toBe(false);
    expect(echo.isEcho(300, 2300)).toBe(false);
  });
  it("ignores everything while the app's scroll settles", () => {
    const echo = new ScrollEcho(100);
    echo.madeScroll(300, 1000);
    expect(echo.isEcho(310, 1016)).toBe(true);
    expect(echo.isEcho(305, 1050)).toBe(true);
    expect(echo.isEcho(900, 1150)).toBe(false);
  });
});
