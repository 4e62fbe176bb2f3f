//! The fast path (sanitize only raw-HTML units) against the reference (sanitize
//! the whole output): on generated pages and on every page of the sample site
//! and the AIDA corpus, the fast output carries nothing that can run and shows
//! the same text.

use galley_core::preview::{
    render_page, render_page_fully_sanitized, sanitize_with_reference, PageContext, RenderOptions,
};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use proptest::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

/// The text a reader sees: tags removed by a sanitizer that keeps no tags,
/// whitespace removed (where a tree builder moves text, e.g. out of a broken
/// table, the spaces between pieces can differ).
fn text_content(html: &str) -> String {
    let text = ammonia::Builder::empty().clean(html).to_string();
    text.split_whitespace().collect()
}

fn assert_safe(html: &str) {
    let lower = html.to_ascii_lowercase();
    // `javascript:` as visible text is harmless; in an attribute it is not.
    for bad in [
        "<script",
        "=\"javascript:",
        "='javascript:",
        "=javascript:",
        "<iframe",
        "<form",
        "<svg",
        "<object",
    ] {
        assert!(!lower.contains(bad), "{bad} in {html}");
    }
    // Any `on…=` attribute inside a tag.
    let mut in_tag = false;
    let bytes = lower.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b' ' | b'\t' | b'\n' | b'/' if in_tag => {
                let rest = &lower[i + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if name.len() > 2 && name.starts_with("on") && rest[name.len()..].starts_with('=') {
                    panic!("handler {name} in {html}");
                }
            }
            _ => {}
        }
    }
}

/// Every start tag's (element, attribute, value), counted, as a browser's
/// tokenizer reads them.
fn tags(html: &str) -> HashMap<(String, String, String), usize> {
    #[derive(Default)]
    struct Sink(RefCell<HashMap<(String, String, String), usize>>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token {
                if tag.kind == TagKind::StartTag {
                    let mut seen = self.0.borrow_mut();
                    *seen
                        .entry((tag.name.to_string(), String::new(), String::new()))
                        .or_default() += 1;
                    for a in &tag.attrs {
                        let key = (
                            tag.name.to_string(),
                            a.name.local.to_string(),
                            a.value.to_string(),
                        );
                        *seen.entry(key).or_default() += 1;
                    }
                }
            }
            TokenSinkResult::Continue
        }
    }
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

fn compare(md: &str) {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    let context = PageContext {
        page_dir: Some("pages"),
        ..PageContext::default()
    };
    let fast = render_page(md, &options, &context);
    let slow = render_page_fully_sanitized(md, &options, &context);
    assert_safe(&fast);
    // Elements whose content a browser reads as plain text (`<textarea>`,
    // `<iframe>`…) differ on purpose: the reference reads the Markdown after
    // an unclosed one as its text, the fast path closes each raw HTML piece
    // and renders the Markdown.
    let lower = md.to_ascii_lowercase();
    let raw_text = [
        "<script",
        "<style",
        "<iframe",
        "<textarea",
        "<title",
        "<xmp",
        "<noembed",
        "<noframes",
        "<noscript",
        "<plaintext",
        "<svg",
        "<math",
    ];
    if !raw_text.iter().any(|t| lower.contains(t)) {
        // The fast path loses no text the reference shows. It may show more:
        // the reference drops the content of SVG and MathML elements (`<g>`,
        // `<path>`…) whole, the fast path keeps it as plain text.
        let (fast_text, slow_text) = (text_content(&fast), text_content(&slow));
        let mut rest = fast_text.chars();
        assert!(
            slow_text.chars().all(|c| rest.any(|f| f == c)),
            "for {md:?}: the reference shows {slow_text:?}, the fast path {fast_text:?}"
        );
    }
    // The reference sanitizer removes nothing the fast path lets through: each
    // element with each attribute and value of the fast output survives the
    // reference on its own (in the table context table parts need, since the
    // reference's tree builder drops a stray `<td>` as a browser does).
    const PREFIX: &str = "galley-site://localhost";
    // kramdown IALs may put a few presentational attributes on any element (as
    // kramdown does, e.g. `{:start="2"}` on a paragraph); none of them loads or
    // runs anything, so only their element is checked.
    const IAL_ANYWHERE: [&str; 8] = [
        "width", "height", "align", "alt", "start", "colspan", "rowspan", "dir",
    ];
    for (element, attribute, value) in tags(&fast).into_keys() {
        let (attribute, value) = if IAL_ANYWHERE.contains(&attribute.as_str()) {
            (String::new(), String::new())
        } else {
            (attribute, value)
        };
        let mut tag = format!("<{element}");
        if !attribute.is_empty() {
            // Site images are already on the app's protocol; the reference
            // puts them there itself from the root-absolute address.
            let written = match (element.as_str(), attribute.as_str()) {
                ("img", "src") => value.strip_prefix(PREFIX).unwrap_or(&value),
                _ => &value,
            };
            let value = written.replace('&', "&amp;").replace('"', "&quot;");
            tag.push_str(&format!(" {attribute}=\"{value}\""));
        }
        tag.push('>');
        let snippet = match element.as_str() {
            "td" | "th" => format!("<table><tbody><tr>{tag}</tr></tbody></table>"),
            "tr" => format!("<table><tbody>{tag}</tbody></table>"),
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => format!("<table>{tag}</table>"),
            "col" => format!("<table><colgroup>{tag}</colgroup></table>"),
            _ => tag,
        };
        let kept = tags(&sanitize_with_reference(&snippet, &options, &context));
        assert!(
            kept.contains_key(&(element.clone(), attribute.clone(), value.clone())),
            "the reference removes <{element} {attribute}={value:?}> from the fast output of {md:?}:\n{fast}"
        );
    }
}

