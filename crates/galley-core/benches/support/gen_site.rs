//! A deterministic, realistic Jekyll site for benchmarks: ~20 collections, pages of
//! 2–4 KB with front matter like the AIDA site's (dates, years, yes/no, URLs, images,
//! lists, nested groups, comments).

#![allow(dead_code)]

use std::path::Path;

/// The collections of the generated site.
pub const COLLECTIONS: usize = 20;

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

/// The text of page `i` of collection `c`.
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

/// Writes a site of `pages` pages into `root`.
pub fn write_site(root: &Path, pages: usize) {
    let mut config = String::from("title: Bench\ncollections:\n");
    for c in 0..COLLECTIONS {
        config.push_str(&format!("  coll{c}:\n    output: true\n"));
    }
    std::fs::create_dir_all(root.join("assets/icons")).expect("mkdir");
    std::fs::write(root.join("_config.yml"), config).expect("config");
    for c in 0..COLLECTIONS {
        std::fs::create_dir_all(root.join(format!("_coll{c}"))).expect("mkdir");
        for k in 0..5 {
            std::fs::write(root.join(format!("assets/icons/c{c}-{k}.png")), b"PNG").expect("png");
        }
    }
    for n in 0..pages {
        let c = n % COLLECTIONS;
        let i = n / COLLECTIONS;
        let path = root.join(format!("_coll{c}/page-{i:05}.md"));
        std::fs::write(path, page(n as u64 + 1, c, i)).expect("page");
    }
}

/// A page with a front matter of about `lines` lines, for edit benchmarks.
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
