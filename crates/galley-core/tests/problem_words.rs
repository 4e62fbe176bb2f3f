//! Every problem carries its words: a code the UI knows and exactly the values
//! that code declares, so the UI can say it in Swedish as well as English.

mod fixture_sites;

use fixture_sites::{fixture, write};
use galley_core::site::Site;
use galley_core::validate::{check_site, Problem, ProblemCode};
use galley_core::words::{Say, Words};
use std::collections::BTreeMap;

/// The words' code is declared and their values are exactly the declared ones.
fn assert_declared(words: &Words) {
    let say = Say::from_code(words.code).unwrap_or_else(|| panic!("unknown {}", words.code));
    let mut declared: Vec<&str> = say.params().to_vec();
    declared.sort_unstable();
    let given: Vec<&str> = words.params.keys().map(String::as_str).collect();
    assert_eq!(given, declared, "values of {}", words.code);
}

fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn all_declared(problems: &[Problem]) {
    assert!(!problems.is_empty());
    for p in problems {
        assert_declared(&p.words);
        assert_declared(&p.hint_words);
    }
}

#[test]
fn read_problems_have_words_per_kind() {
    let dir = fixture("malformed");
    let site = Site::open(dir.path()).expect("open");
    let problems = check_site(&site);
    all_declared(&problems);
    let words_of = |path: &str| {
        let p = problems
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("no problem in {path}"));
        (p.words.clone(), p.hint_words.clone())
    };
    let (quote, hint) = words_of("_posts/2024-01-01-quote.md");
    assert_eq!(quote.code, "problem.malformed.unclosedQuote");
    assert_eq!(hint.code, "problem.hint.closeQuote");
    assert_eq!(
        words_of("_posts/2024-01-02-tab.md").0.code,
        "problem.malformed.tab"
    );
    let (dup, hint) = words_of("_posts/2024-01-03-duplicate.md");
    assert_eq!(dup.code, "problem.duplicateKey");
    assert_eq!(dup.params, params(&[("key", "title"), ("first_line", "2")]));
    assert_eq!(hint.code, "problem.hint.keepOne");
    let (unclosed, hint) = words_of("_posts/2024-01-04-unclosed.md");
    assert_eq!(unclosed.code, "problem.malformed.unclosed");
    assert_eq!(unclosed.params, params(&[("fence", "---")]));
    assert_eq!(hint.code, "problem.hint.closeFence");
}

#[test]
fn collection_problems_have_words_per_kind() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let problems = site.page_problems("my_collections/_engagements/odd.md");
    all_declared(&problems);
    let by_code = |code| problems.iter().find(|p| p.code == code).expect("problem");

    let prio = by_code(ProblemCode::TypeMismatch);
    assert_eq!(prio.words.code, "problem.typeMismatch.others");
    assert_eq!(
        prio.words.params,
        params(&[
            ("field", "prio"),
            ("expected", "int"),
            ("count", "7"),
            ("collection", "our engagements"),
            ("found", "text"),
        ])
    );
    assert_eq!(prio.hint_words.code, "problem.hint.removeQuotes");
    assert_eq!(
        prio.hint_words.params,
        params(&[("key", "prio"), ("value", "3")])
    );

    let end = by_code(ProblemCode::EndBeforeStart);
    assert_eq!(end.words.code, "problem.endBeforeStart");
    assert_eq!(
        end.words.params,
        params(&[
            ("end_key", "end"),
            ("end", "2021-01-01"),
            ("start_key", "start"),
            ("start", "2022-05-01"),
        ])
    );

    let date = by_code(ProblemCode::ImpossibleDate);
    assert_eq!(date.words.code, "problem.impossibleDate.days");
    assert_eq!(date.words.params["month"], "2");
    assert_eq!(date.words.params["year"], "2023");
    assert_eq!(date.words.params["days"], "28");
    assert_eq!(date.hint_words.code, "problem.hint.checkDate");

    let missing = by_code(ProblemCode::MissingFile);
    assert_eq!(missing.words.code, "problem.missingFile.image");
    assert_eq!(
        missing.words.params,
        params(&[("reference", "/hub/assets/icons/missing.png")])
    );

    let required = by_code(ProblemCode::MissingRequired);
    assert_eq!(required.words.code, "problem.missingRequired");
    assert_eq!(required.words.params["label"], "Contact e-mail");
    assert_eq!(required.hint_words.code, "problem.hint.addField");

    let choice = by_code(ProblemCode::NotAChoice);
    assert_eq!(choice.words.code, "problem.notAChoice");
    assert_eq!(choice.hint_words.code, "problem.hint.useChoice");
    assert_eq!(
        choice.hint_words.params["choices"],
        "planned, ongoing, done"
    );
}

