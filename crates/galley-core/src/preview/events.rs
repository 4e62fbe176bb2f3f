//! The event pass: Markdown events in, HTML out, with Galley's additions (IALs,
//! chips, link targets, image addresses) and raw HTML cleaned where it is.
//!
//! Events stream from the parser one top-level block at a time into
//! pulldown-cmark's HTML writer, so a page is never held as one big list of
//! events (only pages with IALs are, because an IAL can point at the block
//! before it). Each block's raw HTML pieces are joined and cleaned
//! ([`Cleaner`]); everything else pulldown-cmark writes is safe once link and
//! image addresses are checked.
//!
//! Blocks are grouped into *chunks* that stand on their own: a chunk ends after
//! a block when no element opened by raw HTML is still open, so each chunk's
//! HTML can be put into the preview by itself. A chunk marker (`E004` and a
//! newline) ends each chunk in the output when the caller asks for chunks.
//!
//! Galley's own markup is put in place through private-use marker characters
//! (dropped from page text beforehand, so a page cannot forge them): `E002 n
//! E003` before a start tag adds IAL attributes number `n`.

use super::ial::{self, allowed_attribute};
use super::ids::add_heading_ids;
use super::liquid::{has_placeholder, Expanded, Piece, PH_START};
use super::sanitize::{builder, Cleaner, UrlPolicy};
use super::urls::{image_source, link_target, LinkTarget};
use super::{markdown_options, PageContext, RenderOptions};
use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

const IAL_START: char = '\u{E002}';
const IAL_END: char = '\u{E003}';
/// Ends a chunk in the output (followed by a newline, so the HTML writer's
/// idea of "at the start of a line" is not disturbed by it).
pub(crate) const CHUNK_END: &str = "\u{E004}\n";

/// How raw HTML is made safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sanitizing {
    /// Raw HTML pieces cleaned on the event stream (the preview's path).
    WhereNeeded,
    /// Raw HTML left as written and ammonia run over the whole output (the
    /// reference the fast path is tested against).
    WholeOutput,
    /// As `WhereNeeded`, every raw piece through html5ever's tokenizer (the
    /// cleaner's fast path off): what the preview wrote before that fast path.
    #[cfg(test)]
    TokenizerOnly,
}

/// A page's HTML and, when chunks were asked for, where each chunk came from.
pub(crate) struct Rendered {
    /// The HTML; with chunks, each chunk followed by [`CHUNK_END`].
    pub(crate) html: String,
    /// Each chunk's range in the expanded text, in order.
    pub(crate) chunks: Vec<Range<usize>>,
}

/// Renders a body whose Liquid is already handled.
pub(crate) fn render_expanded(
    expanded: &Expanded<'_>,
    options: &RenderOptions,
    context: &PageContext<'_>,
    mode: Sanitizing,
    with_chunks: bool,
) -> Rendered {
    let source: &str = &expanded.text;
    let baseurl = context
        .site
        .and_then(|s| s.get_key("baseurl"))
        .map(|v| v.display_text())
        .unwrap_or_default();
    let policy = UrlPolicy {
        prefix: options.asset_url_prefix.clone(),
        page_dir: context.page_dir.map(str::to_owned),
        baseurl: baseurl.clone(),
    };
    let pass = Pass {
        expanded,
        options,
        context,
        baseurl: &baseurl,
        mode,
        cleaner: Cleaner::new(policy.clone()),
        in_image: 0,
        used_ids: HashMap::new(),
        pending_raw: String::new(),
        ready: VecDeque::new(),
        // Placeholders are put in by Liquid (their first byte, 0xEE, is then in
        // the text); the only other way to a U+E000 in an event is a numeric
        // character reference (`&#xE000;`), which the pass treats as before.
        placeholders: source.as_bytes().contains(&0xEE) || source.contains("&#"),
    };
    // Pages come out 1.5–1.7 times their size (tags, escapes, site image
    // addresses): reserving twice avoids growing a page-sized buffer at its end,
    // which on a 1 MB page costs more than the copy (a 3 MB block taken from
    // the system and given back on every render).
    let mut html = String::with_capacity(source.len() * 2 + 64);
    let (chunks, ial_attrs) = if super::liquid::has_brace_then(source, b":") {
        let (mut events, ranges) = collect(source);
        let edits = ial::apply(&mut events, &ranges, source);
        let mut ial_attrs = Vec::new();
        let mut marked = Vec::with_capacity(events.len() + 16);
        for (i, (event, range)) in events.into_iter().zip(ranges).enumerate() {
            if edits.removed[i] {
                continue;
            }
            if let Some(attrs) = edits.attrs.get(&i) {
                let attrs = attrs.to_html();
                if !attrs.is_empty() {
                    let marker = format!("{IAL_START}{}{IAL_END}", ial_attrs.len());
                    ial_attrs.push(attrs);
                    marked.push((Event::Html(CowStr::from(marker)), range.clone()));
                }
            }
            marked.push((event, range));
        }
        let mut blocks = Blocks::new(marked.into_iter(), pass, with_chunks);
        pulldown_cmark::html::push_html(&mut html, blocks.by_ref());
        (blocks.chunks, ial_attrs)
    } else {
        let parser = Parser::new_ext(source, markdown_options()).into_offset_iter();
        let mut blocks = Blocks::new(parser, pass, with_chunks);
        pulldown_cmark::html::push_html(&mut html, blocks.by_ref());
        (blocks.chunks, Vec::new())
    };
    if !ial_attrs.is_empty() {
        html = insert_attrs(&html, &ial_attrs);
    }
    if mode == Sanitizing::WholeOutput {
        let scheme = options
            .asset_url_prefix
            .as_deref()
            .and_then(|p| p.split_once("://"))
            .map(|(s, _)| s);
        html = builder(policy, scheme).clean(&html).to_string();
    }
    Rendered { html, chunks }
}

