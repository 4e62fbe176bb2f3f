//! "Clone a site…": real clones from a bare repository reached by path and
//! from `git http-backend` with sign-in, including the ways it must fail
//! cleanly (wrong token, Cancel, a folder that already holds files).

mod common;
#[allow(dead_code)] // the push-refusing hook serves the publishing tests
mod http_backend;

use common::{git, write, World};
use galley_git::{clone_site, site_setup, Credentials, GitError, HttpsToken, Progress};
use http_backend::GitHttpServer;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Any sign-in failure must end well before this (no endless retries).
const NO_HANG: Duration = Duration::from_secs(20);

fn token(user: &str, secret: &str) -> Credentials {
    Credentials::token_only(HttpsToken {
        username: user.into(),
        token: secret.into(),
    })
}

fn no_cancel() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

/// Adds `n` files in one commit to the remote, so a transfer takes several
/// progress reports (and so can be stopped half-way).
fn grow_remote(w: &World, n: usize) {
    for i in 0..n {
        let text = format!("---\ntitle: Page {i}\n---\n{}\n", "words ".repeat(200 + i));
        write(&w.theirs, &format!("_pages/p{i}.md"), &text);
    }
    git(&w.theirs, &["add", "-A"]);
    git(&w.theirs, &["commit", "-q", "-m", "many pages"]);
    git(&w.theirs, &["push", "-q", "origin", "main"]);
}

fn assert_is_copy_of_remote(copy: &Path, w: &World) {
    assert_eq!(
        git(copy, &["rev-parse", "HEAD"]),
        git(&w.remote, &["rev-parse", "main"])
    );
    assert!(copy.join("_pages/about.md").is_file());
    assert!(git(copy, &["status", "--porcelain"]).is_empty());
}

#[test]
fn clones_a_bare_repository_by_path_into_a_new_folder() {
    let w = World::new();
    let dest = w.mine.parent().expect("tmp").join("copies/aida-site");
    let mut events = Vec::new();
    let got = clone_site(
        w.remote.to_str().expect("utf8"),
        &dest,
        &Credentials::system(),
        &mut |p| events.push(p),
        no_cancel(),
    )
    .expect("clone");
    assert_eq!(got, dest.canonicalize().expect("canonical"));
    assert_is_copy_of_remote(&dest, &w);
    assert_eq!(
        git(&dest, &["remote", "get-url", "origin"]).trim(),
        w.remote.to_str().expect("utf8")
    );
    let setup = site_setup(&dest);
    assert!(setup.repository);
    assert_eq!(setup.remote.as_deref(), w.remote.to_str());
}

#[test]
fn clones_into_an_empty_folder_but_never_into_one_with_files() {
    let w = World::new();
    let empty = w.mine.parent().expect("tmp").join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    clone_site(
        w.remote.to_str().expect("utf8"),
        &empty,
        &Credentials::system(),
        &mut |_| {},
        no_cancel(),
    )
    .expect("clone into empty folder");
    assert_is_copy_of_remote(&empty, &w);

    let full = w.mine.parent().expect("tmp").join("full");
    write(&full, "notes.txt", "my own file\n");
    let err = clone_site(
        w.remote.to_str().expect("utf8"),
        &full,
        &Credentials::system(),
        &mut |_| {},
        no_cancel(),
    )
    .expect_err("refused");
    assert!(matches!(err, GitError::DestinationNotEmpty(_)), "{err:?}");
    assert!(err.to_string().contains("already holds files"));
    assert_eq!(common::read(&full, "notes.txt"), "my own file\n");
    assert_eq!(std::fs::read_dir(&full).expect("ls").count(), 1);
}

#[test]
fn right_token_clones_over_http_with_progress() {
    let w = World::new();
    grow_remote(&w, 40);
    let root = w.remote.parent().expect("root").to_path_buf();
    let server = GitHttpServer::start(&root, "ada", "s3cret");
    let dest = root.join("over-http");
    let mut events = Vec::new();
    clone_site(
        &server.url("remote.git"),
        &dest,
        &token("ada", "s3cret"),
        &mut |p| events.push(p),
        no_cancel(),
    )
    .expect("clone over http");
    assert_is_copy_of_remote(&dest, &w);
    assert!(dest.join("_pages/p39.md").is_file());
    let last = events
        .iter()
        .rev()
        .find_map(|p| match p {
            Progress::Receiving {
                objects,
                total,
                bytes,
            } => Some((*objects, *total, *bytes)),
            Progress::Sending { .. } => None,
        })
        .expect("receiving progress was reported");
    assert!(last.0 == last.1 && last.1 > 40 && last.2 > 0, "{last:?}");
}

