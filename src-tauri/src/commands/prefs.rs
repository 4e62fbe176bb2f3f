//! The editor's preferences, kept with `tauri-plugin-store` from Rust: the
//! window gets no store permission, only these two commands, which read and
//! write one typed, checked value.

use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::preferences::{Preferences, FONT_SIZES};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

/// The store's file, in the app's data folder.
const STORE_FILE: &str = "preferences.json";
/// The one key the preferences live under.
const KEY: &str = "preferences";

/// The stored preferences (defaults for anything missing or unknown).
pub fn load<R: Runtime>(app: &AppHandle<R>) -> Preferences {
    match app.store(STORE_FILE) {
        Ok(store) => Preferences::from_stored(store.get(KEY).as_ref()),
        Err(e) => {
            eprintln!("galley: preferences could not be read, using the defaults: {e}");
            Preferences::default()
        }
    }
}

/// The editor's preferences.
#[tauri::command]
pub fn get_preferences<R: Runtime>(app: AppHandle<R>) -> Preferences {
    load(&app)
}

/// Checks and stores the editor's preferences; returns what was stored.
#[tauri::command]
pub fn set_preferences<R: Runtime>(
    app: AppHandle<R>,
    preferences: Preferences,
) -> Result<Preferences, IpcError> {
    preferences.validate().map_err(|e| {
        let (min, max) = (FONT_SIZES.start(), FONT_SIZES.end());
        IpcError::new(
            "invalid_field",
            e,
            AppSay::FontSize.words().with("min", min).with("max", max),
        )
    })?;
    let not_saved = |e: String| {
        IpcError::new(
            "io",
            format!("Your preferences could not be saved ({e})."),
            AppSay::PrefsNotSaved.words().with("detail", e),
        )
    };
    let store = app
        .store(STORE_FILE)
        .map_err(|e| not_saved(e.to_string()))?;
    let value = serde_json::to_value(&preferences).map_err(|e| not_saved(e.to_string()))?;
    store.set(KEY, value);
    store.save().map_err(|e| not_saved(e.to_string()))?;
    Ok(preferences)
}
