//! Files dragged from the file manager onto the window: the system's drag
//! events (Tauri's `WindowEvent::DragDrop`) become app events for the UI, and a
//! drop's paths are kept in the shell's state under a number
//! (`galley_core::drops`). The UI only learns the files' names and whether
//! they are images, and asks `import_dropped` for "file N of drop D".
//!
//! The webview's own HTML drop never happens: Tauri's handler takes the drop
//! (so WebKit neither navigates to the file nor gives the page its path).

use crate::state::{AppEvent, AppState};
use galley_core::drops::is_droppable_image;
use tauri::{DragDropEvent, Manager, PhysicalPosition, Runtime, Window};

/// Where the drag is, in the page's CSS pixels. Tauri calls the position
/// physical, but only WebView2 (Windows) gives device pixels; WebKitGTK and
/// WKWebView give the widget's own (logical) coordinates already.
fn css_point<R: Runtime>(window: &Window<R>, at: &PhysicalPosition<f64>) -> (f64, f64) {
    if cfg!(windows) {
        let scale = window.scale_factor().unwrap_or(1.0);
        (at.x / scale, at.y / scale)
    } else {
        (at.x, at.y)
    }
}

/// Whether any of `paths` is an image a drop would take.
fn any_image(paths: &[std::path::PathBuf]) -> bool {
    paths.iter().any(|p| is_droppable_image(p))
}

/// Turns one of the system's drag events into the UI's event; a drop's paths
/// stay here.
pub fn on_drag_drop<R: Runtime>(window: &Window<R>, event: &DragDropEvent) {
    let state = window.state::<AppState>();
    let event = match event {
        DragDropEvent::Enter { paths, position } => {
            let (x, y) = css_point(window, position);
            AppEvent::FileDrag {
                x,
                y,
                images: Some(any_image(paths)),
            }
        }
        DragDropEvent::Over { position } => {
            let (x, y) = css_point(window, position);
            AppEvent::FileDrag { x, y, images: None }
        }
        DragDropEvent::Drop { paths, position } => {
            let (x, y) = css_point(window, position);
            let offer = state.drops().put(paths.clone());
            AppEvent::FilesDropped { offer, x, y }
        }
        DragDropEvent::Leave => AppEvent::FileDragLeft,
        _ => return,
    };
    AppState::emit(&state.events(), event);
}
