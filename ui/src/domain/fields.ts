// The schema-driven form: which widget each field gets, the working copy of
// lists and groups after the editor's structured operations, field paths,
// quick checks while typing, and problems placed next to their fields.
// Pure, so it is tested without a window.
import type { CollectionSchema, FieldOp, FieldSchema, Problem, SchemaKind, Shape, Value } from "../ipc/types";
import type { MessageKey } from "../i18n/en";
import { parseDateTime } from "./datetime";

export type Widget =
  | "text"
  | "longtext"
  | "toggle"
  | "int"
  | "float"
  | "year"
  | "date"
  | "datetime"
  | "url"
  | "email"
  | "image"
  | "choice"
  | "list"
  | "object"
  | "yaml";

/** Decap widget names a site's settings may give, and the widget Galley shows. */
const NAMED_WIDGETS: Record<string, Widget> = {
  string: "text",
  text: "longtext",
  markdown: "longtext",
  boolean: "toggle",
  number: "float",
  datetime: "datetime",
  date: "date",
  image: "image",
  file: "text",
  select: "choice",
  list: "list",
  object: "object",
};

function dominant(shape: Shape | undefined): SchemaKind | null {
  const top = shape?.kinds.find((k) => k.kind !== "null");
  return top === undefined ? null : top.kind;
}

function kindWidget(kind: SchemaKind | null): Widget | null {
  switch (kind) {
    case "bool":
      return "toggle";
    case "int":
      return "int";
    case "float":
      return "float";
    case "year":
      return "year";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "url":
      return "url";
    case "email":
      return "email";
    case "image":
      return "image";
    case "list":
      return "list";
    case "object":
      return "object";
    case "text":
    case "file":
      return "text";
    default:
      return null;
  }
}

/** A kind for a value on its own (no schema): like the engine's `Kind::of`. */
export function kindOf(value: Value): SchemaKind {
  switch (value.kind) {
    case "null":
      return "null";
    case "bool":
      return "bool";
    case "int":
      return value.value >= 1000 && value.value <= 2999 ? "year" : "int";
    case "float":
      return "float";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "list":
      return "list";
    case "map":
      return "object";
    case "text": {
      const t = value.value.trim().toLowerCase();
      if (t.startsWith("http://") || t.startsWith("https://")) return "url";
      if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(t) || t.startsWith("mailto:")) return "email";
      // Quoted, or without seconds: text to YAML, a date and time to Jekyll and Hugo.
      if (parseDateTime(t) !== null) return "datetime";
      if (/\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$/.test(t)) return "image";
      return "text";
    }
  }
}

/** Lists of lists and deeper structures are edited as YAML. */
function needsYaml(value: Value, depth: number): boolean {
  if (depth > 3) return true;
  if (value.kind === "list") {
    return value.value.some((v) => v.kind === "list" || needsYaml(v, depth + 1));
  }
  if (value.kind === "map") return value.value.some(([, v]) => needsYaml(v, depth + 1));
  return false;
}

/** The widget for a field: the settings' choice, then the schema's most common
 * kind, then the value's own kind. */
export function widgetFor(value: Value, schema: FieldSchema | Shape | undefined, depth = 0): Widget {
  if (value.kind === "list" || value.kind === "map") {
    if (needsYaml(value, depth)) return "yaml";
    return value.kind === "list" ? "list" : "object";
  }
  const named = schema !== undefined && "widget" in schema && schema.widget !== undefined ? NAMED_WIDGETS[schema.widget] : undefined;
  if (named !== undefined && named !== "list" && named !== "object") return named;
  const expects = schema !== undefined && "expects" in schema ? schema.expects : undefined;
  const fromSchema = kindWidget(expects ?? dominant(schema));
  const choices = schema?.choices;
  if (choices !== undefined && choices.length > 0 && (fromSchema === "text" || fromSchema === null)) return "choice";
  const own = kindWidget(kindOf(value));
  // A value of another family than the schema expects (a date where most pages
  // have a year) keeps its own widget, so nothing is lost.
  // So does a value whose own kind the collection also uses (a year where most
  // pages have a date).
  const ownKindSeen = value.kind !== "null" && (schema?.kinds.some((k) => k.kind === kindOf(value)) ?? false);
  const widget =
    own !== null && fromSchema !== null && (ownKindSeen || !compatible(own, fromSchema)) ? own : (fromSchema ?? own ?? "text");
  if (widget === "text" && value.kind === "text" && value.value.includes("\n")) return "longtext";
  if (widget === "list" || widget === "object") return "yaml";
  return widget;
}

