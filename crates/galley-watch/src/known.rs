//! The files the watcher knows to exist, and turning a settled batch into
//! site changes by looking at the disk.
//!
//! Whether a path was added, changed or removed is decided by comparing "did
//! we know it" with "does it exist now", not by the kind of event: event kinds
//! differ per OS and per editor (an atomic save is a create on Linux, a modify
//! on Windows), while the disk is the truth. File times are not compared: on
//! Linux they tick only every few milliseconds, so a quick second write of the
//! same length would look unchanged.

use crate::batch::Batch;
use crate::changes::{Renamed, SiteChanges};
use crate::classify::{classify, PathKind};
use crate::own_writes::ExpectedWrites;
use galley_core::paths::relative_to_root;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Site-relative paths of the files (not folders) that matter to the site.
#[derive(Debug)]
pub(crate) struct KnownFiles {
    root: PathBuf,
    files: BTreeSet<String>,
}

/// What happened to one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Added,
    Changed,
    Removed,
}

/// Every file under `dir` (inside `root`) that matters to the site, skipping
/// ignored folders (`.git`, `_site`, `node_modules`…) without entering them.
fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
    let walker = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|entry| {
            relative_to_root(root, entry.path())
                .map(|rel| classify(&rel) != PathKind::Ignored)
                .unwrap_or(true)
        });
    // Unreadable entries are skipped: a folder we cannot read holds nothing
    // Galley could open either.
    for entry in walker.flatten() {
        if entry.file_type().is_dir() {
            continue;
        }
        if let Some(rel) = relative_to_root(root, entry.path()) {
            if !matches!(classify(&rel), PathKind::Ignored | PathKind::GitState) {
                out.insert(rel);
            }
        }
    }
}

impl KnownFiles {
    /// Reads the site's file list (a walk with lstat: ~26 ms for 10,000 pages).
    pub(crate) fn scan(root: &Path) -> Self {
        let mut files = BTreeSet::new();
        walk(root, root, &mut files);
        KnownFiles {
            root: root.to_path_buf(),
            files,
        }
    }

