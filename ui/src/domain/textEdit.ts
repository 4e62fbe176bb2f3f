// What changed between two versions of a text, as the preview's edit command
// takes it: how much stays at the start and at the end, and what goes between.
// The preview keeps the text it rendered last (in Rust), so a keystroke on a
// 100 KB page sends a few bytes instead of the page.

/** `keep_start` UTF-16 units of the old text stay at its start, `keep_end`
 * at its end, and `insert` replaces what was between. */
export interface TextChange {
  keep_start: number;
  keep_end: number;
  insert: string;
}

/** The smallest such change from `before` to `after`. Never cuts a surrogate
 * pair in two (Rust's strings hold whole characters). */
export function textChange(before: string, after: string): TextChange {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || isLowSurrogate(after.charCodeAt(start)))) start--;
  let end = 0;
  const room = shortest - start;
  while (end < room && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && (isLowSurrogate(before.charCodeAt(before.length - end)) || isLowSurrogate(after.charCodeAt(after.length - end)))) end--;
  return { keep_start: start, keep_end: end, insert: after.slice(start, after.length - end) };
}

/** `text` with `change` applied (what the preview's Rust side does). */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.keep_start) + change.insert + text.slice(text.length - change.keep_end);
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
