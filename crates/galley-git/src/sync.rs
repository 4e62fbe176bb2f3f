//! "Get latest changes": fetch, then fast-forward, or a real merge commit when
//! both sides changed. Never a rebase: the editor's commits keep their ids.
//!
//! Unrecorded edits are never put at risk. Instead of stashing (an invisible
//! place where work can be forgotten), sync refuses — before touching
//! anything — when a file it would change holds an unrecorded edit, and names
//! those files ([`GitError::ChangesInTheWay`]). Edits to other files stay in
//! place through the whole operation, including a merge that is abandoned.

use crate::credentials::Credentials;
use crate::merge::{conflicts_in, write_merge_state, Conflict};
use crate::remote::{fetch, target, Progress};
use crate::site_repo::SiteRepo;
use crate::tree_apply::{apply, in_the_way, paths_between, wanted_in_index, wanted_in_tree};
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// What "Get latest changes" did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SyncOutcome {
    /// Nothing new on the remote (there may be unpublished commits here).
    UpToDate,
    /// Only the remote had new commits: the site now matches it.
    FastForwarded {
        /// The commit the branch now points to.
        commit: String,
    },
    /// Both sides had new commits and they combined cleanly into a merge commit.
    Merged {
        /// The merge commit.
        commit: String,
    },
    /// Both sides changed the same parts of some files. The repository is in a
    /// merge state; cleanly merged files are written, conflicted files are left
    /// as they were here (no markers). Finish with [`crate::complete_merge`] or
    /// undo with [`crate::abort_merge`].
    Conflicts {
        /// One entry per conflicted file, with its three versions.
        conflicts: Vec<Conflict>,
    },
}

/// Fetches from the remote, then brings the current branch up to date.
pub fn sync(
    site: &Path,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
) -> Result<SyncOutcome, GitError> {
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    site.ensure_no_merge()?;
    let target = target(&site)?;
    fetch(&site, &target.remote, credentials, progress)?;
    site.ensure_unlocked()?;
    let repo = &site.repo;
    let theirs_id = match repo.refname_to_id(&target.tracking_ref()) {
        Ok(id) => id,
        // The remote does not have this branch yet: nothing to get.
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(SyncOutcome::UpToDate),
        Err(e) => return Err(e.into()),
    };
    let theirs = repo.find_commit(theirs_id)?;
    let Some(ours) = site.head_commit()? else {
        return fast_forward(&site, None, &theirs);
    };
    if ours.id() == theirs.id() || repo.graph_descendant_of(ours.id(), theirs.id())? {
        return Ok(SyncOutcome::UpToDate);
    }
    if repo.graph_descendant_of(theirs.id(), ours.id())? {
        return fast_forward(&site, Some(&ours), &theirs);
    }
    merge(&site, &target.remote, &target.remote_branch, &ours, &theirs)
}

fn fast_forward(
    site: &SiteRepo,
    ours: Option<&git2::Commit<'_>>,
    theirs: &git2::Commit<'_>,
) -> Result<SyncOutcome, GitError> {
    let repo = &site.repo;
    let our_tree = ours.map(|c| c.tree()).transpose()?;
    let their_tree = theirs.tree()?;
    let touched = paths_between(repo, our_tree.as_ref(), Some(&their_tree))?;
    let wanted = |p: &str| wanted_in_tree(Some(&their_tree), p);
    let blocking = in_the_way(site, &touched, &wanted, true)?;
    if !blocking.is_empty() {
        return Err(GitError::ChangesInTheWay(blocking));
    }
    let mut index = repo.index()?;
    apply(site, &mut index, &touched, &wanted)?;
    index.write()?;
    move_branch(repo, theirs.id(), "galley: fast-forward to latest changes")?;
    Ok(SyncOutcome::FastForwarded {
        commit: theirs.id().to_string(),
    })
}

fn merge(
    site: &SiteRepo,
    remote: &str,
    remote_branch: &str,
    ours: &git2::Commit<'_>,
    theirs: &git2::Commit<'_>,
) -> Result<SyncOutcome, GitError> {
    let repo = &site.repo;
    let signature = repo.signature().map_err(|_| GitError::NoIdentity)?;
    let mut merged = repo.merge_commits(ours, theirs, None)?;
    let our_tree = ours.tree()?;
    let their_tree = theirs.tree()?;
    let mut touched = paths_between(repo, Some(&our_tree), Some(&their_tree))?;
    let conflicts = conflicts_in(&merged)?;
    touched.extend(conflicts.iter().cloned());
    let clean = conflicts.is_empty();
    let wanted = |p: &str| wanted_in_index(&merged, p);
    // A conflicted merge can be abandoned, which restores HEAD's version of
    // every touched file: so there, any unrecorded edit is in the way.
    let blocking = in_the_way(site, &touched, &wanted, clean)?;
    if !blocking.is_empty() {
        return Err(GitError::ChangesInTheWay(blocking));
    }
    let message = format!("Merge remote-tracking branch '{remote}/{remote_branch}'");
    let mut index = repo.index()?;
    if clean {
        apply(site, &mut index, &touched, &wanted)?;
        index.write()?;
        let tree = repo.find_tree(merged.write_tree_to(repo)?)?;
        let id = repo.commit(
            Some("HEAD"),
            &signature,
            &signature,
            &message,
            &tree,
            &[ours, theirs],
        )?;
        return Ok(SyncOutcome::Merged {
            commit: id.to_string(),
        });
    }
    let clean_paths = touched
        .iter()
        .filter(|p| !conflicts.contains(*p))
        .cloned()
        .collect();
    apply(site, &mut index, &clean_paths, &wanted)?;
    for path in &conflicts {
        let p = Path::new(path);
        if index.get_path(p, 0).is_some() {
            index.remove_path(p)?;
        }
    }
    for conflict in merged.conflicts()? {
        let conflict = conflict?;
        // Entries keep their stage (1 base, 2 ours, 3 theirs) in their flags,
        // so the repository's index shows the conflict to any git tool.
        for entry in [conflict.ancestor, conflict.our, conflict.their]
            .into_iter()
            .flatten()
        {
            index.add(&entry)?;
        }
    }
    index.write()?;
    write_merge_state(repo, theirs.id(), &message)?;
    Ok(SyncOutcome::Conflicts {
        conflicts: crate::merge::describe_conflicts(site, &merged)?,
    })
}

/// Points the current branch (through HEAD) at `id`, creating it if unborn.
fn move_branch(repo: &git2::Repository, id: git2::Oid, log: &str) -> Result<(), GitError> {
    let head = repo.find_reference("HEAD")?;
    let name = head
        .symbolic_target()?
        .ok_or(GitError::DetachedHead)?
        .to_owned();
    repo.reference(&name, id, true, log)?;
    Ok(())
}
