import { afterEach, describe, expect, it, vi } from "vitest";
import type { SiteImage } from "../ipc/types";
import { deliverDrop, dropTarget, followDrag } from "./dropTargets";

const LOGO: SiteImage = { path: "assets/images/logo.png", reference: "/assets/images/logo.png" };

/** A field with an input inside, and something that takes no drops. */
function page(): { field: HTMLElement; input: HTMLElement; other: HTMLElement } {
  document.body.innerHTML = `<div id="field"><input id="input"></div><p id="other">text</p>`;
  const field = document.getElementById("field") as HTMLElement;
  const input = document.getElementById("input") as HTMLElement;
  const other = document.getElementById("other") as HTMLElement;
  return { field, input, other };
}

/** happy-dom lays nothing out: the element "under" a point is chosen here. */
function pointAt(element: Element | null): void {
  document.elementFromPoint = () => element;
}

afterEach(() => {
  followDrag({ kind: "file_drag_left" });
  document.body.innerHTML = "";
});

describe("drop targets", () => {
  it("highlight the target under the drag, with words for what a drop does", () => {
    const { field, input, other } = page();
    const marked = dropTarget(field, { receive: () => undefined });
    pointAt(input);
    followDrag({ kind: "file_drag", x: 5, y: 5, images: true });
    expect(field.classList.contains("drop-here")).toBe(true);
    expect(field.classList.contains("drop-refused")).toBe(false);
    expect(field.dataset["dropHint"]).toBe("Drop to add this image");
    expect(field.style.getPropertyValue("--drop-x")).toBe("5px");
    pointAt(other);
    followDrag({ kind: "file_drag", x: 5, y: 50, images: null });
    expect(field.classList.contains("drop-here")).toBe(false);
    expect(field.dataset["dropHint"]).toBeUndefined();
    expect(field.style.getPropertyValue("--drop-x")).toBe("");
    marked?.destroy?.();
  });

  it("say so when what is dragged is not an image", () => {
    const { field } = page();
    const marked = dropTarget(field, { receive: () => undefined });
    pointAt(field);
    followDrag({ kind: "file_drag", x: 5, y: 5, images: false });
    expect(field.classList.contains("drop-refused")).toBe(true);
    expect(field.dataset["dropHint"]).toBe("Not an image");
    followDrag({ kind: "file_drag_left" });
    expect(field.classList.contains("drop-here")).toBe(false);
    marked?.destroy?.();
  });

  it("hand the copied-in image to the target under the drop", async () => {
    const { field, input } = page();
    const receive = vi.fn();
    const marked = dropTarget(field, { receive });
    pointAt(input);
    const importDropped = vi.fn(async () => LOGO);
    const offer = { drop: 7, files: [{ name: "notes.txt", image: false }, { name: "Logo.png", image: true }] };
    const result = await deliverDrop(offer, { x: 5, y: 5 }, importDropped);
    expect(result).toEqual({ kind: "added", image: LOGO });
    expect(importDropped).toHaveBeenCalledWith(7, 1);
    expect(receive).toHaveBeenCalledWith(LOGO, { x: 5, y: 5 });
    expect(field.classList.contains("drop-here")).toBe(false);
    marked?.destroy?.();
  });

  it("copy nothing when the drop is not on a target, or the target is gone", async () => {
    const { field, other } = page();
    const marked = dropTarget(field, { receive: () => undefined });
    const importDropped = vi.fn(async () => LOGO);
    const offer = { drop: 1, files: [{ name: "logo.png", image: true }] };
    pointAt(other);
    expect(await deliverDrop(offer, { x: 1, y: 1 }, importDropped)).toEqual({ kind: "nowhere" });
    marked?.destroy?.();
    pointAt(field);
    expect(await deliverDrop(offer, { x: 1, y: 1 }, importDropped)).toEqual({ kind: "nowhere" });
    expect(importDropped).not.toHaveBeenCalled();
  });

  it("give nothing to a target that went away while the image was copied in", async () => {
    const { field } = page();
    const receive = vi.fn();
    const marked = dropTarget(field, { receive });
    pointAt(field);
    const offer = { drop: 3, files: [{ name: "logo.png", image: true }] };
    const result = await deliverDrop(offer, { x: 1, y: 1 }, async () => {
      marked?.destroy?.(); // another page opened meanwhile
      return LOGO;
    });
    expect(result).toEqual({ kind: "added", image: LOGO });
    expect(receive).not.toHaveBeenCalled();
  });

  it("pass the core's refusal on and give the target nothing", async () => {
    const { field } = page();
    const receive = vi.fn();
    const marked = dropTarget(field, { receive });
    pointAt(field);
    const refusal = { code: "io", message: "not an image", words: { code: "coreError.import.notAnImage", params: { name: "notes.txt" } } };
    const offer = { drop: 2, files: [{ name: "notes.txt", image: false }] };
    await expect(deliverDrop(offer, { x: 1, y: 1 }, () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(receive).not.toHaveBeenCalled();
    marked?.destroy?.();
  });
});
