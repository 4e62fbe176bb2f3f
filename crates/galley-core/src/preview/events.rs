//! The event pass: Markdown events in, HTML out, with Galley's additions (IALs,
//! chips, link targets, image addresses) and sanitizing only where raw HTML is.
//!
//! Galley's own markup is put in place through private-use marker characters
//! (dropped from page text beforehand, so a page cannot forge them) that one
//! pass over the output resolves: `E002 n E003` before a start tag adds IAL
//! attributes number `n`, `E004` … `E005` wrap a unit the sanitizer must clean.

use super::ial::{self, allowed_attribute, Attrs};
use super::ids::add_heading_ids;
use super::liquid::{Expanded, Piece, PH_START};
use super::sanitize::{builder, TagTracker, UrlPolicy};
use super::urls::{image_source, link_target, LinkTarget};
use super::{markdown_options, PageContext, RenderOptions};
use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};
use std::ops::Range;

const IAL_START: char = '\u{E002}';
const IAL_END: char = '\u{E003}';
const UNIT_START: char = '\u{E004}';
const UNIT_END: char = '\u{E005}';

/// How much of the output goes through the sanitizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sanitizing {
    /// Only units of top-level blocks with raw HTML (the preview's path).
    WhereNeeded,
    /// Everything (the reference the fast path is tested against).
    WholeOutput,
}

/// Renders a body whose Liquid is already handled.
pub(crate) fn render_expanded(
    expanded: &Expanded<'_>,
    options: &RenderOptions,
    context: &PageContext<'_>,
    mode: Sanitizing,
) -> String {
    let source: &str = &expanded.text;
    let has_ials = source.contains("{:");
    let (mut events, ranges) = collect(source, has_ials);
    let edits = if has_ials {
        Some(ial::apply(&mut events, &ranges, source))
    } else {
        None
    };
    add_heading_ids(&mut events);
    let baseurl = context
        .site
        .and_then(|s| s.get_key("baseurl"))
        .map(|v| v.display_text())
        .unwrap_or_default();
    let mut pass = Pass {
        expanded,
        options,
        context,
        baseurl: &baseurl,
        out: Vec::with_capacity(events.len() + 16),
        ial_attrs: Vec::new(),
        depth: 0,
        in_image: 0,
        tracker: TagTracker::default(),
        block_start: 0,
        block_raw: false,
        unit_open: false,
        units: Vec::new(),
    };
    for (i, event) in events.into_iter().enumerate() {
        if let Some(edits) = &edits {
            if edits.removed[i] {
                continue;
            }
            if let Some(attrs) = edits.attrs.get(&i) {
                pass.mark_attrs(attrs);
            }
        }
        pass.event(event);
    }
    if pass.unit_open {
        pass.units.push((usize::MAX, false));
    }
    if mode == Sanitizing::WholeOutput {
        pass.units.clear();
    }
    let Pass {
        out,
        ial_attrs,
        units,
        ..
    } = pass;
    let mut html = String::with_capacity(source.len() * 3 / 2 + 64);
    let sentinels = units.into_iter().map(|(at, start)| {
        (
            at,
            Event::Html(CowStr::from(if start { "\u{E004}" } else { "\u{E005}" })),
        )
    });
    pulldown_cmark::html::push_html(&mut html, Interleave::new(out, sentinels));
    if !ial_attrs.is_empty() {
        html = insert_attrs(&html, &ial_attrs);
    }
    let policy = || UrlPolicy {
        prefix: options.asset_url_prefix.clone(),
        page_dir: context.page_dir.map(str::to_owned),
        baseurl: baseurl.clone(),
    };
    let scheme = options
        .asset_url_prefix
        .as_deref()
        .and_then(|p| p.split_once("://"))
        .map(|(s, _)| s);
    match mode {
        Sanitizing::WholeOutput => builder(policy(), scheme).clean(&html).to_string(),
        Sanitizing::WhereNeeded if html.contains(UNIT_START) => {
            sanitize_units(&html, &builder(policy(), scheme))
        }
        Sanitizing::WhereNeeded => html,
    }
}

/// Parses with source offsets; with `merge`, adjacent text is joined so an IAL
/// is one event (only then: joining allocates, and most pages have no IALs).
fn collect(source: &str, merge: bool) -> (Vec<Event<'_>>, Vec<Range<usize>>) {
    let mut events: Vec<Event<'_>> = Vec::with_capacity(source.len() / 16);
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(source.len() / 16);
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        if let (true, Event::Text(next), Some(Event::Text(prev)), Some(last)) =
            (merge, &event, events.last_mut(), ranges.last_mut())
        {
            if last.end == range.start {
                let mut joined = String::with_capacity(prev.len() + next.len());
                joined.push_str(prev);
                joined.push_str(next);
                *prev = CowStr::from(joined);
                last.end = range.end;
                continue;
            }
        }
        events.push(event);
        ranges.push(range);
    }
    (events, ranges)
}

