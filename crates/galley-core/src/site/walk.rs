//! Listing a site's files: which are candidate pages, and which other files exist
//! (for checking image references without touching the disk again).
//!
//! Build output, dependencies, vendored themes and hidden folders are skipped, and
//! symbolic links are never followed (a link could lead out of the site, or loop).

use super::{Generator, SiteConfig};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Folders that hold build output, dependencies or caches, never pages to edit.
const SKIPPED_FOLDERS: &[&str] = &[
    "_site",
    "public",
    "node_modules",
    "vendor",
    "bower_components",
    "themes",
    "_vendor",
];

/// File endings that are pages.
pub const PAGE_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn", "html"];

/// What a walk found.
pub(crate) struct Listing {
    /// Candidate pages (by extension), site-relative, with their absolute path.
    pub pages: Vec<(String, PathBuf)>,
    /// Every regular file found, site-relative.
    pub files: HashSet<String>,
}

/// Whether a folder (site-relative `rel`, name `name`) is never part of the content.
fn skipped(rel: &str, name: &str, generator: Generator, config: &SiteConfig) -> bool {
    if name.starts_with('.') || SKIPPED_FOLDERS.contains(&name) {
        return true;
    }
    match generator {
        // Hugo's generated resources; Jekyll's caches are dot-folders already.
        Generator::Hugo => rel == "resources",
        Generator::Jekyll => config.exclude.iter().any(|e| e == rel || e == name),
        Generator::Plain => false,
    }
}

/// Whether a file name is a page by its ending.
pub fn is_page_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && PAGE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(ext))
    })
}

/// Walks the site in `root` once.
pub(crate) fn list(root: &Path, generator: Generator, config: &SiteConfig) -> Listing {
    let mut pages = Vec::new();
    let mut files = HashSet::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 || !e.file_type().is_dir() {
                return true;
            }
            let Some(name) = e.file_name().to_str() else {
                return false;
            };
            let rel = super::relative(root, e.path()).unwrap_or_default();
            !skipped(&rel, name, generator, config)
        });
    for entry in walker.filter_map(Result::ok) {
        // Symbolic links are left alone: only regular files are content.
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = super::relative(root, entry.path()) else {
            continue;
        };
        if generator == Generator::Jekyll
            && config
                .exclude
                .iter()
                .any(|e| rel == *e || rel.starts_with(&format!("{e}/")))
        {
            continue;
        }
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if is_page_name(name) {
            pages.push((rel.clone(), entry.into_path()));
        }
        files.insert(rel);
    }
    Listing { pages, files }
}
