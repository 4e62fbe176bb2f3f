//! Schemas inferred from fixture sites, with `.galley.yml` and Decap overrides.

mod fixture_sites;

use fixture_sites::fixture;
use galley_core::schema::{Kind, KindCount, Source};
use galley_core::site::Site;

#[test]
fn engagements_schema_from_pages_and_galley_settings() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let schema = site.schema("engagements").expect("schema");
    assert_eq!(schema.label, "Our engagements");
    assert_eq!(schema.page_count, 8);
    let keys: Vec<&str> = schema.fields.iter().map(|f| f.key.as_str()).collect();
    // Settings' fields first, in their order, then the rest as pages have them.
    assert_eq!(
        &keys[..6],
        &["title", "contact", "status", "start", "end", "prio"]
    );
    let title = schema.field("title").expect("title");
    assert_eq!(
        (title.label.as_str(), title.required, title.source),
        ("Name", true, Source::Galley)
    );
    assert_eq!((title.present, title.of), (7, 8));
    let contact = schema.field("contact").expect("contact");
    assert_eq!(
        contact.help.as_deref(),
        Some("Who answers questions about this engagement.")
    );
    assert_eq!(contact.shape.kinds[0].kind, Kind::Email);

    // A union recorded honestly: one year, seven dates.
    let start = schema.field("start").expect("start");
    assert_eq!(
        start.shape.kinds,
        vec![
            KindCount {
                kind: Kind::Date,
                count: 7
            },
            KindCount {
                kind: Kind::Year,
                count: 1
            }
        ]
    );
    let prio = schema.field("prio").expect("prio");
    assert_eq!(prio.shape.dominant(), Some((Kind::Int, 7)));
    assert!(prio.shape.kinds.contains(&KindCount {
        kind: Kind::Text,
        count: 1
    }));

    let status = schema.field("status").expect("status");
    assert!(status.choices_from_settings);
    assert_eq!(
        status.shape.choices,
        Some(vec!["planned".into(), "ongoing".into(), "done".into()])
    );

    let logo = schema.field("logo").expect("logo");
    assert_eq!(logo.shape.kinds[0].kind, Kind::Image);
    let files = logo.shape.files.as_ref().expect("file counts");
    assert_eq!((files.found, files.missing), (7, 1));
    assert_eq!(
        schema.field("website").expect("website").shape.kinds[0].kind,
        Kind::Url
    );
}

#[test]
fn hugo_schema_reads_decap_config_and_lists() {
    let dir = fixture("hugo-bundles");
    let site = Site::open(dir.path()).expect("open");
    let posts = site.schema("posts").expect("posts");
    assert_eq!(posts.page_count, 3, "the section page is not a post");
    let date = posts.field("date").expect("date");
    assert_eq!(date.label, "Publish date");
    assert_eq!(date.expects, Some(Kind::DateTime));
    assert_eq!(date.source, Source::Decap);
    assert!(
        date.required,
        "Decap fields are required unless they say otherwise"
    );
    let draft = posts.field("draft").expect("draft");
    assert!(!draft.required);
    assert_eq!(draft.shape.kinds[0].kind, Kind::Bool);
    let summary = posts
        .field("summary")
        .expect("summary, from the config only");
    assert_eq!(
        (summary.present, summary.help.as_deref()),
        (0, Some("One sentence."))
    );
    assert!(
        posts.field("body").is_none(),
        "Decap's body is the Markdown text"
    );
    let tags = posts.field("tags").expect("tags");
    assert_eq!(tags.shape.kinds[0].kind, Kind::List);
    let items = tags.shape.items.as_ref().expect("items");
    assert_eq!(
        items.kinds[0],
        KindCount {
            kind: Kind::Text,
            count: 4
        }
    );
    let params = posts.field("params").expect("TOML table");
    assert_eq!(params.shape.fields[0].key, "prio");
    let cover = posts.field("cover").expect("cover");
    let files = cover.shape.files.as_ref().expect("files");
    assert_eq!(
        (files.found, files.missing),
        (2, 1),
        "static/ and bundle images resolve"
    );
}

#[test]
fn schemas_serialise_for_the_ui() {
    let dir = fixture("jekyll-collections");
    let site = Site::open(dir.path()).expect("open");
    let json = serde_json::to_value(site.schemas()).expect("json");
    let fields = &json[0]["fields"];
    assert_eq!(fields[0]["key"], "title");
    assert_eq!(json[0]["collection"], "engagements");
    let start = fields
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["key"] == "start")
        .expect("start");
    assert_eq!(start["kinds"][0]["kind"], "date");
    assert_eq!(start["kinds"][1]["kind"], "year");
    assert_eq!(start["present"], 8);
}

#[test]
fn demo_content_schema() {
    let site = Site::open(&fixture_sites::demo_content()).expect("open");
    let engagements = site.schema("engagements").expect("engagements");
    let prio = engagements.field("prio").expect("prio");
    assert_eq!(prio.shape.dominant().map(|d| d.0), Some(Kind::Int));
    assert_eq!(prio.present, engagements.page_count);
}