struct Pass<'e, 'a> {
    expanded: &'e Expanded<'a>,
    options: &'e RenderOptions,
    context: &'e PageContext<'e>,
    baseurl: &'e str,
    out: Vec<Event<'a>>,
    ial_attrs: Vec<String>,
    depth: usize,
    in_image: usize,
    tracker: TagTracker,
    /// Index in `out` where the current top-level block began.
    block_start: usize,
    block_raw: bool,
    unit_open: bool,
    /// Positions in `out` before which a unit starts (`true`) or ends.
    units: Vec<(usize, bool)>,
}

impl<'a> Pass<'_, 'a> {
    fn mark_attrs(&mut self, attrs: &Attrs) {
        let html = attrs.to_html();
        if html.is_empty() {
            return;
        }
        let marker = format!("{IAL_START}{}{IAL_END}", self.ial_attrs.len());
        self.ial_attrs.push(html);
        self.out.push(Event::Html(CowStr::from(marker)));
    }

    fn event(&mut self, event: Event<'a>) {
        if self.depth == 0 {
            self.block_start = self.out.len();
            self.block_raw = false;
        }
        match event {
            Event::Start(tag) => {
                self.depth += 1;
                self.start(tag);
            }
            Event::End(end) => {
                self.depth = self.depth.saturating_sub(1);
                if end == TagEnd::Image {
                    self.in_image = self.in_image.saturating_sub(1);
                }
                self.out.push(Event::End(end));
            }
            Event::Text(text) if text.contains(PH_START) => self.text_with_chips(&text),
            Event::Code(code) if code.contains(PH_START) && self.in_image == 0 => {
                let mut html = String::from("<code>");
                for piece in self.expanded.pieces(&code) {
                    match piece {
                        Piece::Text(t) => {
                            let _ = escape_html_body_text(&mut html, t);
                        }
                        Piece::Chip(chip) => html.push_str(&chip.html),
                    }
                }
                html.push_str("</code>");
                self.out.push(Event::Html(CowStr::from(html)));
            }
            Event::Html(raw) | Event::InlineHtml(raw) if self.in_image == 0 => {
                let filled = self.fill_raw(&raw);
                self.block_raw = true;
                self.tracker.feed(&filled);
                self.out.push(Event::Html(CowStr::from(filled)));
            }
            other => self.out.push(other),
        }
        if self.depth == 0 {
            self.block_done();
        }
    }

    /// At the end of a top-level block: open, extend or close a sanitizer unit.
    fn block_done(&mut self) {
        if self.block_raw && !self.unit_open {
            self.units.push((self.block_start, true));
            self.unit_open = true;
        }
        if self.unit_open && self.tracker.is_balanced() {
            self.units.push((self.out.len(), false));
            self.unit_open = false;
        }
    }

    fn start(&mut self, tag: Tag<'a>) {
        match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let dest = self.expanded.fill(&dest_url, |c| &c.source).into_owned();
                let href = if link_type == LinkType::Email {
                    format!("mailto:{dest}")
                } else {
                    dest
                };
                let target = link_target(&href, self.context.page_dir, self.baseurl);
                let mut html = String::from("<a");
                if target != LinkTarget::Refused {
                    html.push_str(" href=\"");
                    let _ = escape_href(&mut html, &href);
                    html.push('"');
                }
                if !title.is_empty() {
                    html.push_str(" title=\"");
                    let _ = escape_html(&mut html, &self.expanded.fill(&title, |c| &c.source));
                    html.push('"');
                }
                match target {
                    LinkTarget::Site(path) => {
                        html.push_str(" data-site-link=\"");
                        let _ = escape_html(&mut html, &path);
                        html.push('"');
                    }
                    LinkTarget::External => {
                        html.push_str(" data-external=\"true\" rel=\"noopener noreferrer\"")
                    }
                    LinkTarget::Fragment | LinkTarget::Refused => {}
                }
                html.push('>');
                self.out.push(Event::Html(CowStr::from(html)));
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                self.in_image += 1;
                let dest = self.expanded.fill(&dest_url, |c| &c.source);
                let src = image_source(
                    &dest,
                    self.options.asset_url_prefix.as_deref(),
                    self.context.page_dir,
                    self.baseurl,
                )
                .unwrap_or_default();
                self.out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(src),
                    title: CowStr::from(self.expanded.fill(&title, |c| &c.source).into_owned()),
                    id,
                }));
            }
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                // `## Title {onclick=…}` is valid heading-attribute syntax: only
                // allowed attributes reach the output.
                let attrs = attrs
                    .into_iter()
                    .filter_map(|(name, value)| {
                        let value = value.unwrap_or(CowStr::Borrowed(""));
                        let kept = allowed_attribute(&name, &value)?.to_owned();
                        Some((name, Some(CowStr::from(kept))))
                    })
                    .collect();
                self.out.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            other => self.out.push(Event::Start(other)),
        }
    }

    /// Text with chip placeholders: chips as markup, or as their source inside
    /// an image's alt text (which is an attribute).
    fn text_with_chips(&mut self, text: &str) {
        if self.in_image > 0 {
            let filled = self.expanded.fill(text, |c| &c.source).into_owned();
            self.out.push(Event::Text(CowStr::from(filled)));
            return;
        }
        let mut rest = text;
        while let Some(start) = rest.find(PH_START) {
            if start > 0 {
                self.out
                    .push(Event::Text(CowStr::from(rest[..start].to_owned())));
            }
            let Some(len) = rest[start..].find(super::liquid::PH_END) else {
                rest = &rest[start + PH_START.len_utf8()..];
                continue;
            };
            let piece = &rest[start..start + len + super::liquid::PH_END.len_utf8()];
            let html = self.expanded.fill(piece, |c| &c.html).into_owned();
            self.out.push(Event::Html(CowStr::from(html)));
            rest = &rest[start + piece.len()..];
        }
        if !rest.is_empty() {
            self.out.push(Event::Text(CowStr::from(rest.to_owned())));
        }
    }

    /// Raw HTML with chip placeholders: markup between tags, the Liquid source
    /// inside a tag (an attribute value cannot hold markup).
    fn fill_raw(&self, raw: &str) -> String {
        if !raw.contains(PH_START) {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len() + 64);
        let mut in_tag = false;
        let mut rest = raw;
        while let Some(start) = rest.find(PH_START) {
            let before = &rest[..start];
            for c in before.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ => {}
                }
            }
            out.push_str(before);
            let Some(len) = rest[start..].find(super::liquid::PH_END) else {
                rest = &rest[start + PH_START.len_utf8()..];
                continue;
            };
            let piece = &rest[start..start + len + super::liquid::PH_END.len_utf8()];
            if in_tag {
                out.push_str(&self.expanded.fill(piece, |c| &c.source));
            } else {
                out.push_str(&self.expanded.fill(piece, |c| &c.html));
            }
            rest = &rest[start + piece.len()..];
        }
        out.push_str(rest);
        out
    }
}

