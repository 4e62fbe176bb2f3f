import { describe, expect, it } from "vitest";
import type { Problem } from "../ipc/types";
import { autoSaveEvery, clampFontSize, effectiveTheme, localeFor, mayAutoSave } from "./preferences";

describe("preferences", () => {
  it("auto-save intervals", () => {
    expect(autoSaveEvery("off")).toBeNull();
    expect(autoSaveEvery("30s")).toBe(30_000);
    expect(autoSaveEvery("1m")).toBe(60_000);
    expect(autoSaveEvery("5m")).toBe(300_000);
  });

  it("the system theme follows the system; a chosen one stays", () => {
    expect(effectiveTheme("system", true)).toBe("dark");
    expect(effectiveTheme("system", false)).toBe("light");
    expect(effectiveTheme("light", true)).toBe("light");
    expect(effectiveTheme("dark", false)).toBe("dark");
  });

  it("language: system picks from the system's list, a choice wins", () => {
    expect(localeFor("system", ["sv-SE", "en"])).toBe("sv");
    expect(localeFor("system", ["de"])).toBe("en");
    expect(localeFor("en", ["sv-SE"])).toBe("en");
  });

  it("auto-save waits for a page without errors", () => {
    const warning = { severity: "warning", message: "w" } as Problem;
    const error = { severity: "error", message: "e" } as Problem;
    expect(mayAutoSave(true, [])).toBe(true);
    expect(mayAutoSave(true, [warning])).toBe(true);
    expect(mayAutoSave(true, [warning, error])).toBe(false);
    expect(mayAutoSave(false, [])).toBe(false);
  });

  it("font sizes stay in range", () => {
    expect(clampFontSize(3)).toBe(11);
    expect(clampFontSize(30)).toBe(24);
    expect(clampFontSize(15.6)).toBe(16);
    expect(clampFontSize(Number.NaN)).toBe(14);
  });
});
