//! The index cache: what reading each page yielded, keyed by path and stamp, so a
//! re-open only lists the folder, checks each page's stamp and reads what changed.
//!
//! A small binary format of our own (length-prefixed, little-endian): it decodes
//! 10,000 records in a few milliseconds and needs no extra dependency. Anything
//! unexpected in the file (other version, other dialect, truncation) means "no cache";
//! the cache is only ever an optimisation.

use super::record::{PageRecord, Stamp};
use crate::frontmatter::{Dialect, Format, Value};
use crate::validate::{KeyPosition, Problem, ProblemCode, Severity};
use std::path::{Path, PathBuf};

/// Changes whenever the layout below, or what a record means, changes.
/// 3: problems carry their words (code and values) for the UI.
const FORMAT_VERSION: u32 = 3;
const MAGIC: &[u8; 8] = b"GALLEYIX";
/// Files modified this recently are not cached: a second write within the file
/// system's timestamp granularity could leave size and time unchanged ("racy" stamps,
/// as git calls them).
const RACY_WINDOW_SECS: i64 = 2;

/// The cache file for the site in `root`, inside `dir`.
pub fn cache_path(dir: &Path, root: &Path) -> PathBuf {
    // FNV-1a of the root path: stable across runs and Rust versions.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in root.to_string_lossy().as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let name = root
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("site")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect::<String>();
    dir.join(format!("site-{name}-{hash:016x}.galley-index"))
}

fn dialect_byte(d: Dialect) -> u8 {
    match d {
        Dialect::Yaml11 => 1,
        Dialect::Yaml12 => 2,
    }
}

/// Reads the cache for `root` read with `dialect`; an empty list when there is none.
pub fn load(dir: &Path, root: &Path, dialect: Dialect) -> Vec<(String, PageRecord)> {
    let Ok(bytes) = std::fs::read(cache_path(dir, root)) else {
        return Vec::new();
    };
    decode(&bytes, dialect).unwrap_or_default()
}

/// Writes the cache atomically; failures are ignored (the next open is just slower).
pub fn store<'a>(
    dir: &Path,
    root: &Path,
    dialect: Dialect,
    records: impl Iterator<Item = (&'a str, &'a PageRecord)>,
) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let settled = records.filter(|(_, r)| r.stamp.secs < now - RACY_WINDOW_SECS);
    let bytes = encode(dialect, settled);
    if std::fs::create_dir_all(dir).is_ok() {
        let _ = crate::save::write_atomic(&cache_path(dir, root), &bytes);
    }
}

fn encode<'a>(
    dialect: Dialect,
    records: impl Iterator<Item = (&'a str, &'a PageRecord)>,
) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(1 << 20));
    w.0.extend_from_slice(MAGIC);
    w.u32(FORMAT_VERSION);
    w.str(env!("CARGO_PKG_VERSION"));
    w.0.push(dialect_byte(dialect));
    let records: Vec<_> = records.collect();
    w.u32(records.len() as u32);
    for (rel, r) in records {
        w.str(rel);
        w.u64(r.stamp.secs as u64);
        w.u32(r.stamp.nanos);
        w.u64(r.stamp.len);
        w.str(&r.title);
        w.0.push(match r.format {
            None => 0,
            Some(Format::Yaml) => 1,
            Some(Format::Toml) => 2,
        });
        match &r.fields {
            None => w.0.push(0),
            Some(v) => {
                w.0.push(1);
                w.value(v);
            }
        }
        w.u32(r.positions.len() as u32);
        for k in &r.positions {
            w.str(&k.path);
            w.u32(k.line as u32);
            w.u32(k.column as u32);
        }
        w.u32(r.front_matter_line as u32);
        w.u32(r.problems.len() as u32);
        for p in &r.problems {
            w.problem(p);
        }
    }
    w.0
}

