// Deciding what an outside change means for the editor, and wording clashes.
// Pure, so tested without a window.
import type { Choice, Clash, SiteChanges, Value } from "../ipc/types";
import { labelFor, valueText } from "./form";
import type { Translate } from "../i18n/locale";

/** How a batch of changes touches the open page. */
export function touchesPage(changes: SiteChanges, path: string): "changed" | "removed" | null {
  if (changes.pages_removed.includes(path) || changes.pages_renamed.some((r) => r.from === path)) return "removed";
  if (changes.rescan || changes.pages_changed.includes(path) || changes.pages_added.includes(path)) return "changed";
  return null;
}

/** Whether the page list (titles, counts, collections) must be read again. */
export function needsSiteReload(changes: SiteChanges): boolean {
  return (
    changes.rescan ||
    changes.pages_added.length > 0 ||
    changes.pages_removed.length > 0 ||
    changes.pages_renamed.length > 0 ||
    changes.pages_changed.length > 0 ||
    changes.config_changed.length > 0
  );
}

/** Whether the badges need a full status (git itself moved, or too much changed). */
export function needsGitRefresh(changes: SiteChanges): boolean {
  return changes.git_state_changed || changes.rescan;
}

/** The paths whose badges to refresh one by one. */
export function changedPaths(changes: SiteChanges): string[] {
  return [
    ...changes.pages_changed,
    ...changes.pages_added,
    ...changes.pages_removed,
    ...changes.pages_renamed.flatMap((r) => [r.from, r.to]),
    ...changes.config_changed,
    ...changes.assets_changed,
  ];
}

/** A value in a clash, in words: "empty" and "(not there)" for the absences. */
export function clashValue(value: Value | null, t: Translate): string {
  if (value === null) return t("common.notThere");
  if (value.kind === "bool") return value.value ? t("common.yesValue") : t("common.noValue");
  if (value.kind === "list") {
    return value.value.length === 1 ? t("common.items.one") : t("common.items.other", { n: value.value.length });
  }
  const text = valueText(value);
  return text === "" ? t("common.empty") : text;
}

export function clashTitle(clash: Clash, t: Translate): string {
  return clash.kind === "field"
    ? labelFor(clash.field.split(".").pop() ?? clash.field)
    : t("clash.textAround", { line: clash.mine.first_line });
}

/** Choices start unset; combining is possible once every clash has one. */
export function allChosen(choices: (Choice | null)[]): choices is Choice[] {
  return choices.every((c) => c !== null);
}
