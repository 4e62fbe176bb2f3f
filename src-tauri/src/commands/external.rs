//! Opening web and e-mail links in the system's programs (the UI asks the
//! editor first).

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;

/// The schemes a link may have to be opened: the ones the preview calls
/// external (`Preview.svelte`, `preview::urls`). Anything else (`file:`,
/// `javascript:`, a program's own scheme, a bare path) could make the app
/// launch files or programs.
const OPENABLE: [&str; 3] = ["https://", "http://", "mailto:"];

/// Whether `url` may be handed to the system: an http(s) or mailto address,
/// with no control characters (which the preview never produces, and which
/// could split what the opener passes on).
fn may_open(url: &str) -> bool {
    let openable = OPENABLE.iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    });
    openable && !url.chars().any(char::is_control)
}

/// Opens an http(s) link in the default browser, or a mailto link in the
/// e-mail program; nothing else is opened.
#[tauri::command]
pub fn open_external<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), IpcError> {
    if !may_open(&url) {
        return Err(IpcError::said(
            "invalid_link",
            AppSay::OnlyWebLinks,
            "Only web and e-mail links can be opened.",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_may_be_opened() {
        for url in [
            "https://example.org/a?b=c#d",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:editor@example.org",
            "MailTo:editor@example.org?subject=Hej%20d%C3%A5",
        ] {
            assert!(may_open(url), "{url}");
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for url in [
            "",
            "file:///etc/passwd",
            "/etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ssh://host",
            "ftp://example.org",
            "vscode://file/etc/passwd",
            "smb://server/share",
            "httpx://example.org",
            "https:example.org",
            "http:/example.org",
            " https://example.org",
            "mailto",
            "//example.org",
            "https://example.org/\n--help",
            "mailto:a@b\u{0}",
            "ä",
        ] {
            assert!(!may_open(url), "{url:?}");
        }
    }
}
