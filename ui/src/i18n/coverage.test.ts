// Every word on screen goes through `t()`: no letters may be left in the
// markup of App.svelte and the components, neither as text nor in the
// attributes people read (title, aria-label, placeholder, alt, label).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const SRC = join(__dirname, "..");
const files = [join(SRC, "App.svelte"), ...readdirSync(join(SRC, "components")).filter((f) => f.endsWith(".svelte")).map((f) => join(SRC, "components", f))];

/** The markup with `{…}` expressions (nested braces included) taken out. */
function withoutExpressions(markup: string): string {
  let out = "";
  let depth = 0;
  for (const c of markup) {
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

function markupOf(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
}

it("leaves no words outside t() in the markup", () => {
  const found: string[] = [];
  for (const file of files) {
    const markup = markupOf(file);
    for (const m of markup.matchAll(/\s(title|aria-label|placeholder|alt|label|confirm|message)="([^"]*)"/g)) {
      if (/\p{L}/u.test(m[2] ?? "")) found.push(`${file}: ${m[0].trim()}`);
    }
    const text = withoutExpressions(markup).replace(/<[^>]*>/g, " ");
    for (const word of text.match(/\p{L}[\p{L}\p{N}'’]*/gu) ?? []) found.push(`${file}: ${word}`);
  }
  expect(found).toEqual([]);
});
