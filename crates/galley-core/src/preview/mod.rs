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
//! - [`stylesheet`]: the site's own CSS, compiled from SCSS when needed.
//!
//! What is *not* here: reading pages or the site config from disk (the caller
//! passes values in; see [`PageContext`]), and showing the HTML (the UI's job).

mod events;
pub mod ial;
pub mod ids;
pub mod liquid;
pub mod sanitize;
pub mod stylesheet;
pub mod urls;

pub use ids::{heading_level_number, kramdown_id};
pub use liquid::{IncludeSource, SiteIncludes, TemplateDialect};
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
    events::render_expanded(&expanded, options, context, events::Sanitizing::WhereNeeded)
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
    events::render_expanded(&expanded, options, context, events::Sanitizing::WholeOutput)
}
