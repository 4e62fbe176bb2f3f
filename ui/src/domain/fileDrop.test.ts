import { describe, expect, it } from "vitest";
import { NO_DRAG, dragStep, fileToTake } from "./fileDrop";

describe("dragStep", () => {
  it("remembers from the entry whether images come while the drag moves", () => {
    const entered = dragStep(NO_DRAG, { kind: "file_drag", x: 10, y: 20, images: true });
    expect(entered).toEqual({ at: { x: 10, y: 20 }, images: true });
    const moved = dragStep(entered, { kind: "file_drag", x: 30, y: 40, images: null });
    expect(moved).toEqual({ at: { x: 30, y: 40 }, images: true });
  });

  it("ends with a drop or when the drag leaves", () => {
    const entered = dragStep(NO_DRAG, { kind: "file_drag", x: 1, y: 2, images: false });
    expect(dragStep(entered, { kind: "file_drag_left" })).toEqual(NO_DRAG);
    expect(dragStep(entered, { kind: "files_dropped" })).toEqual(NO_DRAG);
  });
});

describe("fileToTake", () => {
  it("takes the first image, else the first file, else nothing", () => {
    expect(
      fileToTake([
        { name: "notes.txt", image: false },
        { name: "logo.png", image: true },
        { name: "map.png", image: true },
      ]),
    ).toBe(1);
    expect(fileToTake([{ name: "notes.txt", image: false }])).toBe(0);
    expect(fileToTake([])).toBeNull();
  });
});
