//! Measures how fast an outside change reaches the callback, for BENCHMARKS.md.
//!
//! `cargo run -p galley-watch --example latency [--release]`
//!
//! - write → callback: 200 single-page writes, each waited for; median and p95.
//! - burst settle: 10,000 files written as fast as possible; the time from the
//!   last write to the last batch, and how many batches there were.
//!
//! Also prints `FIGURE` lines, which `cargo xtask bench` collects.

use galley_watch::Watcher;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longer than any batch can take to arrive; only a broken watch waits this long.
const GIVE_UP: Duration = Duration::from_secs(10);
/// How long without a batch counts as "the burst is over" when measuring it.
const BURST_OVER: Duration = Duration::from_secs(3);

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let root = dir.path().canonicalize()?;
    std::fs::create_dir_all(root.join("_posts"))?;
    let page = root.join("_posts/page.md");
    std::fs::write(&page, "---\ntitle: start\n---\n")?;

    let (tx, rx) = mpsc::channel();
    let watcher = Watcher::start(&root, move |changes| {
        let _ = tx.send((Instant::now(), changes));
    })?;

    let mut latencies = Vec::with_capacity(200);
    for i in 0..200 {
        let start = Instant::now();
        std::fs::write(&page, format!("---\ntitle: write {i}\n---\n"))?;
        let (at, changes) = rx.recv_timeout(GIVE_UP)?;
        assert!(changes.pages_changed.iter().any(|p| p == "_posts/page.md"));
        latencies.push(at - start);
    }
    latencies.sort();
    println!(
        "FIGURE watch_write_to_event_ms p50={:.1} p95={:.1} max={:.1} n={}",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        latencies.len()
    );
    println!(
        "write -> callback over {} writes: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        latencies.len(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );

    let burst_start = Instant::now();
    for d in 0..100 {
        let folder = root.join(format!("content/d{d:03}"));
        std::fs::create_dir_all(&folder)?;
        for f in 0..100 {
            std::fs::write(folder.join(format!("p{f:03}.md")), "---\ntitle: b\n---\n")?;
        }
    }
    let last_write = Instant::now();
    let mut batches = 0;
    let mut rescans = 0;
    let mut last_batch = last_write;
    while let Ok((at, changes)) = rx.recv_timeout(BURST_OVER) {
        batches += 1;
        rescans += usize::from(changes.rescan);
        last_batch = at;
    }
    println!(
        "burst of 10,000 files: written in {:.0} ms; settled {:.0} ms after the last write; {batches} batches ({rescans} with rescan)",
        (last_write - burst_start).as_secs_f64() * 1e3,
        last_batch.saturating_duration_since(last_write).as_secs_f64() * 1e3,
    );
    println!(
        "FIGURE watch_burst_10000_ms settle={:.1} batches={batches} rescans={rescans}",
        last_batch
            .saturating_duration_since(last_write)
            .as_secs_f64()
            * 1e3,
    );
    drop(watcher);
    Ok(())
}
