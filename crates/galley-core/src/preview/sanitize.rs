//! The allowlist for raw HTML in pages, and the cleaner that applies it.
//!
//! Markdown that pulldown-cmark turns into HTML is safe by construction (text is
//! escaped, tags are its own) once link and image addresses are checked
//! ([`super::urls`]). Only raw HTML needs cleaning, so only raw HTML pieces go
//! through [`Cleaner`], on the event stream; a whole page never goes through a
//! sanitizer. ammonia, configured by [`builder`] with the same allowlist, is kept
//! as the reference the cleaner is tested against (whole-output sanitizing).

use super::urls::{image_source, is_allowed_url};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

#[cfg(test)]
mod differential_tests;
mod scan;

/// Words that refuse a whole `style` value, in lowercase (matched ignoring
/// ASCII case).
const REFUSED_IN_STYLE: [&[u8]; 11] = [
    b"url(",
    b"expression",
    b"\\",
    b"/*",
    b"javascript",
    b"behavior",
    b"binding",
    b"@import",
    b"image-set",
    b"src(",
    b"<",
];

/// A `style` attribute value if it cannot load or run anything, else `None`.
///
/// CSS in a style attribute cannot run script in current browsers, but `url(`
/// can fetch from anywhere and old engines ran `expression(` and bindings;
/// escapes and comments could hide those words, so they refuse the whole value.
/// One pass over the bytes, no lowercased copy: this runs for every `style`
/// of every raw HTML piece.
pub fn safe_style(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    for (at, byte) in bytes.iter().enumerate() {
        let first = byte.to_ascii_lowercase();
        if !matches!(
            first,
            b'u' | b'e' | b'\\' | b'/' | b'j' | b'b' | b'@' | b'i' | b's' | b'<'
        ) {
            continue;
        }
        let rest = &bytes[at..];
        let refused = REFUSED_IN_STYLE.iter().any(|word| {
            word.first() == Some(&first)
                && rest
                    .get(..word.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(word))
        });
        if refused {
            return None;
        }
    }
    Some(value)
}

/// Where the sanitizer sends site images, as in Markdown images.
#[derive(Debug, Clone, Default)]
pub(crate) struct UrlPolicy {
    pub(crate) prefix: Option<String>,
    pub(crate) page_dir: Option<String>,
    pub(crate) baseurl: String,
}

