//! Opening and saving a page, and settling a change made outside Galley.

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::draft::FieldOp;
use galley_core::page::{FieldEdit, LoadedPage, OutsideChange, SaveOutcome, Settle};
use tauri::State;

/// Reads a page (site-relative path) for the editor.
#[tauri::command]
pub fn open_page(state: State<'_, AppState>, path: String) -> Result<LoadedPage, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let page = galley_core::page::load_page(&site.root, &path, site.generator.dialect())?;
    state.set_base(&path, page.bytes.clone());
    Ok(page)
}

/// Saves field edits, structured operations (in order) and the body, if the
/// file is still the version the editor opened (`fingerprint`).
#[tauri::command]
pub fn save_page(
    state: State<'_, AppState>,
    path: String,
    fingerprint: String,
    edits: Vec<FieldEdit>,
    ops: Option<Vec<FieldOp>>,
    body: Option<String>,
) -> Result<SaveOutcome, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let saved = galley_core::page::save_page_announced(
        &site.root,
        &path,
        site.generator.dialect(),
        &fingerprint,
        &edits,
        ops.as_deref().unwrap_or_default(),
        body.as_deref(),
        &mut |print| state.expect_write(&path, print),
    )?;
    state.set_base(&path, saved.bytes.clone());
    if saved.written {
        state.forget_index();
    }
    Ok(saved)
}

pub(crate) fn base_of(state: &AppState, path: &str) -> Result<Vec<u8>, IpcError> {
    state.base(path).ok_or_else(|| {
        IpcError::said(
            "not_found",
            AppSay::LostBase,
            "Open the page again: Galley lost track of the version you started from.",
        )
    })
}

/// The page changed on disk while it had unsaved edits: what combining gives.
#[tauri::command]
pub fn outside_change(
    state: State<'_, AppState>,
    path: String,
    edits: Vec<FieldEdit>,
    ops: Option<Vec<FieldOp>>,
    body: Option<String>,
) -> Result<OutsideChange, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let base = base_of(&state, &path)?;
    Ok(galley_core::page::outside_change(
        &site.root,
        &path,
        site.generator.dialect(),
        &base,
        &edits,
        ops.as_deref().unwrap_or_default(),
        body.as_deref(),
    )?)
}

/// Keeps the editor's version, or writes the combination with their choices.
#[tauri::command]
pub fn settle_outside_change(
    state: State<'_, AppState>,
    path: String,
    edits: Vec<FieldEdit>,
    ops: Option<Vec<FieldOp>>,
    body: Option<String>,
    theirs_fingerprint: String,
    settle: Settle,
) -> Result<SaveOutcome, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let base = base_of(&state, &path)?;
    let saved = galley_core::page::settle_outside_change(
        &site.root,
        &path,
        site.generator.dialect(),
        &base,
        &edits,
        ops.as_deref().unwrap_or_default(),
        body.as_deref(),
        &theirs_fingerprint,
        &settle,
        &mut |print| state.expect_write(&path, print),
    )?;
    state.set_base(&path, saved.bytes.clone());
    if saved.written {
        state.forget_index();
    }
    Ok(saved)
}
