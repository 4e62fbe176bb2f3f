//! Figures for BENCHMARKS.md: status and commit-one-file on a large repository,
//! galley-git side by side with the git CLI, in turns in the same run.
//!
//! Run: `cargo run --release -p galley-git --example status_bench [FILES]` (generates
//! a repository of FILES small pages in a temp dir, 100,000 by default), or
//! `... --example status_bench -- --repo DIR --page REL` on an existing, committed
//! repository (what `cargo xtask bench` does with its generated site). Medians of a
//! few runs on a warm cache; prints `FIGURE` lines for the xtask to collect.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Files in the generated repository unless given on the command line.
const DEFAULT_FILES: usize = 100_000;
/// Files per folder, roughly like a large Jekyll collection.
const FILES_PER_DIR: usize = 100;
/// Repetitions for the slow (whole-repository) measurements.
const SLOW_RUNS: usize = 7;
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

/// Medians of `a` and `b` run in turns (a, b, a, b…), so a change in the machine's
/// load hits both alike.
fn time_pair(
    runs: usize,
    mut a: impl FnMut(usize),
    mut b: impl FnMut(usize),
) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let t = Instant::now();
        a(i);
        ta.push(t.elapsed());
        let t = Instant::now();
        b(i);
        tb.push(t.elapsed());
    }
    (median(ta), median(tb))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Writes `files` small pages into `d` and commits them with the git CLI.
fn generate(d: &Path, files: usize) {
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
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let (repo, one) = match flag("--repo") {
        Some(repo) => (
            std::path::PathBuf::from(repo),
            flag("--page").expect("--page REL with --repo"),
        ),
        None => {
            let files = args
                .first()
                .and_then(|a| a.parse().ok())
                .unwrap_or(DEFAULT_FILES);
            generate(tmp.path(), files);
            (
                tmp.path().to_path_buf(),
                "_pages/d0000/p000000.md".to_owned(),
            )
        }
    };
    let d = repo.as_path();
    let one = one.as_str();
    let original = std::fs::read(d.join(one)).expect("read the page");
    std::fs::write(d.join(one), "edited\n").expect("edit");
    // Warm the page cache and the index's stat data.
    git(d, &["status", "--porcelain"]);
    let _ = galley_git::status(d).expect("status");

    let (cli_status, lib_status) = time_pair(
        SLOW_RUNS,
        |_| git(d, &["status", "--porcelain"]),
        |_| {
            let st = galley_git::status(d).expect("status");
            assert_eq!(st.files.len(), 1);
        },
    );
    let paths = vec![one.to_owned()];
    let per_path_open = time(FAST_RUNS, |_| {
        galley_git::status_of_paths(d, &paths).expect("status");
    });
    let handle = galley_git::SiteRepo::open(d).expect("open");
    let per_path_handle = time(FAST_RUNS, |_| {
        let got = handle.status_of_paths(&paths).expect("status");
        assert_eq!(got[0].1, Some(galley_git::FileChange::Changed));
    });
    let (lib_commit, cli_commit) = time_pair(
        SLOW_RUNS,
        |i| {
            std::fs::write(d.join(one), format!("lib edit {i}\n")).expect("edit");
            galley_git::commit_paths(d, &paths, "lib commit").expect("commit");
        },
        |i| {
            std::fs::write(d.join(one), format!("cli edit {i}\n")).expect("edit");
            git(d, &["add", one]);
            git(d, &["commit", "-q", "-m", "cli commit"]);
        },
    );

    // Back to the committed text, so a kept repository is clean again.
    std::fs::write(d.join(one), &original).expect("restore");
    git(d, &["add", one]);
    git(d, &["commit", "-q", "-m", "restore"]);

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
    let f = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1000.0);
    println!(
        "FIGURE git_status_full_ms galley={} cli={}",
        f(lib_status),
        f(cli_status)
    );
    println!(
        "FIGURE git_status_one_path_ms kept_open={} opening={}",
        f(per_path_handle),
        f(per_path_open)
    );
    println!(
        "FIGURE git_commit_one_ms galley={} cli={}",
        f(lib_commit),
        f(cli_commit)
    );
}
