import { describe, expect, it } from "vitest";
import type { FieldOp, FieldSchema, Problem, Value } from "../ipc/types";
import {
  applyOps,
  childPath,
  emptyItem,
  parsePath,
  problemsByField,
  pushOp,
  quickCheck,
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
