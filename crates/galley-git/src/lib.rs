//! Galley's git operations, over libgit2 (`git2`).
//!
//! One operation per module; each takes the site's folder and site-relative
//! paths (with `/`), and reports failures in words an editor understands
//! ([`GitError`]). The site may be a subfolder of its repository: paths are
//! mapped in [`SiteRepo`], and files outside the site come back with `../`.
//!
//! What this crate is not: it knows nothing of windows, front matter or commit
//! message wording (galley-core suggests messages); it never rebases and never
//! force-pushes. Network operations take a [`Credentials`] strategy and a
//! progress callback, and give up signing in after a bounded number of tries.

mod clone;
mod commit;
mod credentials;
mod error;
mod fast_status;
mod history;
mod identity;
mod index_file;
mod merge;
mod propose;
mod publish;
mod remote;
mod setup;
mod site_repo;
mod status;
mod sync;
mod tree_apply;
mod versions;
mod worktree;

pub use clone::{check_clone_address, check_folder_name, clone_site, folder_name_for};
pub use commit::{commit_paths, CommitInfo};
pub use credentials::{
    remote_host, Credentials, HttpsToken, MemoryTokenStore, TokenStore, MAX_ATTEMPTS,
};
pub use error::GitError;
pub use history::{history, HistoryEntry};
pub use identity::{identity, set_identity};
pub use merge::{abort_merge, complete_merge, conflicts, Conflict};
pub use propose::{branch_name_for, propose_for_review, review_url, Proposal};
pub use publish::{publish, Published};
pub use remote::{publish_host, Progress};
pub use setup::{site_setup, SiteSetup};
pub use site_repo::SiteRepo;
pub use status::{changed_paths, status, status_of_paths, FileChange, SiteStatus, StatusEntry};
pub use sync::{sync, SyncOutcome};
pub use versions::{discard, head_version, restore_version, version_at};
