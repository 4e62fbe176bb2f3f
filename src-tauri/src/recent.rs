//! The list of recently opened sites, kept in the app's config folder.
//!
//! Stored as a small JSON array; a missing or unreadable file just means no
//! recent sites, never an error the editor has to deal with.

use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, Runtime};

/// How many sites the welcome list remembers.
const MAX_RECENT: usize = 8;

fn file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.path()
        .app_config_dir()
        .ok()
        .map(|d| d.join("recent-sites.json"))
}

/// Recently opened site folders, newest first.
pub fn load<R: Runtime>(app: &AppHandle<R>) -> Vec<String> {
    file(app)
        .and_then(|f| std::fs::read(f).ok())
        .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
        .unwrap_or_default()
}

/// Puts `root` first in the list and stores it.
pub fn remember<R: Runtime>(app: &AppHandle<R>, root: &Path) {
    let Some(path) = file(app) else { return };
    let root = root.to_string_lossy().into_owned();
    let mut list = load(app);
    list.retain(|r| *r != root);
    list.insert(0, root);
    list.truncate(MAX_RECENT);
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(json) = serde_json::to_vec_pretty(&list) {
        // Losing the recent list is harmless; a failed write is not reported.
        let _ = galley_core::save::write_atomic(&path, &json);
    }
}
