//! The site model: which generator a folder is built with, its collections and
//! its pages, each with the title an editor recognises, plus what the schema and
//! validation need from each page.
//!
//! Opening lists the folder once, then reads every page exactly once, in parallel,
//! keeping its typed fields and field positions (not its text). With a cache folder
//! ([`OpenOptions::cache_dir`]) a re-open reads only pages whose size or modification
//! time changed. The editor still re-reads a page from disk when it opens it, so the
//! index never hands out stale bodies.
//!
//! It is *not* a build: Liquid and Hugo's cascades are kept or ignored, never
//! evaluated; permalinks only as far as a page's address needs (`links.rs`).

mod cache;
mod config;
mod hugo_permalinks;
mod links;
mod quick_yaml;
mod record;
mod walk;

pub use config::{
    detect_generator, load_config, read_yaml_file, CollectionConfig, FrontMatterDefault,
    HugoPermalink, SiteConfig, HUGO_CONFIGS, HUGO_LEGACY_CONFIGS, JEKYLL_CONFIGS,
};
pub use record::{
    file_title, record_from_bytes, record_from_document, title_of, PageRecord, Stamp,
};
pub use walk::{is_page_name, PAGE_EXTENSIONS};

use crate::document::Document;
use crate::frontmatter::{Dialect, Value};
use crate::schema::{apply_settings, infer, CollectionSchema, SchemaSettings};
use crate::validate::{check_page, PageInput, Problem};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The static site generator a folder is built with; it decides how front
/// matter is read (Jekyll's YAML 1.1 vs Hugo's YAML 1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    /// `_config.yml` at the root.
    Jekyll,
    /// `hugo.toml|yaml|json`, or `config.*` with a `content/` folder.
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
    /// The site-relative folder of its pages, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// The configured permalink pattern, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
}

/// What role a page file plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// An ordinary page.
    Page,
    /// A Hugo leaf bundle's `index.md`, with its images beside it.
    Bundle,
    /// A Hugo section's (or the home page's) `_index.md`.
    Section,
}

/// One page as the page list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSummary {
    /// Site-relative path with `/`.
    pub path: String,
    /// The [`Collection::id`] it belongs to.
    pub collection: String,
    /// Front matter `title`, else a `name` (see [`record::title_of`]), else the first heading, else the file name.
    pub title: String,
    /// Page, bundle or section page.
    pub kind: PageKind,
    /// Whether the page has a problem that stops it being read (see [`Site::page_problems`]).
    pub broken: bool,
}

/// How to open a site.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// A folder for the index cache (e.g. the app's cache folder). With it, a re-open
    /// reads only the pages that changed.
    pub cache_dir: Option<PathBuf>,
}

/// How an open went, for tests and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenStats {
    /// Pages read from disk.
    pub read: usize,
    /// Pages taken from the cache.
    pub cached: usize,
}

/// Where a reference to an image or file from a page leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// To a file in the site.
    Found,
    /// To a file that is not in the site.
    Missing,
    /// Outside the site (a web address, a template expression): not checked.
    External,
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
    /// What the generator config says about pages.
    #[serde(skip)]
    pub config: SiteConfig,
    /// How the open went.
    #[serde(skip)]
    pub stats: OpenStats,
    /// Per page (same order as `pages`): what one read of it yielded.
    #[serde(skip)]
    records: Arc<Vec<PageRecord>>,
    /// Every file of the site, site-relative, for checking references.
    #[serde(skip)]
    files: Arc<HashSet<String>>,
    #[serde(skip)]
    settings: Arc<SchemaSettings>,
    #[serde(skip)]
    config_problems: Arc<Vec<Problem>>,
    /// Inferred on first use: a re-open that only lists pages does not pay for it.
    #[serde(skip)]
    schemas: Arc<OnceLock<Vec<CollectionSchema>>>,
    /// The search indexes, built after opening (or on the first search): opening
    /// stays as fast as before.
    #[serde(skip)]
    search: Arc<crate::search::SearchSlots>,
    /// Path → index in `pages`, built on first use: a 100,000-page site answers
    /// "which page is this" without a scan.
    #[serde(skip)]
    by_path: Arc<OnceLock<HashMap<String, usize>>>,
    /// The page list's key values and sorted orders, built on first use.
    #[serde(skip)]
    browse: Arc<OnceLock<crate::browse::BrowseIndex>>,
    /// The cache folder and the non-page records still to be written there
    /// (see [`Site::open_deferring_cache`]).
    #[serde(skip)]
    pending_cache: Arc<std::sync::Mutex<Option<PendingCache>>>,
}

