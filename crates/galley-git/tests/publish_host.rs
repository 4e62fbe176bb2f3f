//! Which host an HTTPS token belongs to.

use std::process::Command;

fn git(dir: &std::path::Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git")
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn host_of_the_publish_remote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    assert!(galley_git::publish_host(d).is_err(), "no remote yet");
    git(
        d,
        &[
            "remote",
            "add",
            "origin",
            "https://user@git.example.org:8443/o/r.git",
        ],
    );
    assert_eq!(
        galley_git::publish_host(d).expect("host").as_deref(),
        Some("git.example.org:8443")
    );
    git(d, &["remote", "set-url", "origin", "/srv/git/site.git"]);
    assert_eq!(galley_git::publish_host(d).expect("host"), None);
}
