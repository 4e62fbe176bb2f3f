//! Whole-site status without libgit2's serial walk.
//!
//! libgit2 compares the work tree with the index one file at a time: an `lstat` per
//! tracked file, in one thread, while the git CLI spreads them over threads. On a
//! 100,000-page site that made the app's full status slower than `git status`.
//! Here the same comparison runs on every core: read the index, `lstat` each tracked
//! file in parallel and compare the stat data git recorded (size, times, inode,
//! mode); only the files whose stat data differ (or are "racy", written in the same
//! second as the index) are asked about through libgit2, which hashes them with the
//! repository's filters. Untracked files come from a parallel walk of the folders
//! that hold tracked files; folders without any are checked against the ignore
//! rules before they are entered. The index's entries are read from the file
//! directly (`index_file.rs`: libgit2 would first checksum the whole file, a
//! quarter of the time at 100,000 files); when its cached tree is HEAD's tree
//! nothing is staged, else libgit2's tree-to-index diff runs meanwhile. A suspect
//! is settled by hashing its bytes when no attributes or line-ending settings
//! could filter them, else by libgit2.
//!
//! It answers only the common case and says `None` otherwise, so the caller asks
//! libgit2 for everything: conflicts, submodules, sparse or intent-to-add entries,
//! a possible rename (something gone and something new), a case-insensitive file
//! system, a branch without commits, odd file names, many suspects at once, or a
//! platform without Unix stat data. Unit tests check it against libgit2's answer on
//! real repositories.

use crate::site_repo::SiteRepo;
use crate::GitError;
use git2::Status;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// More files than this with changed stat data (a checkout, a `touch` of
/// everything): libgit2's own pass is as good as asking per file.
const MAX_SUSPECTS: usize = 256;

/// The stat data git keeps per index entry (the index keeps 32-bit seconds,
/// sizes and inode numbers).
struct Tracked {
    path: String,
    mode: u32,
    size: u32,
    mtime: (u32, u32),
    ctime: (u32, u32),
    ino: u32,
    oid: [u8; 20],
}

/// What the stat comparison found for one tracked file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    Same,
    Suspect,
    Gone,
}

/// The changed paths (repository-relative) of the site with libgit2's status bits,
/// or `None` when the case is not one this fast path answers.
pub(crate) fn changes(site: &SiteRepo) -> Result<Option<BTreeMap<String, Status>>, GitError> {
    if !cfg!(target_os = "linux") {
        return Ok(None);
    }
    let repo = &site.repo;
    let config = repo.config()?;
    let flag = |name: &str| config.get_bool(name).unwrap_or(false);
    if flag("core.ignorecase")
        || flag("core.sparseCheckout")
        || config.get_string("core.fsmonitor").is_ok()
    {
        return Ok(None);
    }
    let options = Compare {
        filemode: config.get_bool("core.filemode").unwrap_or(true),
        trust_ctime: config.get_bool("core.trustctime").unwrap_or(true),
        index_time: None,
    };
    let head_tree = match site.head_tree()? {
        Some(tree) => tree,
        None => return Ok(None),
    };
    // The entries straight from the file (no checksum pass); libgit2 reads the
    // index for the staged changes on this thread while the others walk.
    let Some(file) = crate::index_file::read(&repo.path().join("index")) else {
        return Ok(None);
    };
    let nothing_staged =
        file.root_tree.as_ref().map(|id| &id[..]) == Some(head_tree.id().as_bytes());
    let entries = file.entries;
    let options = Compare {
        index_time: index_seconds(repo),
        ..options
    };
    let prefix = site.prefix();
    let mut tracked = Vec::with_capacity(entries.len());
    let total = entries.len();
    // Attributes anywhere in the repository (also above a site in a subfolder).
    let attributes_in_index = entries
        .iter()
        .any(|e| e.path == ".gitattributes" || e.path.ends_with("/.gitattributes"));
    for entry in entries {
        let stage = (entry.flags >> 12) & 0x3;
        let intent_or_skip = entry.flags_extended & (0x2000 | 0x4000) != 0;
        if stage != 0 || intent_or_skip || entry.mode == 0o160000 {
            return Ok(None);
        }
        if !prefix.is_empty()
            && !entry
                .path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
        {
            continue;
        }
        tracked.push(Tracked {
            path: entry.path,
            mode: entry.mode,
            size: entry.size,
            mtime: entry.mtime,
            ctime: entry.ctime,
            ino: entry.ino,
            oid: entry.oid,
        });
    }
    let workdir = site.workdir().to_path_buf();
    // The work tree on all cores, the staged changes (libgit2, which cannot be
    // shared between threads) on this one meanwhile.
    let (walk, staged) = std::thread::scope(|scope| {
        let tracked = &tracked;
        let workdir = &workdir;
        let work = scope.spawn(move || walk(workdir, prefix, tracked, &options));
        if nothing_staged {
            return (work.join().ok().flatten(), Ok(Some(BTreeMap::new())));
        }
        let staged = repo.index().map_err(GitError::from).and_then(|mut index| {
            index.read(false)?;
            // Both read the same file; if it changed in between, libgit2 decides.
            if index.len() != total {
                return Ok(None);
            }
            staged_changes(repo, &head_tree, &mut index, prefix)
        });
        (work.join().ok().flatten(), staged)
    });
    let Some(staged) = staged? else {
        return Ok(None);
    };
    let Some(walk) = walk else {
        return Ok(None);
    };
    let mut out: BTreeMap<String, Status> = staged;
    let mut suspects = Vec::new();
    let mut gone = false;
    for (t, s) in tracked.iter().zip(&walk.seen) {
        match s {
            Seen::Same => {}
            Seen::Suspect => suspects.push(t),
            Seen::Gone => {
                gone = true;
                *out.entry(t.path.clone()).or_insert(Status::CURRENT) |= Status::WT_DELETED;
            }
        }
    }
    if suspects.len() > MAX_SUSPECTS {
        return Ok(None);
    }
    let Some(untracked) = untracked(repo, &workdir, walk.files, walk.folders)? else {
        return Ok(None);
    };
    let added_to_index = out.values().any(|s| s.contains(Status::INDEX_NEW));
    if (gone || out.values().any(|s| s.contains(Status::INDEX_DELETED)))
        && (!untracked.is_empty() || added_to_index)
    {
        // Something went and something came: libgit2 pairs renames.
        return Ok(None);
    }
    for path in untracked {
        *out.entry(path).or_insert(Status::CURRENT) |= Status::WT_NEW;
    }
    let unfiltered = !attributes_in_index && !filters_possible(repo, &config);
    for t in suspects {
        let path = t.path.as_str();
        let status = match unfiltered.then(|| compare_content(&workdir, t)).flatten() {
            Some(status) => status,
            None => match repo.status_file(Path::new(path)) {
                Ok(s) => s,
                Err(e) if e.code() == git2::ErrorCode::NotFound => continue,
                Err(e) => return Err(e.into()),
            },
        };
        if status.intersects(Status::INDEX_RENAMED | Status::WT_RENAMED | Status::CONFLICTED) {
            return Ok(None);
        }
        if !status.is_empty() {
            *out.entry(path.to_owned()).or_insert(Status::CURRENT) |= status;
        }
    }
    out.retain(|_, s| !s.is_empty());
    Ok(Some(out))
}

