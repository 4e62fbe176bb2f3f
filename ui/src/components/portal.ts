// Moves a dialog's backdrop to the end of <body>: a dialog opened from inside a
// scrolling column (the text's Link and Image dialogs) would otherwise be
// painted under that column's scrollbar in WebKit.
import type { Action } from "svelte/action";

export const portal: Action<HTMLElement> = (node) => {
  document.body.appendChild(node);
  return {
    destroy() {
      node.remove();
    },
  };
};
