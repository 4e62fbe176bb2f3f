// Pure logic of the live preview's blocks: which blocks changed between two
// renders, which block holds a line of the body, and where in a block a
// scroll position falls. The preview component does the DOM work with these.

/** A rendered block as the backend sends it (the ipc PreviewBlock). */
export interface RenderedBlock extends BlockLines {
  html: string;
  key: number;
}

/** From the blocks shown to a new render (the ipc PreviewUpdate). */
export interface BlockUpdate<B extends RenderedBlock> {
  keep_start: number;
  keep_end: number;
  blocks: B[];
  lines: number[];
}

/** The new render's blocks: the kept ones of `shown` (with their new lines)
 * around the new ones. `shown` must be the list whose keys were sent. */
export function applyUpdate<B extends RenderedBlock>(shown: readonly B[], update: BlockUpdate<B>): B[] {
  const next = [
    ...shown.slice(0, update.keep_start),
    ...update.blocks,
    ...shown.slice(shown.length - update.keep_end),
  ];
  return next.map((block, i) => {
    const first = update.lines[2 * i] ?? block.first_line;
    const last = update.lines[2 * i + 1] ?? block.last_line;
    return first === block.first_line && last === block.last_line ? block : { ...block, first_line: first, last_line: last };
  });
}

/** What the preview knows of a block: its HTML and the body lines it came from. */
export interface BlockLines {
  first_line: number;
  last_line: number;
}

/** How many blocks at the start and at the end are the same in both lists
 * (compared by HTML), never overlapping: the blocks between them changed. */
export function unchangedEnds(before: readonly string[], after: readonly string[]): { prefix: number; suffix: number } {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return { prefix, suffix };
}

/** A place in the body: a line, and how far into it (0 = its top, 1 = its bottom). */
export interface LinePlace {
  line: number;
  fraction: number;
}

/** A place in the preview: a block, and how far down it (0 = its top, 1 = its bottom). */
export interface BlockPlace {
  index: number;
  fraction: number;
}

/** The block showing `place` of the body: the block whose lines hold it, or
 * (in the blank lines between blocks) the block after it; past the last block,
 * the last block's bottom. `null` when there are no blocks. */
export function blockForLine(blocks: readonly BlockLines[], place: LinePlace): BlockPlace | null {
  if (blocks.length === 0) return null;
  const at = place.line + place.fraction;
  // The first block that ends at or after the line.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((blocks[mid]?.last_line ?? Infinity) < place.line) low = mid + 1;
    else high = mid;
  }
  const block = blocks[low];
  if (block === undefined) return { index: blocks.length - 1, fraction: 1 };
  if (place.line < block.first_line) return { index: low, fraction: 0 };
  const span = block.last_line - block.first_line + 1;
  return { index: low, fraction: clamp((at - block.first_line) / span) };
}

/** The body place shown at `place` of the preview (the inverse of [`blockForLine`]). */
export function lineForBlock(blocks: readonly BlockLines[], place: BlockPlace): LinePlace | null {
  const block = blocks[place.index];
  if (block === undefined) return null;
  const span = block.last_line - block.first_line + 1;
  const at = block.first_line + clamp(place.fraction) * span;
  const line = Math.min(Math.floor(at), block.last_line);
  return { line, fraction: clamp(at - line) };
}

/** Which block is at height `y`, given `count` blocks whose tops `topOf(i)`
 * ascend, and the bottom of the last one: the last block whose top is at or
 * above `y`. Reads O(log n) tops, so a long page's layout is barely touched. */
export function blockAtHeight(count: number, topOf: (i: number) => number, bottom: number, y: number): BlockPlace | null {
  if (count === 0) return null;
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (topOf(mid) <= y) low = mid + 1;
    else high = mid;
  }
  const index = Math.max(0, low - 1);
  const top = topOf(index);
  const end = index + 1 < count ? topOf(index + 1) : bottom;
  const height = end - top;
  return { index, fraction: height > 0 ? clamp((y - top) / height) : 0 };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Tells a scroll the app made itself from one the person made, so that
 * following one pane with the other never echoes back and forth. A scroll
 * event is an echo when it lands where the app scrolled to, or comes within
 * `settleMs` of the app's scroll (layout still settling may move it a little). */
export class ScrollEcho {
  private expected: number | null = null;
  private madeAt = -Infinity;

  constructor(private readonly settleMs = 120) {}

  /** Notes that the app just (at time `now`, ms) scrolled the pane to `top`. */
  madeScroll(top: number, now: number): void {
    this.expected = top;
    this.madeAt = now;
  }

  /** For a scroll event at `top` at time `now`: true if it is the echo of the
   * app's own scroll (to be ignored). A scroll elsewhere after the settling
   * time is the person's, and ends the wait for an echo. */
  isEcho(top: number, now: number): boolean {
    if (now - this.madeAt < this.settleMs) return true;
    const expected = this.expected;
    this.expected = null;
    return expected !== null && Math.abs(top - expected) <= 1;
  }
}
