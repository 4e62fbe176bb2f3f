//! Which files differ from the last commit, and where the branch stands.
//!
//! Two speeds: [`status`] scans the whole site (opening a site, after a sync),
//! [`SiteRepo::status_of_paths`] looks only at the paths the watcher reports,
//! so a badge follows an edit without rescanning a large repository.

use crate::site_repo::SiteRepo;
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// How a file differs from the last commit, in the app's words.
///
/// A unit enum (serialized lowercase) so that the wire format stays a plain
/// string; the old name of a renamed file travels beside it in [`StatusEntry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileChange {
    /// Not in the last commit.
    New,
    /// Content differs.
    Changed,
    /// Gone from the folder.
    Deleted,
    /// Moved from another path (see [`StatusEntry::renamed_from`]).
    Renamed,
    /// Both sides of an unfinished merge changed it; needs a decision.
    Conflicted,
}

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEntry {
    /// Site-relative path with `/` (outside the site: leading `../`).
    pub path: String,
    /// How it differs from the last commit.
    pub change: FileChange,
    /// For [`FileChange::Renamed`]: the site-relative path it had before.
    pub renamed_from: Option<String>,
}

/// The whole picture the Changes view and the Publish button need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteStatus {
    /// Changed files inside the site, sorted by path.
    pub files: Vec<StatusEntry>,
    /// The current branch, None when HEAD is detached.
    pub branch: Option<String>,
    /// HEAD points at a commit rather than a branch: publishing is impossible.
    pub detached: bool,
    /// The upstream branch (`origin/main`) if one is set and fetched.
    pub upstream: Option<String>,
    /// Commits here that the upstream lacks ("unpublished changes").
    pub ahead: usize,
    /// Commits upstream that are not here yet (as of the last fetch).
    pub behind: usize,
    /// A merge waits for conflicts to be resolved or for it to be abandoned.
    pub merge_in_progress: bool,
}

/// Every changed file in the site, site-relative, sorted.
///
/// Kept for the shell's Changes list; [`status`] gives renames and branch state.
pub fn changed_paths(site: &Path) -> Result<Vec<(String, FileChange)>, GitError> {
    Ok(status(site)?
        .files
        .into_iter()
        .map(|e| (e.path, e.change))
        .collect())
}

/// Scans the site for changes and reports where the branch stands.
pub fn status(site: &Path) -> Result<SiteStatus, GitError> {
    SiteRepo::open(site)?.status()
}

/// The change of each of `paths` (site-relative): None when the file is as
/// committed (or ignored). Cheap: nothing else in the repository is scanned.
pub fn status_of_paths(
    site: &Path,
    paths: &[String],
) -> Result<Vec<(String, Option<FileChange>)>, GitError> {
    SiteRepo::open(site)?.status_of_paths(paths)
}

impl SiteRepo {
    /// See [`status`].
    pub fn status(&self) -> Result<SiteStatus, GitError> {
        let repo = &self.repo;
        // The parallel comparison answers the common case; anything it leaves
        // (renames, conflicts…) or any error there goes to libgit2's own walk.
        let mut files = match crate::fast_status::changes(self) {
            Ok(Some(changes)) => self.entries_of(changes),
            _ => self.changed_files_libgit2()?,
        };
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut out = SiteStatus {
            files,
            branch: None,
            detached: repo.head_detached().unwrap_or(false),
            upstream: None,
            ahead: 0,
            behind: 0,
            merge_in_progress: repo.path().join("MERGE_HEAD").exists(),
        };
        if out.detached {
            return Ok(out);
        }
        out.branch = current_branch_name(repo)?;
        if let Some(name) = &out.branch {
            if let Ok(local) = repo.find_branch(name, git2::BranchType::Local) {
                if let Ok(upstream) = local.upstream() {
                    out.upstream = upstream.name().ok().flatten().map(str::to_owned);
                    if let (Some(l), Some(u)) = (local.get().target(), upstream.get().target()) {
                        let (ahead, behind) = repo.graph_ahead_behind(l, u)?;
                        out.ahead = ahead;
                        out.behind = behind;
                    }
                }
            }
        }
        Ok(out)
    }

