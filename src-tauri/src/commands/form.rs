//! What the front matter form needs beyond the page itself: the collection's
//! schema, problems of the draft as the editor types, and the site's images
//! (picked there, or copied in from the file dialog or a drop).

use crate::commands::page::base_of;
use crate::ipc::words::AppSay;
use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::assets::SiteImage;
use galley_core::draft::FieldOp;
use galley_core::page::FieldEdit;
use galley_core::schema::CollectionSchema;
use galley_core::validate::Problem;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// The form's description of an open page.
#[derive(Debug, Serialize)]
pub struct PageSchema {
    /// The page's collection, if it is a page of the site.
    pub collection: Option<String>,
    /// The collection's fields, kinds, choices, labels and help.
    pub schema: Option<CollectionSchema>,
    /// The page's problems as it is on disk.
    pub problems: Vec<Problem>,
}

/// The schema of the page's collection and the page's problems.
#[tauri::command]
pub fn page_schema(state: State<'_, AppState>, path: String) -> Result<PageSchema, IpcError> {
    let site = state.site_index()?;
    let collection = site.collection_of(&path);
    Ok(PageSchema {
        schema: collection.as_deref().and_then(|c| site.schema(c)).cloned(),
        collection,
        problems: site.page_problems(&path),
    })
}

/// The problems the page would have with the editor's draft applied, for the
/// form to show next to fields while typing. Nothing is written.
#[tauri::command]
pub fn check_draft(
    state: State<'_, AppState>,
    path: String,
    edits: Vec<FieldEdit>,
    ops: Option<Vec<FieldOp>>,
    body: Option<String>,
) -> Result<Vec<Problem>, IpcError> {
    let site = state.site_index()?;
    let base = base_of(&state, &path)?;
    Ok(galley_core::draft::check_draft(
        &site,
        &path,
        &base,
        &edits,
        ops.as_deref().unwrap_or_default(),
        body.as_deref(),
    ))
}

/// Every image of the site, for an image field's picker.
#[tauri::command]
pub fn site_images(state: State<'_, AppState>) -> Result<Vec<SiteImage>, IpcError> {
    Ok(galley_core::assets::site_images(&*state.site_index()?))
}

/// Asks for an image file with the system dialog and copies it into the site's
/// images folder under a safe, unique name. `None` if cancelled. The webview
/// never sees the file system: only the copied file's site path comes back.
#[tauri::command]
pub async fn import_image<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<SiteImage>, IpcError> {
    let site = state.site_index()?;
    let (tx, rx) = std::sync::mpsc::channel();
    // Start where pictures are kept (else the home folder): GTK's chooser
    // would otherwise open on "Recent", where typing a path first has to
    // leave that view.
    let start = [app.path().picture_dir(), app.path().home_dir()]
        .into_iter()
        .flatten()
        .find(|dir| dir.is_dir());
    let mut dialog = app.dialog().file();
    if let Some(dir) = start {
        dialog = dialog.set_directory(dir);
    }
    dialog
        .set_title("Choose an image to add to the site")
        .add_filter(
            "Images",
            &["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"],
        )
        .pick_file(move |file| {
            let _ = tx.send(file);
        });
    let picked = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(IpcError::task)?;
    let Some(file) = picked else {
        return Ok(None);
    };
    let source = file.into_path().map_err(|_| {
        IpcError::said(
            "io",
            AppSay::NotLocalFile,
            "That file is not on this computer.",
        )
    })?;
    copy_in(&state, &site, &source).map(Some)
}

/// Copies file `index` of drop `drop` (dropped onto the window from the file
/// manager; its path was kept from the system's drop event, see
/// `file_drop.rs`) into the site's images folder under a safe, unique name.
/// The UI names the file only by these numbers.
#[tauri::command]
pub fn import_dropped(
    state: State<'_, AppState>,
    drop: u64,
    index: usize,
) -> Result<SiteImage, IpcError> {
    let site = state.site_index()?;
    let source = state
        .drops()
        .take(drop, index)
        .map_err(|e| IpcError::new("io", &e, e.words()))?;
    copy_in(&state, &site, &source)
}

/// Copies the image at `source` into the site's images folder; the site's
/// index is read again next time, so the pickers list it.
fn copy_in(
    state: &AppState,
    site: &galley_core::site::Site,
    source: &std::path::Path,
) -> Result<SiteImage, IpcError> {
    let folder = galley_core::assets::images_folder(site);
    let path =
        galley_core::assets::import_image(&site.root, &folder, source).map_err(IpcError::from)?;
    state.forget_index();
    Ok(SiteImage {
        reference: galley_core::assets::reference_for(site.generator, &path),
        path,
    })
}
