import { describe, expect, it } from "vitest";
import type { CollectionSchema, FieldOp, FieldSchema, Problem, Value } from "../ipc/types";
import {
  applyOps,
  childPath,
  decimalText,
  emptyItem,
  parsePath,
  problemsByField,
  pushOp,
  quickCheck,
  refusedNumber,
  shapeAt,
  stepYear,
  toYaml,
  valueAt,
  widgetFor,
} from "./fields";

const text = (value: string): Value => ({ kind: "text", value });

function schema(key: string, kinds: FieldSchema["kinds"], extra: Partial<FieldSchema> = {}): FieldSchema {
  return { key, label: key, required: false, choices_from_settings: false, present: 1, of: 1, source: "inferred", kinds, ...extra };
}

const datacite: Value = {
  kind: "map",
  value: [
    ["@id", text("https://doi.org/x")],
    ["keywords", { kind: "list", value: [text("Radiology"), text("MRI"), text("Knee")] }],
  ],
};
const fields: [string, Value][] = [
  ["hidden", { kind: "bool", value: false }],
  [
    "datacite",
    {
      kind: "map",
      value: [
        ["@id", text("https://doi.org/x")],
        ["keywords", { kind: "list", value: [text("Radiology"), text("MRI"), text("Knee")] }],
      ],
    },
  ],
];

describe("widgets from the schema", () => {
  it("follows the collection's most common kind", () => {
    expect(widgetFor({ kind: "null" }, schema("end", [{ kind: "null", count: 4 }, { kind: "year", count: 3 }, { kind: "date", count: 2 }]))).toBe("year");
    expect(widgetFor({ kind: "bool", value: true }, schema("hidden", [{ kind: "bool", count: 9 }]))).toBe("toggle");
    expect(widgetFor({ kind: "int", value: 3 }, schema("prio", [{ kind: "int", count: 9 }]))).toBe("int");
    expect(widgetFor(text("/a.png"), schema("logo", [{ kind: "image", count: 9 }]))).toBe("image");
    expect(widgetFor(text("a@b.se"), undefined)).toBe("email");
    expect(widgetFor(text("two\nlines"), undefined)).toBe("longtext");
  });

  it("keeps a value's own widget when it is of another family, and honours settings", () => {
    expect(widgetFor(text("x"), schema("role", [{ kind: "text", count: 3 }], { choices: ["a", "b"] }))).toBe("choice");
    expect(widgetFor(text("2024-01-02"), schema("end", [{ kind: "bool", count: 3 }]))).toBe("text");
    expect(widgetFor({ kind: "date", value: "2024-01-02" }, schema("end", [{ kind: "year", count: 3 }]))).toBe("year");
    const start = schema("start", [{ kind: "date", count: 5 }, { kind: "year", count: 3 }]);
    expect(widgetFor({ kind: "int", value: 2017 }, start)).toBe("year");
    expect(widgetFor({ kind: "null" }, start)).toBe("date");
    expect(widgetFor(text("x"), schema("body", [{ kind: "text", count: 1 }], { widget: "text" }))).toBe("longtext");
  });

  it("sends deep structures to the YAML box", () => {
    expect(widgetFor({ kind: "list", value: [{ kind: "list", value: [] }] }, undefined)).toBe("yaml");
    expect(widgetFor(datacite, undefined)).toBe("object");
  });
});

describe("paths and operations", () => {
  it("builds and reads paths like the engine", () => {
    const id = childPath("datacite", "@id");
    expect(id).toBe('datacite."@id"');
    expect(parsePath(id)).toEqual(["datacite", "@id"]);
    expect(parsePath("authors[1].name")).toEqual(["authors", 1, "name"]);
    expect(valueAt(fields, id)).toEqual(text("https://doi.org/x"));
  });

  it("applies insert, move, remove and input in order", () => {
    const ops: FieldOp[] = [
      { op: "insert", key: "datacite.keywords", index: 3, value: text("Meniscus") },
      { op: "move", key: "datacite.keywords", from: 3, to: 0 },
      { op: "remove", key: "datacite.keywords[2]" },
      { op: "input", key: "datacite.keywords[0]", input: "Menisci" },
      { op: "set", key: "hidden", value: { kind: "bool", value: true } },
    ];
    const after = applyOps(fields, ops);
    expect(valueAt(after, "datacite.keywords")).toEqual({ kind: "list", value: [text("Menisci"), text("Radiology"), text("Knee")] });
    expect(valueAt(after, "hidden")).toEqual({ kind: "bool", value: true });
    expect(valueAt(fields, "datacite.keywords[0]")).toEqual(text("Radiology"));
  });

  it("coalesces typing into one operation per box", () => {
    let ops: FieldOp[] = [];
    ops = pushOp(ops, { op: "input", key: "a[0]", input: "x" });
    ops = pushOp(ops, { op: "input", key: "a[0]", input: "xy" });
    ops = pushOp(ops, { op: "move", key: "a", from: 0, to: 1 });
    ops = pushOp(ops, { op: "input", key: "a[1]", input: "xyz" });
    expect(ops).toEqual([
      { op: "input", key: "a[0]", input: "xy" },
      { op: "move", key: "a", from: 0, to: 1 },
      { op: "input", key: "a[1]", input: "xyz" },
    ]);
  });

  it("makes new items shaped like their siblings", () => {
    expect(emptyItem(undefined, { kind: "map", value: [["name", text("A")]] })).toEqual({ kind: "map", value: [["name", { kind: "null" }]] });
    expect(emptyItem(undefined, text("MRI"))).toEqual(text(""));
  });
});

