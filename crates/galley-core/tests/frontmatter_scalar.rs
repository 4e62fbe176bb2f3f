//! Table tests for reading plain words per dialect and writing text that reads back.

use galley_core::document::Document;
use galley_core::frontmatter::yaml_scalar::{
    block_scalar, resolve_plain, write_bool, write_text_inline, QuoteStyle,
};
use galley_core::frontmatter::{Dialect, FieldPath, Value};

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

#[test]
fn resolve_table() {
    use Dialect::{Yaml11 as Y11, Yaml12 as Y12};
    let f = Value::Float;
    let cases: Vec<(&str, Value, Value)> = vec![
        ("yes", Value::Bool(true), s("yes")),
        ("No", Value::Bool(false), s("No")),
        ("ON", Value::Bool(true), s("ON")),
        ("off", Value::Bool(false), s("off")),
        ("True", Value::Bool(true), Value::Bool(true)),
        ("FALSE", Value::Bool(false), Value::Bool(false)),
        ("y", s("y"), s("y")),
        ("~", Value::Null, Value::Null),
        ("null", Value::Null, Value::Null),
        ("", Value::Null, Value::Null),
        ("42", Value::Int(42), Value::Int(42)),
        ("-7", Value::Int(-7), Value::Int(-7)),
        ("007", Value::Int(7), Value::Int(7)),
        ("010", Value::Int(8), Value::Int(10)),
        ("08", s("08"), Value::Int(8)),
        ("0x1F", Value::Int(31), Value::Int(31)),
        ("0o17", s("0o17"), Value::Int(15)),
        ("1_000", Value::Int(1000), s("1_000")),
        ("1,000", Value::Int(1000), s("1,000")),
        ("1:30", Value::Int(90), s("1:30")),
        ("1.10", f(1.1), f(1.1)),
        ("1e5", s("1e5"), f(100000.0)),
        (".inf", f(f64::INFINITY), f(f64::INFINITY)),
        ("-.inf", f(f64::NEG_INFINITY), f(f64::NEG_INFINITY)),
        (
            "2024-01-01",
            Value::Date("2024-01-01".into()),
            Value::Date("2024-01-01".into()),
        ),
        ("2024-02-30", s("2024-02-30"), s("2024-02-30")),
        ("2024-1-5", Value::Date("2024-1-5".into()), s("2024-1-5")),
        (
            "2024-01-01 10:00:00 +01:00",
            Value::DateTime("2024-01-01 10:00:00 +01:00".into()),
            Value::DateTime("2024-01-01 10:00:00 +01:00".into()),
        ),
        (
            "2001-12-14t21:59:43.10-05:00",
            Value::DateTime("2001-12-14t21:59:43.10-05:00".into()),
            Value::DateTime("2001-12-14t21:59:43.10-05:00".into()),
        ),
        ("hello world", s("hello world"), s("hello world")),
        ("Yesterday", s("Yesterday"), s("Yesterday")),
        (":sym", s(":sym"), s(":sym")),
    ];
    for (text, v11, v12) in cases {
        assert!(
            resolve_plain(text, Y11).same_as(&v11),
            "1.1 {text:?}: {:?}",
            resolve_plain(text, Y11)
        );
        assert!(
            resolve_plain(text, Y12).same_as(&v12),
            "1.2 {text:?}: {:?}",
            resolve_plain(text, Y12)
        );
    }
    assert!(matches!(resolve_plain(".nan", Y11), Value::Float(x) if x.is_nan()));
}

/// Each text, written into a field, must read back as that same text in both dialects.
#[test]
fn write_text_table() {
    let cases: &[(&str, &str)] = &[
        ("plain words", "plain words"),
        ("no", "\"no\""),
        ("yes", "\"yes\""),
        ("on", "\"on\""),
        ("off", "\"off\""),
        ("y", "y"),
        ("null", "\"null\""),
        ("~", "\"~\""),
        ("true", "\"true\""),
        ("1.10", "\"1.10\""),
        ("007", "\"007\""),
        ("0x1F", "\"0x1F\""),
        ("1,000", "\"1,000\""),
        ("12:30", "\"12:30\""),
        ("2024-01-01", "\"2024-01-01\""),
        (".inf", "\".inf\""),
        ("", "\"\""),
        ("a: b", "\"a: b\""),
        ("a #b", "\"a #b\""),
        ("a#b", "a#b"),
        (" lead", "\" lead\""),
        ("trail ", "\"trail \""),
        ("*star", "\"*star\""),
        ("&amp", "\"&amp\""),
        ("!bang", "\"!bang\""),
        ("|pipe", "\"|pipe\""),
        (">gt", "\">gt\""),
        ("'q", "\"'q\""),
        ("\"dq", "\"\\\"dq\""),
        ("%pc", "\"%pc\""),
        ("@at", "\"@at\""),
        ("`tick", "\"`tick\""),
        ("- dash", "\"- dash\""),
        ("-dash", "-dash"),
        ("? q", "\"? q\""),
        (": c", "\": c\""),
        ("[x", "\"[x\""),
        ("{x", "\"{x\""),
        (",x", "\",x\""),
        ("bell\u{7}", "\"bell\\u0007\""),
        ("back\\slash", "back\\slash"),
        ("http://x.org/a?b=c#d", "http://x.org/a?b=c#d"),
        ("ends with colon:", "\"ends with colon:\""),
        ("Ünïcode ✓", "Ünïcode ✓"),
        (":sym", "\":sym\""),
        ("---x", "\"---x\""),
    ];
    for (input, expected) in cases {
        assert_eq!(
            write_text_inline(input, QuoteStyle::Plain, false),
            *expected,
            "{input:?}"
        );
        for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
            let page = format!("---\nk: {expected}\n---\n");
            let d = Document::parse(page.as_bytes(), dialect).expect("utf-8");
            assert_eq!(
                d.get(&FieldPath::key("k")),
                Some(&s(input)),
                "{dialect:?} {page}"
            );
        }
    }
}

