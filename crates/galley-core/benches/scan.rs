//! Opening a generated Jekyll site: cold (every page read and parsed), from the
//! index cache, and the floor of simply reading every file once (one thread and all
//! cores). Also the schema + problems pass over the opened site.
//!
//! Sizes: `GALLEY_BENCH_SCAN_PAGES` (comma-separated, default `10000`). Sites come
//! from `GALLEY_BENCH_SITES/jekyll-N` when `cargo xtask bench` generated them there,
//! else they are generated into a temporary folder.

use criterion::{criterion_group, criterion_main, Criterion};
use galley_core::site::{OpenOptions, Site};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn sizes() -> Vec<usize> {
    std::env::var("GALLEY_BENCH_SCAN_PAGES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![10_000])
}

/// The site of `pages` pages, and the temporary folder holding it if we made one.
fn site_of(pages: usize) -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("GALLEY_BENCH_SITES") {
        let root = PathBuf::from(dir).join(format!("jekyll-{pages}"));
        if root.join("_config.yml").is_file() {
            return (root, None);
        }
    }
    let temp = tempfile::tempdir().expect("tmp");
    galley_bench_support::write_site(temp.path(), pages).expect("write site");
    // Old stamps, or the cache would (rightly) refuse files changed just now.
    galley_bench_support::age_files(temp.path()).expect("age files");
    (temp.path().to_path_buf(), Some(temp))
}

fn scan(c: &mut Criterion) {
    for pages in sizes() {
        let (root, _temp) = site_of(pages);
        let root = root.as_path();
        let cache_dir = tempfile::tempdir().expect("cache");
        let cached = OpenOptions {
            cache_dir: Some(cache_dir.path().to_path_buf()),
        };
        let site = Site::open_with(root, &cached).expect("open");
        assert_eq!(site.pages.len(), pages);
        drop(site);

        let mut group = c.benchmark_group(format!("scan_{}k", pages / 1000));
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
        // The opened site is returned, so freeing it is not timed: the app keeps it.
        group.bench_function("site_open_no_cache", |b| {
            b.iter_with_large_drop(|| Site::open(root).expect("open"))
        });
        group.bench_function("site_open_cached", |b| {
            b.iter_with_large_drop(|| {
                let site = Site::open_with(root, &cached).expect("open");
                assert_eq!(site.stats.read, 0);
                site
            })
        });
        group.bench_function("schemas_and_problems_on_open_site", |b| {
            b.iter_with_large_drop(|| {
                let fresh = Site::open_with(root, &cached).expect("open");
                let problems = galley_core::validate::check_site(&fresh);
                (fresh, problems)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, scan);
criterion_main!(benches);
