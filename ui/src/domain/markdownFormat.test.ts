import { describe, expect, it } from "vitest";
import { EditorSelection, EditorState, type TransactionSpec } from "@codemirror/state";
import { insertTable, makeLink, toggleLinePrefix, toggleWrap } from "./markdownFormat";

function run(doc: string, from: number, to: number, command: (s: EditorState) => TransactionSpec) {
  const state = EditorState.create({ doc, selection: EditorSelection.range(from, to), extensions: EditorState.allowMultipleSelections.of(true) });
  const next = state.update(command(state)).state;
  return { doc: next.doc.toString(), sel: [next.selection.main.from, next.selection.main.to] };
}

describe("markdown formatting", () => {
  it("bolds the selection and undoes it", () => {
    const bold = run("make this bold", 5, 9, (s) => toggleWrap(s, "**"));
    expect(bold).toEqual({ doc: "make **this** bold", sel: [7, 11] });
    const back = run(bold.doc, 7, 11, (s) => toggleWrap(s, "**"));
    expect(back.doc).toBe("make this bold");
  });

  it("bolds the word at an empty cursor", () => {
    expect(run("make this bold", 6, 6, (s) => toggleWrap(s, "_")).doc).toBe("make _this_ bold");
  });

  it("sets, replaces and removes line prefixes", () => {
    expect(run("one\ntwo", 0, 7, (s) => toggleLinePrefix(s, "- ")).doc).toBe("- one\n- two");
    expect(run("# Title", 0, 0, (s) => toggleLinePrefix(s, "## ")).doc).toBe("## Title");
    expect(run("> quoted", 0, 0, (s) => toggleLinePrefix(s, "> ")).doc).toBe("quoted");
    expect(run("- item", 0, 0, (s) => toggleLinePrefix(s, "1. ")).doc).toBe("1. item");
  });

  it("makes links with the address selected", () => {
    const link = run("see AIDA now", 4, 8, (s) => makeLink(s));
    expect(link.doc).toBe("see [AIDA](https://) now");
    expect(link.doc.slice(link.sel[0], link.sel[1])).toBe("https://");
  });

  it("inserts a table on its own lines", () => {
    expect(run("text", 4, 4, insertTable).doc).toBe("text\n\n| Heading | Heading |\n| --- | --- |\n| Text | Text |\n");
    expect(run("", 0, 0, (s) => insertTable(s, { heading: "Rubrik", cell: "Text" })).doc).toBe(
      "| Rubrik | Rubrik |\n| --- | --- |\n| Text | Text |\n",
    );
    expect(run("", 0, 0, (s) => makeLink(s, "https://", "länktext")).doc).toBe("[länktext](https://)");
  });
});