/// An index cache write left for later: the folder, and the records of files that
/// are not pages (kept in the cache so a re-open does not read them again).
type PendingCache = (PathBuf, Vec<(String, PageRecord)>);

/// Why a site could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The folder is missing or not a folder.
    #[error("The folder \"{0}\" does not exist or cannot be opened.")]
    NotAFolder(PathBuf),
}

/// The site-relative form of `path` under `root`, with `/`.
fn relative(root: &Path, path: &Path) -> Option<String> {
    crate::paths::relative_to_root(root, path)
}

/// Walks up from `path` (a file or folder) to the folder holding a Jekyll or Hugo
/// config, so a single file is read with its site's dialect. `None` when there is none.
pub fn find_site_root(path: &Path) -> Option<(PathBuf, Generator)> {
    let start = path.canonicalize().ok()?;
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        match detect_generator(d).0 {
            Generator::Plain => dir = d.parent(),
            generator => return Some((d.to_path_buf(), generator)),
        }
    }
    None
}

enum Outcome {
    Cached(usize),
    Read(Box<PageRecord>),
    Gone,
}

impl Site {
    /// Opens the site in `root`: detects the generator and reads every page.
    pub fn open(root: &Path) -> Result<Site, SiteError> {
        Site::open_with(root, &OpenOptions::default())
    }

    /// Opens the site in `root`, reusing (and refreshing) the index cache if one is given.
    pub fn open_with(root: &Path, options: &OpenOptions) -> Result<Site, SiteError> {
        Site::open_inner(root, options, false)
    }

    /// Like [`Site::open_with`], but leaves refreshing the index cache to
    /// [`Site::write_pending_cache`]: the app shows the site first and writes the
    /// cache (tens of milliseconds for 10,000 pages, with an fsync) afterwards,
    /// on a background thread.
    pub fn open_deferring_cache(root: &Path, options: &OpenOptions) -> Result<Site, SiteError> {
        Site::open_inner(root, options, true)
    }

    /// Writes the index cache that [`Site::open_deferring_cache`] left for later,
    /// once; nothing when it was up to date or already written.
    pub fn write_pending_cache(&self) {
        let pending = self
            .pending_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some((dir, not_pages)) = pending {
            cache::store(
                &dir,
                &self.root,
                self.generator.dialect(),
                self.pages
                    .iter()
                    .map(|p| p.path.as_str())
                    .zip(self.records.iter())
                    .chain(not_pages.iter().map(|(rel, r)| (rel.as_str(), r))),
            );
        }
    }

