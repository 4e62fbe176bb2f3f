//! The site browser's side of the core: which fields describe a collection's pages
//! at a glance (the page list's columns and yes/no filters), and the page file
//! operations — new page, rename, delete.
//!
//! Every file operation resolves its paths with [`resolve_in_root`], writes with
//! [`write_atomic`] and refuses to overwrite an existing file. A deleted page is
//! restored from git by the shell (Changes → Discard), not here.

use crate::frontmatter::Value;
use crate::paths::resolve_in_root;
use crate::save::write_atomic;
use crate::schema::{CollectionSchema, FieldSchema, Kind};
use crate::search::fold;
use crate::site::{Generator, PageKind, Site};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

/// At most this many columns next to a page's title (a start–end pair counts once):
/// more does not fit a sidebar.
const MAX_COLUMNS: usize = 3;

/// Fields that are the page's text or wiring rather than a fact about it.
const NOT_KEY_FIELDS: &[&str] = &[
    "title",
    "description",
    "summary",
    "excerpt",
    "layout",
    "permalink",
    "slug",
    "url",
    "type",
    "draft",
    "published",
];

/// Longest slug made from a title, in bytes: file names stay readable.
const MAX_SLUG_LEN: usize = 60;

/// How a key field's values are compared and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// Words, sorted alphabetically.
    Text,
    /// Numbers and years, sorted numerically.
    Number,
    /// Dates as written (`2024-01-31`), which sort as text.
    Date,
    /// yes/no.
    YesNo,
}

/// A field shown beside a page's title, or offered as a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyField {
    /// The front matter key.
    pub key: String,
    /// Its human label ("End year").
    pub label: String,
    /// How its values compare.
    pub kind: KeyKind,
}

/// What the page list shows for one collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectionKeys {
    /// The collection id.
    pub collection: String,
    /// Columns beside the title, in order (`start` and `end` side by side).
    pub columns: Vec<KeyField>,
    /// Yes/no fields to filter by ("Ongoing").
    pub filters: Vec<KeyField>,
}

/// One page's value of a key field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum KeyValue {
    /// yes/no.
    YesNo(bool),
    /// A number or year.
    Number(f64),
    /// Text or a date, as written.
    Text(String),
}

/// Which pages of a collection the page list wants, in which order, and which
/// part of them: the list shows a window of a few dozen rows at a time, so a
/// 100,000-page site never crosses IPC whole.
#[derive(Debug, Clone, Deserialize)]
pub struct ListQuery {
    /// The collection id.
    pub collection: String,
    /// `title`, or the key of one of the collection's columns.
    #[serde(default = "by_title")]
    pub sort: String,
    /// Yes/no filters switched on: only pages where each of them is yes.
    #[serde(default)]
    pub filters: Vec<String>,
    /// The first row wanted (0-based, in the sorted, filtered list).
    #[serde(default)]
    pub offset: usize,
    /// How many rows at most (capped at [`MAX_WINDOW`]).
    pub limit: usize,
    /// A page whose place in the list is wanted too (the open page, to scroll to).
    #[serde(default)]
    pub find: Option<String>,
}

fn by_title() -> String {
    "title".to_owned()
}

/// Most rows one window holds: a screenful with room to spare, never the site.
pub const MAX_WINDOW: usize = 500;

/// One row of the page list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageRow {
    /// Site-relative path.
    pub path: String,
    /// The page's title.
    pub title: String,
    /// Its values of the collection's key fields (columns, then filters, in
    /// [`CollectionKeys`] order; `None` when empty).
    pub values: Vec<Option<KeyValue>>,
}

/// A window of the page list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageWindow {
    /// How many pages the whole (filtered) list has.
    pub total: usize,
    /// The first row's place in it.
    pub offset: usize,
    /// The rows from `offset` on.
    pub rows: Vec<PageRow>,
    /// Where [`ListQuery::find`] is in the list, if asked and there.
    pub found: Option<usize>,
}

/// What a sorted order is remembered under: collection, sort, filters on.
type OrderKey = (String, String, Vec<String>);

/// The page list's index of an opened site: every page's key values, and the
/// sorted, filtered orders asked for so far (a site is re-read after a change,
/// which drops them with it).
#[derive(Debug)]
pub struct BrowseIndex {
    keys: Vec<CollectionKeys>,
    /// Per collection, its pages' indices in [`Site::pages`].
    members: HashMap<String, Vec<usize>>,
    /// Per page (same order as [`Site::pages`]), its key values.
    values: Vec<Vec<Option<KeyValue>>>,
    orders: std::sync::Mutex<HashMap<OrderKey, Arc<Vec<usize>>>>,
}

/// The key fields of every collection of `site`, in site order.
pub fn collection_keys(site: &Site) -> Vec<CollectionKeys> {
    site.collections
        .iter()
        .map(|c| match site.schema(&c.id) {
            Some(schema) => key_fields(schema),
            None => CollectionKeys {
                collection: c.id.clone(),
                columns: Vec::new(),
                filters: Vec::new(),
            },
        })
        .collect()
}

/// How a value sorts: numbers by value, text and dates as folded text compared
/// with their digits as numbers (`2017` before `2023-08-21`, `page 9` before `page 10`).
#[derive(Debug, PartialEq)]
enum SortKey {
    Number(f64),
    Text(String),
}

impl SortKey {
    fn of(value: &KeyValue) -> SortKey {
        match value {
            KeyValue::Number(n) => SortKey::Number(*n),
            KeyValue::YesNo(b) => SortKey::Text(if *b { "yes" } else { "no" }.to_owned()),
            KeyValue::Text(t) => SortKey::Text(fold(t)),
        }
    }

    fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            SortKey::Number(n) => std::borrow::Cow::Owned(n.to_string()),
            SortKey::Text(t) => std::borrow::Cow::Borrowed(t),
        }
    }

    fn cmp(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            _ => natural_cmp(&self.text(), &other.text()),
        }
    }
}

/// Compares text with runs of digits compared as numbers (`a2` < `a10`).
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let run = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        digits.push(c);
                    }
                    digits
                };
                let (da, db) = (run(&mut a), run(&mut b));
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let order = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a.next();
                b.next();
            }
        }
    }
}

impl BrowseIndex {
    /// Reads every page's key values once (the schemas are inferred if they were not yet).
    pub fn build(site: &Site) -> BrowseIndex {
        let keys = collection_keys(site);
        let fields_of: HashMap<&str, Vec<&KeyField>> = keys
            .iter()
            .map(|c| {
                (
                    c.collection.as_str(),
                    c.columns.iter().chain(c.filters.iter()).collect(),
                )
            })
            .collect();
        let mut members: HashMap<String, Vec<usize>> = HashMap::new();
        let values = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                members.entry(page.collection.clone()).or_default().push(i);
                match fields_of.get(page.collection.as_str()) {
                    Some(fields) if !fields.is_empty() => {
                        let own = site.record(i).and_then(|r| r.fields.as_ref());
                        key_values(own, fields)
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
        BrowseIndex {
            keys,
            members,
            values,
            orders: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// The key fields of every collection, in site order.
    pub fn keys(&self) -> &[CollectionKeys] {
        &self.keys
    }

    /// The key fields of one collection.
    pub fn keys_of(&self, collection: &str) -> Option<&CollectionKeys> {
        self.keys.iter().find(|k| k.collection == collection)
    }

    /// The page at `index`'s key values.
    pub fn values_of(&self, index: usize) -> &[Option<KeyValue>] {
        self.values.get(index).map_or(&[], Vec::as_slice)
    }

    /// The pages of `query`'s collection that pass its filters, in its order, as
    /// indices into [`Site::pages`]. Remembered, so scrolling costs no sorting.
    fn order(&self, site: &Site, query: &ListQuery) -> Arc<Vec<usize>> {
        let Some(keys) = self.keys_of(&query.collection) else {
            return Arc::new(Vec::new());
        };
        let fields: Vec<&KeyField> = keys.columns.iter().chain(keys.filters.iter()).collect();
        let slot = |key: &str| fields.iter().position(|f| f.key == key);
        let sort = match keys.columns.iter().find(|c| c.key == query.sort) {
            Some(column) => column.key.clone(),
            None => by_title(),
        };
        let mut on: Vec<String> = keys
            .filters
            .iter()
            .filter(|f| query.filters.contains(&f.key))
            .map(|f| f.key.clone())
            .collect();
        on.sort();
        let key: OrderKey = (query.collection.clone(), sort.clone(), on.clone());
        if let Some(found) = self
            .orders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return Arc::clone(found);
        }
        let on_slots: Vec<usize> = on.iter().filter_map(|k| slot(k)).collect();
        let members = self
            .members
            .get(&query.collection)
            .map_or(&[][..], Vec::as_slice);
        let sort_slot = slot(&sort).filter(|_| sort != "title");
        let mut rows: Vec<(Option<SortKey>, String, usize)> = members
            .iter()
            .copied()
            .filter(|&i| {
                on_slots
                    .iter()
                    .all(|&s| matches!(self.values_of(i).get(s), Some(Some(KeyValue::YesNo(true)))))
            })
            .map(|i| {
                let value = sort_slot
                    .and_then(|s| self.values_of(i).get(s).cloned().flatten())
                    .map(|v| SortKey::of(&v));
                (value, fold(&site.pages[i].title), i)
            })
            .collect();
        // Empty values last; ties by title, then by path, so the order is stable.
        rows.sort_by(|(va, ta, ia), (vb, tb, ib)| {
            let by_value = match (va, vb) {
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            by_value
                .then_with(|| natural_cmp(ta, tb))
                .then_with(|| site.pages[*ia].path.cmp(&site.pages[*ib].path))
        });
        let order = Arc::new(rows.into_iter().map(|(_, _, i)| i).collect::<Vec<_>>());
        self.orders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, Arc::clone(&order));
        order
    }
}

/// A window of a collection's page list: sorted by title or a column (empty
/// values last, then by title), only pages whose switched-on yes/no filters are
/// yes, rows `offset..offset + limit`.
pub fn list_pages(site: &Site, query: &ListQuery) -> PageWindow {
    let index = site.browse_index();
    let order = index.order(site, query);
    let offset = query.offset.min(order.len());
    let end = offset + query.limit.min(MAX_WINDOW).min(order.len() - offset);
    let found = query.find.as_deref().and_then(|path| {
        let target = site.page_index(path)?;
        order.iter().position(|&i| i == target)
    });
    PageWindow {
        total: order.len(),
        offset,
        found,
        rows: order[offset..end]
            .iter()
            .map(|&i| PageRow {
                path: site.pages[i].path.clone(),
                title: site.pages[i].title.clone(),
                values: index.values_of(i).to_vec(),
            })
            .collect(),
    }
}

/// Why a page operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum PageOpError {
    /// The path is not a safe path inside the site.
    #[error(transparent)]
    Path(#[from] crate::paths::PathError),
    /// No such collection.
    #[error("There is no collection \"{0}\" in this site.")]
    NoCollection(String),
    /// No such page.
    #[error("The page \"{0}\" is not in this site (any more).")]
    NotFound(String),
    /// The new name is taken.
    #[error("A page named \"{0}\" already exists. Choose another name.")]
    Exists(String),
    /// The name has no letters or digits to make a file name from.
    #[error("Give the page a name with at least one letter or digit.")]
    EmptyName,
    /// Hugo bundles and section pages are folders, not single files.
    #[error("\"{0}\" is a folder page (a Hugo bundle or section); rename or delete its folder in your file manager.")]
    FolderPage(String),
    /// The page could not be read or changed.
    #[error(transparent)]
    Page(#[from] crate::page::PageError),
    /// Writing failed.
    #[error(transparent)]
    Save(#[from] crate::save::SaveError),
    /// The disk refused.
    #[error("The page could not be changed: {0}")]
    Io(#[from] std::io::Error),
}

/// The key fields of one collection: the facts most of its pages have (text,
/// numbers, years, dates), at most [`MAX_COLUMNS`], and its yes/no fields as filters.
pub fn key_fields(schema: &CollectionSchema) -> CollectionKeys {
    let common = |f: &FieldSchema| f.of > 0 && f.present * 2 >= f.of;
    let kind_of = |f: &FieldSchema| {
        let kind = f.expects.or_else(|| f.shape.dominant().map(|(k, _)| k))?;
        match kind {
            Kind::Bool => Some(KeyKind::YesNo),
            Kind::Int | Kind::Year | Kind::Float => Some(KeyKind::Number),
            Kind::Date | Kind::DateTime => Some(KeyKind::Date),
            Kind::Text => Some(KeyKind::Text),
            _ => None,
        }
    };
    let field = |f: &FieldSchema, kind| KeyField {
        key: f.key.clone(),
        label: f.label.clone(),
        kind,
    };
    let mut columns: Vec<KeyField> = Vec::new();
    let mut filters: Vec<KeyField> = Vec::new();
    let mut shown = 0;
    for f in &schema.fields {
        if !common(f) || NOT_KEY_FIELDS.contains(&f.key.as_str()) || f.key == "end" {
            continue;
        }
        let Some(kind) = kind_of(f) else { continue };
        if kind == KeyKind::YesNo {
            filters.push(field(f, kind));
            continue;
        }
        if shown == MAX_COLUMNS {
            continue;
        }
        columns.push(field(f, kind));
        shown += 1;
        // An end that is mostly empty (still running) still belongs beside its start.
        if f.key == "start" {
            if let Some(end) = schema.field("end") {
                columns.push(field(end, kind_of(end).unwrap_or(kind)));
            }
        }
    }
    CollectionKeys {
        collection: schema.collection.clone(),
        columns,
        filters,
    }
}

/// A page's values of `keys` (`None` for a missing or empty field).
pub fn key_values(fields: Option<&Value>, keys: &[&KeyField]) -> Vec<Option<KeyValue>> {
    keys.iter()
        .map(|k| {
            let Some(Value::Map(entries)) = fields else {
                return None;
            };
            let value = entries.iter().find(|(key, _)| key == &k.key)?;
            match &value.1 {
                Value::Bool(b) => Some(KeyValue::YesNo(*b)),
                Value::Int(n) => Some(KeyValue::Number(*n as f64)),
                Value::Float(f) => Some(KeyValue::Number(*f)),
                Value::String(s) | Value::Date(s) | Value::DateTime(s) if !s.is_empty() => {
                    Some(KeyValue::Text(s.clone()))
                }
                _ => None,
            }
        })
        .collect()
}

/// A file name part made from a title: lower case ASCII letters and digits joined
/// by `-`, accents dropped ("Östersund: a pilot" → `ostersund-a-pilot`).
pub fn slugify(title: &str) -> String {
    let folded = fold(title);
    let mut slug = String::new();
    for word in folded.split_whitespace() {
        let word: String = word.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() {
            if slug.len() + 1 + word.len() > MAX_SLUG_LEN {
                break;
            }
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug.truncate(MAX_SLUG_LEN);
    slug
}

/// `2024-05-14-` when a file name starts with a Jekyll post date.
pub(crate) fn date_prefix(file_name: &str) -> Option<&str> {
    let b = file_name.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    (b.len() > 11
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'-')
        .then(|| &file_name[..11])
}

/// Today's date as `YYYY-MM-DD` (UTC), for a new dated page's file name.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Howard Hinnant's days-to-civil algorithm.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A YAML scalar for `text`: plain when that reads back as the same text, else
/// double-quoted (JSON's escapes are YAML's).
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -_.,()/'".contains(c))
        && !text.starts_with(['-', ' ', '\''])
        && !text.ends_with(' ')
        && text.parse::<f64>().is_err()
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "on" | "off" | "y" | "n" | "null" | "~"
        );
    if plain {
        text.to_owned()
    } else {
        serde_json::Value::String(text.to_owned()).to_string()
    }
}

/// The folder new pages of `collection` go to, site-relative (`""` for the root).
fn collection_folder(site: &Site, collection: &str) -> Result<String, PageOpError> {
    let c = site
        .collections
        .iter()
        .find(|c| c.id == collection)
        .ok_or_else(|| PageOpError::NoCollection(collection.to_owned()))?;
    Ok(match &c.folder {
        Some(folder) => folder.trim_matches('/').to_owned(),
        None if site.generator == Generator::Hugo => {
            site.config.content_dir.trim_matches('/').to_owned()
        }
        None => String::new(),
    })
}

fn join(folder: &str, name: &str) -> String {
    if folder.is_empty() {
        name.to_owned()
    } else {
        format!("{folder}/{name}")
    }
}

/// The front matter and empty body of a new page: its title, then the fields most
/// pages of the collection have, empty — or with the one value every page has
/// (e.g. `layout: engagement`), so the page is built like its siblings.
pub fn new_page_text(schema: Option<&CollectionSchema>, title: &str) -> String {
    let mut out = format!("---\ntitle: {}\n", yaml_text(title));
    for f in schema.map(|s| s.fields.as_slice()).unwrap_or_default() {
        if f.key == "title" || f.of == 0 || f.present * 2 < f.of {
            continue;
        }
        let same_everywhere = match &f.shape.choices {
            Some(choices) if choices.len() == 1 && f.present == f.of => Some(&choices[0]),
            _ => None,
        };
        match same_everywhere {
            Some(value) => out.push_str(&format!("{}: {}\n", f.key, yaml_text(value))),
            None => out.push_str(&format!("{}:\n", f.key)),
        }
    }
    out.push_str("---\n\n");
    out
}

/// Where a new page titled `title` in `collection` would be written: a slug of the
/// title (dated like its siblings in a dated collection), made unique with `-2`, `-3`…
pub fn new_page_path(site: &Site, collection: &str, title: &str) -> Result<String, PageOpError> {
    let folder = collection_folder(site, collection)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(PageOpError::EmptyName);
    }
    let siblings: Vec<&str> = site
        .pages
        .iter()
        .filter(|p| p.collection == collection && p.kind == PageKind::Page)
        .map(|p| p.path.rsplit('/').next().unwrap_or(&p.path))
        .collect();
    let dated = !siblings.is_empty()
        && siblings.iter().filter(|n| date_prefix(n).is_some()).count() * 2 > siblings.len();
    let extension = if siblings.iter().filter(|n| n.ends_with(".markdown")).count() * 2
        > siblings.len().max(1)
    {
        "markdown"
    } else {
        "md"
    };
    let prefix = if dated {
        format!("{}-", today())
    } else {
        String::new()
    };
    for n in 1.. {
        let stem = if n == 1 {
            slug.clone()
        } else {
            format!("{slug}-{n}")
        };
        let rel = join(&folder, &format!("{prefix}{stem}.{extension}"));
        if !resolve_in_root(&site.root, &rel)?.exists() {
            return Ok(rel);
        }
    }
    unreachable!("some numbered name is free")
}

/// Writes a new page titled `title` into `collection` and returns its path.
pub fn create_page(site: &Site, collection: &str, title: &str) -> Result<String, PageOpError> {
    let rel = new_page_path(site, collection, title)?;
    let abs = resolve_in_root(&site.root, &rel)?;
    if let Some(parent) = abs.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_atomic(
        &abs,
        new_page_text(site.schema(collection), title).as_bytes(),
    )?;
    Ok(rel)
}

/// The ordinary page file at `rel`, refusing folder pages and unknown pages.
fn page_file(site: &Site, rel: &str) -> Result<std::path::PathBuf, PageOpError> {
    let abs = resolve_in_root(&site.root, rel)?;
    let kind = site
        .page_index(rel)
        .map(|i| site.pages[i].kind)
        .unwrap_or(PageKind::Page);
    if kind != PageKind::Page {
        return Err(PageOpError::FolderPage(rel.to_owned()));
    }
    if !abs.is_file() {
        return Err(PageOpError::NotFound(rel.to_owned()));
    }
    Ok(abs)
}

/// Renames the page at `rel` after `new_name` (slugified; a post's date and the
/// extension are kept): the file, or for a Hugo bundle (`trip/index.md`) its
/// folder with everything in it. The page's `slug` follows when it has one, or
/// when its address is made from the slug (Hugo's `:slug`, which falls back to
/// the title, not the file name), so the address moves with the name. Never
/// overwrites; the text is kept byte for byte otherwise, so git sees a rename.
/// Returns the new path.
pub fn rename_page(site: &Site, rel: &str, new_name: &str) -> Result<String, PageOpError> {
    let kind = site.page_index(rel).map(|i| site.pages[i].kind);
    if kind == Some(PageKind::Bundle) {
        return rename_bundle(site, rel, new_name);
    }
    let abs = page_file(site, rel)?;
    let slug = slugify(new_name);
    if slug.is_empty() {
        return Err(PageOpError::EmptyName);
    }
    let (folder, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    let extension = file.rsplit_once('.').map_or("md", |(_, e)| e);
    let prefix = date_prefix(file).unwrap_or("");
    let new_rel = join(folder, &format!("{prefix}{slug}.{extension}"));
    if new_rel == rel {
        return Ok(new_rel);
    }
    let new_abs = resolve_in_root(&site.root, &new_rel)?;
    if std::fs::symlink_metadata(&new_abs).is_ok() {
        return Err(PageOpError::Exists(new_rel));
    }
    let bytes = std::fs::read(&abs)?;
    let new_bytes = with_new_slug(site, rel, &bytes, &slug)?;
    write_atomic(&new_abs, &new_bytes)?;
    std::fs::remove_file(&abs)?;
    Ok(new_rel)
}

/// A Hugo leaf bundle is its folder: the folder is renamed (its images and other
/// files go with it), then the `slug` of its `index` page follows as for a file.
fn rename_bundle(site: &Site, rel: &str, new_name: &str) -> Result<String, PageOpError> {
    let abs = resolve_in_root(&site.root, rel)?;
    if !abs.is_file() {
        return Err(PageOpError::NotFound(rel.to_owned()));
    }
    let slug = slugify(new_name);
    if slug.is_empty() {
        return Err(PageOpError::EmptyName);
    }
    let (folder, file) = rel
        .rsplit_once('/')
        .ok_or_else(|| PageOpError::FolderPage(rel.to_owned()))?;
    let (parent, name) = folder.rsplit_once('/').unwrap_or(("", folder));
    // The content folder itself is never renamed.
    if folder == site.config.content_dir.trim_matches('/') || name.is_empty() {
        return Err(PageOpError::FolderPage(rel.to_owned()));
    }
    let prefix = date_prefix(name).unwrap_or("");
    let new_folder = join(parent, &format!("{prefix}{slug}"));
    let new_rel = join(&new_folder, file);
    if new_folder == folder {
        return Ok(new_rel);
    }
    let old_dir = resolve_in_root(&site.root, folder)?;
    let new_dir = resolve_in_root(&site.root, &new_folder)?;
    // An existing folder, even an empty one, is never replaced (rename(2) would).
    if std::fs::symlink_metadata(&new_dir).is_ok() {
        return Err(PageOpError::Exists(new_folder));
    }
    let bytes = std::fs::read(&abs)?;
    let new_bytes = with_new_slug(site, rel, &bytes, &slug)?;
    std::fs::rename(&old_dir, &new_dir)?;
    if new_bytes != bytes {
        write_atomic(&new_dir.join(file), &new_bytes)?;
    }
    Ok(new_rel)
}

/// The page's bytes with `slug` set to `slug` when it has one or its address is
/// made from it; otherwise the same bytes.
fn with_new_slug(site: &Site, rel: &str, bytes: &[u8], slug: &str) -> Result<Vec<u8>, PageOpError> {
    let mut doc = crate::document::Document::parse(bytes, site.generator.dialect())
        .map_err(crate::page::PageError::from)?;
    let key = crate::frontmatter::FieldPath::key("slug");
    if doc.get(&key).is_none() && !site.address_needs_slug(rel) {
        return Ok(bytes.to_vec());
    }
    doc.set(&key, &Value::String(slug.to_owned()))
        .map_err(crate::page::PageError::from)?;
    Ok(doc.to_bytes())
}

/// Copies the page at `rel` into a new page of the same collection titled `title`:
/// every field and the body are kept byte for byte, only `title` (and `slug`, when
/// the page has one) change, so the copy starts exactly like the page it came from.
/// The file name follows `title` as for a new page (a dated collection gets today's
/// date). Returns the new path.
pub fn duplicate_page(site: &Site, rel: &str, title: &str) -> Result<String, PageOpError> {
    let abs = page_file(site, rel)?;
    let collection = site
        .page_index(rel)
        .map(|i| site.pages[i].collection.clone())
        .ok_or_else(|| PageOpError::NotFound(rel.to_owned()))?;
    let new_rel = new_page_path(site, &collection, title)?;
    let new_abs = resolve_in_root(&site.root, &new_rel)?;
    let bytes = std::fs::read(&abs)?;
    let mut doc = crate::document::Document::parse(&bytes, site.generator.dialect())
        .map_err(crate::page::PageError::from)?;
    doc.set(
        &crate::frontmatter::FieldPath::key("title"),
        &Value::String(title.trim().to_owned()),
    )
    .map_err(crate::page::PageError::from)?;
    let slug = crate::frontmatter::FieldPath::key("slug");
    if doc.get(&slug).is_some() {
        doc.set(&slug, &Value::String(slugify(title)))
            .map_err(crate::page::PageError::from)?;
    }
    write_atomic(&new_abs, &doc.to_bytes())?;
    Ok(new_rel)
}

/// Deletes the page file at `rel` (the shell's Changes → Discard restores it from git).
pub fn delete_page(site: &Site, rel: &str) -> Result<(), PageOpError> {
    let abs = page_file(site, rel)?;
    std::fs::remove_file(abs)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn demo_copy() -> (tempfile::TempDir, Site) {
        let temp = tempfile::tempdir().expect("temp dir");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        copy_dir(&from, temp.path());
        let site = Site::open(temp.path()).expect("open");
        (temp, site)
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read dir").flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slugify("Östersund: a pilot!"), "ostersund-a-pilot");
        assert_eq!(slugify("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slugify("???"), "");
        assert!(slugify(&"word ".repeat(40)).len() <= MAX_SLUG_LEN);
    }

    #[test]
    fn yaml_text_quotes_what_would_change_meaning() {
        assert_eq!(yaml_text("Knee MRI"), "Knee MRI");
        assert_eq!(yaml_text("yes"), "\"yes\"");
        assert_eq!(yaml_text("2024"), "\"2024\"");
        assert_eq!(yaml_text("A: b # c"), "\"A: b # c\"");
        assert_eq!(yaml_text("Östersund"), "Östersund");
    }

    #[test]
    fn engagements_show_role_start_end_and_prio_and_filter_by_ongoing() {
        let (_temp, site) = demo_copy();
        let keys = key_fields(site.schema("engagements").expect("schema"));
        let columns: Vec<&str> = keys.columns.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(columns, ["role", "start", "end", "prio"]);
        let filters: Vec<&str> = keys.filters.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(filters, ["ongoing"]);
        let index = site
            .page_index("_engagements/ostersund-ultrasound.md")
            .expect("page");
        let values = site.browse_index().values_of(index);
        assert_eq!(
            values[0],
            Some(KeyValue::Text(
                "Technical partner for storage and de-identification of video.".into()
            ))
        );
        assert_eq!(values[3], None, "prio is empty");
        assert_eq!(values[4], Some(KeyValue::YesNo(true)));
    }

    /// Three engagements as in the demo: a year, a date and an empty start; yes/no ongoing.
    fn small_site() -> (tempfile::TempDir, Site) {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        std::fs::write(
            root.join("_config.yml"),
            "collections:\n  engagements:\n    output: true\n",
        )
        .expect("config");
        std::fs::create_dir_all(root.join("_engagements")).expect("mkdir");
        for (name, fields) in [
            ("a.md", "title: AIDA\nrole: Infrastructure\nstart: 2017\nend:\nprio: 1\nongoing: yes"),
            ("o.md", "title: Östersund Ultrasound Pilot\nrole: Technical partner\nstart: 2023-08-21\nend:\nprio:\nongoing: yes"),
            ("n.md", "title: Nordic Imaging\nrole: Member\nstart: 2019\nend: 2022\nprio: 2\nongoing: no"),
        ] {
            std::fs::write(root.join("_engagements").join(name), format!("---\n{fields}\n---\nText\n"))
                .expect("page");
        }
        let site = Site::open(root).expect("open");
        (temp, site)
    }

    fn query(sort: &str, filters: &[&str]) -> ListQuery {
        ListQuery {
            collection: "engagements".into(),
            sort: sort.into(),
            filters: filters.iter().map(|f| (*f).to_owned()).collect(),
            offset: 0,
            limit: 100,
            find: None,
        }
    }

    fn paths(site: &Site, q: &ListQuery) -> Vec<String> {
        list_pages(site, q)
            .rows
            .into_iter()
            .map(|r| r.path.trim_start_matches("_engagements/").to_owned())
            .collect()
    }

    #[test]
    fn the_list_sorts_by_title_numbers_and_dates_with_empty_values_last() {
        let (_temp, site) = small_site();
        let keys = site.browse_index().keys_of("engagements").expect("keys");
        let columns: Vec<&str> = keys.columns.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(columns, ["role", "start", "end", "prio"]);
        // Ö sorts as O, after N.
        assert_eq!(paths(&site, &query("title", &[])), ["a.md", "n.md", "o.md"]);
        assert_eq!(paths(&site, &query("prio", &[])), ["a.md", "n.md", "o.md"]);
        assert_eq!(paths(&site, &query("role", &[])), ["a.md", "n.md", "o.md"]);
        // Years and a date compare by their digits: 2017 < 2019 < 2023-08-21.
        assert_eq!(paths(&site, &query("start", &[])), ["a.md", "n.md", "o.md"]);
        // An unknown sort falls back to the title.
        assert_eq!(
            paths(&site, &query("nothing", &[])),
            ["a.md", "n.md", "o.md"]
        );
        let first = &list_pages(&site, &query("title", &[])).rows[0];
        assert_eq!(first.title, "AIDA");
        assert_eq!(
            first.values,
            [
                Some(KeyValue::Text("Infrastructure".into())),
                Some(KeyValue::Number(2017.0)),
                None,
                Some(KeyValue::Number(1.0)),
                Some(KeyValue::YesNo(true)),
            ]
        );
    }

    #[test]
    fn the_list_filters_by_yes_no_fields_that_are_switched_on() {
        let (_temp, site) = small_site();
        assert_eq!(list_pages(&site, &query("title", &[])).total, 3);
        assert_eq!(
            paths(&site, &query("title", &["ongoing"])),
            ["a.md", "o.md"]
        );
        assert_eq!(list_pages(&site, &query("title", &["ongoing"])).total, 2);
        // A filter the collection does not have changes nothing.
        assert_eq!(list_pages(&site, &query("title", &["hidden"])).total, 3);
        let none = ListQuery {
            collection: "news".into(),
            ..query("title", &[])
        };
        assert_eq!(list_pages(&site, &none).total, 0);
    }

    #[test]
    fn the_list_comes_in_windows_and_finds_a_pages_place() {
        let (_temp, site) = small_site();
        let q = ListQuery {
            offset: 1,
            limit: 1,
            ..query("title", &[])
        };
        let window = list_pages(&site, &q);
        assert_eq!((window.total, window.offset, window.rows.len()), (3, 1, 1));
        assert_eq!(window.rows[0].title, "Nordic Imaging");
        let past = list_pages(
            &site,
            &ListQuery {
                offset: 10,
                ..q.clone()
            },
        );
        assert_eq!((past.total, past.offset, past.rows.len()), (3, 3, 0));
        let huge = list_pages(
            &site,
            &ListQuery {
                offset: 0,
                limit: usize::MAX,
                ..q.clone()
            },
        );
        assert_eq!(huge.rows.len(), 3);
        let find = |q: ListQuery, path: &str| {
            list_pages(
                &site,
                &ListQuery {
                    find: Some(path.to_owned()),
                    ..q
                },
            )
            .found
        };
        assert_eq!(find(query("prio", &[]), "_engagements/o.md"), Some(2));
        assert_eq!(
            find(query("title", &["ongoing"]), "_engagements/n.md"),
            None,
            "filtered out"
        );
        assert_eq!(
            list_pages(&site, &query("prio", &[])).found,
            None,
            "not asked"
        );
        // Scrolling does not sort again: the order is remembered.
        let index = site.browse_index();
        assert!(Arc::ptr_eq(
            &index.order(&site, &query("prio", &[])),
            &index.order(&site, &query("prio", &[]))
        ));
    }

    #[test]
    fn natural_order_compares_digits_as_numbers() {
        assert_eq!(natural_cmp("page 9", "page 10"), Ordering::Less);
        assert_eq!(natural_cmp("page 010", "page 10"), Ordering::Equal);
        assert_eq!(natural_cmp("2017", "2023-08-21"), Ordering::Less);
        assert_eq!(natural_cmp("b", "a1"), Ordering::Greater);
        assert_eq!(natural_cmp("", "a"), Ordering::Less);
    }

    #[test]
    fn new_page_has_the_collections_fields_and_a_unique_name() {
        let (temp, site) = demo_copy();
        let rel = create_page(&site, "engagements", "Östersund Ultrasound").expect("create");
        assert_eq!(rel, "_engagements/ostersund-ultrasound-2.md");
        let text = std::fs::read_to_string(temp.path().join(&rel)).expect("read");
        assert!(
            text.starts_with("---\ntitle: Östersund Ultrasound\n"),
            "{text}"
        );
        for key in ["role:", "ongoing:", "start:", "end:", "prio:"] {
            assert!(text.contains(&format!("\n{key}")), "{key} in {text}");
        }
        let reopened = Site::open(temp.path()).expect("reopen");
        assert!(reopened
            .page_problems(&rel)
            .iter()
            .all(|p| p.severity != crate::validate::Severity::Error));
    }

    #[test]
    fn new_page_in_a_dated_collection_gets_todays_date() {
        let (_temp, site) = demo_copy();
        let rel = new_page_path(&site, "news", "Spring workshop").expect("path");
        let file = rel.rsplit('/').next().unwrap_or_default();
        assert!(date_prefix(file).is_some(), "{rel}");
        assert!(file.ends_with("-spring-workshop.md"), "{rel}");
        assert!(matches!(
            new_page_path(&site, "news", "!!!"),
            Err(PageOpError::EmptyName)
        ));
        assert!(matches!(
            new_page_path(&site, "nothing", "x"),
            Err(PageOpError::NoCollection(_))
        ));
    }

    #[test]
    fn rename_moves_the_file_and_refuses_to_overwrite() {
        let (temp, site) = demo_copy();
        let from = "_engagements/ostersund-ultrasound.md";
        let before = std::fs::read(temp.path().join(from)).expect("read");
        let to = rename_page(&site, from, "Östersund Video").expect("rename");
        assert_eq!(to, "_engagements/ostersund-video.md");
        assert!(!temp.path().join(from).exists());
        assert_eq!(std::fs::read(temp.path().join(&to)).expect("read"), before);
        let site = Site::open(temp.path()).expect("reopen");
        assert!(matches!(
            rename_page(&site, &to, "AIDA"),
            Err(PageOpError::Exists(_))
        ));
    }

    #[test]
    fn rename_keeps_a_posts_date_and_updates_its_slug_field() {
        let (temp, site) = demo_copy();
        let from = "_news/2024-05-14-knee-mri-version-two.md";
        std::fs::write(
            temp.path().join(from),
            "---\ntitle: Knee\nslug: knee-mri-version-two\n---\nText\n",
        )
        .expect("write");
        let to = rename_page(&site, from, "Knee MRI v3").expect("rename");
        assert_eq!(to, "_news/2024-05-14-knee-mri-v3.md");
        let text = std::fs::read_to_string(temp.path().join(&to)).expect("read");
        assert_eq!(text, "---\ntitle: Knee\nslug: knee-mri-v3\n---\nText\n");
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// A Hugo blog whose posts are addressed by slug (else title), tutorials by
    /// title, and the rest by their path.
    fn hugo_site() -> (tempfile::TempDir, Site) {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        write(
            root,
            "hugo.toml",
            "title = 'Lab'\n[permalinks.page]\nposts = '/articles/:year/:slug/'\ntutorials = '/training/:title/'\n",
        );
        write(
            root,
            "content/posts/trip/index.md",
            "---\ntitle: Our trip\ndate: 2024-05-01\n---\n![Map](map.png)\n",
        );
        write(root, "content/posts/trip/map.png", "PNG");
        write(root, "content/posts/trip/notes/day1.md", "Day one.\n");
        write(
            root,
            "content/posts/launch.md",
            "+++\ntitle = 'Launch'\ndate = 2024-06-01\n+++\nText\n",
        );
        write(
            root,
            "content/tutorials/git.md",
            "---\ntitle: Git for Beginners\n---\n",
        );
        write(root, "content/about/team.md", "---\ntitle: Team\n---\n");
        let site = Site::open(root).expect("open");
        (temp, site)
    }

    #[test]
    fn rename_moves_a_hugo_bundles_folder_with_its_files() {
        let (temp, site) = hugo_site();
        let root = temp.path();
        let from = "content/posts/trip/index.md";
        assert_eq!(
            site.public_url(from).as_deref(),
            Some("/articles/2024/our-trip/")
        );
        let before = std::fs::read_to_string(root.join(from)).expect("read");
        let to = rename_page(&site, from, "Summer trip 2024").expect("rename");
        assert_eq!(to, "content/posts/summer-trip-2024/index.md");
        assert!(!root.join("content/posts/trip").exists());
        assert!(root
            .join("content/posts/summer-trip-2024/map.png")
            .is_file());
        assert!(root
            .join("content/posts/summer-trip-2024/notes/day1.md")
            .is_file());
        // The address is made from the slug (else the title): the slug follows the name.
        let after = std::fs::read_to_string(root.join(&to)).expect("read");
        assert_eq!(
            after,
            before.replace(
                "date: 2024-05-01\n",
                "date: 2024-05-01\nslug: summer-trip-2024\n"
            )
        );
        let site = Site::open(root).expect("reopen");
        assert_eq!(
            site.public_url(&to).as_deref(),
            Some("/articles/2024/summer-trip-2024/")
        );
        assert_eq!(
            site.page_for_link(
                "content/posts/launch.md",
                "/articles/2024/summer-trip-2024/"
            )
            .as_deref(),
            Some(to.as_str())
        );
        // Never onto an existing folder, not even an empty one.
        std::fs::create_dir_all(root.join("content/posts/taken")).expect("mkdir");
        assert!(matches!(
            rename_page(&site, &to, "Taken"),
            Err(PageOpError::Exists(_))
        ));
        assert!(root.join(&to).is_file());
        // A section's folder holds other pages: still refused.
        write(root, "content/posts/_index.md", "---\ntitle: Posts\n---\n");
        let site = Site::open(root).expect("reopen");
        assert!(matches!(
            rename_page(&site, "content/posts/_index.md", "Blog"),
            Err(PageOpError::FolderPage(_))
        ));
    }

    #[test]
    fn rename_gives_each_page_the_address_its_generator_builds() {
        let (temp, site) = hugo_site();
        let root = temp.path();
        // `:slug` without a slug is the title: a slug is added so the address moves.
        let to = rename_page(&site, "content/posts/launch.md", "Big launch").expect("rename");
        assert_eq!(to, "content/posts/big-launch.md");
        assert_eq!(
            std::fs::read_to_string(root.join(&to)).expect("read"),
            "+++\ntitle = 'Launch'\ndate = 2024-06-01\nslug = \"big-launch\"\n+++\nText\n"
        );
        // `:title` is the title, which a rename does not change: the address stays,
        // the file is renamed byte for byte.
        let before = std::fs::read(root.join("content/tutorials/git.md")).expect("read");
        let git = rename_page(&site, "content/tutorials/git.md", "Git intro").expect("rename");
        assert_eq!(std::fs::read(root.join(&git)).expect("read"), before);
        // A page addressed by its path follows its file name.
        let team = rename_page(&site, "content/about/team.md", "People").expect("rename");
        let site = Site::open(root).expect("reopen");
        assert_eq!(
            site.public_url(&to).as_deref(),
            Some("/articles/2024/big-launch/")
        );
        assert_eq!(
            site.public_url(&git).as_deref(),
            Some("/training/git-for-beginners/")
        );
        assert_eq!(site.public_url(&team).as_deref(), Some("/about/people/"));

        // Jekyll: a document's `:title` and `:slug` are its file name (after a
        // date), unless it sets `slug`; pages and `:path` follow the file.
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        write(
            root,
            "_config.yml",
            "permalink: /blog/:year/:title/\ncollections:\n  notes:\n    output: true\n    permalink: /notes/:slug/\n",
        );
        write(
            root,
            "_posts/2024-05-14-hello.md",
            "---\ntitle: Hello\n---\n",
        );
        write(root, "_notes/first.md", "---\ntitle: First\n---\n");
        write(root, "about.md", "---\ntitle: About\n---\n");
        let site = Site::open(root).expect("open");
        let post = rename_page(&site, "_posts/2024-05-14-hello.md", "Hello world").expect("rename");
        let note = rename_page(&site, "_notes/first.md", "Opening").expect("rename");
        let about = rename_page(&site, "about.md", "Who we are").expect("rename");
        assert_eq!(
            std::fs::read_to_string(root.join(&post)).expect("read"),
            "---\ntitle: Hello\n---\n",
            "no slug needed"
        );
        let site = Site::open(root).expect("reopen");
        assert_eq!(
            site.public_url(&post).as_deref(),
            Some("/blog/2024/hello-world/")
        );
        assert_eq!(site.public_url(&note).as_deref(), Some("/notes/opening/"));
        // A site pattern ending in `/` gives pages folder addresses too.
        assert_eq!(site.public_url(&about).as_deref(), Some("/who-we-are/"));
    }

    #[test]
    fn duplicate_keeps_everything_but_title_and_name() {
        let (temp, site) = demo_copy();
        let from = "_engagements/nordic-imaging-network.md";
        let before = std::fs::read_to_string(temp.path().join(from)).expect("read");
        let to = duplicate_page(&site, from, "Nordic Imaging Network 2").expect("duplicate");
        assert_eq!(to, "_engagements/nordic-imaging-network-2.md");
        let after = std::fs::read_to_string(temp.path().join(&to)).expect("read");
        // The CRLF page stays CRLF; only the title line differs.
        let (old, new): (Vec<&str>, Vec<&str>) = (
            before.split("\r\n").collect(),
            after.split("\r\n").collect(),
        );
        assert_eq!(old.len(), new.len(), "{after}");
        let differing: Vec<(&&str, &&str)> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
        assert_eq!(differing.len(), 1, "{differing:?}");
        assert!(
            differing[0]
                .1
                .starts_with("title: Nordic Imaging Network 2"),
            "{differing:?}"
        );
        assert_eq!(
            std::fs::read_to_string(temp.path().join(from)).expect("read"),
            before
        );
    }

    #[test]
    fn duplicate_updates_a_slug_and_refuses_unknown_pages() {
        let (temp, site) = demo_copy();
        let from = "_engagements/aida.md";
        std::fs::write(
            temp.path().join(from),
            "---\ntitle: AIDA\nslug: aida\nprio: 1\n---\nBody {#join}\n",
        )
        .expect("write");
        let to = duplicate_page(&site, from, "AIDA: next phase").expect("duplicate");
        assert_eq!(to, "_engagements/aida-next-phase.md");
        let text = std::fs::read_to_string(temp.path().join(&to)).expect("read");
        assert_eq!(
            text,
            "---\ntitle: \"AIDA: next phase\"\nslug: aida-next-phase\nprio: 1\n---\nBody {#join}\n"
        );
        assert!(matches!(
            duplicate_page(&site, "_engagements/none.md", "X"),
            Err(PageOpError::NotFound(_))
        ));
        assert!(matches!(
            duplicate_page(&site, from, "???"),
            Err(PageOpError::EmptyName)
        ));
    }

    #[test]
    fn delete_removes_only_a_page_of_the_site() {
        let (temp, site) = demo_copy();
        delete_page(&site, "_engagements/aida.md").expect("delete");
        assert!(!temp.path().join("_engagements/aida.md").exists());
        assert!(matches!(
            delete_page(&site, "_engagements/aida.md"),
            Err(PageOpError::NotFound(_))
        ));
        assert!(matches!(
            delete_page(&site, "../outside.md"),
            Err(PageOpError::Path(_))
        ));
    }
}
