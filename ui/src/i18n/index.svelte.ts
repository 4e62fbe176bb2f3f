// The UI's one source of words. Components call `t("key")` inside markup or
// `$derived`, so switching the language re-renders every string at once.
import { en, type Catalogue, type MessageKey } from "./en";
import { sv } from "./sv";
import { format, pickLocale, type Locale, type Params, type Translate } from "./locale";

export type { Locale, MessageKey, Translate };
export { LOCALES } from "./locale";

const catalogues: Record<Locale, Catalogue> = { en, sv };
const STORAGE_KEY = "galley.locale";

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "sv") return stored;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

const state = $state<{ locale: Locale }>({ locale: initialLocale() });
if (globalThis.document !== undefined) document.documentElement.lang = state.locale;

export function t(key: MessageKey, params?: Params): string {
  return format(catalogues[state.locale], key, params);
}

export function currentLocale(): Locale {
  return state.locale;
}

export function setLocale(locale: Locale): void {
  state.locale = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  if (globalThis.document !== undefined) document.documentElement.lang = locale;
}

/** Whether `text` is a key of the catalogues (so `t(text)` is allowed). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}
