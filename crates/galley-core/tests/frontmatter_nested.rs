//! Edits below the top level: groups, lists, quoted keys, flow collections, anchors.

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, EditError, FieldPath, Value};

fn doc(text: &str) -> Document {
    Document::parse(text.as_bytes(), Dialect::Yaml11).expect("utf-8")
}

fn path(p: &str) -> FieldPath {
    FieldPath::parse(p).expect("path")
}

fn text(d: &Document) -> String {
    String::from_utf8(d.to_bytes()).expect("utf-8")
}

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

#[test]
fn nested_field_edit_changes_one_line() {
    let src = "---\ncontact:\n  name: Ann  # who\n  email: a@old.org\nlast: 1\n---\n";
    let mut d = doc(src);
    d.set_from_input(&path("contact.email"), "a@new.org")
        .expect("set");
    assert_eq!(
        text(&d),
        "---\ncontact:\n  name: Ann  # who\n  email: a@new.org\nlast: 1\n---\n"
    );
    d.set_from_input(&path("contact.phone"), "+352 123")
        .expect("add");
    assert_eq!(
        text(&d),
        "---\ncontact:\n  name: Ann  # who\n  email: a@new.org\n  phone: +352 123\nlast: 1\n---\n"
    );
    d.remove(&path("contact.name")).expect("remove");
    assert_eq!(
        text(&d),
        "---\ncontact:\n  email: a@new.org\n  phone: +352 123\nlast: 1\n---\n"
    );
}

#[test]
fn missing_groups_are_created() {
    let mut d = doc("---\ntitle: A\n---\n");
    d.set(&path("contact.email"), &s("x@y.z")).expect("set");
    assert_eq!(text(&d), "---\ntitle: A\ncontact:\n  email: x@y.z\n---\n");
    let mut d = doc("---\ncontact:\ntitle: A\n---\n");
    d.set(&path("contact.email"), &s("x@y.z")).expect("set");
    assert_eq!(text(&d), "---\ncontact:\n  email: x@y.z\ntitle: A\n---\n");
}

#[test]
fn list_items_add_remove_move() {
    let src = "---\ntags:\n  - one\n  - two # second\n  - three\nnext: x\n---\n";
    let mut d = doc(src);
    d.insert_item(&path("tags"), 1, &s("new")).expect("insert");
    assert_eq!(
        text(&d),
        "---\ntags:\n  - one\n  - new\n  - two # second\n  - three\nnext: x\n---\n"
    );
    d.insert_item(&path("tags"), 4, &s("end")).expect("append");
    assert_eq!(
        text(&d),
        "---\ntags:\n  - one\n  - new\n  - two # second\n  - three\n  - end\nnext: x\n---\n"
    );
    d.remove_item(&path("tags[1]")).expect("remove");
    d.remove_item(&path("tags[3]")).expect("remove");
    assert_eq!(text(&d), src);
    d.move_item(&path("tags"), 0, 2).expect("move");
    assert_eq!(
        text(&d),
        "---\ntags:\n  - two # second\n  - three\n  - one\nnext: x\n---\n"
    );
    assert!(matches!(
        d.move_item(&path("tags"), 0, 9),
        Err(EditError::IndexOutOfRange { .. })
    ));
    assert!(matches!(
        d.insert_item(&path("next"), 0, &s("x")),
        Err(EditError::NotA { .. })
    ));
}

#[test]
fn indentless_list_and_list_of_groups() {
    let src = "---\nauthors:\n- name: Ann\n  role: lead\n- name: Bob\n---\n";
    let mut d = doc(src);
    d.set_from_input(&path("authors[1].name"), "Rob")
        .expect("set");
    assert_eq!(
        text(&d),
        "---\nauthors:\n- name: Ann\n  role: lead\n- name: Rob\n---\n"
    );
    d.set(&path("authors[1].role"), &s("help"))
        .expect("add nested in item");
    assert_eq!(
        text(&d),
        "---\nauthors:\n- name: Ann\n  role: lead\n- name: Rob\n  role: help\n---\n"
    );
    d.insert_item(
        &path("authors"),
        2,
        &Value::Map(vec![("name".into(), s("Cy")), ("role".into(), s("x"))]),
    )
    .expect("insert map");
    assert_eq!(text(&d), "---\nauthors:\n- name: Ann\n  role: lead\n- name: Rob\n  role: help\n- name: Cy\n  role: x\n---\n");
    d.remove(&path("authors[0].name"))
        .expect("remove first key of item");
    assert_eq!(
        text(&d),
        "---\nauthors:\n- role: lead\n- name: Rob\n  role: help\n- name: Cy\n  role: x\n---\n"
    );
    d.move_item(&path("authors"), 2, 0).expect("move");
    assert_eq!(
        text(&d),
        "---\nauthors:\n- name: Cy\n  role: x\n- role: lead\n- name: Rob\n  role: help\n---\n"
    );
}

