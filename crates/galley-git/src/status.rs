//! Which files differ from the last commit.

use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// How a file differs from the last commit, in the app's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileChange {
    /// Not in the last commit.
    New,
    /// Content differs.
    Changed,
    /// Gone from the folder.
    Deleted,
}

/// Every changed file in the site, site-relative, sorted.
pub fn changed_paths(site: &Path) -> Result<Vec<(String, FileChange)>, GitError> {
    let repo = git2::Repository::open(site).map_err(|_| GitError::NotARepository)?;
    let mut options = git2::StatusOptions::new();
    options
        .include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false);
    let statuses = repo.statuses(Some(&mut options))?;
    let mut out: Vec<(String, FileChange)> = statuses
        .iter()
        .filter_map(|entry| {
            let path = entry.path().ok()?.to_owned();
            let s = entry.status();
            let change = if s.intersects(git2::Status::WT_NEW | git2::Status::INDEX_NEW) {
                FileChange::New
            } else if s.intersects(git2::Status::WT_DELETED | git2::Status::INDEX_DELETED) {
                FileChange::Deleted
            } else if s.is_empty() || s.contains(git2::Status::IGNORED) {
                return None;
            } else {
                FileChange::Changed
            };
            Some((path, change))
        })
        .collect();
    out.sort();
    Ok(out)
}