#[test]
fn a_settings_type_mismatch_names_the_kinds() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let problems = site.check_text(
        "my_collections/_engagements/new.md",
        b"---\ntitle: New\ncontact: a@b.se\nprio: high\n---\n",
    );
    all_declared(&problems);
    let p = &problems[0];
    assert!(p.words.code.starts_with("problem.typeMismatch."));
    assert_eq!(p.words.params["expected"], "int");
    assert_eq!(p.words.params["found"], "text");
    assert_eq!(p.hint_words.code, "problem.hint.changeKind");
}

#[test]
fn post_dates_not_utf8_and_config_problems_have_words() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let post = site.page_problems("my_collections/_posts/2023-02-30-impossible.md");
    all_declared(&post);
    assert_eq!(post[0].words.code, "problem.impossibleDate.fileName");
    assert_eq!(post[0].words.params["value"], "2023-02-30");
    assert_eq!(post[0].hint_words.code, "problem.hint.renamePost");

    let dir = fixture("plain");
    write(
        dir.path(),
        "docs/latin1.md",
        b"---\ntitle: G\xf6teborg\n---\n",
    );
    let site = Site::open(dir.path()).expect("open");
    let latin1 = site.page_problems("docs/latin1.md");
    all_declared(&latin1);
    assert_eq!(latin1[0].words.code, "problem.notUtf8.byte");
    assert_eq!(latin1[0].hint_words.code, "problem.hint.saveAsUtf8");

    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "_config.yml",
        "title: x\ncollections:\n  news:\n    output: true\n    permaling: /n/:path/\n",
    );
    write(dir.path(), "_news/a.md", "---\ntitle: A\n---\n");
    let site = Site::open(dir.path()).expect("open");
    let config = site.config_problems().to_vec();
    all_declared(&config);
    assert_eq!(config[0].words.code, "problem.config.misspelt");
    assert_eq!(
        config[0].words.params,
        params(&[
            ("collection", "news"),
            ("key", "permaling"),
            ("meant", "permalink"),
        ])
    );
}

#[test]
fn cached_problems_keep_their_words() {
    let dir = fixture("malformed");
    let cache = tempfile::tempdir().expect("tmp");
    let options = galley_core::site::OpenOptions {
        cache_dir: Some(cache.path().to_path_buf()),
    };
    let first = check_site(&Site::open_with(dir.path(), &options).expect("open"));
    let again = check_site(&Site::open_with(dir.path(), &options).expect("reopen"));
    assert_eq!(first, again);
    all_declared(&again);
}

#[test]
fn the_cli_json_leaves_the_words_out() {
    let dir = fixture("malformed");
    let site = Site::open(dir.path()).expect("open");
    let problem = &check_site(&site)[0];
    let json = problem.to_cli_json();
    assert!(json.get("words").is_none() && json.get("hint_words").is_none());
    let wire = serde_json::to_value(problem).expect("json");
    assert_eq!(wire["words"]["code"], problem.words.code);
}

#[test]
fn every_kind_has_its_code() {
    use galley_core::schema::Kind;
    for kind in [
        Kind::Null,
        Kind::Bool,
        Kind::Int,
        Kind::Year,
        Kind::Float,
        Kind::Date,
        Kind::DateTime,
        Kind::Text,
        Kind::Url,
        Kind::Email,
        Kind::Image,
        Kind::File,
        Kind::List,
        Kind::Object,
    ] {
        let code = format!("problem.kind.{}", galley_core::words::kind_code(kind));
        assert!(Say::from_code(&code).is_some(), "{code}");
    }
}
