//! Editing one field of a page with a 200-line front matter, and saving a page
//! nobody changed (which must be a byte-identical no-op).

use criterion::{criterion_group, criterion_main, Criterion};
use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, FieldPath};
use std::hint::black_box;

fn edit(c: &mut Criterion) {
    let text = galley_bench_support::long_front_matter(200);
    let bytes = text.as_bytes();
    let prio = FieldPath::key("prio");
    let nested = FieldPath::parse("group11.inner").expect("path");
    let mut group = c.benchmark_group("edit_200_line_front_matter");
    group.bench_function("parse", |b| {
        b.iter(|| black_box(Document::parse(bytes, Dialect::Yaml11).expect("parse")))
    });
    group.bench_function("parse_set_one_field_to_bytes", |b| {
        b.iter(|| {
            let mut doc = Document::parse(bytes, Dialect::Yaml11).expect("parse");
            doc.set_from_input(&prio, "4").expect("set");
            black_box(doc.to_bytes())
        })
    });
    group.bench_function("parse_set_nested_field_to_bytes", |b| {
        b.iter(|| {
            let mut doc = Document::parse(bytes, Dialect::Yaml11).expect("parse");
            doc.set_from_input(&nested, "99").expect("set");
            black_box(doc.to_bytes())
        })
    });
    let doc = Document::parse(bytes, Dialect::Yaml11).expect("parse");
    group.bench_function("set_one_field_on_parsed", |b| {
        b.iter(|| {
            let mut d = doc.clone();
            d.set_from_input(&prio, "4").expect("set");
            black_box(d.to_bytes())
        })
    });
    group.bench_function("noop_save_to_bytes", |b| {
        b.iter(|| {
            let bytes_out = doc.to_bytes();
            assert!(!doc.is_changed());
            black_box(bytes_out)
        })
    });
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("page.md");
    std::fs::write(&path, bytes).expect("write");
    group.bench_function("noop_save_check_on_disk", |b| {
        // What a save of an unedited page costs: read, parse, compare, no write.
        b.iter(|| {
            let on_disk = std::fs::read(&path).expect("read");
            let d = Document::parse(&on_disk, Dialect::Yaml11).expect("parse");
            if d.is_changed() {
                galley_core::save::write_atomic(&path, &d.to_bytes()).expect("save");
            }
            black_box(d)
        })
    });
    group.bench_function("set_one_field_and_write_atomic", |b| {
        b.iter(|| {
            let mut d = doc.clone();
            d.set_from_input(&prio, "4").expect("set");
            galley_core::save::write_atomic(&path, &d.to_bytes()).expect("save");
        })
    });
    group.finish();
}

criterion_group!(benches, edit);
criterion_main!(benches);
