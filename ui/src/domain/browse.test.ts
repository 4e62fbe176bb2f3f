import { describe, expect, it } from "vitest";
import { columnTexts, filterPages, keysOf, resultPages, sortOptions, sortPages, valueOf } from "./browse";
import type { Browse, PageSummary } from "../ipc/types";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { translator } from "../i18n/locale";

const t = translator(en);

const page = (path: string, title: string): PageSummary => ({ path, collection: "engagements", title });
const pages = [page("a.md", "AIDA"), page("o.md", "Östersund Ultrasound Pilot"), page("n.md", "Nordic Imaging")];

const browse: Browse = {
  collections: [
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
  ],
  values: {
    "a.md": ["Infrastructure", 2017, null, 1, true],
    "o.md": ["Technical partner", "2023-08-21", null, null, true],
    "n.md": ["Member", 2019, 2022, 2, false],
  },
};
const keys = keysOf(browse, "engagements");

describe("page list", () => {
  it("finds a collection's keys, or none", () => {
    expect(keys.columns).toHaveLength(4);
    expect(keysOf(browse, "news")).toEqual({ collection: "news", columns: [], filters: [] });
    expect(valueOf(browse, keys, "a.md", "ongoing")).toBe(true);
    expect(valueOf(browse, keys, "a.md", "missing")).toBeNull();
    expect(valueOf(browse, keys, "x.md", "role")).toBeNull();
  });

  it("shows key fields with start and end as a range", () => {
    expect(columnTexts(browse, keys, "a.md", t)).toEqual(["Infrastructure", "2017–", "1"]);
    expect(columnTexts(browse, keys, "n.md", t)).toEqual(["Member", "2019–2022", "2"]);
    expect(columnTexts(browse, keys, "o.md", t)).toEqual(["Technical partner", "2023-08-21–"]);
  });

  it("shows yes/no columns in the UI's language", () => {
    const yesNo: Browse = {
      collections: [{ collection: "c", columns: [{ key: "ongoing", label: "Ongoing", kind: "yes_no" }], filters: [] }],
      values: { "a.md": [true], "b.md": [false] },
    };
    const k = keysOf(yesNo, "c");
    expect(columnTexts(yesNo, k, "a.md", t)).toEqual(["yes"]);
    expect(columnTexts(yesNo, k, "b.md", translator(sv))).toEqual(["nej"]);
  });

  it("offers title and the columns (not the end) to sort by", () => {
    expect(sortOptions(keys, t).map((o) => o.value)).toEqual(["title", "role", "start", "prio"]);
    expect(sortOptions(keys, translator(sv))[0]?.label).toBe("Titel");
  });

  it("sorts by title, by numbers and with empty values last", () => {
    expect(sortPages(pages, browse, keys, "title").map((p) => p.path)).toEqual(["a.md", "n.md", "o.md"]);
    expect(sortPages(pages, browse, keys, "prio").map((p) => p.path)).toEqual(["a.md", "n.md", "o.md"]);
    expect(sortPages(pages, browse, keys, "role").map((p) => p.path)).toEqual(["a.md", "n.md", "o.md"]);
    expect(sortPages(pages, browse, keys, "start").map((p) => p.path)).toEqual(["a.md", "n.md", "o.md"]);
  });

  it("filters by yes/no fields that are switched on", () => {
    expect(filterPages(pages, browse, keys, {}).length).toBe(3);
    expect(filterPages(pages, browse, keys, { ongoing: false }).length).toBe(3);
    expect(filterPages(pages, browse, keys, { ongoing: true }).map((p) => p.path)).toEqual(["a.md", "o.md"]);
  });

  it("turns ranked search paths into pages", () => {
    expect(resultPages(pages, ["o.md", "gone.md", "a.md"]).map((p) => p.title)).toEqual([
      "Östersund Ultrasound Pilot",
      "AIDA",
    ]);
  });
});
