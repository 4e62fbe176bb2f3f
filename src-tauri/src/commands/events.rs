//! The UI's subscription to app events, the site watcher, and closing the
//! window without losing unsaved edits.

use crate::ipc::IpcError;
use crate::state::{AppEvent, AppState};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

/// Starts watching `root`, forwarding changes to the UI's channel. A failure
/// to watch is not fatal: the editor can still work, only without live updates.
pub fn watch_site(state: &AppState, root: &std::path::Path) {
    let sink = state.events();
    let index = state.index_slot();
    let values = state.site_values_slot();
    state.set_watcher(None);
    state.set_repo(galley_git::SiteRepo::open(root).ok());
    match galley_watch::Watcher::start(root, move |changes| {
        let notice = changes
            .watch_mode
            .as_ref()
            .and_then(galley_watch::WatchMode::message);
        let notice_words = changes
            .watch_mode
            .as_ref()
            .and_then(crate::ipc::words::watch_words);
        crate::state::forget(&index);
        if changes.rescan || !changes.config_changed.is_empty() {
            crate::state::forget_values(&values);
        }
        AppState::emit(
            &sink,
            AppEvent::SiteChanged {
                changes,
                notice,
                notice_words,
            },
        );
    }) {
        Ok(watcher) => state.set_watcher(Some(watcher)),
        Err(e) => eprintln!("galley: not watching the site for changes: {e}"),
    }
}

/// The UI gives the channel app events are sent on (once per window load).
#[tauri::command]
pub fn subscribe(state: State<'_, AppState>, channel: Channel<AppEvent>) {
    *state.events().lock().unwrap_or_else(|p| p.into_inner()) = Some(channel);
    // An update found before the UI was listening is announced now.
    if let Some(offer) = state.update_offer() {
        AppState::emit(&state.events(), AppEvent::UpdateAvailable { offer });
    }
}

/// The UI says how many pages have unsaved edits, so closing can ask first.
#[tauri::command]
pub fn set_unsaved(state: State<'_, AppState>, count: usize) {
    state.set_unsaved(count);
}

/// Closes the app after the editor confirmed (or saved) in the UI.
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    app.exit(0);
    Ok(())
}
