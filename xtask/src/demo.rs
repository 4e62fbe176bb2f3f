//! The demo site: a scratch git copy of content/ with a local bare "origin",
//! so `cargo xtask run` never edits the project's own files.

use crate::steps::{project_root, sh};
use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("create {}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("copy {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    sh(
        Command::new("git").args(args).current_dir(dir),
        &format!("git {}", args.join(" ")),
    )
}

/// Makes `target/demo-site/site` (fresh each run) and returns its path.
pub fn scratch_site() -> Result<PathBuf, String> {
    let base = project_root().join("target/demo-site");
    if base.exists() {
        std::fs::remove_dir_all(&base).map_err(|e| format!("remove old demo site: {e}"))?;
    }
    let site = base.join("site");
    let origin = base.join("origin.git");
    copy_dir(&project_root().join("content"), &site)?;
    std::fs::create_dir_all(&origin).map_err(|e| e.to_string())?;
    git(&origin, &["init", "-q", "--bare", "-b", "main"])?;
    git(&site, &["init", "-q", "-b", "main"])?;
    git(&site, &["config", "user.name", "Galley Demo"])?;
    git(&site, &["config", "user.email", "demo@galley.invalid"])?;
    git(&site, &["config", "core.autocrlf", "false"])?;
    git(&site, &["add", "-A"])?;
    git(&site, &["commit", "-q", "-m", "Demo site"])?;
    let origin_url = origin.to_string_lossy().into_owned();
    git(&site, &["remote", "add", "origin", &origin_url])?;
    git(&site, &["push", "-q", "origin", "main"])?;
    Ok(site)
}
