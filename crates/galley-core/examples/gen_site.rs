//! Writes the benchmarks' generated Jekyll site to a folder, for timing tools by hand:
//! `cargo run --release -p galley-core --example gen_site -- DIR [PAGES]`.
//! (`cargo xtask bench` writes the same sites under target/bench/sites/.)

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: gen_site DIR [PAGES]");
        std::process::exit(2);
    };
    let pages = args.next().and_then(|p| p.parse().ok()).unwrap_or(10_000);
    let root = std::path::Path::new(&dir);
    if let Err(e) = galley_bench_support::write_site(root, pages)
        .and_then(|()| galley_bench_support::age_files(root))
    {
        eprintln!("could not write {dir}: {e}");
        std::process::exit(1);
    }
    println!("wrote {pages} pages to {dir}");
}
