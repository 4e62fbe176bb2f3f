import { describe, expect, it } from "vitest";
import { changedPaths, allChosen, clashTitle, clashValue, needsGitRefresh, needsSiteReload, touchesPage } from "./outside";
import type { SiteChanges } from "../ipc/types";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { translator } from "../i18n/locale";

const t = translator(en);

const none: SiteChanges = {
  pages_changed: [],
  pages_added: [],
  pages_removed: [],
  pages_renamed: [],
  config_changed: [],
  assets_changed: [],
  git_state_changed: false,
  rescan: false,
  watch_mode: null,
};

describe("outside changes", () => {
  it("finds what touches the open page", () => {
    expect(touchesPage({ ...none, pages_changed: ["a.md"] }, "a.md")).toBe("changed");
    expect(touchesPage({ ...none, pages_changed: ["b.md"] }, "a.md")).toBeNull();
    expect(touchesPage({ ...none, pages_removed: ["a.md"] }, "a.md")).toBe("removed");
    expect(touchesPage({ ...none, pages_renamed: [{ from: "a.md", to: "c.md" }] }, "a.md")).toBe("removed");
    expect(touchesPage({ ...none, rescan: true }, "a.md")).toBe("changed");
  });

  it("knows when to reload the list and the badges", () => {
    expect(needsSiteReload(none)).toBe(false);
    expect(needsSiteReload({ ...none, pages_added: ["x.md"] })).toBe(true);
    expect(needsSiteReload({ ...none, config_changed: ["_config.yml"] })).toBe(true);
    expect(needsGitRefresh({ ...none, git_state_changed: true })).toBe(true);
    expect(needsGitRefresh({ ...none, rescan: true })).toBe(true);
    expect(needsGitRefresh({ ...none, assets_changed: ["a.png"] })).toBe(false);
    expect(changedPaths({ ...none, assets_changed: ["a.png"], pages_renamed: [{ from: "a.md", to: "b.md" }] })).toEqual([
      "a.md",
      "b.md",
      "a.png",
    ]);
    expect(needsGitRefresh(none)).toBe(false);
  });

  it("words clashes", () => {
    expect(clashValue(null, t)).toBe("(not there)");
    expect(clashValue({ kind: "null" }, t)).toBe("empty");
    expect(clashValue({ kind: "int", value: 2026 }, t)).toBe("2026");
    expect(clashValue({ kind: "bool", value: true }, translator(sv))).toBe("ja");
    expect(clashValue({ kind: "list", value: [{ kind: "null" }, { kind: "null" }] }, t)).toBe("2 items");
    expect(clashTitle({ kind: "field", field: "contact.email", base: null, mine: null, theirs: null }, t)).toBe("Email");
    const lines = { first_line: 12, count: 1, text: "x\n" };
    expect(clashTitle({ kind: "body", base: lines, mine: lines, theirs: lines }, t)).toBe("Text around line 12");
    expect(clashTitle({ kind: "body", base: lines, mine: lines, theirs: lines }, translator(sv))).toBe("Texten runt rad 12");
    expect(allChosen([{ kind: "mine" }, null])).toBe(false);
    expect(allChosen([{ kind: "mine" }, { kind: "theirs" }])).toBe(true);
  });
});
