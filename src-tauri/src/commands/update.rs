//! "Install and restart" for the update the background look found.

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State};

/// Downloads the waiting update, checks its signature against the public key
/// built into Galley, installs it and restarts. The UI asks the editor to
/// save first: this is only called with nothing unsaved.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    let update = state.update().ok_or_else(|| {
        IpcError::said(
            "no_update",
            AppSay::NoUpdate,
            "There is no new version to install.",
        )
    })?;
    update
        .download_and_install(|_, _| {}, || {})
        .await
        .map_err(|e| {
            IpcError::new(
                "update_failed",
                format!("The new version could not be installed ({e}). Galley keeps working as it is; try again later."),
                AppSay::UpdateFailed.words().with("detail", e),
            )
        })?;
    app.restart();
}
