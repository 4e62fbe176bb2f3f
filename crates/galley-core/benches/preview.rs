//! Preview cost: Galley's render (Liquid, kramdown ids and IALs, link and image
//! checks, sanitizing where raw HTML is) against pulldown-cmark alone, on
//! generated pages of 20 KB and 1 MB, with and without raw HTML. The goal:
//! Galley ≤ 2× pulldown-cmark. `galley_render_blocks` is what the app calls (the
//! same render cut into blocks with their source lines); `whole_output_sanitized`
//! is the old way (ammonia over everything), kept as the reference.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use galley_core::preview::{
    markdown_options, render, render_blocks, render_page_fully_sanitized, PageContext,
    RenderOptions,
};
use std::hint::black_box;

/// The same generated page the markdown-it comparison of `cargo xtask bench` renders.
fn page(bytes: usize, raw_html: bool) -> String {
    galley_bench_support::preview_page(bytes, raw_html)
}

fn preview(c: &mut Criterion) {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    for (name, bytes) in [("20k", 20 * 1024), ("1m", 1024 * 1024)] {
        for raw in [false, true] {
            let body = page(bytes, raw);
            let label = format!(
                "preview_{name}_{}",
                if raw { "raw_html" } else { "markdown" }
            );
            let mut group = c.benchmark_group(label);
            if bytes > 100_000 {
                group.sample_size(10);
            }
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_function("pulldown_cmark_only", |b| {
                b.iter(|| {
                    let mut html = String::new();
                    pulldown_cmark::html::push_html(
                        &mut html,
                        pulldown_cmark::Parser::new_ext(black_box(&body), markdown_options()),
                    );
                    html
                })
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
}

criterion_group!(benches, preview);
criterion_main!(benches);
