//! The site browser: finding a page by search (accents and a typo forgiven),
//! the page list's key fields, and new page → rename → delete → restore.

use crate::harness::App;
use fantoccini::key::Key;

const OSTERSUND: &str = "_engagements/ostersund-ultrasound.md";

fn title_field_is(title: &str) -> String {
    format!(
        "const i = document.querySelector(\"input[data-field='title']\"); \
         return !!i && i.value === {title:?};"
    )
}

#[tokio::test]
async fn find_a_page_by_search() {
    let app = App::start().await;
    // The list shows each engagement's key fields beside its title.
    app.find(&format!("[data-path='{OSTERSUND}'] [data-keys]"))
        .await;
    // textContent: the sidebar may cut the line short on screen.
    let keys = app
        .eval(&format!(
            "return document.querySelector(\"[data-path='{OSTERSUND}'] [data-keys]\").textContent;"
        ))
        .await;
    let keys = keys.as_str().unwrap_or_default();
    assert!(
        keys.contains("Technical partner") && keys.contains("2023-08-21–"),
        "{keys}"
    );

    app.type_into("[data-testid='search']", "ostersund").await;
    let first = format!("[data-testid='search-results'] li:first-child [data-path='{OSTERSUND}']");
    app.find(&first).await;
    app.screenshot("80-search-results").await;
    app.guide_shot("03-find").await;
    app.click(&first).await;
    app.wait_for(
        "the Östersund engagement to open",
        &title_field_is("Östersund Ultrasound Pilot"),
    )
    .await;
    app.screenshot("81-search-opened").await;

    // A typo is forgiven; Enter opens the best match.
    let search = app.find("[data-testid='search']").await;
    search.clear().await.expect("clear search");
    search
        .send_keys("malardalen patology")
        .await
        .expect("type search");
    app.find("[data-testid='search-results'] li:first-child [data-path='_engagements/malardalen-pathology.md']")
        .await;
    search
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("press Enter");
    app.wait_for(
        "Enter to open the first result",
        &title_field_is("Mälardalen Digital Pathology"),
    )
    .await;

    // Clearing the search brings the collections back.
    search
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("press Escape");
    app.find("[data-collection='engagements']").await;
    app.stop().await;
}

#[tokio::test]
async fn new_page_rename_delete_and_restore() {
    let app = App::start().await;
    app.click("[data-new-page='engagements']").await;
    app.type_into("[data-dialog-field='title']", "Umeå Screening Study")
        .await;
    app.screenshot("82-new-page-dialog").await;
    app.click("[data-testid='dialog-confirm']").await;
    let created = "_engagements/umea-screening-study.md";
    app.wait_for(
        "the new page to open",
        &title_field_is("Umeå Screening Study"),
    )
    .await;
    let text = std::fs::read_to_string(app.site.join(created)).expect("new page written");
    assert!(
        text.starts_with("---\ntitle: Umeå Screening Study\n") && text.contains("\nrole:\n"),
        "{text}"
    );
    app.find(&format!("[data-path='{created}']")).await;
    app.screenshot("83-new-page-open").await;

    // Rename: the file moves; the open page follows it.
    app.click("[data-testid='rename-page']").await;
    app.type_into("[data-dialog-field='name']", "Umea screening")
        .await;
    app.click("[data-testid='dialog-confirm']").await;
    let renamed = "_engagements/umea-screening.md";
    app.find(&format!("[data-path='{renamed}'].selected")).await;
    assert!(!app.site.join(created).exists());
    assert_eq!(
        std::fs::read_to_string(app.site.join(renamed)).expect("renamed page"),
        text
    );

    // Renaming onto an existing page is refused in words.
    app.click("[data-testid='rename-page']").await;
    app.type_into("[data-dialog-field='name']", "AIDA").await;
    app.click("[data-testid='dialog-confirm']").await;
    let problem = app.text_of("[data-testid='browse-problem']").await;
    assert!(problem.contains("already exists"), "{problem}");
    assert!(app.site.join(renamed).exists());

    // Delete asks first.
    app.click("[data-testid='delete-page']").await;
    app.screenshot("84-delete-asks").await;
    app.click("[data-testid='confirm']").await;
    app.wait_for(
        "the deleted page to leave the list",
        &format!("return !document.querySelector(\"[data-path='{renamed}']\");"),
    )
    .await;
    assert!(!app.site.join(renamed).exists());

    // A recorded page that is deleted comes back with Changes → Discard.
    let aida = "_engagements/aida.md";
    let original = std::fs::read_to_string(app.site.join(aida)).expect("read aida");
    app.click(&format!("[data-path='{aida}']")).await;
    app.wait_for("AIDA to open", &title_field_is("AIDA")).await;
    app.click("[data-testid='delete-page']").await;
    app.click("[data-testid='confirm']").await;
    app.wait_for(
        "AIDA to leave the list",
        &format!("return !document.querySelector(\"[data-path='{aida}']\");"),
    )
    .await;
    assert!(!app.site.join(aida).exists());
    app.click("[data-testid='open-commit']").await;
    app.click(&format!("[data-change-path='{aida}']")).await;
    app.click("[data-testid='discard']").await;
    app.click("[data-testid='confirm']").await;
    app.wait_for_status("Changes discarded").await;
    assert_eq!(
        std::fs::read_to_string(app.site.join(aida)).expect("restored"),
        original
    );
    app.screenshot("85-restored").await;
    app.stop().await;
}

