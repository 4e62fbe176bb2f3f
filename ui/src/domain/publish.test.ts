import { describe, expect, it } from "vitest";
import { withPathStatus, badgeMap, badgeWord, nextStepFor, progressText, publishLabel, whenText } from "./publish";
import type { SiteStatus } from "../ipc/types";

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
    expect(badgeWord("conflicted")).toBe("needs a choice");
  });

  it("says how far a transfer got", () => {
    expect(progressText({ stage: "sending", objects: 3, total: 5, bytes: 10 })).toBe("Publishing… 3 of 5");
    expect(progressText({ stage: "receiving", objects: 0, total: 0, bytes: 0 })).toBe("Getting latest changes…");
  });

  it("tells time in words", () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    const t = now / 1000;
    expect(whenText(t - 5, now)).toBe("just now");
    expect(whenText(t - 60, now)).toBe("1 minute ago");
    expect(whenText(t - 3 * 3600, now)).toBe("3 hours ago");
    expect(whenText(t - 30 * 3600, now)).toBe("yesterday");
    expect(whenText(t - 4 * 86400, now)).toBe("4 days ago");
    expect(whenText(t - 40 * 86400, now)).toBe("2026-10-15");
  });

  it("offers the next step for known failures", () => {
    expect(nextStepFor("remote_has_new_commits")).toBe("get-latest");
    expect(nextStepFor("credentials")).toBe("token");
    expect(nextStepFor("no_identity")).toBe("identity");
    expect(nextStepFor("offline")).toBeNull();
    expect(publishLabel(status)).toBe("Publish (2)");
    expect(publishLabel(null)).toBe("Publish");
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
