//! Property: random sequences of set/remove on random fields keep every other field's
//! value and the body unchanged, and the page reads back as the expected fields.

use galley_core::document::{input_to_value, Document};
use galley_core::frontmatter::{Dialect, FieldPath, Value};
use proptest::prelude::*;

const KEYS: &[&str] = &[
    "title", "layout", "hidden", "prio", "tags", "date", "desc", "\"@id\"", "note", "x",
];

/// `PROPTEST_CASES` when set (for long runs), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn key_name(k: &str) -> String {
    k.trim_matches('"').to_owned()
}

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :#'\"\\\\@*&!|>%,{}~.\\-]{0,14}",
        Just("yes".to_owned()),
        Just("no".to_owned()),
        Just("007".to_owned()),
        Just("2024-01-01".to_owned()),
        Just("line one\nline two".to_owned()),
        Just("ends\n".to_owned()),
        // Leading/trailing whitespace shapes and fence lines (fuzz findings).
        "[ \n]{0,3}[a-z]{0,3}(\n[ ]{0,3}[a-z]{0,3}){0,3}\n{0,3}",
        "[a-z]{0,2}(\n(---|\\.\\.\\.|\\+\\+\\+)[ \t]{0,2}){1,2}\n?",
        "[a-z]{1,6}( [a-z]{1,6}){0,3}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        text_value().prop_map(Value::String),
        any::<i32>().prop_map(|i| Value::Int(i64::from(i))),
        any::<bool>().prop_map(Value::Bool),
        (-1000.0f64..1000.0).prop_map(Value::Float),
        (2000u32..2030, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| Value::Date(format!("{y}-{m:02}-{d:02}"))),
        Just(Value::Null),
        prop::collection::vec("[a-z]{1,5}".prop_map(Value::String), 0..4).prop_map(Value::List),
    ]
}

#[derive(Debug, Clone)]
enum Op {
    Set(usize, Value),
    Remove(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..KEYS.len(), value()).prop_map(|(k, v)| Op::Set(k, v)),
        1 => (0..KEYS.len()).prop_map(Op::Remove),
    ]
}

/// The starting page: a few fields written by hand in common styles, plus comments.
fn page(crlf: bool, dialect_words: bool) -> (String, Vec<(String, Value)>) {
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut lines = vec![
        "---",
        "# settings",
        "title: \"A page\"  # shown in tabs",
        "layout: post",
        "tags:",
        "  - one",
        "  - two",
    ];
    let mut model = vec![
        ("title".to_owned(), Value::String("A page".into())),
        ("layout".to_owned(), Value::String("post".into())),
        (
            "tags".to_owned(),
            Value::List(vec![
                Value::String("one".into()),
                Value::String("two".into()),
            ]),
        ),
    ];
    if dialect_words {
        lines.push("hidden: yes");
        model.push(("hidden".to_owned(), Value::Bool(true)));
    }
    lines.extend([
        "desc: |",
        "  Two",
        "  lines",
        "",
        "\"@id\": https://x.org/1",
        "---",
        "Body text",
        "---",
        "more",
    ]);
    model.push(("desc".to_owned(), Value::String("Two\nlines\n".into())));
    model.push(("@id".to_owned(), Value::String("https://x.org/1".into())));
    (lines.join(eol) + eol, model)
}

fn set_model(model: &mut Vec<(String, Value)>, key: &str, value: &Value) {
    match model.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value.clone(),
        None => model.push((key.to_owned(), value.clone())),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(96)))]
    #[test]
    fn random_edits_keep_everything_else(crlf in any::<bool>(), yaml11 in any::<bool>(), ops in prop::collection::vec(op(), 1..8)) {
        let dialect = if yaml11 { Dialect::Yaml11 } else { Dialect::Yaml12 };
        let (text, mut model) = page(crlf, yaml11);
        let mut doc = Document::parse(text.as_bytes(), dialect).expect("utf-8");
        prop_assert_eq!(doc.fields(), Ok(&Value::Map(model.clone())));
        let body = doc.body().to_owned();
        for op in &ops {
            match op {
                Op::Set(k, v) => {
                    let key = key_name(KEYS[*k]);
                    doc.set(&FieldPath::key(key.clone()), v).expect("set accepted");
                    set_model(&mut model, &key, v);
                }
                Op::Remove(k) => {
                    let key = key_name(KEYS[*k]);
                    let result = doc.remove(&FieldPath::key(key.clone()));
                    if model.iter().any(|(name, _)| *name == key) {
                        prop_assert!(result.is_ok(), "{:?}", result);
                        model.retain(|(name, _)| *name != key);
                    } else {
                        prop_assert!(result.is_err());
                    }
                }
            }
            let bytes = doc.to_bytes();
            let again = Document::parse(&bytes, dialect).expect("utf-8");
            let fields = again.fields().expect("still valid");
            prop_assert!(fields.same_as(&Value::Map(model.clone())), "got {:?}\nwant {:?}\n{}", fields, model, String::from_utf8_lossy(&bytes));
            prop_assert_eq!(again.body(), body.as_str());
            if crlf {
                let s = String::from_utf8_lossy(&bytes).into_owned();
                prop_assert_eq!(s.matches('\n').count(), s.matches("\r\n").count(), "CRLF kept everywhere: {:?}", s);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(400)))]
    /// Whatever the text, reading and editing never panics, an unedited page is
    /// byte-identical, and an accepted edit still reads back.
    #[test]
    fn arbitrary_front_matter_never_panics(fm in "([a-zé@\"' ]{0,4}(: |:|- |  |\t|#|&a |\\*a|\\||>|\\[|\\]|\\{|\\}|,|\r?\n)){0,24}") {
        let text = format!("---\n{fm}\n---\nbody\n");
        for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
            let doc = Document::parse(text.as_bytes(), dialect).expect("utf-8");
            prop_assert_eq!(doc.to_bytes(), text.as_bytes());
            let Ok(Value::Map(entries)) = doc.fields().cloned() else { continue };
            for (key, _) in entries.iter().chain([("new".to_owned(), Value::Null)].iter()) {
                let path = FieldPath::key(key.clone());
                for input in ["x", "multi\nline", "yes", "\n l", "\n\n  l\n\n", "+++\n", "a\n--- \n"] {
                    let mut d = doc.clone();
                    if d.set_from_input(&path, input).is_ok() {
                        let again = Document::parse(&d.to_bytes(), dialect).expect("utf-8");
                        prop_assert!(again.fields().is_ok());
                        prop_assert_eq!(again.body(), "body\n");
                        // The round-trip property: the field reads back as what was typed.
                        let want = input_to_value(doc.get(&path), input, dialect, &path).expect("accepted input");
                        let got = again.get(&path);
                        prop_assert!(got.is_some_and(|g| g.same_as(&want)), "{:?} read back as {:?}", input, got);
                    } else {
                        prop_assert_eq!(d.to_bytes(), text.as_bytes());
                    }
                }
                let mut d = doc.clone();
                let _ = d.remove(&path);
                prop_assert!(Document::parse(&d.to_bytes(), dialect).expect("utf-8").fields().is_ok());
            }
        }
    }
}
