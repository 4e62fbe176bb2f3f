//! Deterministic synthetic content for benchmarks, shared by the criterion benches,
//! the examples and `cargo xtask bench`, so every figure is measured on the same
//! bytes: Jekyll sites of any size in ~20 collections with pages of 2–4 KB and
//! front matter like the AIDA site's; the same pages laid out as Hugo content; a
//! long front matter for edit benchmarks; and Markdown pages for the preview.
//!
//! Nothing here is random at run time: a fixed-seed generator, so a site written
//! twice is byte-identical and a reader can reproduce the figures.

use std::io;
use std::path::Path;

/// Changes whenever what [`write_site`] writes changes, so `cargo xtask bench`
/// regenerates sites it kept from an older generator.
pub const GENERATOR_VERSION: u32 = 1;

/// The collections of the generated site.
pub const COLLECTIONS: usize = 20;

/// The modification time every generated file gets (2024-01-01 00:00 UTC): old
/// enough for the index cache to keep, and the same on every run.
pub const FILE_TIME_SECS: u64 = 1_704_067_200;

/// A small fixed-seed generator (xorshift), so every run writes the same site.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "imaging",
    "data",
    "hospital",
    "annotation",
    "radiology",
    "pathology",
    "research",
    "Sweden",
    "network",
    "screening",
    "access",
    "model",
    "training",
    "clinical",
    "platform",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s
}

/// The text of page `i` of collection `c`, from seed `rng_seed`.
pub fn page(rng_seed: u64, c: usize, i: usize) -> String {
    let mut rng = Rng(rng_seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut s = String::with_capacity(4096);
    s.push_str("---\n");
    s.push_str(&format!("title: \"{} {i}\"\n", sentence(&mut rng, 3)));
    s.push_str(&format!("description: {}\n", sentence(&mut rng, 8)));
    if i.is_multiple_of(7) {
        s.push_str(&format!("start: {}\n", 2010 + i % 14));
    } else {
        s.push_str(&format!(
            "start: 20{:02}-{:02}-{:02}\n",
            10 + i % 14,
            1 + i % 12,
            1 + i % 28
        ));
    }
    s.push_str("end:\n");
    s.push_str(&format!("prio: {}\n", i % 40));
    s.push_str(&format!(
        "hidden: {}\n",
        if i.is_multiple_of(3) { "yes" } else { "no" }
    ));
    s.push_str(&format!("website: https://example.org/c{c}/p{i}\n"));
    s.push_str(&format!(
        "logo: /assets/icons/c{c}-{}.png # the small logo\n",
        i % 5
    ));
    s.push_str(&format!(
        "status: {}\n",
        ["planned", "ongoing", "done"][i % 3]
    ));
    s.push_str("tags:\n");
    for _ in 0..3 {
        s.push_str(&format!(
            "  - {}\n",
            WORDS[rng.below(WORDS.len() as u64) as usize]
        ));
    }
    s.push_str("contact:\n");
    s.push_str(&format!(
        "  name: Person {i}\n  email: person{i}@example.org\n"
    ));
    s.push_str("---\n");
    let target = 2048 + rng.below(2048) as usize;
    while s.len() < target {
        s.push_str(&format!("## {}\n\n", sentence(&mut rng, 3)));
        s.push_str(&sentence(&mut rng, 40));
        s.push_str(". [A link](https://example.org) and **bold** text.\n\n");
    }
    s
}

/// Site-relative path of page number `n` (0-based) of a generated Jekyll site.
pub fn page_path(n: usize) -> String {
    format!("_coll{}/page-{:05}.md", n % COLLECTIONS, n / COLLECTIONS)
}

/// Writes a Jekyll site of `pages` pages into `root`: `_config.yml` declaring the
/// collections, the pages, and the small icons their front matter points at.
pub fn write_site(root: &Path, pages: usize) -> io::Result<()> {
    let mut config = String::from("title: Bench\ncollections:\n");
    for c in 0..COLLECTIONS {
        config.push_str(&format!("  coll{c}:\n    output: true\n"));
    }
    std::fs::create_dir_all(root.join("assets/icons"))?;
    std::fs::write(root.join("_config.yml"), config)?;
    for c in 0..COLLECTIONS {
        std::fs::create_dir_all(root.join(format!("_coll{c}")))?;
        for k in 0..5 {
            std::fs::write(root.join(format!("assets/icons/c{c}-{k}.png")), b"PNG")?;
        }
    }
    for n in 0..pages {
        let c = n % COLLECTIONS;
        let i = n / COLLECTIONS;
        std::fs::write(root.join(page_path(n)), page(n as u64 + 1, c, i))?;
    }
    Ok(())
}

/// Lays the pages of the Jekyll site in `jekyll` (written by [`write_site`] with
/// `pages` pages) out as a Hugo site in `hugo`: `config.toml` and
/// `content/collN/page-NNNNN.md`. The pages are hard links to the same files where
/// the file system allows (no second copy of a large site), copies otherwise.
pub fn write_hugo_layout(jekyll: &Path, hugo: &Path, pages: usize) -> io::Result<()> {
    std::fs::create_dir_all(hugo)?;
    std::fs::write(
        hugo.join("config.toml"),
        "baseURL = \"https://example.org/\"\ntitle = \"Bench\"\nlanguageCode = \"en\"\n",
    )?;
    for c in 0..COLLECTIONS {
        std::fs::create_dir_all(hugo.join(format!("content/coll{c}")))?;
    }
    for n in 0..pages {
        let from = jekyll.join(page_path(n));
        let to = hugo.join(format!(
            "content/coll{}/page-{:05}.md",
            n % COLLECTIONS,
            n / COLLECTIONS
        ));
        if to.exists() {
            continue;
        }
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

/// Sets every file under `root` (outside `.git`) to [`FILE_TIME_SECS`], so the
/// index cache keeps them and every run starts from the same stamps.
pub fn age_files(root: &Path) -> io::Result<()> {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(FILE_TIME_SECS);
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if entry.file_name() != ".git" {
                    stack.push(entry.path());
                }
            } else if kind.is_file() {
                std::fs::File::options()
                    .write(true)
                    .open(entry.path())?
                    .set_modified(time)?;
            }
        }
    }
    Ok(())
}

