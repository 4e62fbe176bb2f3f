//! Jekyll's Liquid in a page body, handled before Markdown as Jekyll does, but
//! never executed: `{{ site.x }}` / `{{ page.x }}` (and `include.x` inside an
//! include) are looked up in values the caller passes, `{% include %}` is
//! expanded from the site's `_includes/`, and every other tag or output becomes a
//! neutral chip that says what is there.
//!
//! Chips are not inserted as HTML here: a placeholder (private-use characters
//! around a number) stands in the text, so a page whose only "HTML" is chips
//! still takes the fast, sanitizer-free path; the event pass swaps each
//! placeholder for the chip's markup (or its source text, inside attributes,
//! URLs and image alt text).

use super::PageContext;
use crate::frontmatter::Value;
use crate::paths::resolve_in_root;
use pulldown_cmark_escape::{escape_html, escape_html_body_text};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Starts a chip placeholder; the chip's number follows, then [`PH_END`].
pub(crate) const PH_START: char = '\u{E000}';
/// Ends a chip placeholder.
pub(crate) const PH_END: char = '\u{E001}';

/// Whether `text` holds a chip placeholder. Runs for every piece of text the
/// preview writes: a byte search for the first byte of [`PH_START`]'s UTF-8
/// (which `str::contains` with a non-ASCII char does not do) rules most out.
pub(crate) fn has_placeholder(text: &str) -> bool {
    text.as_bytes().contains(&0xEE) && text.contains(PH_START)
}
/// Every private-use character Galley uses as a marker in text it renders; the
/// same characters in a page are dropped so they cannot forge a marker.
pub(crate) const MARKERS: [char; 6] = [
    '\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}', '\u{E004}', '\u{E005}',
];

/// How deep includes may nest: Jekyll has no limit, but a preview must not loop.
const MAX_INCLUDE_DEPTH: usize = 5;
/// Longest chip label shown before it is shortened with `…` (the title keeps all).
const MAX_CHIP_LABEL: usize = 48;

/// Which template language page bodies are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TemplateDialect {
    /// Jekyll's Liquid (the default: most sites Galley opens are Jekyll sites).
    #[default]
    Liquid,
    /// Hugo: content has no templates, only shortcodes (`{{< x >}}`, `{{% x %}}`),
    /// shown as chips.
    HugoShortcodes,
    /// Plain Markdown: braces are text.
    None,
}

/// Where `{% include %}` reads its files from.
pub trait IncludeSource {
    /// The text of `_includes/<name>`, if it exists and may be read.
    fn include(&self, name: &str) -> Option<String>;
    /// The text of `<page_dir>/<name>` for `{% include_relative %}`.
    fn include_relative(&self, _page_dir: &str, _name: &str) -> Option<String> {
        None
    }
}

/// Includes read from a site folder, never from outside it (no `..`, no links
/// leading out, nothing under `.git/`), and only Markdown or HTML files: other
/// kinds would be shown as raw text where Jekyll would run them.
#[derive(Debug, Clone)]
pub struct SiteIncludes {
    root: PathBuf,
}

impl SiteIncludes {
    /// Includes of the site at `root`.
    pub fn new(root: &Path) -> SiteIncludes {
        SiteIncludes {
            root: root.to_path_buf(),
        }
    }

    fn read(&self, relative: &str) -> Option<String> {
        if !is_markdown_or_html(relative) {
            return None;
        }
        let path = resolve_in_root(&self.root, relative).ok()?;
        std::fs::read_to_string(path).ok()
    }
}

impl IncludeSource for SiteIncludes {
    fn include(&self, name: &str) -> Option<String> {
        self.read(&format!("_includes/{name}"))
    }

    fn include_relative(&self, page_dir: &str, name: &str) -> Option<String> {
        let joined = super::urls::join_site_path(page_dir, name)?;
        self.read(&joined)
    }
}

/// Tests and the CLI can give includes as a plain map of name → text.
impl IncludeSource for std::collections::HashMap<String, String> {
    fn include(&self, name: &str) -> Option<String> {
        self.get(name).cloned()
    }
}

