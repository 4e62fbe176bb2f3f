//! Writes the benchmarks' generated Jekyll site to a folder, for timing tools by hand:
//! `cargo run --release -p galley-core --example gen_site -- DIR [PAGES]`.

#[path = "../benches/support/gen_site.rs"]
mod gen_site;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: gen_site DIR [PAGES]");
        std::process::exit(2);
    };
    let pages = args.next().and_then(|p| p.parse().ok()).unwrap_or(10_000);
    gen_site::write_site(std::path::Path::new(&dir), pages);
    println!("wrote {pages} pages to {dir}");
}
