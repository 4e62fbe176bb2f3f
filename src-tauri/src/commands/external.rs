//! Opening web links in the system browser (the UI asks the editor first).

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;

/// Opens an http(s) link in the default browser; nothing else is opened, so a
/// page cannot make the app launch files or programs.
#[tauri::command]
pub fn open_external<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), IpcError> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(IpcError::said(
            "invalid_link",
            AppSay::OnlyWebLinks,
            "Only web links can be opened.",
        ));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        IpcError::new(
            "io",
            format!("The browser could not be opened: {e}"),
            AppSay::BrowserFailed.words().with("detail", e),
        )
    })
}