fn is_markdown_or_html(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".html", ".htm"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Reads the site's `_config.yml` (Jekyll reads YAML 1.1) into the value that
/// [`PageContext::site`] takes. `None` when there is no readable config.
pub fn read_site_config(root: &Path) -> Option<Value> {
    let file = crate::site::JEKYLL_CONFIGS
        .iter()
        .map(|name| root.join(name))
        .find(|path| path.is_file())?;
    let bytes = std::fs::read(file).ok()?;
    crate::site::read_yaml_file(&bytes, crate::frontmatter::Dialect::Yaml11).ok()
}

/// One chip: the Liquid as written, and its markup.
#[derive(Debug, Clone)]
pub(crate) struct Chip {
    pub(crate) source: String,
    pub(crate) html: String,
}

/// A body with Liquid handled: text for the Markdown parser, and the chips its
/// placeholders stand for.
#[derive(Debug)]
pub(crate) struct Expanded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) chips: Vec<Chip>,
    /// Where the text came from: `(offset in text, offset in the page)` at the
    /// start of each copied run and each replaced tag, in order. Empty when
    /// the text is the page as written.
    pub(crate) origins: Vec<(usize, usize)>,
}

impl Expanded<'_> {
    /// The page offset that `offset` in the expanded text came from: exact in
    /// copied text, the tag's place for anything a tag became (an include's
    /// whole text maps to its `{% include %}`).
    pub(crate) fn original_offset(&self, offset: usize) -> usize {
        let at = self.origins.partition_point(|(e, _)| *e <= offset);
        let Some(&(expanded, original)) = at.checked_sub(1).and_then(|k| self.origins.get(k))
        else {
            return offset;
        };
        let mapped = original + (offset - expanded);
        match self.origins.get(at) {
            Some(&(_, next)) => mapped.min(next.max(original)),
            None => mapped,
        }
    }
}

impl Expanded<'_> {
    /// Replaces each placeholder in `text` with `f(chip)`.
    pub(crate) fn fill<'t>(&self, text: &'t str, f: impl Fn(&Chip) -> &str) -> Cow<'t, str> {
        if !has_placeholder(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 64);
        let mut rest = text;
        while let Some(start) = rest.find(PH_START) {
            out.push_str(&rest[..start]);
            let after = &rest[start + PH_START.len_utf8()..];
            let Some(end) = after.find(PH_END) else {
                rest = after;
                continue;
            };
            if let Some(chip) = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|k| self.chips.get(k))
            {
                out.push_str(f(chip));
            }
            rest = &after[end + PH_END.len_utf8()..];
        }
        out.push_str(rest);
        Cow::Owned(out)
    }
}

/// A piece of text between placeholders, or the chip a placeholder stands for.
#[derive(Debug)]
pub(crate) enum Piece<'t, 'c> {
    Text(&'t str),
    Chip(&'c Chip),
}

impl Expanded<'_> {
    /// Splits `text` at placeholders.
    pub(crate) fn pieces<'t>(&self, text: &'t str) -> Vec<Piece<'t, '_>> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(PH_START) {
            if start > 0 {
                pieces.push(Piece::Text(&rest[..start]));
            }
            let after = &rest[start + PH_START.len_utf8()..];
            let Some(end) = after.find(PH_END) else {
                rest = after;
                continue;
            };
            if let Some(chip) = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|k| self.chips.get(k))
            {
                pieces.push(Piece::Chip(chip));
            }
            rest = &after[end + PH_END.len_utf8()..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest));
        }
        pieces
    }
}

