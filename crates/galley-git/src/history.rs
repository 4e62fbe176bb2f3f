//! The history of one page: who changed it, when, and why.

use crate::site_repo::SiteRepo;
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// Upper bound on commits looked at for one history, so a page that stopped
/// changing long ago in a huge repository cannot make the panel hang.
const MAX_COMMITS_SCANNED: usize = 50_000;

/// One version of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// Full commit id, for [`crate::version_at`] and [`crate::restore_version`].
    pub id: String,
    /// Abbreviated id, for display.
    pub short_id: String,
    /// Author's name.
    pub author: String,
    /// Author's e-mail address.
    pub email: String,
    /// When it was authored, Unix seconds.
    pub time: i64,
    /// The author's UTC offset at that time, in minutes.
    pub offset_minutes: i32,
    /// First line of the message.
    pub summary: String,
    /// The whole message.
    pub message: String,
    /// The site-relative path the page had in this version (differs from the
    /// asked-for path before a rename).
    pub path: String,
}

/// The commits that changed `path`, newest first, at most `limit`. Follows the
/// page across renames: when a commit introduces the path, rename detection runs
/// on that one commit (cheap) and the walk continues under the old name.
pub fn history(site: &Path, path: &str, limit: usize) -> Result<Vec<HistoryEntry>, GitError> {
    let site = SiteRepo::open(site)?;
    let repo = &site.repo;
    let mut current = site.to_repo(path)?;
    let Some(head) = site.head_commit()? else {
        return Ok(Vec::new());
    };
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)?;
    walk.push(head.id())?;
    let mut out = Vec::new();
    for oid in walk.take(MAX_COMMITS_SCANNED) {
        if out.len() >= limit {
            break;
        }
        let commit = repo.find_commit(oid?)?;
        let tree = commit.tree()?;
        let here = entry_id(&tree, &current);
        let parents: Vec<git2::Commit<'_>> = commit.parents().collect();
        let mut parent_ids = Vec::with_capacity(parents.len());
        for parent in &parents {
            parent_ids.push(entry_id(&parent.tree()?, &current));
        }
        // Like `git log -- path`: a commit matters when the file differs from
        // every parent (a merge that took one side unchanged does not).
        let changed = if parents.is_empty() {
            here.is_some()
        } else {
            parent_ids.iter().all(|p| *p != here)
        };
        if !changed {
            continue;
        }
        let shown_path = site.to_site(&current);
        if here.is_some() && parents.len() == 1 && parent_ids[0].is_none() {
            if let Some(old) = rename_source(repo, &parents[0], &commit, &current)? {
                current = old;
            }
        }
        out.push(entry_for(&commit, shown_path));
    }
    Ok(out)
}

fn entry_id(tree: &git2::Tree<'_>, repo_rel: &str) -> Option<git2::Oid> {
    tree.get_path(Path::new(repo_rel)).ok().map(|e| e.id())
}

/// If `commit` created `repo_rel` by renaming a file of `parent`, that old path.
fn rename_source(
    repo: &git2::Repository,
    parent: &git2::Commit<'_>,
    commit: &git2::Commit<'_>,
    repo_rel: &str,
) -> Result<Option<String>, GitError> {
    let mut diff = repo.diff_tree_to_tree(Some(&parent.tree()?), Some(&commit.tree()?), None)?;
    let mut find = git2::DiffFindOptions::new();
    find.renames(true);
    diff.find_similar(Some(&mut find))?;
    Ok(diff
        .deltas()
        .filter(|d| d.status() == git2::Delta::Renamed)
        .find(|d| d.new_file().path() == Some(Path::new(repo_rel)))
        .and_then(|d| {
            d.old_file()
                .path()
                .map(|p| p.to_string_lossy().into_owned())
        }))
}

fn entry_for(commit: &git2::Commit<'_>, path: String) -> HistoryEntry {
    let author = commit.author();
    let id = commit.id().to_string();
    let message = commit.message().unwrap_or_default().to_owned();
    HistoryEntry {
        short_id: id.chars().take(7).collect(),
        id,
        author: author.name().unwrap_or_default().to_owned(),
        email: author.email().unwrap_or_default().to_owned(),
        time: author.when().seconds(),
        offset_minutes: author.when().offset_minutes(),
        summary: message.lines().next().unwrap_or_default().to_owned(),
        message,
        path,
    }
}
