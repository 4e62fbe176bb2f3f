//! Edits through `Document`: each changes only the lines of its field.

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, EditError, FieldPath, FrontMatterError, Value};

fn doc(text: &str, dialect: Dialect) -> Document {
    Document::parse(text.as_bytes(), dialect).expect("utf-8")
}

fn path(p: &str) -> FieldPath {
    FieldPath::parse(p).expect("path")
}

fn text(d: &Document) -> String {
    String::from_utf8(d.to_bytes()).expect("utf-8")
}

/// Sets `p` from typed input and returns the new file text.
fn after_input(src: &str, dialect: Dialect, p: &str, input: &str) -> String {
    let mut d = doc(src, dialect);
    d.set_from_input(&path(p), input).expect("edit accepted");
    text(&d)
}

fn after_set(src: &str, dialect: Dialect, p: &str, value: Value) -> String {
    let mut d = doc(src, dialect);
    d.set(&path(p), &value).expect("edit accepted");
    let out = text(&d);
    let reread = doc(&out, dialect);
    assert_eq!(reread.get(&path(p)), Some(&value), "reads back\n{out}");
    out
}

#[test]
fn yes_no_spelling_is_kept_in_yaml11() {
    let src = "---\ntitle: A\nhidden: yes\n---\nbody\n";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "hidden", "false"),
        "---\ntitle: A\nhidden: no\n---\nbody\n"
    );
    assert_eq!(
        after_set(
            "---\nhidden: Yes\n---\n",
            Dialect::Yaml11,
            "hidden",
            Value::Bool(false)
        ),
        "---\nhidden: No\n---\n"
    );
    assert_eq!(
        after_set(
            "---\nhidden: TRUE\n---\n",
            Dialect::Yaml11,
            "hidden",
            Value::Bool(false)
        ),
        "---\nhidden: FALSE\n---\n"
    );
}

#[test]
fn yes_is_text_in_yaml12_and_stays_text() {
    let d = doc("---\nhidden: yes\n---\n", Dialect::Yaml12);
    assert_eq!(d.get(&path("hidden")), Some(&Value::String("yes".into())));
    assert_eq!(
        after_input("---\nhidden: yes\n---\n", Dialect::Yaml12, "hidden", "no"),
        "---\nhidden: \"no\"\n---\n"
    );
}

#[test]
fn crlf_is_kept_on_the_edited_line_and_new_lines() {
    let src = "---\r\ntitle: Old\r\ntags:\r\n  - a\r\n---\r\nBody\r\n";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "title", "New"),
        "---\r\ntitle: New\r\ntags:\r\n  - a\r\n---\r\nBody\r\n"
    );
    assert_eq!(
        after_input(src, Dialect::Yaml11, "author", "Me"),
        "---\r\ntitle: Old\r\ntags:\r\n  - a\r\nauthor: Me\r\n---\r\nBody\r\n"
    );
}

#[test]
fn bom_is_kept() {
    let src = "\u{feff}---\ntitle: Old\n---\nx";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "title", "New"),
        "\u{feff}---\ntitle: New\n---\nx"
    );
}

#[test]
fn trailing_comment_is_kept() {
    let src = "---\nprio: 3  # lower is sooner\ntitle: \"Hi\" # quoted\n---\n";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "prio", "12"),
        "---\nprio: 12  # lower is sooner\ntitle: \"Hi\" # quoted\n---\n"
    );
    assert_eq!(
        after_input(src, Dialect::Yaml11, "title", "Yo"),
        "---\nprio: 3  # lower is sooner\ntitle: \"Yo\" # quoted\n---\n"
    );
}

#[test]
fn quote_style_is_kept_when_possible() {
    assert_eq!(
        after_input("---\nt: 'a'\n---\n", Dialect::Yaml11, "t", "it's"),
        "---\nt: 'it''s'\n---\n"
    );
    assert_eq!(
        after_input("---\nt: \"a\"\n---\n", Dialect::Yaml11, "t", "b"),
        "---\nt: \"b\"\n---\n"
    );
    assert_eq!(
        after_input("---\nt: a\n---\n", Dialect::Yaml11, "t", "no"),
        "---\nt: \"no\"\n---\n"
    );
    assert_eq!(
        after_input("---\nt: a\n---\n", Dialect::Yaml11, "t", "a: b"),
        "---\nt: \"a: b\"\n---\n"
    );
}

#[test]
fn wrong_input_is_refused_in_plain_words() {
    let mut d = doc("---\nprio: 3\n---\n", Dialect::Yaml11);
    let err = d.set_from_input(&path("prio"), "abc").expect_err("refused");
    assert_eq!(
        err.to_string(),
        "prio is a whole number; \"abc\" is not one."
    );
    assert!(!d.is_changed());
    let mut d = doc("---\ndate: 2024-01-01\n---\n", Dialect::Yaml11);
    assert!(matches!(
        d.set_from_input(&path("date"), "tomorrow"),
        Err(EditError::WrongType { .. })
    ));
    d.set_from_input(&path("date"), "2024-02-29")
        .expect("valid date");
    assert_eq!(text(&d), "---\ndate: 2024-02-29\n---\n");
}