/// The ammonia configuration for raw HTML in pages.
///
/// `extra_scheme` is the scheme of the app's image protocol (`galley-site` in
/// `galley-site://localhost`): images already rewritten on the Markdown side pass
/// through the sanitizer when they sit in a unit with raw HTML.
pub(crate) fn builder<'a>(
    policy: UrlPolicy,
    extra_scheme: Option<&'a str>,
) -> ammonia::Builder<'a> {
    let mut schemes: HashSet<&'a str> = HashSet::from(["http", "https", "mailto"]);
    schemes.extend(extra_scheme);
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "title", "lang", "dir", "style"])
        .add_generic_attribute_prefixes(["data-"])
        .add_tags([
            "input",
            "figure",
            "figcaption",
            "mark",
            "details",
            "summary",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("img", ["width", "height", "loading", "align"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(schemes)
        .attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                (_, "style") => safe_style(value).map(Cow::Borrowed),
                // ammonia leaves `cite` unchecked (browsers never follow it); the
                // preview checks it like any address, so no `javascript:` shows.
                (_, "cite") => is_allowed_url(value).then_some(Cow::Borrowed(value)),
                ("img", "src") => image_source(
                    value,
                    policy.prefix.as_deref(),
                    policy.page_dir.as_deref(),
                    &policy.baseurl,
                )
                .map(Cow::Owned),
                _ => Some(Cow::Borrowed(value)),
            },
        );
    builder
}

/// Elements raw HTML may keep: ammonia's default allowlist (the reference the
/// tests compare against) plus `input` (task lists), as configured in [`builder`].
/// None of them changes how a browser tokenizes what follows (no `script`,
/// `style`, `textarea`, `title`, `svg`, `math`…): that is what makes cleaning
/// piece by piece safe.
/// Sorted (the test compares it with ammonia's list and [`allowed_tag`]).
#[cfg(test)]
const TAGS: [&str; 76] = [
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The allowlisted name equal to `name`, if any (a `match`, which the compiler
/// turns into a length switch: this runs for every tag of every raw piece).
fn allowed_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "a" => "a",
        "abbr" => "abbr",
        "acronym" => "acronym",
        "area" => "area",
        "article" => "article",
        "aside" => "aside",
        "b" => "b",
        "bdi" => "bdi",
        "bdo" => "bdo",
        "blockquote" => "blockquote",
        "br" => "br",
        "caption" => "caption",
        "center" => "center",
        "cite" => "cite",
        "code" => "code",
        "col" => "col",
        "colgroup" => "colgroup",
        "data" => "data",
        "dd" => "dd",
        "del" => "del",
        "details" => "details",
        "dfn" => "dfn",
        "div" => "div",
        "dl" => "dl",
        "dt" => "dt",
        "em" => "em",
        "figcaption" => "figcaption",
        "figure" => "figure",
        "footer" => "footer",
        "h1" => "h1",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        "header" => "header",
        "hgroup" => "hgroup",
        "hr" => "hr",
        "i" => "i",
        "img" => "img",
        "input" => "input",
        "ins" => "ins",
        "kbd" => "kbd",
        "li" => "li",
        "map" => "map",
        "mark" => "mark",
        "nav" => "nav",
        "ol" => "ol",
        "p" => "p",
        "pre" => "pre",
        "q" => "q",
        "rp" => "rp",
        "rt" => "rt",
        "rtc" => "rtc",
        "ruby" => "ruby",
        "s" => "s",
        "samp" => "samp",
        "small" => "small",
        "span" => "span",
        "strike" => "strike",
        "strong" => "strong",
        "sub" => "sub",
        "summary" => "summary",
        "sup" => "sup",
        "table" => "table",
        "tbody" => "tbody",
        "td" => "td",
        "th" => "th",
        "thead" => "thead",
        "time" => "time",
        "tr" => "tr",
        "tt" => "tt",
        "u" => "u",
        "ul" => "ul",
        "var" => "var",
        "wbr" => "wbr",
        _ => return None,
    })
}

/// Elements without an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Whether `element` may carry `attribute` (both lowercase): ammonia's default
/// per-element lists plus Galley's generic ones, as in [`builder`].
fn attribute_allowed(element: &str, attribute: &str) -> bool {
    if matches!(
        attribute,
        "id" | "class" | "title" | "lang" | "dir" | "style"
    ) {
        return true;
    }
    if let Some(rest) = attribute.strip_prefix("data-") {
        return !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    }
    const TABLE_PARTS: [&str; 3] = ["align", "char", "charoff"];
    match element {
        "a" => matches!(attribute, "href" | "hreflang"),
        "blockquote" | "q" => attribute == "cite",
        "col" | "colgroup" => TABLE_PARTS.contains(&attribute) || attribute == "span",
        "del" | "ins" => matches!(attribute, "cite" | "datetime"),
        "hr" => matches!(attribute, "align" | "size" | "width"),
        "img" => matches!(
            attribute,
            "align" | "alt" | "height" | "src" | "width" | "loading"
        ),
        "input" => matches!(attribute, "type" | "checked" | "disabled"),
        "ol" => attribute == "start",
        "table" => TABLE_PARTS.contains(&attribute) || attribute == "summary",
        "tbody" | "tfoot" | "thead" | "tr" => TABLE_PARTS.contains(&attribute),
        "td" => {
            TABLE_PARTS.contains(&attribute)
                || matches!(attribute, "colspan" | "headers" | "rowspan")
        }
        "th" => {
            TABLE_PARTS.contains(&attribute)
                || matches!(attribute, "colspan" | "headers" | "rowspan" | "scope")
        }
        _ => false,
    }
}

