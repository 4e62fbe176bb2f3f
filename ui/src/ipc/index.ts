// The ONLY module that imports @tauri-apps/*. Everything else talks to the
// `Backend` interface, so components and domain code can be tested with a fake.
import { Channel, invoke } from "@tauri-apps/api/core";
import { applyUpdate } from "../domain/previewBlocks";
import { textChange, type TextChange } from "../domain/textEdit";
import type {
  AppEvent,
  ChangesView,
  CloneDestination,
  CommitInfo,
  FileChange,
  JournalEntry,
  OutsideChange,
  PreviewBlock,
  PreviewSessionUpdate,
  Settle,
  FieldEdit,
  FieldOp,
  PageSchema,
  Preferences,
  Problem,
  SiteImage,
  SiteSetup,
  HistoryEntry,
  IpcError,
  ListQuery,
  PageSummary,
  PageWindow,
  SearchAnswer,
  LoadedPage,
  MergeView,
  Progress,
  Proposal,
  Published,
  Resolution,
  SaveOutcome,
  SiteStatus,
  SiteView,
  Words,
} from "./types";

export type * from "./types";

export interface Backend {
  currentSite(): Promise<SiteView | null>;
  chooseSite(): Promise<SiteView | null>;
  openSite(root: string): Promise<SiteView>;
  recentSites(): Promise<string[]>;
  openPage(path: string): Promise<LoadedPage>;
  savePage(path: string, fingerprint: string, edits: FieldEdit[], body: string | null, ops?: FieldOp[]): Promise<SaveOutcome>;
  renderPreview(path: string | null, body: string): Promise<PreviewBlock[]>;
  siteStylesheet(): Promise<string | null>;
  pageForLink(from: string, link: string): Promise<string | null>;
  commitChanges(message: string, paths: string[]): Promise<CommitInfo>;
  gitStatus(): Promise<SiteStatus>;
  statusOfPaths(paths: string[]): Promise<[string, FileChange | null][]>;
  reviewChanges(): Promise<ChangesView>;
  discardChange(path: string): Promise<void>;
  pageHistory(path: string): Promise<HistoryEntry[]>;
  pageVersion(commit: string, path: string): Promise<LoadedPage>;
  restoreVersion(commit: string, path: string): Promise<void>;
  syncSite(onProgress: (p: Progress) => void): Promise<MergeView>;
  openConflicts(): Promise<MergeView>;
  resolveConflicts(resolutions: [string, Resolution][], message: string): Promise<CommitInfo>;
  abandonMerge(): Promise<void>;
  publishSite(onProgress: (p: Progress) => void): Promise<Published>;
  proposeReview(message: string, paths: string[], onProgress: (p: Progress) => void): Promise<Proposal>;
  gitIdentity(): Promise<[string, string] | null>;
  setGitIdentity(name: string, email: string): Promise<void>;
  /** `address`: the site being cloned (its host keys the keychain entry);
   * without it, the open site's remote. */
  setHttpsToken(username: string, token: string, address?: string): Promise<{ in_keychain: boolean }>;
  openExternal(url: string): Promise<void>;
  /** The system spell checker's languages (BCP 47 tags: the text's, the UI's). */
  setSpellLanguages(tags: string[]): Promise<void>;
  subscribe(onEvent: (event: AppEvent) => void): Promise<void>;
  setUnsaved(count: number): Promise<void>;
  quitApp(): Promise<void>;
  outsideChange(path: string, edits: FieldEdit[], body: string | null, ops?: FieldOp[]): Promise<OutsideChange>;
  settleOutsideChange(
    path: string,
    edits: FieldEdit[],
    body: string | null,
    theirsFingerprint: string,
    settle: Settle,
    ops?: FieldOp[],
  ): Promise<SaveOutcome>;
  journalDraft(path: string, fingerprint: string, edits: FieldEdit[], body: string | null, ops?: FieldOp[]): Promise<void>;
  journalClear(path: string): Promise<void>;
  pendingDrafts(): Promise<JournalEntry[]>;
  pageSchema(path: string): Promise<PageSchema>;
  checkDraft(path: string, edits: FieldEdit[], ops: FieldOp[]): Promise<Problem[]>;
  siteImages(): Promise<SiteImage[]>;
  importImage(): Promise<SiteImage | null>;
  /** Copies file `index` of drop `drop` (dropped onto the window) into the
   * site's images folder; the path never leaves Rust. */
  importDropped(drop: number, index: number): Promise<SiteImage>;
  /** The pages matching `query`, best first, with their titles and collections;
   * at once, from titles and fields only while the pages' text is being read. */
  searchPages(query: string): Promise<SearchAnswer>;
  /** Resolves when searches answer completely (the pages' text is indexed). */
  searchIndexReady(): Promise<void>;
  /** One window of a collection's page list. */
  listPages(query: ListQuery): Promise<PageWindow>;
  /** Titles and collections of the pages at `paths` that are in the site. */
  pageSummaries(paths: string[]): Promise<PageSummary[]>;
  /** The address the page at `path` is published at (for a link to it). */
  pageUrl(path: string): Promise<string | null>;
  newPage(collection: string, title: string): Promise<string>;
  renamePage(path: string, name: string): Promise<string>;
  /** Copies the page at `path` into a new page titled `title`; returns its path. */
  duplicatePage(path: string, title: string): Promise<string>;
  deletePage(path: string): Promise<void>;
  getPreferences(): Promise<Preferences>;
  setPreferences(preferences: Preferences): Promise<Preferences>;
  installUpdate(): Promise<void>;
  cloneDestination(address: string): Promise<CloneDestination>;
  chooseCloneFolder(): Promise<string | null>;
  cloneSite(address: string, name: string, onProgress: (p: Progress) => void): Promise<SiteView>;
  cancelClone(): Promise<void>;
  siteSetup(): Promise<SiteSetup>;
}

