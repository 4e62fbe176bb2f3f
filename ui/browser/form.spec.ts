// The front matter form's widgets in the real App (with the in-memory backend):
// "Edit as YAML" checks before it applies, a choice offers the collection's
// values and takes a new one, a decimal takes a comma, dates and times get
// their controls (and an empty date looks empty), and the sidebar counts each
// collection's pages — every screen checked by axe-core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, screenshot, start, type Env } from "./harness";

let env: Env;
beforeAll(async () => {
  env = await start();
});
afterAll(async () => {
  await env?.close();
});

const KNEE = "_datasets/knee-mri.md";
const SEMINAR = "_news/2025-03-10-spring-seminar-lund.md";

async function open(page: Page, path: string, field: string): Promise<void> {
  await page.click(`[data-path='${path}']`);
  await page.locator(`[data-field='${field}']`).first().waitFor();
}

/** Saves with Ctrl+S and returns what the app sent. */
async function save(page: Page): Promise<{ edits: unknown[]; ops: unknown[] }> {
  const before = await page.evaluate(() => window.galleyTest?.saves.length ?? 0);
  await page.keyboard.press("ControlOrMeta+S");
  await page.waitForFunction((n) => (window.galleyTest?.saves.length ?? 0) > n, before);
  await page.locator("[data-testid='status']", { hasText: "Saved." }).waitFor();
  return page.evaluate(() => {
    const last = window.galleyTest?.saves.at(-1);
    return { edits: last?.edits ?? [], ops: last?.ops ?? [] };
  });
}

async function dark(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.theme = "dark";
  });
}

