//! Opens a site N times without the index cache and prints the median beside the
//! floor of reading every file once (walk + read on all cores), measured in turns
//! in the same process so both see the same machine. For profiling the scan
//! (`valgrind --tool=callgrind`, `perf record`) and quick checks:
//! `cargo run --release -p galley-core --example open_site -- DIR [RUNS]`.
//!
//! `open_site --read-floor DIR` only reads every file once and exits: the floor
//! that `cargo xtask bench` times as a process beside `galley scan`.

use rayon::prelude::*;
use std::time::{Duration, Instant};

fn read_all(root: &std::path::Path) -> usize {
    let files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files
        .par_iter()
        .map(|f| std::fs::read(f).map_or(0, |v| v.len()))
        .sum()
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("--read-floor") {
        args.next();
        let dir = args.next().unwrap_or_else(|| ".".to_owned());
        std::hint::black_box(read_all(std::path::Path::new(&dir)));
        return;
    }
    let Some(dir) = args.next() else {
        eprintln!("usage: open_site DIR [RUNS]");
        std::process::exit(2);
    };
    let root = std::path::PathBuf::from(dir);
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let (mut open, mut floor) = (Vec::new(), Vec::new());
    let mut pages = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let site = match galley_core::site::Site::open(&root) {
            Ok(site) => site,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        // Freeing the index is not part of opening (the app keeps it).
        open.push(start.elapsed());
        pages = site.pages.len();
        drop(site);
        let start = Instant::now();
        std::hint::black_box(read_all(&root));
        floor.push(start.elapsed());
    }
    let (open, floor) = (median(open), median(floor));
    println!(
        "opened {pages} pages: median of {runs}: open {open:.1} ms, read floor {floor:.1} ms, ratio {:.2}",
        open / floor
    );
}