function progressChannel(onProgress: (p: Progress) => void): Channel<Progress> {
  const channel = new Channel<Progress>();
  channel.onmessage = onProgress;
  return channel;
}

/** URL of a file of the opened site, served by the app's `galley-site` protocol
 * (WebView2 on Windows reaches custom schemes as http://<scheme>.localhost). */
export function siteAssetUrl(path: string): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const windows = typeof navigator !== "undefined" && navigator.userAgent.includes("Windows");
  return windows ? `http://galley-site.localhost/${encoded}` : `galley-site://localhost/${encoded}`;
}

/** Where a link in the preview frame points so that a click reaches the app
 * (the frame runs no script; the app's protocol answers "no content"). */
export function previewLinkUrl(link: string, external: boolean): string {
  const base = siteAssetUrl("__galley__/link");
  return `${base}?to=${encodeURIComponent(link)}&external=${external ? "1" : "0"}`;
}

/** Turns whatever a command rejected with into `{code, message, words}`. */
export function asIpcError(e: unknown): IpcError {
  if (typeof e === "object" && e !== null && "message" in e && "code" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    const error: IpcError = { code: String(code), message: String(message) };
    const words = asWords((e as { words?: unknown }).words);
    return words === null ? error : { ...error, words };
  }
  return { code: "unknown", message: String(e) };
}

/** `{code, params}` with string values, or null for anything else. */
function asWords(value: unknown): Words | null {
  if (typeof value !== "object" || value === null) return null;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== "string" || typeof params !== "object" || params === null) return null;
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(params)) out[name] = String(v);
  return { code, params: out };
}

/** The last preview render: its blocks (whose keys go with the next full
 * render), and the text, page and revision Rust kept of it (edits of that
 * text go as edits). */
let lastPreview: PreviewBlock[] = [];
let lastRender: { path: string | null; text: string; revision: number } | null = null;

