//! Preview cost: Galley's render (Liquid, kramdown ids and IALs, link and image
//! checks, sanitizing where raw HTML is) against pulldown-cmark alone, on
//! generated pages of 20 KB and 1 MB, with and without raw HTML. The goal:
//! Galley ≤ 2× pulldown-cmark. `galley_render_blocks` is what the app calls (the
//! same render cut into blocks with their source lines); `whole_output_sanitized`
//! is the old way (ammonia over everything), kept as the reference.
//!
//! Instruction counts (repeatable on a busy machine, unlike times): with
//! `GALLEY_PREVIEW_RUNS=N` the bench skips criterion and runs each case's
//! pulldown-cmark and `galley_render` N times inside [`measured_runs`], for
//! `valgrind --tool=callgrind --toggle-collect='*measured_runs*'` (see
//! BENCHMARKS.md, "Raw HTML sanitizing"). `GALLEY_PREVIEW_CASE` picks one case
//! (`20k_raw_html`…) and `GALLEY_PREVIEW_WHAT` one side (`pulldown`, `galley`).
//!
//! Times on a shared machine: with `GALLEY_PREVIEW_ALTERNATE=N` the bench
//! renders each case N times with pulldown-cmark and Galley in turn (one of
//! each, then again), so both see the same load, and prints each side's median
//! and their ratio as `FIGURE` lines.

use criterion::{criterion_group, Criterion, Throughput};
use galley_core::preview::{
    markdown_options, render, render_blocks, render_page_fully_sanitized, PageContext,
    RenderOptions,
};
use std::hint::black_box;

/// The same generated page the markdown-it comparison of `cargo xtask bench` renders.
fn page(bytes: usize, raw_html: bool) -> String {
    galley_bench_support::preview_page(bytes, raw_html)
}

/// The cases: (name, page size, with raw HTML).
const CASES: [(&str, usize, bool); 4] = [
    ("20k_markdown", 20 * 1024, false),
    ("20k_raw_html", 20 * 1024, true),
    ("1m_markdown", 1024 * 1024, false),
    ("1m_raw_html", 1024 * 1024, true),
];

fn pulldown_cmark_only(body: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(body, markdown_options()),
    );
    html
}

/// `runs` renders of `body`, galley's or pulldown-cmark's: the function
/// callgrind collects in (never inlined, so its name stays in the binary).
#[inline(never)]
fn measured_runs(body: &str, runs: usize, galley: bool, options: &RenderOptions) -> usize {
    let mut bytes = 0;
    for _ in 0..runs {
        bytes += if galley {
            render(black_box(body), options).len()
        } else {
            pulldown_cmark_only(black_box(body)).len()
        };
    }
    bytes
}

fn preview(c: &mut Criterion) {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    for (name, bytes, raw) in CASES {
        let body = page(bytes, raw);
        let mut group = c.benchmark_group(format!("preview_{name}"));
        if bytes > 100_000 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("pulldown_cmark_only", |b| {
            b.iter(|| pulldown_cmark_only(black_box(&body)))
        });
        group.bench_function("galley_render", |b| {
            b.iter(|| render(black_box(&body), &options))
        });
        group.bench_function("galley_render_blocks", |b| {
            b.iter(|| render_blocks(black_box(&body), &options, &PageContext::default()))
        });
        group.bench_function("whole_output_sanitized", |b| {
            b.iter(|| {
                render_page_fully_sanitized(black_box(&body), &options, &PageContext::default())
            })
        });
        group.finish();
    }
}

/// The `GALLEY_PREVIEW_RUNS` mode: fixed runs for callgrind, no timing.
fn fixed_runs(runs: usize) {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    let case = std::env::var("GALLEY_PREVIEW_CASE").ok();
    let what = std::env::var("GALLEY_PREVIEW_WHAT").ok();
    for (name, bytes, raw) in CASES {
        if case.as_deref().is_some_and(|c| c != name) {
            continue;
        }
        let body = page(bytes, raw);
        for (side, galley) in [("pulldown", false), ("galley", true)] {
            if what.as_deref().is_some_and(|w| w != side) {
                continue;
            }
            let out = measured_runs(&body, runs, galley, &options);
            println!("{name} {side}: {runs} runs, {out} bytes out");
        }
    }
}

/// The `GALLEY_PREVIEW_ALTERNATE` mode: medians of renders taken in turns.
fn alternate(rounds: usize) {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    let case = std::env::var("GALLEY_PREVIEW_CASE").ok();
    for (name, bytes, raw) in CASES {
        if case.as_deref().is_some_and(|c| c != name) {
            continue;
        }
        let body = page(bytes, raw);
        let (mut plain, mut galley) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let start = std::time::Instant::now();
            black_box(pulldown_cmark_only(black_box(&body)));
            plain.push(start.elapsed());
            let start = std::time::Instant::now();
            black_box(render(black_box(&body), &options));
            galley.push(start.elapsed());
        }
        plain.sort_unstable();
        galley.sort_unstable();
        let (p, g) = (plain[rounds / 2], galley[rounds / 2]);
        println!(
            "FIGURE preview_{name}: pulldown-cmark {:.1} µs, galley_render {:.1} µs, ratio {:.2}× (medians of {rounds} renders each, in turns)",
            p.as_secs_f64() * 1e6,
            g.as_secs_f64() * 1e6,
            g.as_secs_f64() / p.as_secs_f64()
        );
    }
}

criterion_group!(benches, preview);

fn main() {
    if let Some(rounds) = std::env::var("GALLEY_PREVIEW_ALTERNATE")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        alternate(rounds);
        return;
    }
    if let Some(runs) = std::env::var("GALLEY_PREVIEW_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        fixed_runs(runs);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
