// What the browser tests share: a static server for ui/dist-browser on
// 127.0.0.1 (a random port), Debian's Chromium through playwright-core with a
// fresh profile, axe-core checks and screenshots in target/browser/.
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const UI = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(UI, "dist-browser");
const AXE = join(UI, "node_modules", "axe-core", "axe.min.js");
export const SHOTS = resolve(UI, "..", "target", "browser");
/** Debian's Chromium (apt-get install chromium); Playwright downloads nothing. */
const CHROMIUM = process.env["GALLEY_CHROMIUM"] ?? "/usr/bin/chromium";

/** The WCAG 2.2 AA rules (and the A rules under them). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export interface Env {
  url: string;
  context: BrowserContext;
  /** A new tab on the test build with `query` (e.g. "scenario=welcome"), once the app shows. */
  open: (query?: string) => Promise<Page>;
  close: () => Promise<void>;
}

/** Serves ui/dist-browser and starts Chromium with a fresh profile. */
export async function start(): Promise<Env> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = resolve(DIST, `.${path === "/" ? "/index.html" : path}`);
    if (relative(DIST, file).startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (bytes) => res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no port");
  const url = `http://127.0.0.1:${address.port}/`;
  const profile = mkdtempSync(join(tmpdir(), "galley-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    url,
    context,
    open: async (query = "") => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${url}?${query}`);
      await page.locator(".welcome, .app").first().waitFor();
      if (problems.length > 0) throw new Error(`the app failed to start: ${problems.join("; ")}`);
      return page;
    },
    close: async () => {
      await context.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe-core on the page (the preview frame's content is the site's own,
 * not Galley's, and runs no scripts, so frames are not entered) and returns
 * the violations in words, one line each; empty when there are none. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, iframes: false, resultTypes: ["violations"] });
    return JSON.parse(JSON.stringify(result.violations)) as unknown;
  }, WCAG_TAGS);
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`)
        .join(" | ")}`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Presses Tab until `selector` has the focus (at most `limit` times); the
 * number of presses it took, or null if it never got there. */
export async function tabTo(page: Page, selector: string, limit = 40, key = "Tab"): Promise<number | null> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  return null;
}
