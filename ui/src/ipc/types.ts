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

/** A search's answer (galley-core's `SearchAnswer`). */
export interface SearchAnswer {
  /** The pages found, best first. */
  pages: PageSummary[];
  /** False while the pages' text is still being read: only titles and fields
   * were searched (`searchIndexReady` says when asking again finds more). */
  complete: boolean;
}

/** The opened site: its collections and their key fields, not its pages (the
 * page list asks for the rows it shows with `listPages`). */
export interface SiteView {
  name: string;
  root: string;
  generator: "jekyll" | "hugo" | "plain";
  collections: Collection[];
  /** The language the pages are written in, when the site's config says (`sv`, `en-GB`). */
  lang: string | null;
  /** Each collection's key fields: the list's columns and yes/no filters. */
  keys: CollectionKeys[];
}

/** A field shown beside a page's title, or offered as a yes/no filter (galley-core's browse.rs). */
export interface KeyField {
  key: string;
  label: string;
  kind: "text" | "number" | "date" | "yes_no";
}

export interface CollectionKeys {
  collection: string;
  columns: KeyField[];
  filters: KeyField[];
}

/** A page's value of a key field: text and dates as written, numbers, yes/no; null when empty. */
export type KeyValue = string | number | boolean | null;

/** Which window of a collection's page list to show (sorted and filtered in the core). */
export interface ListQuery {
  collection: string;
  /** "title" or a column's key. */
  sort: string;
  /** Yes/no filters switched on. */
  filters: string[];
  offset: number;
  limit: number;
  /** A page whose place in the list is wanted too. */
  find?: string | null;
}

export interface PageRow {
  path: string;
  title: string;
  /** Values of the collection's columns, then of its filters. */
  values: KeyValue[];
}

export interface PageWindow {
  /** Pages in the whole (filtered) list. */
  total: number;
  offset: number;
  rows: PageRow[];
  /** Where `find` is in the list, if asked and there. */
  found: number | null;
}

export interface LoadedPage {
  path: string;
  format: "yaml" | "toml" | null;
  fields: [string, Value][] | null;
  front_matter_problem: string | null;
  front_matter_words: LineWords | null;
  body: string;
  fingerprint: string;
}

export interface FieldEdit {
  key: string;
  input: string;
}

/** A structured change of a draft, applied in order after the field edits.
 * `key` is a field path: `datacite.keywords`, `authors[1].name`, `datacite."@id"`. */
export type FieldOp =
  | { op: "input"; key: string; input: string }
  | { op: "set"; key: string; value: Value }
  | { op: "remove"; key: string }
  | { op: "insert"; key: string; index: number; value: Value }
  | { op: "move"; key: string; from: number; to: number }
  | { op: "yaml"; key: string; yaml: string };

export type SchemaKind =
  | "null"
  | "bool"
  | "int"
  | "year"
  | "float"
  | "date"
  | "datetime"
  | "text"
  | "url"
  | "email"
  | "image"
  | "file"
  | "list"
  | "object";

export interface Shape {
  kinds: { kind: SchemaKind; count: number }[];
  choices?: string[];
  files?: { found: number; missing: number; external: number };
  fields?: FieldSchema[];
  items?: Shape;
}

export interface FieldSchema extends Shape {
  key: string;
  label: string;
  help?: string;
  required: boolean;
  widget?: string;
  expects?: SchemaKind;
  choices_from_settings: boolean;
  present: number;
  of: number;
  source: "inferred" | "decap" | "galley";
}

export interface CollectionSchema {
  collection: string;
  label: string;
  page_count: number;
  unreadable: number;
  fields: FieldSchema[];
}

/** A sentence from the core as a code (a key of the catalogues) and the
 * values that fill it; see ui/src/i18n/coreWords.ts. */
export interface Words {
  code: string;
  params: Readonly<Record<string, string>>;
}

/** A problem at a line, said as "Line {line}: message hint". */
export interface LineWords {
  line: number;
  message: Words;
  hint: Words;
}

export interface Problem {
  path: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  code: string;
  field?: string;
  /** English; the fallback for `words`. */
  message: string;
  hint: string;
  words: Words;
  hint_words: Words;
}

export interface PageSchema {
  collection: string | null;
  schema: CollectionSchema | null;
  problems: Problem[];
}

export interface SiteImage {
  /** Site-relative file, for the thumbnail. */
  path: string;
  /** What the page writes (`/assets/icons/aida.png`). */
  reference: string;
}

export interface SaveOutcome {
  fingerprint: string;
  written: boolean;
}

export interface CommitInfo {
  id: string;
  summary: string;
}

/** Errors cross IPC as `{code, message, words}`: `code` to branch on,
 * `message` plain English words, `words` the same sentence for `t()` (absent
 * for failures that did not come from a command). */
export interface IpcError {
  code: string;
  message: string;
  words?: Words;
}

export type FileChange = "new" | "changed" | "deleted" | "renamed" | "conflicted";

export interface StatusEntry {
  path: string;
  change: FileChange;
  renamed_from: string | null;
}

export interface SiteStatus {
  files: StatusEntry[];
  branch: string | null;
  detached: boolean;
  upstream: string | null;
  ahead: number;
  behind: number;
  merge_in_progress: boolean;
}

export interface FieldChange {
  key: string;
  label: string;
  kind: "added" | "removed" | "changed";
  before: string;
  after: string;
}

export type BodyPiece = { op: "same"; text: string } | { op: "added"; text: string } | { op: "removed"; text: string };

