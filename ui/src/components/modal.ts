// Keyboard behaviour shared by every dialog (WCAG 2.1.2, 2.4.3): focus moves
// into the dialog when it opens, Tab and Shift+Tab stay inside it, Escape
// cancels, and focus returns to where it was when the dialog closes.
import type { Action } from "svelte/action";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab can reach inside `root`, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest("[inert]"));
}

export interface ModalOptions {
  oncancel: () => void;
}

export const modal: Action<HTMLElement, ModalOptions> = (node, options) => {
  let cancel = options.oncancel;
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const first = node.querySelector<HTMLElement>("[data-autofocus]") ?? focusables(node)[0] ?? node;
  if (first === node) node.tabIndex = -1;
  first.focus();

  function onkeydown(event: KeyboardEvent): void {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      cancel();
      return;
    }
    if (event.key !== "Tab") return;
    const list = focusables(node);
    const head = list[0];
    const tail = list[list.length - 1];
    if (head === undefined || tail === undefined) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === head || !node.contains(active))) {
      event.preventDefault();
      tail.focus();
    } else if (!event.shiftKey && (active === tail || !node.contains(active))) {
      event.preventDefault();
      head.focus();
    }
  }

  /** Focus that lands outside (a click on the backdrop) comes back in. */
  function onfocusin(event: FocusEvent): void {
    if (event.target instanceof Node && !node.contains(event.target)) (focusables(node)[0] ?? node).focus();
  }

  node.addEventListener("keydown", onkeydown);
  document.addEventListener("focusin", onfocusin);
  return {
    update(next) {
      cancel = next.oncancel;
    },
    destroy() {
      node.removeEventListener("keydown", onkeydown);
      document.removeEventListener("focusin", onfocusin);
      // Back to the control that opened the dialog, if it is still there.
      if (before !== null && before.isConnected) before.focus();
    },
  };
};
