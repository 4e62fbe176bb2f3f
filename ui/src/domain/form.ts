// The front matter form's model: which fields show as editable text boxes,
// with what label and starting text, and which edits a save must send.
// Pure, so it is tested without a window.
import type { FieldEdit, Value } from "../ipc/types";
import { keySegment } from "./fields";

export interface FormField {
  key: string;
  label: string;
  kind: Value["kind"];
  /** The text the box starts with; edits are detected against it. */
  original: string;
  /** Lists and maps are shown, not yet edited, in this form. */
  editable: boolean;
}

const SCALAR_KINDS: ReadonlySet<Value["kind"]> = new Set(["null", "bool", "int", "float", "date", "datetime", "text"]);

/** The text an editor sees for a value. Booleans read as yes/no, the words editors use. */
export function valueText(value: Value): string {
  switch (value.kind) {
    case "null":
      return "";
    case "bool":
      return value.value ? "yes" : "no";
    case "int":
    case "float":
      return String(value.value);
    case "date":
    case "datetime":
    case "text":
      return value.value;
    case "list":
      return value.value.length === 1 ? "1 item" : `${value.value.length} items`;
    case "map":
      return value.value.map(([k]) => labelFor(k)).join(", ");
  }
}

/** "dateCreated" → "Date created", "end_year" → "End year", "@id" → "Id". */
export function labelFor(key: string): string {
  const words = key
    .replace(/[@"]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.length === 0 ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

export function buildForm(fields: [string, Value][] | null): FormField[] {
  if (fields === null) return [];
  return fields.map(([key, value]) => ({
    key,
    label: labelFor(key),
    kind: value.kind,
    original: valueText(value),
    editable: SCALAR_KINDS.has(value.kind),
  }));
}

/** The edits to send on save: only fields whose text differs from the start. */
export function fieldEdits(form: FormField[], values: Record<string, string>): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const field of form) {
    const now = values[field.key];
    if (field.editable && now !== undefined && now !== field.original) {
      edits.push({ key: keySegment(field.key), input: now });
    }
  }
  return edits;
}

/** Starting values for the form's text boxes. */
export function initialValues(form: FormField[]): Record<string, string> {
  return Object.fromEntries(form.map((f) => [f.key, f.original]));
}
