//! Reading the index file's entries directly, for the fast status.
//!
//! libgit2 checks the SHA-1 of the whole index on every read: about 25 ms for a
//! 100,000-file repository (an 8.8 MB index), a quarter of a status. The git CLI
//! does not (it verifies only in `git fsck`), and neither do we: the status only
//! needs each entry's path, stage and stat data, and libgit2 still reads the index
//! meanwhile, on another thread, for the staged changes. The two readings are
//! compared by their number of entries.
//!
//! Versions 2, 3 and 4 (path compression) of the format are read
//! (git's `Documentation/gitformat-index.txt`). A split index or a sparse index
//! (whose entries are elsewhere, or are folders) gives `None`, and so does
//! anything malformed: the caller then asks libgit2 for everything.

use std::path::Path;

/// One entry's fields that the status compares (the index keeps 32-bit values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Repository-relative path with `/`.
    pub path: String,
    /// `ctime` seconds and nanoseconds.
    pub ctime: (u32, u32),
    /// `mtime` seconds and nanoseconds.
    pub mtime: (u32, u32),
    /// Inode number (truncated to 32 bits, as git does).
    pub ino: u32,
    /// File mode (`0o100644`, `0o120000`, `0o160000`…).
    pub mode: u32,
    /// File size (truncated to 32 bits).
    pub size: u32,
    /// The blob's id.
    pub oid: [u8; 20],
    /// The 16-bit flags: merge stage in bits 12–13.
    pub flags: u16,
    /// The extended flags (version 3 and later): intent-to-add, skip-worktree.
    pub flags_extended: u16,
}

/// Flag bit: the entry has extended flags (version 3 and later).
const EXTENDED: u16 = 0x4000;
/// Length of an entry's fixed part, flags included (without extended flags).
const FIXED: usize = 62;
/// Length of the trailing checksum.
const CHECKSUM: usize = 20;

/// What the status needs of the index file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexFile {
    /// Every entry, in the index's order.
    pub entries: Vec<Entry>,
    /// The tree the whole index makes, when the index still knows it (its cached
    /// tree, the `TREE` extension, is valid at the root): equal to HEAD's tree, it
    /// says that nothing is staged without reading the index again.
    pub root_tree: Option<[u8; 20]>,
}

/// The entries of the index file at `path`, or `None` when it cannot be read or
/// is not one this reader answers for.
pub(crate) fn read(path: &Path) -> Option<IndexFile> {
    parse(&std::fs::read(path).ok()?)
}

/// The root of a `TREE` extension: `"" NUL entry-count SP subtrees LF` then, when
/// the entry count is not negative (valid), the tree's 20-byte id.
fn root_tree(data: &[u8]) -> Option<[u8; 20]> {
    let rest = data.strip_prefix(b"\0")?;
    let line_end = rest.iter().position(|b| *b == b'\n')?;
    let (count, _) = std::str::from_utf8(&rest[..line_end])
        .ok()?
        .split_once(' ')?;
    if count.parse::<i64>().ok()? < 0 {
        return None;
    }
    rest.get(line_end + 1..line_end + 21)?.try_into().ok()
}

