//! Recognising Galley's own saves by what the file now holds.
//!
//! A save announces the fingerprint of the bytes it is about to write. When a
//! change to that path is reported, the file is read: if it holds one of the
//! announced contents, the change is Galley's own and is dropped. A time
//! window would also swallow a real edit made by another program right after
//! a save; comparing content cannot.

use galley_core::page::fingerprint;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// How many announced contents are kept per path: enough for saves that
/// follow each other faster than events settle, small enough that a path
/// saved all day costs nothing.
const MAX_EXPECTED_PER_PATH: usize = 8;

/// Fingerprints of own writes that have not been ruled out yet, per path.
#[derive(Debug, Default)]
pub(crate) struct ExpectedWrites {
    by_path: Mutex<HashMap<String, Vec<String>>>,
}

impl ExpectedWrites {
    /// Announces that Galley is about to write `content_hash` to `rel_path`.
    pub(crate) fn expect(&self, rel_path: &str, content_hash: &str) {
        let Ok(mut map) = self.by_path.lock() else {
            return;
        };
        let list = map.entry(rel_path.to_owned()).or_default();
        list.push(content_hash.to_owned());
        if list.len() > MAX_EXPECTED_PER_PATH {
            list.remove(0);
        }
    }

    /// Whether the file at `rel_path` now holds content Galley announced.
    ///
    /// A match keeps that fingerprint (the same write may be reported twice)
    /// and forgets older ones (the file has moved past them). A mismatch
    /// forgets them all: the file now holds someone else's content, and if it
    /// later returns to what Galley wrote, that is news to report.
    pub(crate) fn is_own_write(&self, root: &Path, rel_path: &str) -> bool {
        let Ok(mut map) = self.by_path.lock() else {
            return false;
        };
        let Some(list) = map.get_mut(rel_path) else {
            return false;
        };
        let Ok(bytes) = std::fs::read(root.join(rel_path)) else {
            return false;
        };
        let now = fingerprint(&bytes);
        match list.iter().position(|h| *h == now) {
            Some(i) => {
                list.drain(..i);
                true
            }
            None => {
                map.remove(rel_path);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_content_and_forgets_on_mismatch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |text: &str| std::fs::write(dir.path().join("a.md"), text).expect("write");
        let expected = ExpectedWrites::default();
        write("mine");
        assert!(
            !expected.is_own_write(dir.path(), "a.md"),
            "nothing announced"
        );
        expected.expect("a.md", &fingerprint(b"mine"));
        assert!(expected.is_own_write(dir.path(), "a.md"));
        assert!(
            expected.is_own_write(dir.path(), "a.md"),
            "same write reported twice"
        );
        write("theirs");
        assert!(!expected.is_own_write(dir.path(), "a.md"));
        write("mine");
        assert!(
            !expected.is_own_write(dir.path(), "a.md"),
            "back to Galley's content after an outside edit is news"
        );
        expected.expect("a.md", &fingerprint(b"one"));
        expected.expect("a.md", &fingerprint(b"two"));
        write("one");
        assert!(expected.is_own_write(dir.path(), "a.md"));
        write("two");
        assert!(expected.is_own_write(dir.path(), "a.md"));
        write("one");
        assert!(
            !expected.is_own_write(dir.path(), "a.md"),
            "one was superseded"
        );
    }
}
