//! The front matter form built from the collection's schema: a year widget, a
//! yes/no toggle that keeps the file's spelling, picking one of the site's
//! images, adding and reordering list items, and a wrong value explained next
//! to its field instead of being saved.

use crate::harness::{changed_lines, copy_demo_site, App, Launch};

const AIDA: &str = "_engagements/aida.md";
const KNEE: &str = "_datasets/knee-mri.md";

#[tokio::test]
async fn the_year_widget_changes_a_year() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.open_at_field(AIDA, "start").await;
    app.click("[data-testid='year-up-start']").await;
    app.click("[data-testid='year-up-start']").await;
    app.click("[data-testid='year-down-start']").await;
    app.wait_for(
        "the year to read 2018",
        "return document.querySelector(\"input[data-field='start']\").value === '2018';",
    )
    .await;
    app.screenshot("form-01-year").await;
    app.guide_shot("04-edit").await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![("start: 2017".to_owned(), "start: 2018".to_owned())]
    );
    app.stop().await;
}

#[tokio::test]
async fn a_yes_no_toggle_keeps_the_files_spelling() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    assert!(before.lines().any(|l| l == "hidden: no"));
    app.open_at_field(KNEE, "hidden").await;
    app.click("input[data-field='hidden']").await;
    app.screenshot("form-02-toggle").await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![("hidden: no".to_owned(), "hidden: yes".to_owned())]
    );
    app.stop().await;
}

#[tokio::test]
async fn an_image_is_picked_from_the_sites_images() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.open_at_field(AIDA, "logo").await;
    app.click("[data-testid='pick-logo']").await;
    app.find("[data-image='/assets/images/arena-map.png']")
        .await;
    app.screenshot("form-03-image-picker").await;
    app.click("[data-image='/assets/images/arena-map.png']")
        .await;
    app.wait_for(
        "the logo field to show the picked image",
        "return document.querySelector(\"input[data-field='logo']\").value === '/assets/images/arena-map.png' \
         && !!document.querySelector(\"[data-path='logo'] img.thumb\");",
    )
    .await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![(
            "logo: /assets/icons/aida.png".to_owned(),
            "logo: /assets/images/arena-map.png".to_owned()
        )]
    );
    app.stop().await;
}

#[tokio::test]
async fn a_list_item_is_added_and_moved() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    app.open_at_field(KNEE, "datacite.keywords[0]").await;
    app.click("[data-testid='add-datacite.keywords']").await;
    app.type_into("input[data-field='datacite.keywords[4]']", "Orthopaedics")
        .await;
    app.click("[data-testid='up-datacite.keywords[4]']").await;
    app.wait_for(
        "the new keyword to move up",
        "return document.querySelector(\"input[data-field='datacite.keywords[3]']\").value === 'Orthopaedics';",
    )
    .await;
    app.screenshot("form-04-list").await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    // One new line, right after "Knee", in the file's own line endings. The
    // item is created empty (`""`) and then typed into, so the engine keeps
    // its double quotes: same value, one-line diff.
    let expected = before.replace(
        "  - Knee\r\n  - \"Meniscus\"\r\n",
        "  - Knee\r\n  - \"Orthopaedics\"\r\n  - \"Meniscus\"\r\n",
    );
    assert_ne!(expected, before, "the sample page changed shape");
    assert_eq!(after, expected);
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_value_is_explained_next_to_its_field_and_not_saved() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.open_at_field(AIDA, "prio").await;
    app.type_into("input[data-field='prio']", "first").await;
    let problem = app.text_of("[data-testid='problem-prio']").await;
    assert!(problem.contains("whole number"), "{problem}");
    app.click("[data-testid='save']").await;
    app.wait_for_status("Not saved").await;
    app.screenshot("form-05-wrong-value").await;
    let status = app.text_of("[data-testid='status']").await;
    assert!(status.contains("Prio"), "{status}");
    assert_eq!(
        std::fs::read_to_string(app.site.join(AIDA)).expect("read"),
        before
    );
    app.stop().await;
}

