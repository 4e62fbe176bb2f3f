//! Which page of the site a link in a page body leads to, so the preview can
//! open that page in Galley instead of navigating away.
//!
//! Jekyll builds URLs from a page's own `permalink`, its collection's pattern,
//! or its path (`about/index.md` → `/about/`). This is not a build: it
//! compares normalised URLs, which covers the links editors write.

use super::Site;
use crate::frontmatter::Value;

/// `/about/engagements/` and `/about/engagements/index.html` and
/// `/about/engagements.html` all compare as `about/engagements`.
fn normalise(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let mut url = url.trim().trim_matches('/').to_owned();
    for suffix in [
        "/index.html",
        "index.html",
        ".html",
        "/index.md",
        ".md",
        ".markdown",
    ] {
        if let Some(stripped) = url.strip_suffix(suffix) {
            url = stripped.trim_end_matches('/').to_owned();
            break;
        }
    }
    url
}

/// The page path without its extension.
fn stem(rel: &str) -> &str {
    rel.rsplit_once('.').map_or(rel, |(s, _)| s)
}

/// The text of a front matter value that names something (`slug`, `date`).
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) | Value::Date(s) | Value::DateTime(s) if !s.trim().is_empty() => {
            Some(s.trim().to_owned())
        }
        Value::Int(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `2024-05-14` (or the start of a date-time) as year, month, day.
fn ymd(date: &str) -> Option<(&str, &str, &str)> {
    let b = date.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    (digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    .then(|| (&date[0..4], &date[5..7], &date[8..10]))
}

/// What Jekyll adds after a default pattern for the site's `permalink` style:
/// `/` for `pretty` (or a pattern ending in `/`), `:output_ext` otherwise.
fn style_suffix(style: Option<&str>) -> &'static str {
    match style {
        Some("pretty") => "/",
        Some(s) if s.ends_with('/') => "/",
        _ => ":output_ext",
    }
}

/// Jekyll's named permalink styles for posts.
fn post_pattern(style: Option<&str>) -> String {
    match style.unwrap_or("date") {
        "date" => "/:categories/:year/:month/:day/:title:output_ext".to_owned(),
        "pretty" => "/:categories/:year/:month/:day/:title/".to_owned(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".to_owned(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".to_owned(),
        "none" => "/:categories/:title:output_ext".to_owned(),
        custom => custom.to_owned(),
    }
}

/// `a//b/` → `/a/b/`: one leading slash, no doubled ones.
fn tidy(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 1);
    for part in url.split('/').filter(|p| !p.is_empty()) {
        out.push('/');
        out.push_str(part);
    }
    if url.ends_with('/') || out.is_empty() {
        out.push('/');
    }
    out
}

impl Site {
    /// The address page `index` is published at, from the site root (without the
    /// `baseurl`): its own `permalink`, its collection's pattern, the site's
    /// permalink style, or its path — as Jekyll or Hugo builds it. Liquid in a
    /// permalink and Hugo's `permalinks` setting are not evaluated.
    fn url_path(&self, index: usize) -> Option<String> {
        let page = self.pages.get(index)?;
        let fields = self.fields(&page.path);
        let field = |key: &str| text_of(fields.and_then(|f| f.get_key(key)));
        match self.generator {
            super::Generator::Hugo => {
                Some(self.hugo_url(&page.path, page.kind, field("url"), field("slug")))
            }
            super::Generator::Plain => Some(tidy(&format!("{}/", stem(&page.path)))),
            super::Generator::Jekyll => {
                let file = page.path.rsplit('/').next().unwrap_or(&page.path);
                let collection = self.collections.iter().find(|c| c.id == page.collection);
                let folder = collection.and_then(|c| c.folder.as_deref());
                let style = self.config.permalink.as_deref();
                let inside = folder
                    .and_then(|f| page.path.strip_prefix(f))
                    .unwrap_or(&page.path)
                    .trim_start_matches('/');
                let name = stem(file);
                let dated = crate::browse::date_prefix(file);
                let title_slug = dated.map_or(name, |p| &name[p.len()..]);
                let pattern = match field("permalink") {
                    Some(own) => own,
                    None if page.collection == "pages" || folder.is_none() => {
                        let dir = page.path.rsplit_once('/').map_or("", |(d, _)| d);
                        return Some(if name == "index" {
                            tidy(&format!("/{dir}/"))
                        } else {
                            let suffix = style_suffix(style).replace(":output_ext", ".html");
                            tidy(&format!("/{dir}/{name}{suffix}"))
                        });
                    }
                    None => match collection.and_then(|c| c.permalink.clone()) {
                        Some(pattern) => pattern,
                        None if page.collection == "posts" => post_pattern(style),
                        None => format!("/:collection/:path{}", style_suffix(style)),
                    },
                };
                let date =
                    field("date").or_else(|| dated.map(|d| d.trim_end_matches('-').to_owned()));
                let (year, month, day) = date.as_deref().and_then(ymd).unwrap_or(("", "", ""));
                let mut categories: Vec<String> = Vec::new();
                for key in ["categories", "category"] {
                    match fields.and_then(|f| f.get_key(key)) {
                        Some(Value::List(items)) => {
                            categories.extend(items.iter().filter_map(|i| text_of(Some(i))))
                        }
                        Some(Value::String(s)) => {
                            categories.extend(s.split_whitespace().map(str::to_owned))
                        }
                        _ => {}
                    }
                }
                let categories = categories
                    .iter()
                    .map(|c| c.to_lowercase())
                    .collect::<Vec<_>>()
                    .join("/");
                let slug = field("slug").unwrap_or_else(|| title_slug.to_owned());
                // Longer placeholders first, so `:title` never eats into `:titles`.
                let url = pattern
                    .replace(":collection", &page.collection)
                    .replace(":categories", &categories)
                    .replace(":output_ext", ".html")
                    .replace(":short_year", year.get(2..).unwrap_or(""))
                    .replace(":year", year)
                    .replace(":i_month", month.trim_start_matches('0'))
                    .replace(":month", month)
                    .replace(":i_day", day.trim_start_matches('0'))
                    .replace(":day", day)
                    .replace(":path", stem(inside))
                    .replace(":name", name)
                    .replace(":title", &slug)
                    .replace(":slug", &slug);
                Some(tidy(&url))
            }
        }
    }

    /// Hugo: `url` as given; otherwise the path under the content folder, with a
    /// bundle's or section's folder as the page and `slug` for the last part,
    /// lower-cased as Hugo does by default.
    fn hugo_url(
        &self,
        rel: &str,
        kind: super::PageKind,
        url: Option<String>,
        slug: Option<String>,
    ) -> String {
        if let Some(url) = url {
            return tidy(&url);
        }
        let inside = rel
            .strip_prefix(self.config.content_dir.as_str())
            .map_or(rel, |r| r.trim_start_matches('/'));
        let mut parts: Vec<String> = stem(inside).split('/').map(str::to_owned).collect();
        if kind != super::PageKind::Page {
            parts.pop();
        }
        if let (Some(slug), true) = (slug, kind != super::PageKind::Section) {
            match parts.last_mut() {
                Some(last) => *last = slug,
                None => parts.push(slug),
            }
        }
        tidy(&format!("{}/", parts.join("/").to_lowercase()))
    }

    /// The address the page at `rel` is published at, as a link in another page
    /// of the site would be written: `/about/engagements/aida/`, with the
    /// site's `baseurl` in front. `None` when `rel` is not a page of the site.
    pub fn public_url(&self, rel: &str) -> Option<String> {
        let path = self.url_path(self.page_index(rel)?)?;
        let base = self.config.baseurl.trim_matches('/');
        Some(if base.is_empty() {
            path
        } else {
            format!("/{base}{path}")
        })
    }

    /// The page a link written in page `from` opens, if it is one of this
    /// site's pages. External links and links to files are `None`.
    pub fn page_for_link(&self, from: &str, link: &str) -> Option<String> {
        let link = link.trim();
        if link.is_empty()
            || link.starts_with('#')
            || link.contains("://")
            || link.starts_with("//")
            || link.contains(':')
        {
            return None;
        }
        let absolute = if let Some(abs) = link.strip_prefix('/') {
            let base = self.config.baseurl.trim_matches('/');
            let abs = if base.is_empty() {
                abs
            } else {
                abs.strip_prefix(base).unwrap_or(abs)
            };
            abs.to_owned()
        } else {
            let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for part in link.split('/') {
                match part {
                    "" | "." => {}
                    ".." => {
                        parts.pop()?;
                    }
                    other => parts.push(other),
                }
            }
            parts.join("/")
        };
        let wanted = normalise(&absolute);
        // A link straight to the page's file (`_posts/x.md`) also counts.
        if let Some(page) = self.pages.iter().find(|p| normalise(&p.path) == wanted) {
            return Some(page.path.clone());
        }
        (0..self.pages.len())
            .find(|&i| {
                self.url_path(i)
                    .is_some_and(|url| normalise(&url) == wanted)
            })
            .map(|i| self.pages[i].path.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &std::path::Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn links_lead_to_pages() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "_config.yml",
            "baseurl: /hub\ncollections:\n  engagements:\n    output: true\n    permalink: /about/engagements/:path/\n",
        );
        write(root, "_engagements/aida.md", "---\ntitle: AIDA\n---\n");
        write(root, "datasets/index.md", "---\ntitle: Datasets\n---\n");
        write(
            root,
            "about/engagements.md",
            "---\ntitle: All\npermalink: /about/all-engagements/\n---\n",
        );
        write(root, "news/2024/a.md", "---\ntitle: A\n---\n");
        write(root, "news/2024/b.md", "---\ntitle: B\n---\n");
        let site = Site::open(root).expect("open");
        let from = "_engagements/aida.md";
        assert_eq!(
            site.page_for_link(from, "/datasets/").as_deref(),
            Some("datasets/index.md")
        );
        assert_eq!(
            site.page_for_link(from, "/hub/datasets/#top").as_deref(),
            Some("datasets/index.md")
        );
        assert_eq!(
            site.page_for_link(from, "/about/engagements/aida/")
                .as_deref(),
            Some(from)
        );
        assert_eq!(
            site.page_for_link(from, "/about/all-engagements/")
                .as_deref(),
            Some("about/engagements.md")
        );
        assert_eq!(
            site.page_for_link("news/2024/a.md", "b.html").as_deref(),
            Some("news/2024/b.md")
        );
        assert_eq!(
            site.page_for_link("news/2024/a.md", "../../datasets/")
                .as_deref(),
            Some("datasets/index.md")
        );
        assert_eq!(site.page_for_link(from, "https://example.org/"), None);
        assert_eq!(site.page_for_link(from, "mailto:a@b.se"), None);
        assert_eq!(site.page_for_link(from, "/nowhere/"), None);
        assert_eq!(site.page_for_link("a.md", "../../../etc/passwd"), None);
    }

    #[test]
    fn jekyll_pages_are_published_at_their_permalinks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "_config.yml",
            "baseurl: /hub/\ncollections:\n  engagements:\n    output: true\n    permalink: /about/engagements/:path/\n  datasets:\n    output: true\n    permalink: \":path\"\n  notes:\n    output: true\n",
        );
        write(root, "_engagements/aida.md", "---\ntitle: AIDA\n---\n");
        write(root, "_datasets/knee.md", "---\ntitle: Knee\n---\n");
        write(root, "_notes/sub/first.md", "---\ntitle: First\n---\n");
        write(root, "index.md", "---\ntitle: Home\n---\n");
        write(root, "about/index.md", "---\ntitle: About\n---\n");
        write(root, "about/team.md", "---\ntitle: Team\n---\n");
        write(
            root,
            "about/engagements.md",
            "---\ntitle: All\npermalink: /about/all-engagements/\n---\n",
        );
        write(
            root,
            "_posts/2024-05-14-knee-mri.md",
            "---\ntitle: Knee MRI\ncategories: [News, imaging]\n---\n",
        );
        write(
            root,
            "_posts/2024-06-01-plain.md",
            "---\ntitle: Plain\nslug: simple\n---\n",
        );
        let site = Site::open(root).expect("open");
        let url = |rel: &str| site.public_url(rel);
        assert_eq!(
            url("_engagements/aida.md").as_deref(),
            Some("/hub/about/engagements/aida/")
        );
        assert_eq!(url("_datasets/knee.md").as_deref(), Some("/hub/knee"));
        assert_eq!(
            url("_notes/sub/first.md").as_deref(),
            Some("/hub/notes/sub/first.html")
        );
        assert_eq!(url("index.md").as_deref(), Some("/hub/"));
        assert_eq!(url("about/index.md").as_deref(), Some("/hub/about/"));
        assert_eq!(
            url("about/team.md").as_deref(),
            Some("/hub/about/team.html")
        );
        assert_eq!(
            url("about/engagements.md").as_deref(),
            Some("/hub/about/all-engagements/")
        );
        assert_eq!(
            url("_posts/2024-05-14-knee-mri.md").as_deref(),
            Some("/hub/news/imaging/2024/05/14/knee-mri.html")
        );
        assert_eq!(
            url("_posts/2024-06-01-plain.md").as_deref(),
            Some("/hub/2024/06/01/simple.html")
        );
        assert_eq!(url("_engagements/none.md"), None);
        // Every published address leads back to its page.
        for page in &site.pages {
            let link = url(&page.path).expect("url");
            assert_eq!(
                site.page_for_link("index.md", &link).as_deref(),
                Some(page.path.as_str()),
                "{link}"
            );
        }
    }

    #[test]
    fn a_pretty_site_drops_the_extensions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "_config.yml",
            "permalink: pretty\ncollections:\n  notes:\n    output: true\n",
        );
        write(root, "_notes/first.md", "---\ntitle: First\n---\n");
        write(root, "about/team.md", "---\ntitle: Team\n---\n");
        write(
            root,
            "_posts/2024-05-14-hello.md",
            "---\ntitle: Hello\ndate: 2024-05-15 10:00:00\n---\n",
        );
        let site = Site::open(root).expect("open");
        assert_eq!(
            site.public_url("_notes/first.md").as_deref(),
            Some("/notes/first/")
        );
        assert_eq!(
            site.public_url("about/team.md").as_deref(),
            Some("/about/team/")
        );
        assert_eq!(
            site.public_url("_posts/2024-05-14-hello.md").as_deref(),
            Some("/2024/05/15/hello/")
        );
    }

    #[test]
    fn hugo_pages_bundles_and_sections() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "hugo.toml", "title = 'x'\n");
        write(root, "content/_index.md", "---\ntitle: Home\n---\n");
        write(root, "content/blog/_index.md", "---\ntitle: Blog\n---\n");
        write(
            root,
            "content/blog/First-Post.md",
            "---\ntitle: First\n---\n",
        );
        write(
            root,
            "content/blog/second.md",
            "---\ntitle: Second\nslug: the-second\n---\n",
        );
        write(
            root,
            "content/blog/trip/index.md",
            "---\ntitle: Trip\n---\n",
        );
        write(
            root,
            "content/about.md",
            "---\ntitle: About\nurl: /who-we-are/\n---\n",
        );
        let site = Site::open(root).expect("open");
        let url = |rel: &str| site.public_url(rel);
        assert_eq!(url("content/_index.md").as_deref(), Some("/"));
        assert_eq!(url("content/blog/_index.md").as_deref(), Some("/blog/"));
        assert_eq!(
            url("content/blog/First-Post.md").as_deref(),
            Some("/blog/first-post/")
        );
        assert_eq!(
            url("content/blog/second.md").as_deref(),
            Some("/blog/the-second/")
        );
        assert_eq!(
            url("content/blog/trip/index.md").as_deref(),
            Some("/blog/trip/")
        );
        assert_eq!(url("content/about.md").as_deref(), Some("/who-we-are/"));
    }
}
