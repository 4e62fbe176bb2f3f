//! Problems with file, line, column, severity, message and hint.

mod fixture_sites;

use fixture_sites::{fixture, write};
use galley_core::site::Site;
use galley_core::validate::{check_site, Problem, ProblemCode, Severity};

fn find<'a>(problems: &'a [Problem], path: &str, code: ProblemCode) -> Vec<&'a Problem> {
    problems
        .iter()
        .filter(|p| p.path == path && p.code == code)
        .collect()
}

#[test]
fn malformed_front_matter_is_an_error_with_its_place() {
    let dir = fixture("malformed");
    let site = Site::open(dir.path()).expect("open");
    let problems = check_site(&site);
    let quote = find(
        &problems,
        "_posts/2024-01-01-quote.md",
        ProblemCode::Malformed,
    );
    assert_eq!(quote.len(), 1);
    assert_eq!((quote[0].line, quote[0].severity), (2, Severity::Error));
    assert!(quote[0].message.contains("quote"), "{}", quote[0].message);
    assert!(!quote[0].hint.is_empty());

    let tab = find(
        &problems,
        "_posts/2024-01-02-tab.md",
        ProblemCode::Malformed,
    );
    assert_eq!(tab[0].line, 4);
    assert!(tab[0].message.contains("tab"));

    let dup = find(
        &problems,
        "_posts/2024-01-03-duplicate.md",
        ProblemCode::DuplicateKey,
    );
    assert_eq!((dup[0].line, dup[0].column), (4, 1));
    assert_eq!(dup[0].field.as_deref(), Some("title"));
    assert!(dup[0].message.contains("line 2"), "{}", dup[0].message);

    let unclosed = find(
        &problems,
        "_posts/2024-01-04-unclosed.md",
        ProblemCode::Malformed,
    );
    assert_eq!(unclosed[0].line, 1);
    let toml = find(
        &problems,
        "_posts/2024-01-06-toml.md",
        ProblemCode::Malformed,
    );
    assert_eq!(toml.len(), 1);

    assert!(problems
        .iter()
        .all(|p| p.path != "_posts/2024-01-05-fine.md"));
    assert!(problems.iter().all(|p| p.line >= 1 && p.column >= 1));
}

#[test]
fn collection_warnings_in_plain_words() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let problems = site.page_problems("my_collections/_engagements/odd.md");
    let by_code = |code| problems.iter().find(|p| p.code == code).expect("problem");
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));

    let prio = by_code(ProblemCode::TypeMismatch);
    assert_eq!((prio.line, prio.column), (5, 1));
    assert_eq!(
        prio.message,
        "prio should be a whole number, as in the other 7 our engagements, but here it is a text."
    );
    assert_eq!(prio.hint, "Remove the quotes around the value: prio: 3");

    let end = by_code(ProblemCode::EndBeforeStart);
    assert_eq!(end.line, 4);
    assert!(end
        .message
        .starts_with("end (2021-01-01) is before start (2022-05-01)"));

    let date = by_code(ProblemCode::ImpossibleDate);
    assert_eq!(date.line, 9);
    assert!(
        date.message.contains("February 2023 has only 28 days"),
        "{}",
        date.message
    );

    let missing = by_code(ProblemCode::MissingFile);
    assert_eq!(missing.line, 7);
    assert!(missing.message.contains("/hub/assets/icons/missing.png"));

    let required = by_code(ProblemCode::MissingRequired);
    assert_eq!(required.field.as_deref(), Some("contact"));
    assert!(required.message.starts_with("Contact e-mail is required"));

    let choice = by_code(ProblemCode::NotAChoice);
    assert!(choice.hint.contains("planned, ongoing, done"));
}

#[test]
fn a_union_is_not_a_mismatch_and_baseurl_is_understood() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    // e1 has `start: 2017` (a year) where the others have dates: both are fine.
    assert!(site
        .page_problems("my_collections/_engagements/e1.md")
        .is_empty());
    // no-title.md has no title although .galley.yml requires one.
    let problems = site.page_problems("my_collections/_engagements/no-title.md");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].code, ProblemCode::MissingRequired);
}

#[test]
fn jekyll_post_with_an_impossible_date_in_its_name() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let problems = site.page_problems("my_collections/_posts/2023-02-30-impossible.md");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, ProblemCode::ImpossibleDate);
}

#[test]
fn non_utf8_is_an_error_pointing_at_the_byte() {
    let dir = fixture("plain");
    write(
        dir.path(),
        "docs/latin1.md",
        b"---\ntitle: ok\nplace: G\xf6teborg\n---\n",
    );
    let site = Site::open(dir.path()).expect("open");
    let problems = site.page_problems("docs/latin1.md");
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(
        (p.code, p.severity, p.line, p.column),
        (ProblemCode::NotUtf8, Severity::Error, 3, 9)
    );
}

#[test]
fn config_problems_point_into_the_config() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "_config.yml",
        "title: x\ncollections:\n  news:\n    output: true\n    permaling: /n/:path/\n",
    );
    write(dir.path(), "_news/a.md", "---\ntitle: A\n---\n");
    let site = Site::open(dir.path()).expect("open");
    let p = &site.config_problems()[0];
    assert_eq!((p.path.as_str(), p.line, p.column), ("_config.yml", 5, 5));
    assert!(p.message.contains("permalink"));

    write(dir.path(), "_config.yml", "title: x\nbad: \"unclosed\n");
    let site = Site::open(dir.path()).expect("open");
    let p = &site.config_problems()[0];
    assert_eq!(
        (p.path.as_str(), p.line, p.severity),
        ("_config.yml", 2, Severity::Error)
    );
}

#[test]
fn checking_text_being_edited() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let problems = site.check_text(
        "my_collections/_engagements/new.md",
        b"---\ntitle: New\ncontact: a@b.se\nprio: high\n---\n",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        (problems[0].code, problems[0].line),
        (ProblemCode::TypeMismatch, 4)
    );
}

#[test]
fn problems_serialise_for_the_ui() {
    let dir = fixture("malformed");
    let site = Site::open(dir.path()).expect("open");
    let json = serde_json::to_value(check_site(&site)).expect("json");
    let first = &json[0];
    for key in [
        "path", "line", "column", "severity", "code", "message", "hint",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["severity"], "error");
}
