// Markdown formatting for people who don't know Markdown: each command turns
// the editor's selection into the Markdown a writer would type by hand.
// Pure functions over CodeMirror state, so they are tested without a window.
import { EditorSelection, type EditorState, type TransactionSpec } from "@codemirror/state";

/** The word around an empty cursor, so "Bold" with no selection bolds that word. */
function wordAt(state: EditorState, pos: number): { from: number; to: number } {
  const word = state.wordAt(pos);
  return word ?? { from: pos, to: pos };
}

/** Wraps (or unwraps) each selection in `marker`: `**bold**`, `_italic_`. */
export function toggleWrap(state: EditorState, marker: string): TransactionSpec {
  const size = marker.length;
  return state.changeByRange((range) => {
    const target = range.empty ? wordAt(state, range.from) : range;
    const before = state.sliceDoc(target.from - size, target.from);
    const after = state.sliceDoc(target.to, target.to + size);
    if (before === marker && after === marker) {
      return {
        changes: [
          { from: target.from - size, to: target.from },
          { from: target.to, to: target.to + size },
        ],
        range: EditorSelection.range(target.from - size, target.to - size),
      };
    }
    return {
      changes: [
        { from: target.from, insert: marker },
        { from: target.to, insert: marker },
      ],
      range: EditorSelection.range(target.from + size, target.to + size),
    };
  });
}

/** Sets (or, when already set, removes) a prefix on every selected line:
 * `## ` headings, `- ` and `1. ` lists, `> ` quotes. Other heading levels and
 * list markers are replaced, not stacked. */
export function toggleLinePrefix(state: EditorState, prefix: string): TransactionSpec {
  const changes: { from: number; to: number; insert: string }[] = [];
  const seen = new Set<number>();
  for (const range of state.selection.ranges) {
    for (let pos = range.from; pos <= range.to; ) {
      const line = state.doc.lineAt(pos);
      if (!seen.has(line.from)) {
        seen.add(line.from);
        const existing = /^(#{1,6} |[-*] |\d+\. |> )/.exec(line.text)?.[0] ?? "";
        const insert = existing === prefix ? "" : prefix;
        changes.push({ from: line.from, to: line.from + existing.length, insert });
      }
      pos = line.to + 1;
    }
  }
  return { changes };
}

/** Makes the selection (or the word at the cursor) a link and selects the
 * address placeholder, ready to be typed over. `placeholder` is the link's
 * text when there is no word (in the UI's language). */
export function makeLink(state: EditorState, url = "https://", placeholder = "link text"): TransactionSpec {
  const range = state.selection.main;
  const target = range.empty ? wordAt(state, range.from) : range;
  const text = state.sliceDoc(target.from, target.to) || placeholder;
  const insert = `[${text}](${url})`;
  const urlFrom = target.from + text.length + 3;
  return {
    changes: { from: target.from, to: target.to, insert },
    selection: EditorSelection.range(urlFrom, urlFrom + url.length),
  };
}

/** A small table to fill in, on its own lines at the cursor; `words` are the
 * placeholders to type over (in the UI's language). */
export function insertTable(state: EditorState, words = { heading: "Heading", cell: "Text" }): TransactionSpec {
  const pos = state.selection.main.head;
  const line = state.doc.lineAt(pos);
  const lead = line.text.length > 0 ? "\n\n" : "";
  const { heading, cell } = words;
  const table = `| ${heading} | ${heading} |\n| --- | --- |\n| ${cell} | ${cell} |\n`;
  const at = line.text.length > 0 ? line.to : line.from;
  return { changes: { from: at, insert: lead + table }, selection: { anchor: at + lead.length + 2 } };
}

/** Where a link or image goes: the selection, or the word at an empty cursor. */
export interface InsertTarget {
  from: number;
  to: number;
  /** The text there (the link's text, to start the dialog with). */
  text: string;
}

/** The selection (or the word at the cursor) that "Link" would turn into a link. */
export function insertTarget(state: EditorState): InsertTarget {
  const range = state.selection.main;
  const target = range.empty ? wordAt(state, range.from) : range;
  return { from: target.from, to: target.to, text: state.sliceDoc(target.from, target.to) };
}

/** Text that reads the same inside `[…]`: brackets and backslashes escaped. */
function bracketText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

/** An address as Markdown writes it: in `<…>` when it has spaces or
 * parentheses, which would end it early. */
function destination(url: string): string {
  const trimmed = url.trim();
  return /[\s()<>]/.test(trimmed) ? `<${trimmed.replace(/[<>]/g, encodeURIComponent)}>` : trimmed;
}

/** Replaces `target` with `[text](url)` (the address as the text when there is
 * no text) and puts the cursor after it. */
export function insertLink(target: InsertTarget, text: string, url: string): TransactionSpec {
  const shown = text.trim() === "" ? url.trim() : text;
  const insert = `[${bracketText(shown)}](${destination(url)})`;
  return { changes: { from: target.from, to: target.to, insert }, selection: { anchor: target.from + insert.length } };
}

/** Puts `![alt](src)` at the cursor (replacing a selection, never a word the
 * cursor is merely in), or at `at` (where an image was dropped), and the
 * cursor after it. */
export function insertImage(state: EditorState, alt: string, src: string, at?: number): TransactionSpec {
  const range = at === undefined ? state.selection.main : { from: at, to: at };
  const insert = `![${bracketText(alt.trim())}](${destination(src)})`;
  return { changes: { from: range.from, to: range.to, insert }, selection: { anchor: range.from + insert.length } };
}