/** Pages up to this many UTF-16 units are rendered within the keystroke
 * itself: Rust answers such an edit in a few milliseconds, and waiting for it
 * in the keystroke's own task lets the editor and the preview change in the
 * same frame. An asynchronous answer arrives while the webview is drawing the
 * keystroke and waits for that frame to end (most of the keystroke's time on
 * a software-rendered desktop). Longer pages render asynchronously, so typing
 * never waits for a long render. */
const RENDER_WITHIN_KEYSTROKE_UNITS = 256 * 1024;

/** Cleared once the webview refuses a synchronous request (a platform
 * without them): every edit then goes asynchronously. */
let withinKeystroke = true;

/** The protocol's answer when the edit would have to wait (a render holds the
 * text, or the site is being read again): this one goes asynchronously. */
const BUSY = 503;

/** Sends `edit` to the app's protocol and waits for the answer (see
 * src-tauri/src/protocol.rs); `undefined` when it is to go asynchronously. */
function editWithinKeystroke(path: string | null, edit: TextEditRequest): PreviewSessionUpdate | null | undefined {
  if (!withinKeystroke) return undefined;
  try {
    const request = new XMLHttpRequest();
    request.open("POST", siteAssetUrl("__galley__/preview-edit"), false);
    // text/plain keeps it a simple request: no preflight request before it.
    request.setRequestHeader("Content-Type", "text/plain;charset=UTF-8");
    request.send(JSON.stringify({ path, edit }));
    if (request.status === BUSY) return undefined;
    if (request.status === 200) {
      const answer: unknown = JSON.parse(request.responseText);
      if (answer === null || isSessionUpdate(answer)) return answer;
    }
  } catch {
    // Below: the asynchronous way from now on.
  }
  withinKeystroke = false;
  return undefined;
}

function isSessionUpdate(value: unknown): value is PreviewSessionUpdate {
  if (typeof value !== "object" || value === null) return false;
  const update = value as Partial<Record<keyof PreviewSessionUpdate, unknown>>;
  return typeof update.revision === "number" && Array.isArray(update.blocks) && Array.isArray(update.lines);
}

/** An edit of the text Rust keeps, made against its revision `base`. */
interface TextEditRequest extends TextChange {
  base: number;
}

/** Asks for a render of `body`: as an edit of the last rendered text when
 * there is one for this page (a keystroke sends a few bytes, not the page),
 * else, or when Rust no longer holds that text, as the whole text. */
async function renderLive(path: string | null, body: string): Promise<PreviewBlock[]> {
  const previous = lastPreview;
  const base = lastRender;
  let edited: PreviewSessionUpdate | null = null;
  if (base !== null && base.path === path) {
    const edit: TextEditRequest = { base: base.revision, ...textChange(base.text, body) };
    const now = body.length <= RENDER_WITHIN_KEYSTROKE_UNITS ? editWithinKeystroke(path, edit) : undefined;
    edited = now !== undefined ? now : await invoke<PreviewSessionUpdate | null>("preview_edit", { path, edit });
  }
  const update =
    edited ?? (await invoke<PreviewSessionUpdate>("render_preview", { path, body, known: previous.map((block) => block.key) }));
  lastPreview = applyUpdate(previous, update);
  lastRender = { path, text: body, revision: update.revision };
  return lastPreview;
}

