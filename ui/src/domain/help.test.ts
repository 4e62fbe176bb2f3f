import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUIDE_SECTIONS, guideSectionFor, imageFileName } from "./help";

describe("help", () => {
  it("errors point at the section that explains them", () => {
    expect(guideSectionFor("credentials")).toBe("sign-in");
    expect(guideSectionFor("remote_has_new_commits")).toBe("publish");
    expect(guideSectionFor("changes_in_the_way")).toBe("clash");
    expect(guideSectionFor("changed_on_disk")).toBe("changed-elsewhere");
    expect(guideSectionFor("no_identity")).toBe("identity");
    expect(guideSectionFor("something_else")).toBeNull();
  });

  it("both guides have every section anchor, and every image exists", () => {
    for (const lang of ["en", "sv"]) {
      const dir = join(__dirname, "../../../docs/guide");
      const text = readFileSync(join(dir, `${lang}.md`), "utf8");
      for (const section of GUIDE_SECTIONS) {
        expect(text, `${lang}.md: ${section}`).toContain(`<a id="${section}"></a>`);
      }
      for (const m of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        const src = m[1] ?? "";
        expect(() => readFileSync(join(dir, src)), `${lang}.md: ${src}`).not.toThrow();
      }
    }
  });

  it("image file names", () => {
    expect(imageFileName("img/03-edit.png")).toBe("03-edit.png");
    expect(imageFileName("galley-site://localhost/img/a.png?x=1")).toBe("a.png");
  });
});
