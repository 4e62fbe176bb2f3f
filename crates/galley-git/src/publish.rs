//! "Publish": push the current branch to where it is published, never forced.

use crate::credentials::Credentials;
use crate::remote::{push_refspec, target, Progress};
use crate::site_repo::SiteRepo;
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// What was published where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The local branch.
    pub branch: String,
    /// The remote it went to (`origin`).
    pub remote: String,
    /// The branch name on the remote.
    pub remote_branch: String,
    /// The commit the remote branch now points to.
    pub commit: String,
    /// This publish also made the branch follow the remote branch (first publish).
    pub set_upstream: bool,
}

/// Pushes the current branch to its upstream, or to `origin/<branch>` (then
/// setting it as upstream so ahead/behind counts work afterwards).
pub fn publish(
    site: &Path,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
) -> Result<Published, GitError> {
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    site.ensure_no_merge()?;
    let target = target(&site)?;
    let commit = site
        .head_commit()?
        .ok_or(GitError::NothingToPublish)?
        .id()
        .to_string();
    let refspec = format!(
        "refs/heads/{}:refs/heads/{}",
        target.branch, target.remote_branch
    );
    push_refspec(&site, &target.remote, &refspec, credentials, progress)?;
    if !target.has_upstream {
        set_upstream(
            &site.repo,
            &target.branch,
            &target.remote,
            &target.remote_branch,
        )?;
    }
    Ok(Published {
        set_upstream: !target.has_upstream,
        branch: target.branch,
        remote: target.remote,
        remote_branch: target.remote_branch,
        commit,
    })
}

/// Makes `branch` follow `remote/remote_branch`. Written as configuration
/// directly, since `Branch::set_upstream` fails when the remote has no fetch
/// refspec and so no remote-tracking branch was created by the push.
pub(crate) fn set_upstream(
    repo: &git2::Repository,
    branch: &str,
    remote: &str,
    remote_branch: &str,
) -> Result<(), GitError> {
    let mut config = repo.config()?.open_level(git2::ConfigLevel::Local)?;
    config.set_str(&format!("branch.{branch}.remote"), remote)?;
    config.set_str(
        &format!("branch.{branch}.merge"),
        &format!("refs/heads/{remote_branch}"),
    )?;
    Ok(())
}
