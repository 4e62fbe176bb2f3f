//! `check_draft`: what the form asks while the editor types — "Edit as YAML"
//! and every other change are checked against the page's collection before
//! anything is applied, and nothing is written.

use galley_core::draft::{check_draft, FieldOp};
use galley_core::page::FieldEdit;
use galley_core::site::Site;
use galley_core::validate::{ProblemCode, Severity};
use std::path::{Path, PathBuf};

const KNEE: &str = "_datasets/knee-mri.md";
const AIDA: &str = "_engagements/aida.md";

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn site_and_page(rel: &str) -> (Site, Vec<u8>) {
    let site = Site::open(&content()).expect("the demo site opens");
    let bytes = std::fs::read(content().join(rel)).expect("read page");
    (site, bytes)
}

fn yaml(key: &str, yaml: &str) -> FieldOp {
    FieldOp::Yaml {
        key: key.into(),
        yaml: yaml.into(),
    }
}

#[test]
fn yaml_that_does_not_read_is_a_problem_at_its_field_and_nothing_is_written() {
    let (site, bytes) = site_and_page(KNEE);
    let problems = check_draft(
        &site,
        KNEE,
        &bytes,
        &[],
        &[yaml("datacite.keywords", "[Radiology, MRI")],
        None,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.code, ProblemCode::Malformed);
    assert_eq!(p.field.as_deref(), Some("datacite.keywords"));
    // The problem is placed on the line of the field's top-level group.
    let datacite_line = String::from_utf8_lossy(&bytes)
        .lines()
        .position(|l| l.starts_with("datacite:"))
        .expect("datacite line")
        + 1;
    assert_eq!(p.line, datacite_line);
    assert_eq!(
        std::fs::read(content().join(KNEE)).expect("read"),
        bytes,
        "a check writes nothing"
    );
}

#[test]
fn yaml_that_reads_is_checked_like_the_rest_of_the_page() {
    let (site, bytes) = site_and_page(KNEE);
    let clean = check_draft(&site, KNEE, &bytes, &[], &[], None);
    let errors = |ps: &[galley_core::validate::Problem]| {
        ps.iter().filter(|p| p.severity == Severity::Error).count()
    };
    let good = check_draft(
        &site,
        KNEE,
        &bytes,
        &[],
        &[yaml(
            "datacite.keywords",
            "- Radiology\n- MRI\n- Orthopaedics\n",
        )],
        None,
    );
    assert_eq!(errors(&good), errors(&clean), "{good:?}");
    assert!(
        !good
            .iter()
            .any(|p| p.field.as_deref() == Some("datacite.keywords")),
        "{good:?}"
    );
}

#[test]
fn yaml_is_checked_after_the_drafts_other_changes() {
    let (site, bytes) = site_and_page(KNEE);
    let fourth = yaml("datacite.keywords[3]", "Menisci");
    let alone = check_draft(
        &site,
        KNEE,
        &bytes,
        &[],
        std::slice::from_ref(&fourth),
        None,
    );
    assert!(
        !alone.iter().any(|p| p.severity == Severity::Error),
        "the fourth keyword exists: {alone:?}"
    );
    // With an item removed first, there is no fourth keyword left to replace.
    let ops = [
        FieldOp::Remove {
            key: "datacite.keywords[2]".into(),
        },
        fourth,
    ];
    let problems = check_draft(&site, KNEE, &bytes, &[], &ops, None);
    assert!(
        problems
            .iter()
            .any(|p| p.severity == Severity::Error
                && p.field.as_deref() == Some("datacite.keywords[3]")),
        "{problems:?}"
    );
}

#[test]
fn a_wrong_typed_value_is_named_with_its_field() {
    let (site, bytes) = site_and_page(AIDA);
    let problems = check_draft(
        &site,
        AIDA,
        &bytes,
        &[FieldEdit {
            key: "prio".into(),
            input: "first".into(),
        }],
        &[],
        None,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code, ProblemCode::TypeMismatch);
    assert_eq!(problems[0].field.as_deref(), Some("prio"));
    assert!(problems[0].message.contains("whole number"), "{problems:?}");
}

#[test]
fn a_decimal_comma_passes_and_a_hex_number_does_not() {
    let src = "---\ntitle: Scan\nratio: 2.5\n---\n";
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("_config.yml"), "title: T\n").expect("config");
    std::fs::write(dir.path().join("scan.md"), src).expect("page");
    let site = Site::open(dir.path()).expect("open");
    let input = |text: &str| {
        check_draft(
            &site,
            "scan.md",
            src.as_bytes(),
            &[FieldEdit {
                key: "ratio".into(),
                input: text.into(),
            }],
            &[],
            None,
        )
    };
    assert!(input("3,5").is_empty(), "{:?}", input("3,5"));
    let hex = input("0x10");
    assert_eq!(hex.len(), 1, "{hex:?}");
    assert_eq!(hex[0].field.as_deref(), Some("ratio"));
    assert_eq!(hex[0].code, ProblemCode::TypeMismatch);
}
