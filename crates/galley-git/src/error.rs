//! Failures of git operations, in plain words with the next step.
//!
//! Each variant is a situation the editor can act on; the message says what
//! happened and what to do next, without git vocabulary where we can avoid it.

/// What went wrong, said so that someone who has never used git knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The site folder has no git history.
    #[error("This site folder is not tracked by git, so changes cannot be published from here.")]
    NotARepository,
    /// Another program holds `index.lock`.
    #[error("Another program is using this site's git records right now. Close other git tools (or wait a moment) and try again.")]
    Locked,
    /// No `user.name` / `user.email`.
    #[error("Galley needs your name and e-mail address to record who made this change. Set them in git (user.name and user.email) and try again.")]
    NoIdentity,
    /// A name or e-mail address given to `set_identity` was blank.
    #[error("Please enter both your name and your e-mail address.")]
    IncompleteIdentity,
    /// Nothing staged after adding the given paths.
    #[error("There are no saved changes to record.")]
    NothingToCommit,
    /// An empty message.
    #[error("Please describe your change in a few words before saving it to the history.")]
    EmptyMessage,
    /// A path that leaves the site's repository or points into `.git`.
    #[error("The file \"{0}\" is not part of this site, so Galley will not touch it.")]
    OutsideSite(String),
    /// A commit id that does not name a version of this site.
    #[error(
        "That version ({0}) is not in this site's history. Reload the history and pick it again."
    )]
    UnknownVersion(String),
    /// The file did not exist in the version asked for.
    #[error("The file \"{0}\" did not exist in that version, so there is nothing to restore.")]
    NotInVersion(String),
    /// No remote repository is configured.
    #[error("This site is not connected to an online copy yet, so there is nowhere to publish to or get changes from. Ask whoever set up the site to add one (a git \"remote\" named origin).")]
    NoRemote,
    /// HEAD points at a commit, not a branch.
    #[error("This site is showing an old version rather than a line of work, so it cannot be published. Switch back to a branch (for example main) and try again.")]
    DetachedHead,
    /// The branch has no commit yet.
    #[error("There is nothing to publish yet: record a change first.")]
    NothingToPublish,
    /// Push refused as not a fast-forward.
    #[error("Someone else has published changes since you last got them. Choose \"Get latest changes\" first, then publish again.")]
    RemoteHasNewCommits,
    /// The server accepted the connection but refused the update (a protected
    /// branch or a hook); libgit2 reports it only in `push_update_reference`.
    #[error("The server refused to publish these changes: {0}. Ask the site's maintainer, or use \"Propose for review\" instead.")]
    RejectedByServer(String),
    /// Authentication failed after a bounded number of attempts.
    #[error("The server did not accept your sign-in. Check your access token or SSH key in Galley's settings and try again.")]
    Credentials,
    /// The remote could not be reached.
    #[error("Galley could not reach the server. Check your internet connection and try again; your changes are safe on this computer.")]
    Offline,
    /// Uncommitted edits in files that getting the latest changes would change.
    #[error("Getting the latest changes would overwrite changes you have not recorded yet in: {}. Record (commit) or discard those changes first, then try again.", .0.join(", "))]
    ChangesInTheWay(Vec<String>),
    /// A merge is waiting to be finished or abandoned.
    #[error("You are in the middle of combining your changes with the latest ones. Finish resolving the conflicts, or abandon the merge, before doing this.")]
    MergeInProgress,
    /// `complete_merge` / `abort_merge` without a merge.
    #[error("There is no merge in progress, so there is nothing to finish or abandon.")]
    NoMergeInProgress,
    /// `complete_merge` without a resolution for every conflict.
    #[error("Some files still need a decision before the merge can be finished: {}.", .0.join(", "))]
    UnresolvedConflicts(Vec<String>),
    /// The folder chosen for a copy of a site already holds files.
    #[error("The folder \"{0}\" already holds files. Choose an empty folder, or a new name, for the copy of the site.")]
    DestinationNotEmpty(String),
    /// What was given as the site's address cannot be one.
    #[error("\"{0}\" does not look like the address of a site's repository. Copy it from the site's page on GitHub or GitLab (the \"Code\" or \"Clone\" button): it starts with https:// or git@.")]
    NotARepositoryAddress(String),
    /// A folder name for the copy that cannot be one (a path, `..`, empty).
    #[error("\"{0}\" cannot be a folder name. Use letters, digits and dashes, without / or \\.")]
    BadFolderName(String),
    /// The editor stopped a transfer.
    #[error("Stopped. Nothing was kept.")]
    Cancelled,
    /// Reading or writing a file in the site folder failed.
    #[error("Galley could not read or write a file in the site folder ({0}). Check that the disk is not full and that you may write there.")]
    Io(String),
    /// Anything else libgit2 reports.
    #[error("Git reported a problem: {0}")]
    Other(String),
}

impl From<git2::Error> for GitError {
    fn from(e: git2::Error) -> Self {
        match e.code() {
            git2::ErrorCode::Locked => GitError::Locked,
            git2::ErrorCode::NotFastForward => GitError::RemoteHasNewCommits,
            git2::ErrorCode::Auth => GitError::Credentials,
            git2::ErrorCode::NotFound if e.class() == git2::ErrorClass::Repository => {
                GitError::NotARepository
            }
            _ => GitError::Other(e.message().to_owned()),
        }
    }
}

impl From<std::io::Error> for GitError {
    fn from(e: std::io::Error) -> Self {
        GitError::Io(e.to_string())
    }
}
