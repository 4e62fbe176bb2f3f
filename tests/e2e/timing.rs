//! Figures for BENCHMARKS.md, measured in the real app (printed, never
//! asserted: a shared machine's timings are not a test result). Each run also
//! checks the behaviour it times, so it fails if that behaviour breaks.

use crate::harness::App;
use std::time::{Duration, Instant};

const PERSON: &str = "_people/sofia-oberg.md";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// An outside edit of a page that is not open: the page list shows the new
/// title and the page gets its "changed" badge. Time from the write to the
/// list showing it (the watcher's quiet period is most of it).
#[tokio::test]
async fn outside_write_to_page_list() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(PERSON)).expect("read");
    let link = format!("[data-path='{PERSON}']");
    app.find(&link).await;
    let mut times = Vec::new();
    for round in 0..20 {
        let title = format!("Sofia Öberg {round}");
        let text = original.replacen("title: Sofia Öberg", &format!("title: {title}"), 1);
        assert_ne!(text, original, "the fixture's title line");
        let start = Instant::now();
        std::fs::write(app.site.join(PERSON), text).expect("write");
        app.wait_for(
            "the new title in the page list",
            &format!("const b = document.querySelector(\"{link}\"); return !!b && b.textContent.includes({title:?});"),
        )
        .await;
        times.push(start.elapsed());
    }
    app.find(&format!("{link} [data-badge='changed']")).await;
    times.sort();
    println!(
        "FIGURE outside_write_to_page_list_ms median={:.1} p95={:.1} n={}",
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        percentile(&times, 0.95).as_secs_f64() * 1000.0,
        times.len()
    );
    app.stop().await;
}
