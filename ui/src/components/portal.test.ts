import { describe, expect, it } from "vitest";
import { portal } from "./portal";

describe("portal", () => {
  it("moves the dialog to the end of the page and keeps the focus it took", () => {
    document.body.innerHTML = `<main><div id="backdrop"><input id="alt"></div></main><footer></footer>`;
    const backdrop = document.getElementById("backdrop") as HTMLElement;
    const input = document.getElementById("alt") as HTMLInputElement;
    input.focus();
    const moved = portal(backdrop);
    expect(document.body.lastElementChild).toBe(backdrop);
    expect(document.activeElement).toBe(input);
    moved?.destroy?.();
    expect(document.getElementById("backdrop")).toBeNull();
  });
});
