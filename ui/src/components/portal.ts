// Moves a dialog's backdrop to the end of <body>: a dialog opened from inside a
// scrolling column (the text's Link and Image dialogs) would otherwise be
// painted under that column's scrollbar in WebKit.
//
// The dialog inside has already taken the focus (`use:modal` on the inner
// element runs first); moving it drops the focus to <body>, so it is given
// back to the same element.
import type { Action } from "svelte/action";

export const portal: Action<HTMLElement> = (node) => {
  const focused = document.activeElement;
  document.body.appendChild(node);
  if (focused instanceof HTMLElement && node.contains(focused) && document.activeElement !== focused) focused.focus();
  return {
    destroy() {
      node.remove();
    },
  };
};
