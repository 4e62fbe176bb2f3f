//! Galley's desktop shell: the only Rust that names Tauri.
//!
//! It wires windows, commands and the site-image protocol to `galley-core` and
//! `galley-git`, and holds no logic of its own: every command turns its
//! arguments into a core call and the result into a wire type.

mod background;
mod commands;
mod file_drop;
mod ipc;
mod preferences;
mod protocol;
mod recent;
mod spelling;
mod state;
mod tokens;
mod update;

use state::AppState;
use tauri::{Manager, Runtime};

/// Starts the app (what `main` calls).
pub fn run() {
    run_app(tauri::Builder::default(), tauri::generate_context!());
}

/// Builds and runs the app on any runtime, so tests can pass a mock builder.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>, context: tauri::Context<R>) {
    let app = builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Used from Rust only: the window is granted none of their commands.
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(AppState::default())
        .register_uri_scheme_protocol(protocol::SCHEME, protocol::serve)
        .invoke_handler(tauri::generate_handler![
            commands::site::open_site,
            commands::site::choose_site,
            commands::site::current_site,
            commands::site::recent_sites,
            commands::page::open_page,
            commands::page::save_page,
            commands::preview::render_preview,
            commands::preview::preview_edit,
            commands::git::commit_changes,
            commands::publish::git_status,
            commands::publish::review_site_changes,
            commands::publish::discard_change,
            commands::publish::page_history,
            commands::publish::page_version,
            commands::publish::restore_version,
            commands::publish::sync_site,
            commands::publish::open_conflicts,
            commands::publish::resolve_conflicts,
            commands::publish::abandon_merge,
            commands::publish::publish_site,
            commands::publish::propose_review,
            commands::publish::git_identity,
            commands::publish::set_git_identity,
            commands::git::set_https_token,
            commands::external::open_external,
            commands::spelling::set_spell_languages,
            commands::page::outside_change,
            commands::page::settle_outside_change,
            commands::events::subscribe,
            commands::events::set_unsaved,
            commands::events::quit_app,
            commands::recovery::journal_draft,
            commands::recovery::journal_clear,
            commands::recovery::pending_drafts,
            commands::publish::status_of_paths,
            commands::preview::site_stylesheet,
            commands::preview::page_for_link,
            commands::form::page_schema,
            commands::form::check_draft,
            commands::form::site_images,
            commands::form::import_image,
            commands::form::import_dropped,
            commands::browse::search_pages,
            commands::browse::search_index_ready,
            commands::browse::new_page,
            commands::browse::rename_page,
            commands::browse::duplicate_page,
            commands::browse::delete_page,
            commands::prefs::get_preferences,
            commands::prefs::set_preferences,
            commands::update::install_update,
            commands::clone::clone_destination,
            commands::clone::choose_clone_folder,
            commands::clone::clone_site,
            commands::clone::cancel_clone,
            commands::clone::site_setup,
            commands::browse::list_pages,
            commands::browse::page_summaries,
            commands::browse::page_url,
        ])
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drag) = event {
                file_drop::on_drag_drop(window, drag);
                return;
            }
            // Closing with unsaved edits asks first (in the UI); the journal
            // keeps the words even if the app is killed instead.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.unsaved() > 0 {
                    api.prevent_close();
                    AppState::emit(&state.events(), state::AppEvent::CloseRequested);
                }
            }
        })
        .setup(|app| {
            let state = app.state::<AppState>();
            if let Ok(cache) = app.path().app_cache_dir() {
                state.set_cache_dir(cache.join("site-index"));
            }
            // A folder given on the command line opens directly: the demo
            // (`cargo xtask run`) and the end-to-end tests rely on it. It is read
            // on a thread of its own while the window and WebKit start (this hook
            // runs on the main thread, which serves the window), and the UI's
            // `current_site` waits for it. The watcher starts first, before the
            // site is read: a change made before it is in the reading, one made
            // after it is an event, so none is missed.
            if let Some(folder) = std::env::args_os().nth(1) {
                state.begin_opening();
                let app = app.handle().clone();
                std::thread::spawn(move || {
                    let state = app.state::<AppState>();
                    let done = state.end_opening_on_drop();
                    let folder = std::path::Path::new(&folder);
                    commands::events::watch_site(&state, folder);
                    let opened = commands::site::open_index(&state, folder);
                    drop(done);
                    match opened {
                        Ok(site) => commands::site::after_open(&app, &site),
                        Err(e) => eprintln!("galley: {}", e.message),
                    }
                });
            }
            let preferences = commands::prefs::load(app.handle());
            update::look_in_background(app.handle(), preferences.check_for_updates);
            Ok(())
        })
        .build(context);
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("galley: the window could not be started: {e}");
            std::process::exit(1);
        }
    }
}
