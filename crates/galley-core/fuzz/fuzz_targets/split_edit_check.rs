//! The steps of the `split_edit` fuzz target, shared with the replayed corpus test
//! (`tests/frontmatter_fuzz_regressions.rs`) so both check exactly the same thing.
//!
//! Input layout: the first byte picks the dialect and the field, the next bytes up to
//! a 0 byte are what the editor typed, the rest is the page.
//!
//! Properties: nothing panics; an unedited page writes back byte for byte; a refused
//! edit leaves the text untouched; an accepted edit leaves a page whose front matter
//! still reads, whose body is unchanged, whose edited field reads back as the typed
//! value and whose other fields keep their values.

use galley_core::document::{input_to_value, Document};
use galley_core::frontmatter::{Dialect, FieldPath, Format, Segment, Value};

/// The fields the fuzzer edits, picked by the selector byte.
pub const KEYS: &[&str] = &[
    "title",
    "date",
    "tags[0]",
    "contact.email",
    "hidden",
    "new",
    "a.b[1].c",
];

/// Top-level fields other than `skip`, by name (TOML may reorder new keys).
fn others(fields: &Value, skip: &str) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = match fields {
        Value::Map(entries) => entries.iter().filter(|(k, _)| k != skip).cloned().collect(),
        _ => Vec::new(),
    };
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn same_others(a: &[(String, Value)], b: &[(String, Value)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((ka, va), (kb, vb))| ka == kb && va.same_as(vb))
}

/// Anchors make one edit show up in several places, so other fields may change.
fn has_aliases(doc: &Document) -> bool {
    doc.format() == Some(Format::Yaml)
        && doc.front_matter_text().contains('&')
        && doc.front_matter_text().contains('*')
}

/// Checks what an accepted edit left behind.
fn check_edited(
    doc: &Document,
    edited: &Document,
    dialect: Dialect,
    path: &FieldPath,
    expected: Option<&Value>,
    what: &str,
) {
    let bytes = edited.to_bytes();
    let again = Document::parse(&bytes, dialect).expect("an edited page is still UTF-8");
    let text = String::from_utf8_lossy(&bytes);
    let fields = match again.fields() {
        Ok(f) => f,
        Err(e) => panic!("{what} must leave readable front matter: {e}\n{text}"),
    };
    assert_eq!(
        again.body(),
        doc.body(),
        "{what} must keep the body\n{text}"
    );
    assert!(
        again.get(path) == edited.get(path)
            || again
                .get(path)
                .zip(edited.get(path))
                .is_some_and(|(a, b)| a.same_as(b)),
        "{what}: the document's view of {path} differs from the saved page\n{text}"
    );
    if let Some(want) = expected {
        let got = again.get(path);
        assert!(
            got.is_some_and(|g| g.same_as(want)),
            "{what}: {path} reads back as {got:?}, not {want:?}\n{text}"
        );
    }
    if has_aliases(doc) {
        return;
    }
    let Some(Segment::Key(top)) = path.segments().first() else {
        return;
    };
    let before = others(doc.fields().expect("edited, so readable"), top);
    let after = others(fields, top);
    assert!(
        same_others(&before, &after),
        "{what} changed other fields\nbefore: {before:?}\nafter: {after:?}\n{text}"
    );
}

/// Runs one fuzz input.
pub fn check(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let dialect = if selector & 1 == 0 {
        Dialect::Yaml11
    } else {
        Dialect::Yaml12
    };
    let (input, page) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (&b""[..], rest),
    };
    let Ok(doc) = Document::parse(page, dialect) else {
        return;
    };
    assert_eq!(
        doc.to_bytes(),
        page,
        "an unedited page must write back unchanged"
    );
    let _ = doc.fields();
    let _ = doc.body_line_start();
    let Ok(path) = FieldPath::parse(KEYS[(selector as usize >> 1) % KEYS.len()]) else {
        return;
    };
    let typed = String::from_utf8_lossy(input);
    let expected = doc
        .fields()
        .ok()
        .and_then(|_| input_to_value(doc.get(&path), &typed, dialect, &path).ok());
    let mut edited = doc.clone();
    match edited.set_from_input(&path, &typed) {
        Ok(()) => check_edited(&doc, &edited, dialect, &path, expected.as_ref(), "an edit"),
        Err(_) => assert_eq!(
            edited.to_bytes(),
            page,
            "a refused edit must change nothing"
        ),
    }
    let mut removed = doc.clone();
    match removed.remove(&path) {
        Ok(()) => check_edited(&doc, &removed, dialect, &path, None, "a removal"),
        Err(_) => assert_eq!(
            removed.to_bytes(),
            page,
            "a refused removal must change nothing"
        ),
    }
}