const PIECES: &[&str] = &[
    "# Title\n",
    "Some *emphasis* and **strong** text with a [link](/about/).\n",
    "- item one\n- item [two](https://x.org)\n",
    "> a quote\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "```\ncode <b>\n```\n",
    "<div class=\"x\">\n",
    "</div>\n",
    "<span style=\"color: red\">red</span> inline\n",
    "<img src=\"a.png\" onerror=\"alert(1)\">\n",
    "<script>alert(1)</script>\n",
    "<a href=\"javascript:alert(1)\">bad</a>\n",
    "<!-- comment -->\n",
    "<table><tr><td>cell</td></tr></table>\n",
    "text\n{: .lead}\n",
    "{{ page.title }} and {% if x %}\n",
    "<p>open paragraph\n",
    "<b onclick=\"x()\">\n",
    "![img](pic.png)\n",
    "[x](javascript:alert(2))\n",
    "<details><summary>s</summary>\n\nhidden *md*\n\n</details>\n",
    "<a href=\"java&#115;cript:x\">e</a> <a\nhref=\"/ok\"\nonclick=\"x\">split</a>\n",
    "<svg onload=\"x\"><a xlink:href=\"javascript:x\">s</a></svg>\n",
    "<iframe srcdoc=\"<b>x</b>\"></iframe><object data=x></object><embed src=x>\n",
    "<form><button formaction=\"javascript:x\">b</button></form>\n",
    "<img src=\"data:text/html,x\" srcset=\"a.png 1x\" style=\"float: right\" width=\"40\">\n",
    "<meta http-equiv=refresh content=0><base href=/x><style>p{}</style>\n",
    "- <b>list</b> <i onclick=x>i</i>\n",
    "> <span title=\"q\">quote</span>\n",
    "| <em>t</em> |\n|---|\n| <u>c</u> |\n",
    "<textarea>\n\n*md*\n\n</textarea>\n",
    "[ref][r] <javascript:x>\n\n[r]: javascript:alert(1)\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_pages(picks in prop::collection::vec(0..PIECES.len(), 1..14), blank in any::<Vec<bool>>()) {
        let mut md = String::new();
        for (k, p) in picks.iter().enumerate() {
            md.push_str(PIECES[*p]);
            if blank.get(k).copied().unwrap_or(true) {
                md.push('\n');
            }
        }
        compare(&md);
    }

    #[test]
    fn arbitrary_text(md in "[<>a-z /=\"'*\\[\\]()\n{}:.#-]{0,200}") {
        compare(&md);
    }

    #[test]
    fn arbitrary_tags(md in "(<(/)?(a|b|div|p|img|span|script|style|svg|iframe|textarea|table|td) ?((href|src|style|onclick|title|class)=(\"[a-z :/.%;()&#-]{0,12}\"|[a-z:]{0,8}) ?){0,3}>|[a-z *&;#\n]{0,8}|\n\n){0,16}") {
        compare(&md);
    }
}

fn pages_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with(".git") {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown" || e == "html")
            {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn real_pages_render_the_same_text_safely() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut count = 0;
    for root in [
        workspace.join("content"),
        Path::new("/work/shared/corpora/aida-site").to_path_buf(),
    ] {
        for page in pages_under(&root) {
            let Ok(text) = std::fs::read_to_string(&page) else {
                continue;
            };
            compare(&text);
            count += 1;
        }
    }
    assert!(count > 10, "only {count} pages found");
}
