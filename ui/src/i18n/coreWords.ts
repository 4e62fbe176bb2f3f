// Sentences from the core — problems and their hints, errors, review words,
// the watcher's notices — in the editor's language. The core sends each one
// as a code and its values (crates/galley-core/src/words); the code is a key
// of the catalogues, listed in core-codes.json. Only a code this UI does not
// know falls back to the core's English sentence. Pure: takes a Translate.
import type { LineWords, Problem, Words } from "../ipc/types";
import { en, type MessageKey } from "./en";
import type { Translate } from "./locale";

function isKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}

/** A value as said in a sentence: `expected`/`found` are kinds of values
 * (`year` → "ett årtal"), `month` a month number (2 → "februari"); anything
 * else (field names, paths, values from the page) is shown as it is. */
function valueText(name: string, value: string, t: Translate): string {
  if (name === "expected" || name === "found") {
    const key = `problem.kind.${value}`;
    if (isKey(key)) return t(key);
  }
  if (name === "month") {
    const key = `problem.month.${value}`;
    if (isKey(key)) return t(key);
  }
  return value;
}

/** Whether the UI has words for this code. */
export function knowsWords(words: Words | null | undefined): words is Words {
  return words !== null && words !== undefined && isKey(words.code);
}

/** The sentence in the current language, or `fallback` (the core's English)
 * for a code this UI does not know. */
export function sayWords(words: Words | null | undefined, t: Translate, fallback: string): string {
  if (!knowsWords(words)) return fallback;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(words.params)) params[name] = valueText(name, value, t);
  return t(words.code as MessageKey, params);
}

/** What is wrong, in the current language. */
export function problemMessage(problem: Problem, t: Translate): string {
  return sayWords(problem.words, t, problem.message);
}

/** What is wrong and what to do, as shown next to a field. */
export function problemText(problem: Problem, t: Translate): string {
  const hint = sayWords(problem.hint_words, t, problem.hint);
  const message = problemMessage(problem, t);
  return hint === "" ? message : `${message} ${hint}`;
}

/** A problem at a line ("Line 3: … …"), or `fallback` when not known. */
export function lineWordsText(words: LineWords | null, t: Translate, fallback: string | null): string | null {
  if (words === null || !knowsWords(words.message)) return fallback;
  const parts = [t("problem.atLine", { line: words.line }), sayWords(words.message, t, ""), sayWords(words.hint, t, "")];
  return parts.filter((p) => p !== "").join(" ");
}
