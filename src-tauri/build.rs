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
            "commit_changes",
            "git_status",
            "review_site_changes",
            "discard_change",
            "page_history",
            "page_version",
            "restore_version",
            "sync_site",
            "open_conflicts",
            "resolve_conflicts",
            "abandon_merge",
            "publish_site",
            "propose_review",
            "git_identity",
            "set_git_identity",
            "set_https_token",
            "open_external",
            "outside_change",
            "settle_outside_change",
            "subscribe",
            "set_unsaved",
            "quit_app",
            "journal_draft",
            "journal_clear",
            "pending_drafts",
            "status_of_paths",
            "site_stylesheet",
            "page_for_link",
            "page_schema",
            "check_draft",
            "site_images",
            "import_image",
        ]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
