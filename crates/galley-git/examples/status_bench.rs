//! Figures for BENCHMARKS.md: status and commit-one-file on a generated
//! 100,000-file repository, galley-git side by side with the git CLI.
//!
//! Run: `cargo run --release -p galley-git --example status_bench [FILES]`.
//! Medians of a few runs on a warm cache; the repository lives in a temp dir
//! and is removed at the end.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Files in the generated repository unless given on the command line.
const DEFAULT_FILES: usize = 100_000;
/// Files per folder, roughly like a large Jekyll collection.
const FILES_PER_DIR: usize = 100;
/// Repetitions for the slow (whole-repository) measurements.
const SLOW_RUNS: usize = 5;
/// Repetitions for the per-path refresh.
const FAST_RUNS: usize = 50;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    median(
        (0..runs)
            .map(|i| {
                let t = Instant::now();
                f(i);
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let files: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(DEFAULT_FILES);
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    let t = Instant::now();
    for i in 0..files {
        let dir = d.join(format!("_pages/d{:04}", i / FILES_PER_DIR));
        if i % FILES_PER_DIR == 0 {
            std::fs::create_dir_all(&dir).expect("mkdir");
        }
        std::fs::write(
            dir.join(format!("p{i:06}.md")),
            format!("---\ntitle: Page {i}\n---\nBody of page {i}.\n"),
        )
        .expect("write");
    }
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Bench"]);
    git(d, &["config", "user.email", "bench@example.org"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "start"]);
    println!(
        "generated {files} files and committed them in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let one = "_pages/d0000/p000000.md";
    std::fs::write(d.join(one), "edited\n").expect("edit");
    // Warm the page cache and the index's stat data.
    git(d, &["status", "--porcelain"]);
    let _ = galley_git::status(d).expect("status");

    let cli_status = time(SLOW_RUNS, |_| git(d, &["status", "--porcelain"]));
    let lib_status = time(SLOW_RUNS, |_| {
        let st = galley_git::status(d).expect("status");
        assert_eq!(st.files.len(), 1);
    });
    let paths = vec![one.to_owned()];
    let per_path_open = time(FAST_RUNS, |_| {
        galley_git::status_of_paths(d, &paths).expect("status");
    });
    let handle = galley_git::SiteRepo::open(d).expect("open");
    let per_path_handle = time(FAST_RUNS, |_| {
        let got = handle.status_of_paths(&paths).expect("status");
        assert_eq!(got[0].1, Some(galley_git::FileChange::Changed));
    });
    let lib_commit = time(SLOW_RUNS, |i| {
        std::fs::write(d.join(one), format!("lib edit {i}\n")).expect("edit");
        galley_git::commit_paths(d, &paths, "lib commit").expect("commit");
    });
    let cli_commit = time(SLOW_RUNS, |i| {
        std::fs::write(d.join(one), format!("cli edit {i}\n")).expect("edit");
        git(d, &["add", one]);
        git(d, &["commit", "-q", "-m", "cli commit"]);
    });

    println!(
        "full status        git status --porcelain   {}",
        ms(cli_status)
    );
    println!(
        "full status        galley_git::status       {}",
        ms(lib_status)
    );
    println!(
        "one path           status_of_paths (opens)  {}",
        ms(per_path_open)
    );
    println!(
        "one path           SiteRepo::status_of_paths {}",
        ms(per_path_handle)
    );
    println!(
        "commit one file    git add f && git commit  {}",
        ms(cli_commit)
    );
    println!(
        "commit one file    galley_git::commit_paths {}",
        ms(lib_commit)
    );
    println!(
        "commit ratio lib/cli {:.2}",
        lib_commit.as_secs_f64() / cli_commit.as_secs_f64()
    );
}
