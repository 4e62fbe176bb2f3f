//! Plain-words failures: another program holds the index lock, HEAD is
//! detached, there is no remote, the folder is not a repository.

mod common;

use common::{git, write, World};
use galley_git::{commit_paths, publish, status, sync, Credentials, GitError};

#[test]
fn held_index_lock_is_locked_for_commit_sync_and_publish() {
    let w = World::new();
    w.they_publish("index.md", "theirs\n");
    write(&w.mine, "_pages/about.md", "edit\n");
    std::fs::write(w.mine.join(".git/index.lock"), "").expect("lock");
    let creds = Credentials::system();
    let err = commit_paths(&w.mine, &["_pages/about.md".into()], "x").expect_err("locked");
    assert!(matches!(err, GitError::Locked), "commit: {err:?}");
    let err = sync(&w.mine, &creds, &mut |_| {}).expect_err("locked");
    assert!(matches!(err, GitError::Locked), "sync: {err:?}");
    let err = publish(&w.mine, &creds, &mut |_| {}).expect_err("locked");
    assert!(matches!(err, GitError::Locked), "publish: {err:?}");
    assert!(err.to_string().contains("Another program"));
    // Once the other program is done, everything works again.
    std::fs::remove_file(w.mine.join(".git/index.lock")).expect("unlock");
    sync(&w.mine, &creds, &mut |_| {}).expect("sync");
    commit_paths(&w.mine, &["_pages/about.md".into()], "x").expect("commit");
    publish(&w.mine, &creds, &mut |_| {}).expect("publish");
}

#[test]
fn detached_head_cannot_publish_or_sync() {
    let w = World::new();
    git(&w.mine, &["checkout", "-q", "--detach"]);
    let st = status(&w.mine).expect("status");
    assert!(st.detached);
    assert_eq!(st.branch, None);
    let err = publish(&w.mine, &Credentials::system(), &mut |_| {}).expect_err("detached");
    assert!(matches!(err, GitError::DetachedHead), "{err:?}");
    assert!(err.to_string().contains("Switch back to a branch"));
    let err = sync(&w.mine, &Credentials::system(), &mut |_| {}).expect_err("detached");
    assert!(matches!(err, GitError::DetachedHead), "{err:?}");
}

#[test]
fn no_remote_is_explained() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    common::identity(d, "Ada", "ada@example.org");
    write(d, "index.md", "hi\n");
    commit_paths(d, &["index.md".into()], "first").expect("commit");
    let err = publish(d, &Credentials::system(), &mut |_| {}).expect_err("no remote");
    assert!(matches!(err, GitError::NoRemote), "{err:?}");
    assert!(err.to_string().contains("not connected to an online copy"));
    let err = sync(d, &Credentials::system(), &mut |_| {}).expect_err("no remote");
    assert!(matches!(err, GitError::NoRemote), "{err:?}");
}

#[test]
fn nothing_to_publish_before_the_first_commit() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["remote", "add", "origin", "/nonexistent/remote.git"]);
    let err = publish(d, &Credentials::system(), &mut |_| {}).expect_err("unborn");
    assert!(matches!(err, GitError::NothingToPublish), "{err:?}");
}

#[test]
fn plain_folder_is_not_a_repository() {
    let dir = tempfile::tempdir().expect("tmp");
    let err = status(dir.path()).expect_err("not a repo");
    assert!(matches!(err, GitError::NotARepository), "{err:?}");
    let err = publish(dir.path(), &Credentials::system(), &mut |_| {}).expect_err("not a repo");
    assert!(matches!(err, GitError::NotARepository), "{err:?}");
}
