// CodeMirror works with "\n" only; the core restores each line's own ending on
// save. Comparisons between the editor's text and the file use this form.
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