/// Removes placeholders (and what they number) from `text`, e.g. for heading ids.
pub(crate) fn strip_placeholders(text: &str) -> Cow<'_, str> {
    if !has_placeholder(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            PH_START => inside = true,
            PH_END => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// Whether `text` has a `{` followed by one of `next` (one scan, by `{`).
pub(crate) fn has_brace_then(text: &str, next: &[u8]) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find('{') {
        let i = from + at;
        if bytes.get(i + 1).is_some_and(|b| next.contains(b)) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Handles the body's Liquid (or Hugo shortcodes) for `context`.
pub(crate) fn expand<'a>(markdown: &'a str, context: &PageContext<'_>) -> Expanded<'a> {
    // Every marker's UTF-8 starts with 0xEE: a byte search rules most pages out.
    let clean: Cow<'a, str> =
        if markdown.as_bytes().contains(&0xEE) && markdown.contains(&MARKERS[..]) {
            Cow::Owned(markdown.replace(&MARKERS[..], ""))
        } else {
            Cow::Borrowed(markdown)
        };
    let mut chips = Vec::new();
    let mut origins = Vec::new();
    let text = match context.dialect {
        TemplateDialect::None => clean,
        TemplateDialect::HugoShortcodes => {
            if clean.contains("{{<") || clean.contains("{{%") {
                Cow::Owned(hugo_shortcodes(&clean, &mut chips, &mut origins))
            } else {
                clean
            }
        }
        TemplateDialect::Liquid => {
            if has_brace_then(&clean, b"{%") {
                let mut expander = Expander {
                    context,
                    chips: &mut chips,
                    origins: &mut origins,
                    page_len: clean.len(),
                };
                let mut out = String::with_capacity(clean.len() + 256);
                expander.run(&clean, &Value::Null, 0, &mut out);
                Cow::Owned(out)
            } else {
                clean
            }
        }
    };
    Expanded {
        text,
        chips,
        origins,
    }
}

fn hugo_shortcodes(text: &str, chips: &mut Vec<Chip>, origins: &mut Vec<(usize, usize)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    origins.push((0, 0));
    while let Some(start) = rest.find("{{") {
        let after = &rest[start..];
        let close = if after.starts_with("{{<") {
            ">}}"
        } else if after.starts_with("{{%") {
            "%}}"
        } else {
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            continue;
        };
        let Some(end) = after[3..].find(close) else {
            break;
        };
        out.push_str(&rest[..start]);
        origins.push((out.len(), text.len() - after.len()));
        let source = &after[..3 + end + 3];
        push_chip(&mut out, chips, source, after[3..3 + end].trim());
        rest = &after[3 + end + 3..];
        origins.push((out.len(), text.len() - rest.len()));
    }
    out.push_str(rest);
    out
}

/// Adds a chip for `source` labelled `label` and writes its placeholder.
fn push_chip(out: &mut String, chips: &mut Vec<Chip>, source: &str, label: &str) {
    let mut html = String::from("<span class=\"liquid-chip\" title=\"");
    // Writing into a String cannot fail.
    let _ = escape_html(&mut html, source);
    html.push_str("\">");
    let short: String = if label.chars().count() > MAX_CHIP_LABEL {
        let mut s: String = label.chars().take(MAX_CHIP_LABEL - 1).collect();
        s.push('…');
        s
    } else {
        label.to_owned()
    };
    let _ = escape_html_body_text(&mut html, &short);
    html.push_str("</span>");
    out.push(PH_START);
    out.push_str(&chips.len().to_string());
    out.push(PH_END);
    chips.push(Chip {
        source: source.to_owned(),
        html,
    });
}

struct Expander<'c, 'v> {
    context: &'c PageContext<'v>,
    chips: &'c mut Vec<Chip>,
    origins: &'c mut Vec<(usize, usize)>,
    /// The page's length, to tell offsets in it from a remaining suffix.
    page_len: usize,
}

impl Expander<'_, '_> {
    /// Notes that what is written next into `out` comes from the page where
    /// `rest` (a suffix of the page) begins; only the page itself (depth 0)
    /// is noted, an include's text belongs to its tag.
    fn origin(&mut self, depth: usize, out: &str, rest: &str) {
        if depth == 0 {
            self.origins.push((out.len(), self.page_len - rest.len()));
        }
    }

    /// Expands `text` into `out`; `include` holds an include's parameters.
    fn run(&mut self, text: &str, include: &Value, depth: usize, out: &mut String) {
        let mut rest = text;
        self.origin(depth, out, rest);
        loop {
            let next = match (rest.find("{{"), rest.find("{%")) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => break,
            };
            out.push_str(&rest[..next]);
            let after = &rest[next..];
            self.origin(depth, out, after);
            let is_output = after.starts_with("{{");
            let close = if is_output { "}}" } else { "%}" };
            let Some(end) = after[2..].find(close) else {
                out.push_str(after);
                return;
            };
            let source = &after[..2 + end + 2];
            let inner = after[2..2 + end]
                .trim_start_matches('-')
                .trim_end_matches('-')
                .trim();
            rest = &after[2 + end + 2..];
            if is_output {
                match self.output(inner, include) {
                    Some(value) => out.push_str(&value.replace(&MARKERS[..], "")),
                    None => push_chip(out, self.chips, source, inner),
                }
                self.origin(depth, out, rest);
                continue;
            }
            let (tag, args) = inner
                .split_once(char::is_whitespace)
                .map(|(t, a)| (t, a.trim()))
                .unwrap_or((inner, ""));
            match tag {
                "raw" => {
                    let (body, after_raw) = until_end_tag(rest, "endraw");
                    self.origin(depth, out, rest);
                    out.push_str(body);
                    rest = after_raw;
                }
                "comment" => {
                    rest = until_end_tag(rest, "endcomment").1;
                }
                "highlight" => {
                    out.push_str("\n```");
                    out.push_str(args.split_whitespace().next().unwrap_or(""));
                    out.push('\n');
                }
                "endhighlight" => out.push_str("\n```\n"),
                "include" | "include_relative" if depth < MAX_INCLUDE_DEPTH => {
                    match self.include(tag, args) {
                        // An include that computes its text (loops over site data,
                        // conditions) cannot be shown truthfully without running
                        // Liquid: one chip says what is there instead of a heap of
                        // half-expanded pieces.
                        Some((body, _)) if has_logic(&body) => {
                            push_chip(out, self.chips, source, inner)
                        }
                        Some((body, params)) => {
                            let body = body.replace(&MARKERS[..], "");
                            self.run(&body, &params, depth + 1, out)
                        }
                        None => push_chip(out, self.chips, source, inner),
                    }
                }
                _ => push_chip(out, self.chips, source, inner),
            }
            self.origin(depth, out, rest);
        }
        out.push_str(rest);
    }

    /// The include's text and its parameters as `include.*` values.
    fn include(&self, tag: &str, args: &str) -> Option<(String, Value)> {
        let source = self.context.includes?;
        let (name, params) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
        if name.contains("{{") || name.is_empty() {
            return None;
        }
        let body = if tag == "include" {
            source.include(name)?
        } else {
            source.include_relative(self.context.page_dir.unwrap_or(""), name)?
        };
        Some((body, parse_params(params)))
    }

    /// The text of `{{ expr }}`, or `None` when it must be shown as a chip.
    fn output(&self, expr: &str, include: &Value) -> Option<String> {
        let mut parts = split_filters(expr).into_iter();
        let base = parts.next()?.trim();
        let mut value = self.lookup(base, include)?;
        for filter in parts {
            value = apply_filter(filter.trim(), value)?;
        }
        Some(value)
    }

    fn lookup(&self, base: &str, include: &Value) -> Option<String> {
        if let Some(literal) = string_literal(base) {
            return Some(literal.to_owned());
        }
        let path = parse_path(base)?;
        let (root, rest) = path.split_first()?;
        let (scope, computed): (Option<&Value>, &[&str]) = match root.as_str() {
            "site" => (self.context.site, SITE_COMPUTED),
            "page" => (self.context.page, PAGE_COMPUTED),
            "include" => (Some(include), &[]),
            _ => return None,
        };
        let scope = scope?;
        let mut value = scope;
        for (i, key) in rest.iter().enumerate() {
            match value.get_key(key) {
                Some(v) => value = v,
                None => {
                    // Jekyll prints nothing for an unset field, but fields it computes
                    // itself (page.url, site.pages…) are not in the values we hold.
                    if i == 0 && computed.contains(&key.as_str()) {
                        return None;
                    }
                    return Some(String::new());
                }
            }
        }
        value_text(value)
    }
}

/// Page fields Jekyll computes rather than reads from front matter.
const PAGE_COMPUTED: &[&str] = &[
    "url",
    "content",
    "path",
    "id",
    "collection",
    "excerpt",
    "dir",
    "name",
    "next",
    "previous",
    "date",
    "slug",
    "categories",
    "tags",
    "relative_path",
    "output",
];
/// Site values Jekyll computes rather than reads from `_config.yml`.
const SITE_COMPUTED: &[&str] = &[
    "time",
    "pages",
    "posts",
    "data",
    "collections",
    "documents",
    "static_files",
    "html_pages",
    "html_files",
    "categories",
    "tags",
    "related_posts",
];

/// What Liquid prints for a value; maps have no printable form worth showing.
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::Map(_) => None,
        Value::List(items) => items.iter().map(value_text).collect(),
        other => Some(other.display_text()),
    }
}

