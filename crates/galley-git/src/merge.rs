//! An unfinished merge: its conflicts with their three versions, finishing it
//! with the editor's decisions, or abandoning it.
//!
//! The merge state is git's own (MERGE_HEAD, MERGE_MSG, conflict stages in the
//! index), so a git tool opened alongside sees the same thing; only conflict
//! markers are missing on purpose: conflicted files keep this side's version
//! until the editor decides.

use crate::commit::summary_of;
use crate::site_repo::SiteRepo;
use crate::tree_apply::{apply, paths_between, wanted_in_tree};
use crate::{CommitInfo, GitError};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// One file both sides changed, with each side's version (None = the file did
/// not exist on that side, e.g. deleted there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Site-relative path (outside the site: leading `../`).
    pub path: String,
    /// The version both sides started from.
    pub base: Option<Vec<u8>>,
    /// This computer's version.
    pub ours: Option<Vec<u8>>,
    /// The remote's version.
    pub theirs: Option<Vec<u8>>,
}

/// The conflicts of the merge in progress (none when there is no merge), for
/// reopening the resolution screen after the app was closed mid-merge.
pub fn conflicts(site: &Path) -> Result<Vec<Conflict>, GitError> {
    let site = SiteRepo::open(site)?;
    let index = site.repo.index()?;
    describe_conflicts(&site, &index)
}

/// Writes the editor's resolved files and records the merge commit (parents:
/// this side and the remote's). Every conflicted file needs a resolution; other
/// files may be included too (a resolution is just the file's final content).
pub fn complete_merge(
    site: &Path,
    resolutions: &[(String, Vec<u8>)],
    message: &str,
) -> Result<CommitInfo, GitError> {
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    let repo = &site.repo;
    let their_id = merge_head(repo)?;
    let signature = repo.signature().map_err(|_| GitError::NoIdentity)?;
    let mut index = repo.index()?;
    let mut resolved = BTreeSet::new();
    let mut writes = Vec::with_capacity(resolutions.len());
    for (site_rel, bytes) in resolutions {
        let repo_rel = site.to_repo(site_rel)?;
        resolved.insert(repo_rel.clone());
        writes.push((repo_rel, bytes));
    }
    let missing: Vec<String> = conflicts_in(&index)?
        .into_iter()
        .filter(|p| !resolved.contains(p))
        .map(|p| site.to_site(&p))
        .collect();
    if !missing.is_empty() {
        return Err(GitError::UnresolvedConflicts(missing));
    }
    for (repo_rel, bytes) in writes {
        let mode = index
            .get_path(Path::new(&repo_rel), 2)
            .or_else(|| index.get_path(Path::new(&repo_rel), 0))
            .map(|e| e.mode as i32);
        crate::worktree::write_atomic(&site.abs(&repo_rel), bytes, mode)?;
        // Adding the path also clears its conflict stages.
        index.add_path(Path::new(&repo_rel))?;
    }
    index.write()?;
    let message = match message.trim() {
        "" => std::fs::read_to_string(repo.path().join("MERGE_MSG"))
            .unwrap_or_else(|_| "Merge latest changes".to_owned()),
        m => m.to_owned(),
    };
    let tree = repo.find_tree(index.write_tree()?)?;
    let ours = site.head_commit()?.ok_or(GitError::NoMergeInProgress)?;
    let theirs = repo.find_commit(their_id)?;
    let id = repo.commit(
        Some("HEAD"),
        &signature,
        &signature,
        message.trim(),
        &tree,
        &[&ours, &theirs],
    )?;
    repo.cleanup_state()?;
    Ok(CommitInfo {
        id: id.to_string(),
        summary: summary_of(&message),
    })
}

/// Abandons the merge in progress: every file the merge wrote or left in
/// conflict gets HEAD's version back (sync refused to start if any of them held
/// an unrecorded edit, so that is exactly what they held before), and the merge
/// state is removed. Edits to other files are not touched.
pub fn abort_merge(site: &Path) -> Result<(), GitError> {
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    let repo = &site.repo;
    let their_id = merge_head(repo)?;
    let head_tree = site.head_tree()?;
    let their_tree = repo.find_commit(their_id)?.tree()?;
    let mut index = repo.index()?;
    let mut touched = paths_between(repo, head_tree.as_ref(), Some(&their_tree))?;
    touched.extend(conflicts_in(&index)?);
    let wanted = |p: &str| wanted_in_tree(head_tree.as_ref(), p);
    apply(&site, &mut index, &touched, &wanted)?;
    index.write()?;
    repo.cleanup_state()?;
    Ok(())
}

/// The commit being merged in, or [`GitError::NoMergeInProgress`].
fn merge_head(repo: &git2::Repository) -> Result<git2::Oid, GitError> {
    let text = match std::fs::read_to_string(repo.path().join("MERGE_HEAD")) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(GitError::NoMergeInProgress)
        }
        Err(e) => return Err(e.into()),
    };
    let first = text.lines().next().unwrap_or_default().trim();
    git2::Oid::from_str(first).map_err(|_| GitError::NoMergeInProgress)
}

/// Records a merge in progress the way git does, so other tools agree.
pub(crate) fn write_merge_state(
    repo: &git2::Repository,
    theirs: git2::Oid,
    message: &str,
) -> Result<(), GitError> {
    let dir = repo.path();
    std::fs::write(dir.join("MERGE_HEAD"), format!("{theirs}\n"))?;
    std::fs::write(dir.join("MERGE_MSG"), format!("{message}\n"))?;
    std::fs::write(dir.join("MERGE_MODE"), "")?;
    Ok(())
}

/// Repository paths with conflict stages in `index`.
pub(crate) fn conflicts_in(index: &git2::Index) -> Result<BTreeSet<String>, GitError> {
    let mut out = BTreeSet::new();
    for conflict in index.conflicts()? {
        let conflict = conflict?;
        for entry in [conflict.ancestor, conflict.our, conflict.their]
            .into_iter()
            .flatten()
        {
            out.insert(String::from_utf8_lossy(&entry.path).into_owned());
        }
    }
    Ok(out)
}

/// The three versions of each conflicted file in `index`.
pub(crate) fn describe_conflicts(
    site: &SiteRepo,
    index: &git2::Index,
) -> Result<Vec<Conflict>, GitError> {
    let read = |entry: &Option<git2::IndexEntry>| -> Result<Option<Vec<u8>>, GitError> {
        match entry {
            Some(e) => Ok(Some(site.repo.find_blob(e.id)?.content().to_vec())),
            None => Ok(None),
        }
    };
    let mut out = Vec::new();
    for conflict in index.conflicts()? {
        let conflict = conflict?;
        let path = [&conflict.our, &conflict.their, &conflict.ancestor]
            .into_iter()
            .flatten()
            .map(|e| String::from_utf8_lossy(&e.path).into_owned())
            .next()
            .unwrap_or_default();
        out.push(Conflict {
            path: site.to_site(&path),
            base: read(&conflict.ancestor)?,
            ours: read(&conflict.our)?,
            theirs: read(&conflict.their)?,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}
