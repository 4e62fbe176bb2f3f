import { describe, expect, it } from "vitest";
import { en } from "./en";
import { sv } from "./sv";
import { format, pickLocale } from "./locale";

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
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(sv[key]), key).toEqual(names(en[key]));
    }
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    const cat = { ...en, "welcome.recent": "{n} sites, {missing}" };
    expect(format(cat, "welcome.recent", { n: 3 })).toBe("3 sites, {missing}");
  });
});
