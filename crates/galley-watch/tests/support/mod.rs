//! A site folder in a temp dir with a watcher whose batches are recorded.

#![allow(dead_code)]

use galley_watch::{SiteChanges, WatchOptions, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Batches as delivered, with the moment the callback ran.
pub type Log = Arc<Mutex<Vec<(Instant, SiteChanges)>>>;

pub struct Site {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub watcher: Watcher,
    pub log: Log,
}

impl Site {
    pub fn new(options: WatchOptions, files: &[(&str, &str)]) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical");
        for (path, text) in files {
            write(&root, path, text);
        }
        let log: Log = Arc::default();
        let sink = Arc::clone(&log);
        let watcher = Watcher::start_with(&root, options, move |changes| {
            sink.lock().expect("log").push((Instant::now(), changes));
        })
        .expect("watch");
        Site {
            _dir: dir,
            root,
            watcher,
            log,
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Flushes and returns the batches delivered since the last call.
    pub fn settle(&self) -> Vec<SiteChanges> {
        self.watcher.flush().expect("flush");
        std::mem::take(&mut *self.log.lock().expect("log"))
            .into_iter()
            .map(|(_, c)| c)
            .collect()
    }
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// All batches folded into one (lists concatenated, flags or-ed).
pub fn fold(batches: &[SiteChanges]) -> SiteChanges {
    let mut all = SiteChanges::default();
    for b in batches {
        all.pages_changed.extend(b.pages_changed.iter().cloned());
        all.pages_added.extend(b.pages_added.iter().cloned());
        all.pages_removed.extend(b.pages_removed.iter().cloned());
        all.pages_renamed.extend(b.pages_renamed.iter().cloned());
        all.config_changed.extend(b.config_changed.iter().cloned());
        all.assets_changed.extend(b.assets_changed.iter().cloned());
        all.git_state_changed |= b.git_state_changed;
        all.rescan |= b.rescan;
        if b.watch_mode.is_some() {
            all.watch_mode = b.watch_mode.clone();
        }
    }
    all
}

/// Every path a batch mentions.
pub fn mentioned(batches: &[SiteChanges]) -> BTreeSet<String> {
    let all = fold(batches);
    let mut out: BTreeSet<String> = BTreeSet::new();
    out.extend(all.pages_changed);
    out.extend(all.pages_added);
    out.extend(all.pages_removed);
    out.extend(all.config_changed);
    out.extend(all.assets_changed);
    for r in all.pages_renamed {
        out.insert(r.from);
        out.insert(r.to);
    }
    out
}
