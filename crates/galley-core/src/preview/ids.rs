//! kramdown's automatic heading ids, so `#anchor` links in the site work in the
//! preview too.

use super::liquid::strip_placeholders;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashMap;

/// Gives every heading without an explicit `{#id}` the id kramdown would make
/// from its text; a repeated id gets `-1`, `-2`… as kramdown does. `used`
/// counts the ids given so far on the page (blocks come one at a time).
pub(crate) fn add_heading_ids(events: &mut [Event<'_>], used: &mut HashMap<String, usize>) {
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
            let base = kramdown_id(&strip_placeholders(&text));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kramdown_rules() {
        assert_eq!(kramdown_id("Data & Services 2024"), "data--services-2024");
        assert_eq!(kramdown_id("123"), "section");
        assert_eq!(kramdown_id("2. Step two"), "step-two");
    }
}