    /// The site's changed files as libgit2's status sees them (one thread), with
    /// renames paired. [`SiteRepo::status`] uses a faster parallel comparison when
    /// it can; this is its reference, kept public for benchmarks and cross-checks.
    pub fn changed_files_libgit2(&self) -> Result<Vec<StatusEntry>, GitError> {
        let mut options = git2::StatusOptions::new();
        options
            .include_untracked(true)
            .recurse_untracked_dirs(true)
            .include_ignored(false)
            .renames_head_to_index(true)
            .renames_index_to_workdir(true);
        if !self.prefix().is_empty() {
            options.pathspec(self.prefix());
        }
        let statuses = self.repo.statuses(Some(&mut options))?;
        let mut files = Vec::new();
        for entry in statuses.iter() {
            let Ok(path) = entry.path() else { continue };
            let s = entry.status();
            let rename = rename_paths(&entry);
            // For a rename, libgit2's entry path is the old one; show the new.
            let path = rename.as_ref().map_or(path, |(_, to)| to.as_str());
            let renamed_from = rename.as_ref().map(|(from, _)| from.clone());
            let Some(change) = classify(s, renamed_from.is_some()) else {
                continue;
            };
            if !self.in_site(path) {
                continue;
            }
            files.push(StatusEntry {
                path: self.to_site(path),
                change,
                renamed_from: renamed_from
                    .filter(|_| change == FileChange::Renamed)
                    .map(|from| self.to_site(&from)),
            });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// Status entries of the fast path's answer (no renames there).
    pub(crate) fn entries_of(
        &self,
        changes: std::collections::BTreeMap<String, git2::Status>,
    ) -> Vec<StatusEntry> {
        changes
            .into_iter()
            .filter(|(path, _)| self.in_site(path))
            .filter_map(|(path, s)| {
                Some(StatusEntry {
                    path: self.to_site(&path),
                    change: classify(s, false)?,
                    renamed_from: None,
                })
            })
            .collect()
    }

    /// See [`status_of_paths`]. Renames are not paired here (that needs the
    /// whole picture); a moved file shows as one New and one Deleted path.
    pub fn status_of_paths(
        &self,
        paths: &[String],
    ) -> Result<Vec<(String, Option<FileChange>)>, GitError> {
        let mut out = Vec::with_capacity(paths.len());
        for site_rel in paths {
            let repo_rel = self.to_repo(site_rel)?;
            let change = match self.repo.status_file(Path::new(&repo_rel)) {
                Ok(s) => classify(s, false),
                // A folder, or a path git cannot name as one file: nothing to badge.
                Err(e) if e.code() == git2::ErrorCode::NotFound => None,
                Err(e) if e.code() == git2::ErrorCode::Ambiguous => None,
                Err(e) => return Err(e.into()),
            };
            out.push((site_rel.clone(), change));
        }
        Ok(out)
    }
}

/// Maps libgit2's bit set to the app's words; None for "nothing to show".
fn classify(s: git2::Status, renamed: bool) -> Option<FileChange> {
    use git2::Status as S;
    if s.contains(S::CONFLICTED) {
        return Some(FileChange::Conflicted);
    }
    if s.is_empty() || s.contains(S::IGNORED) {
        return None;
    }
    if renamed && s.intersects(S::INDEX_RENAMED | S::WT_RENAMED) {
        return Some(FileChange::Renamed);
    }
    let in_index_new = s.contains(S::INDEX_NEW);
    let gone = s.intersects(S::WT_DELETED | S::INDEX_DELETED);
    if in_index_new && s.contains(S::WT_DELETED) {
        // Added to the index, then deleted: same as the last commit (absent).
        return None;
    }
    if s.intersects(S::WT_NEW | S::INDEX_NEW) {
        return Some(FileChange::New);
    }
    if gone {
        return Some(FileChange::Deleted);
    }
    Some(FileChange::Changed)
}

/// Old and new path of a rename: the old one from the index step first (a file
/// moved with `git mv`, then moved again, names where it was last committed),
/// the new one from the work tree step when there is one.
fn rename_paths(entry: &git2::StatusEntry<'_>) -> Option<(String, String)> {
    fn path(f: git2::DiffFile<'_>) -> Option<String> {
        f.path().map(|p| p.to_string_lossy().replace('\\', "/"))
    }
    let is_rename = |d: &git2::DiffDelta<'_>| d.status() == git2::Delta::Renamed;
    let staged = entry.head_to_index().filter(is_rename);
    let unstaged = entry.index_to_workdir().filter(is_rename);
    let from = staged
        .as_ref()
        .or(unstaged.as_ref())
        .and_then(|d| path(d.old_file()))?;
    let to = unstaged
        .as_ref()
        .or(staged.as_ref())
        .and_then(|d| path(d.new_file()))?;
    Some((from, to))
}

/// The branch HEAD names (also before the first commit), None when detached.
pub(crate) fn current_branch_name(repo: &git2::Repository) -> Result<Option<String>, GitError> {
    let head = repo.find_reference("HEAD")?;
    Ok(head
        .symbolic_target()?
        .and_then(|t| t.strip_prefix("refs/heads/"))
        .map(str::to_owned))
}