/// A page with a front matter of about `lines` lines (comments, groups), for edit
/// benchmarks.
pub fn long_front_matter(lines: usize) -> String {
    let mut s = String::from("---\ntitle: A long page\n");
    let mut n = 1;
    while n < lines {
        if n.is_multiple_of(10) {
            s.push_str(&format!("# section {n}\n"));
        } else if n % 10 == 1 {
            s.push_str(&format!("group{n}:\n  inner: {n}\n  other: text {n}\n"));
            n += 2;
        } else {
            s.push_str(&format!("field{n}: value number {n}\n"));
        }
        n += 1;
    }
    s.push_str("prio: 3\n---\nBody text.\n");
    s
}

/// A realistic engagement-like Markdown body of at least `bytes` bytes: headings,
/// paragraphs, links, lists and, if asked, a little raw HTML. The preview
/// benchmarks and the markdown-it comparison render this same text.
pub fn preview_page(bytes: usize, raw_html: bool) -> String {
    let block = "## Work package {#wp}\n\nAIDA brings together **radiologists**, engineers and \
        [data stewards](/datasets/) to build *clinically useful* tools. See the \
        [arena](https://example.org/aida) for details.\n\n- Annotated CT studies\n- Shared \
        compute\n- Training events\n\n";
    let html = "<div><img src=\"/assets/images/arena-map.png\" alt=\"map\" style=\"float: right\"></div>\n\n";
    let mut out = String::with_capacity(bytes + block.len() * 2);
    while out.len() < bytes {
        out.push_str(block);
        if raw_html {
            out.push_str(html);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_deterministic_and_sized_as_promised() {
        let a = tempfile_dir("a");
        let b = tempfile_dir("b");
        write_site(&a, 60).expect("write");
        write_site(&b, 60).expect("write");
        for n in 0..60 {
            let pa = std::fs::read(a.join(page_path(n))).expect("read");
            let pb = std::fs::read(b.join(page_path(n))).expect("read");
            assert_eq!(pa, pb);
            assert!((2048..4096 + 200).contains(&pa.len()), "{}", pa.len());
        }
        let hugo = a.with_extension("hugo");
        write_hugo_layout(&a, &hugo, 60).expect("hugo");
        assert_eq!(
            std::fs::read(hugo.join("content/coll3/page-00002.md")).expect("read"),
            std::fs::read(a.join("_coll3/page-00002.md")).expect("read")
        );
        age_files(&a).expect("age");
        let modified = std::fs::metadata(a.join(page_path(7)))
            .and_then(|m| m.modified())
            .expect("mtime");
        assert_eq!(
            modified,
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(FILE_TIME_SECS)
        );
        for dir in [a, b, hugo] {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    #[test]
    fn preview_pages_reach_their_size() {
        assert!(preview_page(20 * 1024, false).len() >= 20 * 1024);
        assert!(preview_page(1024, true).contains("<img"));
    }

    fn tempfile_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "galley-bench-support-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }
}