function family(w: Widget): string {
  switch (w) {
    case "int":
    case "float":
      return "number";
    case "year":
      return "number-time";
    case "date":
    case "datetime":
      return "time";
    case "toggle":
      return "bool";
    default:
      return "text";
  }
}

function compatible(a: Widget, b: Widget): boolean {
  const fa = family(a);
  const fb = family(b);
  return fa === fb || fa.includes(fb) || fb.includes(fa);
}

/** A field path segment for a key: quoted when it holds dots, brackets, quotes,
 * `@` or spaces (as the engine writes paths). */
export function keySegment(key: string): string {
  return key === "" || /[.[\]"\\@\s]/.test(key) ? `"${key.replace(/["\\]/g, (c) => `\\${c}`)}"` : key;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return parent === "" ? keySegment(key) : `${parent}.${keySegment(key)}`;
}

type Step = string | number;

/** `datacite."@id"` → ["datacite", "@id"]; `authors[1].name` → ["authors", 1, "name"]. */
export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      i++;
    } else if (c === "[") {
      const end = path.indexOf("]", i);
      steps.push(Number(path.slice(i + 1, end)));
      i = end + 1;
    } else if (c === '"') {
      let key = "";
      i++;
      while (i < path.length && path[i] !== '"') {
        if (path[i] === "\\") i++;
        key += path[i];
        i++;
      }
      steps.push(key);
      i++;
    } else {
      let key = "";
      while (i < path.length && path[i] !== "." && path[i] !== "[") key += path[i++];
      steps.push(key);
    }
  }
  return steps;
}

function get(root: Value, steps: Step[]): Value | undefined {
  let node: Value | undefined = root;
  for (const step of steps) {
    if (node === undefined) return undefined;
    if (typeof step === "number") node = node.kind === "list" ? node.value[step] : undefined;
    else node = node.kind === "map" ? node.value.find(([k]) => k === step)?.[1] : undefined;
  }
  return node;
}

function replace(root: Value, steps: Step[], f: (v: Value | undefined) => Value | undefined): Value {
  if (steps.length === 0) return f(root) ?? { kind: "null" };
  const [step, ...rest] = steps;
  if (typeof step === "number" && root.kind === "list") {
    const items = [...root.value];
    const next = replace(items[step] ?? { kind: "null" }, rest, f);
    items[step] = next;
    return { kind: "list", value: items };
  }
  if (typeof step === "string") {
    const entries: [string, Value][] = root.kind === "map" ? [...root.value] : [];
    const i = entries.findIndex(([k]) => k === step);
    const current = entries[i]?.[1];
    if (rest.length === 0) {
      const next = f(current);
      if (next === undefined) {
        if (i >= 0) entries.splice(i, 1);
      } else if (i >= 0) entries[i] = [step, next];
      else entries.push([step, next]);
    } else {
      const next = replace(current ?? { kind: "map", value: [] }, rest, f);
      if (i >= 0) entries[i] = [step, next];
      else entries.push([step, next]);
    }
    return { kind: "map", value: entries };
  }
  return root;
}

/** What typed text becomes, following the kind the field has (a preview of the
 * engine's reading; the engine decides on save). */
function typed(current: Value | undefined, input: string): Value {
  const kind = current?.kind ?? "text";
  if (input === "") return { kind: "null" };
  if (kind === "int" && /^-?\d+$/.test(input)) return { kind: "int", value: Number(input) };
  const decimal = kind === "float" ? decimalText(input) : null;
  if (decimal !== null && Number.isFinite(Number(decimal))) return { kind: "float", value: Number(decimal) };
  if (kind === "date" || kind === "datetime") return { kind, value: input };
  return { kind: "text", value: input };
}

function applyOne(root: Value, op: FieldOp): Value {
  const steps = parsePath(op.key);
  switch (op.op) {
    case "input":
      return replace(root, steps, (v) => typed(v, op.input));
    case "set":
      return replace(root, steps, () => op.value);
    case "yaml":
      return root; // Shown from the engine's reading after saving; the box keeps the text.
    case "remove": {
      const last = steps[steps.length - 1];
      if (typeof last === "number") {
        return replace(root, steps.slice(0, -1), (list) =>
          list?.kind === "list" ? { kind: "list", value: list.value.filter((_, i) => i !== last) } : list,
        );
      }
      return replace(root, steps, () => undefined);
    }
    case "insert":
      return replace(root, steps, (list) => {
        const items = list?.kind === "list" ? [...list.value] : [];
        items.splice(op.index, 0, op.value);
        return { kind: "list", value: items };
      });
    case "move":
      return replace(root, steps, (list) => {
        if (list?.kind !== "list") return list;
        const items = [...list.value];
        const [item] = items.splice(op.from, 1);
        if (item !== undefined) items.splice(op.to, 0, item);
        return { kind: "list", value: items };
      });
  }
}

/** The fields as the form shows them: the page's fields with the operations applied. */
export function applyOps(fields: [string, Value][], ops: FieldOp[]): [string, Value][] {
  let root: Value = { kind: "map", value: fields };
  for (const op of ops) root = applyOne(root, op);
  return root.kind === "map" ? root.value : [];
}

/** The value at a path of the working copy. */
export function valueAt(fields: [string, Value][], path: string): Value | undefined {
  return get({ kind: "map", value: fields }, parsePath(path));
}

/** Adds an operation; typing into the same box again replaces the last one, so
 * a word typed letter by letter is one operation. */
export function pushOp(ops: FieldOp[], op: FieldOp): FieldOp[] {
  const last = ops[ops.length - 1];
  if (last !== undefined && last.key === op.key && (op.op === "input" || op.op === "set" || op.op === "yaml") && last.op === op.op) {
    return [...ops.slice(0, -1), op];
  }
  return [...ops, op];
}

/** An empty item for a list, shaped like its items: a group gets its fields, empty. */
export function emptyItem(items: Shape | undefined, sibling: Value | undefined): Value {
  if (sibling?.kind === "map") return { kind: "map", value: sibling.value.map(([k]) => [k, { kind: "null" }]) };
  const kind = dominant(items);
  if (kind === "object" && items?.fields !== undefined) {
    return { kind: "map", value: items.fields.map((f) => [f.key, { kind: "null" }]) };
  }
  return { kind: "text", value: "" };
}

/** Plain-words check of what was typed, before the engine is asked: the
 * message's key, or null when the text looks right. */
export function quickCheck(widget: Widget, text: string): MessageKey | null {
  const t = text.trim();
  if (t === "") return null;
  switch (widget) {
    case "int":
      return /^-?\d+$/.test(t) ? null : "check.int";
    case "year":
      return /^\d{4}$/.test(t) || /^\d{4}-\d{2}-\d{2}$/.test(t) ? null : "check.year";
    case "float":
      return decimalText(t) === null ? "check.float" : null;
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? null : "check.date";
    case "datetime":
      return /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(t) ? null : "check.datetime";
    case "url":
      return /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(t) || t.startsWith("/") ? null : "check.url";
    case "email":
      return /^(mailto:)?[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(t) ? null : "check.email";
    default:
      return null;
  }
}

/** A decimal number as typed, in the spelling the file gets: `3,5` (a Swedish
 * decimal comma) becomes `3.5`, `3.5` stays; null for what is no decimal number
 * or would be read as another one (`0x10`, `010`, `1_000`, `1,000.5`, `1:30`).
 * The engine's `decimal_input` follows the same rules. */
export function decimalText(typed: string): string | null {
  const t = typed.trim();
  if (/^([+-]?\.inf|\.nan)$/i.test(t)) return t;
  const m = /^([+-]?)(\d*)(?:([.,])(\d*))?([eE][+-]?\d+)?$/.exec(t);
  if (m === null) return null;
  const [, sign = "", whole = "", mark, fraction, exponent = ""] = m;
  if (whole === "" && (fraction ?? "") === "") return null;
  if (mark === "," && (whole === "" || (fraction ?? "") === "")) return null;
  if (whole.length > 1 && whole.startsWith("0")) return null;
  return `${sign}${whole}${mark === undefined ? "" : `.${fraction ?? ""}`}${exponent}`;
}

/** The schema of the field at `path` (`datacite.author[1].name`), if known. */
export function shapeAt(schema: CollectionSchema | null, path: string): FieldSchema | Shape | undefined {
  let shape: FieldSchema | Shape | undefined;
  for (const [i, step] of parsePath(path).entries()) {
    if (typeof step === "number") shape = shape?.items;
    else shape = (i === 0 ? schema?.fields : shape?.fields)?.find((f) => f.key === step);
    if (shape === undefined) return undefined;
  }
  return shape;
}

/** Before a save: the first number typed in a spelling the form refuses (letters,
 * `0x10`), which the engine could read as another number when the field was
 * empty. Its path and the message shown next to it; null when all read. */
export function refusedNumber(
  fields: [string, Value][],
  schema: CollectionSchema | null,
  inputs: { key: string; input: string }[],
): { key: string; message: MessageKey } | null {
  for (const { key, input } of inputs) {
    const widget = widgetFor(valueAt(fields, key) ?? { kind: "null" }, shapeAt(schema, key));
    if (widget !== "int" && widget !== "float") continue;
    const message = quickCheck(widget, input);
    if (message !== null) return { key, message };
  }
  return null;
}

/** A year stepped up or down; a date keeps its month and day. */
export function stepYear(text: string, by: number): string {
  const m = /^(\d{4})(.*)$/.exec(text.trim());
  if (m === null) return String(new Date().getFullYear());
  return `${Number(m[1]) + by}${m[2]}`;
}

/** Problems by the field path they belong to; a problem inside a list item is
 * also shown at the list's top-level field, where the editor looks. */
export function problemsByField(problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (key: string, p: Problem): void => {
    const list = out.get(key) ?? [];
    if (!list.includes(p)) list.push(p);
    out.set(key, list);
  };
  for (const p of problems) {
    if (p.field === undefined) continue;
    add(p.field, p);
    const top = parsePath(p.field)[0];
    if (typeof top === "string") add(keySegment(top), p);
  }
  return out;
}

/** The YAML an "Edit as YAML" box starts with. */
export function toYaml(value: Value, indent = ""): string {
  switch (value.kind) {
    case "null":
      return "";
    case "bool":
      return value.value ? "true" : "false";
    case "int":
    case "float":
      return String(value.value);
    case "date":
    case "datetime":
      return value.value;
    case "text":
      return /^[\w][\w .,/()-]*$/.test(value.value) && !/^(yes|no|true|false|on|off|null|~|\d.*)$/i.test(value.value)
        ? value.value
        : JSON.stringify(value.value);
    case "list":
      return value.value.length === 0
        ? "[]"
        : value.value
            .map((v) => {
              const inner = toYaml(v, `${indent}  `);
              return `${indent}- ${v.kind === "map" || v.kind === "list" ? inner.trimStart() : inner}`;
            })
            .join("\n");
    case "map":
      return value.value.length === 0
        ? "{}"
        : value.value
            .map(([k, v]) => {
              const name = /^[\w-]+$/.test(k) ? k : JSON.stringify(k);
              if ((v.kind === "map" || v.kind === "list") && v.value.length > 0) {
                return `${indent}${name}:\n${toYaml(v, `${indent}  `)}`;
              }
              const inner = toYaml(v, indent);
              return inner === "" ? `${indent}${name}:` : `${indent}${name}: ${inner}`;
            })
            .join("\n");
  }
}