#[test]
fn wrong_token_fails_in_bounded_time_and_leaves_nothing() {
    let w = World::new();
    let root = w.remote.parent().expect("root").to_path_buf();
    let server = GitHttpServer::start(&root, "ada", "s3cret");
    let dest = root.join("refused");
    let start = Instant::now();
    let err = clone_site(
        &server.url("remote.git"),
        &dest,
        &token("ada", "wrong"),
        &mut |_| {},
        no_cancel(),
    )
    .expect_err("refused");
    assert!(matches!(err, GitError::Credentials), "{err:?}");
    assert!(start.elapsed() < NO_HANG, "took {:?}", start.elapsed());
    assert!(!dest.exists(), "a refused clone leaves no folder behind");
    assert!(server.refused.load(Ordering::SeqCst) >= 1);
}

#[test]
fn cancel_stops_the_transfer_and_leaves_the_folder_as_it_was() {
    let w = World::new();
    grow_remote(&w, 120);
    let root = w.remote.parent().expect("root").to_path_buf();
    let server = GitHttpServer::start(&root, "ada", "s3cret");
    for existed in [false, true] {
        let dest = root.join(format!("cancelled-{existed}"));
        if existed {
            std::fs::create_dir_all(&dest).expect("mkdir");
        }
        let cancel = no_cancel();
        let flag = Arc::clone(&cancel);
        let mut reports = 0;
        let err = clone_site(
            &server.url("remote.git"),
            &dest,
            &token("ada", "s3cret"),
            &mut |p| {
                if matches!(p, Progress::Receiving { .. }) {
                    reports += 1;
                    flag.store(true, Ordering::SeqCst); // the editor clicks Cancel
                }
            },
            cancel,
        )
        .expect_err("cancelled");
        assert!(matches!(err, GitError::Cancelled), "{err:?}");
        assert_eq!(reports, 1, "the transfer stopped at the first report");
        if existed {
            assert_eq!(std::fs::read_dir(&dest).expect("ls").count(), 0);
        } else {
            assert!(!dest.exists());
        }
    }
}

#[test]
fn unreachable_server_and_bad_addresses_are_explained() {
    let w = World::new();
    let root = w.remote.parent().expect("root").to_path_buf();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    }; // dropped: nothing listens there now
    let dest = root.join("offline");
    let err = clone_site(
        &format!("http://127.0.0.1:{port}/remote.git"),
        &dest,
        &Credentials::system(),
        &mut |_| {},
        no_cancel(),
    )
    .expect_err("offline");
    assert!(matches!(err, GitError::Offline), "{err:?}");
    assert!(!dest.exists());

    let err = clone_site(
        "aida site",
        &dest,
        &Credentials::system(),
        &mut |_| {},
        no_cancel(),
    )
    .expect_err("not an address");
    assert!(matches!(err, GitError::NotARepositoryAddress(_)), "{err:?}");
    assert!(!dest.exists());
}

#[test]
fn site_setup_says_what_is_missing() {
    let w = World::new();
    let mine = site_setup(&w.mine);
    assert!(mine.repository && mine.identity);
    assert_eq!(mine.remote.as_deref(), w.remote.to_str());

    let plain = w.mine.parent().expect("tmp").join("plain");
    write(&plain, "index.md", "---\ntitle: Home\n---\n");
    let setup = site_setup(&plain);
    assert!(!setup.repository && setup.remote.is_none() && !setup.identity);

    let local_only = w.mine.parent().expect("tmp").join("local-only");
    write(&local_only, "index.md", "---\ntitle: Home\n---\n");
    git(&local_only, &["init", "-q", "-b", "main"]);
    let setup = site_setup(&local_only);
    assert!(setup.repository && setup.remote.is_none());
}
