import { describe, expect, it } from "vitest";
import { EditorSelection, EditorState, type Extension, type Transaction } from "@codemirror/state";
import { history, redo, undo, undoDepth } from "@codemirror/commands";
import { EditorMemory, KEPT_EDITORS } from "./editorMemory";

/** Runs a history command on `state` and returns the state after it. */
function run(command: typeof undo, state: EditorState): EditorState {
  let next = state;
  command({ state, dispatch: (tr: Transaction) => (next = tr.state) });
  return next;
}

function typed(state: EditorState, at: number, insert: string): EditorState {
  return state.update({ changes: { from: at, insert }, selection: EditorSelection.cursor(at + insert.length), userEvent: "input.type" }).state;
}

/** A fresh editor's extensions: a new history() each time, as each BodyEditor makes. */
const editorExtensions = (): Extension => [history()];

describe("each page's editor, kept while the app runs", () => {
  it("gives the kept editor back with its undo history, selection and scroll", () => {
    const memory = new EditorMemory();
    let state = memory.restore("a.md", "Hello", editorExtensions()).state;
    state = typed(state, 5, " world");
    state = typed(state, 11, "!");
    memory.keep("a.md", state);
    memory.scrolled("a.md", { place: { line: 3, fraction: 0.5 }, top: 120 });

    const back = memory.restore("a.md", "Hello world!", editorExtensions());
    expect(back.state.doc.toString()).toBe("Hello world!");
    expect(back.state.selection.main.head).toBe(12);
    expect(back.scroll).toEqual({ place: { line: 3, fraction: 0.5 }, top: 120 });
    expect(undoDepth(back.state)).toBeGreaterThan(0);
    const undone = run(undo, back.state);
    expect(undone.doc.toString()).not.toBe("Hello world!");
    let all = back.state;
    while (undoDepth(all) > 0) all = run(undo, all);
    expect(all.doc.toString()).toBe("Hello");
    expect(run(redo, undone).doc.toString()).toBe("Hello world!");
  });

  it("starts a new history when the page's text came from elsewhere, keeping the cursor", () => {
    const memory = new EditorMemory();
    let state = memory.restore("a.md", "Hello", editorExtensions()).state;
    state = typed(state, 5, " world");
    memory.keep("a.md", state);
    const reloaded = memory.restore("a.md", "Hej", editorExtensions());
    expect(reloaded.state.doc.toString()).toBe("Hej");
    expect(undoDepth(reloaded.state)).toBe(0);
    expect(reloaded.state.selection.main.head).toBe(3);
  });

  it("keeps the editors of the pages used last, up to a limit", () => {
    const memory = new EditorMemory();
    const edited = (path: string): EditorState => typed(memory.restore(path, "x", editorExtensions()).state, 1, "y");
    memory.keep("first.md", edited("first.md"));
    for (let n = 0; n < KEPT_EDITORS; n++) memory.keep(`page-${n}.md`, edited(`page-${n}.md`));
    // Back to page 0, the oldest but for first.md: it is now the newest.
    memory.keep("page-0.md", memory.restore("page-0.md", "xy", editorExtensions()).state);
    memory.keep("one-more.md", edited("one-more.md"));
    expect(undoDepth(memory.restore("first.md", "xy", editorExtensions()).state)).toBe(0);
    expect(undoDepth(memory.restore("page-1.md", "xy", editorExtensions()).state)).toBe(0);
    expect(undoDepth(memory.restore("page-0.md", "xy", editorExtensions()).state)).toBeGreaterThan(0);
    expect(undoDepth(memory.restore("one-more.md", "xy", editorExtensions()).state)).toBeGreaterThan(0);
  });

  it("opens a page it has not seen with an empty history at the start", () => {
    const fresh = new EditorMemory().restore("b.md", "Text", editorExtensions());
    expect(fresh.state.doc.toString()).toBe("Text");
    expect(undoDepth(fresh.state)).toBe(0);
    expect(fresh.state.selection.main.head).toBe(0);
    expect(fresh.scroll).toBeNull();
  });

  it("forgets deleted pages, moves renamed ones, clears for another site", () => {
    const memory = new EditorMemory();
    const state = typed(EditorState.create({ doc: "x", extensions: editorExtensions() }), 1, "y");
    memory.keep("a.md", state);
    memory.keep("b.md", state);
    memory.keep("c.md", state);
    memory.forget("a.md");
    expect(memory.has("a.md")).toBe(false);
    expect(undoDepth(memory.restore("a.md", "xy", editorExtensions()).state)).toBe(0);
    memory.rename("b.md", "renamed.md");
    expect(memory.has("b.md")).toBe(false);
    expect(undoDepth(memory.restore("renamed.md", "xy", editorExtensions()).state)).toBe(1);
    memory.clear();
    expect(memory.has("c.md")).toBe(false);
  });

  it("remembers the scroll only of an editor it keeps", () => {
    const memory = new EditorMemory();
    memory.scrolled("gone.md", { place: null, top: 40 });
    expect(memory.has("gone.md")).toBe(false);
  });
});