/// The entries of an index file's bytes (see [`read`]).
pub(crate) fn parse(bytes: &[u8]) -> Option<IndexFile> {
    let be32 = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    let be16 = |at: usize| -> Option<u16> {
        Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
    };
    if bytes.get(..4)? != b"DIRC" {
        return None;
    }
    let version = be32(4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = usize::try_from(be32(8)?).ok()?;
    let end = bytes.len().checked_sub(CHECKSUM)?;
    // Every entry takes at least its fixed part and one byte of path.
    let mut entries = Vec::with_capacity(count.min(end / (FIXED + 1)));
    let mut at = 12;
    let mut previous: Vec<u8> = Vec::new();
    for _ in 0..count {
        let start = at;
        let flags = be16(at + 60)?;
        let mut field = at + FIXED;
        let flags_extended = if flags & EXTENDED != 0 {
            if version < 3 {
                return None;
            }
            field += 2;
            be16(at + FIXED)?
        } else {
            0
        };
        let path = if version == 4 {
            // How many bytes of the previous path to drop, then the rest.
            let (strip, used) = varint(bytes.get(field..end)?)?;
            field += used;
            let nul = field + bytes.get(field..end)?.iter().position(|b| *b == 0)?;
            let keep = previous.len().checked_sub(strip)?;
            previous.truncate(keep);
            previous.extend_from_slice(&bytes[field..nul]);
            at = nul + 1;
            previous.clone()
        } else {
            let nul = field + bytes.get(field..end)?.iter().position(|b| *b == 0)?;
            let path = bytes[field..nul].to_vec();
            // Padded with NULs to a multiple of eight bytes, at least one.
            at = start + (nul - start + 8) / 8 * 8;
            path
        };
        entries.push(Entry {
            path: String::from_utf8(path).ok()?,
            ctime: (be32(start)?, be32(start + 4)?),
            mtime: (be32(start + 8)?, be32(start + 12)?),
            ino: be32(start + 20)?,
            mode: be32(start + 24)?,
            size: be32(start + 36)?,
            oid: bytes.get(start + 40..start + 60)?.try_into().ok()?,
            flags,
            flags_extended,
        });
        if at > end {
            return None;
        }
    }
    // Extensions: a split index keeps its entries in another file, a sparse
    // index has folders as entries; neither is read here.
    let mut tree = None;
    while at + 8 <= end {
        let signature = bytes.get(at..at + 4)?;
        if signature == b"link" || signature == b"sdir" {
            return None;
        }
        let size = usize::try_from(be32(at + 4)?).ok()?;
        if signature == b"TREE" {
            tree = root_tree(bytes.get(at + 8..at + 8 + size)?);
        }
        at = at.checked_add(8 + size)?;
    }
    (at == end).then_some(IndexFile {
        entries,
        root_tree: tree,
    })
}

/// Git's offset varint (`varint.c`): seven bits a byte, most significant first,
/// each continuation adding one. The value and the bytes it took.
fn varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut used = 0;
    let mut byte = *bytes.first()?;
    let mut value = usize::from(byte & 0x7f);
    while byte & 0x80 != 0 {
        used += 1;
        byte = *bytes.get(used)?;
        value = value.checked_add(1)?.checked_mul(128)? | usize::from(byte & 0x7f);
    }
    Some((value, used + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    /// A repository with nested folders, long and short names sharing prefixes
    /// (what version 4 compresses), a symlink and a non-ASCII name, written by the
    /// git CLI in the index `version`; from version 3 on with an intent-to-add
    /// entry (extended flags, which make git write version 3 instead of 2).
    fn repository(version: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        git(d, &["init", "-q"]);
        git(d, &["config", "index.version", version]);
        for (path, text) in [
            ("a.md", "a"),
            ("_posts/2024-01-01-a-long-name-for-a-post.md", "p1"),
            ("_posts/2024-01-01-a-long-name.md", "p2"),
            ("_posts/2024-01-02-b.md", "p3"),
            ("assets/img/x.png", "png"),
            ("assets/img/x.png.txt", "t"),
            ("Östersund.md", "ö"),
        ] {
            let file = d.join(path);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
            std::fs::write(file, text).expect("write");
        }
        std::os::unix::fs::symlink("a.md", d.join("link.md")).expect("symlink");
        git(d, &["add", "-A"]);
        git(d, &["commit", "-q", "-m", "start"]);
        if version != "2" {
            std::fs::write(d.join("new.md"), "n").expect("write");
            git(d, &["add", "-N", "new.md"]);
        }
        dir
    }

    /// Every field of every entry is what libgit2 reads from the same file.
    fn same_as_libgit2(dir: &Path) {
        let repo = git2::Repository::open(dir).expect("open");
        let index = repo.index().expect("index");
        let ours = read(&dir.join(".git/index"))
            .expect("the index is read")
            .entries;
        let theirs: Vec<Entry> = index
            .iter()
            .map(|e| Entry {
                path: String::from_utf8(e.path).expect("utf-8"),
                ctime: (e.ctime.seconds() as u32, e.ctime.nanoseconds()),
                mtime: (e.mtime.seconds() as u32, e.mtime.nanoseconds()),
                ino: e.ino,
                mode: e.mode,
                size: e.file_size,
                oid: e.id.as_bytes().try_into().expect("20 bytes"),
                flags: e.flags,
                flags_extended: e.flags_extended,
            })
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn versions_2_3_and_4_read_as_libgit2_reads_them() {
        for version in ["2", "3", "4"] {
            let dir = repository(version);
            let bytes = std::fs::read(dir.path().join(".git/index")).expect("index");
            assert_eq!(bytes[7], version.as_bytes()[0] - b'0', "index version");
            same_as_libgit2(dir.path());
            let intent = read(&dir.path().join(".git/index"))
                .expect("read")
                .entries
                .iter()
                .any(|e| e.flags_extended & 0x2000 != 0);
            assert_eq!(intent, version != "2");
        }
    }

    #[test]
    fn the_cached_root_tree_is_heads_tree_until_something_is_staged() {
        let dir = repository("2");
        let d = dir.path();
        let repo = git2::Repository::open(d).expect("open");
        let head = repo
            .head()
            .and_then(|h| h.peel_to_tree())
            .expect("tree")
            .id();
        let root = |d: &Path| read(&d.join(".git/index")).expect("read").root_tree;
        assert_eq!(root(d), Some(head.as_bytes().try_into().expect("20 bytes")));
        std::fs::write(d.join("a.md"), "changed").expect("write");
        git(d, &["add", "a.md"]);
        // Staging invalidates the cached tree at the root (or names another tree).
        assert_ne!(root(d), Some(head.as_bytes().try_into().expect("20 bytes")));
    }

    #[test]
    fn a_split_index_or_a_damaged_file_is_left_to_libgit2() {
        let dir = repository("2");
        git(dir.path(), &["update-index", "--split-index"]);
        assert_eq!(read(&dir.path().join(".git/index")), None);

        let dir = repository("4");
        let bytes = std::fs::read(dir.path().join(".git/index")).expect("index");
        for cut in [0, 11, 40, bytes.len() / 2, bytes.len() - 21] {
            assert_eq!(parse(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut other = bytes.clone();
        other[0] = b'X';
        assert_eq!(parse(&other), None);
    }
}
