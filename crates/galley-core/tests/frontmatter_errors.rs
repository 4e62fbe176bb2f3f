//! Problems in front matter are reported in plain words at the right file position.

use galley_core::document::{Document, DocumentError};
use galley_core::frontmatter::{Dialect, FrontMatterError};

fn error(text: &str) -> FrontMatterError {
    let d = Document::parse(text.as_bytes(), Dialect::Yaml11).expect("utf-8");
    let err = d.fields().expect_err("should be malformed").clone();
    assert_eq!(d.to_bytes(), text.as_bytes(), "text kept");
    err
}

#[test]
fn unclosed_quotes() {
    let e = error("---\ntitle: ok\nsub: 'never\nx: 1\n---\n");
    assert_eq!(
        e,
        FrontMatterError::UnclosedQuote {
            line: 3,
            column: 6,
            quote: '\''
        }
    );
    let e = error("\u{feff}---\r\na: 1\r\n\r\nb: \"x\r\n---\r\nbody");
    assert!(
        matches!(
            e,
            FrontMatterError::UnclosedQuote {
                line: 4,
                column: 4,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn tab_indentation() {
    let e = error("---\na: 1\n\tb: 2\n---\n");
    assert_eq!(e, FrontMatterError::TabIndentation { line: 3, column: 1 });
    assert_eq!(
        e.to_string(),
        "Line 3: this line is indented with a tab. Indent with spaces instead."
    );
    let e = error("---\nlist:\n\t- a\n---\n");
    assert!(
        matches!(e, FrontMatterError::TabIndentation { line: 3, .. }),
        "{e:?}"
    );
}

#[test]
fn duplicate_keys_name_both_lines() {
    let e = error("---\ntitle: a\nx: 1\ntitle: b\n---\n");
    assert_eq!(
        e,
        FrontMatterError::DuplicateKey {
            key: "title".into(),
            first_line: 2,
            line: 4,
            column: 1
        }
    );
    assert_eq!(
        e.to_string(),
        "Line 4: the field \"title\" appears twice (first on line 2). Keep only one of them."
    );
}

#[test]
fn bad_indentation() {
    let e = error("---\na:\n  b: 1\n c: 2\n---\n");
    assert!(
        matches!(e, FrontMatterError::BadIndentation { line: 4, .. }),
        "{e:?}"
    );
    let e = error("---\ntitle: a: b\n---\n");
    assert!(
        matches!(e, FrontMatterError::Syntax { line: 2, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("put the whole value in quotes"));
}

#[test]
fn unclosed_front_matter() {
    let e = error("---\ntitle: a\nno closing\n");
    assert_eq!(
        e,
        FrontMatterError::Unclosed {
            line: 1,
            fence: "---".into()
        }
    );
}

#[test]
fn front_matter_that_is_not_fields() {
    let e = error("---\n- a\n- b\n---\n");
    assert!(
        matches!(e, FrontMatterError::NotAMapping { line: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn non_utf8_is_refused() {
    let e = Document::parse(&[0xFF, 0xFE, b'-', 0], Dialect::Yaml11).expect_err("utf-16");
    assert!(e.to_string().starts_with("This file is not UTF-8 text"));
    assert!(matches!(
        Document::parse(b"---\na: \xE9\n---\n", Dialect::Yaml11),
        Err(DocumentError::NotUtf8 { .. })
    ));
}

#[test]
fn non_ascii_text_before_an_error_counts_characters() {
    let e = error("---\ntitre: «été»\nsub: \"x\n---\n");
    assert!(
        matches!(
            e,
            FrontMatterError::UnclosedQuote {
                line: 3,
                column: 6,
                ..
            }
        ),
        "{e:?}"
    );
}
