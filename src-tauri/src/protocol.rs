//! `galley-site://` serves files of the opened site (images, CSS) to the
//! preview, and nothing else: every request goes through the same path check
//! as the commands, so it cannot read outside the site or inside `.git/`.
//!
//! Two more addresses serve the preview: a link clicked in the frame (which
//! runs no script) arrives at [`LINK_PATH`], and the editor sends a
//! keystroke's edit of the preview's text to [`PREVIEW_EDIT_PATH`] and waits
//! for the answer (see `editWithinKeystroke` in ui/src/ipc). The edit only
//! changes what the preview shows and answers what the `preview_edit`
//! command answers. It is taken only as a POST from the app's origin. The
//! preview frame shares that origin (it is sandboxed with `allow-same-origin`
//! so the app can write into it), but content there can make no POST: it runs
//! no scripts and keeps no forms (`form-action 'none'` besides); what it can
//! load, images and links, are GETs.

use crate::state::AppState;
use galley_core::preview::TextEdit;
use tauri::http::{header, Method, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

/// The scheme name; the UI builds URLs with it (see ui/src/ipc).
pub const SCHEME: &str = "galley-site";

/// Answers one request.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    let state = ctx.app_handle().state::<AppState>();
    // A link clicked in the preview frame (scripts cannot run there, so its
    // links are pointed here): tell the UI, and answer "no content" so the
    // frame stays on the page.
    if request.uri().path() == LINK_PATH {
        // Only the frame going to the address is a click: content may point an
        // image (or anything else it loads) there too, and that is no click.
        if !is_navigation(&request) {
            return status(StatusCode::NO_CONTENT);
        }
        if let Some((link, external)) = clicked_link(request.uri().query().unwrap_or_default()) {
            AppState::emit(
                &state.events(),
                crate::state::AppEvent::LinkClicked { link, external },
            );
        }
        return status(StatusCode::NO_CONTENT);
    }
    if request.uri().path() == PREVIEW_EDIT_PATH {
        return preview_edit(&state, &request);
    }
    let Some(site) = state.site() else {
        return status(StatusCode::NOT_FOUND);
    };
    let Some(rel) = percent_decode(request.uri().path().trim_start_matches('/')) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let Ok(path) = galley_core::paths::resolve_in_root(&site.root, &rel) else {
        return status(StatusCode::FORBIDDEN);
    };
    match std::fs::read(&path) {
        Ok(bytes) => Response::builder()
            .header("Content-Type", content_type(&rel))
            .header("X-Content-Type-Options", "nosniff")
            .body(bytes)
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

/// Where the preview's links point (see ui/src/components/Preview.svelte).
const LINK_PATH: &str = "/__galley__/link";

/// Where the editor sends a keystroke's edit of the preview's text.
const PREVIEW_EDIT_PATH: &str = "/__galley__/preview-edit";

/// The origins the app's own page has: `tauri://localhost` on Linux and
/// macOS, `http://tauri.localhost` in WebView2 on Windows (the UI reaches this
/// protocol over plain http there, which an https page could not).
const APP_ORIGINS: [&str; 2] = ["tauri://localhost", "http://tauri.localhost"];

/// The body of a preview edit request: the `preview_edit` command's arguments.
#[derive(serde::Deserialize)]
struct PreviewEditRequest {
    path: Option<String>,
    edit: TextEdit,
}

/// The app page's origin when `request` is a POST from it.
fn from_the_app(request: &Request<Vec<u8>>) -> Option<&'static str> {
    if request.method() != Method::POST {
        return None;
    }
    let origin = request.headers().get(header::ORIGIN)?.to_str().ok()?;
    APP_ORIGINS.into_iter().find(|o| *o == origin)
}

/// Applies a keystroke's edit and answers with the preview's update (JSON,
/// `null` when the edit was not made against the kept text), or 503 when the
/// edit would have to wait (the editor then sends it through the async
/// command). Runs on the main thread, so it never waits for anything.
fn preview_edit(state: &AppState, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let Some(origin) = from_the_app(request) else {
        return status(StatusCode::FORBIDDEN);
    };
    let answer = match serde_json::from_slice::<PreviewEditRequest>(request.body()) {
        Err(_) => Err(StatusCode::BAD_REQUEST),
        Ok(asked) => {
            crate::commands::preview::edit_kept_text_now(state, asked.path.as_deref(), &asked.edit)
                .map_err(|_busy| StatusCode::SERVICE_UNAVAILABLE)
        }
    };
    let (code, body) = match answer.map(|update| serde_json::to_vec(&update)) {
        Ok(Ok(body)) => (StatusCode::OK, body),
        Ok(Err(_)) => (StatusCode::INTERNAL_SERVER_ERROR, Vec::new()),
        Err(code) => (code, Vec::new()),
    };
    // Every answer carries the CORS header, so the page can read its status
    // (a refusal the page cannot read looks like a broken protocol).
    Response::builder()
        .status(code)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .body(body)
        .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR))
}

/// Whether `request` loads a document (the frame following a link) rather
/// than something for one (an image, a stylesheet's picture): webviews ask
/// for HTML only when they navigate.
fn is_navigation(request: &Request<Vec<u8>>) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.split(',').any(|t| t.trim().starts_with("text/html")))
}

