//! The demo site must be valid; the AIDA corpus (when present) must open and check
//! without errors. Both are read, never written.

mod fixture_sites;

use galley_core::site::Site;
use galley_core::validate::{check_site, Severity};
use std::path::Path;

#[test]
fn demo_content_has_no_problems() {
    let site = Site::open(&fixture_sites::demo_content()).expect("open");
    assert!(site.pages.len() >= 20);
    let problems = check_site(&site);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn aida_corpus_reads_without_errors() {
    // shared/ sits beside the project's checkout (DEVELOPERS.md), on every machine.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/aida-site");
    assert!(
        corpus.is_dir(),
        "the AIDA corpus is expected at {}",
        corpus.display()
    );
    let site = Site::open(&corpus).expect("open");
    assert!(site.pages.len() > 150);
    assert!(site.collections.iter().any(|c| c.id == "support-projects"));
    let problems = check_site(&site);
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Real findings in the corpus, kept as regression checks.
    assert!(problems
        .iter()
        .any(|p| p.path == "_config.yml" && p.message.contains("permaling")));
    assert!(problems
        .iter()
        .any(|p| p.path.ends_with("ctpa.md") && p.message.contains("2019-04-00")));
}
