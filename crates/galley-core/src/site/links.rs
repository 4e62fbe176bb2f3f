//! Which page of the site a link in a page body leads to, so the preview can
//! open that page in Galley instead of navigating away.
//!
//! Jekyll builds URLs from a page's own `permalink` (or one its `defaults` give
//! it), its collection's pattern, or its path (`about/index.md` → `/about/`);
//! Hugo from `url`, its `permalinks` rules (see [`super::hugo_permalinks`]), or
//! the path with `slug`. A relative link is read from the page's address, as a
//! browser does. This is not a build: it compares normalised URLs, which covers
//! the links editors write.

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
    /// `baseurl`): its own `permalink` (or its `defaults`'), its collection's
    /// pattern, the site's permalink style, or its path — as Jekyll or Hugo builds
    /// it. Liquid in a permalink is not evaluated.
    fn url_path(&self, index: usize) -> Option<String> {
        let page = self.pages.get(index)?;
        let fields = self.records.get(index)?.fields.as_ref();
        let field = |key: &str| text_of(fields.and_then(|f| f.get_key(key)));
        match self.generator {
            super::Generator::Hugo => Some(self.hugo_url(index)),
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
                let from_defaults = || text_of(self.default_value(index, "permalink"));
                let pattern = match field("permalink").or_else(from_defaults) {
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
                // A page's `:path` is its folder; a document's, its path in the
                // collection without the extension.
                let path = if page.collection == "pages" || folder.is_none() {
                    page.path.rsplit_once('/').map_or("", |(d, _)| d)
                } else {
                    stem(inside)
                };
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
                    .replace(":path", path)
                    .replace(":basename", name)
                    .replace(":name", name)
                    .replace(":title", &slug)
                    .replace(":slug", &slug);
                Some(tidy(&url))
            }
        }
    }

    /// The value Jekyll's `defaults` give page `index` for `key`, if any (the
    /// page's own fields are not looked at): of the matching scopes, a longer path
    /// wins, then one naming a type, then the later entry.
    fn default_value(&self, index: usize, key: &str) -> Option<&Value> {
        let page = self.pages.get(index)?;
        self.config
            .defaults
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.kind.as_deref().is_none_or(|k| k == page.collection)
                    && super::scope_matches(&d.path, &page.path)
            })
            .filter_map(|(i, d)| {
                Some(((d.path.len(), d.kind.is_some(), i), d.values.get_key(key)?))
            })
            .max_by_key(|(rank, _)| *rank)
            .map(|(_, v)| v)
    }

    /// Hugo: `url` as given; else the first `permalinks` rule for the page; else
    /// the path under the content folder, with a bundle's or section's folder as
    /// the page and `slug` for the last part — lower-cased, as Hugo does by default.
    fn hugo_url(&self, index: usize) -> String {
        let fields = self.records.get(index).and_then(|r| r.fields.as_ref());
        let field = |key: &str| text_of(fields.and_then(|f| f.get_key(key)));
        if let Some(url) = field("url") {
            return tidy(&url);
        }
        let expanded = self.with_hugo_rule(index, |rule, facts| {
            super::hugo_permalinks::expand(&rule.pattern, facts)
        });
        if let Some(url) = expanded {
            let mut url = tidy(&url.to_lowercase());
            // A pattern without an ending is a folder (Hugo's pretty URLs).
            let last = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            if !url.ends_with('/') && !last.contains('.') {
                url.push('/');
            }
            return url;
        }
        let (mut parts, _) = self.hugo_parts(index);
        let page = &self.pages[index];
        if let (Some(slug), true) = (field("slug"), page.kind != super::PageKind::Section) {
            match parts.last_mut() {
                Some(last) => *last = slug,
                None => parts.push(slug),
            }
        }
        tidy(&format!("{}/", parts.join("/").to_lowercase()))
    }

    /// A Hugo page's path parts under the content folder (a bundle's or section's
    /// folder standing for the page), and its file name without extension.
    fn hugo_parts(&self, index: usize) -> (Vec<String>, String) {
        let rel = self.pages[index].path.as_str();
        let inside = rel
            .strip_prefix(self.config.content_dir.as_str())
            .map_or(rel, |r| r.trim_start_matches('/'));
        let mut parts: Vec<String> = stem(inside).split('/').map(str::to_owned).collect();
        let file_stem = parts.pop().unwrap_or_default();
        if self.pages[index].kind == super::PageKind::Page {
            parts.push(file_stem.clone());
        }
        (parts, file_stem)
    }

    /// Runs `f` with the Hugo `permalinks` rule page `index` follows and what its
    /// tokens are made of; `None` when no rule is for it (or it sets `url`, which
    /// overrides them).
    fn with_hugo_rule<T>(
        &self,
        index: usize,
        f: impl FnOnce(&super::HugoPermalink, &super::hugo_permalinks::PageFacts<'_>) -> T,
    ) -> Option<T> {
        if self.config.hugo_permalinks.is_empty() || self.generator != super::Generator::Hugo {
            return None;
        }
        let page = self.pages.get(index)?;
        let fields = self.records.get(index).and_then(|r| r.fields.as_ref());
        let field = |key: &str| text_of(fields.and_then(|f| f.get_key(key)));
        if field("url").is_some() {
            return None;
        }
        let (parts, file_stem) = self.hugo_parts(index);
        // The folders the page is in (a section page: its own too).
        let folders: &[String] = if page.kind == super::PageKind::Section {
            &parts
        } else {
            &parts[..parts.len().saturating_sub(1)]
        };
        let hugo_path = format!("/{}", parts.join("/")).to_lowercase();
        let kind = match page.kind {
            super::PageKind::Section if parts.is_empty() => "home",
            super::PageKind::Section => "section",
            _ => "page",
        };
        let sections = self.hugo_sections(folders);
        let facts = super::hugo_permalinks::PageFacts {
            kind,
            path: &hugo_path,
            title: field("title")
                .or_else(|| (page.kind == super::PageKind::Section).then(|| page.title.clone())),
            slug: field("slug"),
            date: [
                "date",
                "publishdate",
                "pubdate",
                "published",
                "lastmod",
                "modified",
            ]
            .iter()
            .find_map(|k| field(k)),
            file_stem: &file_stem,
            content_base_name: parts.last().map_or("", String::as_str),
            section: folders.first().map_or("", String::as_str),
            section_slugs: sections.iter().map(|(_, slug)| slug.clone()).collect(),
            sections: sections.into_iter().map(|(name, _)| name).collect(),
        };
        let rule = super::hugo_permalinks::first_rule(&self.config.hugo_permalinks, &facts)?;
        Some(f(rule, &facts))
    }

    /// Whether the address of the page at `rel` comes from its `slug`, else its
    /// title (Hugo's `:slug` token): renaming its file alone would not move it.
    pub(crate) fn address_needs_slug(&self, rel: &str) -> bool {
        self.page_index(rel)
            .and_then(|i| {
                self.with_hugo_rule(i, |rule, _| {
                    super::hugo_permalinks::uses_token(&rule.pattern, "slug")
                })
            })
            .unwrap_or(false)
    }

    /// The sections of a Hugo page in `folders`, from the top, as (folder name,
    /// slug): the top-level folder, then each folder below it that has a section
    /// page (`_index.md`). The slug is the section page's `slug`, else its title,
    /// else the folder name.
    fn hugo_sections(&self, folders: &[String]) -> Vec<(String, String)> {
        let upto = folders.len();
        let content = self.config.content_dir.trim_matches('/');
        let mut out = Vec::new();
        for depth in 1..=upto {
            let dir = folders[..depth].join("/");
            let dir = if content.is_empty() {
                dir
            } else {
                format!("{content}/{dir}")
            };
            let section_page = super::PAGE_EXTENSIONS
                .iter()
                .find_map(|ext| self.page_index(&format!("{dir}/_index.{ext}")));
            if depth > 1 && section_page.is_none() {
                continue;
            }
            let name = folders[depth - 1].clone();
            let own = section_page.and_then(|i| self.records.get(i)?.fields.as_ref());
            let slug = text_of(own.and_then(|f| f.get_key("slug")))
                .or_else(|| text_of(own.and_then(|f| f.get_key("title"))))
                .unwrap_or_else(|| name.clone());
            out.push((name, super::hugo_permalinks::urlize(&slug)));
        }
        out
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
        let link = super::percent_decode(link);
        let wanted: Vec<String> = if link.starts_with('/') {
            let base = format!("/{}", self.config.baseurl.trim_matches('/'));
            let abs = crate::preview::urls::strip_baseurl(&link, &base);
            vec![normalise(abs.trim_start_matches('/'))]
        } else {
            // A browser reads a relative link from the page's address; editors also
            // write them from the page's file (`../other.md`).
            let from_address = self
                .page_index(from)
                .and_then(|i| self.url_path(i))
                .map(|url| {
                    if url.ends_with('/') {
                        url
                    } else {
                        url.rsplit_once('/')
                            .map_or(String::new(), |(d, _)| format!("{d}/"))
                    }
                });
            let from_file = from.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
            [from_address, Some(from_file)]
                .into_iter()
                .flatten()
                .filter_map(|dir| resolve(&dir, &link))
                .map(|abs| normalise(&abs))
                .collect()
        };
        for wanted in &wanted {
            // A link straight to the page's file (`_posts/x.md`) also counts.
            if let Some(page) = self.pages.iter().find(|p| normalise(&p.path) == *wanted) {
                return Some(page.path.clone());
            }
            if let Some(i) = (0..self.pages.len()).find(|&i| {
                self.url_path(i)
                    .is_some_and(|url| normalise(&url) == *wanted)
            }) {
                return Some(self.pages[i].path.clone());
            }
        }
        None
    }
}

