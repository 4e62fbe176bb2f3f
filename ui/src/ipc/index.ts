// The ONLY module that imports @tauri-apps/*. Everything else talks to the
// `Backend` interface, so components and domain code can be tested with a fake.
import { invoke } from "@tauri-apps/api/core";
import type {
  ChangeView,
  CommitInfo,
  FieldEdit,
  IpcError,
  LoadedPage,
  SaveOutcome,
  SiteView,
} from "./types";

export type * from "./types";

export interface Backend {
  currentSite(): Promise<SiteView | null>;
  chooseSite(): Promise<SiteView | null>;
  openSite(root: string): Promise<SiteView>;
  recentSites(): Promise<string[]>;
  openPage(path: string): Promise<LoadedPage>;
  savePage(path: string, fingerprint: string, edits: FieldEdit[], body: string | null): Promise<SaveOutcome>;
  renderPreview(body: string): Promise<string>;
  listChanges(): Promise<ChangeView[]>;
  commitChanges(message: string, paths: string[]): Promise<CommitInfo>;
}

/** Turns whatever a command rejected with into `{code, message}`. */
export function asIpcError(e: unknown): IpcError {
  if (typeof e === "object" && e !== null && "message" in e && "code" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    return { code: String(code), message: String(message) };
  }
  return { code: "unknown", message: String(e) };
}

export const tauriBackend: Backend = {
  currentSite: () => invoke("current_site"),
  chooseSite: () => invoke("choose_site"),
  openSite: (root) => invoke("open_site", { root }),
  recentSites: () => invoke("recent_sites"),
  openPage: (path) => invoke("open_page", { path }),
  savePage: (path, fingerprint, edits, body) => invoke("save_page", { path, fingerprint, edits, body }),
  renderPreview: (body) => invoke("render_preview", { body }),
  listChanges: () => invoke("list_changes"),
  commitChanges: (message, paths) => invoke("commit_changes", { message, paths }),
};