    fn open_inner(root: &Path, options: &OpenOptions, defer: bool) -> Result<Site, SiteError> {
        if !root.is_dir() {
            return Err(SiteError::NotAFolder(root.to_path_buf()));
        }
        let root = root
            .canonicalize()
            .map_err(|_| SiteError::NotAFolder(root.to_path_buf()))?;
        let (generator, config_file) = detect_generator(&root);
        let dialect = generator.dialect();
        let (config, mut config_problems) = load_config(&root, generator, config_file.as_deref());
        let (settings, settings_problems) = SchemaSettings::load(&root, generator);
        config_problems.extend(settings_problems);
        // Listing the folder waits on the disk, decoding the cache on the CPU: overlap them.
        let (listing, cache_entries) = rayon::join(
            || walk::list(&root, generator, &config),
            || {
                options
                    .cache_dir
                    .as_ref()
                    .map(|dir| cache::load(dir, &root, dialect))
                    .unwrap_or_default()
            },
        );
        let bundles = bundle_folders(generator, &listing.pages);
        let candidates: Vec<(String, PathBuf, String, PageKind)> = listing
            .pages
            .into_iter()
            .filter_map(|(rel, abs)| {
                let (collection, kind) = classify(&rel, generator, &config, &bundles)?;
                Some((rel, abs, collection, kind))
            })
            .collect();

        let mut cached: Vec<Option<PageRecord>> = Vec::new();
        let mut cache_index: HashMap<String, usize> = HashMap::new();
        for (rel, record) in cache_entries {
            cache_index.insert(rel, cached.len());
            cached.push(Some(record));
        }
        let outcomes: Vec<Outcome> = candidates
            .par_iter()
            .map(|(rel, abs, _, _)| {
                if let Some(&i) = cache_index.get(rel) {
                    let fresh = std::fs::symlink_metadata(abs).ok().map(|m| Stamp::of(&m));
                    if cached[i].as_ref().map(|r| r.stamp) == fresh {
                        return Outcome::Cached(i);
                    }
                }
                match record::read_page(rel, abs, dialect) {
                    Some(r) => Outcome::Read(Box::new(r)),
                    None => Outcome::Gone,
                }
            })
            .collect();
        let mut stats = OpenStats::default();
        let mut entries: Vec<(PageSummary, PageRecord)> = Vec::with_capacity(candidates.len());
        let mut not_pages: Vec<(String, PageRecord)> = Vec::new();
        for ((rel, _, collection, kind), outcome) in candidates.into_iter().zip(outcomes) {
            let record = match outcome {
                Outcome::Cached(i) => match cached[i].take() {
                    Some(r) => {
                        stats.cached += 1;
                        r
                    }
                    None => continue,
                },
                Outcome::Read(r) => {
                    stats.read += 1;
                    *r
                }
                Outcome::Gone => continue,
            };
            // Jekyll copies .html files without front matter as they are: not pages
            // (but remembered in the cache, so a re-open does not read them again).
            if generator == Generator::Jekyll && rel.ends_with(".html") && record.format.is_none() {
                not_pages.push((rel, record));
                continue;
            }
            let summary = PageSummary {
                title: record.title.clone(),
                broken: record.fields.is_none(),
                path: rel,
                collection,
                kind,
            };
            entries.push((summary, record));
        }
        let order: HashMap<&str, usize> = config
            .collections
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let rank = |id: &str| order.get(id).copied().unwrap_or(usize::MAX);
        // Each page's rank and lower-cased title are worked out once, not in every
        // comparison of the sort.
        let mut keyed: Vec<((usize, String), PageSummary, PageRecord)> = entries
            .into_iter()
            .map(|(summary, record)| {
                let key = (rank(&summary.collection), summary.title.to_lowercase());
                (key, summary, record)
            })
            .collect();
        keyed.sort_by(|((a_rank, a_title), a, _), ((b_rank, b_title), b, _)| {
            a_rank
                .cmp(b_rank)
                .then_with(|| (a.collection == "pages").cmp(&(b.collection == "pages")))
                .then_with(|| a.collection.cmp(&b.collection))
                .then_with(|| (a.kind != PageKind::Section).cmp(&(b.kind != PageKind::Section)))
                .then_with(|| a_title.cmp(b_title))
                .then_with(|| a.path.cmp(&b.path))
        });
        let (pages, records): (Vec<PageSummary>, Vec<PageRecord>) =
            keyed.into_iter().map(|(_, s, r)| (s, r)).unzip();

        let mut pending_cache = None;
        if let Some(dir) = &options.cache_dir {
            if defer && (stats.read > 0 || stats.cached != cache_index.len()) {
                pending_cache = Some((dir.clone(), not_pages));
            } else if stats.read > 0 || stats.cached != cache_index.len() {
                cache::store(
                    dir,
                    &root,
                    dialect,
                    pages
                        .iter()
                        .map(|p| p.path.as_str())
                        .zip(records.iter())
                        .chain(not_pages.iter().map(|(rel, r)| (rel.as_str(), r))),
                );
            }
        }

        let mut collections: Vec<Collection> = Vec::new();
        for page in &pages {
            match collections.last_mut() {
                Some(last) if last.id == page.collection => last.page_count += 1,
                _ => {
                    let configured = config.collections.iter().find(|c| c.id == page.collection);
                    let label = settings
                        .for_collection(&page.collection)
                        .filter_map(|s| s.label.clone())
                        .last()
                        .unwrap_or_else(|| label_for(&page.collection));
                    collections.push(Collection {
                        id: page.collection.clone(),
                        label,
                        page_count: 1,
                        folder: configured.map(|c| c.folder.clone()).or_else(|| {
                            (generator == Generator::Hugo && page.collection != "pages")
                                .then(|| format!("{}/{}", config.content_dir, page.collection))
                        }),
                        permalink: configured.and_then(|c| c.permalink.clone()),
                    });
                }
            }
        }
        Ok(Site {
            root,
            generator,
            collections,
            pages,
            config,
            stats,
            records: Arc::new(records),
            files: Arc::new(listing.files),
            settings: Arc::new(settings),
            config_problems: Arc::new(config_problems),
            schemas: Arc::new(OnceLock::new()),
            search: Arc::new(crate::search::SearchSlots::default()),
            by_path: Arc::new(OnceLock::new()),
            browse: Arc::new(OnceLock::new()),
            pending_cache: Arc::new(std::sync::Mutex::new(pending_cache)),
        })
    }

