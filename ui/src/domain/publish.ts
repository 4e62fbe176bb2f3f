// Words and decisions for the publishing screens; pure, so tested without a window.
import type { FileChange, Progress, SiteStatus } from "../ipc/types";
import type { MessageKey } from "../i18n/en";
import type { Translate } from "../i18n/locale";

/** Path → how it changed, for the badges in the page list. */
export function badgeMap(status: SiteStatus | null): Map<string, FileChange> {
  return new Map((status?.files ?? []).map((f) => [f.path, f.change]));
}

const BADGE_WORDS: Record<FileChange, MessageKey> = {
  new: "badge.new",
  changed: "badge.changed",
  deleted: "badge.deleted",
  renamed: "badge.renamed",
  conflicted: "badge.conflicted",
};

export function badgeWord(change: FileChange, t: Translate): string {
  return t(BADGE_WORDS[change]);
}

export function progressText(p: Progress, t: Translate): string {
  const counted = p.total > 0;
  const params = { done: p.objects, total: p.total };
  if (p.stage === "receiving") return counted ? t("progress.receivingCount", params) : t("progress.receiving");
  return counted ? t("progress.sendingCount", params) : t("progress.sending");
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", else the date. */
export function whenText(unixSeconds: number, t: Translate, nowMs: number = Date.now()): string {
  const seconds = Math.max(0, Math.round(nowMs / 1000 - unixSeconds));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (seconds < 60) return t("when.now");
  if (minutes < 60) return minutes === 1 ? t("when.minute") : t("when.minutes", { n: minutes });
  if (hours < 24) return hours === 1 ? t("when.hour") : t("when.hours", { n: hours });
  if (days === 1) return t("when.yesterday");
  if (days < 14) return t("when.days", { n: days });
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/** What the app offers after a failure, by the error's code. */
export type NextStep = "get-latest" | "token" | "identity" | null;

export function nextStepFor(code: string): NextStep {
  switch (code) {
    case "remote_has_new_commits":
      return "get-latest";
    case "credentials":
      return "token";
    case "no_identity":
      return "identity";
    default:
      return null;
  }
}

export function publishLabel(status: SiteStatus | null, t: Translate): string {
  const ahead = status?.ahead ?? 0;
  return ahead > 0 ? t("top.publishCount", { n: ahead }) : t("top.publish");
}

/** Folds per-path badge updates into the status, without a full rescan. */
export function withPathStatus(status: SiteStatus, updates: [string, FileChange | null][]): SiteStatus {
  const files = new Map(status.files.map((f) => [f.path, f]));
  for (const [path, change] of updates) {
    if (change === null) files.delete(path);
    else files.set(path, { path, change, renamed_from: files.get(path)?.renamed_from ?? null });
  }
  return { ...status, files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)) };
}
