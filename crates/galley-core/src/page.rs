//! Opening and saving one page of a site: the operations the editor's form and
//! the CLI's `set` share.
//!
//! A save never trusts the editor's copy alone: the file is re-read, compared
//! with the fingerprint of the version the editor started from, and only then
//! edited field by field and written atomically. So an outside change is never
//! silently overwritten, and the diff of a save is only what the editor changed.

use crate::document::{Document, DocumentError};
use crate::draft::{apply_all, FieldOp};
use crate::frontmatter::{Dialect, EditError, Format, Value};
use crate::merge::{merge_page, resolve, Choice, MergeError, MergeOutcome};
use crate::paths::{resolve_in_root, PathError};
use crate::save::{write_atomic, SaveError};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One page as the editor receives it.
#[derive(Debug, Clone, Serialize)]
pub struct LoadedPage {
    /// Site-relative path.
    pub path: String,
    /// `yaml`, `toml` or absent.
    pub format: Option<&'static str>,
    /// Top-level fields in file order; `None` when the front matter is broken.
    pub fields: Option<Vec<(String, Value)>>,
    /// Why the front matter could not be read, in plain words.
    pub front_matter_problem: Option<String>,
    /// `front_matter_problem` as codes and values, for the UI's own words.
    pub front_matter_words: Option<crate::words::LineWords>,
    /// The body exactly as in the file.
    pub body: String,
    /// Fingerprint of the bytes on disk, handed back on save.
    pub fingerprint: String,
    /// The bytes read: the base for combining with a later outside change.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A field change as typed by an editor.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldEdit {
    /// Field path, e.g. `title` or `contact.email`.
    pub key: String,
    /// What the editor typed; its type follows the field.
    pub input: String,
}

