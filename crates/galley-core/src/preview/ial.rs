//! kramdown's inline attribute lists: `{: .class #id key="value"}`.
//!
//! On its own line right after a paragraph, list, blockquote, table, heading or
//! code block, an IAL gives that element its attributes; on the line before a
//! block (after a blank line), the block that follows; right after an inline
//! element (`*word*{: .x}`), that element. Attribute list definitions
//! (`{:name: .x}`) and extensions (`{::options /}`) are dropped. None of them is
//! ever shown as text.
//!
//! Attributes go through an allowlist: ids, classes, `data-*`, a few
//! presentational ones and a sanitized `style`; `onclick=` and friends never pass.

use super::sanitize::safe_style;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;
use std::collections::BTreeMap;
use std::ops::Range;

/// Attribute names an IAL (or a heading's `{…}`) may set, besides `id`, `class`,
/// `style` and `data-*`.
const ALLOWED: [&str; 10] = [
    "title", "lang", "dir", "width", "height", "align", "alt", "start", "colspan", "rowspan",
];

/// One element's attributes from IALs.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Attrs {
    /// `#id` (the last one wins).
    pub id: Option<String>,
    /// `.class` and `class="…"`, in order.
    pub classes: Vec<String>,
    /// Other allowed `key="value"` pairs.
    pub pairs: Vec<(String, String)>,
}

impl Attrs {
    fn merge(&mut self, other: Attrs) {
        if other.id.is_some() {
            self.id = other.id;
        }
        self.classes.extend(other.classes);
        self.pairs.extend(other.pairs);
    }

    /// ` id="…" class="…" k="v"`, escaped, for insertion into a start tag.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        if let Some(id) = &self.id {
            out.push_str(" id=\"");
            let _ = escape_html(&mut out, id);
            out.push('"');
        }
        if !self.classes.is_empty() {
            out.push_str(" class=\"");
            let _ = escape_html(&mut out, &self.classes.join(" "));
            out.push('"');
        }
        for (key, value) in &self.pairs {
            out.push(' ');
            out.push_str(key);
            out.push_str("=\"");
            let _ = escape_html(&mut out, value);
            out.push('"');
        }
        out
    }
}

/// Whether an attribute may be written into the preview, and its value if so.
pub(crate) fn allowed_attribute<'v>(name: &str, value: &'v str) -> Option<&'v str> {
    let valid_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid_name {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if lower == "style" {
        return safe_style(value);
    }
    (ALLOWED.contains(&lower.as_str()) || lower.starts_with("data-")).then_some(value)
}

/// Parses an IAL that is the whole of `text`. `Some(empty)` for definitions and
/// extensions, which are dropped without effect.
pub fn parse(text: &str) -> Option<Attrs> {
    let inner = text.trim().strip_prefix("{:")?.strip_suffix('}')?;
    if inner.contains(['{', '}']) {
        return None;
    }
    let mut attrs = Attrs::default();
    if inner.starts_with(':') || inner.starts_with('/') {
        return Some(attrs);
    }
    let first = inner.split_whitespace().next().unwrap_or("");
    if first.ends_with(':') && !first.starts_with(['.', '#']) {
        return Some(attrs);
    }
    let mut rest = inner.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(char::is_whitespace).unwrap_or(r.len());
            attrs.classes.push(r[..end].to_owned());
            rest = r[end..].trim_start();
        } else if let Some(r) = rest.strip_prefix('#') {
            let end = r.find(char::is_whitespace).unwrap_or(r.len());
            attrs.id = Some(r[..end].to_owned());
            rest = r[end..].trim_start();
        } else if let Some(eq) = rest
            .find('=')
            .filter(|eq| !rest[..*eq].contains(char::is_whitespace))
        {
            let key = &rest[..eq];
            let after = &rest[eq + 1..];
            let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let close = after[1..].find(quote)?;
            let value = &after[1..1 + close];
            if key.eq_ignore_ascii_case("class") {
                attrs
                    .classes
                    .extend(value.split_whitespace().map(str::to_owned));
            } else if key.eq_ignore_ascii_case("id") {
                attrs.id = Some(value.to_owned());
            } else if let Some(v) = allowed_attribute(key, value) {
                attrs.pairs.push((key.to_ascii_lowercase(), v.to_owned()));
            }
            rest = after[1 + close + 1..].trim_start();
        } else {
            // A reference to a definition (`{: ref}`) or kramdown's `{:toc}`:
            // nothing Galley can apply, but still not text.
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            rest = rest[end..].trim_start();
        }
    }
    attrs.classes.retain(|c| !c.is_empty());
    Some(attrs)
}

