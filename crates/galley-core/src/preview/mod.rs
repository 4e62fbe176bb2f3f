//! The one place that owns Galley's Markdown dialect and turns a page body into
//! safe preview HTML.
//!
//! The preview, the CLI's `render` and the tests all go through [`render`] (or
//! [`render_page`] when the caller knows the page's site), so what an editor sees
//! is what the tests check. The output is sanitized here (in Rust) *and* the UI
//! shows it in a frame where scripts cannot run: two locks, because a page body
//! is content from anyone with push access to the site.
//!
//! How a body becomes HTML, file by file:
//! - [`liquid`]: Jekyll's Liquid, before Markdown (as Jekyll does it): `{{ site.x }}`
//!   and `{{ page.x }}` resolved, `{% include %}` expanded, everything else a chip.
//! - [`ids`] and [`ial`]: kramdown's automatic heading ids and `{: .class}` lists.
//! - [`urls`]: which link and image addresses are allowed, and where they point.
//! - [`sanitize`]: the allowlist for raw HTML, applied only where raw HTML is.
//! - `events`: the event pass that puts it together, one top-level block at a
//!   time, and cuts the output into [`PreviewBlock`]s with their source lines.
//! - [`stylesheet`]: the site's own CSS, compiled from SCSS when needed.
//!
//! What is *not* here: reading pages or the site config from disk (the caller
//! passes values in; see [`PageContext`]), and showing the HTML (the UI's job).

mod events;
pub mod ial;
pub mod ids;
pub mod liquid;
pub mod sanitize;
pub mod session;
pub mod stylesheet;
pub mod urls;

pub use ids::{heading_level_number, kramdown_id};
pub use liquid::{IncludeSource, SiteIncludes, TemplateDialect};
pub use session::{PreviewSession, SessionUpdate, TextEdit};
pub use stylesheet::{site_stylesheet, site_stylesheet_result, StylesheetError};

use crate::frontmatter::Value;
use pulldown_cmark::Options;

/// How a preview is rendered for its audience (the app or the CLI).
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Prefix for site image URLs (`/assets/x.png`, and page-relative ones when
    /// [`PageContext::page_dir`] is known), so the app can serve them from the
    /// opened site through its own protocol. `None` keeps them as written (the CLI).
    pub asset_url_prefix: Option<String>,
}

/// What the caller knows about the page being previewed.
///
/// Kept apart from [`RenderOptions`] so that code building `RenderOptions` with a
/// struct literal keeps compiling; everything here is optional, and
/// `PageContext::default()` renders like a page of an unknown Jekyll site (Liquid
/// shown as chips, relative images left as written).
#[derive(Default, Clone, Copy)]
pub struct PageContext<'a> {
    /// The site-relative folder of the page (`about`, `_posts`; empty for the
    /// root), for page-relative images (page bundles) and site links.
    pub page_dir: Option<&'a str>,
    /// The site config's values (`_config.yml` read with `site::read_yaml_file`),
    /// for `{{ site.x }}`. See [`liquid::read_site_config`].
    pub site: Option<&'a Value>,
    /// The page's own front matter (ideally with the config's `defaults`
    /// applied: `Site::effective_fields`), for `{{ page.x }}`.
    pub page: Option<&'a Value>,
    /// Where `{% include name %}` finds its files ([`SiteIncludes`] for a site).
    pub includes: Option<&'a dyn IncludeSource>,
    /// Which template language the site's generator uses in page bodies.
    pub dialect: TemplateDialect,
}

impl std::fmt::Debug for PageContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageContext")
            .field("page_dir", &self.page_dir)
            .field("site", &self.site.is_some())
            .field("page", &self.page.is_some())
            .field("includes", &self.includes.is_some())
            .field("dialect", &self.dialect)
            .finish()
    }
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

/// Renders a Markdown body to sanitized HTML, knowing nothing about its site.
pub fn render(markdown: &str, options: &RenderOptions) -> String {
    render_page(markdown, options, &PageContext::default())
}

/// Renders a page body to sanitized HTML with what the caller knows of its site:
/// Liquid values and includes, page-relative images, links to other pages.
pub fn render_page(markdown: &str, options: &RenderOptions, context: &PageContext<'_>) -> String {
    let expanded = liquid::expand(markdown, context);
    events::render_expanded(
        &expanded,
        options,
        context,
        events::Sanitizing::WhereNeeded,
        false,
    )
    .html
}

/// One piece of a rendered page that stands on its own: one or more top-level
/// blocks (more when raw HTML opens an element in one block that a later one
/// closes), with the lines of the body they were written on.
///
/// The live preview puts pieces into the page one by one and replaces only
/// those whose HTML changed, so a keystroke touches one piece of the preview;
/// the lines let the editor and the preview scroll together.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PreviewBlock {
    /// Sanitized HTML, as [`render_page`] would give for these blocks.
    pub html: String,
    /// The first line of the body the blocks come from (1-based).
    pub first_line: u32,
    /// The last line of the body the blocks come from (1-based, inclusive).
    pub last_line: u32,
    /// A hash of `html` (53 bits, so JavaScript holds it exactly): the preview
    /// tells which blocks it shows by these, see [`preview_update`].
    pub key: u64,
}

