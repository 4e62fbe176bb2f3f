//! Declares the app's commands so capabilities can grant them one by one.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "open_site",
            "choose_site",
            "current_site",
            "recent_sites",
            "open_page",
            "save_page",
            "render_preview",
            "list_changes",
            "commit_changes",
        ]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
