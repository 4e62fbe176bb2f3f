// CodeMirror's own words (the find-and-replace panel, go-to-line, what a
// screen reader hears), by the English phrase CodeMirror asks for
// (`state.phrase(...)`). English needs no table: the phrases are English.
import type { Locale } from "./locale";

const sv: Readonly<Record<string, string>> = {
  // @codemirror/search
  Find: "Sök",
  Replace: "Ersätt",
  next: "nästa",
  previous: "föregående",
  all: "alla",
  "match case": "skilj på versaler",
  regexp: "reguljärt uttryck",
  "by word": "hela ord",
  replace: "ersätt",
  "replace all": "ersätt alla",
  close: "stäng",
  "current match": "aktuell träff",
  "on line": "på rad",
  "replaced match on line $": "ersatte träffen på rad $",
  "replaced $ matches": "ersatte $ träffar",
  "Go to line": "Gå till rad",
  go: "gå",
  // @codemirror/commands, view, language
  "Selection deleted": "Markeringen togs bort",
  "Control character": "Styrtecken",
  "Folded lines": "Hopfällda rader",
  "Unfolded lines": "Utfällda rader",
  to: "till",
  "folded code": "hopfälld kod",
  unfold: "fäll ut",
  "Fold line": "Fäll ihop raden",
  "Unfold line": "Fäll ut raden",
};

/** The phrases to give `EditorState.phrases` for `locale`. */
export function codemirrorPhrases(locale: Locale): Readonly<Record<string, string>> {
  return locale === "sv" ? sv : {};
}
