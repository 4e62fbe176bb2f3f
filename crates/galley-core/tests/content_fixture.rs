//! content/ is the demo site and the fixture every suite relies on: these
//! checks keep its deliberate quirks from being "tidied" away.

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, Value};
use galley_core::site::Site;
use std::path::{Path, PathBuf};

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn pages_in(folder: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(content().join(folder))
        .expect("folder")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            out.push((name, std::fs::read(entry.path()).expect("read")));
        }
    }
    out
}

fn keys(bytes: &[u8]) -> Vec<String> {
    match Document::parse(bytes, Dialect::Yaml11)
        .expect("utf-8")
        .fields()
    {
        Ok(Value::Map(entries)) => entries.iter().map(|(k, _)| k.clone()).collect(),
        other => panic!("front matter: {other:?}"),
    }
}

#[test]
fn engagements_have_the_aida_fields() {
    let pages = pages_in("_engagements");
    assert!(pages.len() >= 6, "at least 6 engagements");
    let wanted = [
        "title",
        "description",
        "role",
        "ongoing",
        "start",
        "end",
        "website",
        "logo",
        "prio",
    ];
    for (name, bytes) in &pages {
        assert_eq!(keys(bytes), wanted, "{name}");
    }
    let texts: Vec<String> = pages
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).replace("\r\n", "\n"))
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("\nend:\n")),
        "some end is empty"
    );
    assert!(
        texts.iter().any(|t| t.contains("\nprio:\n")),
        "one prio is empty"
    );
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.lines().any(|l| l.len() == 11 && l.starts_with("start: ")))
            .count(),
        1,
        "one start is a bare year"
    );
    let aida = std::fs::read_to_string(content().join("_engagements/aida.md")).expect("aida");
    for piece in ["{#join}", "{: .lead}", "<img ", "<script>", "](/datasets/)"] {
        assert!(aida.contains(piece), "aida.md has {piece}");
    }
}

#[test]
fn datasets_are_nested_and_yaml_1_1() {
    let pages = pages_in("_datasets");
    assert!(pages.len() >= 4);
    for (name, bytes) in &pages {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            text.contains("hidden: yes") || text.contains("hidden: no"),
            "{name}"
        );
        assert!(text.contains(": |"), "{name} has a block scalar");
        let front: Vec<&str> = text
            .lines()
            .skip(1)
            .take_while(|l| l.trim_end() != "---")
            .collect();
        assert!(
            front
                .iter()
                .any(|l| l.contains(" #") || l.trim_start().starts_with('#')),
            "{name} has a comment"
        );
    }
}

#[test]
fn line_ending_and_encoding_quirks_are_present() {
    let mut crlf = 0;
    let mut no_final_newline = 0;
    let mut bom = 0;
    for entry in walk(&content()) {
        if entry.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(&entry).expect("read");
            crlf += usize::from(bytes.windows(2).any(|w| w == b"\r\n"));
            no_final_newline += usize::from(!bytes.ends_with(b"\n"));
            bom += usize::from(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        }
    }
    assert!(
        crlf >= 2 && no_final_newline >= 1 && bom >= 1,
        "crlf {crlf}, no final newline {no_final_newline}, bom {bom}"
    );
}

#[test]
fn every_logo_and_photo_exists_and_the_site_opens() {
    let site = Site::open(&content()).expect("open");
    for collection in ["engagements", "datasets", "people", "news"] {
        assert!(
            site.collections.iter().any(|c| c.id == collection),
            "{collection}"
        );
    }
    for (name, bytes) in pages_in("_engagements")
        .into_iter()
        .chain(pages_in("_people"))
    {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for line in text
            .lines()
            .filter(|l| l.starts_with("logo: /") || l.starts_with("photo: /"))
        {
            let path = line
                .split_once(": /")
                .map(|(_, p)| p.trim())
                .unwrap_or_default();
            assert!(content().join(path).is_file(), "{name}: {path} missing");
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
