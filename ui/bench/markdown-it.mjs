// The browser-side peer for the preview benchmark: markdown-it rendering the same
// generated page Galley's criterion bench renders (written by `cargo xtask bench`).
// Usage: node ui/bench/markdown-it.mjs PAGE.md RUNS
// Prints `FIGURE markdown_it_ms median=… p95=… n=… bytes=…`.
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node markdown-it.mjs PAGE.md [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg ?? "100");
const text = readFileSync(file, "utf8");
// Raw HTML passes through, as Galley's preview keeps (and then sanitizes) it.
const md = new MarkdownIt({ html: true });

// Warm up the JIT the way a page open and the first keystrokes would.
const warmUntil = performance.now() + 1000;
let sink = 0;
while (performance.now() < warmUntil) {
  sink += md.render(text).length;
}
const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  sink += md.render(text).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.round((times.length - 1) * p))];
console.log(
  `FIGURE markdown_it_ms median=${at(0.5).toFixed(3)} p95=${at(0.95).toFixed(3)} n=${runs} bytes=${Buffer.byteLength(text)} sink=${sink > 0 ? 1 : 0}`,
);
