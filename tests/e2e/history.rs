//! A page's history, viewing an older version and restoring it; discarding
//! unrecorded changes; Galley asking once for the editor's name.

use crate::harness::{git, App};

const AIDA: &str = "_engagements/aida.md";

#[tokio::test]
async fn restore_an_older_version_then_discard() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    // A second recorded version with another title, made outside the app.
    std::fs::write(
        app.site.join(AIDA),
        original.replacen("title: AIDA", "title: AIDA renamed", 1),
    )
    .expect("write");
    git(&app.site, &["commit", "-q", "-am", "Rename AIDA"]);

    app.click(&format!("[data-path='{AIDA}']")).await;
    app.click("[data-testid='history-button']").await;
    let first = app
        .text_of("[data-testid='history'] li:last-child .history-item")
        .await;
    assert!(
        first.contains("Start") && first.contains("E2E Editor"),
        "{first}"
    );
    let latest = app
        .text_of("[data-testid='history'] li:first-child .history-item")
        .await;
    assert!(latest.contains("Rename AIDA"), "{latest}");
    app.click("[data-testid='history'] li:last-child .history-item")
        .await;
    app.click("[data-testid='restore']").await;
    app.wait_for_status("The older version is back").await;
    app.screenshot("40-restored").await;
    assert_eq!(
        std::fs::read_to_string(app.site.join(AIDA)).expect("read"),
        original
    );

    // The restore is a change to review: the title goes back.
    app.click("[data-testid='open-commit']").await;
    let change = app.text_of("[data-field-change='title']").await;
    assert!(
        change.contains("AIDA renamed") && change.contains("AIDA"),
        "{change}"
    );
    app.click("[data-testid='discard']").await;
    app.click("[data-testid='confirm']").await;
    app.wait_for_status("Changes discarded").await;
    assert!(std::fs::read_to_string(app.site.join(AIDA))
        .expect("read")
        .contains("title: AIDA renamed"));
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    app.stop().await;
}

#[tokio::test]
async fn asks_once_for_name_and_email() {
    let app = App::start().await;
    // Once the pages show, the app has looked at git's set-up (and found the
    // name, so it did not ask on opening): the commit is where it asks.
    app.find(&format!("[data-path='{AIDA}']")).await;
    git(&app.site, &["config", "--unset", "user.name"]);
    git(&app.site, &["config", "--unset", "user.email"]);
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='prio']", "3").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    app.click("[data-testid='open-commit']").await;
    app.type_into("[data-testid='commit-message']", "Lower AIDA's priority")
        .await;
    app.click("[data-testid='commit-confirm']").await;
    app.type_into("[data-dialog-field='name']", "Astrid Lind")
        .await;
    app.type_into("[data-dialog-field='email']", "astrid@example.org")
        .await;
    app.screenshot("41-identity").await;
    app.click("[data-testid='dialog-confirm']").await;
    app.wait_for_status("Recorded").await;
    assert_eq!(
        git(&app.site, &["log", "-1", "--format=%an <%ae>|%s"]).trim(),
        "Astrid Lind <astrid@example.org>|Lower AIDA's priority"
    );
    assert_eq!(
        git(&app.site, &["config", "user.name"]).trim(),
        "Astrid Lind"
    );
    app.stop().await;
}
