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

  it("keeps the core's words when they carry details", () => {
    const err = { code: "exists", message: "A page named \"aida.md\" already exists." };
    expect(errorText(err, translator(sv))).toBe(err.message);
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
