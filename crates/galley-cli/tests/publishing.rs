//! `galley status|diff|commit|log|sync|publish` on real repositories with a
//! bare remote on this machine.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const AIDA: &str = "_engagements/aida.md";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy_into(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_into(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn identity(dir: &Path, name: &str) {
    git(dir, &["config", "user.name", name]);
    git(
        dir,
        &[
            "config",
            "user.email",
            &format!("{}@galley.invalid", name.to_lowercase()),
        ],
    );
}

/// The demo site as a repository with a bare `origin`, plus a colleague's clone.
struct Repos {
    _temp: tempfile::TempDir,
    site: PathBuf,
    origin: PathBuf,
    colleague: PathBuf,
}

fn repos() -> Repos {
    let temp = tempfile::tempdir().expect("tmp");
    let site = temp.path().join("site");
    let origin = temp.path().join("origin.git");
    copy_into(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        &site,
    );
    std::fs::create_dir_all(&origin).expect("mkdir");
    git(&origin, &["init", "-q", "--bare", "-b", "main"]);
    git(&site, &["init", "-q", "-b", "main"]);
    identity(&site, "Editor");
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-q", "-m", "Start"]);
    git(
        &site,
        &["remote", "add", "origin", &origin.to_string_lossy()],
    );
    git(&site, &["push", "-q", "-u", "origin", "main"]);
    git(
        temp.path(),
        &["clone", "-q", &origin.to_string_lossy(), "colleague"],
    );
    let colleague = temp.path().join("colleague");
    identity(&colleague, "Colleague");
    Repos {
        site,
        origin,
        colleague,
        _temp: temp,
    }
}

fn galley(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("galley")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn status_diff_commit_log_and_publish() {
    let r = repos();
    let site = r.site.to_string_lossy().into_owned();
    let page = r.site.join(AIDA).to_string_lossy().into_owned();
    assert!(galley(&["set", &page, "end", "2026"]).status.success());

    let status = galley(&["status", &site]);
    assert_eq!(status.status.code(), Some(0));
    let shown = text(&status.stdout);
    assert!(
        shown.contains("On main.")
            && shown.contains("changed")
            && shown.contains(&format!("{AIDA}  (AIDA)")),
        "{shown}"
    );

    let diff = galley(&["diff", &site]);
    assert!(
        text(&diff.stdout).contains("AIDA (_engagements/aida.md): changed\n  End: empty → 2026"),
        "{}",
        text(&diff.stdout)
    );

    let commit = galley(&["commit", &site]);
    assert_eq!(commit.status.code(), Some(0), "{}", text(&commit.stderr));
    assert!(text(&commit.stdout).contains("Update AIDA: end"));
    assert_eq!(
        git(&r.site, &["log", "-1", "--format=%s|%an"]).trim(),
        "Update AIDA: end|Editor"
    );
    assert_eq!(
        galley(&["commit", &site, "-m", "again"]).status.code(),
        Some(1),
        "nothing left to record"
    );

    let log = text(&galley(&["log", &page]).stdout);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(
        lines[0].ends_with("Editor  Update AIDA: end") && lines[1].ends_with("Editor  Start"),
        "{log}"
    );

    let publish = galley(&["publish", &site]);
    assert_eq!(publish.status.code(), Some(0), "{}", text(&publish.stderr));
    assert_eq!(
        git(&r.origin, &["log", "-1", "--format=%s", "main"]).trim(),
        "Update AIDA: end"
    );
}

#[test]
fn publish_after_a_colleague_needs_sync_first() {
    let r = repos();
    let site = r.site.to_string_lossy().into_owned();
    std::fs::write(
        r.colleague.join("_news/extra.md"),
        "---\ntitle: Extra\n---\nNews.\n",
    )
    .expect("write");
    git(&r.colleague, &["add", "-A"]);
    git(&r.colleague, &["commit", "-q", "-m", "Colleague's news"]);
    git(&r.colleague, &["push", "-q", "origin", "main"]);

    assert!(
        galley(&["set", &r.site.join(AIDA).to_string_lossy(), "prio", "4"])
            .status
            .success()
    );
    assert_eq!(
        galley(&["commit", &site, "-m", "Mine"]).status.code(),
        Some(0)
    );
    let refused = galley(&["publish", &site]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("Get latest changes"),
        "{}",
        text(&refused.stderr)
    );
    let sync = galley(&["sync", &site]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync.stderr));
    assert!(r.site.join("_news/extra.md").exists());
    assert_eq!(galley(&["publish", &site]).status.code(), Some(0));
    let log = git(&r.origin, &["log", "--format=%s", "main"]);
    assert!(
        log.contains("Mine") && log.contains("Colleague's news"),
        "{log}"
    );
}

#[test]
fn clashing_sync_changes_nothing_and_says_which_pages() {
    let r = repos();
    let site = r.site.to_string_lossy().into_owned();
    let theirs = std::fs::read_to_string(r.colleague.join(AIDA))
        .expect("read")
        .replacen("end:", "end: 2030", 1);
    std::fs::write(r.colleague.join(AIDA), theirs).expect("write");
    git(&r.colleague, &["commit", "-q", "-am", "Colleague: 2030"]);
    git(&r.colleague, &["push", "-q", "origin", "main"]);

    assert!(
        galley(&["set", &r.site.join(AIDA).to_string_lossy(), "end", "2026"])
            .status
            .success()
    );
    assert_eq!(
        galley(&["commit", &site, "-m", "Mine: 2026"]).status.code(),
        Some(0)
    );
    let head = git(&r.site, &["rev-parse", "HEAD"]);
    let sync = galley(&["sync", &site]);
    assert_eq!(sync.status.code(), Some(1));
    assert!(text(&sync.stderr).contains(AIDA), "{}", text(&sync.stderr));
    assert_eq!(git(&r.site, &["rev-parse", "HEAD"]), head);
    assert_eq!(git(&r.site, &["status", "--porcelain"]).trim(), "");
    assert!(!r.site.join(".git/MERGE_HEAD").exists());
}

#[test]
fn usage_and_not_a_repository() {
    assert_eq!(galley(&["status"]).status.code(), Some(2));
    let plain = tempfile::tempdir().expect("tmp");
    let out = galley(&["status", &plain.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not tracked by git"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&galley(&["publish", "--help"]).stdout).contains("never forced"));
}