/// What applying IALs changed: events to drop, and attributes to add to the
/// start tag of the event at each index (headings are changed in place instead).
#[derive(Debug, Default)]
pub(crate) struct Edits {
    pub(crate) removed: Vec<bool>,
    pub(crate) attrs: BTreeMap<usize, Attrs>,
}

/// Finds IALs in `events` (adjacent text already merged) and decides what they apply to.
pub(crate) fn apply(events: &mut [Event<'_>], ranges: &[Range<usize>], source: &str) -> Edits {
    let n = events.len();
    let mut edits = Edits {
        removed: vec![false; n],
        attrs: BTreeMap::new(),
    };
    // Pair starts with ends and note each event's parent.
    let mut partner = vec![usize::MAX; n];
    let mut parent = vec![usize::MAX; n];
    let mut stack: Vec<usize> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        parent[i] = stack.last().copied().unwrap_or(usize::MAX);
        match event {
            Event::Start(_) => stack.push(i),
            Event::End(_) => {
                if let Some(start) = stack.pop() {
                    partner[start] = i;
                    partner[i] = start;
                    parent[i] = parent[start];
                }
            }
            _ => {}
        }
    }
    // Whether a whitespace-only line separates source offsets `a` and `b`.
    let blank_between = |a: usize, b: usize| -> bool {
        source
            .get(a..b)
            .map(|s| {
                let parts: Vec<&str> = s.split('\n').collect();
                parts.len() > 2
                    && parts[1..parts.len() - 1]
                        .iter()
                        .any(|l| l.trim().is_empty())
            })
            .unwrap_or(true)
    };
    let mut targets: Vec<(usize, Attrs)> = Vec::new();
    for i in 0..n {
        let Event::Text(text) = &events[i] else {
            continue;
        };
        if !text.trim_start().starts_with("{:") {
            continue;
        }
        let p = parent[i];
        if p == usize::MAX {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| &events[k]);
        // A span IAL right after an inline element.
        if let Some(
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            )
            | Event::Code(_),
        ) = prev
        {
            if let Some(close) = text.find('}') {
                if let Some(attrs) = parse(&text[..=close]) {
                    let target = if matches!(prev, Some(Event::Code(_))) {
                        i - 1
                    } else {
                        partner[i - 1]
                    };
                    let remaining = text[close + 1..].to_owned();
                    targets.push((target, attrs));
                    if remaining.is_empty() {
                        edits.removed[i] = true;
                    } else {
                        events[i] = Event::Text(CowStr::from(remaining));
                    }
                    continue;
                }
            }
        }
        let Some(attrs) = parse(text) else {
            continue;
        };
        let next_is_end = i + 1 < n && i + 1 == partner[p];
        let prev_is_start = i == p + 1;
        let prev_soft = matches!(prev, Some(Event::SoftBreak));
        let next_soft = matches!(events.get(i + 1), Some(Event::SoftBreak));
        if prev_is_start && next_is_end {
            let end = partner[p];
            match &events[p] {
                Event::Start(Tag::Paragraph) => {
                    edits.removed[p] = true;
                    edits.removed[i] = true;
                    edits.removed[end] = true;
                    let before = p.checked_sub(1).filter(|&k| {
                        matches!(events[k], Event::End(_))
                            && parent[k] == parent[p]
                            && !blank_between(ranges[k].end.saturating_sub(1), ranges[i].start)
                    });
                    let after = Some(end + 1).filter(|&k| {
                        k < n
                            && matches!(events[k], Event::Start(_))
                            && parent[k] == parent[p]
                            && !blank_between(ranges[i].end, ranges[k].start)
                    });
                    if let Some(k) = before {
                        targets.push((partner[k], attrs));
                    } else if let Some(k) = after {
                        targets.push((k, attrs));
                    }
                }
                Event::Start(Tag::TableCell) => {
                    // A last table row made only of the IAL: it belongs to the table.
                    let row = parent[p];
                    let row_end = partner.get(row).copied().unwrap_or(usize::MAX);
                    let table = parent.get(row).copied().unwrap_or(usize::MAX);
                    let only_ial = (row + 1..row_end).all(|k| {
                        k == i
                            || matches!(
                                events[k],
                                Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell)
                            )
                    });
                    if table != usize::MAX
                        && only_ial
                        && matches!(events.get(row_end + 1), Some(Event::End(TagEnd::Table)))
                    {
                        for flag in &mut edits.removed[row..=row_end] {
                            *flag = true;
                        }
                        targets.push((table, attrs));
                    } else {
                        edits.removed[i] = true;
                    }
                }
                _ => edits.removed[i] = true,
            }
        } else if prev_soft && next_is_end {
            edits.removed[i] = true;
            edits.removed[i - 1] = true;
            let line_start = source[..ranges[i].start.min(source.len())]
                .rfind('\n')
                .map(|k| k + 1)
                .unwrap_or(0);
            let lazy = line_start == ranges[i].start;
            let mut target = p;
            if lazy {
                let mut k = p;
                while k != usize::MAX {
                    if matches!(events[k], Event::Start(Tag::List(_) | Tag::BlockQuote(_))) {
                        target = k;
                    }
                    k = parent[k];
                }
            }
            targets.push((target, attrs));
        } else if prev_is_start && next_soft {
            edits.removed[i] = true;
            edits.removed[i + 1] = true;
            targets.push((p, attrs));
        } else {
            edits.removed[i] = true;
        }
    }
    for (target, attrs) in targets {
        if let Event::Start(Tag::Heading {
            id,
            classes,
            attrs: pairs,
            ..
        }) = &mut events[target]
        {
            if let Some(new_id) = attrs.id {
                *id = Some(CowStr::from(new_id));
            }
            classes.extend(attrs.classes.into_iter().map(CowStr::from));
            pairs.extend(
                attrs
                    .pairs
                    .into_iter()
                    .map(|(k, v)| (CowStr::from(k), Some(CowStr::from(v)))),
            );
        } else {
            edits.attrs.entry(target).or_default().merge(attrs);
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kramdown_forms() {
        let a = parse("{: .a .b #x key=\"v\" title='t'}").expect("ial");
        assert_eq!(a.classes, vec!["a", "b"]);
        assert_eq!(a.id.as_deref(), Some("x"));
        assert_eq!(a.pairs, vec![("title".to_owned(), "t".to_owned())]);
        assert_eq!(
            parse("{:class=\"tight-table\"}").expect("ial").classes,
            vec!["tight-table"]
        );
        assert_eq!(
            parse("{:start=\"2\"}").expect("ial").pairs,
            vec![("start".into(), "2".into())]
        );
        assert_eq!(parse("{:toc}"), Some(Attrs::default()));
        assert_eq!(parse("{:ref: .x}"), Some(Attrs::default()));
        assert_eq!(parse("{: onclick=\"alert(1)\"}"), Some(Attrs::default()));
        assert_eq!(
            parse("{: style=\"background:url(x)\"}"),
            Some(Attrs::default())
        );
        assert_eq!(parse("not {: .x}"), None);
    }
}
