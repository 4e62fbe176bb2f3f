// Undo and redo keys that are the same on every system. CodeMirror's
// historyKeymap follows each system's habit: Ctrl+Shift+Z redoes on Linux
// only, Cmd+Shift+Z on macOS, and Windows gets only Ctrl+Y. Galley promises
// Ctrl/Cmd+Shift+Z everywhere (issue #4), and keeps Ctrl+Y.

import { redo, undo } from "@codemirror/commands";
import type { KeyBinding } from "@codemirror/view";

/** Put before CodeMirror's historyKeymap, which adds its own system's keys. */
export const undoRedoKeys: readonly KeyBinding[] = [
  { key: "Mod-z", run: undo, preventDefault: true },
  { key: "Mod-Shift-z", run: redo, preventDefault: true },
  { key: "Mod-y", run: redo, preventDefault: true },
];
