//! The fast path (sanitize only raw-HTML units) against the reference (sanitize
//! the whole output): on generated pages and on every page of the sample site
//! and the AIDA corpus, the fast output carries nothing that can run and shows
//! the same text.

use galley_core::preview::{render_page, render_page_fully_sanitized, PageContext, RenderOptions};
use proptest::prelude::*;
use std::path::Path;

/// The text a reader sees: tags removed by a sanitizer that keeps no tags,
/// whitespace collapsed.
fn text_content(html: &str) -> String {
    let text = ammonia::Builder::empty().clean(html).to_string();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    assert_eq!(text_content(&fast), text_content(&slow), "for {md:?}");
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
