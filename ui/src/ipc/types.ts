// Wire types: the shapes the Rust shell sends (src-tauri/src/ipc and
// galley-core's serde output). Keep in step with those structs.

/** A typed front matter value, as galley-core serialises it. */
export type Value =
  | { kind: "null" }
  | { kind: "bool"; value: boolean }
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "date"; value: string }
  | { kind: "datetime"; value: string }
  | { kind: "text"; value: string }
  | { kind: "list"; value: Value[] }
  | { kind: "map"; value: [string, Value][] };

export interface Collection {
  id: string;
  label: string;
  page_count: number;
}

export interface PageSummary {
  path: string;
  collection: string;
  title: string;
}

export interface SiteView {
  name: string;
  root: string;
  generator: "jekyll" | "hugo" | "plain";
  collections: Collection[];
  pages: PageSummary[];
}

export interface LoadedPage {
  path: string;
  format: "yaml" | "toml" | null;
  fields: [string, Value][] | null;
  front_matter_problem: string | null;
  body: string;
  fingerprint: string;
}

export interface FieldEdit {
  key: string;
  input: string;
}

export interface SaveOutcome {
  fingerprint: string;
  written: boolean;
}

export interface ChangeView {
  path: string;
  change: "new" | "changed" | "deleted";
}

export interface CommitInfo {
  id: string;
  summary: string;
}

/** Errors cross IPC as `{code, message}`; `message` is plain words. */
export interface IpcError {
  code: string;
  message: string;
}
