//! Collecting raw notify events into one pending batch.
//!
//! Events only say *where to look*; what happened is decided when the batch
//! settles, by looking at the disk (see `known.rs`). That makes the OS quirks
//! harmless:
//! - Linux (inotify) reports a rename as `Name(From)` and `Name(To)` with the
//!   same tracker cookie, plus a `Name(Both)` event carrying both paths; an
//!   atomic save by any editor is a create/modify of a temp file and a rename
//!   onto the page. Files created inside a new folder before notify has added
//!   a watch for it are never reported: the folder's own event is, so the
//!   folder is walked when the batch settles.
//! - macOS (FSEvents) coalesces events per path and flags; a rename is
//!   `Name(Any)` on each path without pairing.
//! - Windows reports most changes as `Modify(Any)`.
//! - A full kernel queue (inotify `IN_Q_OVERFLOW`) arrives as an event with
//!   the `Rescan` flag: events were lost, so the site must be re-read.

use crate::classify::{classify, PathKind};
use galley_core::paths::relative_to_root;
use notify::event::{EventKind, ModifyKind, RenameMode};
use notify::Event;
use std::collections::BTreeSet;
use std::path::Path;

/// More distinct paths than this in one batch turn it into a single "re-read
/// the site" signal: updating the UI path by path would cost more than the
/// ~0.3 s a full re-read of 10,000 pages takes, and a `git checkout` would
/// otherwise flood the UI.
pub(crate) const BURST_PATHS: usize = 1_000;

/// Raw events gathered since the last delivered batch.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// Site-relative paths to look at (pages, assets, config, folders).
    pub touched: BTreeSet<String>,
    /// Rename pairs reported by the OS (from, to).
    pub renames: Vec<(String, String)>,
    /// Config files seen, kept even in a burst (the shell reloads the model).
    pub config: BTreeSet<String>,
    /// A git state file changed.
    pub git_state: bool,
    /// Events were lost or cannot be trusted: re-read everything.
    pub overflow: bool,
    /// Too many paths to list: re-read everything.
    pub burst: bool,
}

impl Batch {
    /// Whether nothing worth reporting was gathered.
    pub(crate) fn is_empty(&self) -> bool {
        self.touched.is_empty()
            && self.renames.is_empty()
            && self.config.is_empty()
            && !self.git_state
            && !self.overflow
            && !self.burst
    }

    /// Whether the batch will be a single re-read signal.
    pub(crate) fn needs_rescan(&self) -> bool {
        self.overflow || self.burst
    }

    /// Turns the batch into a single re-read signal and stops listing paths.
    pub(crate) fn start_burst(&mut self) {
        self.burst = true;
        self.touched.clear();
        self.renames.clear();
    }

    fn touch(&mut self, rel: String) {
        if self.burst {
            return;
        }
        self.touched.insert(rel);
        if self.touched.len() > BURST_PATHS {
            self.start_burst();
        }
    }

    /// Adds one event; returns whether it matters to the site (so the quiet
    /// period only restarts for relevant activity, not for `.git/objects`).
    pub(crate) fn add(&mut self, root: &Path, event: &Event) -> bool {
        if event.need_rescan() {
            self.overflow = true;
            return true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            // Opens and closes: the modify/create events carry the news.
            return false;
        }
        let mut relevant = false;
        let mut rels = Vec::with_capacity(event.paths.len());
        for path in &event.paths {
            let Some(rel) = relative_to_root(root, path) else {
                // The site folder itself: moved away or deleted means nothing
                // we hold is valid; a change of its own metadata means nothing.
                if path == root
                    && matches!(
                        event.kind,
                        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
                    )
                {
                    self.overflow = true;
                    relevant = true;
                }
                rels.push(None);
                continue;
            };
            match classify(&rel) {
                // The repository itself appeared or went away (`git init`,
                // a removed clone): the badges change.
                PathKind::Ignored if rel == ".git" => {
                    self.git_state = true;
                    relevant = true;
                    rels.push(None);
                }
                PathKind::Ignored => rels.push(None),
                PathKind::GitState => {
                    self.git_state = true;
                    relevant = true;
                    rels.push(None);
                }
                kind => {
                    if kind == PathKind::Config {
                        self.config.insert(rel.clone());
                    }
                    relevant = true;
                    rels.push(Some(rel.clone()));
                    self.touch(rel);
                }
            }
        }
        if let (EventKind::Modify(ModifyKind::Name(RenameMode::Both)), [Some(from), Some(to)]) =
            (event.kind, rels.as_slice())
        {
            if !self.burst {
                self.renames.push((from.clone(), to.clone()));
            }
        }
        relevant
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, Flag};
    use std::path::PathBuf;

    fn ev(kind: EventKind, paths: &[&str]) -> Event {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from("/site").join(p));
        }
        e
    }

    #[test]
    fn events_are_sorted_into_the_batch() {
        let root = Path::new("/site");
        let mut b = Batch::default();
        assert!(!b.add(
            root,
            &ev(EventKind::Create(CreateKind::File), &["_posts/.a.md.swp"])
        ));
        assert!(!b.add(
            root,
            &ev(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &[".git/objects/ab/cd"]
            )
        ));
        assert!(!b.add(
            root,
            &ev(
                EventKind::Access(notify::event::AccessKind::Any),
                &["_posts/a.md"]
            )
        ));
        assert!(b.is_empty());
        assert!(b.add(
            root,
            &ev(EventKind::Modify(ModifyKind::Any), &["_posts/a.md"])
        ));
        assert!(b.add(
            root,
            &ev(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &[".git/HEAD"]
            )
        ));
        assert!(b.add(
            root,
            &ev(EventKind::Create(CreateKind::File), &["_config.yml"])
        ));
        assert!(b.add(
            root,
            &ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["_posts/b.md", "_posts/c.md"]
            )
        ));
        // An editor's atomic save: temp file renamed onto the page.
        assert!(b.add(
            root,
            &ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["_posts/d.md___jb_tmp___", "_posts/d.md"]
            )
        ));
        assert!(b.git_state && !b.needs_rescan());
        let touched: Vec<&str> = b.touched.iter().map(String::as_str).collect();
        assert_eq!(
            touched,
            [
                "_config.yml",
                "_posts/a.md",
                "_posts/b.md",
                "_posts/c.md",
                "_posts/d.md"
            ]
        );
        assert_eq!(
            b.renames,
            vec![("_posts/b.md".to_owned(), "_posts/c.md".to_owned())]
        );
        assert_eq!(b.config.len(), 1);
    }

    #[test]
    fn overflow_and_bursts_become_a_rescan() {
        let root = Path::new("/site");
        let mut b = Batch::default();
        assert!(b.add(root, &Event::new(EventKind::Other).set_flag(Flag::Rescan)));
        assert!(b.needs_rescan());

        let mut b = Batch::default();
        for i in 0..=BURST_PATHS {
            b.add(
                root,
                &ev(EventKind::Create(CreateKind::File), &[&format!("p/{i}.md")]),
            );
        }
        assert!(b.burst && b.touched.is_empty());
        b.add(
            root,
            &ev(EventKind::Create(CreateKind::File), &["_config.yml"]),
        );
        assert!(b.touched.is_empty() && b.config.len() == 1);

        let mut b = Batch::default();
        b.add(
            root,
            &ev(EventKind::Remove(notify::event::RemoveKind::Folder), &[""]),
        );
        assert!(b.overflow, "the site folder itself went away");
    }
}
