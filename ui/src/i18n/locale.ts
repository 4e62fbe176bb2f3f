import type { MessageKey, Catalogue } from "./en";

export type Locale = "en" | "sv";
export type Params = Readonly<Record<string, string | number>>;
/** What domain code gets instead of the reactive `t`, so it stays pure and
 * tests can pass a fixed catalogue. */
export type Translate = (key: MessageKey, params?: Params) => string;
export const LOCALES: readonly Locale[] = ["en", "sv"];

/** The system's first preferred language that Galley speaks, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === primary);
    if (found !== undefined) return found;
  }
  return "en";
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a
 * missing value is noticed in review rather than silently dropped. */
export function format(
  catalogue: Catalogue,
  key: MessageKey,
  params: Params = {},
): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A translator for one fixed catalogue (tests, and code outside components). */
export function translator(catalogue: Catalogue): Translate {
  return (key, params) => format(catalogue, key, params);
}
