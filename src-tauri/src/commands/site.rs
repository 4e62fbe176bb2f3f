//! Opening a site: from the folder dialog, the recent list, or the command line.

use crate::ipc::words::AppSay;
use crate::ipc::{IpcError, SiteView};
use crate::state::{AppState, OpenSite};
use galley_core::site::Site;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// Opens `folder` and makes it the current site. Used by the commands and at start-up.
pub fn open_folder<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    folder: PathBuf,
) -> Result<SiteView, IpcError> {
    let site = Site::open_with(&folder, &state.open_options()).map_err(IpcError::from)?;
    state.set_site(OpenSite {
        root: site.root.clone(),
        generator: site.generator,
    });
    crate::commands::events::watch_site(state, &site.root);
    crate::recent::remember(app, &site.root);
    let site = std::sync::Arc::new(site);
    state.keep_index(std::sync::Arc::clone(&site));
    // Build the search index while the editor looks around: the first search is instant.
    let warm = std::sync::Arc::clone(&site);
    std::thread::spawn(move || warm.warm_search());
    Ok(SiteView::of(&site))
}

/// Re-opens a site from the recent list. Only remembered folders are
/// accepted: the UI cannot name an arbitrary folder to read.
#[tauri::command]
pub fn open_site<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    root: String,
) -> Result<SiteView, IpcError> {
    let known = crate::recent::load(&app).contains(&root)
        || state
            .site()
            .is_some_and(|s| s.root.to_string_lossy() == root);
    if !known {
        return Err(IpcError::said(
            "outside_site",
            AppSay::ChooseSiteFirst,
            "Choose the site folder with \"Open site…\" first.",
        ));
    }
    open_folder(&app, &state, PathBuf::from(root))
}

/// Asks for a folder with the system dialog and opens it. `None` if cancelled.
#[tauri::command]
pub async fn choose_site<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<SiteView>, IpcError> {
    let Some(folder) = pick_folder(&app, "Open a site folder", "not_a_site").await? else {
        return Ok(None);
    };
    open_folder(&app, &state, folder).map(Some)
}

/// Asks for a folder with the system dialog, off the main thread; `None` if the
/// editor cancelled. A pick that is not a local folder is refused with `code`.
pub async fn pick_folder<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    code: &'static str,
) -> Result<Option<PathBuf>, IpcError> {
    let (tx, rx) = std::sync::mpsc::channel();
    app.dialog()
        .file()
        .set_title(title)
        .pick_folder(move |folder| {
            let _ = tx.send(folder);
        });
    let picked = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(IpcError::task)?;
    picked
        .map(|folder| {
            folder.into_path().map_err(|_| {
                IpcError::said(
                    code,
                    AppSay::NotLocalFolder,
                    "That location is not a folder on this computer.",
                )
            })
        })
        .transpose()
}

/// The site opened at start-up (command line) or earlier. Served from the
/// kept index, which is re-read only after the site changed on disk.
#[tauri::command]
pub fn current_site(state: State<'_, AppState>) -> Result<Option<SiteView>, IpcError> {
    if state.site().is_none() {
        return Ok(None);
    }
    let site = state.site_index()?;
    Ok(Some(SiteView::of(&site)))
}

/// Recently opened folders, newest first.
#[tauri::command]
pub fn recent_sites<R: Runtime>(app: AppHandle<R>) -> Vec<String> {
    crate::recent::load(&app)
}
