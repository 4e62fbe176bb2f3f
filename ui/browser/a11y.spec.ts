// Every main screen of the real App (with the in-memory backend) checked by
// axe-core against WCAG 2.2 AA, in English and in Swedish; dialogs also for
// their keyboard behaviour (focus inside, Escape closes, focus returns).
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

const AIDA = "[data-path='_engagements/aida.md']";

async function openAida(page: Page): Promise<void> {
  await page.click(AIDA);
  await page.locator("input[data-field='title']").waitFor();
  await page.locator(".cm-content").waitFor();
  await page.frameLocator("[data-testid='preview']").locator("h2").first().waitFor();
}

const focusIn = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((s) => document.querySelector(s)?.contains(document.activeElement) ?? false, selector);

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  it("welcome screen", async () => {
    const page = await env.open("scenario=welcome");
    await page.locator(".recent-site").first().waitFor();
    await screenshot(page, "01-welcome");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("site browser, form, editor and preview", async () => {
    const page = await env.open();
    await openAida(page);
    await screenshot(page, "02-editor");
    expect(await axeViolations(page)).toEqual([]);
    // A wrong value explained next to its field, and the image picker.
    await page.fill("input[data-field='prio']", "first");
    await page.locator("[data-testid='problem-prio']").waitFor();
    await page.click("[data-testid='pick-logo']");
    await page.locator("[data-image]").first().waitFor();
    await screenshot(page, "03-form-problem-and-picker");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("lists, groups and search results", async () => {
    const page = await env.open();
    await page.click("[data-path='_datasets/knee-mri.md']");
    await page.locator("[data-testid='add-datacite.keywords']").waitFor();
    await page.fill("[data-testid='search']", "umea");
    await page.locator("[data-testid='search-results'] li").first().waitFor();
    await screenshot(page, "04-lists-and-search");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("find and replace panel", async () => {
    const page = await env.open();
    await openAida(page);
    await page.click("[data-format='find']");
    await page.locator(".cm-search input[name='search']").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("changes and their review", async () => {
    const page = await env.open();
    await page.click("[data-testid='open-commit']");
    await page.locator("[data-testid='review']").waitFor();
    await screenshot(page, "05-changes");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a confirm dialog keeps the focus, closes with Escape and gives the focus back", async () => {
    const page = await env.open();
    await page.click("[data-testid='open-commit']");
    await page.locator("[data-testid='discard']").focus();
    await page.keyboard.press("Enter");
    await page.locator("[role='alertdialog']").waitFor();
    await screenshot(page, "06-confirm-dialog");
    expect(await axeViolations(page)).toEqual([]);
    expect(await focusIn(page, "[role='alertdialog']")).toBe(true);
    // The risky question starts on the safe answer, and Tab stays inside.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      expect(await focusIn(page, "[role='alertdialog']")).toBe(true);
    }
    await page.keyboard.press("Escape");
    await page.locator("[role='alertdialog']").waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("discard");
    await page.close();
  });

  it("a form dialog (new page)", async () => {
    const page = await env.open();
    await page.click("[data-new-page='engagements']");
    await page.locator("[role='dialog'] input[data-dialog-field='title']").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-dialog-field"))).toBe("title");
    await screenshot(page, "07-new-page-dialog");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Shift+Tab");
    expect(await focusIn(page, "[role='dialog']")).toBe(true);
    await page.keyboard.press("Escape");
    await page.locator("[role='dialog']").waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-new-page"))).toBe("engagements");
    await page.close();
  });

  it("closing with unsaved edits", async () => {
    const page = await env.open();
    await openAida(page);
    await page.fill("input[data-field='title']", "AIDA arena");
    await page.evaluate(() => window.galleyTest?.emit({ kind: "close_requested" }));
    await page.locator("[data-testid='closing']").waitFor();
    expect(await focusIn(page, "[data-testid='closing']")).toBe(true);
    await screenshot(page, "08-closing");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.locator("[data-testid='closing']").waitFor({ state: "detached" });
    await page.close();
  });

  it("conflicts after getting the latest changes", async () => {
    const page = await env.open("scenario=conflicts");
    await page.locator("[data-testid='conflicts']").waitFor();
    await page.check("input[name='way-_engagements/aida.md'][value='combine']");
    await page.locator("[data-clash='0']").waitFor();
    await screenshot(page, "09-conflicts");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a page changed outside Galley, and combining both versions", async () => {
    const page = await env.open();
    await openAida(page);
    await page.fill("input[data-field='title']", "AIDA (mine)");
    await page.evaluate(() => {
      const hooks = window.galleyTest;
      hooks?.changeOnDisk("_engagements/aida.md", "title", "AIDA (theirs)");
      hooks?.emit({
        kind: "site_changed",
        notice: null,
        notice_words: null,
        changes: {
          pages_changed: ["_engagements/aida.md"],
          pages_added: [],
          pages_removed: [],
          pages_renamed: [],
          config_changed: [],
          assets_changed: [],
          git_state_changed: false,
          rescan: false,
          watch_mode: null,
        },
      });
    });
    await page.locator("[data-testid='outside-banner']").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.click("[data-testid='combine-start']");
    await page.locator("[data-testid='combine']").waitFor();
    await screenshot(page, "10-combine");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("history and unsaved edits from last time", async () => {
    const page = await env.open("scenario=recovery");
    await page.locator("[data-testid='recovery']").waitFor();
    await openAida(page);
    await page.click("[data-testid='history-button']");
    await page.locator("[data-testid='history'] [data-commit]").first().waitFor();
    await page.click("[data-commit='c2']");
    await page.locator("[data-testid='restore']").waitFor();
    await screenshot(page, "11-history-and-recovery");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("the whole UI in Swedish", async () => {
    const page = await env.open();
    await openAida(page);
    await page.selectOption("[data-testid='language']", "sv");
    await page.locator("[data-testid='save']", { hasText: "Spara" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    // The text is spell-checked in the site's language (its config says English), not the UI's.
    expect(await page.locator(".cm-content").getAttribute("lang")).toBe("en");
    expect(await page.locator("input[data-field='role']").getAttribute("lang")).toBe("en");
    expect(await page.locator("[data-format='bold']").getAttribute("aria-label")).toBe("Fetstil (Ctrl+B)");
    await page.click("[data-format='find']");
    expect(await page.locator(".cm-search input[name='search']").getAttribute("placeholder")).toBe("Sök");
    await screenshot(page, "12-swedish-editor");
    expect(await axeViolations(page)).toEqual([]);
    await page.click("[data-testid='open-commit']");
    await page.locator("[data-testid='review']").waitFor();
    await screenshot(page, "13-swedish-changes");
    expect(await axeViolations(page)).toEqual([]);
    // The choice is kept for next time.
    await page.goto(`${env.url}?keep-language`);
    await page.locator("[data-testid='open-commit']", { hasText: "Ändringar" }).waitFor();
    await page.close();
  });
});
