// Files dragged from the file manager onto the window, as the shell reports
// them (src-tauri/src/file_drop.rs): where the drag is, whether it carries an
// image, and which dropped file a drop target takes. The files' paths never
// reach the UI; it asks for "file N of drop D".
import type { DroppedFile } from "../ipc/types";

/** A point in the page, in CSS pixels from the window's top left corner. */
export interface Point {
  x: number;
  y: number;
}

/** The drag in progress: where it is (null: none) and whether it carries an image. */
export interface DragState {
  at: Point | null;
  images: boolean;
}

export const NO_DRAG: DragState = { at: null, images: false };

/** The shell's drag events, as far as the drag state needs them. */
export type DragEvent =
  | { kind: "file_drag"; x: number; y: number; images: boolean | null }
  | { kind: "file_drag_left" }
  | { kind: "files_dropped" };

/** The drag after `event`: entering says whether images come, moving keeps it. */
export function dragStep(state: DragState, event: DragEvent): DragState {
  if (event.kind !== "file_drag") return NO_DRAG;
  return { at: { x: event.x, y: event.y }, images: event.images ?? state.images };
}

/** Which of the dropped files a target that holds one image takes: the first
 * image, else the first file (so the core says in words why it is refused). */
export function fileToTake(files: DroppedFile[]): number | null {
  if (files.length === 0) return null;
  const image = files.findIndex((f) => f.image);
  return image === -1 ? 0 : image;
}
