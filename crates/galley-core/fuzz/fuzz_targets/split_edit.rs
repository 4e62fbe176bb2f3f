//! Split + edit must never panic, and an unedited page must write back byte for byte.
//!
//! Input layout: the first byte picks the dialect and the field, the next bytes up to
//! a 0 byte are what the editor typed, the rest is the page.

#![no_main]

use galley_core::document::Document;
use galley_core::frontmatter::{Dialect, FieldPath};
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &[
    "title",
    "date",
    "tags[0]",
    "contact.email",
    "hidden",
    "new",
    "a.b[1].c",
];

fuzz_target!(|data: &[u8]| {
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
    let mut edited = doc.clone();
    if edited.set_from_input(&path, &typed).is_ok() {
        let bytes = edited.to_bytes();
        let again = Document::parse(&bytes, dialect).expect("an edited page is still UTF-8");
        assert!(
            again.fields().is_ok(),
            "an edit must leave readable front matter"
        );
    }
    let mut removed = doc.clone();
    if removed.remove(&path).is_ok() {
        let bytes = removed.to_bytes();
        let again = Document::parse(&bytes, dialect).expect("still UTF-8");
        assert!(
            again.fields().is_ok(),
            "a removal must leave readable front matter"
        );
    }
});