#[test]
fn setting_the_current_display_text_changes_nothing() {
    let src = "---\na: yes\nb: 1.10\nc: 007\nd: ~\ne:\nf: 2024-01-01\ng: 'x'\nh: 0x1F\n---\n";
    let d0 = doc(src, Dialect::Yaml11);
    let Ok(Value::Map(fields)) = d0.fields() else {
        panic!("map")
    };
    for (k, v) in fields {
        let mut d = doc(src, Dialect::Yaml11);
        d.set_from_input(&FieldPath::key(k.clone()), &v.display_text())
            .expect("accepted");
        assert_eq!(text(&d), src, "field {k}");
        assert!(!d.is_changed());
    }
}

#[test]
fn new_field_goes_before_the_closing_fence() {
    let src = "---\ntitle: A\n# end\n---\nbody";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "layout", "post"),
        "---\ntitle: A\n# end\nlayout: post\n---\nbody"
    );
}

#[test]
fn page_without_front_matter_gets_one() {
    assert_eq!(
        after_input("Hello\n", Dialect::Yaml11, "title", "Hi"),
        "---\ntitle: Hi\n---\nHello\n"
    );
    assert_eq!(
        after_input("\u{feff}Hello\r\n", Dialect::Yaml11, "title", "Hi"),
        "\u{feff}---\r\ntitle: Hi\r\n---\r\nHello\r\n"
    );
    assert_eq!(
        after_input("---\n---\nx", Dialect::Yaml11, "title", "Hi"),
        "---\ntitle: Hi\n---\nx"
    );
}

#[test]
fn remove_deletes_only_the_field_lines() {
    let src = "---\na: 1\nb: |\n  one\n  two\nc: 3 # keep\n---\n";
    let mut d = doc(src, Dialect::Yaml11);
    d.remove(&path("b")).expect("removed");
    assert_eq!(text(&d), "---\na: 1\nc: 3 # keep\n---\n");
    d.remove(&path("c")).expect("removed");
    assert_eq!(text(&d), "---\na: 1\n---\n");
    assert!(matches!(
        d.remove(&path("zzz")),
        Err(EditError::NotFound { .. })
    ));
}

#[test]
fn multi_line_text_becomes_a_literal_block() {
    let src = "---\ndesc: short\nnext: 1\n---\n";
    assert_eq!(
        after_set(
            src,
            Dialect::Yaml11,
            "desc",
            Value::String("line one\nline two".into())
        ),
        "---\ndesc: |-\n  line one\n  line two\nnext: 1\n---\n"
    );
    assert_eq!(
        after_set(
            src,
            Dialect::Yaml11,
            "desc",
            Value::String("line one\nline two\n".into())
        ),
        "---\ndesc: |\n  line one\n  line two\nnext: 1\n---\n"
    );
    let block = "---\ndesc: >\n  folded\n  text\nnext: 1\n---\n";
    assert_eq!(
        after_set(
            block,
            Dialect::Yaml11,
            "desc",
            Value::String("new\n".into())
        ),
        "---\ndesc: >\n  new\nnext: 1\n---\n"
    );
    let literal = "---\ndesc: |\n    deep\n    text\nnext: 1\n---\n";
    assert_eq!(
        after_set(
            literal,
            Dialect::Yaml11,
            "desc",
            Value::String("a\nb\n".into())
        ),
        "---\ndesc: |\n    a\n    b\nnext: 1\n---\n"
    );
}

#[test]
fn long_text_is_never_folded() {
    let long = "word ".repeat(60).trim_end().to_owned();
    let out = after_set(
        "---\nt: x\n---\n",
        Dialect::Yaml11,
        "t",
        Value::String(long.clone()),
    );
    assert_eq!(out, format!("---\nt: {long}\n---\n"));
}