    /// How many files are known (for tests and figures).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.files.len()
    }

    /// Known files inside folder `rel` (which itself may be gone by now).
    fn under(&self, rel: &str) -> Vec<String> {
        let prefix = format!("{rel}/");
        self.files
            .range(prefix.clone()..)
            .take_while(|f| f.starts_with(&prefix))
            .cloned()
            .collect()
    }

    fn exists(&self, rel: &str) -> bool {
        std::fs::symlink_metadata(self.root.join(rel)).is_ok_and(|m| !m.is_dir())
    }

    /// Turns a settled batch into the changes to report, updating what is known.
    pub(crate) fn settle(&mut self, batch: Batch, expected: &ExpectedWrites) -> SiteChanges {
        let mut out = SiteChanges {
            git_state_changed: batch.git_state,
            ..SiteChanges::default()
        };
        if batch.needs_rescan() {
            *self = KnownFiles::scan(&self.root);
            out.rescan = true;
            out.config_changed = batch.config.into_iter().collect();
            return out;
        }

        let mut candidates: BTreeSet<String> = BTreeSet::new();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (from, to) in &batch.renames {
            let inside = self.under(from);
            if inside.is_empty() {
                pairs.push((from.clone(), to.clone()));
            } else {
                // A folder moved: every known file in it moved with it.
                for file in inside {
                    let moved = format!("{to}{}", &file[from.len()..]);
                    pairs.push((file, moved));
                }
            }
        }
        for rel in &batch.touched {
            candidates.insert(rel.clone());
            candidates.extend(self.under(rel));
            let path = self.root.join(rel);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                walk(&self.root, &path, &mut candidates);
            }
        }

        let mut handled: BTreeSet<String> = BTreeSet::new();
        for (from, to) in pairs {
            let both_pages = classify(&from) == PathKind::Page && classify(&to) == PathKind::Page;
            if both_pages && self.files.contains(&from) && !self.exists(&from) && self.exists(&to) {
                self.files.remove(&from);
                self.files.insert(to.clone());
                handled.insert(from.clone());
                handled.insert(to.clone());
                out.pages_renamed.push(Renamed { from, to });
            } else {
                candidates.insert(from);
                candidates.insert(to);
            }
        }

        for rel in candidates.difference(&handled) {
            let kind = classify(rel);
            if matches!(kind, PathKind::Ignored | PathKind::GitState) {
                continue;
            }
            let change = match (self.files.contains(rel), self.exists(rel)) {
                (true, true) => Change::Changed,
                (false, true) => {
                    self.files.insert(rel.clone());
                    Change::Added
                }
                (true, false) => {
                    self.files.remove(rel);
                    Change::Removed
                }
                (false, false) => continue,
            };
            if change != Change::Removed && expected.is_own_write(&self.root, rel) {
                continue;
            }
            let list = match (kind, change) {
                (PathKind::Page, Change::Changed) => &mut out.pages_changed,
                (PathKind::Page, Change::Added) => &mut out.pages_added,
                (PathKind::Page, Change::Removed) => &mut out.pages_removed,
                (PathKind::Config, _) => &mut out.config_changed,
                _ => &mut out.assets_changed,
            };
            list.push(rel.clone());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical");
        for (path, text) in [
            ("_posts/a.md", "a"),
            ("_posts/b.md", "b"),
            ("docs/x/c.md", "c"),
            ("assets/logo.png", "png"),
            ("_site/index.html", "built"),
            (".git/HEAD", "ref"),
        ] {
            let p = root.join(path);
            fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            fs::write(p, text).expect("write");
        }
        (dir, root)
    }

    fn batch(touched: &[&str], renames: &[(&str, &str)]) -> Batch {
        Batch {
            touched: touched.iter().map(|s| (*s).to_owned()).collect(),
            renames: renames
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect(),
            ..Batch::default()
        }
    }

    #[test]
    fn the_disk_decides_what_happened() {
        let (_dir, root) = site();
        let mut known = KnownFiles::scan(&root);
        assert_eq!(known.len(), 4, "build output and .git are not site files");
        let expected = ExpectedWrites::default();

        fs::write(root.join("_posts/a.md"), "a2").expect("write");
        fs::write(root.join("_posts/new.md"), "n").expect("write");
        fs::remove_file(root.join("_posts/b.md")).expect("rm");
        let changes = known.settle(
            batch(
                &[
                    "_posts/a.md",
                    "_posts/new.md",
                    "_posts/b.md",
                    "_posts/gone-again.md",
                ],
                &[],
            ),
            &expected,
        );
        assert_eq!(changes.pages_changed, ["_posts/a.md"]);
        assert_eq!(changes.pages_added, ["_posts/new.md"]);
        assert_eq!(changes.pages_removed, ["_posts/b.md"]);

        // A folder renamed: one event for the folder, every page inside moves.
        fs::rename(root.join("docs"), root.join("guide")).expect("mv");
        let changes = known.settle(batch(&["docs", "guide"], &[("docs", "guide")]), &expected);
        assert_eq!(
            changes.pages_renamed,
            [Renamed {
                from: "docs/x/c.md".into(),
                to: "guide/x/c.md".into()
            }]
        );
        assert!(changes.pages_added.is_empty() && changes.pages_removed.is_empty());

        // A new folder full of files, reported only by the folder's own event.
        fs::create_dir_all(root.join("new/deep")).expect("mkdir");
        fs::write(root.join("new/deep/p.md"), "p").expect("write");
        fs::write(root.join("new/pic.jpg"), "j").expect("write");
        let changes = known.settle(batch(&["new"], &[]), &expected);
        assert_eq!(changes.pages_added, ["new/deep/p.md"]);
        assert_eq!(changes.assets_changed, ["new/pic.jpg"]);

        // The folder deleted: every file in it is gone.
        fs::remove_dir_all(root.join("new")).expect("rm");
        let changes = known.settle(batch(&["new"], &[]), &expected);
        assert_eq!(changes.pages_removed, ["new/deep/p.md"]);
        assert_eq!(changes.assets_changed, ["new/pic.jpg"]);
    }

    #[test]
    fn own_writes_are_dropped_and_rescans_resync() {
        let (_dir, root) = site();
        let mut known = KnownFiles::scan(&root);
        let expected = ExpectedWrites::default();
        expected.expect("_posts/a.md", &galley_core::page::fingerprint(b"mine"));
        fs::write(root.join("_posts/a.md"), "mine").expect("write");
        assert!(known
            .settle(batch(&["_posts/a.md"], &[]), &expected)
            .is_empty());

        fs::write(root.join("_posts/z.md"), "z").expect("write");
        let mut b = batch(&[], &[]);
        b.overflow = true;
        let changes = known.settle(b, &expected);
        assert!(changes.rescan);
        assert_eq!(known.len(), 5);
    }
}
