//! What one read of a page yields for the index: its title, its typed fields, where
//! each field's name is, and the problems that need nothing but the page itself.
//! This is what the cache stores, so a re-open does not read the page again.

use crate::document::Document;
use crate::frontmatter::{split, Dialect, Format, Value};
use crate::validate::{key_positions, not_utf8_problem, read_problems, KeyPosition, Problem};
use std::io::Read;
use std::path::Path;

/// When and how big a file was when read; a cached record is reused only while both
/// are unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Modification time, seconds since the epoch (negative before it).
    pub secs: i64,
    /// Modification time, nanoseconds within the second.
    pub nanos: u32,
    /// Size in bytes.
    pub len: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let (secs, nanos) = match meta.modified() {
            Ok(time) => match time.duration_since(std::time::UNIX_EPOCH) {
                Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
                Err(e) => (
                    -(e.duration().as_secs() as i64),
                    e.duration().subsec_nanos(),
                ),
            },
            Err(_) => (0, 0),
        };
        Stamp {
            secs,
            nanos,
            len: meta.len(),
        }
    }
}

/// Everything the index keeps about one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRecord {
    /// The file's stamp when it was read.
    pub stamp: Stamp,
    /// The title the page list shows.
    pub title: String,
    /// The front matter syntax, if the page has front matter.
    pub format: Option<Format>,
    /// The fields, or `None` when they cannot be read (see `problems`).
    pub fields: Option<Value>,
    /// Where each field's name is in the file.
    pub positions: Vec<KeyPosition>,
    /// 1-based line where the front matter text starts.
    pub front_matter_line: usize,
    /// Problems of the page on its own (not UTF-8, malformed, duplicate keys).
    pub problems: Vec<Problem>,
}

