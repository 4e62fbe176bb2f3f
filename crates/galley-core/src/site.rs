//! The site model: which generator a folder is built with, its collections and
//! its pages, each with the title an editor recognises.
//!
//! Opening reads every page once, in parallel, and keeps only what the page
//! list needs; the editor re-reads a page from disk when it is opened, so the
//! index never holds stale bodies.

use crate::document::Document;
use crate::frontmatter::{Dialect, Value};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The static site generator a folder is built with; it decides how front
/// matter is read (Jekyll's YAML 1.1 vs Hugo's YAML 1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    /// `_config.yml` at the root.
    Jekyll,
    /// `hugo.toml|yaml|json` or `config.toml` with a `content/` folder.
    Hugo,
    /// Anything else: folders of Markdown.
    Plain,
}

impl Generator {
    /// The YAML rules the generator's reader follows.
    pub fn dialect(self) -> Dialect {
        match self {
            Generator::Jekyll => Dialect::Yaml11,
            Generator::Hugo | Generator::Plain => Dialect::Yaml12,
        }
    }
}

/// A group of pages as editors think of them ("Engagements").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collection {
    /// Stable id, e.g. `engagements`; `pages` for loose pages.
    pub id: String,
    /// Words people use, e.g. "Engagements".
    pub label: String,
    /// Number of pages in it.
    pub page_count: usize,
}

/// One page as the page list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSummary {
    /// Site-relative path with `/`.
    pub path: String,
    /// The [`Collection::id`] it belongs to.
    pub collection: String,
    /// Front matter `title`, else the first heading, else the file name.
    pub title: String,
}

/// An opened site.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// Absolute folder the site lives in.
    #[serde(skip)]
    pub root: PathBuf,
    /// How it is built.
    pub generator: Generator,
    /// Collections in a stable order: configured ones first, then `pages`.
    pub collections: Vec<Collection>,
    /// Every page, sorted by collection, then title.
    pub pages: Vec<PageSummary>,
}

/// Why a site could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The folder is missing or not a folder.
    #[error("The folder \"{0}\" does not exist or cannot be opened.")]
    NotAFolder(PathBuf),
}

/// Folders that hold build output, dependencies or git's records, never pages.
const SKIPPED_FOLDERS: &[&str] = &[
    ".git",
    "_site",
    "public",
    "node_modules",
    "vendor",
    ".jekyll-cache",
    ".sass-cache",
    "resources",
    "themes",
    "target",
];

/// File endings that are pages.
const PAGE_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "html"];

impl Site {
    /// Opens the site in `root`: detects the generator and reads every page.
    pub fn open(root: &Path) -> Result<Site, SiteError> {
        if !root.is_dir() {
            return Err(SiteError::NotAFolder(root.to_path_buf()));
        }
        let root = root
            .canonicalize()
            .map_err(|_| SiteError::NotAFolder(root.to_path_buf()))?;
        let generator = detect_generator(&root);
        let configured = configured_collections(&root, generator);
        let files = page_files(&root);
        let mut pages: Vec<PageSummary> = files
            .par_iter()
            .filter_map(|rel| {
                let collection = collection_of(rel, generator, &configured)?;
                let bytes = std::fs::read(root.join(rel)).ok()?;
                // Jekyll only renders .html files that have front matter.
                if rel.ends_with(".html") && !bytes.starts_with(b"---") {
                    return None;
                }
                let title = page_title(rel, &bytes, generator.dialect());
                Some(PageSummary {
                    path: rel.clone(),
                    collection,
                    title,
                })
            })
            .collect();
        let order = |id: &str| {
            configured
                .iter()
                .position(|c| c == id)
                .unwrap_or(usize::MAX)
        };
        pages.sort_by(|a, b| {
            order(&a.collection)
                .cmp(&order(&b.collection))
                .then_with(|| a.collection.cmp(&b.collection))
                .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
                .then_with(|| a.path.cmp(&b.path))
        });
        let mut collections: Vec<Collection> = Vec::new();
        for page in &pages {
            match collections.last_mut() {
                Some(last) if last.id == page.collection => last.page_count += 1,
                _ => collections.push(Collection {
                    id: page.collection.clone(),
                    label: label_for(&page.collection),
                    page_count: 1,
                }),
            }
        }
        Ok(Site {
            root,
            generator,
            collections,
            pages,
        })
    }
}

fn detect_generator(root: &Path) -> Generator {
    if root.join("_config.yml").is_file() || root.join("_config.yaml").is_file() {
        return Generator::Jekyll;
    }
    let hugo_config = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config.toml",
    ];
    if hugo_config.iter().any(|f| root.join(f).is_file()) && root.join("content").is_dir() {
        return Generator::Hugo;
    }
    Generator::Plain
}

