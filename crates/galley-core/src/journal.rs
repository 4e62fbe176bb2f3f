//! The recovery journal: unsaved edits kept on disk so a crash, a kill or a
//! power cut never loses what an editor typed.
//!
//! The shell records each open page's draft every few seconds and on blur, and
//! clears it once the page is saved or the edits are thrown away. On the next
//! start, [`Journal::pending`] lists what was left behind so the editor can be
//! offered a restore per page.
//!
//! One JSON file per page, written with [`write_atomic`], so an entry is
//! either the previous draft or the new one, never half of each. The file name
//! is a hash of the page path (paths may hold characters a file name cannot);
//! the path itself is stored inside. A damaged entry (a disk error, a file
//! someone edited) is skipped and reported, never a reason to panic or to hide
//! the other drafts.
//!
//! This module is *not* the save path: a draft is never written into the site.

use crate::draft::FieldOp;
use crate::page::{fingerprint, FieldEdit};
use crate::save::{write_atomic, SaveError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The entry format written for drafts with only field edits and a body: what
/// every version of Galley reads.
const FORMAT_VERSION: u32 = 1;

/// The entry format written when a draft has structured operations (list items
/// added or moved…): an older Galley skips such an entry with a reason instead
/// of restoring half of it. Newer entries are skipped likewise.
const FORMAT_VERSION_OPS: u32 = 2;

/// The file name ending of journal entries; anything else in the folder (a
/// leftover temp file of an interrupted write) is not an entry.
const ENTRY_SUFFIX: &str = ".draft.json";

/// What an editor changed in a page and has not saved yet.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Draft {
    /// Field changes as typed in the form, in the order they were made.
    pub field_edits: Vec<FieldEdit>,
    /// Structured changes (lists, nested fields, YAML), applied after
    /// `field_edits`, in order.
    #[serde(default)]
    pub ops: Vec<FieldOp>,
    /// The whole body as in the editor, when it was changed.
    pub body: Option<String>,
}

/// One page's unsaved edits found in the journal.
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    /// Site-relative path of the page.
    pub path: String,
    /// Fingerprint of the file the edits were made on; if the file on disk has
    /// another one now, restoring goes through the combine (merge) flow.
    pub base_fingerprint: String,
    /// The edits themselves.
    pub draft: Draft,
    /// When the draft was recorded, in milliseconds since 1970-01-01 UTC.
    pub saved_at: u64,
}

/// A journal file that could not be read; the other entries are still offered.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedEntry {
    /// The file in the journal folder.
    pub file: PathBuf,
    /// Why it was skipped, in plain words.
    pub reason: String,
}

/// Everything the journal holds: readable drafts and damaged files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pending {
    /// Drafts to offer for restoring, oldest first.
    pub entries: Vec<JournalEntry>,
    /// Files that could not be read (reported, not offered).
    pub skipped: Vec<SkippedEntry>,
}

/// Why the journal could not be used. Unsaved edits are still in the editor.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The journal folder cannot be created or read.
    #[error("Galley could not use its recovery folder {folder} ({source}). Your unsaved edits are still open, but save them soon: they are not protected against a crash.")]
    Folder {
        /// The folder.
        folder: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Writing the draft failed (disk full, read-only…).
    #[error(
        "Galley could not keep a recovery copy of your unsaved edits ({0}). Save the page soon."
    )]
    Write(#[from] SaveError),
    /// Removing a draft failed.
    #[error("Galley could not remove the recovery copy of a page ({0}). It may be offered again after a restart.")]
    Remove(std::io::Error),
}

/// A folder of drafts for one site.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

/// The on-disk shape of an entry, kept separate from [`JournalEntry`] so the
/// file format is versioned and `FieldEdit` need not be serialisable itself.
#[derive(Serialize, Deserialize)]
struct EntryFile {
    version: u32,
    path: String,
    base_fingerprint: String,
    field_edits: Vec<EditFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ops: Vec<FieldOp>,
    body: Option<String>,
    saved_at: u64,
}

#[derive(Serialize, Deserialize)]
struct EditFile {
    key: String,
    input: String,
}

impl Serialize for Draft {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            field_edits: Vec<EditFile>,
            #[serde(skip_serializing_if = "no_ops")]
            ops: &'a [FieldOp],
            body: &'a Option<String>,
        }
        Shape {
            field_edits: self.field_edits.iter().map(EditFile::from).collect(),
            ops: &self.ops,
            body: &self.body,
        }
        .serialize(serializer)
    }
}

fn no_ops(ops: &&[FieldOp]) -> bool {
    ops.is_empty()
}

