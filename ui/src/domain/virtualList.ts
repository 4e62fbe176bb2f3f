// The arithmetic of a list that keeps only its visible rows in the page (a
// collection can hold 100,000 pages): which rows to draw, which blocks of rows
// to fetch, where a key press moves, how far to scroll to show a row. Rows
// have one fixed height, so a row's place is its index times that height.
// Pure: no DOM, no IPC.

/** Rows `start` (included) to `end` (excluded). */
export interface RowRange {
  start: number;
  end: number;
}

/** The rows to draw for a viewport `height` pixels tall scrolled to `scrollTop`,
 * with `overscan` rows more on each side, so a quick scroll shows no gap. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, total: number, overscan: number): RowRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(first, total) - overscan), end: Math.min(total, last + overscan) };
}

/** The blocks of `size` rows that hold `range` (block `b` is rows `b*size` to `(b+1)*size`). */
export function blocksFor(range: RowRange, size: number): number[] {
  if (range.end <= range.start) return [];
  const out: number[] = [];
  for (let b = Math.floor(range.start / size); b <= Math.floor((range.end - 1) / size); b++) out.push(b);
  return out;
}

/** Where a key moves the active row of a list of `total` rows, `page` rows per
 * screen: Up/Down by one, PageUp/PageDown by a screen, Home/End to the ends.
 * `null` for keys the list does not handle (and for an empty list). */
export function keyTarget(key: string, current: number | null, total: number, page: number): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const clamp = (n: number): number => Math.max(0, Math.min(last, n));
  const step = Math.max(1, page - 1);
  switch (key) {
    case "ArrowDown":
      return current === null ? 0 : clamp(current + 1);
    case "ArrowUp":
      return current === null ? 0 : clamp(current - 1);
    case "PageDown":
      return clamp((current ?? 0) + step);
    case "PageUp":
      return clamp((current ?? 0) - step);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** The scroll position that shows row `index` whole, moving as little as
 * possible (unchanged when it is already in view). */
export function scrollToShow(index: number, scrollTop: number, height: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return Math.max(0, top + rowHeight - height);
  return scrollTop;
}
