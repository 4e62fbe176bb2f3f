// Where a file dragged from the file manager can go: image fields of the form
// and the text mark themselves with `use:dropTarget`; the shell's drag events
// (which carry the pointer's position, not the files' paths) highlight the
// target under the pointer, and a drop hands it the image once Rust copied
// the dropped file into the site.
//
// The page's own HTML drop never fires (Tauri takes the drop), so targets are
// found by position: the element under the point, or the nearest marked
// element around it. A dialog's backdrop covers everything, so nothing
// behind an open dialog takes a drop.
import type { Action } from "svelte/action";
import type { DropOffer, SiteImage } from "../ipc/types";
import { NO_DRAG, dragStep, fileToTake, type DragEvent, type DragState, type Point } from "../domain/fileDrop";
import { t } from "../i18n/index.svelte";

/** What a drop target does with the image dropped on it (already in the site). */
export interface DropTarget {
  /** `at`: where it was dropped, for a target that places it (the text). */
  receive(image: SiteImage, at: Point): void;
}

const targets = new Map<HTMLElement, DropTarget>();
let drag: DragState = NO_DRAG;
let marked: HTMLElement | null = null;

/** Marks `node` as a place an image can be dropped (null: not, for now). */
export const dropTarget: Action<HTMLElement, DropTarget | null> = (node, target) => {
  const set = (next: DropTarget | null): void => {
    if (next === null) {
      targets.delete(node);
      if (marked === node) unmark();
    } else {
      targets.set(node, next);
    }
  };
  set(target);
  return {
    update: set,
    destroy: () => set(null),
  };
};

/** The drop target at `at`, if any. */
function targetAt(at: Point): [HTMLElement, DropTarget] | null {
  for (let el = document.elementFromPoint(at.x, at.y); el !== null; el = el.parentElement) {
    if (!(el instanceof HTMLElement)) continue;
    const target = targets.get(el);
    if (target !== undefined) return [el, target];
  }
  return null;
}

function unmark(): void {
  if (marked === null) return;
  marked.classList.remove("drop-here", "drop-refused");
  delete marked.dataset["dropHint"];
  marked.style.removeProperty("--drop-x");
  marked.style.removeProperty("--drop-y");
  marked = null;
}

/** Follows the drag: the target under it is highlighted, with words on what
 * a drop would do there beside the pointer. */
export function followDrag(event: DragEvent): void {
  drag = dragStep(drag, event);
  const at = drag.at;
  const found = at === null ? null : (targetAt(at)?.[0] ?? null);
  if (found !== marked) unmark();
  if (found === null || at === null) return;
  marked = found;
  found.classList.add("drop-here");
  found.classList.toggle("drop-refused", !drag.images);
  found.dataset["dropHint"] = t(drag.images ? "drop.here" : "drop.notAnImage");
  // Where the pointer is in the target, for words that follow it (app.css:
  // the text can be taller than the window, so its corners may be out of view).
  const box = found.getBoundingClientRect();
  found.style.setProperty("--drop-x", `${Math.round(at.x - box.left)}px`);
  found.style.setProperty("--drop-y", `${Math.round(at.y - box.top)}px`);
}

/** What became of a drop. */
export type DropResult = { kind: "added"; image: SiteImage } | { kind: "nowhere" } | { kind: "empty" };

/** Delivers a drop at `at`: the target there gets the dropped image once
 * `importDropped` copied it into the site (the core refuses what is not an
 * image; that error is thrown to the caller, and nothing is copied). */
export async function deliverDrop(
  offer: DropOffer,
  at: Point,
  importDropped: (drop: number, index: number) => Promise<SiteImage>,
): Promise<DropResult> {
  followDrag({ kind: "files_dropped" });
  const found = targetAt(at);
  if (found === null) return { kind: "nowhere" };
  const index = fileToTake(offer.files);
  if (index === null) return { kind: "empty" };
  const image = await importDropped(offer.drop, index);
  // The copy takes a moment: a field gone meanwhile (another page opened)
  // gets nothing; the image is in the site all the same, as the status says.
  const [element, target] = found;
  if (targets.get(element) === target) target.receive(image, at);
  return { kind: "added", image };
}

/** Whether an HTML drag event carries files from outside (a file manager),
 * not text or an element dragged within the page (CodeMirror's own moves). */
function fromOutside(event: globalThis.DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return types.includes("Files") || types.includes("text/uri-list");
}

/** Tells WebKit the page handles a file dragged in from outside, so it draws
 * no text caret of its own in the input under the pointer (as if the file's
 * address were about to be typed there); the drop itself goes to the shell.
 * Returns the function that stops it. */
export function handleOutsideDrags(target: Document = document): () => void {
  const claim = (event: globalThis.DragEvent): void => {
    if (!fromOutside(event)) return;
    event.preventDefault();
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = "copy";
  };
  target.addEventListener("dragenter", claim, true);
  target.addEventListener("dragover", claim, true);
  return () => {
    target.removeEventListener("dragenter", claim, true);
    target.removeEventListener("dragover", claim, true);
  };
}
