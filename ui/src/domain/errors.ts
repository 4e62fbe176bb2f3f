// What a failed command says to the editor. The core's errors cross IPC as
// `{code, message, words}`; for codes whose meaning is fixed the UI has its own
// words in every language, and for the others (their message carries names,
// paths or the server's reply) the core's words are said from code and values.
// Pure, so tested without a window.
import type { IpcError } from "../ipc/types";
import type { MessageKey } from "../i18n/en";
import type { Translate } from "../i18n/locale";
import { sayWords } from "../i18n/coreWords";

const BY_CODE: Readonly<Record<string, MessageKey>> = {
  no_site: "errors.no_site",
  changed_on_disk: "errors.changed_on_disk",
  nothing_to_commit: "errors.nothing_to_commit",
  no_identity: "errors.no_identity",
  remote_has_new_commits: "errors.remote_has_new_commits",
  credentials: "errors.credentials",
  offline: "errors.offline",
  locked: "errors.locked",
  merge_in_progress: "errors.merge_in_progress",
  invalid_link: "errors.invalid_link",
};

/** The key for an error's code, or null when only the core's words fit. */
export function errorKey(code: string): MessageKey | null {
  return Object.hasOwn(BY_CODE, code) ? (BY_CODE[code] ?? null) : null;
}

/** The UI's own words for the code's fixed meaning; else the error's words
 * (code and values from the core, see i18n/coreWords.ts); the core's English
 * message only for words this UI does not know. */
export function errorText(error: IpcError, t: Translate): string {
  const key = errorKey(error.code);
  return key === null ? sayWords(error.words, t, error.message) : t(key);
}
