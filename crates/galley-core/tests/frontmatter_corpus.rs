//! Round trips over real pages: the sample site in `content/` and, when present, the
//! AIDA site corpus (read only). Unedited pages are byte-identical, and every edit of a
//! top-level field changes only that field's lines.

use std::path::{Path, PathBuf};

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, FieldPath, Value};

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if !root.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = entry.path();
        let is_page = p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "md" | "markdown" | "html"));
        if is_page && entry.file_type().is_file() {
            out.push(p.to_path_buf());
        }
    }
    out.sort();
    out
}

/// Lines that differ between two texts once the common first and last lines are set
/// aside: (old lines, new lines).
fn changed_lines<'a>(old: &'a str, new: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut p = 0;
    while p < a.len().min(b.len()) && a[p] == b[p] {
        p += 1;
    }
    let mut s = 0;
    while s < (a.len() - p).min(b.len() - p) && a[a.len() - 1 - s] == b[b.len() - 1 - s] {
        s += 1;
    }
    (a[p..a.len() - s].to_vec(), b[p..b.len() - s].to_vec())
}

fn others_unchanged(before: &Value, after: &Value, key: &str, file: &Path) {
    let (Value::Map(b), Value::Map(a)) = (before, after) else {
        panic!("{}: maps", file.display())
    };
    let strip = |m: &Vec<(String, Value)>| {
        m.iter()
            .filter(|(k, _)| k != key)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(
        Value::Map(strip(b)).same_as(&Value::Map(strip(a))),
        "{}: other fields changed editing {key}",
        file.display()
    );
}

/// Checks one page; returns how many edits were tried.
fn check(file: &Path, dialect: Dialect) -> usize {
    let Ok(bytes) = std::fs::read(file) else {
        return 0;
    };
    let doc = Document::parse(&bytes, dialect).expect("pages are UTF-8");
    assert_eq!(
        doc.to_bytes(),
        bytes,
        "{}: unedited round trip",
        file.display()
    );
    let Ok(fields) = doc.fields() else { return 0 };
    let original = String::from_utf8(bytes.clone()).expect("utf-8");
    let Value::Map(entries) = fields.clone() else {
        return 0;
    };
    let mut edits = 0;
    for (key, value) in &entries {
        let path = FieldPath::key(key.clone());
        if value.is_collection() {
            continue;
        }
        // Typing the shown text back changes at most two lines (normally none).
        let mut d = doc.clone();
        d.set_from_input(&path, &value.display_text())
            .unwrap_or_else(|e| panic!("{}: {key}: {e}", file.display()));
        let out = String::from_utf8(d.to_bytes()).expect("utf-8");
        let (old, new) = changed_lines(&original, &out);
        assert!(
            old.len() <= 2 && new.len() <= 2,
            "{}: retyping {key} changed {old:?} -> {new:?}",
            file.display()
        );
        // A new value changes only this field's lines.
        let new_value = match value {
            Value::Bool(b) => Value::Bool(!b),
            Value::Int(i) => Value::Int(i.wrapping_add(1)),
            Value::Float(f) => Value::Float(f + 1.0),
            Value::Date(_) => Value::Date("2001-02-03".into()),
            _ => Value::String("Galley: edited ✓".into()),
        };
        let mut d = doc.clone();
        d.set(&path, &new_value)
            .unwrap_or_else(|e| panic!("{}: {key}: {e}", file.display()));
        let out = String::from_utf8(d.to_bytes()).expect("utf-8");
        let (old, new) = changed_lines(&original, &out);
        let old_block = old.len() > 1;
        assert!(
            (old.len() == 1 && new.len() == 1) || (old_block && new.len() <= old.len()),
            "{}: setting {key} changed {old:?} -> {new:?}",
            file.display()
        );
        if let (Value::Bool(_), [line]) = (value, new.as_slice()) {
            let was = old[0].to_ascii_lowercase();
            if was.contains("yes") || was.contains("no") {
                assert!(
                    line.contains("yes") || line.contains("no"),
                    "{}: spelling {line}",
                    file.display()
                );
            }
        }
        let again = Document::parse(out.as_bytes(), dialect).expect("utf-8");
        assert_eq!(
            again.get(&path),
            Some(&new_value),
            "{}: {key} reads back",
            file.display()
        );
        others_unchanged(fields, again.fields().expect("still valid"), key, file);
        assert!(
            out.ends_with(&doc.body().to_owned()),
            "{}: body kept",
            file.display()
        );
        // Removing it removes only its lines.
        let mut d = doc.clone();
        d.remove(&path)
            .unwrap_or_else(|e| panic!("{}: remove {key}: {e}", file.display()));
        let again = Document::parse(&d.to_bytes(), dialect).expect("utf-8");
        assert_eq!(again.get(&path), None);
        others_unchanged(
            fields,
            &{
                let mut v = again.fields().expect("valid").clone();
                if let Value::Map(m) = &mut v {
                    m.push((key.clone(), value.clone()));
                }
                v
            },
            key,
            file,
        );
        edits += 3;
    }
    edits
}

fn run(root: &Path, dialect: Dialect) -> (usize, usize) {
    let files = pages(root);
    let edits = files.iter().map(|f| check(f, dialect)).sum();
    (files.len(), edits)
}

#[test]
fn sample_site_round_trips() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (files, edits) = run(&root, Dialect::Yaml11);
    eprintln!("content/: {files} pages, {edits} edits checked");
}

/// The real AIDA pages, in shared/ beside the project's checkout.
fn aida_corpus() -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/aida-site");
    assert!(
        root.is_dir(),
        "the AIDA corpus is expected at {}",
        root.display()
    );
    root
}

#[test]
fn aida_corpus_round_trips() {
    let root = aida_corpus();
    let (files, edits) = run(&root, Dialect::Yaml11);
    eprintln!("aida-site: {files} pages, {edits} edits checked");
}

#[test]
fn aida_corpus_reads_in_yaml12_too() {
    let root = aida_corpus();
    for file in pages(&root) {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let doc = Document::parse(&bytes, Dialect::Yaml12).expect("utf-8");
        assert_eq!(doc.to_bytes(), bytes);
    }
}