/// Whether anything besides a `.gitattributes` in the index could make a file's
/// blob differ from its bytes: other attributes files (`.git/info/attributes`,
/// the global and system ones) or line-ending conversion in the config. Without
/// any, a suspect's content is compared by hashing it here, which spares libgit2
/// reading the whole index again (with a checksum of the whole file: 25 ms at
/// 100,000 files).
fn filters_possible(repo: &git2::Repository, config: &git2::Config) -> bool {
    let global_attributes = config.get_path("core.attributesFile").is_ok()
        || std::env::var_os("XDG_CONFIG_HOME")
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))
            .is_some_and(|dir| dir.join("git/attributes").exists())
        || Path::new("/etc/gitattributes").exists();
    let converts_endings = config
        .get_string("core.autocrlf")
        .is_ok_and(|v| !v.eq_ignore_ascii_case("false"))
        || config.get_string("core.eol").is_ok();
    global_attributes || converts_endings || repo.path().join("info/attributes").exists()
}

/// The status of a regular file whose stat data changed, from its content: the
/// same blob as the index's (only touched) or modified. `None` when libgit2
/// should say (a changed kind or executable bit, an unreadable file).
fn compare_content(workdir: &Path, t: &Tracked) -> Option<Status> {
    let abs = workdir.join(&t.path);
    let meta = std::fs::symlink_metadata(&abs).ok()?;
    if !meta.file_type().is_file() || t.mode & 0o170000 != 0o100000 {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if (meta.permissions().mode() & 0o100) != (t.mode & 0o100) {
            return None;
        }
    }
    let bytes = std::fs::read(&abs).ok()?;
    let id = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes).ok()?;
    Some(if id.as_bytes() == t.oid {
        Status::CURRENT
    } else {
        Status::WT_MODIFIED
    })
}

/// When the index file was written (seconds): entries modified then or later are
/// "racy" (a change within the same second leaves the stat data equal).
fn index_seconds(repo: &git2::Repository) -> Option<u32> {
    let modified = std::fs::metadata(repo.path().join("index"))
        .ok()?
        .modified()
        .ok()?;
    let secs = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(secs as u32)
}

