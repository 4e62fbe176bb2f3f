//! Versions of one file: as last committed, as at any commit, and putting one
//! of them back into the work tree (discard, restore).
//!
//! The working copy itself is read by the caller; these functions only bring
//! what git holds.

use crate::site_repo::{blob_in_tree, SiteRepo};
use crate::worktree::{remove_file, write_atomic};
use crate::GitError;
use std::path::Path;

/// The file's content in the last commit; None for a new file (or no commit yet).
pub fn head_version(site: &Path, path: &str) -> Result<Option<Vec<u8>>, GitError> {
    let site = SiteRepo::open(site)?;
    let repo_rel = site.to_repo(path)?;
    let Some(tree) = site.head_tree()? else {
        return Ok(None);
    };
    Ok(blob_in_tree(&site.repo, &tree, &repo_rel)?.map(|(bytes, _)| bytes))
}

/// The file's content at `commit_id` (full or abbreviated); None if it did not
/// exist then.
pub fn version_at(site: &Path, commit_id: &str, path: &str) -> Result<Option<Vec<u8>>, GitError> {
    let site = SiteRepo::open(site)?;
    let repo_rel = site.to_repo(path)?;
    let tree = tree_of(&site, commit_id)?;
    Ok(blob_in_tree(&site.repo, &tree, &repo_rel)?.map(|(bytes, _)| bytes))
}

/// Throws away the uncommitted changes to one file: puts back the last
/// committed version, or removes a file that was never committed. The caller
/// asks the editor to confirm first; the change cannot be got back.
pub fn discard(site: &Path, path: &str) -> Result<(), GitError> {
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    let repo_rel = site.to_repo(path)?;
    let mut index = site.repo.index()?;
    let committed = match site.head_tree()? {
        Some(tree) => blob_in_tree(&site.repo, &tree, &repo_rel)?,
        None => None,
    };
    match committed {
        Some((bytes, mode)) => {
            write_atomic(&site.abs(&repo_rel), &bytes, Some(mode))?;
            index.add_path(Path::new(&repo_rel))?;
        }
        None => {
            remove_file(site.workdir(), &site.abs(&repo_rel))?;
            if index.get_path(Path::new(&repo_rel), 0).is_some() {
                index.remove_path(Path::new(&repo_rel))?;
            }
        }
    }
    index.write()?;
    Ok(())
}

/// Writes the file's content at `commit_id` into the work tree (atomically).
/// The result is an ordinary unrecorded change, to review and commit.
pub fn restore_version(site: &Path, commit_id: &str, path: &str) -> Result<(), GitError> {
    let site = SiteRepo::open(site)?;
    let repo_rel = site.to_repo(path)?;
    let tree = tree_of(&site, commit_id)?;
    let (bytes, mode) = blob_in_tree(&site.repo, &tree, &repo_rel)?
        .ok_or_else(|| GitError::NotInVersion(path.to_owned()))?;
    write_atomic(&site.abs(&repo_rel), &bytes, Some(mode))
}

fn tree_of<'r>(site: &'r SiteRepo, commit_id: &str) -> Result<git2::Tree<'r>, GitError> {
    let unknown = || GitError::UnknownVersion(commit_id.to_owned());
    let object = site
        .repo
        .revparse_single(commit_id)
        .map_err(|_| unknown())?;
    let commit = object.peel_to_commit().map_err(|_| unknown())?;
    Ok(commit.tree()?)
}
