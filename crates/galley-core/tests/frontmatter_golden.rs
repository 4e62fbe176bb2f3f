//! Golden tests over `tests/fixtures/frontmatter/<case>/`: `input.md` (+ `dialect.txt`)
//! must round-trip byte for byte; then either `error.txt` holds the expected problem
//! (`line:column message`), or `fields.json` the typed view and `expected.md` the file
//! after the edits in `edits.txt`. Run with `GALLEY_BLESS=1` to rewrite the goldens
//! after an intended change, and review the diff.

use std::path::Path;

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, FieldPath, Value};

fn bless() -> bool {
    std::env::var_os("GALLEY_BLESS").is_some()
}

fn check_golden(file: &Path, actual: &[u8]) {
    if bless() {
        std::fs::write(file, actual).expect("write golden");
        return;
    }
    let expected =
        std::fs::read(file).unwrap_or_else(|_| panic!("missing golden {}", file.display()));
    assert_eq!(
        String::from_utf8_lossy(actual),
        String::from_utf8_lossy(&expected),
        "{}",
        file.display()
    );
    assert_eq!(actual, expected.as_slice(), "{} (bytes)", file.display());
}

/// Splits `path rest` where the path may hold quoted names with spaces.
fn split_path(line: &str) -> (&str, &str) {
    let mut in_quotes = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ' ' if !in_quotes => return (&line[..i], &line[i + 1..]),
            _ => {}
        }
    }
    (line, "")
}

fn apply_edits(doc: &mut Document, edits: &str, case: &str) {
    for line in edits.lines().filter(|l| !l.trim().is_empty()) {
        let (op, rest) = line.split_once(' ').unwrap_or((line, ""));
        let (path_text, arg) = split_path(rest);
        let path = FieldPath::parse(path_text).unwrap_or_else(|e| panic!("{case}: {e}"));
        let arg = arg.replace("\\n", "\n");
        let result = match op {
            "set_input" => doc.set_from_input(&path, &arg),
            "set_text" => doc.set(&path, &Value::String(arg)),
            "remove" => doc.remove(&path),
            "insert" => {
                let (index, text) = arg.split_once(' ').unwrap_or((arg.as_str(), ""));
                doc.insert_item(
                    &path,
                    index.parse().unwrap_or(0),
                    &Value::String(text.to_owned()),
                )
            }
            "move" => {
                let (from, to) = arg.split_once(' ').unwrap_or(("0", "0"));
                doc.move_item(&path, from.parse().unwrap_or(0), to.parse().unwrap_or(0))
            }
            other => panic!("{case}: unknown edit {other}"),
        };
        result.unwrap_or_else(|e| panic!("{case}: {line}: {e}"));
    }
}

#[test]
fn golden_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/frontmatter");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "fixtures present");
    for dir in cases {
        let case = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let input = std::fs::read(dir.join("input.md")).expect("input.md");
        let dialect = match std::fs::read_to_string(dir.join("dialect.txt")) {
            Ok(d) if d.trim() == "yaml12" => Dialect::Yaml12,
            _ => Dialect::Yaml11,
        };
        let mut doc = Document::parse(&input, dialect).expect("utf-8");
        assert_eq!(doc.to_bytes(), input, "{case}: unedited round trip");
        if case.starts_with("malformed") {
            let err = doc.fields().expect_err("malformed fixture").clone();
            let (line, column) = err.location();
            check_golden(
                &dir.join("error.txt"),
                format!("{line}:{column} {err}\n").as_bytes(),
            );
            assert!(
                doc.set_from_input(&FieldPath::key("title"), "x").is_err(),
                "{case}: edits refused"
            );
            assert_eq!(doc.to_bytes(), input, "{case}: text untouched");
            continue;
        }
        let fields = doc.fields().unwrap_or_else(|e| panic!("{case}: {e}"));
        let json = serde_json::to_string_pretty(fields).expect("json") + "\n";
        check_golden(&dir.join("fields.json"), json.as_bytes());
        let edits = std::fs::read_to_string(dir.join("edits.txt")).unwrap_or_default();
        apply_edits(&mut doc, &edits, &case);
        check_golden(&dir.join("expected.md"), &doc.to_bytes());
        let again = Document::parse(&doc.to_bytes(), dialect).expect("utf-8");
        assert_eq!(
            again.fields().ok(),
            doc.fields().ok(),
            "{case}: edited page reads back the same"
        );
    }
}
