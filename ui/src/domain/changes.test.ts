import { describe, expect, it } from "vitest";
import { describeChanges, suggestMessage } from "./changes";

describe("changes", () => {
  it("names changed files by page title", () => {
    const lines = describeChanges(
      [
        { path: "_engagements/aida.md", change: "changed" },
        { path: "assets/x.png", change: "new" },
      ],
      [{ path: "_engagements/aida.md", collection: "engagements", title: "AIDA" }],
    );
    expect(lines).toEqual([
      { path: "_engagements/aida.md", title: "AIDA", what: "changed" },
      { path: "assets/x.png", title: "assets/x.png", what: "new" },
    ]);
    expect(suggestMessage(lines.slice(0, 1))).toBe("Update AIDA");
    expect(suggestMessage(lines)).toBe("Update 2 pages");
    expect(suggestMessage([])).toBe("");
  });
});
