import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// The browser tests: node drives Debian's Chromium (playwright-core) against
// ui/dist-browser. One file at a time: each starts its own Chromium.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    environment: "node",
    include: ["browser/**/*.spec.ts"],
    fileParallelism: false,
    // Limits for a stuck browser, not speed assertions: 2 shared cores are slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
