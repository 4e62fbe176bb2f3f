import { describe, expect, it } from "vitest";
import { errorKey, errorText } from "./errors";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { translator } from "../i18n/locale";

describe("error words", () => {
  it("uses the UI's words for codes with a fixed meaning", () => {
    const err = { code: "offline", message: "Galley could not reach the server." };
    expect(errorText(err, translator(sv))).toMatch(/^Galley kom inte åt servern/);
    expect(errorText(err, translator(en))).toMatch(/^Galley could not reach the server/);
  });

  it("says the core's words with their details in the editor's language", () => {
    const err = {
      code: "exists",
      message: "A page named \"aida.md\" already exists. Choose another name.",
      words: { code: "coreError.browse.exists", params: { path: "aida.md" } },
    };
    expect(errorText(err, translator(sv))).toBe("Det finns redan en sida som heter ”aida.md”. Välj ett annat namn.");
    expect(errorText(err, translator(en))).toBe(err.message);
  });

  it("falls back to the core's English only for words it does not know", () => {
    const err = { code: "exists", message: "Something new.", words: { code: "coreError.fromTheFuture", params: {} } };
    expect(errorText(err, translator(sv))).toBe("Something new.");
    expect(errorText({ code: "unknown", message: "boom" }, translator(en))).toBe("boom");
  });

  it("does not treat inherited names as codes", () => {
    expect(errorKey("toString")).toBeNull();
    expect(errorKey("constructor")).toBeNull();
  });

  it("keeps the next step's words in the English message the e2e tests read", () => {
    expect(errorText({ code: "remote_has_new_commits", message: "" }, translator(en))).toContain("Get latest changes");
  });
});
