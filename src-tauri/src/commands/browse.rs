//! The site browser: the page list's windows, search, new page, duplicate,
//! rename, delete. Each command is a core call on the kept site index; file
//! changes drop the index so the next command re-reads the site.

use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::browse::{self, ListQuery, PageOpError, PageWindow};
use galley_core::search::SearchAnswer;
use galley_core::site::{PageSummary, Site};
use tauri::State;

/// At most this many search results: more than a sidebar can usefully show.
const SEARCH_LIMIT: usize = 200;

impl From<PageOpError> for IpcError {
    fn from(e: PageOpError) -> Self {
        let code = match &e {
            PageOpError::Path(_) => "outside_site",
            PageOpError::NotFound(_) => "not_found",
            PageOpError::Exists(_) => "exists",
            _ => "refused",
        };
        IpcError::new(code, &e, e.words())
    }
}

/// The pages at `paths` that are pages of the site, in that order.
fn summaries(site: &Site, paths: &[String]) -> Vec<PageSummary> {
    paths
        .iter()
        .filter_map(|p| site.page_index(p).map(|i| site.pages[i].clone()))
        .collect()
}

/// The pages matching `query`, best first (fuzzy, case and accents ignored),
/// with their titles and collections. Answers at once: until the site's bodies
/// are indexed, from titles and fields only (`complete` is false, and the index
/// is being built; `search_index_ready` says when to ask again).
#[tauri::command]
pub async fn search_pages(
    state: State<'_, AppState>,
    query: String,
) -> Result<SearchAnswer<PageSummary>, IpcError> {
    let site = state.site_index()?;
    tauri::async_runtime::spawn_blocking(move || {
        let answer = site.search_now(&query, SEARCH_LIMIT);
        if !answer.complete {
            crate::background::index_search(&site);
        }
        SearchAnswer {
            pages: summaries(&site, &answer.pages),
            complete: answer.complete,
        }
    })
    .await
    .map_err(IpcError::task)
}

/// Resolves once the open site's search index holds the pages' text (started
/// here if nothing is building it), so a partial search can be asked again.
#[tauri::command]
pub async fn search_index_ready(state: State<'_, AppState>) -> Result<(), IpcError> {
    let site = state.site_index()?;
    crate::background::index_search(&site);
    tauri::async_runtime::spawn_blocking(move || site.wait_for_search())
        .await
        .map_err(IpcError::task)
}

/// One window of a collection's page list, sorted and filtered in the core.
#[tauri::command]
pub async fn list_pages(
    state: State<'_, AppState>,
    query: ListQuery,
) -> Result<PageWindow, IpcError> {
    let site = state.site_index()?;
    // The first window of a new order sorts the collection: off the main thread.
    tauri::async_runtime::spawn_blocking(move || browse::list_pages(&site, &query))
        .await
        .map_err(IpcError::task)
}

/// Titles and collections of the pages at `paths` (those still in the site):
/// the open page's heading, recovered drafts, the page actions.
#[tauri::command]
pub fn page_summaries(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<Vec<PageSummary>, IpcError> {
    Ok(summaries(&*state.site_index()?, &paths))
}

/// The address the page at `path` is published at, for a link to it from
/// another page (`None` if it is not a page of the site).
#[tauri::command]
pub fn page_url(state: State<'_, AppState>, path: String) -> Result<Option<String>, IpcError> {
    Ok(state.site_index()?.public_url(&path))
}

/// Writes a new page titled `title` into `collection`; returns its path.
#[tauri::command]
pub fn new_page(
    state: State<'_, AppState>,
    collection: String,
    title: String,
) -> Result<String, IpcError> {
    let site = state.site_index()?;
    let rel = browse::create_page(&site, &collection, &title)?;
    announce(&state, &site.root, &rel);
    state.forget_index();
    Ok(rel)
}

/// Renames the page at `path` after `name` (file name and slug); returns the new path.
#[tauri::command]
pub fn rename_page(
    state: State<'_, AppState>,
    path: String,
    name: String,
) -> Result<String, IpcError> {
    let site = state.site_index()?;
    let rel = browse::rename_page(&site, &path, &name)?;
    announce(&state, &site.root, &rel);
    state.forget_index();
    Ok(rel)
}

/// Copies the page at `path` into a new page titled `title`; returns the new path.
#[tauri::command]
pub fn duplicate_page(
    state: State<'_, AppState>,
    path: String,
    title: String,
) -> Result<String, IpcError> {
    let site = state.site_index()?;
    let rel = browse::duplicate_page(&site, &path, &title)?;
    announce(&state, &site.root, &rel);
    state.forget_index();
    Ok(rel)
}

/// Deletes the page at `path` (the UI asked first; Changes → Discard restores it).
#[tauri::command]
pub fn delete_page(state: State<'_, AppState>, path: String) -> Result<(), IpcError> {
    let site = state.site_index()?;
    browse::delete_page(&site, &path)?;
    state.forget_index();
    Ok(())
}

/// Tells the watcher the file at `rel` is the app's own write.
fn announce(state: &AppState, root: &std::path::Path, rel: &str) {
    if let Ok(bytes) = std::fs::read(root.join(rel)) {
        state.expect_write(rel, &galley_core::page::fingerprint(&bytes));
    }
}
