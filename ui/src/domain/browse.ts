// The page list's logic: key field texts beside a title, sorting by title or a
// key field, yes/no filters, and search results as pages. Pure: no IPC, no DOM.
import type { Browse, CollectionKeys, KeyField, KeyValue, PageSummary } from "../ipc/types";
import type { Translate } from "../i18n/locale";

/** Sort by the title, or by a key field's key. */
export type SortBy = "title" | string;

/** Per yes/no field key: show only pages where it is yes. */
export type Filters = Record<string, boolean>;

const NO_KEYS: CollectionKeys = { collection: "", columns: [], filters: [] };

/** The key fields of a collection (none when the site has none for it). */
export function keysOf(browse: Browse, collection: string): CollectionKeys {
  return browse.collections.find((c) => c.collection === collection) ?? { ...NO_KEYS, collection };
}

/** The value of `key` for the page at `path`, or null. */
export function valueOf(browse: Browse, keys: CollectionKeys, path: string, key: string): KeyValue {
  const fields = [...keys.columns, ...keys.filters];
  const i = fields.findIndex((f) => f.key === key);
  if (i < 0) return null;
  return browse.values[path]?.[i] ?? null;
}

/** A value as text: yes/no in the UI's language when `t` is given (for
 * showing), as written otherwise (for comparing). */
function show(value: KeyValue, t?: Translate): string {
  if (value === null) return "";
  if (typeof value === "boolean") {
    if (t === undefined) return value ? "yes" : "no";
    return value ? t("common.yesValue") : t("common.noValue");
  }
  return String(value);
}

/** The texts shown beside a page's title: one per column, with `start` and `end`
 * joined as a range ("2017–", "2019–2022"); empty values left out. */
export function columnTexts(browse: Browse, keys: CollectionKeys, path: string, t: Translate): string[] {
  const out: string[] = [];
  for (const column of keys.columns) {
    if (column.key === "end" && keys.columns.some((c) => c.key === "start")) continue;
    const value = show(valueOf(browse, keys, path, column.key), t);
    if (column.key === "start") {
      const end = show(valueOf(browse, keys, path, "end"), t);
      if (value !== "" || end !== "") out.push(`${value}–${end}`);
    } else if (value !== "") {
      out.push(value);
    }
  }
  return out;
}

/** The fields a collection's list can be sorted by (the range sorts by its start). */
export function sortOptions(keys: CollectionKeys, t: Translate): { value: SortBy; label: string }[] {
  const fields: KeyField[] = keys.columns.filter((c) => c.key !== "end");
  return [{ value: "title", label: t("sidebar.sortTitle") }, ...fields.map((f) => ({ value: f.key, label: f.label }))];
}

function compareValues(a: KeyValue, b: KeyValue): number {
  // Empty values last, whatever the direction.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return show(a).localeCompare(show(b), undefined, { numeric: true, sensitivity: "base" });
}

/** `pages` sorted by title or by a key field (empty values last, then by title). */
export function sortPages(pages: PageSummary[], browse: Browse, keys: CollectionKeys, by: SortBy): PageSummary[] {
  const byTitle = (a: PageSummary, b: PageSummary) => a.title.localeCompare(b.title, undefined, { sensitivity: "base" });
  if (by === "title") return [...pages].sort(byTitle);
  return [...pages].sort(
    (a, b) => compareValues(valueOf(browse, keys, a.path, by), valueOf(browse, keys, b.path, by)) || byTitle(a, b),
  );
}

/** The pages whose every switched-on yes/no filter is yes. */
export function filterPages(pages: PageSummary[], browse: Browse, keys: CollectionKeys, filters: Filters): PageSummary[] {
  const on = keys.filters.filter((f) => filters[f.key] === true);
  if (on.length === 0) return pages;
  return pages.filter((p) => on.every((f) => valueOf(browse, keys, p.path, f.key) === true));
}

/** Search result paths as the pages they are, in the ranked order (unknown paths dropped). */
export function resultPages(pages: PageSummary[], paths: string[]): PageSummary[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return paths.flatMap((path) => byPath.get(path) ?? []);
}