/// `link` read from the folder `dir` (site-relative, with or without slashes);
/// `None` if it climbs out of the site.
fn resolve(dir: &str, link: &str) -> Option<String> {
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
    Some(parts.join("/"))
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
        // The base is a whole first segment: `/hubdatasets/` is not `/hub` + `datasets/`.
        assert_eq!(site.page_for_link(from, "/hubdatasets/"), None);
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

    /// The example of Hugo's "Configure permalinks" page (0.161), with a bundle,
    /// nested sections and a page that sets its own `url`.
    fn hugo_blog(root: &std::path::Path, config_file: &str, config: &str) {
        write(root, config_file, config);
        write(root, "content/_index.md", "---\ntitle: Home\n---\n");
        write(root, "content/posts/_index.md", "---\ntitle: Posts\n---\n");
        write(
            root,
            "content/posts/bash-in-slow-motion.md",
            "---\ntitle: Bash in Slow Motion\ndate: 2023-02-14T09:30:00+01:00\n---\nSee [the TLS post](/articles/2023/03/tls/).\n",
        );
        write(
            root,
            "content/posts/tls-in-a-nutshell/index.md",
            "+++\ntitle = 'TLS in a nutshell'\ndate = 2023-03-01\nslug = 'tls'\n+++\nText.\n",
        );
        write(root, "content/posts/tls-in-a-nutshell/diagram.png", "PNG");
        write(
            root,
            "content/tutorials/git-for-beginners.md",
            "---\ntitle: Git for Beginners\n---\n",
        );
        write(
            root,
            "content/tutorials/javascript-bundling-with-hugo.md",
            "---\ntitle: JavaScript bundling with Hugo\nurl: /js-bundling/\n---\n",
        );
        write(
            root,
            "content/tutorials/_index.md",
            "---\ntitle: Tutorials\n---\n",
        );
        write(
            root,
            "content/docs/guides/_index.md",
            "---\ntitle: Guides\nslug: how-to\n---\n",
        );
        write(
            root,
            "content/docs/guides/Install.md",
            "---\ntitle: Installing\n---\n",
        );
        write(root, "content/about.md", "---\ntitle: About us\n---\n");
    }

    /// Every page's address leads back to it, from the root and from a page.
    fn every_address_leads_back(site: &Site) {
        for page in &site.pages {
            let link = site.public_url(&page.path).expect("url");
            assert_eq!(
                site.page_for_link("content/about.md", &link).as_deref(),
                Some(page.path.as_str()),
                "{link}"
            );
        }
    }

    #[test]
    fn hugo_permalinks_per_kind_give_pages_their_addresses() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        hugo_blog(
            root,
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Lab'\n[permalinks]\n  [permalinks.page]\n    posts = '/articles/:year/:month/:slug/'\n    tutorials = '/training/:slug/'\n    docs = '/:sections/:contentbasename'\n    '/' = '/site/:filename/'\n  [permalinks.section]\n    posts = '/articles/'\n    tutorials = '/training/'\n    docs = '/manual/:sectionslugs[1:]/'\n",
        );
        let site = Site::open(root).expect("open");
        let url = |rel: &str| site.public_url(rel);
        assert_eq!(
            url("content/_index.md").as_deref(),
            Some("/"),
            "home: no rule"
        );
        assert_eq!(
            url("content/posts/_index.md").as_deref(),
            Some("/articles/")
        );
        assert_eq!(
            url("content/posts/bash-in-slow-motion.md").as_deref(),
            Some("/articles/2023/02/bash-in-slow-motion/"),
            ":slug falls back to the title"
        );
        assert_eq!(
            url("content/posts/tls-in-a-nutshell/index.md").as_deref(),
            Some("/articles/2023/03/tls/")
        );
        assert_eq!(
            url("content/tutorials/git-for-beginners.md").as_deref(),
            Some("/training/git-for-beginners/")
        );
        assert_eq!(
            url("content/tutorials/javascript-bundling-with-hugo.md").as_deref(),
            Some("/js-bundling/"),
            "url overrides every rule"
        );
        assert_eq!(
            url("content/tutorials/_index.md").as_deref(),
            Some("/training/")
        );
        assert_eq!(
            url("content/docs/guides/Install.md").as_deref(),
            Some("/docs/guides/install/"),
            "sections, base name lower-cased, a folder"
        );
        assert_eq!(
            url("content/docs/guides/_index.md").as_deref(),
            Some("/manual/how-to/"),
            "section slugs: its slug, the first dropped"
        );
        assert_eq!(url("content/about.md").as_deref(), Some("/site/about/"));

        // A link in the preview to such an address opens the page…
        assert_eq!(
            site.page_for_link(
                "content/posts/bash-in-slow-motion.md",
                "/articles/2023/03/tls/"
            )
            .as_deref(),
            Some("content/posts/tls-in-a-nutshell/index.md")
        );
        // …relative to the page's address, as a browser reads it.
        assert_eq!(
            site.page_for_link(
                "content/posts/bash-in-slow-motion.md",
                "../../03/tls/#intro"
            )
            .as_deref(),
            Some("content/posts/tls-in-a-nutshell/index.md")
        );
        assert_eq!(
            site.page_for_link("content/tutorials/git-for-beginners.md", "../")
                .as_deref(),
            Some("content/tutorials/_index.md")
        );
        // The page's old, unconfigured address is not where it lives.
        assert_eq!(
            site.page_for_link("content/about.md", "/posts/bash-in-slow-motion/"),
            None
        );
        every_address_leads_back(&site);
    }

    #[test]
    fn hugo_permalinks_per_section_in_yaml_and_json_and_a_config_folder() {
        // The older form: one pattern per section, for its regular pages.
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        hugo_blog(
            root,
            "config.yaml",
            "title: Lab\npermalinks:\n  posts: /:year/:monthname/:day/:title\n  tutorials: /learn/:slugorfilename/\n",
        );
        let site = Site::open(root).expect("open");
        assert_eq!(site.generator, crate::site::Generator::Hugo);
        let url = |rel: &str| site.public_url(rel);
        assert_eq!(
            url("content/posts/bash-in-slow-motion.md").as_deref(),
            Some("/2023/february/14/bash-in-slow-motion/")
        );
        assert_eq!(
            url("content/posts/tls-in-a-nutshell/index.md").as_deref(),
            Some("/2023/march/01/tls-in-a-nutshell/"),
            ":title is the title, not the slug"
        );
        assert_eq!(
            url("content/posts/_index.md").as_deref(),
            Some("/posts/"),
            "sections keep theirs"
        );
        assert_eq!(
            url("content/tutorials/git-for-beginners.md").as_deref(),
            Some("/learn/git-for-beginners/")
        );
        every_address_leads_back(&site);

        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        hugo_blog(
            root,
            "hugo.json",
            r#"{"title": "Lab", "permalinks": {"page": {"posts": "/:section/:weekdayname/:yearday/:slugorcontentbasename/"}}}"#,
        );
        let site = Site::open(root).expect("open");
        // 2023-02-14 was a Tuesday, the 45th day of the year.
        assert_eq!(
            site.public_url("content/posts/bash-in-slow-motion.md")
                .as_deref(),
            Some("/posts/tuesday/45/bash-in-slow-motion/")
        );
        assert_eq!(
            site.public_url("content/posts/tls-in-a-nutshell/index.md")
                .as_deref(),
            Some("/posts/wednesday/60/tls/")
        );
        every_address_leads_back(&site);

        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        hugo_blog(root, "config/_default/hugo.toml", "title = 'Lab'\n");
        write(
            root,
            "config/_default/permalinks.toml",
            "[page]\nposts = '/blog/:filename/'\n",
        );
        let site = Site::open(root).expect("open");
        assert_eq!(
            site.public_url("content/posts/tls-in-a-nutshell/index.md")
                .as_deref(),
            Some("/blog/tls-in-a-nutshell/"),
            ":filename of a bundle is its folder"
        );
    }

    #[test]
    fn hugo_permalinks_array_form_first_match_wins() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        hugo_blog(
            root,
            "hugo.toml",
            "title = 'Lab'\n[[permalinks]]\n  pattern = '/blog/'\n  [permalinks.target]\n    path = '{/posts}'\n[[permalinks]]\n  pattern = '/blog/:year/:slug/'\n  [permalinks.target]\n    path = '{/posts/**}'\n[[permalinks]]\n  pattern = '/:section/:contentbasename/'\n  [permalinks.target]\n    kind = 'page'\n",
        );
        let site = Site::open(root).expect("open");
        let url = |rel: &str| site.public_url(rel);
        assert_eq!(url("content/posts/_index.md").as_deref(), Some("/blog/"));
        assert_eq!(
            url("content/posts/tls-in-a-nutshell/index.md").as_deref(),
            Some("/blog/2023/tls/")
        );
        assert_eq!(
            url("content/tutorials/git-for-beginners.md").as_deref(),
            Some("/tutorials/git-for-beginners/")
        );
        assert_eq!(
            url("content/about.md").as_deref(),
            Some("/about/"),
            "no section"
        );
        assert_eq!(
            url("content/tutorials/_index.md").as_deref(),
            Some("/tutorials/")
        );
        every_address_leads_back(&site);
    }

    #[test]
    fn jekyll_defaults_can_give_a_permalink_and_relative_links_follow_the_address() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "_config.yml",
            "collections:\n  engagements:\n    output: true\n    permalink: /about/engagements/:path/\ndefaults:\n  - scope:\n      path: \"projects\"\n    values:\n      permalink: /work/:basename/\n",
        );
        write(root, "_engagements/aida.md", "---\ntitle: AIDA\n---\n");
        write(
            root,
            "_engagements/bigpicture.md",
            "---\ntitle: BigPicture\n---\n",
        );
        write(root, "about/index.md", "---\ntitle: About\n---\n");
        write(
            root,
            "about/fair.md",
            "---\ntitle: FAIR\npermalink: /about/fair/\n---\n",
        );
        write(
            root,
            "about/legal.md",
            "---\ntitle: Legal\npermalink: /about/legal/\n---\n",
        );
        write(root, "projects/first.md", "---\ntitle: First\n---\n");
        let site = Site::open(root).expect("open");
        assert_eq!(
            site.public_url("projects/first.md").as_deref(),
            Some("/work/first/")
        );
        // From /about/engagements/aida/, `../bigpicture/` is a sibling engagement
        // and `../../fair/` the FAIR page (not what the file's folder suggests).
        let from = "_engagements/aida.md";
        assert_eq!(
            site.page_for_link(from, "../bigpicture/").as_deref(),
            Some("_engagements/bigpicture.md")
        );
        assert_eq!(
            site.page_for_link(from, "../../fair").as_deref(),
            Some("about/fair.md")
        );
        // From /about/fair/, `../legal/` is a sibling page.
        assert_eq!(
            site.page_for_link("about/fair.md", "../legal/").as_deref(),
            Some("about/legal.md")
        );
        // A link to the file, from the file's folder, still counts.
        assert_eq!(
            site.page_for_link(from, "bigpicture.md").as_deref(),
            Some("_engagements/bigpicture.md")
        );
        assert_eq!(
            site.page_for_link("about/index.md", "fair.md").as_deref(),
            Some("about/fair.md")
        );
    }
}
