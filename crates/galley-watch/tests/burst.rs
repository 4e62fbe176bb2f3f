//! A `git checkout`-sized burst: 10,000 files written as fast as possible must
//! become a few batches (a re-read signal or complete lists), and every file
//! must be accounted for.

mod support;

use galley_watch::WatchOptions;
use std::time::Instant;
use support::{fold, mentioned, Site};

const FOLDERS: usize = 100;
const PER_FOLDER: usize = 100;

#[test]
fn ten_thousand_files_and_a_folder_rename_miss_nothing() {
    let site = Site::new(WatchOptions::default(), &[]);
    let page = "---\ntitle: Burst\n---\nBody\n";
    let mut written = Vec::with_capacity(FOLDERS * PER_FOLDER);
    for d in 0..FOLDERS {
        let folder = format!("content/d{d:03}");
        std::fs::create_dir_all(site.path(&folder)).expect("mkdir");
        for f in 0..PER_FOLDER {
            let rel = format!("{folder}/p{f:03}.md");
            std::fs::write(site.path(&rel), page).expect("write");
            written.push((rel, Instant::now()));
        }
    }
    site.watcher.flush().expect("flush");
    let log = std::mem::take(&mut *site.log.lock().expect("log"));
    let batches: Vec<_> = log.iter().map(|(_, c)| c.clone()).collect();
    let listed = mentioned(&batches);
    let rescans: Vec<Instant> = log
        .iter()
        .filter(|(_, c)| c.rescan)
        .map(|(at, _)| *at)
        .collect();
    eprintln!(
        "burst: {} batches, {} with rescan, {} paths listed",
        log.len(),
        rescans.len(),
        listed.len()
    );
    // A file is accounted for when a batch lists it, or when a re-read signal
    // was delivered after it was written (the shell's re-read then sees it).
    let lost: Vec<&String> = written
        .iter()
        .filter(|(rel, at)| !listed.contains(rel) && !rescans.iter().any(|r| r > at))
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        lost.is_empty(),
        "{} files lost, e.g. {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    // Not 10,000 updates: batches of many files. How many batches depends on
    // how fast this machine writes (a stall longer than the quiet time ends a
    // batch; a loaded CI machine stalls often), so the bound is about
    // coalescing, not speed: at least a hundred files per batch on average.
    assert!(
        log.len() <= written.len() / 100,
        "{} batches for one burst",
        log.len()
    );
    if rescans.is_empty() {
        assert_eq!(listed.len(), FOLDERS * PER_FOLDER);
    }

    // A folder rename: one event for the folder, a hundred pages moved.
    std::fs::rename(site.path("content/d042"), site.path("content/moved")).expect("mv");
    let batches = site.settle();
    let all = fold(&batches);
    if !all.rescan {
        assert_eq!(all.pages_renamed.len(), PER_FOLDER, "{all:?}");
        assert!(all.pages_added.is_empty() && all.pages_removed.is_empty());
    }
}
