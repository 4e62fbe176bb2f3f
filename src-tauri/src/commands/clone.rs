//! "Clone a site…": where the copy goes, the clone itself with progress and
//! Cancel, and what the opened folder has of git's set-up.
//!
//! The UI never names a folder on disk: the copy goes into a default folder
//! (Documents, else home) or one the editor chose in the system dialog, and
//! the UI only gives the new folder's name inside it, checked to be one name.

use crate::ipc::words::AppSay;
use crate::ipc::{IpcError, SiteView};
use crate::state::AppState;
use galley_git::{Credentials, Progress, SiteSetup, TokenStore};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

/// Where a copy of a site will go.
#[derive(Debug, serde::Serialize)]
pub struct CloneDestination {
    /// The folder the copy is made in.
    pub parent: String,
    /// The suggested name of the new folder (from the address).
    pub name: String,
}

fn parent_folder<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Result<PathBuf, IpcError> {
    if let Some(chosen) = state.clone_parent() {
        return Ok(chosen);
    }
    app.path()
        .document_dir()
        .ok()
        .filter(|d| d.is_dir())
        .or_else(|| app.path().home_dir().ok())
        .ok_or_else(|| {
            IpcError::said(
                "io",
                AppSay::NoHomeFolder,
                "Galley could not find your home folder. Choose a folder for the copy.",
            )
        })
}

/// The folder a copy goes into and the name suggested for `address`.
#[tauri::command]
pub fn clone_destination<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    address: String,
) -> Result<CloneDestination, IpcError> {
    Ok(CloneDestination {
        parent: parent_folder(&app, &state)?.to_string_lossy().into_owned(),
        name: galley_git::folder_name_for(&address),
    })
}

/// Lets the editor choose the folder copies go into (system dialog).
/// `None` if they cancelled.
#[tauri::command]
pub async fn choose_clone_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let Some(folder) =
        super::site::pick_folder(&app, "Where should the copy of the site go?", "io").await?
    else {
        return Ok(None);
    };
    state.set_clone_parent(folder.clone());
    Ok(Some(folder.to_string_lossy().into_owned()))
}

/// Copies the site at `address` into a new folder `name` and opens it.
/// Sign-in as for publishing: a token typed this session or kept in the
/// keychain for the address's host, then ssh-agent, keys and git's helpers.
#[tauri::command]
pub async fn clone_site<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    address: String,
    name: String,
    progress: Channel<Progress>,
) -> Result<SiteView, IpcError> {
    let address = galley_git::check_clone_address(&address)?;
    let name = galley_git::check_folder_name(&name)?.to_owned();
    let destination = parent_folder(&app, &state)?.join(name);
    let host = galley_git::remote_host(&address);
    let token = state.https_token().or_else(|| {
        host.as_deref()
            .and_then(|h| crate::tokens::KeychainTokens.token_for(h))
    });
    let credentials = match token {
        Some(token) => Credentials::system().with_token(token),
        None => Credentials::system(),
    };
    let cancel = state.clone_cancel();
    cancel.store(false, Ordering::SeqCst);
    let copy = tauri::async_runtime::spawn_blocking(move || {
        let result = galley_git::clone_site(
            &address,
            &destination,
            &credentials,
            &mut |p| {
                let _ = progress.send(p);
            },
            cancel,
        );
        if matches!(result, Err(galley_git::GitError::Credentials)) {
            if let Some(host) = &host {
                let _ = crate::tokens::KeychainTokens.forget(host);
            }
        }
        result
    })
    .await
    .map_err(IpcError::task)??;
    crate::commands::site::open_folder(&app, &state, copy)
}

/// Stops the clone in progress (it cleans up after itself).
#[tauri::command]
pub fn cancel_clone(state: State<'_, AppState>) {
    state.clone_cancel().store(true, Ordering::SeqCst);
}

/// What the open site folder has of git's set-up (repository, remote,
/// author), so the UI can say what will work.
#[tauri::command]
pub fn site_setup(state: State<'_, AppState>) -> Result<SiteSetup, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_git::site_setup(&site.root))
}
