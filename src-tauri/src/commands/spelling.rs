//! The spell checker's languages, as the editor's text and the UI have them.

use tauri::{Runtime, Webview};

/// Turns the system spell checker on for the languages `tags` (BCP 47: the
/// site's `lang`, the UI's language). Best effort: a system without the
/// dictionaries simply marks nothing, so nothing is reported.
#[tauri::command]
pub fn set_spell_languages<R: Runtime>(webview: Webview<R>, tags: Vec<String>) {
    crate::spelling::check_in(&webview, &tags);
}
