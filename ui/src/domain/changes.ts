// Wording for the commit dialog.
import type { ChangeView, PageSummary } from "../ipc/types";

export interface ChangeLine {
  path: string;
  title: string;
  what: string;
}

const WHAT: Record<ChangeView["change"], string> = {
  new: "new",
  changed: "changed",
  deleted: "deleted",
};

/** Changed files with the page titles editors know them by. */
export function describeChanges(changes: ChangeView[], pages: PageSummary[]): ChangeLine[] {
  const titles = new Map(pages.map((p) => [p.path, p.title]));
  return changes.map((c) => ({ path: c.path, title: titles.get(c.path) ?? c.path, what: WHAT[c.change] }));
}

/** A starting commit message, e.g. "Update AIDA" or "Update 3 pages". */
export function suggestMessage(lines: ChangeLine[]): string {
  const [first] = lines;
  if (first === undefined) return "";
  if (lines.length === 1) return `Update ${first.title}`;
  return `Update ${lines.length} pages`;
}
