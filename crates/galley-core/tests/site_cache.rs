//! The index cache: a re-open reads only changed pages and gives the same site.

mod fixture_sites;

use fixture_sites::{fixture, write};
use galley_core::site::{OpenOptions, Site};
use std::time::{Duration, SystemTime};

/// Pages written just now are not cached (their stamps could still change within the
/// file system's time granularity), so the tests age them first.
fn age_all(root: &std::path::Path) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    for entry in walk(root) {
        let file = std::fs::File::options()
            .write(true)
            .open(&entry)
            .expect("open");
        file.set_modified(old).expect("set mtime");
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if e.file_type().expect("type").is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn reopen_uses_the_cache_and_rereads_changed_pages() {
    let dir = fixture("jekyll-collections");
    age_all(dir.path());
    let cache = tempfile::tempdir().expect("cache");
    let options = OpenOptions {
        cache_dir: Some(cache.path().to_path_buf()),
    };
    let first = Site::open_with(dir.path(), &options).expect("open");
    assert_eq!(first.stats.cached, 0);
    assert!(first.stats.read > 0);
    let second = Site::open_with(dir.path(), &options).expect("reopen");
    assert_eq!(second.stats.read, 0, "nothing changed");
    assert_eq!(second.stats.cached, first.stats.read);
    assert_eq!(second.pages, first.pages);
    assert_eq!(second.schemas(), first.schemas());
    assert_eq!(
        galley_core::validate::check_site(&second),
        galley_core::validate::check_site(&first)
    );

    write(
        dir.path(),
        "my_collections/_engagements/e2.md",
        "---\ntitle: Renamed engagement\n---\n",
    );
    let third = Site::open_with(dir.path(), &options).expect("reopen");
    assert_eq!(third.stats.read, 1);
    assert!(third.pages.iter().any(|p| p.title == "Renamed engagement"));
}

#[test]
fn a_corrupt_cache_is_ignored() {
    let dir = fixture("plain");
    age_all(dir.path());
    let cache = tempfile::tempdir().expect("cache");
    let options = OpenOptions {
        cache_dir: Some(cache.path().to_path_buf()),
    };
    let first = Site::open_with(dir.path(), &options).expect("open");
    for file in walk(cache.path()) {
        let mut bytes = std::fs::read(&file).expect("read");
        let half = bytes.len() / 2;
        bytes.truncate(half);
        std::fs::write(&file, bytes).expect("write");
    }
    let second = Site::open_with(dir.path(), &options).expect("reopen");
    assert_eq!(second.stats.cached, 0);
    assert_eq!(second.pages, first.pages);
}

#[test]
fn an_unwritable_cache_folder_does_not_fail_the_open() {
    let dir = fixture("plain");
    let options = OpenOptions {
        cache_dir: Some(dir.path().join("docs/a.md/not-a-folder")),
    };
    let site = Site::open_with(dir.path(), &options).expect("open");
    assert_eq!(site.pages.len(), 4);
}