#[test]
fn setting_a_whole_list_changes_only_differing_items() {
    let src = "---\ntags:\n  - a\n  - b\n  - c\n---\n";
    let mut d = doc(src);
    d.set(
        &path("tags"),
        &Value::List(vec![s("a"), s("B"), s("c"), s("d")]),
    )
    .expect("set list");
    assert_eq!(text(&d), "---\ntags:\n  - a\n  - B\n  - c\n  - d\n---\n");
    d.set(&path("tags"), &Value::List(vec![])).expect("empty");
    assert_eq!(text(&d), "---\ntags: []\n---\n");
    d.insert_item(&path("tags"), 0, &s("x"))
        .expect("insert into []");
    assert_eq!(text(&d), "---\ntags: [x]\n---\n");
}

#[test]
fn removing_last_item_or_field_leaves_an_empty_collection() {
    let mut d = doc("---\ntags:\n  - a\nc:\n  d: 1\n---\n");
    d.remove(&path("tags[0]")).expect("remove");
    d.remove(&path("c.d")).expect("remove");
    assert_eq!(text(&d), "---\ntags: []\nc: {}\n---\n");
}

#[test]
fn flow_collections_edit_scalars_in_place() {
    let src = "---\ntags: [a, \"b\", c]\nmeta: {x: 1, y: two}\n---\n";
    let mut d = doc(src);
    d.set_from_input(&path("tags[1]"), "B, and more")
        .expect("set");
    assert_eq!(
        text(&d),
        "---\ntags: [a, \"B, and more\", c]\nmeta: {x: 1, y: two}\n---\n"
    );
    d.set_from_input(&path("meta.x"), "2").expect("set");
    d.set(&path("meta.z"), &s("new")).expect("add");
    assert_eq!(
        text(&d),
        "---\ntags: [a, \"B, and more\", c]\nmeta: {x: 2, y: two, z: new}\n---\n"
    );
    d.remove(&path("meta.y")).expect("remove");
    d.remove(&path("tags[0]")).expect("remove");
    assert_eq!(
        text(&d),
        "---\ntags: [\"B, and more\", c]\nmeta: {x: 2, z: new}\n---\n"
    );
    d.move_item(&path("tags"), 1, 0).expect("move");
    assert_eq!(
        text(&d),
        "---\ntags: [c, \"B, and more\"]\nmeta: {x: 2, z: new}\n---\n"
    );
}

#[test]
fn quoted_keys() {
    let src =
        "---\ndatacite:\n  \"@id\": https://old\n  \"@type\": Dataset\ncSpell:ignore: foo\n---\n";
    let mut d = doc(src);
    assert_eq!(d.get(&path("cSpell:ignore")), Some(&s("foo")));
    d.set_from_input(&path("datacite.\"@id\""), "https://new")
        .expect("set");
    assert_eq!(
        text(&d),
        "---\ndatacite:\n  \"@id\": https://new\n  \"@type\": Dataset\ncSpell:ignore: foo\n---\n"
    );
    d.set(&path("datacite.\"@context\""), &s("https://schema.org"))
        .expect("add");
    assert!(text(&d).contains("  \"@context\": https://schema.org\n"));
    assert_eq!(path("datacite.\"@id\"").to_string(), "datacite.\"@id\"");
}

#[test]
fn anchors_resolve_and_aliases_can_be_replaced() {
    let src = "---\nbase: &b Hello\ncopy: *b\n---\n";
    let mut d = doc(src);
    assert_eq!(d.get(&path("copy")), Some(&s("Hello")));
    d.set_from_input(&path("copy"), "Own").expect("set alias");
    assert_eq!(text(&d), "---\nbase: &b Hello\ncopy: Own\n---\n");
}

#[test]
fn scalar_replaced_by_collection_and_back() {
    let mut d = doc("---\na: x # c\nb: 1\n---\n");
    d.set(&path("a"), &Value::List(vec![s("p"), s("q")]))
        .expect("list");
    assert_eq!(text(&d), "---\na:\n  - p\n  - q # c\nb: 1\n---\n");
    d.set(&path("a"), &s("y")).expect("scalar");
    assert_eq!(text(&d), "---\na: y # c\nb: 1\n---\n");
}

#[test]
fn multi_line_keeps_trailing_comment_on_the_key_line() {
    let mut d = doc("---\na: x # note\nb: 1\n---\n");
    d.set(&path("a"), &s("one\ntwo")).expect("block");
    assert_eq!(text(&d), "---\na: |- # note\n  one\n  two\nb: 1\n---\n");
    d.set(&path("a"), &s("single"))
        .expect("back to one line, block style kept");
    assert_eq!(text(&d), "---\na: |- # note\n  single\nb: 1\n---\n");
}
