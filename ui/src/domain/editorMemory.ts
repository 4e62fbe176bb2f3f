// Each page's editor, kept while the app runs: its text, selection, undo
// history and scroll position, so leaving a page and coming back is like
// never having left (Ctrl+Z still undoes what was typed there).
//
// The page's draft (App.svelte) stays the truth about its text: a kept editor
// is used again only when it holds exactly the text the page opens with.
// When the text came from disk in between (another program, Get latest,
// Discard, a restored version), the undo steps describe edits to a text that
// is no longer there: the editor starts a new history on the new text, as a
// reload in place does (see BodyEditor's `revision`).

import { EditorSelection, EditorState, StateEffect, type Extension } from "@codemirror/state";
import type { LinePlace } from "./previewBlocks";

/** Where the editor's column was scrolled to. */
export interface ScrollSpot {
  /** The body line at the top, or null while the page's fields are in view. */
  place: LinePlace | null;
  /** The column's scroll offset in pixels, for when `place` is null. */
  top: number;
}

/** A page's editor as it is given back. */
export interface RestoredEditor {
  state: EditorState;
  scroll: ScrollSpot | null;
}

interface Kept {
  state: EditorState;
  scroll: ScrollSpot | null;
}

/** How many pages' editors are kept: each holds its whole text and undo
 * history, so an afternoon of going through a site's pages must not grow
 * without end. The page left longest ago loses its editor first; only undo
 * history goes with it, never words (unsaved text lives in the drafts). */
export const KEPT_EDITORS = 40;

/** The editors of the pages opened since the site was. */
export class EditorMemory {
  /** In the order the pages were last used: the oldest first. */
  readonly #kept = new Map<string, Kept>();

  /** Remembers `path`'s editor state (after every change: cheap, one map entry). */
  keep(path: string, state: EditorState): void {
    const before = this.#kept.get(path);
    this.#kept.delete(path);
    this.#kept.set(path, { state, scroll: before?.scroll ?? null });
    for (const oldest of this.#kept.keys()) {
      if (this.#kept.size <= KEPT_EDITORS) break;
      this.#kept.delete(oldest);
    }
  }

  /** Remembers where `path`'s editor is scrolled, if its editor is kept. */
  scrolled(path: string, scroll: ScrollSpot): void {
    const kept = this.#kept.get(path);
    if (kept !== undefined) kept.scroll = scroll;
  }

  /** The editor state for `path` opening with `text`, built with this
   * editor's `extensions`: the kept one (history, selection and all) when it
   * holds `text`; else a fresh one on `text` that keeps only where the
   * cursor and the scroll were. */
  restore(path: string, text: string, extensions: Extension): RestoredEditor {
    const kept = this.#kept.get(path);
    if (kept === undefined) return { state: EditorState.create({ doc: text, extensions }), scroll: null };
    if (kept.state.doc.toString() === text) {
      // Reconfiguring keeps the values of the fields the new configuration
      // still has, the undo history among them; the old editor's own
      // extensions (its key handlers, its listeners) are replaced.
      const state = kept.state.update({ effects: StateEffect.reconfigure.of(extensions) }).state;
      return { state, scroll: kept.scroll };
    }
    const head = Math.min(kept.state.selection.main.head, text.length);
    const state = EditorState.create({ doc: text, selection: EditorSelection.cursor(head), extensions });
    return { state, scroll: kept.scroll };
  }

  /** Forgets `path`'s editor: the page is gone, or its text came from elsewhere. */
  forget(path: string): void {
    this.#kept.delete(path);
  }

  /** The page moved from `from` to `to` (renamed): its editor moves with it. */
  rename(from: string, to: string): void {
    const kept = this.#kept.get(from);
    this.#kept.delete(from);
    if (kept !== undefined) this.#kept.set(to, kept);
  }

  /** Forgets every page's editor (another site was opened). */
  clear(): void {
    this.#kept.clear();
  }

  /** Whether `path`'s editor is kept. */
  has(path: string): boolean {
    return this.#kept.has(path);
  }
}