/// Yields `events` with `sentinels` inserted before the given positions.
struct Interleave<'a, S: Iterator<Item = (usize, Event<'a>)>> {
    events: std::iter::Enumerate<std::vec::IntoIter<Event<'a>>>,
    sentinels: std::iter::Peekable<S>,
    pending: Option<(usize, Event<'a>)>,
}

impl<'a, S: Iterator<Item = (usize, Event<'a>)>> Interleave<'a, S> {
    fn new(events: Vec<Event<'a>>, sentinels: S) -> Self {
        Interleave {
            events: events.into_iter().enumerate(),
            sentinels: sentinels.peekable(),
            pending: None,
        }
    }
}

impl<'a, S: Iterator<Item = (usize, Event<'a>)>> Iterator for Interleave<'a, S> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if self.pending.is_none() {
            self.pending = self.events.next();
        }
        let at = self.pending.as_ref().map(|(i, _)| *i).unwrap_or(usize::MAX);
        if self.sentinels.peek().is_some_and(|(pos, _)| *pos <= at) {
            return self.sentinels.next().map(|(_, e)| e);
        }
        self.pending.take().map(|(_, e)| e)
    }
}

/// Adds IAL attributes after the tag name of the start tag following each marker.
fn insert_attrs(html: &str, attrs: &[String]) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    let mut pending: Vec<&str> = Vec::new();
    while let Some(start) = rest.find(IAL_START) {
        let (before, after) = rest.split_at(start);
        out_push_with(&mut out, before, &mut pending);
        let after = &after[IAL_START.len_utf8()..];
        let Some(end) = after.find(IAL_END) else {
            rest = after;
            continue;
        };
        if let Some(a) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|k| attrs.get(k))
        {
            pending.push(a);
        }
        rest = &after[end + IAL_END.len_utf8()..];
    }
    out_push_with(&mut out, rest, &mut pending);
    out
}

/// Copies `text`, putting `pending` attributes into its first start tag.
fn out_push_with(out: &mut String, text: &str, pending: &mut Vec<&str>) {
    if pending.is_empty() {
        out.push_str(text);
        return;
    }
    let tag = text.char_indices().find(|&(i, c)| {
        c == '<'
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic())
    });
    let Some((lt, _)) = tag else {
        out.push_str(text);
        return;
    };
    let name_len = text[lt + 1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let split = lt + 1 + name_len;
    out.push_str(&text[..split]);
    for a in pending.drain(..) {
        out.push_str(a);
    }
    out.push_str(&text[split..]);
}

/// Sanitizes each unit between markers; everything else is already safe.
fn sanitize_units(html: &str, cleaner: &ammonia::Builder<'_>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(UNIT_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + UNIT_START.len_utf8()..];
        let (unit, next) = match after.find(UNIT_END) {
            Some(end) => (&after[..end], &after[end + UNIT_END.len_utf8()..]),
            None => (after, ""),
        };
        out.push_str(&cleaner.clean(unit).to_string());
        rest = next;
    }
    out.push_str(rest);
    out
}