/// Splits `a | f: "x|y" | g` at pipes outside quotes.
fn split_filters(expr: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in expr.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '|') => {
                parts.push(&expr[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&expr[start..]);
    parts
}

fn string_literal(s: &str) -> Option<&str> {
    let s = s.trim();
    let quote = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = s.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains(quote)).then_some(inner)
}

/// `page.a.b`, `page.a["@id"]`, `page.a['b']` → `["page", "a", "@id"]`.
fn parse_path(s: &str) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut rest = s.trim();
    let ident_end = |r: &str| {
        r.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(r.len())
    };
    let end = ident_end(rest);
    if end == 0 {
        return None;
    }
    path.push(rest[..end].to_owned());
    rest = &rest[end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = ident_end(r);
            if end == 0 {
                return None;
            }
            path.push(r[..end].to_owned());
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            path.push(string_literal(&r[..close])?.to_owned());
            rest = &r[close + 1..];
        } else {
            return None;
        }
    }
    Some(path)
}

/// The filters a preview can apply without running Jekyll; any other makes a chip.
fn apply_filter(filter: &str, value: String) -> Option<String> {
    let (name, arg) = filter
        .split_once(':')
        .map(|(n, a)| (n.trim(), Some(a.trim())))
        .unwrap_or((filter, None));
    Some(match name {
        // The preview serves the site's own files at its root, so a URL stays
        // root-absolute (no baseurl, no host): that is what the image protocol finds.
        "relative_url" | "absolute_url" | "markdownify" => value,
        "escape" | "xml_escape" | "escape_once" => {
            let mut s = String::with_capacity(value.len());
            let _ = escape_html(&mut s, &value);
            s
        }
        "upcase" => value.to_uppercase(),
        "downcase" => value.to_lowercase(),
        "strip" => value.trim().to_owned(),
        "capitalize" => {
            let mut chars = value.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => value,
            }
        }
        "default" => {
            if value.is_empty() {
                string_literal(arg?)?.to_owned()
            } else {
                value
            }
        }
        _ => return None,
    })
}

