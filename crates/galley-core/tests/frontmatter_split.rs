//! Table tests for cutting a page into fences, front matter and body.

use galley_core::document::Document;
use galley_core::frontmatter::{split, Dialect, Format};

/// (name, input, format, front matter, body, closed)
type Case = (
    &'static str,
    &'static str,
    Option<Format>,
    &'static str,
    &'static str,
    bool,
);

const CASES: &[Case] = &[
    (
        "yaml",
        "---\na: 1\n---\nbody\n",
        Some(Format::Yaml),
        "a: 1\n",
        "body\n",
        true,
    ),
    (
        "yaml closed by dots",
        "---\na: 1\n...\nbody",
        Some(Format::Yaml),
        "a: 1\n",
        "body",
        true,
    ),
    (
        "toml",
        "+++\na = 1\n+++\nbody",
        Some(Format::Toml),
        "a = 1\n",
        "body",
        true,
    ),
    (
        "toml not closed by dashes",
        "+++\na = 1\n---\nx\n+++\n",
        Some(Format::Toml),
        "a = 1\n---\nx\n",
        "",
        true,
    ),
    (
        "no front matter",
        "# Title\n---\ntext\n",
        None,
        "",
        "# Title\n---\ntext\n",
        true,
    ),
    (
        "empty front matter",
        "---\n---\nbody",
        Some(Format::Yaml),
        "",
        "body",
        true,
    ),
    (
        "crlf",
        "---\r\na: 1\r\n---\r\nbody\r\n",
        Some(Format::Yaml),
        "a: 1\r\n",
        "body\r\n",
        true,
    ),
    (
        "mixed endings",
        "---\na: 1\r\n---\nb\r\nc\n",
        Some(Format::Yaml),
        "a: 1\r\n",
        "b\r\nc\n",
        true,
    ),
    (
        "no final newline",
        "---\na: 1\n---",
        Some(Format::Yaml),
        "a: 1\n",
        "",
        true,
    ),
    (
        "body with rules",
        "---\na: 1\n---\none\n---\ntwo\n---\n",
        Some(Format::Yaml),
        "a: 1\n",
        "one\n---\ntwo\n---\n",
        true,
    ),
    (
        "trailing blanks on fences",
        "--- \t\na: 1\n---  \nbody",
        Some(Format::Yaml),
        "a: 1\n",
        "body",
        true,
    ),
    (
        "longer dashes are no fence",
        "----\na: 1\n----\n",
        None,
        "",
        "----\na: 1\n----\n",
        true,
    ),
    (
        "fence text after dashes",
        "--- x\na\n",
        None,
        "",
        "--- x\na\n",
        true,
    ),
    (
        "unclosed",
        "---\na: 1\n",
        Some(Format::Yaml),
        "a: 1\n",
        "",
        false,
    ),
    ("only a fence without newline", "---", None, "", "---", true),
    ("empty file", "", None, "", "", true),
    (
        "dashes inside a value line",
        "---\na: ---\n---\n",
        Some(Format::Yaml),
        "a: ---\n",
        "",
        true,
    ),
];

#[test]
fn split_table() {
    for (name, input, format, fm, body, closed) in CASES {
        for bom in ["", "\u{feff}"] {
            let text = format!("{bom}{input}");
            let s = split(&text);
            assert_eq!(s.bom, bom, "{name}");
            assert_eq!(s.format, *format, "{name}");
            assert_eq!(s.front_matter, *fm, "{name}");
            assert_eq!(s.body, *body, "{name}");
            assert_eq!(s.closed, *closed, "{name}");
            let joined = [s.bom, s.open, s.front_matter, s.close, s.body].concat();
            assert_eq!(joined, text, "{name}: pieces give back the input");
            let d = Document::parse(text.as_bytes(), Dialect::Yaml11).expect("utf-8");
            assert_eq!(d.to_bytes(), text.as_bytes(), "{name}: byte-identical");
            assert!(!d.is_changed(), "{name}");
            assert_eq!(d.body(), if *closed { *body } else { "" }, "{name}");
        }
    }
}

#[test]
fn body_line_start_points_after_the_closing_fence() {
    let cases = [
        ("---\na: 1\nb: 2\n---\nbody", 5),
        ("no fm\n", 1),
        ("\u{feff}---\r\n---\r\nx", 3),
        ("+++\n+++\n", 3),
    ];
    for (text, line) in cases {
        let d = Document::parse(text.as_bytes(), Dialect::Yaml12).expect("utf-8");
        assert_eq!(d.body_line_start(), line, "{text:?}");
    }
}

#[test]
fn empty_front_matter_has_no_fields() {
    let d = Document::parse(b"---\n---\n", Dialect::Yaml11).expect("utf-8");
    assert_eq!(d.fields().map(|v| v.display_text()), Ok(String::new()));
    let d = Document::parse(b"---\n# only a comment\n---\n", Dialect::Yaml11).expect("utf-8");
    assert!(d.fields().is_ok());
}