/// What a save did.
#[derive(Debug, Clone, Serialize)]
pub struct SaveOutcome {
    /// Fingerprint of the file as now on disk.
    pub fingerprint: String,
    /// False when the edits left the file as it was (nothing written).
    pub written: bool,
    /// The file's bytes as now on disk.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// Why a page could not be opened or saved. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Refused path.
    #[error(transparent)]
    Path(#[from] PathError),
    /// The page is gone.
    #[error("The page \"{0}\" no longer exists.")]
    NotFound(String),
    /// Reading failed.
    #[error("The page \"{0}\" could not be read: {1}")]
    Read(String, std::io::Error),
    /// Not UTF-8 and the like.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// A field edit did not fit (wrong type, broken front matter…).
    #[error(transparent)]
    Edit(#[from] EditError),
    /// YAML typed for a field ("Edit as YAML") that does not read.
    #[error("The YAML for \"{key}\" has a mistake: {message}")]
    BadYaml {
        /// The field.
        key: String,
        /// What is wrong.
        message: String,
    },
    /// A field name the engine cannot parse.
    #[error("\"{0}\" is not a field name Galley understands.")]
    BadField(String),
    /// The front matter cannot be read reliably, so nothing is written.
    #[error("This page's settings (front matter) have a mistake, so Galley will not save it: {0}")]
    BrokenFrontMatter(String),
    /// The file changed since the editor opened it.
    #[error("This page was changed outside Galley since you opened it. Your edits were not saved, so nothing was overwritten.")]
    ChangedOnDisk,
    /// Writing failed.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// Combining two versions failed.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// A short, stable fingerprint of a file's bytes (FNV-1a, 64 bits): enough to
/// notice that a file changed, cheap enough to compute on every save.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}", bytes.len())
}

fn read(root: &Path, rel: &str) -> Result<Vec<u8>, PageError> {
    let path = resolve_in_root(root, rel)?;
    std::fs::read(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PageError::NotFound(rel.to_owned()),
        _ => PageError::Read(rel.to_owned(), e),
    })
}

/// Reads a page for the editor.
pub fn load_page(root: &Path, rel: &str, dialect: Dialect) -> Result<LoadedPage, PageError> {
    let bytes = read(root, rel)?;
    loaded_from_bytes(rel, &bytes, dialect)
}

/// The editor's view of a page from bytes held elsewhere (an older version
/// from history, a journal entry).
pub fn loaded_from_bytes(
    rel: &str,
    bytes: &[u8],
    dialect: Dialect,
) -> Result<LoadedPage, PageError> {
    let doc = Document::parse(bytes, dialect)?;
    let (fields, front_matter_problem, front_matter_words) = match doc.fields() {
        Ok(Value::Map(entries)) => (Some(entries.clone()), None, None),
        Ok(_) => (Some(Vec::new()), None, None),
        Err(problem) => {
            let (message, hint) = problem.words(|line| line);
            let words = crate::words::LineWords {
                line: problem.line(),
                message,
                hint,
            };
            (None, Some(problem.to_string()), Some(words))
        }
    };
    Ok(LoadedPage {
        path: rel.to_owned(),
        format: doc.format().map(|f| match f {
            Format::Yaml => "yaml",
            Format::Toml => "toml",
        }),
        fields,
        front_matter_problem,
        front_matter_words,
        body: doc.body().to_owned(),
        fingerprint: fingerprint(bytes),
        bytes: bytes.to_vec(),
    })
}

/// The page's bytes with the editor's field edits, then its structured
/// operations (in order), and (if given) new body applied: exactly what a save
/// would write. Refuses on broken front matter.
pub fn apply_draft(
    bytes: &[u8],
    dialect: Dialect,
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
) -> Result<Vec<u8>, PageError> {
    let mut doc = Document::parse(bytes, dialect)?;
    apply_all(&mut doc, edits, ops).map_err(|(_, e)| e)?;
    if let Some(body) = body {
        doc.set_body(body);
    }
    let new_bytes = doc.to_bytes();
    if new_bytes != bytes {
        if let Err(problem) = doc.fields() {
            return Err(PageError::BrokenFrontMatter(problem.to_string()));
        }
    }
    Ok(new_bytes)
}

/// Applies `edits` and (if given) a new body to the page, and writes it
/// atomically if anything changed. Refuses when the file on disk is no longer
/// the version with `base_fingerprint`.
pub fn save_page(
    root: &Path,
    rel: &str,
    dialect: Dialect,
    base_fingerprint: &str,
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
) -> Result<SaveOutcome, PageError> {
    save_page_announced(
        root,
        rel,
        dialect,
        base_fingerprint,
        edits,
        ops,
        body,
        &mut |_| {},
    )
}

/// [`save_page`], telling `announce` the new content's fingerprint just before
/// writing, so a file watcher can recognise the app's own write.
#[allow(clippy::too_many_arguments)]
pub fn save_page_announced(
    root: &Path,
    rel: &str,
    dialect: Dialect,
    base_fingerprint: &str,
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
    announce: &mut dyn FnMut(&str),
) -> Result<SaveOutcome, PageError> {
    let bytes = read(root, rel)?;
    if fingerprint(&bytes) != base_fingerprint {
        return Err(PageError::ChangedOnDisk);
    }
    let new_bytes = apply_draft(&bytes, dialect, edits, ops, body)?;
    write_checked(root, rel, &bytes, new_bytes, announce)
}

/// Writes `new_bytes` unless they equal `old`; the caller has checked that the
/// file still holds `old`.
fn write_checked(
    root: &Path,
    rel: &str,
    old: &[u8],
    new_bytes: Vec<u8>,
    announce: &mut dyn FnMut(&str),
) -> Result<SaveOutcome, PageError> {
    if new_bytes == old {
        return Ok(SaveOutcome {
            fingerprint: fingerprint(old),
            written: false,
            bytes: new_bytes,
        });
    }
    let print = fingerprint(&new_bytes);
    announce(&print);
    write_atomic(&resolve_in_root(root, rel)?, &new_bytes)?;
    Ok(SaveOutcome {
        fingerprint: print,
        written: true,
        bytes: new_bytes,
    })
}

/// The page changed on disk while the editor had unsaved edits: what combining
/// the editor's version with the one on disk gives, and the clashes to decide.
#[derive(Debug, Clone, Serialize)]
pub struct OutsideChange {
    /// Fingerprint of the version on disk that was combined; finishing refuses
    /// if the file changed again meanwhile.
    pub theirs_fingerprint: String,
    /// Whether the page is gone from disk.
    pub deleted: bool,
    /// The combination (clashes to decide, fields merged without asking).
    pub outcome: Option<MergeOutcome>,
}

/// Compares the editor's draft (made on `base`) with the page on disk now.
pub fn outside_change(
    root: &Path,
    rel: &str,
    dialect: Dialect,
    base: &[u8],
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
) -> Result<OutsideChange, PageError> {
    let theirs = match read(root, rel) {
        Ok(bytes) => bytes,
        Err(PageError::NotFound(_)) => {
            return Ok(OutsideChange {
                theirs_fingerprint: String::new(),
                deleted: true,
                outcome: None,
            })
        }
        Err(e) => return Err(e),
    };
    let mine = apply_draft(base, dialect, edits, ops, body)?;
    let outcome = merge_page(base, &mine, &theirs, dialect)?;
    Ok(OutsideChange {
        theirs_fingerprint: fingerprint(&theirs),
        deleted: false,
        outcome: Some(outcome),
    })
}

/// How the editor settles an outside change.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", content = "choices", rename_all = "snake_case")]
pub enum Settle {
    /// Write the editor's version over the one on disk.
    KeepMine,
    /// Combine both, with one choice per clash.
    Combine(Vec<Choice>),
}

/// Writes the settled page, if the file on disk is still the version that was
/// shown (`theirs_fingerprint`; empty when it had been deleted).
#[allow(clippy::too_many_arguments)]
pub fn settle_outside_change(
    root: &Path,
    rel: &str,
    dialect: Dialect,
    base: &[u8],
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
    theirs_fingerprint: &str,
    settle: &Settle,
    announce: &mut dyn FnMut(&str),
) -> Result<SaveOutcome, PageError> {
    let theirs = match read(root, rel) {
        Ok(bytes) => Some(bytes),
        Err(PageError::NotFound(_)) => None,
        Err(e) => return Err(e),
    };
    let now = theirs.as_deref().map(fingerprint).unwrap_or_default();
    if now != theirs_fingerprint {
        return Err(PageError::ChangedOnDisk);
    }
    let mine = apply_draft(base, dialect, edits, ops, body)?;
    let result = match (settle, &theirs) {
        (Settle::KeepMine, _) | (Settle::Combine(_), None) => mine,
        (Settle::Combine(choices), Some(theirs)) => {
            let outcome = merge_page(base, &mine, theirs, dialect)?;
            resolve(&outcome, choices)?
        }
    };
    write_checked(
        root,
        rel,
        theirs.as_deref().unwrap_or_default(),
        result,
        announce,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\r\ntitle: AIDA\r\nongoing: yes\r\nprio: 1 # first\r\n---\r\nBody line\r\n\r\nSecond\r\n";

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("_engagements")).expect("mkdir");
        std::fs::write(dir.path().join("_engagements/aida.md"), PAGE).expect("write");
        dir
    }