/// What the preview needs to go from the blocks it shows to a new render:
/// how many blocks at the start and the end stay, the blocks between them, and
/// every block's lines (blocks after an edit keep their HTML but move).
///
/// A keystroke changes one block of a long page, so this is a few hundred
/// bytes where the whole page would be hundreds of kilobytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PreviewUpdate {
    /// Blocks kept from the start of the shown list.
    pub keep_start: usize,
    /// Blocks kept from the end of the shown list.
    pub keep_end: usize,
    /// The new blocks between them.
    pub blocks: Vec<PreviewBlock>,
    /// First and last line of every block of the new render, in order.
    pub lines: Vec<u32>,
}

/// The update from blocks whose keys are `known` (what the preview shows) to
/// `blocks` (a new render): blocks are kept by key from both ends.
pub fn preview_update(known: &[u64], blocks: Vec<PreviewBlock>) -> PreviewUpdate {
    let shortest = known.len().min(blocks.len());
    let keep_start = known
        .iter()
        .zip(&blocks)
        .take_while(|(k, b)| **k == b.key)
        .count();
    let keep_end = known
        .iter()
        .rev()
        .zip(blocks.iter().rev())
        .take(shortest - keep_start)
        .take_while(|(k, b)| **k == b.key)
        .count();
    let lines = blocks
        .iter()
        .flat_map(|b| [b.first_line, b.last_line])
        .collect();
    let end = blocks.len() - keep_end;
    let blocks = blocks
        .into_iter()
        .skip(keep_start)
        .take(end - keep_start)
        .collect();
    PreviewUpdate {
        keep_start,
        keep_end,
        blocks,
        lines,
    }
}

/// A block's key: its HTML hashed (SipHash with fixed keys, the same in every
/// run), cut to 53 bits.
fn block_key(html: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    html.hash(&mut hasher);
    hasher.finish() & ((1 << 53) - 1)
}

/// Renders a page body like [`render_page`], cut into [`PreviewBlock`]s.
/// Joined, the blocks' HTML is [`render_page`]'s output.
pub fn render_blocks(
    markdown: &str,
    options: &RenderOptions,
    context: &PageContext<'_>,
) -> Vec<PreviewBlock> {
    let expanded = liquid::expand(markdown, context);
    let rendered = events::render_expanded(
        &expanded,
        options,
        context,
        events::Sanitizing::WhereNeeded,
        true,
    );
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| -> u32 {
        let line = line_starts.partition_point(|start| *start <= offset);
        u32::try_from(line.max(1)).unwrap_or(u32::MAX)
    };
    let mut pieces = rendered.html.split(events::CHUNK_END);
    let mut blocks: Vec<PreviewBlock> = pieces
        .by_ref()
        .zip(rendered.chunks)
        .map(|(html, range)| {
            // Blank lines a list or block swallowed at its end are not its lines.
            let written = expanded
                .text
                .get(range.clone())
                .map_or(0, |t| t.trim_end().len());
            let first = expanded.original_offset(range.start);
            let last = expanded
                .original_offset(range.start + written.saturating_sub(1))
                .max(first);
            PreviewBlock {
                html: html.to_owned(),
                first_line: line_of(first),
                last_line: line_of(last),
                key: 0,
            }
        })
        .collect();
    // Nothing follows the last chunk today; if the writer ever adds something
    // (a footnote list), it belongs to the last block rather than being lost.
    let rest: String = pieces.collect();
    if let (false, Some(last)) = (rest.is_empty(), blocks.last_mut()) {
        last.html.push_str(&rest);
    }
    for block in &mut blocks {
        block.key = block_key(&block.html);
    }
    blocks
}

/// The same page through the slow, obviously-safe path: the whole output goes
/// through the sanitizer. Kept public for the differential tests and benches
/// that prove [`render_page`]'s fast path equivalent; the app has no use for it.
#[doc(hidden)]
pub fn render_page_fully_sanitized(
    markdown: &str,
    options: &RenderOptions,
    context: &PageContext<'_>,
) -> String {
    let expanded = liquid::expand(markdown, context);
    events::render_expanded(
        &expanded,
        options,
        context,
        events::Sanitizing::WholeOutput,
        false,
    )
    .html
}

/// The page as the preview rendered it before raw HTML had a fast path: every
/// raw piece through html5ever's tokenizer. For the tests that hold the fast
/// path to that output.
#[cfg(test)]
pub(crate) fn render_page_tokenizer_only(
    markdown: &str,
    options: &RenderOptions,
    context: &PageContext<'_>,
) -> String {
    let expanded = liquid::expand(markdown, context);
    events::render_expanded(
        &expanded,
        options,
        context,
        events::Sanitizing::TokenizerOnly,
        false,
    )
    .html
}

/// The reference sanitizer (ammonia with the preview's allowlist) over any
/// HTML. For the differential tests that check the fast path keeps nothing the
/// reference would remove; the app has no use for it.
#[doc(hidden)]
pub fn sanitize_with_reference(
    html: &str,
    options: &RenderOptions,
    context: &PageContext<'_>,
) -> String {
    let policy = sanitize::UrlPolicy {
        prefix: options.asset_url_prefix.clone(),
        page_dir: context.page_dir.map(str::to_owned),
        baseurl: String::new(),
    };
    let scheme = options
        .asset_url_prefix
        .as_deref()
        .and_then(|p| p.split_once("://"))
        .map(|(s, _)| s);
    sanitize::builder(policy, scheme).clean(html).to_string()
}
