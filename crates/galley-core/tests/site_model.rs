//! The site model over fixture sites: generator detection, collections, titles,
//! skipped folders, defaults, bundles and sections.

mod fixture_sites;

use fixture_sites::{fixture, write};
use galley_core::frontmatter::Value;
use galley_core::site::{find_site_root, Generator, PageKind, Site};

fn rows(site: &Site) -> Vec<(String, String, String)> {
    site.pages
        .iter()
        .map(|p| (p.collection.clone(), p.path.clone(), p.title.clone()))
        .collect()
}

#[test]
fn jekyll_collections_dir_posts_and_pages() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    assert_eq!(site.generator, Generator::Jekyll);
    let ids: Vec<&str> = site.collections.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["engagements", "posts", "pages"]);
    let eng = &site.collections[0];
    assert_eq!(eng.label, "Our engagements", "label from .galley.yml");
    assert_eq!(eng.page_count, 8);
    assert_eq!(eng.folder.as_deref(), Some("my_collections/_engagements"));
    assert_eq!(eng.permalink.as_deref(), Some("/about/engagements/:path/"));
    let paths: Vec<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    for skipped in [
        "_site/about/index.md",
        "node_modules/pkg/README.md",
        "vendor/bundle/gem.md",
        "README.md",
        "drafts-not/x.md",
        "_includes/note.md",
        "_layouts/default.html",
        "static.html",
    ] {
        assert!(
            !paths.iter().any(|p| p == skipped),
            "{skipped} is not a page"
        );
    }
    assert!(
        paths.iter().any(|p| p == "index.html"),
        "html with front matter is a page"
    );
    let rows = rows(&site);
    assert!(rows.contains(&(
        "engagements".into(),
        "my_collections/_engagements/no-title.md".into(),
        "Heading Title".into()
    )));
    assert!(rows.contains(&("pages".into(), "index.html".into(), "index".into())));
    assert!(rows.contains(&(
        "posts".into(),
        "my_collections/_posts/2024-01-02-hello.md".into(),
        "Hello".into()
    )));
}

#[test]
fn jekyll_defaults_make_effective_fields() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let e1 = site
        .effective_fields("my_collections/_engagements/e1.md")
        .expect("fields");
    assert_eq!(
        e1.get_key("layout"),
        Some(&Value::String("engagement".into()))
    );
    assert_eq!(
        e1.get_key("show_map"),
        Some(&Value::Bool(true)),
        "YAML 1.1 yes"
    );
    assert_eq!(
        e1.get_key("author"),
        Some(&Value::String("The team".into()))
    );
    assert_eq!(e1.get_key("prio"), Some(&Value::Int(1)));
    let about = site.effective_fields("about/index.md").expect("fields");
    assert_eq!(
        about.get_key("layout"),
        Some(&Value::String("about-page".into()))
    );
    // The page's own fields never include defaults.
    let own = site
        .fields("my_collections/_engagements/e1.md")
        .expect("own");
    assert_eq!(own.get_key("layout"), None);
}

#[test]
fn hugo_sections_bundles_and_toml() {
    let dir = fixture("hugo-bundles");
    let site = Site::open(dir.path()).expect("open");
    assert_eq!(site.generator, Generator::Hugo);
    let rows = rows(&site);
    assert!(rows.contains(&(
        "posts".into(),
        "content/posts/first.md".into(),
        "First post".into()
    )));
    assert!(rows.contains(&(
        "posts".into(),
        "content/posts/bundle/index.md".into(),
        "A bundle".into()
    )));
    assert!(rows.contains(&(
        "docs".into(),
        "content/docs/install.md".into(),
        "Install".into()
    )));
    assert!(rows.contains(&("pages".into(), "content/_index.md".into(), "Home".into())));
    assert!(
        !rows.iter().any(|r| r.1.contains("notes.md")),
        "bundle resources are not pages"
    );
    assert!(!rows
        .iter()
        .any(|r| r.1.starts_with("themes/") || r.1.starts_with("public/")));
    let kind = |path: &str| site.pages.iter().find(|p| p.path == path).map(|p| p.kind);
    assert_eq!(
        kind("content/posts/bundle/index.md"),
        Some(PageKind::Bundle)
    );
    assert_eq!(kind("content/posts/_index.md"), Some(PageKind::Section));
    assert_eq!(kind("content/posts/first.md"), Some(PageKind::Page));
    // The section page comes first in its collection.
    let posts: Vec<&str> = site
        .pages
        .iter()
        .filter(|p| p.collection == "posts")
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(posts[0], "content/posts/_index.md");
    // Hugo reads YAML 1.2: `yes` is text.
    let about = site.fields("content/about.md").expect("fields");
    assert_eq!(about.get_key("hidden"), Some(&Value::String("yes".into())));
    let first = site.fields("content/posts/first.md").expect("fields");
    assert_eq!(first.get_key("draft"), Some(&Value::Bool(false)));
}

