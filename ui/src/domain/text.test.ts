import { expect, it } from "vitest";
import { normalizeNewlines } from "./text";

it("normalizes CRLF and lone CR to LF", () => {
  expect(normalizeNewlines("a\r\nb\rc\n")).toBe("a\nb\nc\n");
  expect(normalizeNewlines("")).toBe("");
});