    /// The index of a page in [`Site::pages`].
    pub fn page_index(&self, rel: &str) -> Option<usize> {
        self.by_path
            .get_or_init(|| {
                self.pages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.path.clone(), i))
                    .collect()
            })
            .get(rel)
            .copied()
    }

    /// The page list's index (key values per page, sorted orders), built on first use.
    pub fn browse_index(&self) -> &crate::browse::BrowseIndex {
        self.browse
            .get_or_init(|| crate::browse::BrowseIndex::build(self))
    }

    /// The language the site's pages are written in, as its config says
    /// (Jekyll `lang`, Hugo `languageCode` or `defaultContentLanguage`).
    pub fn lang(&self) -> Option<&str> {
        self.config.lang.as_deref()
    }

    /// What the index holds about the page at `index`.
    pub fn record(&self, index: usize) -> Option<&PageRecord> {
        self.records.get(index)
    }

    /// A page's own fields, as read when the site was opened; `None` when the page is
    /// not in the site or its front matter cannot be read.
    pub fn fields(&self, rel: &str) -> Option<&Value> {
        self.records.get(self.page_index(rel)?)?.fields.as_ref()
    }

    /// A page's fields as the generator sees them: Jekyll's `defaults` whose scope
    /// matches the page, overridden by the page's own fields.
    pub fn effective_fields(&self, rel: &str) -> Option<Value> {
        let index = self.page_index(rel)?;
        let own = self.records.get(index)?.fields.as_ref()?;
        let collection = &self.pages[index].collection;
        let mut matching: Vec<(usize, &FrontMatterDefault)> = self
            .config
            .defaults
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.kind.as_deref().is_none_or(|k| k == collection) && scope_matches(&d.path, rel)
            })
            .collect();
        // As Jekyll: a longer path wins, then a scope naming a type, then the later entry.
        matching.sort_by_key(|(i, d)| (d.path.len(), d.kind.is_some(), *i));
        let mut merged = Value::Map(Vec::new());
        for (_, d) in matching {
            deep_merge(&mut merged, &d.values);
        }
        deep_merge(&mut merged, own);
        Some(merged)
    }

    /// The inferred-and-configured schema of every collection, in collection order.
    pub fn schemas(&self) -> &[CollectionSchema] {
        self.schemas.get_or_init(|| {
            self.collections
                .par_iter()
                .map(|c| self.infer_schema(c))
                .collect()
        })
    }

    /// The paths of the pages matching `query` (fuzzy; case and accents ignored),
    /// best first, at most `limit`. The first search reads every body once (or
    /// waits for [`Site::warm_search`] to have read them); later ones answer from
    /// memory.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        self.search.full_or_build(self).search(query, limit)
    }

    /// Like [`Site::search`], but never waits for the bodies to be read: until the
    /// full index is built it answers from the titles and fields in memory, and
    /// says so ([`crate::search::SearchAnswer::complete`] is false).
    pub fn search_now(&self, query: &str, limit: usize) -> crate::search::SearchAnswer<String> {
        self.search.search_now(self, query, limit)
    }

    /// Builds the quick search index of titles and fields now (it reads no page),
    /// so a search made before [`Site::warm_search`] is done answers at once.
    pub fn warm_quick_search(&self) {
        self.search.warm_quick(self);
    }

    /// Whether the full search index is built (searches answer completely).
    pub fn search_ready(&self) -> bool {
        self.search.full().is_some()
    }

    /// True exactly once per opened site: the caller is the one to call
    /// [`Site::warm_search`] (e.g. on a background thread of low priority).
    pub fn claim_search_build(&self) -> bool {
        self.search.claim()
    }

    /// Builds the full search index now (e.g. on a background thread after
    /// opening), so the first search is complete too; the quick index of titles
    /// and fields is dropped.
    pub fn warm_search(&self) {
        self.search.full_or_build(self);
    }

    /// Waits until the full search index is built by whoever claimed it
    /// ([`Site::claim_search_build`]).
    pub fn wait_for_search(&self) {
        self.search.wait_full();
    }

    /// The schema of one collection.
    pub fn schema(&self, collection: &str) -> Option<&CollectionSchema> {
        self.schemas().iter().find(|s| s.collection == collection)
    }

    fn infer_schema(&self, collection: &Collection) -> CollectionSchema {
        let pages: Vec<(&str, Option<&Value>)> = self
            .pages
            .iter()
            .zip(self.records.iter())
            .filter(|(p, _)| p.collection == collection.id && p.kind != PageKind::Section)
            .map(|(p, r)| (p.path.as_str(), r.fields.as_ref()))
            .collect();
        let mut schema = infer(
            &collection.id,
            &collection.label,
            &pages,
            &|page, reference| self.resolve_reference(page, reference),
        );
        for settings in self.settings.for_collection(&collection.id) {
            apply_settings(&mut schema, settings);
        }
        schema
    }

    /// Problems in the site's own settings files (`_config.yml`, `.galley.yml`, Decap).
    pub fn config_problems(&self) -> &[Problem] {
        &self.config_problems
    }

    /// Every problem of the page at `index`: read problems, and the collection checks
    /// when its fields can be read.
    pub fn problems_at(&self, index: usize) -> Vec<Problem> {
        let (Some(page), Some(record)) = (self.pages.get(index), self.records.get(index)) else {
            return Vec::new();
        };
        let mut out = record.problems.clone();
        if let Some(fields) = &record.fields {
            let schema = (page.kind != PageKind::Section)
                .then(|| self.schema(&page.collection))
                .flatten();
            out.extend(check_page(
                schema,
                &PageInput {
                    path: &page.path,
                    fields,
                    positions: &record.positions,
                    front_matter_line: record.front_matter_line,
                },
                &|reference| self.resolve_reference(&page.path, reference),
            ));
        }
        out
    }

    /// Every problem of one page as last read, or nothing if it is not a page of the site.
    pub fn page_problems(&self, rel: &str) -> Vec<Problem> {
        self.page_index(rel)
            .map(|i| self.problems_at(i))
            .unwrap_or_default()
    }

    /// The problems of a page's *current text* (e.g. while it is being edited), checked
    /// against its collection as indexed. `rel` need not be in the index yet (a new page
    /// is checked against the collection its folder implies).
    pub fn check_text(&self, rel: &str, bytes: &[u8]) -> Vec<Problem> {
        let record = record_from_bytes(
            rel,
            bytes,
            self.generator.dialect(),
            Stamp {
                secs: 0,
                nanos: 0,
                len: bytes.len() as u64,
            },
        );
        self.check_record(rel, &record)
    }

    /// Like [`Site::check_text`] for an already parsed document.
    pub fn check_document(&self, rel: &str, doc: &Document) -> Vec<Problem> {
        let record = record_from_document(
            rel,
            doc,
            Stamp {
                secs: 0,
                nanos: 0,
                len: 0,
            },
        );
        self.check_record(rel, &record)
    }

    fn check_record(&self, rel: &str, record: &PageRecord) -> Vec<Problem> {
        let mut out = record.problems.clone();
        if let Some(fields) = &record.fields {
            let collection = self.collection_of(rel);
            let schema = collection.as_deref().and_then(|c| self.schema(c));
            out.extend(check_page(
                schema,
                &PageInput {
                    path: rel,
                    fields,
                    positions: &record.positions,
                    front_matter_line: record.front_matter_line,
                },
                &|reference| self.resolve_reference(rel, reference),
            ));
        }
        out
    }

    /// The collection a page at `rel` belongs (or would belong) to; `None` when the
    /// path is not a page of this site (a layout, an include, a data file…).
    pub fn collection_of(&self, rel: &str) -> Option<String> {
        if let Some(i) = self.page_index(rel) {
            return Some(self.pages[i].collection.clone());
        }
        classify(rel, self.generator, &self.config, &HashSet::new()).map(|(c, _)| c)
    }

    /// Where a reference from page `page` (site-relative) leads: `/assets/x.png` from
    /// the site root (Hugo: also `static/` and `assets/`), `cover.jpg` beside the page
    /// (bundles) or from the root. Web addresses and template expressions are external.
    pub fn resolve_reference(&self, page: &str, reference: &str) -> Reference {
        let r = reference.trim();
        if r.is_empty()
            || r.contains("://")
            || r.starts_with("//")
            || r.starts_with("data:")
            || r.starts_with("mailto:")
            || r.contains("{{")
            || r.contains("{%")
        {
            return Reference::External;
        }
        let r = r.split(['?', '#']).next().unwrap_or(r);
        let r = percent_decode(r);
        let mut candidates: Vec<String> = Vec::new();
        if let Some(abs) = r.strip_prefix('/') {
            candidates.push(abs.to_owned());
            let base = self.config.baseurl.trim_start_matches('/');
            if !base.is_empty() {
                if let Some(rest) = abs.strip_prefix(base) {
                    candidates.push(rest.trim_start_matches('/').to_owned());
                }
            }
        } else {
            let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
            candidates.push(if dir.is_empty() {
                r.clone()
            } else {
                format!("{dir}/{r}")
            });
            candidates.push(r.clone());
        }
        if self.generator == Generator::Hugo {
            let roots = ["static", "assets", self.config.content_dir.as_str()];
            let extra: Vec<String> = candidates
                .iter()
                .flat_map(|c| roots.iter().map(move |root| format!("{root}/{c}")))
                .collect();
            candidates.extend(extra);
        }
        if candidates
            .iter()
            .filter_map(|c| normalize(c))
            .any(|c| self.files.contains(&c))
        {
            Reference::Found
        } else {
            Reference::Missing
        }
    }

    /// Every image file of the site (as listed when it was opened), sorted, as
    /// site-relative paths: what an image field can pick from.
    pub fn images(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .files
            .iter()
            .filter(|f| crate::assets::is_image(f))
            .cloned()
            .collect();
        out.sort();
        out
    }

    /// Whether a site-relative file exists in the site (as listed when it was opened).
    pub fn has_file(&self, rel: &str) -> bool {
        self.files.contains(rel)
    }
}

