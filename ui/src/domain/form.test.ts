import { describe, expect, it } from "vitest";
import { buildForm, fieldEdits, initialValues, labelFor, valueText } from "./form";
import type { Value } from "../ipc/types";

const fields: [string, Value][] = [
  ["title", { kind: "text", value: "AIDA" }],
  ["ongoing", { kind: "bool", value: true }],
  ["start", { kind: "int", value: 2017 }],
  ["end", { kind: "null" }],
  ["authors", { kind: "list", value: [{ kind: "text", value: "a" }, { kind: "text", value: "b" }] }],
];

describe("form model", () => {
  it("labels keys in words people use", () => {
    expect(labelFor("dateCreated")).toBe("Date created");
    expect(labelFor("end_year")).toBe("End year");
    expect(labelFor('"@id"')).toBe("Id");
    expect(labelFor("prio")).toBe("Prio");
  });

  it("shows scalars as editable text and collections as summaries", () => {
    const form = buildForm(fields);
    expect(form.map((f) => [f.key, f.original, f.editable])).toEqual([
      ["title", "AIDA", true],
      ["ongoing", "yes", true],
      ["start", "2017", true],
      ["end", "", true],
      ["authors", "2 items", false],
    ]);
    expect(buildForm(null)).toEqual([]);
  });

  it("sends only changed editable fields", () => {
    const form = buildForm(fields);
    const values = initialValues(form);
    expect(fieldEdits(form, values)).toEqual([]);
    values["title"] = "AIDA arena";
    values["end"] = "2026";
    values["authors"] = "changed summary";
    expect(fieldEdits(form, values)).toEqual([
      { key: "title", input: "AIDA arena" },
      { key: "end", input: "2026" },
    ]);
  });

  it("reads booleans as yes/no", () => {
    expect(valueText({ kind: "bool", value: false })).toBe("no");
    expect(valueText({ kind: "map", value: [["dateCreated", { kind: "null" }]] })).toBe("Date created");
  });
});
