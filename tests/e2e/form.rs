//! The front matter form built from the collection's schema: a year widget, a
//! yes/no toggle that keeps the file's spelling, picking one of the site's
//! images, adding and reordering list items, and a wrong value explained next
//! to its field instead of being saved.

use crate::harness::App;

const AIDA: &str = "_engagements/aida.md";
const KNEE: &str = "_datasets/knee-mri.md";

async fn open(app: &App, page: &str, field: &str) {
    app.click(&format!("[data-path='{page}']")).await;
    app.find(&format!("[data-field='{field}']")).await;
}

async fn save(app: &App) {
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
}

/// The lines of `after` that differ from `before` (same line count expected).
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "lines were added or removed:\n{after}"
    );
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
}

#[tokio::test]
async fn the_year_widget_changes_a_year() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    open(&app, AIDA, "start").await;
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
    save(&app).await;
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
    open(&app, KNEE, "hidden").await;
    app.click("input[data-field='hidden']").await;
    app.screenshot("form-02-toggle").await;
    save(&app).await;
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
    open(&app, AIDA, "logo").await;
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
    save(&app).await;
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
    open(&app, KNEE, "datacite.keywords[0]").await;
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
    save(&app).await;
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
    open(&app, AIDA, "prio").await;
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
