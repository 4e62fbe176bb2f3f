// A keyboard-only journey: no mouse from the first Tab to the saved page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, start, tabTo, type Env } from "./harness";

let env: Env;
beforeAll(async () => {
  env = await start();
});
afterAll(async () => {
  await env?.close();
});

describe("keyboard only", () => {
  it("finds a page, opens it, changes a field and saves with Ctrl+S", async () => {
    const page = await env.open();
    expect(await tabTo(page, "[data-testid='search']")).not.toBeNull();
    await page.keyboard.type("ostersund");
    await page.locator("[data-testid='search-results'] li").first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator("[data-testid='page-title']", { hasText: "Östersund Ultrasound Pilot" }).waitFor();

    expect(await tabTo(page, "input[data-field='role']")).not.toBeNull();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Storage and de-identification of video.");
    await page.locator("[data-testid='unsaved']").waitFor();
    await page.keyboard.press("ControlOrMeta+S");
    await page.locator("[data-testid='status']", { hasText: "Saved." }).waitFor();
    await screenshot(page, "20-keyboard-saved");

    const saves = await page.evaluate(() => window.galleyTest?.saves ?? []);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.path).toBe("_engagements/ostersund-ultrasound.md");
    expect(saves[0]?.edits).toEqual([{ key: "role", input: "Storage and de-identification of video." }]);
    await page.close();
  });

  it("skips past the top bar and the page list with the first Tab", async () => {
    const page = await env.open();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("skip-link"))).toBe(true);
    await page.click("[data-path='_engagements/aida.md']");
    await page.locator("input[data-field='title']").waitFor();
    // Back from the page list to the skip link, and past everything to the form.
    expect(await tabTo(page, ".skip-link", 40, "Shift+Tab")).not.toBeNull();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-field"))).toBe("title");
    await page.close();
  });

  it("reaches the toolbar, the text, the switch and the top bar's actions", async () => {
    const page = await env.open();
    await page.click("[data-path='_engagements/aida.md']");
    await page.locator(".cm-content").waitFor();
    // From the form's toggle, Space flips it; from there Tab reaches the toolbar and the text.
    expect(await tabTo(page, "input[data-field='ongoing']")).not.toBeNull();
    await page.keyboard.press("Space");
    expect(await page.locator("input[data-field='ongoing']").isChecked()).toBe(false);
    expect(await tabTo(page, "[data-format='bold']")).not.toBeNull();
    expect(await tabTo(page, ".cm-content")).not.toBeNull();
    // Shift+Tab walks back up to the language switch; the arrow keys choose Svenska.
    expect(await tabTo(page, "[data-testid='language']", 80, "Shift+Tab")).not.toBeNull();
    await page.keyboard.press("ArrowDown");
    await page.locator("[data-testid='save']", { hasText: "Spara" }).waitFor();
    await page.close();
  });
});
