import { describe, expect, it } from "vitest";
import { columnTexts, filtersOn, keysOf, sortOptions, startsOpen } from "./browse";
import type { CollectionKeys, SiteView } from "../ipc/types";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { translator } from "../i18n/locale";

const t = translator(en);

const all: CollectionKeys[] = [
  {
    collection: "engagements",
    columns: [
      { key: "role", label: "Role", kind: "text" },
      { key: "start", label: "Start", kind: "number" },
      { key: "end", label: "End", kind: "number" },
      { key: "prio", label: "Prio", kind: "number" },
    ],
    filters: [{ key: "ongoing", label: "Ongoing", kind: "yes_no" }],
  },
];
const keys = keysOf(all, "engagements");

function site(counts: number[]): SiteView {
  return {
    name: "s",
    root: "/s",
    generator: "jekyll",
    lang: null,
    keys: [],
    collections: counts.map((n, i) => ({ id: `c${i}`, label: `C${i}`, page_count: n })),
  };
}

describe("page list", () => {
  it("finds a collection's keys, or none", () => {
    expect(keys.columns).toHaveLength(4);
    expect(keysOf(all, "news")).toEqual({ collection: "news", columns: [], filters: [] });
  });

  it("shows key fields with start and end as a range", () => {
    expect(columnTexts(keys, ["Infrastructure", 2017, null, 1, true], t)).toEqual(["Infrastructure", "2017–", "1"]);
    expect(columnTexts(keys, ["Member", 2019, 2022, 2, false], t)).toEqual(["Member", "2019–2022", "2"]);
    expect(columnTexts(keys, ["Technical partner", "2023-08-21", null, null, true], t)).toEqual(["Technical partner", "2023-08-21–"]);
    expect(columnTexts(keys, [], t)).toEqual([]);
  });

  it("shows yes/no columns in the UI's language", () => {
    const k: CollectionKeys = { collection: "c", columns: [{ key: "ongoing", label: "Ongoing", kind: "yes_no" }], filters: [] };
    expect(columnTexts(k, [true], t)).toEqual(["yes"]);
    expect(columnTexts(k, [false], translator(sv))).toEqual(["nej"]);
  });

  it("offers title and the columns (not the end) to sort by", () => {
    expect(sortOptions(keys, t).map((o) => o.value)).toEqual(["title", "role", "start", "prio"]);
    expect(sortOptions(keys, translator(sv))[0]?.label).toBe("Titel");
  });

  it("sends only the filters that are switched on", () => {
    expect(filtersOn(undefined)).toEqual([]);
    expect(filtersOn({ ongoing: false })).toEqual([]);
    expect(filtersOn({ ongoing: true, hidden: true, x: false })).toEqual(["hidden", "ongoing"]);
  });

  it("opens every collection of a small site, none of a big one", () => {
    expect(startsOpen(site([8, 4, 3]))).toBe(true);
    expect(startsOpen(site([400, 100]))).toBe(true);
    expect(startsOpen(site([400, 101]))).toBe(false);
  });
});