#[tokio::test]
async fn a_field_in_a_group_and_in_a_list_of_groups_is_saved_as_its_one_line() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    app.open_at_field(KNEE, "datacite.publisher.name").await;
    app.type_into(
        "input[data-field='datacite.publisher.name']",
        "Galley Demo Data Hub, Linköping",
    )
    .await;
    app.save().await;
    let after_group = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    assert_eq!(
        changed_lines(&before, &after_group),
        vec![(
            "    name: \"Galley Demo Data Hub\"".to_owned(),
            "    name: \"Galley Demo Data Hub, Linköping\"".to_owned()
        )]
    );

    app.type_into(
        "input[data-field='datacite.author[1].affiliation']",
        "Linköping University Hospital",
    )
    .await;
    app.screenshot("form-06-list-of-groups").await;
    app.save().await;
    let after_item = std::fs::read_to_string(app.site.join(KNEE)).expect("read");
    assert_eq!(
        changed_lines(&after_group, &after_item),
        vec![(
            "    affiliation: \"Region Östergötland\"".to_owned(),
            "    affiliation: \"Linköping University Hospital\"".to_owned()
        )]
    );
    assert!(
        after_item.contains("    affiliation: \"Linköping University Hospital\"\r\n"),
        "the page keeps its CRLF line endings"
    );
    app.stop().await;
}

/// A news post with a time, as Jekyll writes them (the demo site's posts have
/// dates only, as the AIDA site's do, so the test adds one to its copy).
const SEMINAR: &str = "_news/2025-03-10-spring-seminar-lund.md";
const SEMINAR_PAGE: &str = "---\ntitle: Spring seminar in Lund\ndate: 2025-03-10 13:00:00 +0100\nupdated: \"2025-03-01 09:15\"\ntags:\n  - events\n---\nJoin us in Lund for an afternoon on federated learning with imaging data.\n";

/// Sets a date or time control's value as picking in it does, then tells the
/// page it changed: keys sent through WebDriver do not reach the fields of
/// WebKit's time control (tried: typing 143000 left it at 00:00:00).
async fn pick(app: &App, css: &str, value: &str) {
    app.find(css).await;
    app.eval(&format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; \
         el.dispatchEvent(new Event('input', {{ bubbles: true }})); \
         el.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"
    ))
    .await;
}

#[tokio::test]
async fn a_date_and_time_changes_its_time_and_keeps_the_files_spelling() {
    let app = App::launch_with_site(Launch::default(), |site| {
        copy_demo_site(site);
        std::fs::write(site.join(SEMINAR), SEMINAR_PAGE).expect("write the seminar post");
    })
    .await;
    app.open_at_field(SEMINAR, "date").await;
    let kinds = app
        .eval(
            "return [...document.querySelectorAll(\"[data-path='date'] input, [data-path='updated'] input\")].map((i) => i.type);",
        )
        .await;
    assert_eq!(
        kinds,
        serde_json::json!(["date", "time", "date", "time"]),
        "WebKit gives date and time controls"
    );
    assert_eq!(app.text_of("[data-testid='zone-date']").await, "UTC+01:00");
    app.screenshot("form-07-date-time").await;
    app.eval("document.documentElement.dataset.theme = 'dark'; return true;")
        .await;
    app.screenshot("form-07-date-time-dark").await;
    app.eval("document.documentElement.dataset.theme = 'light'; return true;")
        .await;

    pick(&app, "[data-testid='time-date']", "14:30:00").await;
    // Quoted and without seconds: Jekyll reads it as a time all the same.
    pick(&app, "[data-testid='time-updated']", "10:45").await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(SEMINAR)).expect("read");
    assert_eq!(
        changed_lines(SEMINAR_PAGE, &after),
        vec![
            (
                "date: 2025-03-10 13:00:00 +0100".to_owned(),
                "date: 2025-03-10 14:30:00 +0100".to_owned()
            ),
            (
                "updated: \"2025-03-01 09:15\"".to_owned(),
                "updated: \"2025-03-01 10:45\"".to_owned()
            )
        ]
    );

    // Emptied, the field shows a button rather than an empty control.
    app.click("[data-testid='clear-date-updated']").await;
    app.find("[data-testid='add-date-updated']").await;
    app.screenshot("form-08-empty-date-time").await;
    app.stop().await;
}
