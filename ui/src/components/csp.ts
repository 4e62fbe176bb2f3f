// Tauri puts a CSP nonce on index.html's empty style element; styles the app
// inserts itself (CodeMirror's, the site's stylesheet in the preview) need it.
export function cspNonce(): string {
  const carrier = document.getElementById("csp-nonce-carrier");
  // Browsers hide the attribute once the page has loaded; the property keeps it.
  return carrier?.nonce || carrier?.getAttribute("nonce") || "";
}