impl From<&FieldEdit> for EditFile {
    fn from(edit: &FieldEdit) -> Self {
        EditFile {
            key: edit.key.clone(),
            input: edit.input.clone(),
        }
    }
}

impl Journal {
    /// The journal folder for a site under the app's data folder: one
    /// subfolder per site, named by a hash of the site's root, so two sites
    /// with pages of the same name never share drafts.
    pub fn site_folder(data_dir: &Path, site_root: &Path) -> PathBuf {
        let root = site_root
            .canonicalize()
            .unwrap_or_else(|_| site_root.to_path_buf());
        let key = fingerprint(root.to_string_lossy().as_bytes());
        data_dir.join("journal").join(key)
    }

    /// Opens (creating if needed) the journal in `dir`.
    pub fn open(dir: &Path) -> Result<Journal, JournalError> {
        std::fs::create_dir_all(dir).map_err(|source| JournalError::Folder {
            folder: dir.to_path_buf(),
            source,
        })?;
        Ok(Journal {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder this journal writes to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry_file(&self, site_rel_path: &str) -> PathBuf {
        let key = fingerprint(site_rel_path.as_bytes());
        self.dir.join(format!("{key}{ENTRY_SUFFIX}"))
    }

    /// Records (replacing any earlier one) the draft of a page. The write is
    /// atomic: after a crash the entry is this draft or the previous one.
    pub fn record(
        &self,
        site_rel_path: &str,
        base_fingerprint: &str,
        draft: &Draft,
    ) -> Result<(), JournalError> {
        let saved_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        let file = EntryFile {
            version: if draft.ops.is_empty() {
                FORMAT_VERSION
            } else {
                FORMAT_VERSION_OPS
            },
            path: site_rel_path.to_owned(),
            base_fingerprint: base_fingerprint.to_owned(),
            field_edits: draft.field_edits.iter().map(EditFile::from).collect(),
            ops: draft.ops.clone(),
            body: draft.body.clone(),
            saved_at,
        };
        // Serialising plain strings and numbers cannot fail; an empty entry
        // would still be skipped safely by `pending`.
        let bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        write_atomic(&self.entry_file(site_rel_path), &bytes)?;
        Ok(())
    }

    /// Forgets a page's draft (it was saved or discarded). Clearing a page
    /// without a draft is not an error.
    pub fn clear(&self, site_rel_path: &str) -> Result<(), JournalError> {
        match std::fs::remove_file(self.entry_file(site_rel_path)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(JournalError::Remove(e)),
        }
    }

    /// Every draft left in the journal, oldest first, plus the files that could
    /// not be read. Never fails: an unreadable folder is reported as skipped.
    pub fn pending(&self) -> Pending {
        let mut pending = Pending::default();
        let listing = match std::fs::read_dir(&self.dir) {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return pending,
            Err(e) => {
                pending.skipped.push(SkippedEntry {
                    file: self.dir.clone(),
                    reason: format!("the recovery folder could not be read ({e})"),
                });
                return pending;
            }
        };
        for item in listing {
            let path = match item {
                Ok(item) => item.path(),
                Err(e) => {
                    pending.skipped.push(SkippedEntry {
                        file: self.dir.clone(),
                        reason: format!("an entry of the recovery folder could not be read ({e})"),
                    });
                    continue;
                }
            };
            let is_entry = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(ENTRY_SUFFIX));
            if !is_entry {
                continue;
            }
            match read_entry(&path) {
                Ok(entry) => pending.entries.push(entry),
                Err(reason) => pending.skipped.push(SkippedEntry { file: path, reason }),
            }
        }
        pending
            .entries
            .sort_by(|a, b| a.saved_at.cmp(&b.saved_at).then(a.path.cmp(&b.path)));
        pending
    }
}

fn read_entry(path: &Path) -> Result<JournalEntry, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("it could not be read ({e})"))?;
    let file: EntryFile =
        serde_json::from_slice(&bytes).map_err(|e| format!("it is damaged or incomplete ({e})"))?;
    if file.version != FORMAT_VERSION && file.version != FORMAT_VERSION_OPS {
        return Err(format!(
            "it was written by another version of Galley (format {})",
            file.version
        ));
    }
    Ok(JournalEntry {
        path: file.path,
        base_fingerprint: file.base_fingerprint,
        draft: Draft {
            field_edits: file
                .field_edits
                .into_iter()
                .map(|e| FieldEdit {
                    key: e.key,
                    input: e.input,
                })
                .collect(),
            ops: file.ops,
            body: file.body,
        },
        saved_at: file.saved_at,
    })
}
