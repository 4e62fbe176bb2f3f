//! Real repositories for the tests: a bare "server" repository reached by
//! path, and clones of it, made with the git CLI so that what galley-git does
//! is checked by a second implementation.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs git in `dir`, ignoring the user's global and system configuration.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes a file, creating folders.
pub fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Reads a file as text.
pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).expect("read")
}

/// A bare remote with one commit on `main`, and two clones ("mine", "theirs")
/// each with its own author.
pub struct World {
    _tmp: tempfile::TempDir,
    pub remote: PathBuf,
    pub mine: PathBuf,
    pub theirs: PathBuf,
}

impl World {
    pub fn new() -> World {
        let tmp = tempfile::tempdir().expect("temp dir");
        let remote = tmp.path().join("remote.git");
        let seed = tmp.path().join("seed");
        std::fs::create_dir_all(&seed).expect("mkdir");
        git(
            tmp.path(),
            &["init", "-q", "--bare", "-b", "main", "remote.git"],
        );
        git(&seed, &["init", "-q", "-b", "main"]);
        identity(&seed, "Seed", "seed@example.org");
        write(&seed, "_pages/about.md", "---\ntitle: About\n---\nHello.\n");
        write(&seed, "_pages/team.md", "---\ntitle: Team\n---\nUs.\n");
        write(&seed, "index.md", "---\ntitle: Home\n---\nWelcome.\n");
        git(&seed, &["add", "."]);
        git(&seed, &["commit", "-q", "-m", "start"]);
        git(
            &seed,
            &["push", "-q", remote.to_str().expect("utf8"), "main"],
        );
        let mine = clone(
            &remote,
            &tmp.path().join("mine"),
            "Ada Editor",
            "ada@example.org",
        );
        let theirs = clone(
            &remote,
            &tmp.path().join("theirs"),
            "Bo Other",
            "bo@example.org",
        );
        World {
            _tmp: tmp,
            remote,
            mine,
            theirs,
        }
    }

    /// The remote's `main` as `git log --format=...`.
    pub fn remote_log(&self, format: &str) -> String {
        git(
            &self.remote,
            &["log", &format!("--format={format}"), "main"],
        )
    }

    /// "theirs" changes a file, commits and pushes with the git CLI.
    pub fn they_publish(&self, rel: &str, text: &str) {
        write(&self.theirs, rel, text);
        git(&self.theirs, &["add", "-A"]);
        git(
            &self.theirs,
            &["commit", "-q", "-m", &format!("Their change to {rel}")],
        );
        git(&self.theirs, &["push", "-q", "origin", "main"]);
    }
}

/// Clones `remote` into `into` and sets a local identity.
pub fn clone(remote: &Path, into: &Path, name: &str, email: &str) -> PathBuf {
    let parent = into.parent().expect("parent");
    git(
        parent,
        &[
            "clone",
            "-q",
            remote.to_str().expect("utf8"),
            into.to_str().expect("utf8"),
        ],
    );
    identity(into, name, email);
    into.to_path_buf()
}

/// Sets user.name and user.email in the repository's own config.
pub fn identity(dir: &Path, name: &str, email: &str) {
    git(dir, &["config", "user.name", name]);
    git(dir, &["config", "user.email", email]);
}

/// A progress callback that only counts calls.
pub fn counter(calls: &mut usize) -> impl FnMut(galley_git::Progress) + '_ {
    move |_| *calls += 1
}
