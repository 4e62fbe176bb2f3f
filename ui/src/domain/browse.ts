// The page list's words and choices: key field texts beside a title, what a
// collection can be sorted by, and whether collections start open. Sorting and
// filtering happen in the core (galley-core's browse.rs), which sends only the
// rows the list shows. Pure: no IPC, no DOM.
import type { CollectionKeys, KeyField, KeyValue, SiteView } from "../ipc/types";
import type { Translate } from "../i18n/locale";

/** Sort by the title, or by a key field's key. */
export type SortBy = "title" | string;

/** Per yes/no field key: show only pages where it is yes. */
export type Filters = Record<string, boolean>;

/** Up to this many pages in the whole site, every collection starts open (as a
 * short list reads best open); a bigger site starts with its collections
 * closed, so its first screen is the list of collections. */
export const OPEN_ALL_UP_TO = 500;

/** The key fields of a collection (none when the site has none for it). */
export function keysOf(keys: CollectionKeys[], collection: string): CollectionKeys {
  return keys.find((c) => c.collection === collection) ?? { collection, columns: [], filters: [] };
}

/** Whether collections start open in this site. */
export function startsOpen(site: SiteView): boolean {
  return site.collections.reduce((n, c) => n + c.page_count, 0) <= OPEN_ALL_UP_TO;
}

/** A value as text: yes/no in the UI's language. */
function show(value: KeyValue | undefined, t: Translate): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? t("common.yesValue") : t("common.noValue");
  return String(value);
}

/** The texts shown beside a page's title: one per column, with `start` and `end`
 * joined as a range ("2017–", "2019–2022"); empty values left out. `values` are
 * the row's values of the columns, then of the filters. */
export function columnTexts(keys: CollectionKeys, values: KeyValue[], t: Translate): string[] {
  const out: string[] = [];
  const at = (key: string): string => show(values[keys.columns.findIndex((c) => c.key === key)], t);
  for (const column of keys.columns) {
    if (column.key === "end" && keys.columns.some((c) => c.key === "start")) continue;
    const value = at(column.key);
    if (column.key === "start") {
      const end = at("end");
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

/** The yes/no filters switched on, as the core's query wants them. */
export function filtersOn(filters: Filters | undefined): string[] {
  return Object.entries(filters ?? {})
    .filter(([, on]) => on)
    .map(([key]) => key)
    .sort();
}
