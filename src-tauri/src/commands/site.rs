//! Opening a site: from the folder dialog, the recent list, or the command line.

use crate::ipc::words::AppSay;
use crate::ipc::{IpcError, SiteView};
use crate::state::{AppState, OpenSite};
use galley_core::site::Site;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// Opens `folder` and makes it the current site. Used by the commands.
pub fn open_folder<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    folder: PathBuf,
) -> Result<SiteView, IpcError> {
    let site = open_index(state, &folder)?;
    crate::commands::events::watch_site(state, &site.root);
    after_open(app, &site);
    Ok(SiteView::of(&site))
}

/// Reads the site in `folder` and makes it the current site: all the first
/// screen needs. (Its watcher is started by the caller, before the UI can be
/// given the site, so no change made once the editor sees the list is missed.)
pub fn open_index(state: &AppState, folder: &std::path::Path) -> Result<Arc<Site>, IpcError> {
    let site = Site::open_deferring_cache(folder, &state.open_options()).map_err(IpcError::from)?;
    state.set_site(OpenSite {
        root: site.root.clone(),
        generator: site.generator,
    });
    let site = Arc::new(site);
    state.keep_index(Arc::clone(&site));
    Ok(site)
}

/// What follows opening a site and is not needed to show it: the recent list,
/// then (in the background, at low priority) the index cache and the search
/// index, so the first search is instant.
pub fn after_open<R: Runtime>(app: &AppHandle<R>, site: &Arc<Site>) {
    crate::recent::remember(app, &site.root);
    crate::background::after_open(site);
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
/// kept index, which is re-read only after the site changed on disk. Runs off
/// the main thread: at start-up it waits for the site being opened meanwhile,
/// and a re-read of a big site must not stop the window.
#[tauri::command]
pub async fn current_site<R: Runtime>(app: AppHandle<R>) -> Result<Option<SiteView>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.wait_for_opening();
        if state.site().is_none() {
            return Ok(None);
        }
        let site = state.site_index()?;
        Ok(Some(SiteView::of(&site)))
    })
    .await
    .map_err(IpcError::task)?
}

/// Recently opened folders, newest first.
#[tauri::command]
pub fn recent_sites<R: Runtime>(app: AppHandle<R>) -> Vec<String> {
    crate::recent::load(&app)
}