/// Collection ids named in the generator's config, in the config's order.
fn configured_collections(root: &Path, generator: Generator) -> Vec<String> {
    if generator != Generator::Jekyll {
        return Vec::new();
    }
    let Ok(text) = std::fs::read_to_string(root.join("_config.yml")) else {
        return Vec::new();
    };
    // The config is plain YAML; reading it as front matter reuses the engine.
    let wrapped = format!("---\n{text}\n---\n");
    let Ok(doc) = Document::parse(wrapped.as_bytes(), Dialect::Yaml11) else {
        return Vec::new();
    };
    let mut ids = match doc.fields() {
        Ok(Value::Map(entries)) => entries
            .iter()
            .find(|(k, _)| k == "collections")
            .map(|(_, v)| match v {
                Value::Map(items) => items.iter().map(|(k, _)| k.clone()).collect(),
                Value::List(items) => items
                    .iter()
                    .filter_map(|i| match i {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    ids.push("posts".to_owned());
    ids
}

/// Every candidate page file, site-relative, skipping output and dependency folders.
fn page_files(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && e.file_name()
                        .to_str()
                        .is_none_or(|n| SKIPPED_FOLDERS.contains(&n)))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| PAGE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        })
        .filter_map(|e| crate::paths::relative_to_root(root, e.path()))
        .collect()
}

/// Which collection a page belongs to, or `None` when it is not a page
/// (layouts, includes, a README at the root of a Jekyll site's data…).
fn collection_of(rel: &str, generator: Generator, configured: &[String]) -> Option<String> {
    let first = rel.split('/').next().unwrap_or(rel);
    let nested = rel.contains('/');
    match generator {
        Generator::Jekyll => {
            if let Some(name) = first.strip_prefix('_').filter(|_| nested) {
                configured.iter().find(|c| *c == name).cloned()
            } else if rel.split('/').any(|part| part.starts_with(['_', '.'])) {
                None
            } else if rel.eq_ignore_ascii_case("README.md") {
                None
            } else {
                Some("pages".to_owned())
            }
        }
        Generator::Hugo => {
            let inside = rel.strip_prefix("content/")?;
            match inside.split_once('/') {
                Some((section, _)) => Some(section.to_owned()),
                None => Some("pages".to_owned()),
            }
        }
        Generator::Plain => {
            if rel.split('/').any(|part| part.starts_with('.')) {
                None
            } else if nested {
                Some(first.trim_start_matches('_').to_owned())
            } else {
                Some("pages".to_owned())
            }
        }
    }
}

/// "support-projects" → "Support projects".
pub fn label_for(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Front matter `title`, else the first Markdown heading, else the file name.
pub fn page_title(rel: &str, bytes: &[u8], dialect: Dialect) -> String {
    let stem = || {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        if stem == "index" || stem == "_index" {
            // A bundle or section: its folder names it.
            rel.rsplit('/').nth(1).unwrap_or(stem).to_owned()
        } else {
            stem.to_owned()
        }
    };
    let Ok(doc) = Document::parse(bytes, dialect) else {
        return stem();
    };
    if let Ok(Value::Map(entries)) = doc.fields() {
        if let Some((_, value)) = entries.iter().find(|(k, _)| k == "title") {
            let text = match value {
                Value::String(s) => s.trim().to_owned(),
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                _ => String::new(),
            };
            if !text.is_empty() {
                return text;
            }
        }
    }
    doc.body()
        .lines()
        .find_map(|line| {
            let heading = line.trim_start().strip_prefix('#')?;
            let heading = heading.trim_start_matches('#').trim();
            let heading = heading.split(" {#").next().unwrap_or(heading).trim();
            (!heading.is_empty()).then(|| heading.to_owned())
        })
        .unwrap_or_else(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn jekyll_collections_pages_and_titles() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "_config.yml", "title: X\ncollections:\n  engagements:\n    output: true\n  people:\n    output: true\n");
        write(
            root,
            "_engagements/aida.md",
            "---\ntitle: AIDA\nprio: 1\n---\nBody\n",
        );
        write(
            root,
            "_engagements/b.md",
            "---\nprio: 2\n---\n# Big Picture {#bp}\n",
        );
        write(root, "_people/x.md", "---\n---\nno title\n");
        write(root, "about/index.md", "---\ntitle: About\n---\n");
        write(root, "_layouts/default.html", "<html>{{ content }}</html>");
        write(root, "_includes/note.md", "a note");
        write(root, "_site/about/index.html", "---\n---\n");
        write(root, "README.md", "# Readme");
        let site = Site::open(root).expect("open");
        assert_eq!(site.generator, Generator::Jekyll);
        let titles: Vec<(&str, &str, &str)> = site
            .pages
            .iter()
            .map(|p| (p.collection.as_str(), p.title.as_str(), p.path.as_str()))
            .collect();
        assert_eq!(
            titles,
            vec![
                ("engagements", "AIDA", "_engagements/aida.md"),
                ("engagements", "Big Picture", "_engagements/b.md"),
                ("people", "x", "_people/x.md"),
                ("pages", "About", "about/index.md"),
            ]
        );
        assert_eq!(site.collections[0].label, "Engagements");
        assert_eq!(site.collections[0].page_count, 2);
    }

    #[test]
    fn hugo_sections() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "hugo.toml", "title = 'x'\n");
        write(root, "content/posts/a.md", "+++\ntitle = 'A post'\n+++\n");
        write(root, "content/_index.md", "---\ntitle: Home\n---\n");
        let site = Site::open(root).expect("open");
        assert_eq!(site.generator, Generator::Hugo);
        assert_eq!(site.pages.len(), 2);
        assert!(site
            .pages
            .iter()
            .any(|p| p.collection == "posts" && p.title == "A post"));
    }

    #[test]
    fn labels() {
        assert_eq!(label_for("support-projects"), "Support projects");
        assert_eq!(label_for("pages"), "Pages");
    }
}
