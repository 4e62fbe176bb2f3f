//! The fast status against libgit2's, on real repositories made with the git CLI:
//! every kind of change, ignore rules, a site in a subfolder, and the cases it must
//! leave to libgit2.

use super::*;
use crate::status::StatusEntry;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A committed repository with pages in a few folders, an ignore file and a
/// build folder; the index written a while after the files (nothing racy).
fn repo() -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("tmp");
    let d = temp.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "T"]);
    git(d, &["config", "user.email", "t@example.org"]);
    for i in 0..30 {
        write(
            d,
            &format!("_posts/p{i}.md"),
            &format!("---\ntitle: {i}\n---\n"),
        );
    }
    write(d, "_pages/about.md", "about\n");
    write(d, "_pages/deep/er/page.md", "deep\n");
    write(d, "index.md", "home\n");
    write(d, "docs/site/_posts/a.md", "a\n");
    write(d, "docs/site/index.md", "docs home\n");
    write(d, "docs/README.md", "readme\n");
    write(d, ".gitignore", "_site/\n*.tmp\nbuild\n!keep.tmp\n");
    write(d, "_site/old.html", "built\n");
    // Old stamps, so the files are not racy against the index written next.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in walk(d) {
        std::fs::File::options()
            .write(true)
            .open(&entry)
            .and_then(|f| f.set_modified(old))
            .expect("age");
    }
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "start"]);
    temp
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if entry.file_name() == ".git" {
            continue;
        }
        if entry.file_type().expect("type").is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The fast answer (when it gives one) equals libgit2's; returns whether it
/// answered. `site` is the site folder inside the repository.
fn agrees(site: &Path) -> bool {
    let repo = SiteRepo::open(site).expect("open");
    let reference: Vec<StatusEntry> = repo.changed_files_libgit2().expect("libgit2");
    let full = repo.status().expect("status").files;
    assert_eq!(full, reference, "status() in {}", site.display());
    match changes(&repo).expect("fast") {
        Some(changes) => {
            let mut fast = repo.entries_of(changes);
            fast.sort_by(|a, b| a.path.cmp(&b.path));
            assert_eq!(fast, reference, "fast path in {}", site.display());
            true
        }
        None => false,
    }
}

#[test]
fn clean_repository() {
    let t = repo();
    assert!(agrees(t.path()));
    let repo = SiteRepo::open(t.path()).expect("open");
    assert!(repo.status().expect("status").files.is_empty());
}

#[test]
fn edits_deletions_new_files_and_ignore_rules() {
    let t = repo();
    let d = t.path();
    write(d, "_posts/p1.md", "---\ntitle: changed\n---\n");
    write(d, "_posts/p2.md", "---\ntitle: 2\n---\n"); // same text, new stamp
    std::fs::remove_file(d.join("_posts/p3.md")).expect("rm");
    write(d, "_site/new.html", "ignored folder\n");
    write(d, "notes.tmp", "ignored by pattern\n");
    write(d, "build/out.txt", "ignored folder without slash pattern\n");
    assert!(agrees(d));
    let t = repo();
    let d = t.path();
    write(d, "keep.tmp", "re-included\n");
    write(d, "_site/new.html", "ignored folder\n");
    write(d, "_posts/new.md", "new in a tracked folder\n");
    write(d, "_drafts/a/b/c.md", "new folders\n");
    write(d, "_pages/deep/fresh.md", "new beside tracked\n");
    write(d, "_posts/p4.md", "changed too\n");
    assert!(agrees(d));
    // Gone and new at once may be a move: libgit2 decides.
    std::fs::remove_file(d.join("_posts/p3.md")).expect("rm");
    assert!(!agrees(d));
}

#[test]
fn staged_changes_and_modes() {
    let t = repo();
    let d = t.path();
    write(d, "_posts/p5.md", "staged\n");
    git(d, &["add", "_posts/p5.md"]);
    write(d, "_posts/p5.md", "staged, then changed again\n");
    write(d, "_posts/p6.md", "staged only\n");
    git(d, &["add", "_posts/p6.md"]);
    write(d, "added.md", "staged new file\n");
    git(d, &["add", "added.md"]);
    let mut perms = std::fs::metadata(d.join("index.md"))
        .expect("meta")
        .permissions();
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(0o755);
    }
    std::fs::set_permissions(d.join("index.md"), perms).expect("chmod");
    std::os::unix::fs::symlink("index.md", d.join("link.md")).expect("symlink");
    assert!(agrees(d));
}