/// How to compare stat data, from the repository's config.
#[derive(Clone, Copy)]
struct Compare {
    filemode: bool,
    trust_ctime: bool,
    index_time: Option<u32>,
}

/// Staged changes (HEAD's tree against the index), or `None` for renames or kinds
/// of change left to libgit2. When the index's tree is HEAD's tree (nothing
/// staged, the usual case) no tree is read at all: libgit2 answers from the
/// index's cached trees.
fn staged_changes(
    repo: &git2::Repository,
    head: &git2::Tree<'_>,
    index: &mut git2::Index,
    prefix: &str,
) -> Result<Option<BTreeMap<String, Status>>, GitError> {
    if index.write_tree().is_ok_and(|id| id == head.id()) {
        return Ok(Some(BTreeMap::new()));
    }
    let mut options = git2::DiffOptions::new();
    options.include_typechange(true);
    if !prefix.is_empty() {
        options.pathspec(prefix);
    }
    let diff = repo.diff_tree_to_index(Some(head), Some(index), Some(&mut options))?;
    let mut out = BTreeMap::new();
    for delta in diff.deltas() {
        let bit = match delta.status() {
            git2::Delta::Added => Status::INDEX_NEW,
            git2::Delta::Deleted => Status::INDEX_DELETED,
            git2::Delta::Modified => Status::INDEX_MODIFIED,
            git2::Delta::Typechange => Status::INDEX_TYPECHANGE,
            _ => return Ok(None),
        };
        let file = if bit == Status::INDEX_DELETED {
            delta.old_file()
        } else {
            delta.new_file()
        };
        let Some(path) = file.path().and_then(Path::to_str) else {
            return Ok(None);
        };
        out.insert(path.replace('\\', "/"), bit);
    }
    if out.values().any(|s| s.contains(Status::INDEX_NEW))
        && out.values().any(|s| s.contains(Status::INDEX_DELETED))
    {
        return Ok(None);
    }
    Ok(Some(out))
}

/// What the walk of the folders holding tracked files found.
struct Walk {
    /// Per tracked file (same order), how its stat data compare.
    seen: Vec<Seen>,
    /// Files not in the index (not checked against the ignore rules yet).
    files: Vec<String>,
    /// Folders without any tracked file (not entered yet).
    folders: Vec<String>,
}

/// One folder's share of the walk: (tracked index, seen), new files, new folders.
type FolderFound = (Vec<(usize, Seen)>, Vec<String>, Vec<String>);

/// What the index says a folder holds: its tracked files (name, index into the
/// tracked list) and the names of its subfolders that hold tracked files.
#[derive(Default)]
struct Contents<'a> {
    files: Vec<(&'a str, usize)>,
    subfolders: HashSet<&'a str>,
}

/// Lists every folder that holds tracked files and compares the stat data of its
/// tracked files, folders in parallel. Each file is looked up relative to its
/// folder's descriptor (one name, not the whole path, for the kernel to resolve).
/// `None` for names that are not UTF-8, a nested repository, or a tracked file
/// that became a folder.
fn walk(workdir: &Path, prefix: &str, tracked: &[Tracked], options: &Compare) -> Option<Walk> {
    use rayon::prelude::*;
    // folder → (its tracked files by name, its tracked subfolders by name)
    let mut folders: BTreeMap<&str, Contents<'_>> = BTreeMap::new();
    folders.entry(prefix).or_default();
    for (i, t) in tracked.iter().enumerate() {
        let (dir, name) = t.path.rsplit_once('/').unwrap_or(("", t.path.as_str()));
        folders.entry(dir).or_default().files.push((name, i));
        let mut child = dir;
        while let Some((parent, name)) = child.rsplit_once('/') {
            if !folders.entry(parent).or_default().subfolders.insert(name) {
                break;
            }
            child = parent;
        }
        if !child.is_empty() && !child.contains('/') {
            folders.entry("").or_default().subfolders.insert(child);
        }
    }
    // Folders above a site in a subfolder only lead to it.
    let inside = |dir: &str| {
        prefix.is_empty()
            || dir == prefix
            || dir
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    let list: Vec<(&str, &Contents<'_>)> = folders
        .iter()
        .filter(|(k, _)| inside(k))
        .map(|(k, v)| (*k, v))
        .collect();
    let found: Vec<Option<FolderFound>> = list
        .par_iter()
        .map(|(dir, contents)| folder(workdir, dir, contents, tracked, options))
        .collect();
    let mut walk = Walk {
        seen: vec![Seen::Gone; tracked.len()],
        files: Vec::new(),
        folders: Vec::new(),
    };
    for f in found {
        let (seen, new_files, new_folders) = f?;
        for (i, s) in seen {
            walk.seen[i] = s;
        }
        walk.files.extend(new_files);
        walk.folders.extend(new_folders);
    }
    Some(walk)
}

fn folder(
    workdir: &Path,
    dir: &str,
    contents: &Contents<'_>,
    tracked: &[Tracked],
    options: &Compare,
) -> Option<FolderFound> {
    let (files, subfolders) = (&contents.files, &contents.subfolders);
    let abs = if dir.is_empty() {
        workdir.to_path_buf()
    } else {
        workdir.join(dir)
    };
    let rel = |name: &str| {
        if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        }
    };
    let mut seen = Vec::with_capacity(files.len());
    let (mut new_files, mut new_folders) = (Vec::new(), Vec::new());
    let Ok(fd) = open_folder(&abs) else {
        // Gone (or no longer a folder): its files show as deleted.
        seen.extend(files.iter().map(|(_, i)| (*i, Seen::Gone)));
        return Some((seen, new_files, new_folders));
    };
    let names: HashSet<&str> = files.iter().map(|(name, _)| *name).collect();
    for entry in std::fs::read_dir(&abs).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name().into_string().ok()?;
        let kind = entry.file_type().ok()?;
        if names.contains(name.as_str()) {
            if kind.is_dir() {
                return None;
            }
            continue;
        }
        if kind.is_dir() {
            if name == ".git" {
                if dir.is_empty() {
                    continue;
                }
                return None;
            }
            if !subfolders.contains(name.as_str()) {
                new_folders.push(rel(&name));
            }
        } else if kind.is_file() || kind.is_symlink() {
            new_files.push(rel(&name));
        }
    }
    for (name, i) in files {
        seen.push((*i, compare(&fd, name, &tracked[*i], options)));
    }
    Some((seen, new_files, new_folders))
}