/// Elements whose content a browser reads as text up to their end tag, and how.
fn raw_text_kind(element: &str) -> Option<TokenSinkResult<()>> {
    Some(match element {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Cleans raw HTML pieces of a page with an allowlist, token by token.
///
/// Each piece (one HTML block, or the inline HTML between two pieces of
/// Markdown) is read by html5ever's tokenizer, the HTML standard's own
/// tokenizing rules, so entities, odd quoting and broken tags are read as a
/// browser reads them. What comes out is rewritten canonically: allowed start
/// and end tags with allowed, double-quoted, escaped attributes, and escaped
/// text. Comments, doctypes, other elements and tags left unfinished at the
/// end of a piece are dropped (`script`/`style` with their content; the text
/// of other dropped elements stays, escaped, as ammonia keeps it).
///
/// Because every piece ends in the tokenizer's plain data state and no
/// allowed element switches a browser out of it, pieces can be placed between
/// pulldown-cmark's own markup without anything leaking from one into the next:
/// the browser reads exactly the tags written here. Only the tree (which
/// element is inside which) spans pieces, which is why [`Cleaner::open`]
/// tracks the elements left open.
#[derive(Debug, Clone)]
pub(crate) struct Cleaner {
    policy: UrlPolicy,
    /// The scheme of the app's image protocol, allowed in `src`.
    extra_scheme: Option<String>,
    /// Elements opened by cleaned pieces and not yet closed, innermost last.
    open: Vec<&'static str>,
    /// `open` as it was before the piece being read, to go back to when the
    /// fast path hands the piece to the tokenizer (kept to reuse its memory).
    saved_open: Vec<&'static str>,
    /// A piece ended inside `<script>` or `<style>` (inline HTML: `<script>`,
    /// Markdown text, `</script>`): the text up to the end tag is not shown.
    dropping: bool,
}

impl Cleaner {
    /// A cleaner for one render.
    pub(crate) fn new(policy: UrlPolicy) -> Cleaner {
        let extra_scheme = policy
            .prefix
            .as_deref()
            .and_then(|p| p.split_once("://"))
            .map(|(s, _)| s.to_ascii_lowercase());
        Cleaner {
            policy,
            extra_scheme,
            open: Vec::new(),
            saved_open: Vec::new(),
            dropping: false,
        }
    }

    /// Whether every element the cleaned pieces opened is closed again.
    pub(crate) fn is_balanced(&self) -> bool {
        self.open.is_empty()
    }

    /// Whether Markdown text now is inside a `<script>` or `<style>` that
    /// inline HTML opened (and so is not shown).
    pub(crate) fn is_dropping(&self) -> bool {
        self.dropping
    }

    /// Forgets an unclosed `<script>` or `<style>` at the end of a top-level block.
    pub(crate) fn end_block(&mut self) {
        self.dropping = false;
    }

    /// Appends the cleaned form of `html` to `out`.
    ///
    /// Most pieces are plain markup (`<div class="x"><img src=… alt=…>`):
    /// [`scan`] reads those directly, as the tokenizer would, at a fraction of
    /// its cost (no tokenizer to set up, no token or attribute allocated). A
    /// piece it is not sure about (comments, numeric character references,
    /// `<script>` and the other elements whose content is not markup, broken
    /// tags, NULs…) goes through html5ever's tokenizer whole, from the state
    /// the piece started in. Both paths end in the same calls that write tags,
    /// so the allowlist is applied in one place.
    pub(crate) fn clean_into(&mut self, html: &str, out: &mut String) {
        if html.is_empty() {
            return;
        }
        if !self.dropping {
            let written = out.len();
            self.saved_open.clone_from(&self.open);
            if scan::clean_plain(self, html, out).is_some() {
                return;
            }
            out.truncate(written);
            std::mem::swap(&mut self.open, &mut self.saved_open);
        }
        self.clean_with_tokenizer(html, out);
    }

    /// [`Cleaner::clean_into`] through html5ever's tokenizer, always.
    pub(crate) fn clean_with_tokenizer(&mut self, html: &str, out: &mut String) {
        if html.is_empty() {
            return;
        }
        let dropping = Cell::new(self.dropping);
        let sink = Sink {
            cleaner: RefCell::new(self),
            out: RefCell::new(out),
            dropping,
        };
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        // The sink never asks to pause for a script, so one feed reads it all.
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        let Sink {
            cleaner, dropping, ..
        } = tokenizer.sink;
        cleaner.into_inner().dropping = dropping.get();
    }

    fn url_allowed(&self, url: &str) -> bool {
        if is_allowed_url(url) {
            return true;
        }
        // The app's own scheme (lowercase), ASCII case ignored, without a copy.
        let url = url.trim_start();
        self.extra_scheme.as_deref().is_some_and(|s| {
            url.get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
                && url[s.len()..].starts_with(':')
        })
    }

    /// Writes an allowed start tag, keeping only allowed attributes.
    fn start_tag(&mut self, name: &'static str, tag: &Tag, out: &mut String) {
        open_start_tag(name, out);
        for attribute in &tag.attrs {
            self.attribute(name, &attribute.name.local, &attribute.value, out);
        }
        self.close_start_tag(name, out);
    }

    /// Writes ` key="value"` if element `name` may keep it (the value as a
    /// browser read it: entities decoded, line breaks normalized).
    fn attribute(&self, name: &'static str, key: &str, raw: &str, out: &mut String) {
        if key == "rel" || !attribute_allowed(name, key) {
            return;
        }
        let value: Option<Cow<'_, str>> = match (name, key) {
            (_, "style") => safe_style(raw).map(Cow::Borrowed),
            ("img", "src") => image_source(
                raw,
                self.policy.prefix.as_deref(),
                self.policy.page_dir.as_deref(),
                &self.policy.baseurl,
            )
            .filter(|v| self.url_allowed(v))
            .map(Cow::Owned),
            (_, "href" | "src" | "cite") => self.url_allowed(raw).then_some(Cow::Borrowed(raw)),
            _ => Some(Cow::Borrowed(raw)),
        };
        let Some(value) = value else { return };
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_attribute(out, &value);
        out.push('"');
    }

    /// Ends a start tag begun by [`open_start_tag`].
    fn close_start_tag(&mut self, name: &'static str, out: &mut String) {
        if name == "a" {
            out.push_str(" rel=\"noopener noreferrer\"");
        }
        out.push('>');
        if !is_void(name) {
            self.open.push(name);
        }
    }

    fn end_tag(&mut self, name: &'static str, out: &mut String) {
        if is_void(name) {
            // A browser reads `</br>` as `<br>` and ignores other void end tags.
            if name == "br" {
                out.push_str("<br>");
            }
            return;
        }
        out.push_str("</");
        out.push_str(name);
        out.push('>');
        if let Some(at) = self.open.iter().rposition(|open| *open == name) {
            self.open.truncate(at);
        }
    }
}

/// Begins the start tag of allowed element `name`.
fn open_start_tag(name: &str, out: &mut String) {
    out.push('<');
    out.push_str(name);
}

/// Receives the tokens of one piece.
struct Sink<'c, 'o> {
    cleaner: RefCell<&'c mut Cleaner>,
    out: RefCell<&'o mut String>,
    /// Inside `script` or `style`, whose content is dropped.
    dropping: Cell<bool>,
}

impl TokenSink for Sink<'_, '_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut out = self.out.borrow_mut();
        match token {
            Token::CharacterTokens(text) if !self.dropping.get() => escape_text(&mut out, &text),
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let allowed = allowed_tag(name);
                let mut cleaner = self.cleaner.borrow_mut();
                match (tag.kind, allowed) {
                    (TagKind::StartTag, Some(name)) => cleaner.start_tag(name, &tag, &mut out),
                    (TagKind::EndTag, Some(name)) => cleaner.end_tag(name, &mut out),
                    (TagKind::StartTag, None) => {
                        if let Some(kind) = raw_text_kind(name) {
                            self.dropping.set(matches!(name, "script" | "style"));
                            return kind;
                        }
                    }
                    (TagKind::EndTag, None) => self.dropping.set(false),
                }
            }
            // Comments, doctypes, NUL characters, parse errors: dropped.
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Text for the data state: `&`, `<`, `>` and no-break spaces escaped, as
/// html5ever's serializer does (so the output matches ammonia's).
fn escape_text(out: &mut String, text: &str) {
    escape(out, text, |b| matches!(b, b'&' | b'<' | b'>' | 0xC2));
}

/// A double-quoted attribute value: `&`, `"` and no-break spaces escaped.
fn escape_attribute(out: &mut String, value: &str) {
    escape(out, value, |b| matches!(b, b'&' | b'"' | 0xC2));
}

/// Copies `text` with `&`, `<`, `>`, `"` and U+00A0 escaped where `stops`
/// says, by bytes (U+00A0's UTF-8 begins with 0xC2, which also begins other
/// characters: those are copied as they are).
fn escape(out: &mut String, text: &str, stops: impl Fn(u8) -> bool) {
    let bytes = text.as_bytes();
    let mut last = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|b| stops(*b)) {
        let stop = at + found;
        let (escaped, len) = match bytes[stop] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            _ if bytes.get(stop + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                at = stop + 1;
                continue;
            }
        };
        out.push_str(&text[last..stop]);
        out.push_str(escaped);
        last = stop + len;
        at = last;
    }
    out.push_str(&text[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(pieces: &[&str]) -> (String, bool) {
        let mut cleaner = Cleaner::new(UrlPolicy::default());
        let mut out = String::new();
        for p in pieces {
            cleaner.clean_into(p, &mut out);
        }
        (out, cleaner.is_balanced())
    }

    #[test]
    fn allowlist_is_the_reference_sanitizers() {
        let reference = builder(UrlPolicy::default(), None);
        let mut tags: Vec<&str> = reference.clone_tags().into_iter().collect();
        tags.sort_unstable();
        assert_eq!(tags, TAGS.to_vec(), "sorted and the same as ammonia's");
        for tag in TAGS {
            assert_eq!(allowed_tag(tag), Some(tag));
        }
        assert_eq!(allowed_tag("script"), None);
        let generic = reference.clone_generic_attributes();
        let per_tag = reference.clone_tag_attributes();
        let mut names: Vec<&str> = per_tag.values().flatten().copied().collect();
        names.extend(generic.iter().copied());
        names.extend([
            "onclick",
            "srcset",
            "formaction",
            "xlink:href",
            "rel",
            "data-x",
            "data-",
        ]);
        for tag in TAGS {
            for name in &names {
                let expected = generic.contains(name)
                    || per_tag.get(tag).is_some_and(|a| a.contains(name))
                    || (name.starts_with("data-") && name.len() > 5);
                assert_eq!(attribute_allowed(tag, name), expected, "{tag} {name}");
            }
        }
    }

    #[test]
    fn keeps_allowed_markup_canonically() {
        assert_eq!(
            clean(&["<DIV Class=a ID='x' data-k=v title=\"a&quot;b\">x &amp; y</div>"]),
            (
                "<div class=\"a\" id=\"x\" data-k=\"v\" title=\"a&quot;b\">x &amp; y</div>".into(),
                true
            )
        );
        assert_eq!(
            clean(&["<a href=\"https://x.org\" rel=me target=_blank>x</a><br/></br>"]).0,
            "<a href=\"https://x.org\" rel=\"noopener noreferrer\">x</a><br><br>"
        );
    }

    #[test]
    fn tracks_elements_left_open() {
        assert!(clean(&["<div class=\"a\">x</div>"]).1);
        assert!(!clean(&["<div>"]).1);
        assert!(clean(&["<div>", "<p>x</p>", "</div>"]).1);
        assert!(clean(&["<img src=x><br/><hr>"]).1);
        // Dropped elements open nothing; an unfinished tag is dropped.
        assert_eq!(clean(&["<script>", "<iframe>"]), (String::new(), true));
        assert_eq!(clean(&["<a title=\"", "x\">"]), ("x\"&gt;".into(), true));
        assert_eq!(clean(&["<!-- <div> -->"]), (String::new(), true));
    }

    #[test]
    fn drops_what_can_run_or_load() {
        let (html, _) = clean(&[concat!(
            "<script>alert(1)</script><style>p{}</style>",
            "<img src=x onerror=alert(1) srcset=\"javascript:x 1x\">",
            "<a href=\"java&#115;cript:alert(1)\">a</a>",
            "<a href=\"  JAVA\tSCRIPT:x\">b</a>",
            "<a href=\"data:text/html,x\">c</a>",
            "<textarea><b onclick=x>t</b></textarea>",
            "<svg onload=x><use xlink:href=\"javascript:x\"/></svg>",
            "<form action=javascript:x><button formaction=javascript:x>f</button></form>",
            "<p style=\"background:url(x)\" onclick=x>p</p>",
        )]);
        assert_eq!(
            html,
            "<img src=\"x\"><a rel=\"noopener noreferrer\">a</a><a rel=\"noopener noreferrer\">b</a><a rel=\"noopener noreferrer\">c</a>&lt;b onclick=x&gt;t&lt;/b&gt;f<p>p</p>"
        );
    }

    /// `safe_style` as first written (lowercased copy, one search per word):
    /// the reference the one-pass version is tested against.
    fn safe_style_reference(value: &str) -> Option<&str> {
        let lower = value.to_ascii_lowercase();
        let refused = [
            "url(",
            "expression",
            "\\",
            "/*",
            "javascript",
            "behavior",
            "binding",
            "@import",
            "image-set",
            "src(",
            "<",
        ];
        (!refused.iter().any(|word| lower.contains(word))).then_some(value)
    }

    proptest::proptest! {
        #[test]
        fn styles_as_the_reference(value in "([a-zA-Z :;()/*\\\\@<-]|URL\\(|Url\\(|eXpression|JavaScript|behavior|BINDING|@Import|image-SET|src\\(|é){0,12}") {
            proptest::prop_assert_eq!(safe_style(&value), safe_style_reference(&value));
        }
    }

    /// The escapes as first written (char by char): the reference for [`escape`].
    fn escape_reference(out: &mut String, text: &str, quote: bool) {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' if !quote => out.push_str("&lt;"),
                '>' if !quote => out.push_str("&gt;"),
                '"' if quote => out.push_str("&quot;"),
                '\u{a0}' => out.push_str("&nbsp;"),
                c => out.push(c),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn escapes_as_the_reference(text in "[a<>&\"'\u{a0}\u{80}-\u{ff}é\u{100}-\u{17f}\u{2000}-\u{2010}]{0,16}") {
            let (mut a, mut b, mut c, mut d) = (String::new(), String::new(), String::new(), String::new());
            escape_text(&mut a, &text);
            escape_reference(&mut b, &text, false);
            escape_attribute(&mut c, &text);
            escape_reference(&mut d, &text, true);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(c, d);
        }
    }

    #[test]
    fn styles() {
        assert_eq!(
            safe_style("float: right; width: 200px"),
            Some("float: right; width: 200px")
        );
        for bad in [
            "background:url(x)",
            "x:expression(1)",
            "b\\61 ckground",
            "a/**/b",
        ] {
            assert_eq!(safe_style(bad), None, "{bad}");
        }
    }
}