/// `to=<link>&external=1` → the link and whether it leaves the site.
fn clicked_link(query: &str) -> Option<(String, bool)> {
    let mut link = None;
    let mut external = false;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "to" => link = percent_decode(&value.replace('+', " ")),
            "external" => external = value == "1",
            _ => {}
        }
    }
    link.map(|l| (l, external))
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}

/// Only types a preview needs; SVG is served as an image, which browsers never
/// let run script when loaded through `<img>`.
fn content_type(rel: &str) -> &'static str {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "css" => "text/css",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_types() {
        assert_eq!(
            percent_decode("assets/a%20b.png").as_deref(),
            Some("assets/a b.png")
        );
        assert_eq!(percent_decode("bad%zz"), None);
        assert_eq!(content_type("x/LOGO.PNG"), "image/png");
        assert_eq!(content_type("x.html"), "application/octet-stream");
        assert_eq!(
            clicked_link("to=%2Fdatasets%2F&external=0"),
            Some(("/datasets/".to_owned(), false))
        );
        assert_eq!(
            clicked_link("external=1&to=https%3A%2F%2Fexample.org%2Fa%20b"),
            Some(("https://example.org/a b".to_owned(), true))
        );
        assert_eq!(clicked_link("nothing=here"), None);
    }

    fn link_request(accept: Option<&str>) -> Request<Vec<u8>> {
        let mut builder =
            Request::builder().uri("galley-site://localhost/__galley__/link?to=%2Fa%2F");
        if let Some(accept) = accept {
            builder = builder.header(header::ACCEPT, accept);
        }
        builder.body(Vec::new()).expect("request")
    }

    #[test]
    fn only_a_navigation_to_the_link_address_is_a_click() {
        // What WebKitGTK sends when the frame follows a link, and for an image.
        assert!(is_navigation(&link_request(Some(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        ))));
        assert!(!is_navigation(&link_request(Some(
            "image/webp,image/avif,video/*;q=0.8,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5"
        ))));
        assert!(!is_navigation(&link_request(Some("text/css,*/*;q=0.1"))));
        assert!(!is_navigation(&link_request(None)));
    }

    fn edit_post(body: &str) -> Request<Vec<u8>> {
        Request::builder()
            .method(Method::POST)
            .uri("galley-site://localhost/__galley__/preview-edit")
            .header(header::ORIGIN, "tauri://localhost")
            .body(body.as_bytes().to_vec())
            .expect("request")
    }

    #[test]
    fn a_keystrokes_edit_is_rendered_or_sent_back_to_wait() {
        let state = AppState::default();
        state.preview_session().replace(None, "Hello".to_owned());
        let edit = r#"{"path": null, "edit": {"base": 1, "keep_start": 5, "keep_end": 0, "insert": " *world*"}}"#;
        // A render holding the kept text: answered at once with "busy".
        let held = state.preview_session();
        let busy = preview_edit(&state, &edit_post(edit));
        drop(held);
        assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            busy.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "tauri://localhost",
            "the page can read why"
        );
        let done = preview_edit(&state, &edit_post(edit));
        assert_eq!(done.status(), StatusCode::OK);
        let answer: serde_json::Value = serde_json::from_slice(done.body()).expect("json");
        assert_eq!(answer["revision"], 2);
        assert!(
            answer["blocks"][0]["html"]
                .as_str()
                .is_some_and(|html| html.contains("<em>world</em>")),
            "{answer}"
        );
        assert_eq!(state.preview_session().text(), "Hello *world*");
        // The same edit again names a revision the kept text has left behind.
        let stale = preview_edit(&state, &edit_post(edit));
        assert_eq!(stale.status(), StatusCode::OK);
        assert_eq!(stale.body().as_slice(), b"null");
        assert_eq!(
            preview_edit(&state, &edit_post("not json")).status(),
            StatusCode::BAD_REQUEST
        );
        let mut from_elsewhere = edit_post(edit);
        from_elsewhere.headers_mut().insert(
            header::ORIGIN,
            "https://example.org".parse().expect("origin"),
        );
        assert_eq!(
            preview_edit(&state, &from_elsewhere).status(),
            StatusCode::FORBIDDEN
        );
    }

    fn edit_request(method: Method, origin: Option<&str>) -> Request<Vec<u8>> {
        let mut builder = Request::builder()
            .method(method)
            .uri("galley-site://localhost/__galley__/preview-edit");
        if let Some(origin) = origin {
            builder = builder.header(header::ORIGIN, origin);
        }
        builder.body(b"{}".to_vec()).expect("request")
    }

    #[test]
    fn preview_edits_are_taken_only_as_posts_from_the_app_page() {
        assert_eq!(
            from_the_app(&edit_request(Method::POST, Some("tauri://localhost"))),
            Some("tauri://localhost")
        );
        assert_eq!(
            from_the_app(&edit_request(Method::POST, Some("http://tauri.localhost"))),
            Some("http://tauri.localhost")
        );
        // What content in the preview frame could make: a GET (an image, a
        // link). Other origins are refused.
        assert_eq!(
            from_the_app(&edit_request(Method::GET, Some("tauri://localhost"))),
            None
        );
        assert_eq!(
            from_the_app(&edit_request(Method::POST, Some("null"))),
            None
        );
        assert_eq!(from_the_app(&edit_request(Method::POST, None)), None);
        assert_eq!(
            from_the_app(&edit_request(Method::POST, Some("https://example.org"))),
            None
        );
    }
}