/// `a/./b/../c` → `a/c`; `None` if it climbs out of the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `%20` → space, so `my%20image.png` finds `my image.png`.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// Whether Jekyll's `scope.path` covers `rel`: empty covers all; otherwise a prefix
/// of folders, where `*` in a part matches any name.
fn scope_matches(scope: &str, rel: &str) -> bool {
    if scope.is_empty() {
        return true;
    }
    let mut rel_parts = rel.split('/');
    for pattern in scope.split('/') {
        let Some(part) = rel_parts.next() else {
            return false;
        };
        if !glob_part(pattern, part) {
            return false;
        }
    }
    true
}

fn glob_part(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((prefix, rest)) => {
            let Some(tail) = text.strip_prefix(prefix) else {
                return false;
            };
            if rest.is_empty() {
                return true;
            }
            (0..=tail.len())
                .filter(|i| tail.is_char_boundary(*i))
                .any(|i| glob_part(rest, &tail[i..]))
        }
    }
}

/// Jekyll's deep merge: maps merge key by key, anything else is replaced.
fn deep_merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Map(base_entries), Value::Map(over_entries)) => {
            for (k, v) in over_entries {
                match base_entries.iter_mut().find(|(bk, _)| bk == k) {
                    Some((_, bv)) => deep_merge(bv, v),
                    None => base_entries.push((k.clone(), v.clone())),
                }
            }
        }
        (base, over) => *base = over.clone(),
    }
}

