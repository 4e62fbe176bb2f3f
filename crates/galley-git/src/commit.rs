//! Recording saved pages as one commit.

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
    let repo = git2::Repository::open(site).map_err(|_| GitError::NotARepository)?;
    let signature = repo.signature().map_err(|_| GitError::NoIdentity)?;
    let mut index = repo.index()?;
    let workdir = repo
        .workdir()
        .ok_or(GitError::NotARepository)?
        .to_path_buf();
    for rel in paths {
        let path = Path::new(rel);
        if workdir.join(path).exists() {
            index.add_path(path)?;
        } else {
            index.remove_path(path)?;
        }
    }
    let parent = match repo.head() {
        Ok(head) => Some(head.peel_to_commit()?),
        Err(e) if e.code() == git2::ErrorCode::UnbornBranch => None,
        Err(e) => return Err(e.into()),
    };
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
        summary: message.lines().next().unwrap_or_default().to_owned(),
    })
}
