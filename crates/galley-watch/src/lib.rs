//! Watching a site folder: file-system events become a small enum of site
//! changes that the shell forwards to the UI.
//!
//! The classification is a pure function so every OS quirk is table-tested
//! without touching the disk. The notify-based watcher that feeds it lands with
//! the never-lose-work issue; this crate never depends on `galley-core`'s
//! callers (tauri) and the core never depends on it.

mod classify;

pub use classify::{classify, PathKind};