/// `a="x" b='y' c=z` → a map of include parameters (unquoted values are
/// variables Galley cannot evaluate here, so they are left out).
fn parse_params(params: &str) -> Value {
    let mut entries = Vec::new();
    let mut rest = params.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            rest = after
                .split_once(char::is_whitespace)
                .map(|x| x.1)
                .unwrap_or("");
            continue;
        };
        let Some(close) = after[1..].find(quote) else {
            break;
        };
        entries.push((key, Value::String(after[1..1 + close].to_owned())));
        rest = after[1 + close + 1..].trim_start();
    }
    Value::Map(entries)
}

/// The text before `{% end_tag %}` and the text after it (all of it when the
/// end tag is missing, as Jekyll would fail the build).
fn until_end_tag<'t>(text: &'t str, end_tag: &str) -> (&'t str, &'t str) {
    let mut from = 0;
    while let Some(open) = text[from..].find("{%") {
        let start = from + open;
        let Some(close) = text[start..].find("%}") else {
            break;
        };
        let inner = text[start + 2..start + close].trim_matches('-').trim();
        if inner == end_tag {
            return (&text[..start], &text[start + close + 2..]);
        }
        from = start + 2;
    }
    (text, "")
}

/// Whether `text` has Liquid tags that compute what is shown (loops, conditions,
/// variables), as opposed to plain text with `{{ value }}` outputs.
fn has_logic(text: &str) -> bool {
    const LOGIC: [&str; 10] = [
        "for",
        "if",
        "unless",
        "case",
        "assign",
        "capture",
        "tablerow",
        "cycle",
        "increment",
        "decrement",
    ];
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let inner = rest[start + 2..].trim_start_matches('-').trim_start();
        let name = inner
            .split(|c: char| c.is_whitespace() || c == '%' || c == '-')
            .next()
            .unwrap_or("");
        if LOGIC.contains(&name) {
            return true;
        }
        rest = &rest[start + 2..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_include_with_loops_is_one_chip() {
        let includes: std::collections::HashMap<String, String> = [
            (
                "people-table.md".to_owned(),
                "{% assign slugs = include.people | split: ',' %}\n| Name |\n{%- for s in slugs %}\n| {{ s }} |\n{% endfor %}\n".to_owned(),
            ),
            ("note.md".to_owned(), "Note: {{ include.text }}".to_owned()),
        ]
        .into_iter()
        .collect();
        let context = PageContext {
            includes: Some(&includes),
            ..PageContext::default()
        };
        let e = expand(
            "A {% include people-table.md people='a,b' %} B {% include note.md text=\"hi\" %}",
            &context,
        );
        assert_eq!(e.chips.len(), 1, "{:?}", e.text);
        assert_eq!(
            e.chips[0].source,
            "{% include people-table.md people='a,b' %}"
        );
        assert_eq!(e.text, "A \u{E000}0\u{E001} B Note: hi");
        assert!(has_logic("x {%- if a -%} y"));
        assert!(!has_logic("{% include x.md %} {{ for }} {% endraw %}"));
    }

    fn site() -> Value {
        Value::Map(vec![
            ("title".into(), Value::String("AIDA".into())),
            (
                "social".into(),
                Value::Map(vec![("x".into(), Value::String("@aida".into()))]),
            ),
        ])
    }

    #[test]
    fn paths_and_filters() {
        assert_eq!(
            parse_path("page.a[\"@id\"].b"),
            Some(vec!["page".into(), "a".into(), "@id".into(), "b".into()])
        );
        assert_eq!(parse_path("page..x"), None);
        assert_eq!(
            split_filters("a | date: \"%Y|%m\" | b"),
            vec!["a ", " date: \"%Y|%m\" ", " b"]
        );
        assert_eq!(apply_filter("upcase", "ab".into()), Some("AB".into()));
        assert_eq!(apply_filter("date: \"%Y\"", "x".into()), None);
    }

    #[test]
    fn resolves_values_and_chips_the_rest() {
        let site = site();
        let page = Value::Map(vec![("role".into(), Value::String("Partner".into()))]);
        let context = PageContext {
            site: Some(&site),
            page: Some(&page),
            ..PageContext::default()
        };
        let e = expand(
            "{{ site.title }} {{ site.social.x }} {{page.role | upcase}} [{{ page.none }}] {{ page.url }} {% if x %}",
            &context,
        );
        assert_eq!(e.chips.len(), 2);
        assert_eq!(
            e.text,
            "AIDA @aida PARTNER [] \u{E000}0\u{E001} \u{E000}1\u{E001}"
        );
        assert_eq!(e.chips[1].source, "{% if x %}");
    }

    #[test]
    fn raw_and_comment_blocks() {
        let e = expand(
            "a{% raw %}{{ x }}{% endraw %}b{% comment %}hidden{% endcomment %}c",
            &PageContext::default(),
        );
        assert_eq!(e.text, "a{{ x }}bc");
        assert!(e.chips.is_empty());
    }

    #[test]
    fn forged_placeholders_are_dropped() {
        let e = expand("a\u{E000}0\u{E001}b", &PageContext::default());
        assert_eq!(e.text, "a0b");
    }

    #[test]
    fn expanded_offsets_map_back_to_the_page() {
        let page = "ab {{ x }} cd\n{% raw %}ef{% endraw %}\ngh";
        let e = expand(page, &PageContext::default());
        let at = |needle: &str| e.text.find(needle).expect("in text");
        for word in ["ab", "cd", "ef", "gh"] {
            assert_eq!(
                e.original_offset(at(word)),
                page.find(word).expect("in page")
            );
        }
        // Inside a chip: the tag's place.
        let chip = at("\u{E000}");
        assert_eq!(
            e.original_offset(chip + 1),
            page.find("{{").expect("tag") + 1
        );
        let plain = expand("no liquid", &PageContext::default());
        assert_eq!(plain.original_offset(3), 3);
    }
}