/// Parses with source offsets, adjacent text joined so an IAL is one event.
fn collect(source: &str) -> (Vec<Event<'_>>, Vec<Range<usize>>) {
    let mut events: Vec<Event<'_>> = Vec::with_capacity(source.len() / 16);
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(source.len() / 16);
    for (event, range) in Parser::new_ext(source, markdown_options()).into_offset_iter() {
        if let (Event::Text(next), Some(Event::Text(prev)), Some(last)) =
            (&event, events.last_mut(), ranges.last_mut())
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

fn is_ial_marker(event: &Event<'_>) -> bool {
    matches!(event, Event::Html(s) if s.starts_with(IAL_START))
}

/// The events of a page, one top-level block at a time, turned into what the
/// HTML writer should write.
struct Blocks<'e, 'a, I> {
    source: I,
    pass: Pass<'e, 'a>,
    with_chunks: bool,
    /// The current top-level block's events.
    block: Vec<Event<'a>>,
    /// Where the current chunk began in the expanded text.
    chunk_start: Option<usize>,
    chunk_end: usize,
    chunks: Vec<Range<usize>>,
    done: bool,
}

impl<'e, 'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Blocks<'e, 'a, I> {
    fn new(source: I, pass: Pass<'e, 'a>, with_chunks: bool) -> Self {
        Blocks {
            source,
            pass,
            with_chunks,
            block: Vec::with_capacity(64),
            chunk_start: None,
            chunk_end: 0,
            chunks: Vec::new(),
            done: false,
        }
    }

    /// Reads the next top-level block and turns it into ready events.
    ///
    /// Events go straight to the pass until a heading without an id starts:
    /// from there on the block is held (its id is made from its text, which
    /// comes after it) and passed on at its end.
    fn next_block(&mut self) {
        let mut depth = 0usize;
        let mut range: Option<Range<usize>> = None;
        for (event, r) in self.source.by_ref() {
            let marker = is_ial_marker(&event);
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            range = Some(match range {
                Some(k) => k.start.min(r.start)..k.end.max(r.end),
                None => r,
            });
            let last = depth == 0 && !marker;
            if self.block.is_empty()
                && !matches!(event, Event::Start(Tag::Heading { id: None, .. }))
            {
                self.pass.event(event);
            } else {
                self.block.push(event);
            }
            if last {
                break;
            }
        }
        let Some(range) = range else {
            self.done = true;
            if let Some(start) = self.chunk_start.take() {
                self.end_chunk(start);
            }
            return;
        };
        if !self.block.is_empty() {
            add_heading_ids(&mut self.block, &mut self.pass.used_ids);
            for event in self.block.drain(..) {
                self.pass.event(event);
            }
        }
        self.pass.flush_raw();
        self.pass.cleaner.end_block();
        let start = *self.chunk_start.get_or_insert(range.start);
        self.chunk_end = self.chunk_end.max(range.end);
        if self.pass.cleaner.is_balanced() {
            self.chunk_start = None;
            self.end_chunk(start);
        }
    }

    fn end_chunk(&mut self, start: usize) {
        if self.with_chunks {
            self.chunks.push(start..self.chunk_end.max(start));
            self.pass
                .ready
                .push_back(Event::Html(CowStr::Borrowed(CHUNK_END)));
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Blocks<'_, 'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.pass.ready.pop_front() {
                return Some(event);
            }
            if self.done {
                return None;
            }
            self.next_block();
        }
    }
}

struct Pass<'e, 'a> {
    expanded: &'e Expanded<'a>,
    options: &'e RenderOptions,
    context: &'e PageContext<'e>,
    baseurl: &'e str,
    mode: Sanitizing,
    cleaner: Cleaner,
    in_image: usize,
    used_ids: HashMap<String, usize>,
    /// Consecutive raw HTML pieces, cleaned together so a tag split over
    /// several of them is read whole.
    pending_raw: String,
    ready: VecDeque<Event<'a>>,
    /// Whether any event of the page can hold a chip placeholder (when not,
    /// the per-event search for one is skipped).
    placeholders: bool,
}

impl<'a> Pass<'_, 'a> {
    fn push(&mut self, event: Event<'a>) {
        self.flush_raw();
        self.ready.push_back(event);
    }

    /// Cleans the raw HTML collected so far and queues it. (Called for every
    /// event; inlined so that the usual case, nothing collected, is one test.)
    #[inline]
    fn flush_raw(&mut self) {
        if !self.pending_raw.is_empty() {
            self.clean_pending_raw();
        }
    }

    fn clean_pending_raw(&mut self) {
        let raw = &self.pending_raw;
        let html = match self.mode {
            Sanitizing::WholeOutput => raw.clone(),
            Sanitizing::WhereNeeded => {
                let mut clean = String::with_capacity(raw.len() + 32);
                self.cleaner.clean_into(raw, &mut clean);
                clean
            }
            #[cfg(test)]
            Sanitizing::TokenizerOnly => {
                let mut clean = String::with_capacity(raw.len() + 32);
                self.cleaner.clean_with_tokenizer(raw, &mut clean);
                clean
            }
        };
        // Cleared rather than taken: the next block's raw HTML reuses its memory.
        self.pending_raw.clear();
        self.ready.push_back(Event::Html(CowStr::from(html)));
    }

    fn event(&mut self, event: Event<'a>) {
        let raw = matches!(event, Event::Html(_) | Event::InlineHtml(_))
            && !is_ial_marker(&event)
            && self.in_image == 0;
        if !raw {
            // Cleaning the raw HTML before this event tells whether it is inside
            // an inline `<script>`…`</script>`, whose text is not shown.
            self.flush_raw();
            let text = matches!(
                event,
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak
            );
            if text && self.cleaner.is_dropping() {
                return;
            }
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => {
                if end == TagEnd::Image {
                    self.in_image = self.in_image.saturating_sub(1);
                }
                self.push(Event::End(end));
            }
            Event::Text(text) if self.placeholders && has_placeholder(&text) => {
                self.text_with_chips(&text)
            }
            Event::Code(code)
                if self.placeholders && has_placeholder(&code) && self.in_image == 0 =>
            {
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
                self.push(Event::Html(CowStr::from(html)));
            }
            marker @ Event::Html(_) if is_ial_marker(&marker) => self.push(marker),
            Event::Html(raw) | Event::InlineHtml(raw) if self.in_image == 0 => {
                self.fill_raw(&raw);
            }
            other => self.push(other),
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
                let dest = self.expanded.fill(&dest_url, |c| &c.source);
                let href = if link_type == LinkType::Email {
                    std::borrow::Cow::Owned(format!("mailto:{dest}"))
                } else {
                    dest
                };
                let target = link_target(&href, self.baseurl);
                let mut html = String::with_capacity(href.len() + title.len() + 64);
                html.push_str("<a");
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
                self.push(Event::Html(CowStr::from(html)));
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
                let title = CowStr::from(self.expanded.fill(&title, |c| &c.source).into_owned());
                self.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(src),
                    title,
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
                self.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            other => self.push(Event::Start(other)),
        }
    }

    /// Text with chip placeholders: chips as markup, or as their source inside
    /// an image's alt text (which is an attribute).
    fn text_with_chips(&mut self, text: &str) {
        if self.in_image > 0 {
            let filled = self.expanded.fill(text, |c| &c.source).into_owned();
            self.push(Event::Text(CowStr::from(filled)));
            return;
        }
        let mut rest = text;
        while let Some(start) = rest.find(PH_START) {
            if start > 0 {
                self.push(Event::Text(CowStr::from(rest[..start].to_owned())));
            }
            let Some(len) = rest[start..].find(super::liquid::PH_END) else {
                rest = &rest[start + PH_START.len_utf8()..];
                continue;
            };
            let piece = &rest[start..start + len + super::liquid::PH_END.len_utf8()];
            let html = self.expanded.fill(piece, |c| &c.html).into_owned();
            self.push(Event::Html(CowStr::from(html)));
            rest = &rest[start + piece.len()..];
        }
        if !rest.is_empty() {
            self.push(Event::Text(CowStr::from(rest.to_owned())));
        }
    }

    /// Adds a raw HTML piece to the pending ones, its chip placeholders filled:
    /// markup between tags, the Liquid source inside a tag (an attribute value
    /// cannot hold markup). Chips' markup is cleaned with the rest, harmlessly.
    fn fill_raw(&mut self, raw: &str) {
        if !self.placeholders || !has_placeholder(raw) {
            self.pending_raw.push_str(raw);
            return;
        }
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
            self.pending_raw.push_str(before);
            let Some(len) = rest[start..].find(super::liquid::PH_END) else {
                rest = &rest[start + PH_START.len_utf8()..];
                continue;
            };
            let piece = &rest[start..start + len + super::liquid::PH_END.len_utf8()];
            let filled = if in_tag {
                self.expanded.fill(piece, |c| &c.source)
            } else {
                self.expanded.fill(piece, |c| &c.html)
            };
            self.pending_raw.push_str(&filled);
            rest = &rest[start + piece.len()..];
        }
        self.pending_raw.push_str(rest);
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
