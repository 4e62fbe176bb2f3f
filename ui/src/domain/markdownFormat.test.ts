import { describe, expect, it } from "vitest";
import { EditorSelection, EditorState, type TransactionSpec } from "@codemirror/state";
import { insertImage, insertLink, insertTable, insertTarget, makeLink, toggleLinePrefix, toggleWrap } from "./markdownFormat";
import { protectedPieces } from "./protectedPieces";

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

describe("the site's own pieces are never escaped or rewritten", () => {
  const page = [
    "Welcome to {{ site.title }} and {{ page.tags[0] | upcase }}.",
    "{% include figure.html src=\"/assets/map_1.png\" caption=\"[draft]\" %}",
    "A lead paragraph with <span class=\"note\">raw HTML</span> inside.",
    "{: .lead #intro}",
    "## Partners {#partners}",
    "<div class=\"box\"",
    "     data-kind=\"wide\">",
    "{%- if page.hidden -%}hidden{%- endif -%}",
    "</div>",
  ].join("\n");
  const pieceTexts = (doc: string) => protectedPieces(doc).map((p) => doc.slice(p.from, p.to));
  const original = pieceTexts(page);

  const commands: [string, (s: EditorState) => TransactionSpec][] = [
    ["bold", (s) => toggleWrap(s, "**")],
    ["italic", (s) => toggleWrap(s, "_")],
    ["heading", (s) => toggleLinePrefix(s, "## ")],
    ["bullets", (s) => toggleLinePrefix(s, "- ")],
    ["quote", (s) => toggleLinePrefix(s, "> ")],
    ["numbers", (s) => toggleLinePrefix(s, "1. ")],
    ["link", (s) => makeLink(s)],
    ["dialog link", (s) => insertLink(insertTarget(s), insertTarget(s).text, "https://example.org/")],
    ["table", (s) => insertTable(s)],
    ["image", (s) => insertImage(s, "A [map] of {{ site.title }}", "/assets/map.png")],
  ];

  // Every place in and around each piece, as a cursor and as selections that cut into it.
  const places: [number, number][] = [];
  for (const piece of protectedPieces(page)) {
    const edges = [piece.from - 1, piece.from, piece.from + 1, (piece.from + piece.to) >> 1, piece.to - 1, piece.to, piece.to + 1];
    for (const at of edges.map((e) => Math.min(page.length, Math.max(0, e)))) {
      places.push([at, at], [Math.max(0, piece.from - 3), at], [at, Math.min(page.length, piece.to + 3)]);
    }
  }

  it("has pieces of every kind to protect", () => {
    expect(original).toContain("{{ page.tags[0] | upcase }}");
    expect(original).toContain('{% include figure.html src="/assets/map_1.png" caption="[draft]" %}');
    expect(original).toContain("{: .lead #intro}");
    expect(original).toContain("{#partners}");
    expect(original).toContain('<span class="note">');
    expect(original).toContain('<div class="box"\n     data-kind="wide">');
    expect(places.length).toBeGreaterThan(200);
  });

  for (const [name, command] of commands) {
    it(`${name} keeps every piece as it was, wherever the cursor or selection is`, () => {
      const replacing = ["link", "dialog link", "image"].includes(name);
      for (const [from, to] of places) {
        const after = run(page, from, to, command).doc;
        const where = `${name} at ${from}-${to}:\n${after}`;
        // Link and image replace the selection (grown to whole pieces): pieces in it may go, as typing over them would.
        const replaced = (p: { from: number; to: number }) => replacing && from !== to && p.from < to && from < p.to;
        const mustStay = protectedPieces(page).filter((p) => !replaced(p)).map((p) => page.slice(p.from, p.to));
        const mayBe = [...original, ...(name === "image" ? ["{{ site.title }}"] : [])];
        const kept = pieceTexts(after);
        for (const piece of kept) expect(mayBe, where).toContain(piece);
        const left = [...kept];
        for (const piece of mustStay) {
          const i = left.indexOf(piece);
          expect(i, `${where}\nlost ${piece}`).toBeGreaterThanOrEqual(0);
          left.splice(i, 1);
        }
      }
    });
  }

  it("a cursor inside a piece acts at its end; a selection that cuts one takes it whole", () => {
    const inLiquid = page.indexOf("title }}");
    expect(run(page, inLiquid, inLiquid, (s) => toggleWrap(s, "**")).doc).toContain("{{ site.title }}****");
    const cut = run("Hello {{ site.title }} there", 0, 12, (s) => toggleWrap(s, "**"));
    expect(cut.doc).toBe("**Hello {{ site.title }}** there");
    const tag = run('Go <a href="/x/">here</a>', 5, 5, (s) => makeLink(s, "https://", "text"));
    expect(tag.doc).toBe('Go <a href="/x/">[text](https://)here</a>');
  });

  it("a link or image keeps the pieces in its text unescaped, and escapes the rest", () => {
    const at = { from: 0, to: 0, text: "" };
    const doc = (spec: TransactionSpec) => EditorState.create({ doc: "" }).update(spec).state.doc.toString();
    expect(doc(insertLink(at, "{{ page.tags[0] }} [new]", "/x/"))).toBe("[{{ page.tags[0] }} \\[new\\]](/x/)");
    expect(doc(insertLink(at, "<b\n class=\"x\">bold</b>", "/x/"))).toBe('[<b\n class="x">bold</b>](/x/)');
  });

  it("leaves the lines inside a tag over several lines without a prefix", () => {
    const tag = '<div class="box"\n     data-kind="wide">\ntext';
    expect(run(tag, 0, tag.length, (s) => toggleLinePrefix(s, "> ")).doc).toBe('> <div class="box"\n     data-kind="wide">\n> text');
  });
});
