//! Everyday flows against a bare repository reached by path: commit, publish,
//! someone else publishes first, get latest changes, publish again.

mod common;

use common::{git, read, write, World};
use galley_git::{
    commit_paths, publish, status, sync, Credentials, GitError, Progress, SyncOutcome,
};

fn no_progress(_: Progress) {}

#[test]
fn commit_then_publish_reaches_the_remote_and_sets_upstream() {
    let w = World::new();
    git(&w.mine, &["branch", "--unset-upstream"]);
    write(
        &w.mine,
        "_pages/about.md",
        "---\ntitle: About us\n---\nHello.\n",
    );
    let info = commit_paths(&w.mine, &["_pages/about.md".into()], "Update about").expect("commit");
    assert_eq!(status(&w.mine).expect("status").upstream, None);
    let mut events = Vec::new();
    let published =
        publish(&w.mine, &Credentials::system(), &mut |p| events.push(p)).expect("publish");
    assert_eq!(published.commit, info.id);
    assert!(published.set_upstream);
    assert_eq!(
        w.remote_log("%H %an <%ae> %s").lines().next(),
        Some(format!("{} Ada Editor <ada@example.org> Update about", info.id).as_str())
    );
    assert_eq!(
        git(&w.remote, &["show", "--name-only", "--format=", "main"]).trim(),
        "_pages/about.md"
    );
    assert!(
        events.iter().any(|p| matches!(p, Progress::Sending { .. })),
        "push progress reported: {events:?}"
    );
    let st = status(&w.mine).expect("status");
    assert_eq!(st.upstream.as_deref(), Some("origin/main"));
    assert_eq!((st.ahead, st.behind), (0, 0));
    assert_eq!(st.branch.as_deref(), Some("main"));
}

#[test]
fn remote_has_new_commits_then_fast_forward_then_publish() {
    let w = World::new();
    w.they_publish("_pages/team.md", "---\ntitle: Team\n---\nUs and them.\n");
    // A local unrelated uncommitted edit survives the whole flow.
    write(
        &w.mine,
        "index.md",
        "---\ntitle: Home\n---\nWelcome, draft.\n",
    );

    // Nothing committed locally: sync fast-forwards.
    let mut calls = 0;
    let out = sync(
        &w.mine,
        &Credentials::system(),
        &mut common::counter(&mut calls),
    )
    .expect("sync");
    let remote_head = git(&w.remote, &["rev-parse", "main"]).trim().to_owned();
    assert_eq!(
        out,
        SyncOutcome::FastForwarded {
            commit: remote_head.clone()
        }
    );
    assert_eq!(git(&w.mine, &["rev-parse", "HEAD"]).trim(), remote_head);
    assert_eq!(
        read(&w.mine, "_pages/team.md"),
        "---\ntitle: Team\n---\nUs and them.\n"
    );
    assert_eq!(
        read(&w.mine, "index.md"),
        "---\ntitle: Home\n---\nWelcome, draft.\n"
    );
    assert_eq!(git(&w.mine, &["status", "--porcelain"]), " M index.md\n");
    assert_eq!(
        sync(&w.mine, &Credentials::system(), &mut no_progress).expect("again"),
        SyncOutcome::UpToDate
    );

    // Now both sides commit different files: publish is refused, sync merges.
    w.they_publish("_pages/team.md", "---\ntitle: Team\n---\nUs, them, all.\n");
    commit_paths(&w.mine, &["index.md".into()], "Home draft").expect("commit");
    let err = publish(&w.mine, &Credentials::system(), &mut no_progress).expect_err("rejected");
    assert!(matches!(err, GitError::RemoteHasNewCommits), "{err:?}");
    assert!(err.to_string().contains("Get latest changes"));

    let out = sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    let SyncOutcome::Merged { commit } = out else {
        panic!("expected a merge commit, got {out:?}")
    };
    let parents = git(&w.mine, &["log", "-1", "--format=%P", &commit]);
    assert_eq!(parents.split_whitespace().count(), 2, "a real merge commit");
    assert_eq!(
        read(&w.mine, "_pages/team.md"),
        "---\ntitle: Team\n---\nUs, them, all.\n"
    );
    assert_eq!(git(&w.mine, &["status", "--porcelain"]), "");
    let st = status(&w.mine).expect("status");
    assert_eq!((st.ahead, st.behind), (2, 0));

    publish(&w.mine, &Credentials::system(), &mut no_progress).expect("publish after sync");
    assert_eq!(git(&w.remote, &["rev-parse", "main"]).trim(), commit);
    // Nothing was rebased: my commit keeps its id in the remote's history.
    assert!(w.remote_log("%s").contains("Home draft"));
}

#[test]
fn sync_refuses_when_an_unrecorded_edit_would_be_overwritten() {
    let w = World::new();
    w.they_publish("_pages/team.md", "---\ntitle: Team\n---\nTheirs.\n");
    write(
        &w.mine,
        "_pages/team.md",
        "---\ntitle: Team\n---\nMine, unsaved.\n",
    );
    let before = git(&w.mine, &["rev-parse", "HEAD"]);
    let err = sync(&w.mine, &Credentials::system(), &mut no_progress).expect_err("refused");
    match &err {
        GitError::ChangesInTheWay(paths) => assert_eq!(paths, &vec!["_pages/team.md".to_owned()]),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("_pages/team.md"));
    assert_eq!(git(&w.mine, &["rev-parse", "HEAD"]), before);
    assert_eq!(
        read(&w.mine, "_pages/team.md"),
        "---\ntitle: Team\n---\nMine, unsaved.\n"
    );

    // The same edit as the incoming one is not in the way: nothing is lost.
    write(
        &w.mine,
        "_pages/team.md",
        "---\ntitle: Team\n---\nTheirs.\n",
    );
    let out = sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    assert!(matches!(out, SyncOutcome::FastForwarded { .. }), "{out:?}");
    assert_eq!(git(&w.mine, &["status", "--porcelain"]), "");
}

#[test]
fn new_and_deleted_files_arrive_through_sync() {
    let w = World::new();
    write(
        &w.theirs,
        "_posts/2026-01-01-new.md",
        "---\ntitle: New\n---\n",
    );
    std::fs::remove_file(w.theirs.join("_pages/about.md")).expect("rm");
    git(&w.theirs, &["add", "-A"]);
    git(&w.theirs, &["commit", "-q", "-m", "add and remove"]);
    git(&w.theirs, &["push", "-q", "origin", "main"]);
    write(&w.mine, "index.md", "mine\n");
    commit_paths(&w.mine, &["index.md".into()], "mine").expect("commit");
    let out = sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    assert!(matches!(out, SyncOutcome::Merged { .. }), "{out:?}");
    assert!(w.mine.join("_posts/2026-01-01-new.md").is_file());
    assert!(!w.mine.join("_pages/about.md").exists());
    assert_eq!(git(&w.mine, &["status", "--porcelain"]), "");
}
