//! Opening and saving a page.

use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::page::{FieldEdit, LoadedPage, SaveOutcome};
use tauri::State;

/// Reads a page (site-relative path) for the editor.
#[tauri::command]
pub fn open_page(state: State<'_, AppState>, path: String) -> Result<LoadedPage, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_core::page::load_page(
        &site.root,
        &path,
        site.generator.dialect(),
    )?)
}

/// Saves field edits and the body, if the file is still the version the
/// editor opened (`fingerprint`).
#[tauri::command]
pub fn save_page(
    state: State<'_, AppState>,
    path: String,
    fingerprint: String,
    edits: Vec<FieldEdit>,
    body: Option<String>,
) -> Result<SaveOutcome, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_core::page::save_page(
        &site.root,
        &path,
        site.generator.dialect(),
        &fingerprint,
        &edits,
        body.as_deref(),
    )?)
}
