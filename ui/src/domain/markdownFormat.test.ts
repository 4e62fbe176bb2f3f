import { describe, expect, it } from "vitest";
import { EditorSelection, EditorState, type TransactionSpec } from "@codemirror/state";
import { insertImage, insertLink, insertTable, insertTarget, makeLink, toggleLinePrefix, toggleWrap } from "./markdownFormat";

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

  it("links the selection, or the word at the cursor, to a page's address", () => {
    const state = EditorState.create({ doc: "our partners here", selection: EditorSelection.cursor(6) });
    const target = insertTarget(state);
    expect(target).toEqual({ from: 4, to: 12, text: "partners" });
    const next = state.update(insertLink(target, "partners", "/about/engagements/nordic/")).state;
    expect(next.doc.toString()).toBe("our [partners](/about/engagements/nordic/) here");
    expect(next.selection.main.head).toBe(4 + "[partners](/about/engagements/nordic/)".length);
    const selected = EditorState.create({ doc: "see the arena map", selection: EditorSelection.range(4, 17) });
    expect(insertTarget(selected).text).toBe("the arena map");
  });

  it("keeps links whole: brackets in the text, spaces and parentheses in the address", () => {
    const at = { from: 0, to: 0, text: "" };
    const doc = (spec: TransactionSpec) => EditorState.create({ doc: "" }).update(spec).state.doc.toString();
    expect(doc(insertLink(at, "a [draft] note", "https://example.org/a_(b)"))).toBe("[a \\[draft\\] note](<https://example.org/a_(b)>)");
    expect(doc(insertLink(at, "  ", "https://example.org/"))).toBe("[https://example.org/](https://example.org/)");
    expect(doc(insertLink(at, "two\nlines", "/x/"))).toBe("[two lines](/x/)");
  });

  it("inserts an image with its description at the cursor", () => {
    expect(run("Before after", 7, 7, (s) => insertImage(s, "Map of the arena", "/assets/images/arena-map.png"))).toEqual({
      doc: "Before ![Map of the arena](/assets/images/arena-map.png)after",
      sel: [56, 56],
    });
    expect(run("Replace me", 0, 7, (s) => insertImage(s, "", "/assets/my image.png")).doc).toBe("![](</assets/my image.png>) me");
  });

  it("puts a dropped image where it was dropped, not at the cursor", () => {
    expect(run("Drop here. Cursor here.", 18, 22, (s) => insertImage(s, "Logo", "/assets/images/logo.png", 10))).toEqual({
      doc: "Drop here.![Logo](/assets/images/logo.png) Cursor here.",
      sel: [42, 42],
    });
  });
});
