//! TOML (`+++`) front matter: same API, lossless edits through toml_edit.

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, EditError, FieldPath, Format, FrontMatterError, Value};

fn doc(text: &str) -> Document {
    Document::parse(text.as_bytes(), Dialect::Yaml12).expect("utf-8")
}

fn path(p: &str) -> FieldPath {
    FieldPath::parse(p).expect("path")
}

fn text(d: &Document) -> String {
    String::from_utf8(d.to_bytes()).expect("utf-8")
}

const PAGE: &str = "+++\r\ntitle = \"Old\" # the title\r\ndate = 2024-01-31\r\ndraft = false\r\ntags = [\"a\", \"b\"]\r\n\r\n[params]\r\nprio = 3\r\n+++\r\nBody\r\n";

#[test]
fn reads_typed_values() {
    let d = doc(PAGE);
    assert_eq!(d.format(), Some(Format::Toml));
    assert_eq!(d.get(&path("title")), Some(&Value::String("Old".into())));
    assert_eq!(
        d.get(&path("date")),
        Some(&Value::Date("2024-01-31".into()))
    );
    assert_eq!(d.get(&path("draft")), Some(&Value::Bool(false)));
    assert_eq!(d.get(&path("params.prio")), Some(&Value::Int(3)));
    assert_eq!(d.to_bytes(), PAGE.as_bytes());
}

#[test]
fn edits_keep_comments_and_crlf() {
    let mut d = doc(PAGE);
    d.set_from_input(&path("title"), "New").expect("set");
    assert_eq!(text(&d), PAGE.replace("\"Old\"", "\"New\""));
    d.set_from_input(&path("params.prio"), "4").expect("nested");
    assert_eq!(
        text(&d),
        PAGE.replace("\"Old\"", "\"New\"")
            .replace("prio = 3", "prio = 4")
    );
    d.set_from_input(&path("draft"), "yes").expect("bool");
    assert!(text(&d).contains("draft = true\r\n"));
    assert!(matches!(
        d.set_from_input(&path("params.prio"), "x"),
        Err(EditError::WrongType { .. })
    ));
}

#[test]
fn add_remove_and_list_items() {
    let mut d = doc(PAGE);
    d.set(&path("author"), &Value::String("Me".into()))
        .expect("add");
    assert!(
        text(&d).contains("tags = [\"a\", \"b\"]\r\nauthor = \"Me\"\r\n"),
        "{}",
        text(&d)
    );
    d.remove(&path("draft")).expect("remove");
    assert!(!text(&d).contains("draft"));
    d.insert_item(&path("tags"), 2, &Value::String("c".into()))
        .expect("insert");
    assert!(
        text(&d).contains("tags = [\"a\", \"b\", \"c\"]"),
        "{}",
        text(&d)
    );
    d.move_item(&path("tags"), 2, 0).expect("move");
    assert_eq!(
        d.get(&path("tags")),
        Some(&Value::List(
            vec!["c".into(), "a".into(), "b".into()]
                .into_iter()
                .map(Value::String)
                .collect()
        ))
    );
    d.remove_item(&path("tags[0]")).expect("remove item");
    assert!(matches!(
        d.set(&path("title"), &Value::Null),
        Err(EditError::InvalidValue { .. })
    ));
    let reread = doc(&text(&d));
    assert_eq!(reread.fields(), d.fields());
}

#[test]
fn malformed_toml_reports_file_line() {
    let d = doc("+++\ntitle = \"ok\"\nbad = \n+++\n");
    let err = d.fields().expect_err("malformed");
    assert!(
        matches!(err, FrontMatterError::Syntax { line: 3, .. }),
        "{err:?}"
    );
}

#[test]
fn datetimes_are_read_and_written_as_the_file_spells_them() {
    let src = "+++\ndate = 2025-02-01T10:30:00+01:00\nlocal = 2025-02-01 10:30:00\nexact = 2025-02-01T10:30:00.500Z\n+++\n";
    let mut d = doc(src);
    assert_eq!(
        d.get(&path("local")),
        Some(&Value::DateTime("2025-02-01 10:30:00".into())),
        "the space before the time is the file's, not toml_edit's T"
    );
    assert_eq!(
        d.get(&path("exact")),
        Some(&Value::DateTime("2025-02-01T10:30:00.500Z".into()))
    );
    d.set_from_input(&path("date"), "2025-02-01T11:45:00+01:00")
        .expect("offset date-time");
    d.set_from_input(&path("local"), "2025-02-01 11:45:00")
        .expect("local date-time with a space");
    d.set_from_input(&path("exact"), "2025-02-01T11:45:00.500Z")
        .expect("fraction");
    assert_eq!(
        text(&d),
        "+++\ndate = 2025-02-01T11:45:00+01:00\nlocal = 2025-02-01 11:45:00\nexact = 2025-02-01T11:45:00.500Z\n+++\n"
    );
    assert!(
        d.set_from_input(&path("date"), "tomorrow").is_err(),
        "a date-time field refuses words"
    );
}
