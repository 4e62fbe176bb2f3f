//! Opening a generated 10,000-page Jekyll site: cold (every page read and parsed),
//! from the index cache, and the floor of simply reading every file once (one thread
//! and all cores). Also the schema + problems pass over the opened site.

use criterion::{criterion_group, criterion_main, Criterion};
use galley_core::site::{OpenOptions, Site};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::{Path, PathBuf};

#[path = "support/gen_site.rs"]
mod gen_site;

const PAGES: usize = 10_000;

fn files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn scan(c: &mut Criterion) {
    let site_dir = tempfile::tempdir().expect("tmp");
    gen_site::write_site(site_dir.path(), PAGES);
    // Age the files so the cache keeps them (fresh stamps are never cached).
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in files(site_dir.path()) {
        if let Ok(file) = std::fs::File::options().write(true).open(&f) {
            let _ = file.set_modified(old);
        }
    }
    let root = site_dir.path();
    let cache_dir = tempfile::tempdir().expect("cache");
    let cached = OpenOptions {
        cache_dir: Some(cache_dir.path().to_path_buf()),
    };
    let site = Site::open_with(root, &cached).expect("open");
    assert_eq!(site.pages.len(), PAGES);

    let mut group = c.benchmark_group("scan_10k");
    group.sample_size(10);
    group.bench_function("read_all_files_1_thread", |b| {
        b.iter(|| {
            let total: usize = files(root)
                .iter()
                .map(|f| std::fs::read(f).map_or(0, |v| v.len()))
                .sum();
            black_box(total)
        })
    });
    group.bench_function("read_all_files_rayon", |b| {
        b.iter(|| {
            let total: usize = files(root)
                .par_iter()
                .map(|f| std::fs::read(f).map_or(0, |v| v.len()))
                .sum();
            black_box(total)
        })
    });
    group.bench_function("site_open_no_cache", |b| {
        b.iter(|| black_box(Site::open(root).expect("open").pages.len()))
    });
    group.bench_function("site_open_cached", |b| {
        b.iter(|| {
            let site = Site::open_with(root, &cached).expect("open");
            assert_eq!(site.stats.read, 0);
            black_box(site.pages.len())
        })
    });
    group.bench_function("schemas_and_problems_on_open_site", |b| {
        b.iter(|| {
            let fresh = Site::open_with(root, &cached).expect("open");
            black_box(galley_core::validate::check_site(&fresh).len())
        })
    });
    group.finish();
}

criterion_group!(benches, scan);
criterion_main!(benches);
