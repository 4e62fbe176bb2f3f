import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

// The browser-test build: the real App with the in-memory backend, into
// ui/dist-browser/ (never embedded in the desktop app).
const ui = fileURLToPath(new URL("..", import.meta.url));
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  publicDir: `${ui}public`,
  plugins: [svelte({ configFile: `${ui}svelte.config.js` })],
  clearScreen: false,
  logLevel: "warn",
  build: { outDir: `${ui}dist-browser`, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1500 },
});
