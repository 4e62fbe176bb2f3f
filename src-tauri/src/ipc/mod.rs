//! Wire types: what crosses IPC to the UI. Errors cross as `{code, message}`;
//! a code exists only where the UI acts on it.

use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Machine-readable, for the UI to branch on.
    pub code: &'static str,
    /// Plain words for the editor.
    pub message: String,
}

impl IpcError {
    /// An error the UI shows as it is.
    pub fn new(code: &'static str, message: impl ToString) -> Self {
        IpcError {
            code,
            message: message.to_string(),
        }
    }

    /// No site is open yet.
    pub fn no_site() -> Self {
        IpcError::new("no_site", "Open a site folder first.")
    }
}

impl From<galley_core::page::PageError> for IpcError {
    fn from(e: galley_core::page::PageError) -> Self {
        use galley_core::page::PageError;
        let code = match &e {
            PageError::ChangedOnDisk => "changed_on_disk",
            PageError::Path(_) => "outside_site",
            PageError::NotFound(_) => "not_found",
            PageError::Edit(_) | PageError::BadField(_) => "invalid_field",
            PageError::BrokenFrontMatter(_) => "broken_front_matter",
            _ => "io",
        };
        IpcError::new(code, e)
    }
}

impl From<galley_git::GitError> for IpcError {
    fn from(e: galley_git::GitError) -> Self {
        let code = match &e {
            galley_git::GitError::NothingToCommit => "nothing_to_commit",
            galley_git::GitError::NoIdentity => "no_identity",
            _ => "git",
        };
        IpcError::new(code, e)
    }
}

/// The opened site as the sidebar shows it.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The folder's name, for the title bar.
    pub name: String,
    /// Full folder path, for tooltips.
    pub root: String,
    /// The site model.
    #[serde(flatten)]
    pub site: galley_core::site::Site,
}

/// A changed file in the Changes list.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    /// Site-relative path.
    pub path: String,
    /// new / changed / deleted.
    pub change: galley_git::FileChange,
}
