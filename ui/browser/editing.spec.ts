// Editing in the real App (with the in-memory backend): the form fits its
// column however deep its groups go, dates get a real date control, the page
// list answers the keyboard, the toolbar's Link and Image dialogs insert
// Markdown, and an image dropped on an image field fills it — every screen
// checked by axe-core.
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

async function open(page: Page, path: string): Promise<void> {
  await page.click(`[data-path='${path}']`);
  await page.locator("input[data-field='title']").waitFor();
  await page.locator(".cm-content").waitFor();
}

/** The text as saved (CodeMirror draws only the lines in view, so the page's
 * DOM does not hold all of it). */
async function bodyText(page: Page): Promise<string> {
  const before = await page.evaluate(() => window.galleyTest?.saves.length ?? 0);
  await page.keyboard.press("ControlOrMeta+S");
  await page.waitForFunction((n) => (window.galleyTest?.saves.length ?? 0) > n, before);
  return page.evaluate(() => window.galleyTest?.saves.at(-1)?.body ?? "");
}

/** Selects the last word of the text, as a keyboard user would. */
async function selectLastWord(page: Page, add: string): Promise<void> {
  await page.click(".cm-content");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(add);
  await page.keyboard.press("Shift+ControlOrMeta+ArrowLeft");
}

describe("editing", () => {
  it("keeps nested groups inside the form's column and gives dates a real date control", async () => {
    const page = await env.open();
    await open(page, "_datasets/knee-mri.md");
    await page.locator("input[data-field='datacite.copyrightHolder[0].url']").waitFor();
    await screenshot(page, "30-nested-groups");
    const overflow = await page.evaluate(() => {
      const column = document.querySelector(".editor-column") as HTMLElement;
      const form = document.querySelector(".page-form") as HTMLElement;
      const right = form.getBoundingClientRect().right;
      const sticking = [...form.querySelectorAll("input, textarea, button, fieldset")]
        .filter((el) => el.getBoundingClientRect().right > right + 0.5)
        .map((el) => el.getAttribute("data-field") ?? el.tagName);
      return { scroll: column.scrollWidth - column.clientWidth, sticking };
    });
    expect(overflow).toEqual({ scroll: 0, sticking: [] });
    expect(await axeViolations(page)).toEqual([]);

    await open(page, "_engagements/nordic-imaging-network.md");
    const end = page.locator("input[data-field='end']");
    expect(await end.getAttribute("type")).toBe("date");
    const width = await end.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(120);
    await end.fill("2023-06-30");
    await page.keyboard.press("Tab");
    await page.locator("[data-testid='unsaved']").waitFor();
    await page.keyboard.press("ControlOrMeta+S");
    await page.locator("[data-testid='status']", { hasText: "Saved." }).waitFor();
    const saves = await page.evaluate(() => window.galleyTest?.saves ?? []);
    expect(saves.at(-1)?.edits).toEqual([{ key: "end", input: "2023-06-30" }]);
    await screenshot(page, "31-date-control");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("gives an image field's path its own row", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    const sizes = await page.evaluate(() => {
      const input = document.querySelector("input[data-field='logo']") as HTMLElement;
      const choose = document.querySelector("[data-testid='pick-logo']") as HTMLElement;
      return { input: input.getBoundingClientRect(), choose: choose.getBoundingClientRect() };
    });
    expect(sizes.input.width).toBeGreaterThan(200);
    expect(sizes.choose.top).toBeGreaterThanOrEqual(sizes.input.bottom);
    await page.close();
  });

  it("fits the toolbar on one line at 1280 pixels", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    const tops = await page.evaluate(() => [...document.querySelectorAll(".format-toolbar button")].map((b) => b.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(10);
    expect(new Set(tops).size).toBe(1);
    // It stays in view while the text scrolls under it.
    const place = await page.evaluate(() => {
      const column = document.querySelector(".editor-column") as HTMLElement;
      column.scrollTop = 1500;
      const bar = (document.querySelector(".format-toolbar") as HTMLElement).getBoundingClientRect();
      return { scrolled: column.scrollTop, offset: bar.top - column.getBoundingClientRect().top };
    });
    expect(place.scrolled).toBeGreaterThan(500);
    expect(Math.abs(place.offset)).toBeLessThan(2);
    // The find panel sticks just under it, not hidden by it.
    await page.click("[data-format='find']");
    await page.locator(".cm-search input[name='search']").waitFor();
    const panel = await page.evaluate(() => {
      const column = document.querySelector(".editor-column") as HTMLElement;
      column.scrollTop = 1500;
      const bar = (document.querySelector(".format-toolbar") as HTMLElement).getBoundingClientRect();
      const search = (document.querySelector(".cm-panels-top") as HTMLElement).getBoundingClientRect();
      return { gap: search.top - bar.bottom, top: search.top - column.getBoundingClientRect().top };
    });
    expect(panel.gap).toBeGreaterThanOrEqual(-1);
    expect(panel.top).toBeLessThan(60);
    await screenshot(page, "36-toolbar-sticks");
    await page.close();
  });

  it("moves through the page list with the keyboard", async () => {
    const page = await env.open();
    const list = page.locator("[data-list='engagements']");
    await list.focus();
    await page.keyboard.press("End");
    const total = Number(await list.getAttribute("data-total"));
    expect(total).toBeGreaterThan(2);
    const activeRow = (): Promise<string | null> =>
      page.evaluate(() => {
        const l = document.querySelector("[data-list='engagements']");
        const id = l?.getAttribute("aria-activedescendant");
        return id ? (document.getElementById(id)?.getAttribute("aria-posinset") ?? null) : null;
      });
    expect(await activeRow()).toBe(String(total));
    await page.keyboard.press("ArrowUp");
    expect(await activeRow()).toBe(String(total - 1));
    await page.keyboard.press("Home");
    expect(await activeRow()).toBe("1");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("[data-list='engagements'] [aria-posinset='2'][aria-selected='true']").waitFor();
    await page.locator("input[data-field='title']").waitFor();
    await screenshot(page, "32-page-list-keyboard");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("links a word to another page of the site", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    await selectLastWord(page, " our partners");
    await page.keyboard.press("ControlOrMeta+K");
    const dialog = page.locator("[data-testid='link-dialog']");
    await dialog.waitFor();
    expect(await page.inputValue("[data-link-field='text']")).toBe("partners");
    await page.fill("[data-link-field='search']", "nordic");
    await page.click("[data-link-page='_engagements/nordic-imaging-network.md']");
    await page.locator("[data-testid='link-target']", { hasText: "/about/engagements/nordic-imaging-network/" }).waitFor();
    await screenshot(page, "33-link-dialog");
    expect(await axeViolations(page)).toEqual([]);
    await page.click("[data-testid='link-confirm']");
    await dialog.waitFor({ state: "detached" });
    expect(await bodyText(page)).toContain("our [partners](/about/engagements/nordic-imaging-network/)");

    // A web address instead.
    await selectLastWord(page, " arena");
    await page.click("[data-format='link']");
    await page.check("[data-link-kind='web']");
    await page.fill("[data-link-field='url']", "https://example.org/arena");
    await page.click("[data-testid='link-confirm']");
    expect(await bodyText(page)).toContain("[arena](https://example.org/arena)");
    await page.close();
  });

  it("inserts an image of the site with its description", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    await page.click(".cm-content");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    await page.click("[data-format='image']");
    const dialog = page.locator("[data-testid='image-dialog']");
    await dialog.waitFor();
    expect(await page.locator("[data-testid='image-confirm']").isDisabled()).toBe(true);
    await page.click("[data-testid='image-dialog'] [data-image='/assets/images/arena-map.png']");
    await page.fill("[data-image-field='alt']", "Map of the arena's sites");
    await screenshot(page, "34-image-dialog");
    expect(await axeViolations(page)).toEqual([]);
    await page.click("[data-testid='image-confirm']");
    await dialog.waitFor({ state: "detached" });
    expect(await bodyText(page)).toContain("![Map of the arena's sites](/assets/images/arena-map.png)");
    await page.close();
  });

  it("highlights the logo field while an image is dragged over it and takes the dropped image", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    const at = await page.evaluate(() => {
      const r = (document.querySelector("[data-path='logo']") as HTMLElement).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    // As the shell reports a drag from the file manager (src-tauri/src/file_drop.rs).
    await page.evaluate((p) => window.galleyTest?.emit({ kind: "file_drag", x: p.x, y: p.y, images: true }), at);
    const field = page.locator("[data-path='logo']");
    await page.waitForFunction(() => document.querySelector("[data-path='logo']")?.classList.contains("drop-here") === true);
    expect(await field.getAttribute("data-drop-hint")).toBe("Drop to add this image");
    await screenshot(page, "36-drop-highlight");
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(
      (p) =>
        window.galleyTest?.emit({ kind: "files_dropped", offer: { drop: 1, files: [{ name: "Arena logo.png", image: true }] }, x: p.x, y: p.y }),
      at,
    );
    await page.waitForFunction(
      () => (document.querySelector("input[data-field='logo']") as HTMLInputElement | null)?.value === "/assets/images/arena-logo.png",
    );
    expect(await field.getAttribute("class")).not.toContain("drop-here");
    await page.locator("[data-testid='status']", { hasText: "Added arena-logo.png." }).waitFor();
    await page.close();
  });

  it("asks the copy's title when duplicating a page", async () => {
    const page = await env.open();
    await open(page, "_engagements/aida.md");
    await page.locator("[data-testid='page-title']", { hasText: "AIDA" }).waitFor();
    await page.click("[data-testid='duplicate-page']");
    expect(await page.inputValue("[data-dialog-field='title']")).toBe("AIDA (copy)");
    await screenshot(page, "35-duplicate-dialog");
    expect(await axeViolations(page)).toEqual([]);
    await page.click("[data-testid='dialog-confirm']");
    await page.locator("[data-testid='page-title']", { hasText: "AIDA (copy)" }).waitFor();
    expect(await page.inputValue("input[data-field='role']")).toBe("The data infrastructure behind the arena's projects.");
    await page.close();
  });
});
