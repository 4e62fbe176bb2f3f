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

/// Every link between pages written in the AIDA pages (`[text](/about/aida)`,
/// `[text](../legal/)`), with the page it is written in.
fn aida_page_links(site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in &site.pages {
        let Ok(text) = std::fs::read_to_string(site.root.join(&page.path)) else {
            continue;
        };
        for piece in text.split("](").skip(1) {
            let Some(end) = piece.find([')', ' ']) else {
                continue;
            };
            let link = &piece[..end];
            let external = link.is_empty()
                || link.starts_with('#')
                || link.contains(':')
                || link.contains("{{")
                || link.contains("{%");
            // Links to images and files are references, checked elsewhere.
            let path = link.split(['?', '#']).next().unwrap_or(link);
            let file = path.rsplit('/').next().is_some_and(|last| {
                [".png", ".jpg", ".svg", ".pdf", ".json", ".docx"]
                    .iter()
                    .any(|ext| last.ends_with(ext))
            });
            if !external && !file {
                out.push((page.path.clone(), link.to_owned()));
            }
        }
    }
    out
}

/// Links in the AIDA pages that lead nowhere on the published site either: no
/// page `/about/aida`, a `people` page beside `services/…` or `datasets/…`, a
/// relative `dsp` or `events/…` read from a post's address, a space in an
/// address, web addresses without `https://`, a missing image.
const AIDA_BROKEN_LINKS: &[(&str, &str)] = &[
    ("_events/2024-12-11-scilifelab-seminar-series.md", "dsp"),
    (
        "_news/2024-08-15-sharing-41-countries.md",
        "/assets/images/10.23698/aida/lnco/he-overview-thumbnail.jpeg",
    ),
    (
        "_news/2025-03-20-dsp-open-for-business.md",
        "events/2025-05-19-vitalis/",
    ),
    (
        "_news/2025-08-24-open-position-systems-developer.md",
        "/jobs/2025-08-24-systems",
    ),
    ("about/index.md", "/about/aida"),
    ("agreements/index.md", "AIDA"),
    ("agreements/index.md", "Non-AIDA"),
    (
        "data-science-platform/hardware/index.md",
        "../people#system-design-support",
    ),
    ("datasets/scapis/index.md", "../people#data-sharing"),
    ("datasets/scapis/index.md", "scapis.org"),
    ("index.md", "/about/aida"),
    (
        "jobs/2025-08-24-systems-developer/index.md",
        "elixir-europe.org",
    ),
    ("jobs/2025-08-24-systems-developer/index.md", "nbis.se"),
    ("policy/definition/index.md", "/about/aida"),
    ("policy/index.md", "/about/aida"),
    ("policy/metapolicy/index.md", "/about/aida"),
    ("policy/strategy/index.md", "/about/aida"),
    ("services/data-sharing/index.md", "../people#data-sharing"),
    ("services/extract-enrich/index.md", "../people#data-sharing"),
    ("sharing/templates/index.md", "AIDA"),
    ("sharing/templates/index.md", "Non-AIDA"),
];

/// Every other link between AIDA pages opens its page, as written and as the
/// preview hands it over when clicked — relative links too, read from the
/// page's address (`../bigpicture` from `/about/engagements/asha/`).
#[test]
fn aida_links_between_pages_open_the_pages() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/aida-site");
    let site = Site::open(&corpus).expect("open");
    let links = aida_page_links(&site);
    assert!(links.len() > 300, "{}", links.len());
    let mut lost: Vec<(&str, &str)> = Vec::new();
    for (from, link) in &links {
        let opened = site.page_for_link(from, link);
        let clicked = match galley_core::preview::urls::link_target(link, &site.config.baseurl) {
            galley_core::preview::urls::LinkTarget::Site(target) => {
                site.page_for_link(from, &target)
            }
            other => panic!("{link} in {from} is not a site link: {other:?}"),
        };
        assert_eq!(opened, clicked, "{link} in {from}, clicked in the preview");
        if opened.is_none() {
            lost.push((from, link));
        }
    }
    lost.sort();
    lost.dedup();
    assert_eq!(lost, AIDA_BROKEN_LINKS);
    // Read from the page's address, not its file: `_engagements/asha.md` is
    // published at /about/engagements/asha/.
    assert_eq!(
        site.page_for_link("_engagements/asha.md", "../../../data-science-platform")
            .as_deref(),
        Some("data-science-platform/index.md")
    );
    assert_eq!(
        site.page_for_link("_engagements/asha.md", "../bigpicture")
            .as_deref(),
        Some("_engagements/bigpicture.md")
    );
}