export const tauriBackend: Backend = {
  currentSite: () => invoke("current_site"),
  chooseSite: () => invoke("choose_site"),
  openSite: (root) => invoke("open_site", { root }),
  recentSites: () => invoke("recent_sites"),
  openPage: (path) => invoke("open_page", { path }),
  savePage: (path, fingerprint, edits, body, ops = []) => invoke("save_page", { path, fingerprint, edits, ops, body }),
  renderPreview: (path, body) => {
    performance.clearMarks("galley:render-asked");
    performance.mark("galley:render-asked");
    return renderLive(path, body);
  },
  siteStylesheet: () => invoke("site_stylesheet"),
  pageForLink: (from, link) => invoke("page_for_link", { from, link }),
  commitChanges: (message, paths) => invoke("commit_changes", { message, paths }),
  gitStatus: () => invoke("git_status"),
  statusOfPaths: (paths) => invoke("status_of_paths", { paths }),
  reviewChanges: () => invoke("review_site_changes"),
  discardChange: (path) => invoke("discard_change", { path }),
  pageHistory: (path) => invoke("page_history", { path }),
  pageVersion: (commit, path) => invoke("page_version", { commit, path }),
  restoreVersion: (commit, path) => invoke("restore_version", { commit, path }),
  syncSite: (onProgress) => invoke("sync_site", { progress: progressChannel(onProgress) }),
  openConflicts: () => invoke("open_conflicts"),
  resolveConflicts: (resolutions, message) => invoke("resolve_conflicts", { resolutions, message }),
  abandonMerge: () => invoke("abandon_merge"),
  publishSite: (onProgress) => invoke("publish_site", { progress: progressChannel(onProgress) }),
  proposeReview: (message, paths, onProgress) =>
    invoke("propose_review", { message, paths, progress: progressChannel(onProgress) }),
  gitIdentity: () => invoke("git_identity"),
  setGitIdentity: (name, email) => invoke("set_git_identity", { name, email }),
  setHttpsToken: (username, token, address) => invoke("set_https_token", { username, token, address: address ?? null }),
  openExternal: (url) => invoke("open_external", { url }),
  setSpellLanguages: (tags) => invoke("set_spell_languages", { tags }),
  subscribe: (onEvent) => {
    const channel = new Channel<AppEvent>();
    channel.onmessage = onEvent;
    return invoke("subscribe", { channel });
  },
  setUnsaved: (count) => invoke("set_unsaved", { count }),
  quitApp: () => invoke("quit_app"),
  outsideChange: (path, edits, body, ops = []) => invoke("outside_change", { path, edits, ops, body }),
  settleOutsideChange: (path, edits, body, theirsFingerprint, settle, ops = []) =>
    invoke("settle_outside_change", { path, edits, ops, body, theirsFingerprint, settle }),
  journalDraft: (path, fingerprint, edits, body, ops = []) =>
    invoke("journal_draft", { path, fingerprint, edits, ops, body }),
  journalClear: (path) => invoke("journal_clear", { path }),
  pendingDrafts: () => invoke("pending_drafts"),
  pageSchema: (path) => invoke("page_schema", { path }),
  checkDraft: (path, edits, ops) => invoke("check_draft", { path, edits, ops, body: null }),
  siteImages: () => invoke("site_images"),
  importImage: () => invoke("import_image"),
  importDropped: (drop, index) => invoke("import_dropped", { drop, index }),
  searchPages: (query) => invoke("search_pages", { query }),
  searchIndexReady: () => invoke("search_index_ready"),
  newPage: (collection, title) => invoke("new_page", { collection, title }),
  renamePage: (path, name) => invoke("rename_page", { path, name }),
  duplicatePage: (path, title) => invoke("duplicate_page", { path, title }),
  deletePage: (path) => invoke("delete_page", { path }),
  getPreferences: () => invoke("get_preferences"),
  setPreferences: (preferences) => invoke("set_preferences", { preferences }),
  installUpdate: () => invoke("install_update"),
  cloneDestination: (address) => invoke("clone_destination", { address }),
  chooseCloneFolder: () => invoke("choose_clone_folder"),
  cloneSite: (address, name, onProgress) =>
    invoke("clone_site", { address, name, progress: progressChannel(onProgress) }),
  cancelClone: () => invoke("cancel_clone"),
  siteSetup: () => invoke("site_setup"),
  listPages: (query) => invoke("list_pages", { query }),
  pageSummaries: (paths) => invoke("page_summaries", { paths }),
  pageUrl: (path) => invoke("page_url", { path }),
};
