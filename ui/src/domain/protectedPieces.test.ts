import { expect, it } from "vitest";
import { protectedPieces } from "./protectedPieces";

it("finds Liquid, kramdown attributes and raw HTML tags", () => {
  const text = "## Join {#join}\n{: .lead}\nSee {{ site.title }} {% include note.md %} <div class=\"x\">hi</div>";
  const kinds = protectedPieces(text).map((p) => [p.kind, text.slice(p.from, p.to)]);
  expect(kinds).toEqual([
    ["attributes", "{#join}"],
    ["attributes", "{: .lead}"],
    ["liquid", "{{ site.title }}"],
    ["liquid", "{% include note.md %}"],
    ["html", '<div class="x">'],
    ["html", "</div>"],
  ]);
  expect(protectedPieces("plain words, a < b and c > d")).toEqual([]);
});
