//! Commits in real repositories made by the test.

use galley_git::{changed_paths, commit_paths, FileChange, GitError};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn repo_with_two_pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Ada Editor"]);
    git(d, &["config", "user.email", "ada@example.org"]);
    std::fs::create_dir_all(d.join("_engagements")).expect("mkdir");
    std::fs::write(d.join("_engagements/a.md"), "---\ntitle: A\n---\n").expect("write");
    std::fs::write(d.join("_engagements/b.md"), "---\ntitle: B\n---\n").expect("write");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "start"]);
    dir
}

#[test]
fn commits_only_the_named_page() {
    let dir = repo_with_two_pages();
    let d = dir.path();
    std::fs::write(d.join("_engagements/a.md"), "---\ntitle: A2\n---\n").expect("write");
    std::fs::write(d.join("_engagements/b.md"), "---\ntitle: B2\n---\n").expect("write");
    let info = commit_paths(d, &["_engagements/a.md".into()], "Update A").expect("commit");
    assert_eq!(
        git(d, &["log", "-1", "--format=%H %s %an <%ae>"]).trim(),
        format!("{} Update A Ada Editor <ada@example.org>", info.id)
    );
    assert_eq!(
        git(d, &["show", "--name-only", "--format=", "HEAD"]).trim(),
        "_engagements/a.md"
    );
    // b.md is still an unrecorded change, untouched.
    assert_eq!(
        changed_paths(d).expect("status"),
        vec![("_engagements/b.md".to_owned(), FileChange::Changed)]
    );
}

#[test]
fn plain_word_failures() {
    let dir = repo_with_two_pages();
    let d = dir.path();
    assert!(matches!(
        commit_paths(d, &["_engagements/a.md".into()], "  "),
        Err(GitError::EmptyMessage)
    ));
    assert!(matches!(
        commit_paths(d, &["_engagements/a.md".into()], "x"),
        Err(GitError::NothingToCommit)
    ));
    std::fs::write(d.join("_engagements/a.md"), "changed").expect("write");
    std::fs::write(d.join(".git/index.lock"), "").expect("lock");
    let err = commit_paths(d, &["_engagements/a.md".into()], "x").expect_err("locked");
    assert!(matches!(err, GitError::Locked), "{err:?}");
    assert!(err.to_string().contains("Another program"));
    let plain = tempfile::tempdir().expect("temp dir");
    assert!(matches!(
        commit_paths(plain.path(), &[], "x"),
        Err(GitError::NotARepository)
    ));
}
