// The core's codes (core-codes.json, checked against the Rust enums by
// src-tauri's `the_ui_has_the_list_of_every_code`) all have words in English
// AND Swedish, with only the values the core sends; and the messages are built
// from code and values in both languages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Problem, Words } from "../ipc/types";
import { en, type MessageKey } from "./en";
import { sv } from "./sv";
import { translator } from "./locale";
import { lineWordsText, problemText, sayWords } from "./coreWords";

const codes = JSON.parse(readFileSync(join(__dirname, "core-codes.json"), "utf8")) as Record<string, string[]>;
const toEn = translator(en);
const toSv = translator(sv);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

function isKey(code: string): code is MessageKey {
  return Object.hasOwn(en, code);
}

describe("core codes", () => {
  it("lists the codes the core sends", () => {
    expect(Object.keys(codes).length).toBeGreaterThan(100);
    expect(codes["problem.typeMismatch.settings"]).toEqual(["field", "expected", "found"]);
  });

  it.each(Object.entries(codes))("%s has English and Swedish words with the core's values", (code, params) => {
    expect(isKey(code), `${code} is missing from en.ts`).toBe(true);
    if (!isKey(code)) return;
    const english = en[code];
    const swedish = sv[code];
    expect(english.trim()).not.toBe("");
    expect(swedish.trim()).not.toBe("");
    expect(swedish, `${code} is not translated`).not.toBe(english);
    for (const text of [english, swedish]) {
      for (const name of placeholders(text)) expect(params, `${code}: {${name}}`).toContain(name);
    }
    // Every value the core sends is used by the English words.
    expect(placeholders(english)).toEqual([...new Set(params)].sort());
  });

  it.each(Object.entries(codes))("%s is built in both languages with every value filled", (code, params) => {
    const words: Words = { code, params: Object.fromEntries(params.map((p) => [p, `«${p}»`])) };
    for (const t of [toEn, toSv]) {
      const text = sayWords(words, t, "FALLBACK");
      expect(text).not.toBe("FALLBACK");
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});

function problem(words: Words, hint: Words): Problem {
  return {
    path: "_engagements/aida.md",
    line: 4,
    column: 1,
    severity: "warning",
    code: "type-mismatch",
    field: "start",
    message: "English message.",
    hint: "English hint.",
    words,
    hint_words: hint,
  };
}

describe("messages from code and values", () => {
  const mismatch = problem(
    { code: "problem.typeMismatch.settings", params: { field: "start", expected: "year", found: "text" } },
    { code: "problem.hint.changeKind", params: { expected: "year" } },
  );

  it("says a type mismatch with its kinds in each language", () => {
    expect(problemText(mismatch, toEn)).toBe(
      "start should be a year, as the site's settings say, but it is a text. Change it to a year in the form, or fix the value in the text.",
    );
    expect(problemText(mismatch, toSv)).toBe(
      "start ska vara ett årtal enligt webbplatsens inställningar, men är en text. Ändra det till ett årtal i formuläret, eller rätta värdet i texten.",
    );
  });

  it("names the month in the editor's language", () => {
    const words: Words = {
      code: "problem.impossibleDate.days",
      params: { field: "end", value: "2023-02-30", month: "2", year: "2023", days: "28" },
    };
    expect(sayWords(words, toEn, "")).toBe('end is "2023-02-30", but February 2023 has only 28 days.');
    expect(sayWords(words, toSv, "")).toBe("end är ”2023-02-30”, men februari 2023 har bara 28 dagar.");
  });

  it("falls back to the core's English only for a code it does not know", () => {
    const unknown = problem({ code: "problem.fromTheFuture", params: {} }, { code: "problem.hint.alsoNew", params: {} });
    expect(problemText(unknown, toSv)).toBe("English message. English hint.");
    expect(sayWords(null, toSv, "English.")).toBe("English.");
  });

  it("says a broken front matter with its line", () => {
    const words = {
      line: 3,
      message: { code: "problem.malformed.tab", params: {} },
      hint: { code: "problem.hint.spaces", params: {} },
    };
    expect(lineWordsText(words, toSv, "Line 3: …")).toBe("Rad 3: Raden är indragen med tabb. Dra in med mellanslag i stället.");
    expect(lineWordsText(null, toSv, "Line 3: …")).toBe("Line 3: …");
  });

  it("has a Swedish word for every kind and month", () => {
    for (const key of Object.keys(en)) {
      if (key.startsWith("problem.kind.") || key.startsWith("problem.month.")) {
        expect(sv[key as MessageKey]).not.toBe(en[key as MessageKey]);
      }
    }
  });
});
