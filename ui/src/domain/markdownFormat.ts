// Markdown formatting for people who don't know Markdown: each command turns
// the editor's selection into the Markdown a writer would type by hand.
// Pure functions over CodeMirror state, so they are tested without a window.
// The site's own pieces (Liquid, kramdown attributes, raw HTML tags: see
// protectedPieces.ts) are never cut into, escaped or rewritten: a cursor
// inside one acts at its end, a selection that cuts one takes it whole.
import { EditorSelection, type EditorState, type SelectionRange, type TransactionSpec } from "@codemirror/state";
import { protectedPieces, type Piece } from "./protectedPieces";

interface Span {
  from: number;
  to: number;
}

/** The pieces of the whole text; commands are rare, so no cache. */
function piecesOf(state: EditorState): Piece[] {
  return protectedPieces(state.doc.toString());
}

/** The piece `pos` is strictly inside (its edges are outside), if any. */
function pieceAround(pieces: Piece[], pos: number): Piece | undefined {
  return pieces.find((p) => p.from < pos && pos < p.to);
}

/** `range` grown so that it cuts no piece: a cursor inside one moves to its end. */
function outsidePieces(pieces: Piece[], range: Span): Span {
  if (range.from === range.to) {
    const inside = pieceAround(pieces, range.from);
    return inside === undefined ? range : { from: inside.to, to: inside.to };
  }
  return { from: pieceAround(pieces, range.from)?.from ?? range.from, to: pieceAround(pieces, range.to)?.to ?? range.to };
}

/** What a command acts on: the selection, or the word around an empty cursor
 * (so "Bold" with no selection bolds that word); never part of a piece. */
function targetOf(state: EditorState, pieces: Piece[], range: SelectionRange): Span {
  if (!range.empty) return outsidePieces(pieces, range);
  const inside = pieceAround(pieces, range.from);
  if (inside !== undefined) return { from: inside.to, to: inside.to };
  // Pieces begin with `{` or `<` and end with `}` or `>`, so a word never reaches into one.
  return state.wordAt(range.from) ?? range;
}

/** Wraps (or unwraps) each selection in `marker`: `**bold**`, `_italic_`. */
export function toggleWrap(state: EditorState, marker: string): TransactionSpec {
  const size = marker.length;
  const pieces = piecesOf(state);
  return state.changeByRange((range) => {
    const target = targetOf(state, pieces, range);
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
 * list markers are replaced, not stacked. A line that starts inside a piece
 * (an HTML tag or Liquid tag over several lines) is left alone. */
export function toggleLinePrefix(state: EditorState, prefix: string): TransactionSpec {
  const changes: { from: number; to: number; insert: string }[] = [];
  const seen = new Set<number>();
  const pieces = piecesOf(state);
  for (const range of state.selection.ranges) {
    for (let pos = range.from; pos <= range.to; ) {
      const line = state.doc.lineAt(pos);
      if (!seen.has(line.from) && pieceAround(pieces, line.from) === undefined) {
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
  const target = targetOf(state, piecesOf(state), state.selection.main);
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
  // After the cursor's line, or after the piece that line ends inside of (a tag over several lines).
  let line = state.doc.lineAt(state.selection.main.head);
  const running = pieceAround(piecesOf(state), line.to);
  if (running !== undefined) line = state.doc.lineAt(running.to);
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
  const target = targetOf(state, piecesOf(state), state.selection.main);
  return { from: target.from, to: target.to, text: state.sliceDoc(target.from, target.to) };
}

/** Text that reads the same inside `[…]`: brackets and backslashes escaped,
 * line breaks made spaces; the site's pieces in it are kept as they are
 * (Liquid runs before Markdown, so its brackets never reach it). */
function bracketText(text: string): string {
  let out = "";
  let at = 0;
  const prose = (s: string): string => s.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
  for (const piece of protectedPieces(text)) {
    out += prose(text.slice(at, piece.from)) + text.slice(piece.from, piece.to);
    at = piece.to;
  }
  return out + prose(text.slice(at));
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
  const range = outsidePieces(piecesOf(state), at === undefined ? state.selection.main : { from: at, to: at });
  const insert = `![${bracketText(alt.trim())}](${destination(src)})`;
  return { changes: { from: range.from, to: range.to, insert }, selection: { anchor: range.from + insert.length } };
}