    fn edit(key: &str, input: &str) -> FieldEdit {
        FieldEdit {
            key: key.into(),
            input: input.into(),
        }
    }

    #[test]
    fn save_changes_only_the_edited_lines() {
        let dir = site();
        let page = load_page(dir.path(), "_engagements/aida.md", Dialect::Yaml11).expect("load");
        assert_eq!(page.body, "Body line\r\n\r\nSecond\r\n");
        let outcome = save_page(
            dir.path(),
            "_engagements/aida.md",
            Dialect::Yaml11,
            &page.fingerprint,
            &[edit("title", "AIDA arena"), edit("prio", "2")],
            &[],
            Some("Body line\n\nSecond, longer\n"),
        )
        .expect("save");
        assert!(outcome.written);
        let after = std::fs::read_to_string(dir.path().join("_engagements/aida.md")).expect("read");
        assert_eq!(
            after,
            "---\r\ntitle: AIDA arena\r\nongoing: yes\r\nprio: 2 # first\r\n---\r\nBody line\r\n\r\nSecond, longer\r\n"
        );
    }

    #[test]
    fn unchanged_save_writes_nothing() {
        let dir = site();
        let page = load_page(dir.path(), "_engagements/aida.md", Dialect::Yaml11).expect("load");
        let outcome = save_page(
            dir.path(),
            "_engagements/aida.md",
            Dialect::Yaml11,
            &page.fingerprint,
            &[edit("title", "AIDA")],
            &[],
            Some("Body line\n\nSecond\n"),
        )
        .expect("save");
        assert!(!outcome.written);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("_engagements/aida.md")).expect("read"),
            PAGE
        );
    }

    #[test]
    fn outside_change_is_never_overwritten() {
        let dir = site();
        let page = load_page(dir.path(), "_engagements/aida.md", Dialect::Yaml11).expect("load");
        std::fs::write(
            dir.path().join("_engagements/aida.md"),
            "---\ntitle: Theirs\n---\n",
        )
        .expect("write");
        let err = save_page(
            dir.path(),
            "_engagements/aida.md",
            Dialect::Yaml11,
            &page.fingerprint,
            &[edit("title", "Mine")],
            &[],
            None,
        )
        .expect_err("conflict");
        assert!(matches!(err, PageError::ChangedOnDisk));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("_engagements/aida.md")).expect("read"),
            "---\ntitle: Theirs\n---\n"
        );
    }

    #[test]
    fn wrong_type_and_broken_front_matter_leave_the_file_alone() {
        let dir = site();
        let page = load_page(dir.path(), "_engagements/aida.md", Dialect::Yaml11).expect("load");
        let err = save_page(
            dir.path(),
            "_engagements/aida.md",
            Dialect::Yaml11,
            &page.fingerprint,
            &[edit("prio", "first")],
            &[],
            None,
        )
        .expect_err("prio is a number");
        assert!(matches!(err, PageError::Edit(_)));
        let broken = "---\ntitle: \"unterminated\nprio: 1\n---\nBody\n";
        std::fs::write(dir.path().join("_engagements/broken.md"), broken).expect("write");
        let page = load_page(dir.path(), "_engagements/broken.md", Dialect::Yaml11).expect("load");
        assert!(page.fields.is_none() && page.front_matter_problem.is_some());
        let err = save_page(
            dir.path(),
            "_engagements/broken.md",
            Dialect::Yaml11,
            &page.fingerprint,
            &[edit("prio", "2")],
            &[],
            None,
        )
        .expect_err("broken");
        assert!(matches!(err, PageError::Edit(_)), "{err:?}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("_engagements/broken.md")).expect("read"),
            broken
        );
    }

    #[test]
    fn outside_change_combines_field_edits_from_both_sides() {
        let dir = site();
        let rel = "_engagements/aida.md";
        let page = load_page(dir.path(), rel, Dialect::Yaml11).expect("load");
        let theirs = PAGE.replace("prio: 1 # first", "prio: 5 # first");
        std::fs::write(dir.path().join(rel), &theirs).expect("outside write");
        let mine = [edit("title", "AIDA arena")];
        let change = outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
        )
        .expect("compare");
        let outcome = change.outcome.as_ref().expect("not deleted");
        assert!(outcome.is_clean(), "{outcome:?}");
        let mut announced = Vec::new();
        let saved = settle_outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
            &change.theirs_fingerprint,
            &Settle::Combine(Vec::new()),
            &mut |f| announced.push(f.to_owned()),
        )
        .expect("settle");
        let now = std::fs::read_to_string(dir.path().join(rel)).expect("read");
        assert_eq!(
            now,
            theirs.replace("title: AIDA\r\n", "title: AIDA arena\r\n")
        );
        assert_eq!(announced, vec![saved.fingerprint.clone()]);
    }

    #[test]
    fn keep_mine_and_a_second_outside_change() {
        let dir = site();
        let rel = "_engagements/aida.md";
        let page = load_page(dir.path(), rel, Dialect::Yaml11).expect("load");
        std::fs::write(dir.path().join(rel), PAGE.replace("AIDA", "Theirs")).expect("write");
        let mine = [edit("title", "Mine")];
        let change = outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
        )
        .expect("compare");
        std::fs::write(dir.path().join(rel), PAGE.replace("AIDA", "Third")).expect("write again");
        let again = settle_outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
            &change.theirs_fingerprint,
            &Settle::KeepMine,
            &mut |_| {},
        );
        assert!(matches!(again, Err(PageError::ChangedOnDisk)));
        let change = outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
        )
        .expect("compare");
        settle_outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &mine,
            &[],
            None,
            &change.theirs_fingerprint,
            &Settle::KeepMine,
            &mut |_| {},
        )
        .expect("keep mine");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(rel)).expect("read"),
            PAGE.replace("title: AIDA", "title: Mine")
        );
    }

    #[test]
    fn a_page_deleted_outside_can_be_recreated() {
        let dir = site();
        let rel = "_engagements/aida.md";
        let page = load_page(dir.path(), rel, Dialect::Yaml11).expect("load");
        std::fs::remove_file(dir.path().join(rel)).expect("delete");
        let change = outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &[],
            &[],
            Some("New body\n"),
        )
        .expect("compare");
        assert!(change.deleted && change.outcome.is_none());
        settle_outside_change(
            dir.path(),
            rel,
            Dialect::Yaml11,
            &page.bytes,
            &[],
            &[],
            Some("New body\n"),
            "",
            &Settle::KeepMine,
            &mut |_| {},
        )
        .expect("recreate");
        assert!(std::fs::read_to_string(dir.path().join(rel))
            .expect("read")
            .ends_with("New body\r\n"));
    }

    #[test]
    fn refuses_paths_outside() {
        let dir = site();
        assert!(matches!(
            load_page(dir.path(), "../x.md", Dialect::Yaml11),
            Err(PageError::Path(_))
        ));
        assert!(matches!(
            load_page(dir.path(), ".git/config", Dialect::Yaml11),
            Err(PageError::Path(_))
        ));
    }
}
