//! Failures of git operations, in plain words with the next step.

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
    /// Nothing staged after adding the given paths.
    #[error("There are no saved changes to record.")]
    NothingToCommit,
    /// An empty message.
    #[error("Please describe your change in a few words before saving it to the history.")]
    EmptyMessage,
    /// Anything else libgit2 reports.
    #[error("Git reported a problem: {0}")]
    Other(String),
}

impl From<git2::Error> for GitError {
    fn from(e: git2::Error) -> Self {
        match e.code() {
            git2::ErrorCode::Locked => GitError::Locked,
            git2::ErrorCode::NotFound if e.class() == git2::ErrorClass::Repository => {
                GitError::NotARepository
            }
            _ => GitError::Other(e.message().to_owned()),
        }
    }
}
