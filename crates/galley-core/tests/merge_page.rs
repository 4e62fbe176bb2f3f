//! "Combine": a three-way merge of a page that changed on both sides.

use galley_core::frontmatter::{Dialect, Value};
use galley_core::merge::{merge_page, resolve, Choice, Clash, MergeError, Version};

const D: Dialect = Dialect::Yaml11;

fn clean(base: &str, mine: &str, theirs: &str) -> String {
    let outcome =
        merge_page(base.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    assert!(
        outcome.is_clean(),
        "unexpected clashes: {:?}",
        outcome.clashes
    );
    String::from_utf8(outcome.merged().expect("clean")).expect("utf-8")
}

const BASE: &str = "---\n\
title: Annual report # shown on the card\n\
date: 2024-01-31\n\
draft: yes\n\
tags: [news, reports]\n\
contact:\n  email: a@example.org\n  phone: \"123\"\n\
---\n\
# Heading\n\
\n\
First paragraph, line one.\n\
First paragraph, line two.\n\
\n\
Second paragraph.\n\
\n\
Third paragraph.\n";

#[test]
fn clean_merges_table() {
    // (what, mine, theirs, expected)
    let cases: Vec<(&str, String, String, String)> = vec![
        (
            "non-overlapping field edits keep both, as a minimal diff against theirs",
            BASE.replace("title: Annual report", "title: Yearly report"),
            BASE.replace("date: 2024-01-31", "date: 2024-02-29"),
            BASE.replace("title: Annual report", "title: Yearly report")
                .replace("date: 2024-01-31", "date: 2024-02-29"),
        ),
        (
            "nested fields changed on different sides",
            BASE.replace("a@example.org", "b@example.org"),
            BASE.replace("\"123\"", "\"456\""),
            BASE.replace("a@example.org", "b@example.org")
                .replace("\"123\"", "\"456\""),
        ),
        (
            "yes/no spelling is kept when mine toggles it",
            BASE.replace("draft: yes", "draft: no"),
            BASE.replace("Third paragraph.", "Third paragraph, longer."),
            BASE.replace("draft: yes", "draft: no")
                .replace("Third paragraph.", "Third paragraph, longer."),
        ),
        (
            "a field removed by mine stays removed",
            BASE.replace("draft: yes\n", ""),
            BASE.replace("title: Annual report", "title: Other"),
            BASE.replace("draft: yes\n", "")
                .replace("title: Annual report", "title: Other"),
        ),
        (
            "a field added by mine is added to theirs",
            BASE.replace("tags:", "author: Ana\ntags:"),
            BASE.replace("Second paragraph.", "Second paragraph!"),
            BASE.replace(
                "contact:\n  email: a@example.org\n  phone: \"123\"\n",
                "contact:\n  email: a@example.org\n  phone: \"123\"\nauthor: Ana\n",
            )
            .replace("Second paragraph.", "Second paragraph!"),
        ),
        (
            "body edits in different paragraphs merge",
            BASE.replace("First paragraph, line two.", "First paragraph, line 2."),
            BASE.replace("Third paragraph.", "Third paragraph, edited."),
            BASE.replace("First paragraph, line two.", "First paragraph, line 2.")
                .replace("Third paragraph.", "Third paragraph, edited."),
        ),
        (
            "identical changes on both sides are no clash",
            BASE.replace("title: Annual report", "title: Same")
                .replace("Second paragraph.", "Same text."),
            BASE.replace("title: Annual report", "title: Same")
                .replace("Second paragraph.", "Same text."),
            BASE.replace("title: Annual report", "title: Same")
                .replace("Second paragraph.", "Same text."),
        ),
        (
            "theirs' comment and formatting are kept",
            BASE.replace("title: Annual report", "title: Mine"),
            BASE.replace("date: 2024-01-31", "date:   2024-01-31   # fixed"),
            BASE.replace("title: Annual report", "title: Mine")
                .replace("date: 2024-01-31", "date:   2024-01-31   # fixed"),
        ),
        (
            "one side only: the result is that side",
            BASE.to_owned(),
            BASE.replace("# Heading", "# New heading"),
            BASE.replace("# Heading", "# New heading"),
        ),
    ];
    for (what, mine, theirs, want) in cases {
        assert_eq!(clean(BASE, &mine, &theirs), want, "{what}");
    }
}

#[test]
fn the_same_field_changed_differently_is_a_clash_with_typed_values() {
    let mine = BASE.replace("date: 2024-01-31", "date: 2024-03-01");
    let theirs = BASE
        .replace("date: 2024-01-31", "date: 2024-04-01")
        .replace("title: Annual report", "title: Theirs");
    let outcome =
        merge_page(BASE.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    assert_eq!(outcome.clashes.len(), 1);
    let Clash::Field(clash) = &outcome.clashes[0] else {
        panic!("field clash expected: {:?}", outcome.clashes)
    };
    assert_eq!(clash.field, "date");
    assert_eq!(clash.base, Some(Value::Date("2024-01-31".into())));
    assert_eq!(clash.mine, Some(Value::Date("2024-03-01".into())));
    assert_eq!(clash.theirs, Some(Value::Date("2024-04-01".into())));
    assert_eq!(outcome.fields_from_theirs, vec!["title".to_owned()]);
    assert!(outcome.merged().is_none());

    let took_theirs = resolve(&outcome, &[Choice::Theirs]).expect("resolve");
    assert_eq!(String::from_utf8(took_theirs).expect("utf-8"), theirs);
    let took_mine = resolve(&outcome, &[Choice::Mine]).expect("resolve");
    assert_eq!(
        String::from_utf8(took_mine).expect("utf-8"),
        theirs.replace("date: 2024-04-01", "date: 2024-03-01")
    );
    assert!(matches!(
        resolve(&outcome, &[Choice::Both]),
        Err(MergeError::NotForField { .. })
    ));
    assert!(matches!(
        resolve(&outcome, &[]),
        Err(MergeError::ChoiceCount {
            clashes: 1,
            choices: 0
        })
    ));
}

#[test]
fn removed_on_one_side_changed_on_the_other_is_a_clash() {
    let mine = BASE.replace("draft: yes\n", "");
    let theirs = BASE.replace("draft: yes", "draft: no");
    let outcome =
        merge_page(BASE.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    let Clash::Field(clash) = &outcome.clashes[0] else {
        panic!("field clash expected")
    };
    assert_eq!(
        (clash.mine.clone(), clash.theirs.clone()),
        (None, Some(Value::Bool(false)))
    );
    let bytes = resolve(&outcome, &[Choice::Mine]).expect("resolve");
    assert_eq!(String::from_utf8(bytes).expect("utf-8"), mine);
}

#[test]
fn the_same_line_changed_differently_is_a_body_clash_never_markers() {
    let mine = BASE.replace("Second paragraph.", "Second paragraph, mine.");
    let theirs = BASE.replace("Second paragraph.", "Second paragraph, theirs.");
    let outcome =
        merge_page(BASE.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    assert_eq!(outcome.clashes.len(), 1);
    let Clash::Body(clash) = &outcome.clashes[0] else {
        panic!("body clash expected")
    };
    let line = BASE
        .lines()
        .position(|l| l == "Second paragraph.")
        .expect("line")
        + 1;
    assert_eq!((clash.base.first_line, clash.base.count), (line, 1));
    assert_eq!(clash.base.text, "Second paragraph.\n");
    assert_eq!(clash.mine.text, "Second paragraph, mine.\n");
    assert_eq!(clash.theirs.text, "Second paragraph, theirs.\n");
    assert_eq!(clash.mine.first_line, line);

    let pick = |choice: Choice| {
        String::from_utf8(resolve(&outcome, &[choice]).expect("resolve")).expect("utf-8")
    };
    assert_eq!(pick(Choice::Mine), mine);
    assert_eq!(pick(Choice::Theirs), theirs);
    assert_eq!(
        pick(Choice::Both),
        BASE.replace(
            "Second paragraph.",
            "Second paragraph, mine.\nSecond paragraph, theirs."
        )
    );
    assert_eq!(
        pick(Choice::Edited("Written by hand".into())),
        BASE.replace("Second paragraph.", "Written by hand")
    );
    for choice in [Choice::Mine, Choice::Theirs, Choice::Both] {
        let text = pick(choice);
        assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    }
}

#[test]
fn crlf_files_stay_crlf_and_the_bom_is_kept() {
    let base = format!("\u{feff}{}", BASE.replace('\n', "\r\n"));
    let mine = base
        .replace("title: Annual report", "title: Mine")
        .replace("Second paragraph.", "Second, mine.");
    let theirs = base
        .replace("draft: yes", "draft: no")
        .replace("Third paragraph.", "Third, theirs.");
    let merged = clean(&base, &mine, &theirs);
    assert!(merged.starts_with('\u{feff}'));
    assert_eq!(
        merged,
        base.replace("title: Annual report", "title: Mine")
            .replace("Second paragraph.", "Second, mine.")
            .replace("draft: yes", "draft: no")
            .replace("Third paragraph.", "Third, theirs.")
    );
    assert!(
        !merged.replace("\r\n", "").contains('\n'),
        "a lone LF crept in"
    );

    // A clash resolved with edited text takes the file's CRLF endings.
    let mine = base.replace("Second paragraph.", "M.");
    let theirs = base.replace("Second paragraph.", "T.");
    let outcome =
        merge_page(base.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    let bytes = resolve(&outcome, &[Choice::Edited("One\nTwo\n".into())]).expect("resolve");
    assert_eq!(
        String::from_utf8(bytes).expect("utf-8"),
        base.replace("Second paragraph.\r\n", "One\r\nTwo\r\n")
    );
}

#[test]
fn toml_front_matter_merges_field_by_field() {
    let base = "+++\ntitle = \"T\" # keep\nweight = 3\n+++\nBody\n";
    let mine = base.replace("title = \"T\"", "title = \"Mine\"");
    let theirs = base.replace("weight = 3", "weight = 4");
    assert_eq!(
        clean(base, &mine, &theirs),
        "+++\ntitle = \"Mine\" # keep\nweight = 4\n+++\nBody\n"
    );
}

#[test]
fn pages_without_front_matter_merge_their_bodies() {
    let base = "a\nb\nc\n";
    assert_eq!(clean(base, "A\nb\nc\n", "a\nb\nC\n"), "A\nb\nC\n");
}

#[test]
fn broken_front_matter_is_refused_in_plain_words() {
    let broken = BASE.replace("title: Annual report", "title: \"Annual report");
    for (base, mine, theirs, version) in [
        (BASE, broken.as_str(), BASE, Version::Mine),
        (BASE, BASE, broken.as_str(), Version::Theirs),
        (broken.as_str(), BASE, BASE, Version::Base),
    ] {
        let err = merge_page(base.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D)
            .expect_err("refused");
        let MergeError::BrokenFrontMatter { version: got, .. } = &err else {
            panic!("unexpected {err:?}")
        };
        assert_eq!(*got, version);
        let message = err.to_string();
        assert!(message.contains(version.label()), "{message}");
        assert!(message.contains("Line 2"), "{message}");
        assert!(message.contains("keep mine"), "{message}");
    }
    let err =
        merge_page(BASE.as_bytes(), &[0xff, 0xfe, 0x00], BASE.as_bytes(), D).expect_err("not text");
    assert_eq!(
        err,
        MergeError::NotText {
            version: Version::Mine
        }
    );
}

#[test]
fn clashes_serialise_for_the_ui() {
    let mine = BASE.replace("title: Annual report", "title: M");
    let theirs = BASE.replace("title: Annual report", "title: T");
    let outcome =
        merge_page(BASE.as_bytes(), mine.as_bytes(), theirs.as_bytes(), D).expect("merge");
    let json = serde_json::to_value(&outcome).expect("json");
    assert_eq!(json["clashes"][0]["kind"], "field");
    assert_eq!(json["clashes"][0]["field"], "title");
    assert_eq!(json["clashes"][0]["mine"]["value"], "M");
    let choice: Choice = serde_json::from_str(r#"{"kind":"edited","text":"x"}"#).expect("choice");
    assert_eq!(choice, Choice::Edited("x".into()));
}

#[test]
fn a_large_page_merges() {
    // ~100 KB of body with edits scattered on both sides; no timing asserted,
    // but the test suite would crawl if the diff were quadratic here.
    let para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n";
    let mut base = String::from("---\ntitle: Big\n---\n");
    for i in 0..1400 {
        base.push_str(&format!("{i} {para}"));
    }
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let mut want = base.clone();
    for i in (0..1400).step_by(50) {
        let line = format!("\n{i} {para}");
        let m = format!("\n{i} MINE {para}");
        let t = format!("\n{} THEIRS {para}", i + 7);
        let t_base = format!("\n{} {para}", i + 7);
        mine = mine.replacen(&line, &m, 1);
        want = want.replacen(&line, &m, 1).replacen(&t_base, &t, 1);
        theirs = theirs.replacen(&t_base, &t, 1);
    }
    assert!(base.len() > 100_000);
    assert_eq!(clean(&base, &mine, &theirs), want);
    // A complete rewrite on both sides is one clash, not a hang.
    let rewrite = |tag: &str| {
        format!(
            "---\ntitle: Big\n---\n{}",
            format!("{tag} {para}").repeat(1400)
        )
    };
    let outcome = merge_page(
        base.as_bytes(),
        rewrite("a").as_bytes(),
        rewrite("b").as_bytes(),
        D,
    )
    .expect("merge");
    assert_eq!(outcome.clashes.len(), 1);
}