#[test]
fn malformed_front_matter_refuses_edits_and_keeps_text() {
    let src = "---\ntitle: \"open\nx: 1\n---\nbody\n";
    let mut d = doc(src, Dialect::Yaml11);
    let err = d.fields().expect_err("malformed").clone();
    assert!(
        matches!(
            err,
            FrontMatterError::UnclosedQuote {
                line: 2,
                quote: '"',
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Line 2: a quote is opened but never closed. Add the closing \" at the end of the value."
    );
    assert!(matches!(
        d.set_from_input(&path("x"), "2"),
        Err(EditError::Malformed(_))
    ));
    assert!(matches!(d.remove(&path("x")), Err(EditError::Malformed(_))));
    assert_eq!(text(&d), src);
    d.set_body("new body\n");
    assert_eq!(d.body(), "new body\n");
}

#[test]
fn null_keeps_its_spelling() {
    assert_eq!(
        after_set("---\na: 1\n---\n", Dialect::Yaml11, "a", Value::Null),
        "---\na: null\n---\n"
    );
    assert_eq!(
        after_input("---\na:\nb: 1\n---\n", Dialect::Yaml11, "a", "x"),
        "---\na: x\nb: 1\n---\n"
    );
    assert_eq!(
        after_set(
            "---\na: x\n---\n",
            Dialect::Yaml11,
            "a",
            Value::String(String::new())
        ),
        "---\na: \"\"\n---\n"
    );
}

#[test]
fn set_body_keeps_line_endings_of_unchanged_lines() {
    let src = "---\r\na: 1\r\n---\r\none\r\ntwo\r\nthree\r\n";
    let mut d = doc(src, Dialect::Yaml11);
    d.set_body("one\ntwo\nthree\n");
    assert!(!d.is_changed());
    d.set_body("one\nTWO\nthree\n");
    assert_eq!(text(&d), "---\r\na: 1\r\n---\r\none\r\nTWO\r\nthree\r\n");
    d.set_body("one\nTWO\nthree");
    assert_eq!(text(&d), "---\r\na: 1\r\n---\r\none\r\nTWO\r\nthree");
    let mixed = "---\na: 1\n---\nx\r\ny\nz\r\n";
    let mut d = doc(mixed, Dialect::Yaml11);
    d.set_body("x\ny\nz\nw\n");
    assert_eq!(text(&d), "---\na: 1\n---\nx\r\ny\nz\r\nw\n");
}

#[test]
fn empty_value_followed_by_a_comment_or_blanks() {
    let src = "---\nkey: # fill me\nnext: 1\n---\n";
    assert_eq!(
        after_input(src, Dialect::Yaml11, "key", "x"),
        "---\nkey: x # fill me\nnext: 1\n---\n"
    );
    assert_eq!(
        after_set(src, Dialect::Yaml11, "key", Value::String("a\nb".into())),
        "---\nkey: |- # fill me\n  a\n  b\nnext: 1\n---\n"
    );
    let src = "---\nkey:   \nnext: 1\n---\n";
    assert_eq!(
        after_set(src, Dialect::Yaml11, "key", Value::String("a\nb".into())),
        "---\nkey: |-\n  a\n  b\nnext: 1\n---\n"
    );
}

/// Fuzz finding: page `+++\n+++` read with Yaml11 (TOML front matter),
/// `set_from_input("new", "+++\n")`: the value was written as a multi-line string whose
/// `+++` line ended the front matter on the next read.
#[test]
fn toml_empty_page_set_new_to_fence_line() {
    let mut d = doc("+++\n+++", Dialect::Yaml11);
    d.set_from_input(&path("new"), "+++\n").expect("accepted");
    assert_eq!(text(&d), "+++\nnew = \"+++\\n\"\n+++");
    let again = doc(&text(&d), Dialect::Yaml11);
    assert_eq!(
        again.get(&path("new")),
        Some(&Value::String("+++\n".into()))
    );
}

/// No line of the front matter may read as a fence, whatever the text holds; the page
/// must split the same way again with the body untouched.
#[test]
fn values_holding_fence_lines_keep_the_front_matter_closed() {
    let texts = [
        "+++\n",
        "+++",
        "a\n+++\nb",
        "a\n+++  \t\nb",
        "a\n+++\r\nb",
        "---\n",
        "a\n---\nb",
        "a\n--- \n",
        "a\n...\nb",
        "\n+++\n",
        "x = 3\n+++\nBody\u{7}\")",
    ];
    let pages = [
        ("+++\n+++", "new"),
        ("+++\nz = 1\n+++\nbody\n+++\nmore\n", "new"),
        ("+++\r\ntitle = \"t\"\r\nz = 1\r\n+++\r\nbody\r\n", "title"),
        (
            "+++\n[contact]\nemail = \"x\"\n+++\nbody\n",
            "contact.email",
        ),
        ("+++\ntags = [\"a\"]\n+++\nbody\n", "tags[0]"),
        ("---\nz: 1\n---\nbody\n---\nmore\n", "new"),
        ("---\ntitle: t\nz: 1\n---\nbody\n", "title"),
        ("---\ntags: [a, b]\nz: 1\n---\nbody\n", "tags[0]"),
        ("---\nm: {a: 1}\nz: 1\n---\nbody\n", "m.a"),
        ("body only\n", "new"),
    ];
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        for (page, field) in pages {
            for t in texts {
                let original = doc(page, dialect);
                let mut d = original.clone();
                let value = Value::String(t.to_owned());
                if let Err(e) = d.set(&path(field), &value) {
                    panic!("{dialect:?} {page:?} {field} {t:?}: refused: {e}");
                }
                let out = text(&d);
                let again = doc(&out, dialect);
                assert_eq!(again.body(), original.body(), "{t:?}:\n{out}");
                assert_eq!(again.get(&path(field)), Some(&value), "{t:?}:\n{out}");
                assert_eq!(
                    again.get(&path("z")),
                    original.get(&path("z")),
                    "{t:?}:\n{out}"
                );
            }
        }
    }
}

/// Fuzz findings: a new field lined up with a key after a lone `\r` (a line break for
/// YAML) or after a byte order mark was indented one column too deep, so the page no
/// longer read. Both are now refused or written correctly, never saved broken.
#[test]
fn new_field_after_lone_cr_or_bom_lines_up() {
    for (page, want) in [
        ("---\n\rxt: 0\n---\n", "---\n\rxt: 0\ntitle: x\n---\n"),
        (
            "---\n\u{feff}SEtitle: A\n---\n",
            "---\n\u{feff}SEtitle: A\ntitle: x\n---\n",
        ),
    ] {
        for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
            assert_eq!(after_input(page, dialect, "title", "x"), want);
            let mut d = doc(page, dialect);
            d.set_from_input(&path("title"), "").expect("accepted");
            let again = doc(&text(&d), dialect);
            assert_eq!(again.get(&path("title")), Some(&Value::Null));
        }
    }
}

