//! The one place that owns Galley's Markdown dialect and turns a page body into
//! safe preview HTML.
//!
//! The preview, the CLI's `render` and the tests all go through [`render`], so
//! what an editor sees is what the tests check. The output is sanitized here (in
//! Rust) *and* the UI shows it in a frame where scripts cannot run: two locks,
//! because a page body is content from anyone with push access to the site.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// How a preview is rendered for its audience (the app or the CLI).
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Prefix for root-absolute image URLs (`/assets/x.png`), so the app can
    /// serve them from the opened site through its own protocol. `None` keeps
    /// them as written (the CLI).
    pub asset_url_prefix: Option<String>,
}

/// The Markdown extensions Jekyll's kramdown and Hugo's goldmark both accept.
///
/// Heading attributes give kramdown's `## Title {#id}`; tables, footnotes,
/// strikethrough and task lists are common in both generators' defaults.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a Markdown body to sanitized HTML.
pub fn render(markdown: &str, options: &RenderOptions) -> String {
    let raw = render_unsanitized(markdown);
    sanitize(&raw, options)
}

/// Markdown → HTML with kramdown-style automatic heading ids, before sanitizing.
fn render_unsanitized(markdown: &str) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, markdown_options()).collect();
    add_heading_ids(&mut events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Gives every heading without an explicit `{#id}` the id kramdown would make
/// from its text, so `#anchor` links in the site work in the preview too.
fn add_heading_ids(events: &mut [Event<'_>]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = kramdown_id(&text);
            let count = used.entry(base.clone()).or_insert(0);
            let id = if *count == 0 {
                base
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

/// kramdown's `auto_ids` rule: lowercase ASCII letters and digits, spaces and
/// hyphens kept (spaces become hyphens), everything else dropped; leading
/// non-letters removed; an empty result becomes `section`.
pub fn kramdown_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if c == ' ' || c == '-' {
            id.push('-');
        }
    }
    let id = id.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    if id.is_empty() {
        "section".to_owned()
    } else {
        id.to_owned()
    }
}

/// Level numbers for callers that build outlines.
pub fn heading_level_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn sanitize(html: &str, options: &RenderOptions) -> String {
    let mut builder = ammonia::Builder::default();
    // Keep what the site's CSS and anchors rely on.
    builder
        .add_generic_attributes(["id", "class", "title", "lang", "dir"])
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
        .add_tag_attributes("img", ["width", "height", "loading"])
        .add_tag_attributes("th", ["align", "style"])
        .add_tag_attributes("td", ["align", "style"])
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto"]));
    if let Some(prefix) = options.asset_url_prefix.clone() {
        builder.attribute_filter(move |element, attribute, value| {
            if element == "img"
                && attribute == "src"
                && value.starts_with('/')
                && !value.starts_with("//")
            {
                Some(format!("{prefix}{value}").into())
            } else {
                Some(value.into())
            }
        });
    }
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(md: &str) -> String {
        render(md, &RenderOptions::default())
    }

    #[test]
    fn kramdown_heading_ids() {
        assert!(r("## Join AIDA {#join}\n").contains(r#"<h2 id="join">Join AIDA</h2>"#));
        assert!(r("## Data & Services 2024\n").contains(r#"id="data--services-2024""#));
        let twice = r("# Intro\n\n# Intro\n");
        assert!(twice.contains(r#"id="intro""#) && twice.contains(r#"id="intro-1""#));
        assert_eq!(kramdown_id("123"), "section");
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let html = r(concat!(
            "<script>alert(1)</script>\n\n",
            "<img src=\"/a.png\" onerror=\"alert(2)\">\n\n",
            "[x](javascript:alert(3))\n\n",
            "<iframe src=\"https://example.com\"></iframe>\n\n",
            "<form action=\"/x\"><input name=q></form>\n"
        ));
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "<form",
            "alert",
        ] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
        assert!(html.contains(r#"<img src="/a.png">"#));
    }

    #[test]
    fn root_absolute_images_use_the_site_protocol() {
        let options = RenderOptions {
            asset_url_prefix: Some("galley-site://localhost".into()),
        };
        let html = render(
            "![logo](/assets/icons/aida.png) ![ext](https://x.org/a.png)",
            &options,
        );
        assert!(
            html.contains(r#"src="galley-site://localhost/assets/icons/aida.png""#),
            "{html}"
        );
        assert!(html.contains(r#"src="https://x.org/a.png""#));
    }

    #[test]
    fn keeps_classes_ids_and_task_lists() {
        let html = r("<div class=\"lead\" id=\"x\" data-k=\"v\">hi</div>\n\n- [x] done\n");
        assert!(html.contains(r#"class="lead""#) && html.contains(r#"data-k="v""#));
        assert!(html.contains(r#"type="checkbox""#));
    }
}