/// Every field of the open page's form, by its path: text boxes' values and
/// switches' states.
async fn form_values(app: &App) -> serde_json::Value {
    app.eval(
        "const out = {}; \
         for (const i of document.querySelectorAll('.page-form [data-field]')) \
           out[i.dataset.field] = i.type === 'checkbox' ? i.checked : i.value; \
         return out;",
    )
    .await
}

#[tokio::test]
async fn duplicate_a_page() {
    let app = App::start().await;
    let from = "_engagements/nordic-imaging-network.md";
    app.click(&format!("[data-path='{from}']")).await;
    app.wait_for(
        "the engagement to open",
        &title_field_is("Nordic Imaging Network"),
    )
    .await;
    let original = form_values(&app).await;
    assert!(
        original.as_object().is_some_and(|o| o.len() > 5),
        "{original}"
    );

    app.click("[data-testid='duplicate-page']").await;
    let suggested = app
        .eval("return document.querySelector(\"[data-dialog-field='title']\").value;")
        .await;
    assert_eq!(suggested, "Nordic Imaging Network (copy)");
    app.screenshot("86-duplicate-dialog").await;
    app.click("[data-testid='dialog-confirm']").await;
    let copy = "_engagements/nordic-imaging-network-copy.md";
    app.wait_for(
        "the copy to open",
        &title_field_is("Nordic Imaging Network (copy)"),
    )
    .await;
    app.find(&format!("[data-path='{copy}'].selected")).await;
    app.wait_for(
        "the copy's title above the form",
        "return document.querySelector(\"[data-testid='page-title']\").textContent === 'Nordic Imaging Network (copy)';",
    )
    .await;

    // The copy's fields are the original's, but for the title.
    let mut expected = original.clone();
    expected["title"] = serde_json::json!("Nordic Imaging Network (copy)");
    assert_eq!(form_values(&app).await, expected);
    let text = std::fs::read_to_string(app.site.join(copy)).expect("the copy is on disk");
    let before = std::fs::read_to_string(app.site.join(from)).expect("the original");
    assert_eq!(
        text.replacen(
            "title: Nordic Imaging Network (copy)",
            "title: Nordic Imaging Network",
            1
        ),
        before
    );
    app.find(&format!("[data-path='{copy}'] [data-badge='new']"))
        .await;
    app.screenshot("87-duplicated").await;
    app.stop().await;
}