/// The safety net refuses with `NotRoundTrip` (a plain message, never a panic, in
/// debug builds too) and leaves the text untouched.
#[test]
fn not_round_trip_is_refused_without_panicking() {
    // A "date" that holds a time is written as TOML's date-time, which reads back
    // as a date and time, not as the date the edit asked for.
    let src = "+++\nd = 2024-01-01T10:00:00\nz = 1\n+++\nbody\n";
    let mut d = doc(src, Dialect::Yaml12);
    let err = d
        .set(&path("d"), &Value::Date("2024-01-02 10:00:00".into()))
        .expect_err("refused");
    assert!(matches!(err, EditError::NotRoundTrip { .. }), "{err:?}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(text(&d), src);
}

#[test]
fn a_date_time_keeps_its_spelling_and_quotes() {
    let src = "---\ndate: 2025-02-01 10:30:00 +0100\nutc: 2025-02-01T10:30:00Z\nshort: 2025-02-01 10:30 +0100\nquoted: \"2025-02-01 10:30:00\"\n---\n";
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        let d = doc(src, dialect);
        assert_eq!(
            d.get(&path("date")),
            Some(&Value::DateTime("2025-02-01 10:30:00 +0100".into()))
        );
        // Without seconds it is text to a YAML reader (Jekyll still reads a time).
        assert_eq!(
            d.get(&path("short")),
            Some(&Value::String("2025-02-01 10:30 +0100".into()))
        );
        let mut changed = src.to_owned();
        for (key, after) in [
            ("date", "2025-02-01 11:45:00 +0100"),
            ("utc", "2025-02-01T11:45:00Z"),
            ("short", "2025-02-01 11:45 +0100"),
            ("quoted", "2025-02-01 11:45:00"),
        ] {
            changed = after_input(&changed, dialect, key, after);
        }
        assert_eq!(
            changed,
            "---\ndate: 2025-02-01 11:45:00 +0100\nutc: 2025-02-01T11:45:00Z\nshort: 2025-02-01 11:45 +0100\nquoted: \"2025-02-01 11:45:00\"\n---\n"
        );
    }
}

#[test]
fn a_decimal_field_takes_a_decimal_comma_and_refuses_other_spellings() {
    let src = "---\nratio: 2.5\n---\n";
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        assert_eq!(
            after_input(src, dialect, "ratio", "3,5"),
            "---\nratio: 3.5\n---\n"
        );
        assert_eq!(
            after_input(src, dialect, "ratio", "-0.25"),
            "---\nratio: -0.25\n---\n"
        );
        assert_eq!(
            after_input(src, dialect, "ratio", "4"),
            "---\nratio: 4.0\n---\n"
        );
        for wrong in [
            "0x10", "010", "1_000.5", "1,000.5", "1:30", "3,", ",5", "3.5.1", "three", "0b11", "1e",
        ] {
            let mut d = doc(src, dialect);
            assert!(
                matches!(
                    d.set_from_input(&path("ratio"), wrong),
                    Err(EditError::WrongType { .. })
                ),
                "{wrong:?} in {dialect:?}"
            );
            assert_eq!(text(&d), src, "{wrong:?} left the page alone");
        }
    }
}
