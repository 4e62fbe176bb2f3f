//! The live preview: the page body rendered the way the site renders it
//! (Liquid values and includes, kramdown attributes, the site's stylesheet,
//! images from the site), sanitized in Rust.

use crate::ipc::IpcError;
use crate::state::AppState;
use galley_core::preview::liquid::TemplateDialect;
use galley_core::preview::{
    render_blocks, PageContext, PreviewBlock, RenderOptions, SessionUpdate, SiteIncludes, TextEdit,
};
use galley_core::site::Generator;
use tauri::State;

/// Where the webview reaches the site-image protocol: Windows' WebView2 only
/// loads custom schemes as `http://<scheme>.localhost`.
fn asset_prefix() -> String {
    if cfg!(windows) {
        format!("http://{}.localhost", crate::protocol::SCHEME)
    } else {
        format!("{}://localhost", crate::protocol::SCHEME)
    }
}

/// Renders a page body to sanitized HTML for the preview frame, in blocks with
/// their source lines (the frame replaces only the blocks that changed, and
/// scrolls with the editor by them). With the page's `path`, the site's Liquid
/// context, includes and the page's folder (for relative images and links) are
/// used. `known` are the keys of the blocks the preview shows: only the blocks
/// between the unchanged ends come back. The text is kept for
/// [`preview_edit`], which the editor uses while typing.
///
/// Async so it runs beside the app's main thread instead of on it: a 1 MB
/// page takes tens of milliseconds, which the window should not wait for.
#[tauri::command]
pub async fn render_preview(
    state: State<'_, AppState>,
    path: Option<String>,
    body: String,
    known: Option<Vec<u64>>,
) -> Result<SessionUpdate, IpcError> {
    let mut session = state.preview_session();
    session.replace(path, body);
    let site = state.site_index().ok();
    let blocks = render_for(&state, site.as_deref(), session.path(), session.text());
    Ok(session.answer(Some(&known.unwrap_or_default()), blocks))
}

/// Renders the kept text of [`render_preview`] after `edit`, a keystroke's
/// worth of change, so typing does not send the whole page each time.
/// `None` when the edit was not made against the kept text: the editor then
/// sends the whole text with `render_preview`.
#[tauri::command]
pub async fn preview_edit(
    state: State<'_, AppState>,
    path: Option<String>,
    edit: TextEdit,
) -> Result<Option<SessionUpdate>, IpcError> {
    Ok(edit_kept_text(&state, path.as_deref(), &edit))
}

/// Applies `edit` to the kept text and renders it; `None` when the edit was
/// not made against that text. Shared by [`preview_edit`] and the protocol's
/// synchronous edit request (`protocol.rs`), which a keystroke uses.
pub fn edit_kept_text(
    state: &AppState,
    path: Option<&str>,
    edit: &TextEdit,
) -> Option<SessionUpdate> {
    let mut session = state.preview_session();
    if !session.edit(path, edit) {
        return None;
    }
    let site = state.site_index().ok();
    let blocks = render_for(state, site.as_deref(), session.path(), session.text());
    Some(session.answer(None, blocks))
}

/// [`edit_kept_text`] would have to wait: a render holds the kept text, or
/// the site must first be read again (after a save or a change on disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// [`edit_kept_text`] for the keystroke's synchronous request, which runs on
/// the app's main thread while the webview waits for it: it never waits for
/// a lock or reads the site. `Err(Busy)` sends the editor to the async
/// command for this keystroke.
pub fn edit_kept_text_now(
    state: &AppState,
    path: Option<&str>,
    edit: &TextEdit,
) -> Result<Option<SessionUpdate>, Busy> {
    let mut session = state.try_preview_session().ok_or(Busy)?;
    let site = match path {
        Some(_) => Some(state.loaded_site_index().ok_or(Busy)?),
        None => None,
    };
    if !session.edit(path, edit) {
        return Ok(None);
    }
    let blocks = render_for(state, site.as_deref(), session.path(), session.text());
    Ok(Some(session.answer(None, blocks)))
}

/// Renders `body`, the text of page `path` of `site` (its Liquid values,
/// includes and folder), or alone without them.
fn render_for(
    state: &AppState,
    site: Option<&galley_core::site::Site>,
    path: Option<&str>,
    body: &str,
) -> Vec<PreviewBlock> {
    let options = RenderOptions {
        asset_url_prefix: Some(asset_prefix()),
    };
    let (Some(path), Some(site)) = (path, site) else {
        return render_blocks(body, &options, &PageContext::default());
    };
    let site_values = state.site_values();
    let includes = SiteIncludes::new(&site.root);
    let page_values = site.effective_fields(path);
    let page_dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let context = PageContext {
        page_dir: Some(page_dir),
        site: site_values.as_deref().and_then(Option::as_ref),
        page: page_values.as_ref(),
        includes: Some(&includes),
        dialect: match site.generator {
            Generator::Jekyll => TemplateDialect::Liquid,
            Generator::Hugo => TemplateDialect::HugoShortcodes,
            Generator::Plain => TemplateDialect::None,
        },
    };
    render_blocks(body, &options, &context)
}

/// The site's own stylesheet for the preview (plain CSS, or SCSS compiled in
/// Rust), or `None` to use Galley's default look.
#[tauri::command]
pub fn site_stylesheet(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let site = state.site().ok_or_else(IpcError::no_site)?;
    Ok(galley_core::preview::site_stylesheet(&site.root))
}

/// The page of this site a link in a page opens, if it is one.
///
/// Async, off the main thread: a link that matches no page is looked for
/// among every page's address, which takes a while on a big site.
#[tauri::command]
pub async fn page_for_link(
    state: State<'_, AppState>,
    from: String,
    link: String,
) -> Result<Option<String>, IpcError> {
    let site = state.site_index()?;
    tauri::async_runtime::spawn_blocking(move || site.page_for_link(&from, &link))
        .await
        .map_err(IpcError::task)
}
