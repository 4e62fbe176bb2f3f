// On Windows, where CodeMirror's own keymap redoes only with Ctrl+Y. The
// system is read when @codemirror/view loads, so it is set before any import.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.defineProperty(globalThis.navigator, "platform", { value: "Win32", configurable: true });
});

import { EditorState } from "@codemirror/state";
import { EditorView, keymap, runScopeHandlers } from "@codemirror/view";
import { history, historyKeymap } from "@codemirror/commands";
import { undoRedoKeys } from "./editorKeys";

/** A key press as a browser delivers it (keyCode is what CodeMirror reads for shifted letters). */
function press(view: EditorView, key: string, keyCode: number, mods: { ctrl?: boolean; shift?: boolean; meta?: boolean }): boolean {
  const event = new KeyboardEvent("keydown", { key, ctrlKey: mods.ctrl === true, shiftKey: mods.shift === true, metaKey: mods.meta === true });
  Object.defineProperty(event, "keyCode", { value: keyCode });
  return runScopeHandlers(view, event, "editor");
}

function editor(): EditorView {
  const view = new EditorView({
    state: EditorState.create({ doc: "", extensions: [history(), keymap.of([...undoRedoKeys, ...historyKeymap])] }),
    parent: document.body,
  });
  view.dispatch({ changes: { from: 0, insert: "typed" }, userEvent: "input.type" });
  return view;
}

describe("undo and redo keys on Windows", () => {
  beforeAll(() => expect(navigator.platform).toBe("Win32"));

  it("Ctrl+Z undoes and Ctrl+Shift+Z redoes", () => {
    const view = editor();
    expect(press(view, "z", 90, { ctrl: true })).toBe(true);
    expect(view.state.doc.toString()).toBe("");
    expect(press(view, "Z", 90, { ctrl: true, shift: true })).toBe(true);
    expect(view.state.doc.toString()).toBe("typed");
    view.destroy();
  });

  it("Ctrl+Y still redoes", () => {
    const view = editor();
    press(view, "z", 90, { ctrl: true });
    expect(press(view, "y", 89, { ctrl: true })).toBe(true);
    expect(view.state.doc.toString()).toBe("typed");
    view.destroy();
  });

  it("without Galley's keys CodeMirror would not redo with Ctrl+Shift+Z here", () => {
    const view = new EditorView({ state: EditorState.create({ doc: "", extensions: [history(), keymap.of(historyKeymap)] }), parent: document.body });
    view.dispatch({ changes: { from: 0, insert: "typed" }, userEvent: "input.type" });
    press(view, "z", 90, { ctrl: true });
    press(view, "Z", 90, { ctrl: true, shift: true });
    expect(view.state.doc.toString()).toBe("");
    view.destroy();
  });
});