/// Hugo leaf bundles: folders with an `index.md` (whose other Markdown files are the
/// bundle's resources, not pages).
fn bundle_folders(generator: Generator, pages: &[(String, PathBuf)]) -> HashSet<String> {
    if generator != Generator::Hugo {
        return HashSet::new();
    }
    pages
        .iter()
        .filter_map(|(rel, _)| {
            let (dir, name) = rel.rsplit_once('/')?;
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            (stem == "index").then(|| dir.to_owned())
        })
        .collect()
}

/// Which collection a page belongs to and what kind of page it is, or `None` when
/// the file is not a page (layouts, includes, a README, a bundle's resources…).
fn classify(
    rel: &str,
    generator: Generator,
    config: &SiteConfig,
    bundles: &HashSet<String>,
) -> Option<(String, PageKind)> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match generator {
        Generator::Jekyll => {
            if name.starts_with(['_', '.', '#']) || name.ends_with('~') {
                return None;
            }
            if let Some(c) = config
                .collections
                .iter()
                .find(|c| rel.starts_with(&c.folder) && rel[c.folder.len()..].starts_with('/'))
            {
                return Some((c.id.clone(), PageKind::Page));
            }
            // Underscore and dot folders are Jekyll's own (layouts, includes, data…);
            // a README or licence at the root documents the repository, not the site.
            let special = rel.split('/').any(|part| part.starts_with(['_', '.']))
                || ["README.md", "LICENSE.md", "CHANGELOG.md"]
                    .iter()
                    .any(|n| rel.eq_ignore_ascii_case(n));
            (!special).then(|| ("pages".to_owned(), PageKind::Page))
        }
        Generator::Hugo => {
            let inside = rel
                .strip_prefix(config.content_dir.as_str())
                .and_then(|r| r.strip_prefix('/'))?;
            let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
            // A file inside a bundle (other than its index) is a resource, not a page.
            if stem != "index"
                && bundles
                    .iter()
                    .any(|b| dir == b || dir.starts_with(&format!("{b}/")))
            {
                return None;
            }
            let kind = match stem {
                "_index" => PageKind::Section,
                "index" => PageKind::Bundle,
                _ => PageKind::Page,
            };
            match inside.split_once('/') {
                Some((section, _)) => Some((section.to_owned(), kind)),
                None => Some(("pages".to_owned(), kind)),
            }
        }
        Generator::Plain => {
            if rel.split('/').any(|part| part.starts_with('.')) {
                None
            } else if let Some((first, _)) = rel.split_once('/') {
                Some((first.trim_start_matches('_').to_owned(), PageKind::Page))
            } else {
                Some(("pages".to_owned(), PageKind::Page))
            }
        }
    }
}