#[test]
fn set_text_round_trips_in_both_dialects() {
    let texts = [
        "no",
        "multi\nline",
        "multi\nline\n",
        "two\n\n",
        " lead\nx",
        "tab\tin",
        "\ttab lead\nx",
        "a\n \nb",
        "é\n✓",
        "x\r\ny",
        "a: b\n# c",
    ];
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        for t in texts {
            let mut d = Document::parse(b"---\nk: x\nz: 1\n---\n", dialect).expect("utf-8");
            d.set(&FieldPath::key("k"), &s(t)).expect("set");
            let again = Document::parse(&d.to_bytes(), dialect).expect("utf-8");
            assert_eq!(
                again.get(&FieldPath::key("k")),
                Some(&s(t)),
                "{dialect:?} {t:?}"
            );
            assert_eq!(again.get(&FieldPath::key("z")), Some(&Value::Int(1)));
        }
    }
}

#[test]
fn block_scalar_headers() {
    assert_eq!(
        block_scalar("a\nb", false),
        Some(("|-".into(), vec!["a".into(), "b".into()]))
    );
    assert_eq!(
        block_scalar("a\nb\n", false),
        Some(("|".into(), vec!["a".into(), "b".into()]))
    );
    assert_eq!(
        block_scalar("a\n\n", false),
        Some(("|+".into(), vec!["a".into(), String::new()]))
    );
    assert_eq!(
        block_scalar("one line\n", true),
        Some((">".into(), vec!["one line".into()]))
    );
    // A first content line that starts with a space needs an indentation indicator,
    // or readers take its spaces for the block's indentation.
    assert_eq!(
        block_scalar(" lead\nx", false),
        Some(("|2-".into(), vec![" lead".into(), "x".into()]))
    );
    assert_eq!(
        block_scalar("\n l", false),
        Some(("|2-".into(), vec![String::new(), " l".into()]))
    );
    assert_eq!(
        block_scalar("\n\n  l\n\n", true),
        Some((
            "|2+".into(),
            vec![String::new(), String::new(), "  l".into(), String::new()]
        ))
    );
    assert_eq!(
        block_scalar("\nl\n", false),
        Some(("|".into(), vec![String::new(), "l".into()]))
    );
    for quoted in ["a\n \nb", "\tx\ny", "x\r\ny", "\n", "\n\n", "a\n\t"] {
        assert_eq!(block_scalar(quoted, false), None, "{quoted:?}");
    }
}

/// Fuzz finding: Yaml12, empty page, `set_from_input("date", "\n l")` read back as
/// `"\nl"`, because the block's indentation was taken from its first non-empty line.
#[test]
fn yaml12_empty_page_set_date_to_newline_space_l() {
    let mut d = Document::parse(b"", Dialect::Yaml12).expect("utf-8");
    d.set_from_input(&FieldPath::key("date"), "\n l")
        .expect("accepted");
    assert_eq!(d.to_bytes(), b"---\ndate: |2-\n\n   l\n---\n");
    let again = Document::parse(&d.to_bytes(), Dialect::Yaml12).expect("utf-8");
    assert_eq!(again.get(&FieldPath::key("date")), Some(&s("\n l")));
}

