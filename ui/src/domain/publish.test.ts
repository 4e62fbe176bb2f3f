import { describe, expect, it } from "vitest";
import { withPathStatus, badgeMap, badgeWord, nextStepFor, progressText, publishLabel, whenText } from "./publish";
import type { SiteStatus } from "../ipc/types";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { translator } from "../i18n/locale";

const t = translator(en);
const tSv = translator(sv);

const status: SiteStatus = {
  files: [
    { path: "_engagements/aida.md", change: "changed", renamed_from: null },
    { path: "_news/new.md", change: "new", renamed_from: null },
  ],
  branch: "main",
  detached: false,
  upstream: "origin/main",
  ahead: 2,
  behind: 0,
  merge_in_progress: false,
};

describe("publishing words", () => {
  it("maps status to badges", () => {
    const badges = badgeMap(status);
    expect(badges.get("_engagements/aida.md")).toBe("changed");
    expect(badges.get("_news/new.md")).toBe("new");
    expect(badgeMap(null).size).toBe(0);
    expect(badgeWord("conflicted", t)).toBe("needs a choice");
    expect(badgeWord("changed", tSv)).toBe("ändrad");
  });

  it("says how far a transfer got", () => {
    expect(progressText({ stage: "sending", objects: 3, total: 5, bytes: 10 }, t)).toBe("Publishing… 3 of 5");
    expect(progressText({ stage: "receiving", objects: 0, total: 0, bytes: 0 }, t)).toBe("Getting latest changes…");
    expect(progressText({ stage: "receiving", objects: 1, total: 4, bytes: 0 }, tSv)).toBe("Hämtar senaste ändringarna… 1 av 4");
  });

  it("tells time in words", () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    const at = now / 1000;
    expect(whenText(at - 5, t, now)).toBe("just now");
    expect(whenText(at - 60, t, now)).toBe("1 minute ago");
    expect(whenText(at - 3 * 3600, t, now)).toBe("3 hours ago");
    expect(whenText(at - 30 * 3600, t, now)).toBe("yesterday");
    expect(whenText(at - 4 * 86400, t, now)).toBe("4 days ago");
    expect(whenText(at - 40 * 86400, t, now)).toBe("2026-10-15");
    expect(whenText(at - 3 * 3600, tSv, now)).toBe("för 3 timmar sedan");
  });

  it("offers the next step for known failures", () => {
    expect(nextStepFor("remote_has_new_commits")).toBe("get-latest");
    expect(nextStepFor("credentials")).toBe("token");
    expect(nextStepFor("no_identity")).toBe("identity");
    expect(nextStepFor("offline")).toBeNull();
    expect(publishLabel(status, t)).toBe("Publish (2)");
    expect(publishLabel(null, t)).toBe("Publish");
  });
});

it("folds per-path updates into the badges", () => {
  const next = withPathStatus(status, [
    ["_engagements/aida.md", null],
    ["_people/x.md", "changed"],
  ]);
  expect(next.files.map((f) => [f.path, f.change])).toEqual([
    ["_news/new.md", "new"],
    ["_people/x.md", "changed"],
  ]);
  expect(next.ahead).toBe(2);
});
