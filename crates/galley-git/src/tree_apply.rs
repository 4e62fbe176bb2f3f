//! Bringing the work tree and index from HEAD's state to a new one, touching
//! only the files that differ, and refusing when that would overwrite an
//! unrecorded edit.
//!
//! We do this by hand instead of with libgit2's checkout so that conflicts are
//! never written as `<<<<<<<` markers and so that the set of touched files is
//! known exactly (abandoning a merge puts back precisely those).

use crate::site_repo::SiteRepo;
use crate::worktree::{remove_file, write_atomic};
use crate::GitError;
use std::collections::BTreeSet;
use std::path::Path;

/// Git's mode for a submodule (a commit of another repository).
const MODE_SUBMODULE: i32 = 0o160000;

/// A file's content and mode in the state being applied; None = absent.
pub(crate) type Wanted = Option<(git2::Oid, i32)>;

/// Repository paths whose content differs between two trees (both sides of a
/// rename are listed, since both change on disk).
pub(crate) fn paths_between(
    repo: &git2::Repository,
    from: Option<&git2::Tree<'_>>,
    to: Option<&git2::Tree<'_>>,
) -> Result<BTreeSet<String>, GitError> {
    let diff = repo.diff_tree_to_tree(from, to, None)?;
    let mut out = BTreeSet::new();
    for delta in diff.deltas() {
        for file in [delta.old_file(), delta.new_file()] {
            if let Some(path) = file.path() {
                out.insert(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(out)
}

/// The wanted state of `repo_rel` in a tree.
pub(crate) fn wanted_in_tree(tree: Option<&git2::Tree<'_>>, repo_rel: &str) -> Wanted {
    let entry = tree?.get_path(Path::new(repo_rel)).ok()?;
    (entry.kind() == Some(git2::ObjectType::Blob)).then(|| (entry.id(), entry.filemode()))
}

/// The wanted (stage 0) state of `repo_rel` in a merge result index.
pub(crate) fn wanted_in_index(index: &git2::Index, repo_rel: &str) -> Wanted {
    let entry = index.get_path(Path::new(repo_rel), 0)?;
    Some((entry.id, entry.mode as i32))
}

/// Paths among `touched` that hold an unrecorded change (edited, staged, new
/// but untracked, or ignored-but-present). With `tolerate_equal`, a change
/// whose content already equals what would be written is not in the way:
/// nothing would be lost (e.g. an edit that was proposed for review and has
/// since been merged upstream).
pub(crate) fn in_the_way(
    site: &SiteRepo,
    touched: &BTreeSet<String>,
    wanted: &dyn Fn(&str) -> Wanted,
    tolerate_equal: bool,
) -> Result<Vec<String>, GitError> {
    if touched.is_empty() {
        return Ok(Vec::new());
    }
    let mut options = git2::StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(true)
        .disable_pathspec_match(true);
    for path in touched {
        options.pathspec(path);
    }
    let statuses = site.repo.statuses(Some(&mut options))?;
    let mut blocking = Vec::new();
    for entry in statuses.iter() {
        let Ok(path) = entry.path() else { continue };
        if entry.status().is_empty() || !touched.contains(path) {
            continue;
        }
        if tolerate_equal && same_as_wanted(site, path, wanted(path))? {
            continue;
        }
        blocking.push(site.to_site(path));
    }
    blocking.sort();
    Ok(blocking)
}

fn same_as_wanted(site: &SiteRepo, repo_rel: &str, wanted: Wanted) -> Result<bool, GitError> {
    let abs = site.abs(repo_rel);
    Ok(match wanted {
        None => std::fs::symlink_metadata(&abs).is_err(),
        Some((oid, _)) => match std::fs::read(&abs) {
            Ok(bytes) => git2::Oid::hash_object(git2::ObjectType::Blob, &bytes)? == oid,
            Err(_) => false,
        },
    })
}

/// Writes each touched path's wanted state into the work tree and records it
/// in `index` (which the caller writes). Paths already as wanted are skipped.
pub(crate) fn apply(
    site: &SiteRepo,
    index: &mut git2::Index,
    touched: &BTreeSet<String>,
    wanted: &dyn Fn(&str) -> Wanted,
) -> Result<(), GitError> {
    // Removals first, so a file that becomes a folder (or back) has room.
    for repo_rel in touched.iter().filter(|p| wanted(p).is_none()) {
        let path = Path::new(repo_rel);
        remove_file(site.workdir(), &site.abs(repo_rel))?;
        if index.get_path(path, 0).is_some() || has_conflict(index, repo_rel) {
            index.remove_path(path)?;
        }
    }
    for repo_rel in touched {
        let Some((oid, mode)) = wanted(repo_rel) else {
            continue;
        };
        if mode == MODE_SUBMODULE {
            continue; // git2's checkout leaves submodules alone too
        }
        let blob = site.repo.find_blob(oid)?;
        write_atomic(&site.abs(repo_rel), blob.content(), Some(mode))?;
        index.add_path(Path::new(repo_rel))?;
    }
    Ok(())
}

/// True when the index holds conflict stages for `repo_rel`.
pub(crate) fn has_conflict(index: &git2::Index, repo_rel: &str) -> bool {
    (1..=3).any(|stage| index.get_path(Path::new(repo_rel), stage).is_some())
}
