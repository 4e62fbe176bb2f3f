// The pieces of a page body that belong to the site's generator, not to the
// writer's prose: Liquid tags and outputs, kramdown attribute lists, raw HTML
// tags. The editor marks them so editors see they are special; CodeMirror
// edits raw text, so they are never escaped or rewritten.

export type PieceKind = "liquid" | "attributes" | "html";

export interface Piece {
  from: number;
  to: number;
  kind: PieceKind;
}

const PATTERNS: [PieceKind, RegExp][] = [
  ["liquid", /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g],
  ["attributes", /\{:[^}\n]*\}|\{#[\w-]+\}/g],
  ["html", /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g],
];

/** Protected pieces in `text` (offsets into it), sorted, not overlapping. */
export function protectedPieces(text: string): Piece[] {
  const found: Piece[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const from = m.index;
      found.push({ from, to: from + m[0].length, kind });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Piece[] = [];
  for (const piece of found) {
    const last = out[out.length - 1];
    if (last === undefined || piece.from >= last.to) out.push(piece);
  }
  return out;
}