describe("the form's widgets", () => {
  it("checks YAML before applying it: bad YAML is refused with the problem shown, good YAML applied", async () => {
    const page = await env.open();
    await open(page, KNEE, "title");
    const view = page.locator("[data-path='protocols'] pre.yaml-view");
    const shown = await view.textContent();
    expect(shown).toContain("T1");
    await page.click("[data-testid='yaml-protocols']");
    const box = page.locator("textarea[data-field='protocols']");
    await box.fill("- [T1, T2\n- [PD, STIR]");
    await page.click("[data-testid='yaml-apply-protocols']");
    const problem = page.locator("[data-testid='problem-protocols']");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("a bracket or quote is not closed");
    expect(await problem.getAttribute("role")).toBe("alert");
    await screenshot(page, "40-yaml-refused");
    expect(await axeViolations(page)).toEqual([]);
    // Nothing was applied: no unsaved change, and a save sends no YAML.
    expect(await page.locator("[data-testid='unsaved']").count()).toBe(0);
    expect((await save(page)).ops).toEqual([]);

    await box.fill("- [T1, T2, FLAIR]\n- [PD, STIR]");
    await page.click("[data-testid='yaml-apply-protocols']");
    await problem.waitFor({ state: "detached" });
    await page.locator("[data-testid='unsaved']").waitFor();
    expect((await save(page)).ops).toEqual([{ op: "yaml", key: "protocols", yaml: "- [T1, T2, FLAIR]\n- [PD, STIR]" }]);
    await page.close();
  });

  it("offers the collection's values for a choice and takes a new one", async () => {
    const page = await env.open();
    await open(page, KNEE, "other.status");
    const input = page.locator("input[data-field='other.status']");
    const listId = await input.getAttribute("list");
    expect(listId).not.toBeNull();
    const offered = await page.locator(`datalist[id='${listId}'] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(["Completed", "Ongoing", "Planned"]);

    await input.fill("Ongoing");
    expect((await save(page)).ops).toEqual([{ op: "input", key: "other.status", input: "Ongoing" }]);

    // A value no page has yet is taken as typed, without a problem.
    await input.fill("Paused for review");
    await page.locator("[data-testid='unsaved']").waitFor();
    expect(await page.locator("[data-testid='problem-other.status']").count()).toBe(0);
    expect((await save(page)).ops).toEqual([{ op: "input", key: "other.status", input: "Paused for review" }]);
    await screenshot(page, "41-choice");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("takes a decimal comma, writes a point, and refuses other spellings in plain words", async () => {
    const page = await env.open();
    await open(page, KNEE, "other.sliceThickness");
    const input = page.locator("input[data-field='other.sliceThickness']");
    expect(await input.getAttribute("inputmode")).toBe("decimal");
    await input.fill("3,5");
    expect(await input.inputValue()).toBe("3,5");
    expect(await page.locator("[data-testid='problem-other.sliceThickness']").count()).toBe(0);
    expect((await save(page)).ops).toEqual([{ op: "input", key: "other.sliceThickness", input: "3.5" }]);

    await input.fill("0x10");
    const problem = page.locator("[data-testid='problem-other.sliceThickness']");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("decimal point or comma");
    const saves = await page.evaluate(() => window.galleyTest?.saves.length ?? 0);
    await page.keyboard.press("ControlOrMeta+S");
    await page.locator("[data-testid='status']", { hasText: "Not saved" }).waitFor();
    expect(await page.evaluate(() => window.galleyTest?.saves.length ?? 0)).toBe(saves);
    await screenshot(page, "42-decimal-refused");
    expect(await axeViolations(page)).toEqual([]);

    // The same problem in Swedish.
    await page.selectOption("[data-testid='language']", "sv");
    await page.locator("[data-testid='save']", { hasText: "Spara" }).waitFor();
    expect(await problem.textContent()).toContain("decimalkomma");
    await page.close();
  });

  it("edits a date and time in its own spelling, and an empty date looks empty", async () => {
    const page = await env.open();
    await open(page, SEMINAR, "date");
    const date = page.locator("input[data-field='date']");
    const time = page.locator("[data-testid='time-date']");
    expect(await date.getAttribute("type")).toBe("date");
    expect(await date.inputValue()).toBe("2025-03-10");
    expect(await time.getAttribute("type")).toBe("time");
    expect(await time.inputValue()).toBe("13:00:00");
    expect(await page.locator("[data-testid='zone-date']").textContent()).toBe("UTC+01:00");
    // The empty date is a button, not an empty control showing today greyed.
    const add = page.locator("[data-testid='add-date-last_modified_at']");
    expect(await add.textContent()).toContain("Add a date");
    expect(await page.locator("input[type='date'][data-field='last_modified_at']").count()).toBe(0);
    await screenshot(page, "43-date-time");
    expect(await axeViolations(page)).toEqual([]);
    await dark(page);
    await screenshot(page, "43-date-time-dark");
    expect(await axeViolations(page)).toEqual([]);

    await time.fill("14:30:00");
    await time.dispatchEvent("change");
    await date.fill("2025-03-11");
    await date.dispatchEvent("change");
    await add.click();
    const added = page.locator("input[type='date'][data-field='last_modified_at']");
    await added.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-field"))).toBe("last_modified_at");
    await added.fill("2025-03-12");
    await added.dispatchEvent("change");
    const sent = await save(page);
    expect(sent.edits).toEqual([
      { key: "date", input: "2025-03-11 14:30:00 +0100" },
      { key: "last_modified_at", input: "2025-03-12" },
    ]);

    // ✕ empties a date again, and the button comes back.
    await page.click("[data-testid='clear-date-last_modified_at']");
    await add.waitFor();
    expect((await save(page)).edits).toEqual([{ key: "last_modified_at", input: "" }]);
    await page.close();
  });

  it("counts each collection's pages in the sidebar, and follows a new page", async () => {
    const page = await env.open();
    const counts = async (): Promise<Record<string, string>> =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("[data-collection]")].map((b) => [b.getAttribute("data-collection"), b.querySelector(".count")?.textContent ?? ""]),
        ),
      );
    await page.locator("[data-collection='news'] .count").waitFor();
    expect(await counts()).toEqual({ engagements: "3", datasets: "1", news: "2", people: "1" });
    await page.click("[data-new-page='news']");
    await page.fill("[role='dialog'] input[data-dialog-field='title']", "Autumn workshop in Malmö");
    await page.click("[data-testid='dialog-confirm']");
    await page.locator("[data-collection='news'] .count", { hasText: "3" }).waitFor();
    expect(await counts()).toEqual({ engagements: "3", datasets: "1", news: "3", people: "1" });
    await page.close();
  });
});
