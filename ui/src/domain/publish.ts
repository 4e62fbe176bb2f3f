// Words and decisions for the publishing screens; pure, so tested without a window.
import type { FileChange, Progress, SiteStatus } from "../ipc/types";

/** Path → how it changed, for the badges in the page list. */
export function badgeMap(status: SiteStatus | null): Map<string, FileChange> {
  return new Map((status?.files ?? []).map((f) => [f.path, f.change]));
}

const BADGE_WORDS: Record<FileChange, string> = {
  new: "new",
  changed: "changed",
  deleted: "deleted",
  renamed: "renamed",
  conflicted: "needs a choice",
};

export function badgeWord(change: FileChange): string {
  return BADGE_WORDS[change];
}

export function progressText(p: Progress): string {
  const count = p.total > 0 ? ` ${p.objects} of ${p.total}` : "";
  return p.stage === "receiving" ? `Getting latest changes…${count}` : `Publishing…${count}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", else the date. */
export function whenText(unixSeconds: number, nowMs: number = Date.now()): string {
  const seconds = Math.max(0, Math.round(nowMs / 1000 - unixSeconds));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (seconds < 60) return "just now";
  if (minutes < 60) return minutes === 1 ? "1 minute ago" : `${minutes} minutes ago`;
  if (hours < 24) return hours === 1 ? "1 hour ago" : `${hours} hours ago`;
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
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

export function publishLabel(status: SiteStatus | null): string {
  const ahead = status?.ahead ?? 0;
  return ahead > 0 ? `Publish (${ahead})` : "Publish";
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
