//! Galley's git operations, over libgit2 (`git2`).
//!
//! One operation per module; each takes the site's folder and site-relative
//! paths (with `/`), and reports failures in words an editor understands. This
//! crate knows nothing of windows or front matter: the shell and the CLI call it.

mod commit;
mod error;
mod status;

pub use commit::{commit_paths, CommitInfo};
pub use error::GitError;
pub use status::{changed_paths, FileChange};
