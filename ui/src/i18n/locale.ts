import type { MessageKey, Catalogue } from "./en";

export type Locale = "en" | "sv";
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
  params: Readonly<Record<string, string | number>> = {},
): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