/// "support-projects" → "Support projects", "dateCreated" → "Date created",
/// "@id" → "Id": editors read words, not identifiers. Runs of capitals stay
/// together ("DOI" → "DOI").
pub fn label_for(id: &str) -> String {
    let mut words = String::with_capacity(id.len() + 4);
    let mut previous: Option<char> = None;
    for c in id.trim_start_matches(['@', '_']).chars() {
        match c {
            '-' | '_' | '.' => words.push(' '),
            c if c.is_uppercase()
                && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) =>
            {
                words.push(' ');
                words.extend(c.to_lowercase());
            }
            c => words.push(c),
        }
        previous = Some(c);
    }
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Front matter `title`, else the first Markdown heading, else the file name.
pub fn page_title(rel: &str, bytes: &[u8], dialect: Dialect) -> String {
    match Document::parse(bytes, dialect) {
        Ok(doc) => title_of(rel, doc.fields().ok(), doc.body()),
        Err(_) => file_title(rel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_for("support-projects"), "Support projects");
        assert_eq!(label_for("pages"), "Pages");
        assert_eq!(label_for("dateCreated"), "Date created");
        assert_eq!(label_for("copyrightYear"), "Copyright year");
        assert_eq!(label_for("@id"), "Id");
        assert_eq!(label_for("shortName"), "Short name");
        assert_eq!(label_for("DOI"), "DOI");
        assert_eq!(label_for("end_year"), "End year");
    }

    #[test]
    fn scopes_and_globs() {
        assert!(scope_matches("", "a/b.md"));
        assert!(scope_matches("_posts", "_posts/x.md"));
        assert!(!scope_matches("_posts", "_postsx/x.md"));
        assert!(scope_matches("docs/*/special.md", "docs/v1/special.md"));
        assert!(scope_matches("pro*", "projects/a.md"));
        assert!(!scope_matches("a/b", "a"));
    }

    #[test]
    fn references_normalise() {
        assert_eq!(normalize("a/./b/../c.png").as_deref(), Some("a/c.png"));
        assert_eq!(normalize("../x"), None);
        assert_eq!(percent_decode("my%20image.png"), "my image.png");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
