// The editor's preferences as the UI applies them: pure decisions, so the
// components only set what these return.
import type { AutoSave, LanguagePref, Preferences, Problem, ThemePref } from "../ipc/types";
import { pickLocale, type Locale } from "../i18n/locale";

/** What Galley starts with before the stored preferences arrive (the same
 * defaults as src-tauri/src/preferences.rs). */
export const DEFAULT_PREFERENCES: Preferences = {
  language: "system",
  theme: "system",
  editor_font_size: 14,
  preview_side: "right",
  auto_save: "off",
  check_for_updates: true,
};

/** The editor font sizes offered (Rust refuses anything else). */
export const FONT_SIZE_MIN = 11;
export const FONT_SIZE_MAX = 24;

export const AUTO_SAVE_CHOICES: readonly AutoSave[] = ["off", "30s", "1m", "5m"];

/** Milliseconds between automatic saves, or null when off. */
export function autoSaveEvery(choice: AutoSave): number | null {
  switch (choice) {
    case "30s":
      return 30_000;
    case "1m":
      return 60_000;
    case "5m":
      return 300_000;
    case "off":
      return null;
  }
}

/** The colours to show: "system" follows the system's light/dark setting. */
export function effectiveTheme(choice: ThemePref, systemPrefersDark: boolean): "light" | "dark" {
  if (choice === "system") return systemPrefersDark ? "dark" : "light";
  return choice;
}

/** The UI language for a preference and the system's languages. */
export function localeFor(choice: LanguagePref, systemLanguages: readonly string[]): Locale {
  return choice === "system" ? pickLocale(systemLanguages) : choice;
}

/** Auto-save writes only a page with unsaved edits and no errors: a page
 * with a problem waits for the editor, as Save would explain it. */
export function mayAutoSave(dirty: boolean, problems: readonly Problem[]): boolean {
  return dirty && !problems.some((p) => p.severity === "error");
}

/** A font size within the offered range. */
export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_PREFERENCES.editor_font_size;
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(size)));
}
