//! The allowlist for raw HTML in pages, and the tracker that decides how much of
//! a page must go through it.
//!
//! Markdown that pulldown-cmark turns into HTML is safe by construction (text is
//! escaped, tags are its own) once link and image addresses are checked
//! ([`super::urls`]). Only raw HTML needs the sanitizer, so only the top-level
//! blocks that contain some go through ammonia. A tag opened in one block and
//! closed in a later one (`<div>` … Markdown … `</div>`) makes one unit of all of
//! them, so nothing can be smuggled across sanitizer calls and the layout stays
//! whole; an element never closed extends the unit to the end of the page.

use super::urls::image_source;
use std::borrow::Cow;
use std::collections::HashSet;

/// Elements without an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content a browser reads as text up to their end tag.
const RAW_TEXT: [&str; 10] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// A `style` attribute value if it cannot load or run anything, else `None`.
///
/// CSS in a style attribute cannot run script in current browsers, but `url(`
/// can fetch from anywhere and old engines ran `expression(` and bindings;
/// escapes and comments could hide those words, so they refuse the whole value.
pub fn safe_style(value: &str) -> Option<&str> {
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

/// Follows the tags of raw HTML pieces to tell whether an element is still open.
///
/// It only decides where sanitizer units end; safety never rests on it, since
/// every unit is sanitized on its own and comes out balanced.
#[derive(Debug, Default)]
pub(crate) struct TagTracker {
    stack: Vec<String>,
    state: State,
}

#[derive(Debug, Default, PartialEq)]
enum State {
    #[default]
    Text,
    /// Inside `<…`, maybe inside a quoted attribute value.
    Tag {
        quote: Option<u8>,
    },
    Comment,
    /// Inside `<script>` and the like, until `</name`.
    RawText(&'static str),
}

impl TagTracker {
    /// Whether every element opened so far is closed.
    pub(crate) fn is_balanced(&self) -> bool {
        self.stack.is_empty() && self.state == State::Text
    }

    /// Reads one raw HTML piece.
    pub(crate) fn feed(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                State::Comment => match html[i..].find("-->") {
                    Some(k) => {
                        i += k + 3;
                        self.state = State::Text;
                    }
                    None => return,
                },
                State::RawText(name) => {
                    let lower = html[i..].to_ascii_lowercase();
                    match lower.find(&format!("</{name}")) {
                        Some(k) => {
                            i += k + 2 + name.len();
                            self.state = State::Tag { quote: None };
                        }
                        None => return,
                    }
                }
                State::Tag { quote } => {
                    match (quote, bytes[i]) {
                        (None, b'"' | b'\'') => {
                            self.state = State::Tag {
                                quote: Some(bytes[i]),
                            }
                        }
                        (Some(q), b) if q == b => self.state = State::Tag { quote: None },
                        (None, b'>') => self.state = State::Text,
                        _ => {}
                    }
                    i += 1;
                }
                State::Text => {
                    let Some(k) = html[i..].find('<') else {
                        return;
                    };
                    i += k + 1;
                    let rest = &html[i..];
                    if rest.starts_with("!--") {
                        self.state = State::Comment;
                        i += 3;
                        continue;
                    }
                    let closing = rest.starts_with('/');
                    let name_start = usize::from(closing);
                    let name_len = rest[name_start..]
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                        .count();
                    if name_len == 0 {
                        continue;
                    }
                    let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
                    i += name_start + name_len;
                    let self_closing = html[i..]
                        .find('>')
                        .map(|gt| html[i..i + gt].ends_with('/'))
                        .unwrap_or(false);
                    self.state = State::Tag { quote: None };
                    if closing {
                        if let Some(pos) = self.stack.iter().rposition(|open| *open == name) {
                            self.stack.truncate(pos);
                        }
                    } else if let Some(raw) = RAW_TEXT.iter().find(|r| **r == name) {
                        // Read the start tag's attributes, then its text up to `</name`.
                        let gt = html[i..].find('>');
                        match gt {
                            Some(gt) => {
                                i += gt + 1;
                                self.state = State::RawText(raw);
                            }
                            None => {
                                self.stack.push(name);
                                return;
                            }
                        }
                    } else if !self_closing && !VOID.contains(&name.as_str()) {
                        self.stack.push(name);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balanced(pieces: &[&str]) -> bool {
        let mut t = TagTracker::default();
        for p in pieces {
            t.feed(p);
        }
        t.is_balanced()
    }

    #[test]
    fn tracks_elements_across_pieces() {
        assert!(balanced(&["<div class=\"a\">x</div>"]));
        assert!(!balanced(&["<div>"]));
        assert!(balanced(&["<div>", "<p>x</p>", "</div>"]));
        assert!(balanced(&["<img src=x><br/><hr>"]));
        assert!(!balanced(&["<a title=\"", "x\">"]));
        assert!(balanced(&["<!-- <div> -->"]));
        assert!(!balanced(&["<!-- open"]));
        assert!(balanced(&["<script>'</div>'</script>"]));
        assert!(!balanced(&["<style>"]));
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
