//! Preview cost: Galley's render (Markdown + kramdown ids + sanitizer) against
//! pulldown-cmark alone, on a generated page of about 20 KB with raw HTML.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use galley_core::preview::{markdown_options, render, RenderOptions};
use std::hint::black_box;

/// A realistic engagement-like body: headings, paragraphs, links, lists,
/// a little raw HTML, repeated to the wanted size.
fn page(bytes: usize) -> String {
    let block = "## Work package {#wp}\n\nAIDA brings together **radiologists**, engineers and \
        [data stewards](/datasets/) to build *clinically useful* tools. See the \
        [arena](https://example.org/aida) for details.\n\n- Annotated CT studies\n- Shared \
        compute\n- Training events\n\n<div><img src=\"/assets/images/arena-map.png\" alt=\"map\"></div>\n\n";
    let mut out = String::with_capacity(bytes + block.len());
    while out.len() < bytes {
        out.push_str(block);
    }
    out
}

fn preview(c: &mut Criterion) {
    let body = page(20 * 1024);
    let mut group = c.benchmark_group("preview_20k");
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
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    group.bench_function("galley_render_sanitized", |b| {
        b.iter(|| render(black_box(&body), &options))
    });
    group.finish();
}

criterion_group!(benches, preview);
criterion_main!(benches);
