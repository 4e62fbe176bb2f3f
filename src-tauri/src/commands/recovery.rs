//! The recovery journal: unsaved edits kept in the app's data folder so a
//! crash, a kill or a power cut never loses them.

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::draft::FieldOp;
use galley_core::journal::{Draft, Journal, JournalEntry};
use galley_core::page::FieldEdit;
use tauri::{AppHandle, Manager, Runtime, State};

fn journal<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Result<Journal, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    let data = app.path().app_data_dir().map_err(|e| {
        IpcError::new(
            "io",
            format!("Galley's data folder is not available: {e}"),
            AppSay::DataFolder.words().with("detail", e),
        )
    })?;
    Journal::open(&Journal::site_folder(&data.join("journal"), &site.root)).map_err(IpcError::from)
}

/// Records a page's unsaved edits.
#[tauri::command]
pub fn journal_draft<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    fingerprint: String,
    edits: Vec<FieldEdit>,
    ops: Option<Vec<FieldOp>>,
    body: Option<String>,
) -> Result<(), IpcError> {
    let draft = Draft {
        field_edits: edits,
        ops: ops.unwrap_or_default(),
        body,
    };
    journal(&app, &state)?
        .record(&path, &fingerprint, &draft)
        .map_err(IpcError::from)
}

/// Forgets a page's journaled edits (saved or discarded).
#[tauri::command]
pub fn journal_clear<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<(), IpcError> {
    journal(&app, &state)?.clear(&path).map_err(IpcError::from)
}

/// Unsaved edits left from an earlier run, to offer for restoring.
#[tauri::command]
pub fn pending_drafts<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Vec<JournalEntry>, IpcError> {
    let pending = journal(&app, &state)?.pending();
    for skipped in &pending.skipped {
        eprintln!(
            "galley: a recovery file could not be read: {}",
            skipped.reason
        );
    }
    Ok(pending.entries)
}
