// Only src/ipc/ may talk to Tauri: everything else goes through `Backend`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it("only src/ipc imports @tauri-apps", () => {
  const src = join(__dirname);
  const offenders = files(src)
    .filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith(".test.ts"))
    .filter((f) => !relative(src, f).startsWith("ipc"))
    .filter((f) => readFileSync(f, "utf8").includes("@tauri-apps/"));
  expect(offenders).toEqual([]);
  expect(readFileSync(join(src, "ipc", "index.ts"), "utf8")).toContain("@tauri-apps/api/core");
});