export interface PageReview {
  fields: FieldChange[];
  body: BodyPiece[];
  problem: string | null;
  problem_words: Words | null;
}

export interface ChangeReview {
  path: string;
  title: string;
  change: FileChange;
  review: PageReview | null;
}

export interface ChangesView {
  changes: ChangeReview[];
  suggested_message: string;
  suggested_words: Words | null;
}

export interface HistoryEntry {
  id: string;
  short_id: string;
  author: string;
  email: string;
  time: number;
  offset_minutes: number;
  summary: string;
  message: string;
  path: string;
}

export interface ConflictView {
  path: string;
  title: string;
  mine: PageReview | null;
  theirs: PageReview | null;
  combined: MergeOutcome | null;
  combine_problem: string | null;
  combine_problem_words: Words | null;
}

export type Resolution = { kind: "mine" } | { kind: "theirs" } | { kind: "combine"; choices: Choice[] };

export interface MergeView {
  outcome: "up_to_date" | "fast_forwarded" | "merged" | "conflicts";
  conflicts: ConflictView[];
}

export interface Published {
  branch: string;
  remote: string;
  remote_branch: string;
  commit: string;
  set_upstream: boolean;
}

export interface Proposal {
  branch: string;
  commit: string;
  review_url: string | null;
}

export type Progress =
  | { stage: "receiving"; objects: number; total: number; bytes: number }
  | { stage: "sending"; objects: number; total: number; bytes: number };

export interface SiteChanges {
  pages_changed: string[];
  pages_added: string[];
  pages_removed: string[];
  pages_renamed: { from: string; to: string }[];
  config_changed: string[];
  assets_changed: string[];
  git_state_changed: boolean;
  rescan: boolean;
  watch_mode: unknown;
}

export type AppEvent =
  | { kind: "site_changed"; changes: SiteChanges; notice: string | null; notice_words: Words | null }
  | { kind: "close_requested" }
  | { kind: "link_clicked"; link: string; external: boolean }
  | { kind: "file_drag"; x: number; y: number; images: boolean | null }
  | { kind: "file_drag_left" }
  | { kind: "files_dropped"; offer: DropOffer; x: number; y: number }
  | { kind: "update_available"; offer: UpdateOffer };

/** One file dropped onto the window, as far as the UI may know it (its path
 * stays in Rust, crates/galley-core/src/drops.rs). */
export interface DroppedFile {
  name: string;
  /** Named like an image the site can show. */
  image: boolean;
}

/** A drop onto the window: the UI asks for "file N of drop D" by these numbers. */
export interface DropOffer {
  drop: number;
  files: DroppedFile[];
}

/** A new version of Galley found by the background look. */
export interface UpdateOffer {
  version: string;
  notes: string | null;
}

export type LanguagePref = "system" | "en" | "sv";
export type ThemePref = "system" | "light" | "dark";
export type PreviewSide = "right" | "left" | "hidden";
export type AutoSave = "off" | "30s" | "1m" | "5m";

/** The editor's preferences (src-tauri/src/preferences.rs). */
export interface Preferences {
  language: LanguagePref;
  theme: ThemePref;
  editor_font_size: number;
  preview_side: PreviewSide;
  auto_save: AutoSave;
  check_for_updates: boolean;
}

/** What an opened site folder has of git's set-up. */
export interface SiteSetup {
  repository: boolean;
  remote: string | null;
  identity: boolean;
}

/** Where "Clone a site…" puts the copy. */
export interface CloneDestination {
  parent: string;
  name: string;
}

export interface FieldClash {
  kind: "field";
  field: string;
  base: Value | null;
  mine: Value | null;
  theirs: Value | null;
}

export interface ClashLines {
  first_line: number;
  count: number;
  text: string;
}

export interface BodyClash {
  kind: "body";
  base: ClashLines;
  mine: ClashLines;
  theirs: ClashLines;
}

export type Clash = FieldClash | BodyClash;

export interface MergeOutcome {
  clashes: Clash[];
  fields_from_mine: string[];
  fields_from_theirs: string[];
}

export interface OutsideChange {
  theirs_fingerprint: string;
  deleted: boolean;
  outcome: MergeOutcome | null;
}

export type Choice = { kind: "mine" } | { kind: "theirs" } | { kind: "both" } | { kind: "edited"; text: string };

export type Settle = { kind: "keep_mine" } | { kind: "combine"; choices: Choice[] };

export interface JournalEntry {
  path: string;
  base_fingerprint: string;
  draft: { field_edits: FieldEdit[]; ops?: FieldOp[]; body: string | null };
  saved_at: number;
}

/** One piece of the rendered preview (galley-core's preview::PreviewBlock):
 * sanitized HTML that stands on its own, and the body lines it came from. */
export interface PreviewBlock {
  html: string;
  first_line: number;
  last_line: number;
  /** A hash of `html`, by which the preview says which blocks it shows. */
  key: number;
}

/** From the blocks the preview shows to a new render (preview::PreviewUpdate):
 * blocks kept at both ends, the new ones between, every block's lines. */
export interface PreviewUpdate {
  keep_start: number;
  keep_end: number;
  blocks: PreviewBlock[];
  /** First and last line of every block, flat. */
  lines: number[];
}

/** A render's answer with the revision of the text Rust keeps of it
 * (preview::SessionUpdate): the next edit is made against that revision. */
export interface PreviewSessionUpdate extends PreviewUpdate {
  revision: number;
}