fn decode(bytes: &[u8], dialect: Dialect) -> Option<Vec<(String, PageRecord)>> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(8)? != MAGIC || r.u32()? != FORMAT_VERSION || r.str()? != env!("CARGO_PKG_VERSION") {
        return None;
    }
    if r.u8()? != dialect_byte(dialect) {
        return None;
    }
    let count = r.u32()? as usize;
    let mut out = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let rel = r.str()?.to_owned();
        let stamp = Stamp {
            secs: r.u64()? as i64,
            nanos: r.u32()?,
            len: r.u64()?,
        };
        let title = r.str()?.to_owned();
        let format = match r.u8()? {
            0 => None,
            1 => Some(Format::Yaml),
            2 => Some(Format::Toml),
            _ => return None,
        };
        let fields = match r.u8()? {
            0 => None,
            1 => Some(r.value(0)?),
            _ => return None,
        };
        let n = r.u32()? as usize;
        let mut positions = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            positions.push(KeyPosition {
                path: r.str()?.to_owned(),
                line: r.u32()? as usize,
                column: r.u32()? as usize,
            });
        }
        let front_matter_line = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut problems = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            problems.push(r.problem()?);
        }
        out.push((
            rel,
            PageRecord {
                stamp,
                title,
                format,
                fields,
                positions,
                front_matter_line,
                problems,
            },
        ));
    }
    (r.pos == bytes.len()).then_some(out)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }
    fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.0.push(0),
            Value::Bool(b) => {
                self.0.push(1);
                self.0.push(u8::from(*b));
            }
            Value::Int(i) => {
                self.0.push(2);
                self.u64(*i as u64);
            }
            Value::Float(f) => {
                self.0.push(3);
                self.u64(f.to_bits());
            }
            Value::Date(s) => {
                self.0.push(4);
                self.str(s);
            }
            Value::DateTime(s) => {
                self.0.push(5);
                self.str(s);
            }
            Value::String(s) => {
                self.0.push(6);
                self.str(s);
            }
            Value::List(items) => {
                self.0.push(7);
                self.u32(items.len() as u32);
                for i in items {
                    self.value(i);
                }
            }
            Value::Map(entries) => {
                self.0.push(8);
                self.u32(entries.len() as u32);
                for (k, v) in entries {
                    self.str(k);
                    self.value(v);
                }
            }
        }
    }
    fn problem(&mut self, p: &Problem) {
        self.str(&p.path);
        self.u32(p.line as u32);
        self.u32(p.column as u32);
        self.0.push(match p.severity {
            Severity::Warning => 0,
            Severity::Error => 1,
        });
        self.0.push(code_byte(p.code));
        self.opt_str(p.field.as_deref());
        self.str(&p.message);
        self.str(&p.hint);
        self.words(&p.words);
        self.words(&p.hint_words);
    }
    fn words(&mut self, w: &crate::words::Words) {
        self.str(w.code);
        self.u32(w.params.len() as u32);
        for (name, value) in &w.params {
            self.str(name);
            self.str(value);
        }
    }
}

const CODES: &[ProblemCode] = &[
    ProblemCode::NotUtf8,
    ProblemCode::Malformed,
    ProblemCode::DuplicateKey,
    ProblemCode::TypeMismatch,
    ProblemCode::MissingRequired,
    ProblemCode::MissingFile,
    ProblemCode::ImpossibleDate,
    ProblemCode::EndBeforeStart,
    ProblemCode::NotAChoice,
    ProblemCode::Config,
];

fn code_byte(code: ProblemCode) -> u8 {
    CODES.iter().position(|c| *c == code).unwrap_or(0) as u8
}

/// Deeper nesting than this in a cache file is corruption, not front matter.
const MAX_DEPTH: usize = 256;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let slice = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?.to_owned())),
            _ => None,
        }
    }
    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.u8()? {
            0 => Value::Null,
            1 => Value::Bool(self.u8()? != 0),
            2 => Value::Int(self.u64()? as i64),
            3 => Value::Float(f64::from_bits(self.u64()?)),
            4 => Value::Date(self.str()?.to_owned()),
            5 => Value::DateTime(self.str()?.to_owned()),
            6 => Value::String(self.str()?.to_owned()),
            7 => {
                let n = self.u32()? as usize;
                let mut items = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Value::List(items)
            }
            8 => {
                let n = self.u32()? as usize;
                let mut entries = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    let k = self.str()?.to_owned();
                    entries.push((k, self.value(depth + 1)?));
                }
                Value::Map(entries)
            }
            _ => return None,
        })
    }
    fn problem(&mut self) -> Option<Problem> {
        Some(Problem {
            path: self.str()?.to_owned(),
            line: self.u32()? as usize,
            column: self.u32()? as usize,
            severity: match self.u8()? {
                0 => Severity::Warning,
                1 => Severity::Error,
                _ => return None,
            },
            code: *CODES.get(self.u8()? as usize)?,
            field: self.opt_str()?,
            message: self.str()?.to_owned(),
            hint: self.str()?.to_owned(),
            words: self.words()?,
            hint_words: self.words()?,
        })
    }
    /// Words whose code this build does not know mean "no cache".
    fn words(&mut self) -> Option<crate::words::Words> {
        let say = crate::words::Say::from_code(self.str()?)?;
        let mut words = say.words();
        let n = self.u32()? as usize;
        for _ in 0..n {
            let name = self.str()?;
            words = words.with(name, self.str()?);
        }
        Some(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let record = super::super::record::record_from_bytes(
            "a.md",
            b"---\ntitle: A\nn: [1, 2.5, {x: ~}]\nd: 2024-01-02\nbad: \"x\n---\n",
            Dialect::Yaml11,
            Stamp {
                secs: 5,
                nanos: 6,
                len: 7,
            },
        );
        let good = super::super::record::record_from_bytes(
            "b.md",
            b"---\ntitle: B\nn: [1, 2.5, {x: ~}]\nd: 2024-01-02\nt: yes\n---\n# B\n",
            Dialect::Yaml11,
            Stamp {
                secs: 1,
                nanos: 2,
                len: 3,
            },
        );
        let bytes = encode(
            Dialect::Yaml11,
            [("a.md", &record), ("b.md", &good)].into_iter(),
        );
        let back = decode(&bytes, Dialect::Yaml11).expect("decodes");
        assert_eq!(
            back,
            vec![("a.md".to_owned(), record), ("b.md".to_owned(), good)]
        );
        assert!(decode(&bytes, Dialect::Yaml12).is_none());
        for cut in [0, 9, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], Dialect::Yaml11).is_none());
        }
    }
}
