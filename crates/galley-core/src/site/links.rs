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

impl Site {
    /// The URL Jekyll gives page `index` (normalised), from its own permalink,
    /// its collection's pattern, or its path.
    fn page_url(&self, index: usize) -> Option<String> {
        let page = self.pages.get(index)?;
        if let Some(Value::String(own)) =
            self.fields(&page.path).and_then(|f| f.get_key("permalink"))
        {
            return Some(normalise(own));
        }
        let collection = self.collections.iter().find(|c| c.id == page.collection);
        if let (Some(pattern), Some(folder)) = (
            collection.and_then(|c| c.permalink.as_deref()),
            collection.and_then(|c| c.folder.as_deref()),
        ) {
            let inside = page
                .path
                .strip_prefix(folder)
                .unwrap_or(&page.path)
                .trim_start_matches('/');
            let path = stem(inside);
            let name = path.rsplit('/').next().unwrap_or(path);
            let url = pattern
                .replace(":collection", &page.collection)
                .replace(":path", path)
                .replace(":name", name)
                .replace(":title", name)
                .replace(":output_ext", "");
            return Some(normalise(&url));
        }
        Some(normalise(stem(&page.path)))
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
            .find(|&i| self.page_url(i).as_deref() == Some(wanted.as_str()))
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
}