#[cfg(target_os = "linux")]
fn open_folder(abs: &Path) -> std::io::Result<std::os::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags, CWD};
    Ok(rustix::fs::openat(
        CWD,
        abs,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

#[cfg(not(target_os = "linux"))]
fn open_folder(_abs: &Path) -> std::io::Result<std::fs::File> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Compares a file's stat data with what the index recorded; any difference, or
/// a racy entry, makes it a suspect for libgit2 to hash.
#[cfg(target_os = "linux")]
#[allow(clippy::unnecessary_cast)]
fn compare(fd: &std::os::fd::OwnedFd, name: &str, t: &Tracked, options: &Compare) -> Seen {
    use rustix::fs::AtFlags;
    let st = match rustix::fs::statat(fd, name, AtFlags::SYMLINK_NOFOLLOW) {
        Ok(st) => st,
        Err(e) if e == rustix::io::Errno::NOENT || e == rustix::io::Errno::NOTDIR => {
            return Seen::Gone
        }
        Err(_) => return Seen::Suspect,
    };
    let mode = st.st_mode as u32;
    let kind = mode & 0o170000;
    let same = kind == t.mode & 0o170000
        && (!options.filemode || kind != 0o100000 || (mode & 0o100) == (t.mode & 0o100))
        && st.st_size as u32 == t.size
        && (st.st_mtime as u32, st.st_mtime_nsec as u32) == t.mtime
        && (!options.trust_ctime || (st.st_ctime as u32, st.st_ctime_nsec as u32) == t.ctime)
        && st.st_ino as u32 == t.ino;
    let racy = options.index_time.is_none_or(|index| t.mtime.0 >= index);
    if same && !racy {
        Seen::Same
    } else {
        Seen::Suspect
    }
}

#[cfg(not(target_os = "linux"))]
fn compare(_fd: &std::fs::File, _name: &str, _t: &Tracked, _options: &Compare) -> Seen {
    Seen::Suspect
}

/// The untracked, not ignored files: those the walk found, and everything inside
/// folders without tracked files that are not ignored themselves. `None` for a
/// nested repository or names that are not UTF-8.
fn untracked(
    repo: &git2::Repository,
    workdir: &Path,
    files: Vec<String>,
    mut folders: Vec<String>,
) -> Result<Option<Vec<String>>, GitError> {
    let mut out = Vec::new();
    for file in files {
        if !repo.is_path_ignored(&file)? {
            out.push(file);
        }
    }
    while let Some(folder) = folders.pop() {
        if repo.is_path_ignored(format!("{folder}/"))? {
            continue;
        }
        let abs: PathBuf = workdir.join(&folder);
        let Ok(entries) = std::fs::read_dir(&abs) else {
            continue;
        };
        for entry in entries {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else {
                return Ok(None);
            };
            if name == ".git" {
                return Ok(None);
            }
            let rel = format!("{folder}/{name}");
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(rel);
            } else if (kind.is_file() || kind.is_symlink()) && !repo.is_path_ignored(&rel)? {
                out.push(rel);
            }
        }
    }
    Ok(Some(out))
}

#[cfg(test)]
#[path = "fast_status_tests.rs"]
mod tests;
