//! The core stays free of the GUI, the watcher and libgit2, so it can be
//! tested and reused without them.

use std::process::Command;

#[test]
fn core_depends_on_no_tauri_notify_or_git2() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "galley-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("pulldown-cmark"), "unexpected tree:\n{tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(
            !(name.starts_with("tauri")
                || name == "notify"
                || name == "git2"
                || name == "libgit2-sys"),
            "galley-core must not depend on {name}"
        );
    }
}
