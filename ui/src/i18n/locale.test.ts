import { describe, expect, it } from "vitest";
import { en } from "./en";
import { sv } from "./sv";
import { format, pickLocale } from "./locale";
import { codemirrorPhrases } from "./codemirror";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

describe("pickLocale", () => {
  it("takes the first language Galley speaks", () => {
    expect(pickLocale(["de-DE", "sv-SE", "en-US"])).toBe("sv");
    expect(pickLocale(["en-GB"])).toBe("en");
  });
  it("falls back to English", () => {
    expect(pickLocale(["fi-FI"])).toBe("en");
    expect(pickLocale([])).toBe("en");
  });
});

describe("catalogues", () => {
  it("Swedish has every English key and no extra ones", () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });
  it("every translation keeps the English placeholders", () => {
    // `{detail}` alone may be left out: it is English words Galley does not own
    // (a parser's or the system's), see crates/galley-core/src/words.
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== "detail").sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(sv[key]), key).toEqual(names(en[key]));
      if (sv[key].includes("{detail}")) expect(en[key], key).toContain("{detail}");
    }
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    const cat = { ...en, "welcome.recent": "{n} sites, {missing}" };
    expect(format(cat, "welcome.recent", { n: 3 })).toBe("3 sites, {missing}");
  });
});

describe("CodeMirror's phrases", () => {
  it("has Swedish for every phrase the editor's CodeMirror packages ask for", () => {
    const packages = ["search", "commands", "view", "language"];
    const asked = new Set<string>();
    for (const name of packages) {
      const code = readFileSync(fileURLToPath(import.meta.resolve(`@codemirror/${name}`)), "utf8");
      for (const m of code.matchAll(/phrase\((?:view, )?"([^"]+)"/g)) if (m[1] !== undefined) asked.add(m[1]);
    }
    expect(asked.has("Find")).toBe(true);
    const missing = [...asked].filter((p) => codemirrorPhrases("sv")[p] === undefined);
    expect(missing).toEqual([]);
    expect(codemirrorPhrases("en")).toEqual({});
  });
});