describe("checks and formats", () => {
  it("explains wrong input in plain words", () => {
    expect(quickCheck("int", "first")).toBe("check.int");
    expect(quickCheck("int", "3")).toBeNull();
    expect(quickCheck("year", "20x4")).toBe("check.year");
    expect(quickCheck("year", "2024-05-31")).toBeNull();
    expect(quickCheck("url", "example.org")).toBe("check.url");
    expect(quickCheck("date", "31/5/2024")).toBe("check.date");
    expect(quickCheck("email", "name@example.org")).toBeNull();
    expect(quickCheck("text", "anything")).toBeNull();
  });

  it("refuses e-mail addresses and web addresses that are not", () => {
    for (const wrong of ["name", "name@", "@example.org", "name@example", "name@@example.org", "name @example.org", "name@example.o", "https://example.org"]) {
      expect(quickCheck("email", wrong), wrong).toBe("check.email");
    }
    for (const right of ["name@example.org", "mailto:Name.Surname@region.se", "  a.b@c.se  "]) {
      expect(quickCheck("email", right), right).toBeNull();
    }
    for (const wrong of ["example.org", "www.example.org", "ftp://example.org", "https://", "https://example", "http:/example.org", "https://exa mple.org", "javascript:alert(1)"]) {
      expect(quickCheck("url", wrong), wrong).toBe("check.url");
    }
    for (const right of ["https://example.org", "http://example.org/a?b=c#d", "/about/engagements/", "HTTPS://EXAMPLE.ORG"]) {
      expect(quickCheck("url", right), right).toBeNull();
    }
  });

  it("takes a decimal comma and refuses spellings that are no decimal number", () => {
    expect(decimalText("3,5")).toBe("3.5");
    expect(decimalText(" -0,25 ")).toBe("-0.25");
    expect(decimalText("3.5")).toBe("3.5");
    expect(decimalText("12")).toBe("12");
    expect(decimalText(".5")).toBe(".5");
    expect(decimalText("1.5e3")).toBe("1.5e3");
    expect(decimalText(".inf")).toBe(".inf");
    for (const wrong of ["0x10", "010", "1_000", "1,000.5", "1:30", "3,", ",5", "3.5.1", "three", "0b11", "1e", "", "+"]) {
      expect(decimalText(wrong), wrong).toBeNull();
    }
    expect(quickCheck("float", "3,5")).toBeNull();
    expect(quickCheck("float", "0x10")).toBe("check.float");
    expect(quickCheck("float", "Infinity")).toBe("check.float");
  });

  it("finds a nested field's schema and refuses a number before it is saved", () => {
    const collection: CollectionSchema = {
      collection: "datasets",
      label: "Datasets",
      page_count: 3,
      unreadable: 0,
      fields: [
        schema("other", [{ kind: "object", count: 3 }], {
          fields: [schema("ratio", [{ kind: "float", count: 3 }]), schema("scans", [{ kind: "int", count: 3 }])],
        }),
        schema("authors", [{ kind: "list", count: 3 }], {
          items: { kinds: [{ kind: "object", count: 3 }], fields: [schema("share", [{ kind: "float", count: 3 }])] },
        }),
      ],
    };
    expect(shapeAt(collection, "authors[2].share")?.kinds[0]?.kind).toBe("float");
    expect(shapeAt(collection, "other.missing")).toBeUndefined();
    const page: [string, Value][] = [["other", { kind: "map", value: [["ratio", { kind: "null" }]] }]];
    expect(refusedNumber(page, collection, [{ key: "other.ratio", input: "3.5" }])).toBeNull();
    expect(refusedNumber(page, collection, [{ key: "other.ratio", input: "0x10" }])).toEqual({ key: "other.ratio", message: "check.float" });
    expect(refusedNumber(page, collection, [{ key: "other.scans", input: "12 scans" }])).toEqual({ key: "other.scans", message: "check.int" });
    expect(refusedNumber(page, collection, [{ key: "authors[0].share", input: "half" }])).toEqual({ key: "authors[0].share", message: "check.float" });
    expect(refusedNumber(page, null, [{ key: "title", input: "0x10" }])).toBeNull();
  });

  it("gives dates with a time the date-and-time control, quoted or without seconds", () => {
    expect(widgetFor(text("2025-02-01 10:30 +0100"), undefined)).toBe("datetime");
    expect(widgetFor({ kind: "datetime", value: "2025-02-01T10:30:00Z" }, schema("date", [{ kind: "date", count: 3 }, { kind: "datetime", count: 1 }]))).toBe("datetime");
    expect(widgetFor(text("2025-02-01"), undefined)).toBe("text");
  });

  it("steps years", () => {
    expect(stepYear("2017", 1)).toBe("2018");
    expect(stepYear("2024-12-31", -1)).toBe("2023-12-31");
  });

  it("puts problems next to their field and its top-level group", () => {
    const p: Problem = { path: "a.md", line: 3, column: 1, severity: "error", code: "type-mismatch", field: "datacite.keywords[1]", message: "m", hint: "h", words: { code: "problem.malformed.tab", params: {} }, hint_words: { code: "problem.hint.spaces", params: {} } };
    const by = problemsByField([p]);
    expect(by.get("datacite.keywords[1]")).toEqual([p]);
    expect(by.get("datacite")).toEqual([p]);
  });

  it("shows a value as YAML for the YAML box", () => {
    expect(toYaml(datacite)).toBe('"@id": "https://doi.org/x"\nkeywords:\n  - Radiology\n  - MRI\n  - Knee');
    expect(toYaml({ kind: "list", value: [{ kind: "map", value: [["name", text("A")], ["n", { kind: "int", value: 2 }]] }] })).toBe("- name: A\n  n: 2");
  });
});
