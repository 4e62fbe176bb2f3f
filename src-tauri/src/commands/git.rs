//! Recording saved changes in git.

use crate::ipc::{ChangeView, IpcError};
use crate::state::AppState;
use galley_git::CommitInfo;
use tauri::State;

/// Files that differ from the last commit.
#[tauri::command]
pub fn list_changes(state: State<'_, AppState>) -> Result<Vec<ChangeView>, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::changed_paths(&site.root)?
        .into_iter()
        .map(|(path, change)| ChangeView { path, change })
        .collect())
}

/// Commits `paths` (site-relative) with `message`.
#[tauri::command]
pub fn commit_changes(
    state: State<'_, AppState>,
    message: String,
    paths: Vec<String>,
) -> Result<CommitInfo, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    for path in &paths {
        galley_core::paths::resolve_in_root(&site.root, path)
            .map_err(|e| IpcError::new("outside_site", e))?;
    }
    Ok(galley_git::commit_paths(&site.root, &paths, &message)?)
}
