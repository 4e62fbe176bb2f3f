//! The live preview.

use galley_core::preview::{render, RenderOptions};

/// Where the webview reaches the site-image protocol: Windows' WebView2 only
/// loads custom schemes as `http://<scheme>.localhost`.
fn asset_prefix() -> String {
    if cfg!(windows) {
        format!("http://{}.localhost", crate::protocol::SCHEME)
    } else {
        format!("{}://localhost", crate::protocol::SCHEME)
    }
}

/// Renders a page body to sanitized HTML for the preview frame.
#[tauri::command]
pub fn render_preview(body: String) -> String {
    render(
        &body,
        &RenderOptions {
            asset_url_prefix: Some(asset_prefix()),
        },
    )
}