/// Texts whose leading or trailing whitespace is the hard part, written into fields in
/// every kind of place: each must read back exactly, with other fields and the body kept.
#[test]
fn whitespace_shapes_round_trip_everywhere() {
    let texts = [
        "",
        "x",
        " x ",
        "\n l",
        "\n  l",
        "\n\n\n   l\nx",
        " l\nx",
        "  l\n\n",
        "\nl",
        "\n\nl\n",
        "l\n\n",
        "l\n\n\n",
        "l\n",
        "l\nm",
        "\n l\n",
        "\n l\n\n",
        "a\n \nb",
        "a\n  \n",
        " \nb",
        "\t\nb",
        "a\n\tb",
        "\ta\nb",
        "a\r\nb",
        "a\rb\n",
        "\r\n",
        "a\n\n\n\nb",
        "          deep\nx",
        "# not a comment\n  - not a list",
        "---\n...\n+++",
        "x\n--- \n",
    ];
    let pages = [
        ("", "date"),
        ("---\n---\nbody\n", "date"),
        ("---\ndate: x\nz: 1\n---\nbody\n", "date"),
        ("---\ndate: x\n\nz: 1\n---\nbody\n", "date"),
        (
            "---\ndate: |\n    old\n    text\n\nz: 1\n---\nbody\n",
            "date",
        ),
        ("---\ndate: >-\n  old\nz: 1\n---\nbody\n", "date"),
        ("---\ndate: |+\n\n  old\n\n\nz: 1\n---\nbody\n", "date"),
        ("---\ndate: |2-\n     old\nz: 1\n---\nbody\n", "date"),
        ("---\ndate: |+\n  old\n\n---\nbody\n", "date"),
        ("---\r\ndate: x\r\nz: 1\r\n---\r\nbody\r\n", "date"),
        ("---\ncontact:\n  email: x\nz: 1\n---\n", "contact.email"),
        ("---\nz: 1\ncontact:\n  name: n\n---\n", "contact.email"),
        ("---\ntags:\n  - a\n  - b\nz: 1\n---\n", "tags[0]"),
        ("---\ntags:\n- a\n- b\nz: 1\n---\n", "tags[1]"),
        (
            "---\nitems:\n  - name: a\n    note: x\nz: 1\n---\n",
            "items[0].note",
        ),
        ("---\nz: 1\n---\n", "new"),
        ("---\nz: 1\n\n---\n", "new"),
        ("+++\nz = 1\n+++\nbody\n", "date"),
        ("+++\ndate = \"x\"\nz = 1\n+++\nbody\n", "date"),
        ("+++\n[contact]\nemail = \"x\"\n+++\n", "contact.email"),
    ];
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        for (page, field) in pages {
            for t in texts {
                let path = FieldPath::parse(field).expect("path");
                let doc = Document::parse(page.as_bytes(), dialect).expect("utf-8");
                let mut d = doc.clone();
                if let Err(e) = d.set(&path, &s(t)) {
                    // TOML has no place for some texts; nothing may change then.
                    assert_eq!(d.to_bytes(), page.as_bytes(), "{e}");
                    panic!("{dialect:?} {page:?} {field} {t:?}: refused: {e}");
                }
                let bytes = d.to_bytes();
                let text = String::from_utf8_lossy(&bytes);
                let again = Document::parse(&bytes, dialect).expect("utf-8");
                assert_eq!(
                    again.get(&path),
                    Some(&s(t)),
                    "{dialect:?} {field} {t:?}:\n{text}"
                );
                assert_eq!(again.body(), doc.body(), "{dialect:?} {t:?}:\n{text}");
                assert_eq!(
                    again.get(&FieldPath::key("z")),
                    doc.get(&FieldPath::key("z")),
                    "{dialect:?} {t:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn bool_spelling_families() {
    let cases = [
        (true, Some("no"), Dialect::Yaml11, "yes"),
        (false, Some("Yes"), Dialect::Yaml11, "No"),
        (false, Some("ON"), Dialect::Yaml11, "OFF"),
        (true, Some("False"), Dialect::Yaml11, "True"),
        (true, None, Dialect::Yaml11, "true"),
        (false, Some("TRUE"), Dialect::Yaml12, "FALSE"),
    ];
    for (value, prev, dialect, expected) in cases {
        assert_eq!(write_bool(value, prev, dialect), expected);
    }
}

#[test]
fn numbers_and_dates_are_written_plain() {
    for (value, text) in [
        (Value::Int(-3), "-3"),
        (Value::Float(1.0), "1.0"),
        (Value::Float(1e20), "1.0e+20"),
        (Value::Float(f64::NEG_INFINITY), "-.inf"),
        (Value::Date("2024-01-31".into()), "2024-01-31"),
    ] {
        for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
            let mut d = Document::parse(b"---\nk: x\n---\n", dialect).expect("utf-8");
            d.set(&FieldPath::key("k"), &value).expect("set");
            assert_eq!(d.to_bytes(), format!("---\nk: {text}\n---\n").as_bytes());
        }
    }
    let mut d = Document::parse(b"---\nk: x\n---\n", Dialect::Yaml11).expect("utf-8");
    assert!(d
        .set(&FieldPath::key("k"), &Value::Date("soon".into()))
        .is_err());
}

#[test]
fn value_serialises_with_kind_and_ordered_pairs() {
    let v = Value::Map(vec![
        ("b".into(), Value::Int(1)),
        ("a".into(), Value::List(vec![Value::Null, s("x")])),
    ]);
    let json = serde_json::to_string(&v).expect("json");
    assert_eq!(
        json,
        r#"{"kind":"map","value":[["b",{"kind":"int","value":1}],["a",{"kind":"list","value":[{"kind":"null"},{"kind":"text","value":"x"}]}]]}"#
    );
    assert_eq!(Value::Int(1).kind_name(), "whole number");
    assert_eq!(Value::Bool(true).kind_name(), "yes/no");
}
