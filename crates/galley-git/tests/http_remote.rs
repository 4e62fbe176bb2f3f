//! Publishing and getting changes over smart HTTP with authentication, against
//! `git http-backend` served on loopback by the test itself.

mod common;
mod http_backend;

use common::{git, write, World};
use galley_git::{
    commit_paths, publish, sync, Credentials, GitError, HttpsToken, Progress, SyncOutcome,
    MAX_ATTEMPTS,
};
use http_backend::{refuse_pushes, GitHttpServer};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Any sign-in failure must end well before this (no endless retries).
const NO_HANG: Duration = Duration::from_secs(20);

fn token(user: &str, secret: &str) -> Credentials {
    Credentials::token_only(HttpsToken {
        username: user.into(),
        token: secret.into(),
    })
}

/// A world whose "mine" clone talks to the remote over HTTP.
fn over_http() -> (World, GitHttpServer) {
    let w = World::new();
    let root = w.remote.parent().expect("root").to_path_buf();
    let server = GitHttpServer::start(&root, "ada", "s3cret");
    git(
        &w.mine,
        &["remote", "set-url", "origin", &server.url("remote.git")],
    );
    (w, server)
}

#[test]
fn right_token_publishes_and_gets_changes() {
    let (w, server) = over_http();
    write(&w.mine, "_pages/about.md", "over http\n");
    let info = commit_paths(&w.mine, &["_pages/about.md".into()], "Via HTTP").expect("commit");
    let mut events = Vec::new();
    publish(&w.mine, &token("ada", "s3cret"), &mut |p| events.push(p)).expect("publish");
    assert_eq!(git(&w.remote, &["rev-parse", "main"]).trim(), info.id);
    assert!(
        events.iter().any(|p| matches!(p, Progress::Sending { .. })),
        "{events:?}"
    );

    git(&w.theirs, &["pull", "-q", "origin", "main"]);
    w.they_publish("_pages/team.md", "their news\n");
    let mut events = Vec::new();
    let out = sync(&w.mine, &token("ada", "s3cret"), &mut |p| events.push(p)).expect("sync");
    assert!(matches!(out, SyncOutcome::FastForwarded { .. }), "{out:?}");
    assert_eq!(common::read(&w.mine, "_pages/team.md"), "their news\n");
    assert!(
        events
            .iter()
            .any(|p| matches!(p, Progress::Receiving { .. })),
        "{events:?}"
    );
    // The token was asked for once per request needing it, not more.
    assert!(server.refused.load(Ordering::SeqCst) <= 4);
}

#[test]
fn wrong_or_missing_credentials_fail_in_bounded_attempts() {
    let (w, server) = over_http();
    write(&w.mine, "_pages/about.md", "x\n");
    commit_paths(&w.mine, &["_pages/about.md".into()], "x").expect("commit");
    let before = git(&w.remote, &["rev-parse", "main"]);
    for credentials in [token("ada", "wrong"), Credentials::system()] {
        let start = Instant::now();
        let err = publish(&w.mine, &credentials, &mut |_| {}).expect_err("refused");
        assert!(matches!(err, GitError::Credentials), "{err:?}");
        assert!(err.to_string().contains("sign-in"));
        assert!(start.elapsed() < NO_HANG, "took {:?}", start.elapsed());
        let err = sync(&w.mine, &credentials, &mut |_| {}).expect_err("refused");
        assert!(matches!(err, GitError::Credentials), "{err:?}");
    }
    // Four operations, each refused at most once per allowed attempt (+1 for
    // the first, anonymous request).
    let refused = server.refused.load(Ordering::SeqCst);
    eprintln!("server refused {refused} requests over 4 operations");
    assert!(
        refused <= 4 * (MAX_ATTEMPTS as usize + 1),
        "refused {refused} times"
    );
    assert_eq!(git(&w.remote, &["rev-parse", "main"]), before);
}

#[test]
fn pre_receive_hook_rejection_is_reported_with_its_message() {
    let (w, _server) = over_http();
    refuse_pushes(
        &w.remote,
        "Pages under _pages are protected: open a review instead",
    );
    write(&w.mine, "_pages/about.md", "blocked\n");
    commit_paths(&w.mine, &["_pages/about.md".into()], "Blocked").expect("commit");
    let before = git(&w.remote, &["rev-parse", "main"]);
    let err = publish(&w.mine, &token("ada", "s3cret"), &mut |_| {}).expect_err("rejected");
    let GitError::RejectedByServer(reason) = &err else {
        panic!("expected RejectedByServer, got {err:?}")
    };
    eprintln!("rejection: {err}");
    assert!(
        reason.contains("Pages under _pages are protected"),
        "{reason}"
    );
    assert!(err.to_string().contains("refused"));
    assert_eq!(git(&w.remote, &["rev-parse", "main"]), before);
}

#[test]
fn closed_loopback_port_is_offline() {
    let w = World::new();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    }; // dropped: nothing listens there now
    git(
        &w.mine,
        &[
            "remote",
            "set-url",
            "origin",
            &format!("http://127.0.0.1:{port}/remote.git"),
        ],
    );
    write(&w.mine, "index.md", "x\n");
    commit_paths(&w.mine, &["index.md".into()], "x").expect("commit");
    let err = publish(&w.mine, &Credentials::system(), &mut |_| {}).expect_err("offline");
    assert!(matches!(err, GitError::Offline), "{err:?}");
    assert!(err.to_string().contains("internet connection"));
    let err = sync(&w.mine, &Credentials::system(), &mut |_| {}).expect_err("offline");
    assert!(matches!(err, GitError::Offline), "{err:?}");
}
