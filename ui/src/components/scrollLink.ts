// The link between the body editor and the preview for scrolling together.
// There is one of each on screen, so they meet here instead of through the
// app component: each side registers what it can do, and tells the other
// side where it is. Which block or line that means is worked out in
// domain/previewBlocks.ts.

import type { LinePlace } from "../domain/previewBlocks";

/** What the editor offers: scrolling so a body place is at its top. */
export interface EditorSide {
  /** Scrolls so `place` is at the top; `null`: to the very top (fields too). */
  showAtTop(place: LinePlace | null): void;
}

/** What the preview offers. */
export interface PreviewSide {
  /** Scrolls so what `place` became is at the top; `null`: to the very top. */
  showAtTop(place: LinePlace | null): void;
  /** Scrolls, only if needed, so what `line` became is in view. */
  reveal(line: number): void;
}

let editor: EditorSide | null = null;
let preview: PreviewSide | null = null;

/** Registers the editor; returns how to unregister it. */
export function linkEditor(side: EditorSide): () => void {
  editor = side;
  return () => {
    if (editor === side) editor = null;
  };
}

/** Registers the preview; returns how to unregister it. */
export function linkPreview(side: PreviewSide): () => void {
  preview = side;
  return () => {
    if (preview === side) preview = null;
  };
}

/** The person scrolled the editor: `place` is at its top (`null`: above the body). */
export function editorScrolled(place: LinePlace | null): void {
  preview?.showAtTop(place);
}

/** The person scrolled the preview: `place` is at its top (`null`: at the very top). */
export function previewScrolled(place: LinePlace | null): void {
  editor?.showAtTop(place);
}

/** The cursor moved to `line` of the body. */
export function cursorMoved(line: number): void {
  preview?.reveal(line);
}