#[test]
fn line_ending_filters_are_respected() {
    let t = repo();
    let d = t.path();
    write(d, ".gitattributes", "*.md text eol=lf\n");
    git(d, &["add", ".gitattributes"]);
    git(d, &["commit", "-q", "-m", "attributes"]);
    // Same text with CRLF endings: git normalises it, so it is not a change.
    write(d, "_pages/about.md", "about\r\n");
    assert!(agrees(d));
}

#[test]
fn a_site_in_a_subfolder_sees_its_own_changes() {
    let t = repo();
    let d = t.path();
    write(d, "docs/site/_posts/a.md", "changed\n");
    write(d, "docs/site/new.md", "new\n");
    write(d, "docs/README.md", "outside the site\n");
    write(d, "_posts/p7.md", "outside the site\n");
    assert!(agrees(&d.join("docs/site")));
    assert!(agrees(d));
}

#[test]
fn leaves_renames_conflicts_and_new_repositories_to_libgit2() {
    let t = repo();
    let d = t.path();
    std::fs::rename(d.join("_posts/p8.md"), d.join("_posts/moved.md")).expect("mv");
    assert!(!agrees(d), "a move is paired by libgit2");
    let t = repo();
    let d = t.path();
    git(d, &["mv", "_posts/p9.md", "_posts/renamed.md"]);
    assert!(!agrees(d), "a staged rename too");
    let t = repo();
    let d = t.path();
    git(d, &["checkout", "-q", "-b", "other"]);
    write(d, "index.md", "theirs\n");
    git(d, &["commit", "-qam", "theirs"]);
    git(d, &["checkout", "-q", "main"]);
    write(d, "index.md", "ours\n");
    git(d, &["commit", "-qam", "ours"]);
    let _ = Command::new("git")
        .args(["merge", "other"])
        .current_dir(d)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output();
    assert!(!agrees(d), "a conflict is libgit2's");
    let empty = tempfile::tempdir().expect("tmp");
    git(empty.path(), &["init", "-q", "-b", "main"]);
    write(empty.path(), "a.md", "a\n");
    assert!(!agrees(empty.path()), "no commit yet");
}

#[test]
fn racy_and_touched_files_are_checked_by_content() {
    let temp = tempfile::tempdir().expect("tmp");
    let d = temp.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "T"]);
    git(d, &["config", "user.email", "t@example.org"]);
    write(d, "a.md", "one\n");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "start"]);
    // Same size, same second as the index: only the content tells.
    write(d, "a.md", "two\n");
    assert!(agrees(d));
    let repo = SiteRepo::open(d).expect("open");
    assert_eq!(repo.status().expect("status").files.len(), 1);
}

#[test]
fn attributes_above_a_subfolder_site_and_autocrlf_are_respected() {
    // The attributes file is outside the site folder, so not among the site's
    // tracked files: its `ident` filter must still apply. The file on disk holds
    // the expanded `$Id: … $`, the blob `$Id$`: the same page, though its bytes
    // hash differently.
    let t = repo();
    let d = t.path();
    write(d, ".gitattributes", "*.md ident\n");
    write(d, "docs/site/_posts/a.md", "a $Id$\n");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "ident"]);
    std::fs::remove_file(d.join("docs/site/_posts/a.md")).expect("rm");
    git(d, &["checkout", "--", "docs/site/_posts/a.md"]);
    let expanded = std::fs::read_to_string(d.join("docs/site/_posts/a.md")).expect("read");
    assert!(expanded.starts_with("a $Id: "), "{expanded}");
    // Written again (new stamps): a suspect, settled by its content.
    write(d, "docs/site/_posts/a.md", &expanded);
    assert!(agrees(&d.join("docs/site")));
    let site = SiteRepo::open(&d.join("docs/site")).expect("open");
    assert!(site.status().expect("status").files.is_empty(), "no change");

    // No attributes, but the config converts line endings: libgit2 decides.
    let t = repo();
    let d = t.path();
    git(d, &["config", "core.autocrlf", "true"]);
    write(d, "_pages/about.md", "about\r\n");
    assert!(agrees(d));
}

#[test]
fn touched_and_edited_files_are_compared_by_content_without_filters() {
    let t = repo();
    let d = t.path();
    // Same bytes, new stamps: unchanged. Other bytes of the same size: changed.
    write(d, "_posts/p1.md", "---\ntitle: 1\n---\n");
    write(d, "_posts/p2.md", "---\ntitle: X\n---\n");
    write(d, "_pages/about.md", "about, longer now\n");
    assert!(agrees(d));
    let files = SiteRepo::open(d)
        .expect("open")
        .status()
        .expect("status")
        .files;
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["_pages/about.md", "_posts/p2.md"]);
}
