import { describe, expect, it } from "vitest";
import { applyChange, textChange } from "./textEdit";

describe("textChange", () => {
  it("keeps what is the same at both ends", () => {
    expect(textChange("Hello world", "Hello there world")).toEqual({ keep_start: 6, keep_end: 5, insert: "there " });
    expect(textChange("abc", "abc")).toEqual({ keep_start: 3, keep_end: 0, insert: "" });
    expect(textChange("abc", "")).toEqual({ keep_start: 0, keep_end: 0, insert: "" });
    expect(textChange("", "x")).toEqual({ keep_start: 0, keep_end: 0, insert: "x" });
  });

  it("does not let the kept ends overlap when a letter repeats", () => {
    // "aa" → "aaa": the start keeps 2, so the end may keep nothing more.
    const change = textChange("aa", "aaa");
    expect(change.keep_start + change.keep_end).toBeLessThanOrEqual(2);
    expect(applyChange("aa", change)).toBe("aaa");
  });

  it("never cuts a surrogate pair", () => {
    // 😀 and 😃 share their first unit: the change must take the whole pair.
    const change = textChange("a😀b", "a😃b");
    expect(change).toEqual({ keep_start: 1, keep_end: 1, insert: "😃" });
    const end = textChange("😀x", "😃x");
    expect(end).toEqual({ keep_start: 0, keep_end: 1, insert: "😃" });
    // Same second unit (low surrogate): the kept end must not start inside a pair.
    const low = textChange("\uD83D\uDE00", "\uD83C\uDE00");
    expect(low).toEqual({ keep_start: 0, keep_end: 0, insert: "\uD83C\uDE00" });
  });

  it("rebuilds the new text from the old for any pair of texts", () => {
    const pieces = ["a", "b", "å", "😀", "😃", "\n", "**", " "];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const text = (): string => Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join("");
    for (let i = 0; i < 2000; i++) {
      const before = text();
      const after = text();
      const change = textChange(before, after);
      expect(applyChange(before, change)).toBe(after);
      expect(change.keep_start + change.keep_end).toBeLessThanOrEqual(Math.min(before.length, after.length));
      for (const cut of [change.keep_start, before.length - change.keep_end]) {
        const unit = before.charCodeAt(cut);
        expect(unit >= 0xdc00 && unit <= 0xdfff, `cut at ${cut} of ${JSON.stringify(before)}`).toBe(false);
      }
    }
  });
});