/// Reads and indexes one page; `None` when it cannot be read at all (it vanished, or
/// permissions), in which case it is left out of the index.
pub(crate) fn read_page(rel: &str, abs: &Path, dialect: Dialect) -> Option<PageRecord> {
    thread_local! {
        // One read buffer per scanning thread, grown to the largest page: the
        // bytes are not kept, so a fresh buffer per page would only churn memory.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut file = std::fs::File::open(abs).ok()?;
    let meta = file.metadata().ok()?;
    BUFFER.with(|cell| {
        let mut bytes = cell.try_borrow_mut().ok()?;
        // Read into a buffer one byte longer than the file, so one read fills it
        // and the next returns 0. (`read_to_end` would ask the system for the
        // size and position again: two more calls per page, a tenth of a scan.)
        let len = usize::try_from(meta.len()).ok()?;
        bytes.clear();
        bytes.resize(len + 1, 0);
        let mut filled = 0;
        loop {
            if filled == bytes.len() {
                // The file grew since its size was read.
                bytes.resize(filled * 2 + 1, 0);
            }
            match file.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        bytes.truncate(filled);
        Some(record_from_bytes(rel, &bytes, dialect, Stamp::of(&meta)))
    })
}

/// Indexes a page from its bytes.
pub fn record_from_bytes(rel: &str, bytes: &[u8], dialect: Dialect, stamp: Stamp) -> PageRecord {
    if let Some(record) = quick_record(rel, bytes, dialect, stamp) {
        return record;
    }
    match Document::parse(bytes, dialect) {
        Ok(doc) => record_from_document(rel, &doc, stamp),
        Err(_) => PageRecord {
            stamp,
            title: file_title(rel),
            format: None,
            fields: None,
            positions: Vec::new(),
            front_matter_line: 1,
            problems: vec![not_utf8_problem(rel, bytes)],
        },
    }
}

/// The record of a page whose front matter is plain block YAML (or absent), read by
/// the scan's fast path ([`super::quick_yaml`]) without building a [`Document`];
/// `None` sends the page to the full reader. Same answer either way.
fn quick_record(rel: &str, bytes: &[u8], dialect: Dialect, stamp: Stamp) -> Option<PageRecord> {
    let text = std::str::from_utf8(bytes).ok()?;
    let parts = split(text);
    if !parts.closed {
        return None;
    }
    let (format, fields, positions, front_matter_line) = match parts.format {
        None => (None, Value::Map(Vec::new()), Vec::new(), 1),
        Some(Format::Yaml) => {
            // The opening fence is one line; a BOM shares it.
            let (fields, positions) = super::quick_yaml::read(parts.front_matter, dialect, 2)?;
            (Some(Format::Yaml), fields, positions, 2)
        }
        Some(Format::Toml) => return None,
    };
    Some(PageRecord {
        stamp,
        title: title_of(rel, Some(&fields), parts.body),
        format,
        fields: Some(fields),
        positions,
        front_matter_line,
        problems: Vec::new(),
    })
}

/// Indexes a parsed page.
pub fn record_from_document(rel: &str, doc: &Document, stamp: Stamp) -> PageRecord {
    // The opening fence is one line; a BOM shares it.
    let front_matter_line = if doc.format().is_some() { 2 } else { 1 };
    let positions = doc
        .format()
        .map(|f| key_positions(doc.front_matter_text(), f, front_matter_line))
        .unwrap_or_default();
    let fields = doc.fields().ok().cloned();
    PageRecord {
        stamp,
        title: title_of(rel, fields.as_ref(), doc.body()),
        format: doc.format(),
        fields,
        positions,
        front_matter_line,
        problems: read_problems(rel, doc),
    }
}

/// "2024-05-14-knee-mri.md" → "2024-05-14-knee-mri"; a bundle's `index.md` or a
/// section's `_index.md` is named after its folder.
pub fn file_title(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if stem == "index" || stem == "_index" {
        rel.rsplit('/').nth(1).unwrap_or(stem).to_owned()
    } else {
        stem.to_owned()
    }
}

/// Front matter `title`, else a `name` (top level, or of a schema.org / DataCite
/// block: a group with an `@type`, as research data sites describe datasets), else
/// the first Markdown heading, else the file name. The AIDA datasets have no
/// `title` and open with a generic "File formats" heading; their name is in
/// `datacite.name`, which is what their pages show.
pub fn title_of(rel: &str, fields: Option<&Value>, body: &str) -> String {
    if let Some(fields) = fields {
        let nested_names = match fields {
            Value::Map(entries) => entries
                .iter()
                .filter(|(_, v)| v.get_key("@type").is_some())
                .filter_map(|(_, v)| v.get_key("name"))
                .collect(),
            _ => Vec::new(),
        };
        let candidates = [fields.get_key("title"), fields.get_key("name")]
            .into_iter()
            .flatten()
            .chain(nested_names);
        for value in candidates {
            let text = match value {
                Value::String(s) => s.trim().to_owned(),
                Value::Int(_)
                | Value::Float(_)
                | Value::Bool(_)
                | Value::Date(_)
                | Value::DateTime(_) => value.display_text(),
                _ => String::new(),
            };
            if !text.is_empty() {
                return text;
            }
        }
    }
    first_heading(body).unwrap_or_else(|| file_title(rel))
}

/// The first ATX heading (`# Title {#id}`) of a body, outside fenced code.
fn first_heading(body: &str) -> Option<String> {
    let mut in_fence = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || line.len() - trimmed.len() > 3 {
            continue;
        }
        let Some(rest) = trimmed.strip_prefix('#') else {
            continue;
        };
        let rest = rest.trim_start_matches('#');
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let heading = rest.trim().trim_end_matches('#').trim();
        let heading = heading.split(" {").next().unwrap_or(heading).trim();
        if !heading.is_empty() {
            return Some(heading.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_of("a/b.md", None, "# Big Picture {#bp}\n"),
            "Big Picture"
        );
        assert_eq!(
            title_of("a/b.md", None, "```\n# not\n```\n## Real ##\n"),
            "Real"
        );
        assert_eq!(title_of("a/b.md", None, "#hashtag\n"), "b");
        assert_eq!(title_of("posts/x/index.md", None, ""), "x");
        assert_eq!(title_of("content/_index.md", None, ""), "content");
        let fields = Value::Map(vec![("title".into(), Value::Int(1984))]);
        assert_eq!(title_of("a.md", Some(&fields), "# H"), "1984");
    }

    #[test]
    fn a_datasets_name_comes_before_a_generic_heading() {
        let text = |s: &str| Value::String(s.into());
        let datacite = Value::Map(vec![
            ("@type".into(), text("Dataset")),
            ("name".into(), text("SCAPIS lung data from site 4")),
        ]);
        let author = Value::Map(vec![("name".into(), text("Karin"))]);
        let fields = Value::Map(vec![
            ("author".into(), author.clone()),
            ("datacite".into(), datacite),
        ]);
        assert_eq!(
            title_of("d/x.md", Some(&fields), "## File formats\n"),
            "SCAPIS lung data from site 4"
        );
        // A plain group's `name` (an author) is not the page's title.
        let fields = Value::Map(vec![("author".into(), author)]);
        assert_eq!(title_of("d/x.md", Some(&fields), "# Real\n"), "Real");
        let fields = Value::Map(vec![("name".into(), text("Karin Lindqvist"))]);
        assert_eq!(title_of("p/k.md", Some(&fields), ""), "Karin Lindqvist");
    }
}