#[test]
fn hugo_content_dir_setting() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "hugo.yaml", "contentDir: pages\n");
    write(dir.path(), "pages/blog/a.md", "---\ntitle: A\n---\n");
    write(dir.path(), "content/ignored.md", "---\ntitle: no\n---\n");
    let site = Site::open(dir.path()).expect("open");
    assert_eq!(
        rows(&site),
        vec![("blog".into(), "pages/blog/a.md".into(), "A".into())]
    );
}

#[test]
fn plain_folders() {
    let dir = fixture("plain");
    let site = Site::open(dir.path()).expect("open");
    assert_eq!(site.generator, Generator::Plain);
    assert_eq!(
        rows(&site),
        vec![
            // By title, ignoring case: "b" before "Doc A".
            ("docs".into(), "docs/b.md".into(), "b".into()),
            ("docs".into(), "docs/a.md".into(), "Doc A".into()),
            ("notes".into(), "notes/c.md".into(), "Note".into()),
            ("pages".into(), "index.md".into(), "Welcome".into()),
        ]
    );
}

#[test]
fn jekyll_collections_as_a_list_and_drafts() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "_config.yml",
        "collections:\n  - people\n  - projects\n",
    );
    write(dir.path(), "_people/a.md", "---\nname: A\n---\n");
    write(dir.path(), "_projects/p.md", "---\ntitle: P\n---\n");
    write(dir.path(), "_drafts/d.md", "---\ntitle: Draft\n---\n");
    write(dir.path(), "_unlisted/x.md", "---\ntitle: X\n---\n");
    let site = Site::open(dir.path()).expect("open");
    let ids: Vec<&str> = site.collections.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["people", "projects", "drafts"]);
}

#[cfg(unix)]
#[test]
fn symlinks_are_never_followed() {
    let outside = tempfile::tempdir().expect("tmp");
    write(
        outside.path(),
        "secret/page.md",
        "---\ntitle: Secret\n---\n",
    );
    write(outside.path(), "file.md", "---\ntitle: Outside file\n---\n");
    let dir = fixture("plain");
    std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("linked"))
        .expect("symlink");
    std::os::unix::fs::symlink(
        outside.path().join("file.md"),
        dir.path().join("docs/link.md"),
    )
    .expect("symlink");
    let site = Site::open(dir.path()).expect("open");
    assert!(site
        .pages
        .iter()
        .all(|p| p.title != "Secret" && p.title != "Outside file"));
    assert_eq!(site.pages.len(), 4);
}

#[test]
fn site_root_is_found_from_a_file() {
    let dir = fixture("jekyll-collections");
    let file = dir.path().join("my_collections/_engagements/e1.md");
    let (root, generator) = find_site_root(&file).expect("root");
    assert_eq!(root, dir.path().canonicalize().expect("canon"));
    assert_eq!(generator, Generator::Jekyll);
    let plain = fixture("plain");
    assert!(find_site_root(&plain.path().join("docs/a.md")).is_none());
}

#[test]
fn non_utf8_pages_are_listed_as_broken() {
    let dir = fixture("plain");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "---\ntitle: x\n---\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write(dir.path(), "docs/utf16.md", utf16);
    write(dir.path(), "docs/latin1.md", b"---\ntitle: caf\xe9\n---\n");
    let site = Site::open(dir.path()).expect("open");
    let page = |p: &str| site.pages.iter().find(|x| x.path == p).expect("listed");
    assert!(page("docs/utf16.md").broken);
    assert_eq!(page("docs/latin1.md").title, "latin1");
    assert!(!page("docs/a.md").broken);
}

#[test]
fn a_missing_folder_is_an_error_in_words() {
    let err = Site::open(std::path::Path::new("/no/such/folder")).expect_err("missing");
    assert!(err.to_string().contains("does not exist"));
}

#[test]
fn serialised_summary_stays_compatible() {
    let dir = fixture("plain");
    let site = Site::open(dir.path()).expect("open");
    let json = serde_json::to_value(&site).expect("json");
    let page = &json["pages"][0];
    for key in ["path", "collection", "title"] {
        assert!(page.get(key).is_some(), "{key}");
    }
    let collection = &json["collections"][0];
    for key in ["id", "label", "page_count"] {
        assert!(collection.get(key).is_some(), "{key}");
    }
    assert_eq!(json["generator"], "plain");
}
