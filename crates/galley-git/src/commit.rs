//! Recording saved pages as one commit.

use crate::site_repo::SiteRepo;
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// What was committed.
#[derive(Debug, Clone, Serialize)]
pub struct CommitInfo {
    /// Full hex id.
    pub id: String,
    /// The first line of the message.
    pub summary: String,
}

/// Commits exactly `paths` (site-relative, `/`) with `message` on the current
/// branch, leaving any other staged or unstaged change as it was.
///
/// The index is updated per path (not `add -A`), so the cost follows the
/// change, not the size of the repository.
pub fn commit_paths(site: &Path, paths: &[String], message: &str) -> Result<CommitInfo, GitError> {
    let message = message.trim();
    if message.is_empty() {
        return Err(GitError::EmptyMessage);
    }
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    site.ensure_no_merge()?;
    let repo = &site.repo;
    let signature = repo.signature().map_err(|_| GitError::NoIdentity)?;
    let mut index = repo.index()?;
    for rel in paths {
        let repo_rel = site.to_repo(rel)?;
        stage_path(&site, &mut index, &repo_rel)?;
    }
    let parent = site.head_commit()?;
    let tree_id = index.write_tree()?;
    if let Some(parent) = &parent {
        if parent.tree_id() == tree_id {
            return Err(GitError::NothingToCommit);
        }
    }
    index.write()?;
    let tree = repo.find_tree(tree_id)?;
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    let id = repo.commit(
        Some("HEAD"),
        &signature,
        &signature,
        message,
        &tree,
        &parents,
    )?;
    Ok(CommitInfo {
        id: id.to_string(),
        summary: summary_of(message),
    })
}

/// Puts the work tree's state of one path into `index`: its content if the
/// file exists, its removal otherwise.
pub(crate) fn stage_path(
    site: &SiteRepo,
    index: &mut git2::Index,
    repo_rel: &str,
) -> Result<(), GitError> {
    let path = Path::new(repo_rel);
    if std::fs::symlink_metadata(site.abs(repo_rel)).is_ok() {
        index.add_path(path)?;
    } else {
        index.remove_path(path)?;
    }
    Ok(())
}

/// The first line of a commit message, as lists show it.
pub(crate) fn summary_of(message: &str) -> String {
    message.lines().next().unwrap_or_default().trim().to_owned()
}
