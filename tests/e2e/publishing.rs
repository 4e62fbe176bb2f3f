//! Publishing without a terminal: a field edit reviewed in words, recorded,
//! published to a real remote; and a colleague publishing first.

use crate::harness::{git, App, Launch};

const AIDA: &str = "_engagements/aida.md";

async fn edit_end_year_and_record(app: &App, message: &str) {
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='end']", "2026").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    app.click("[data-testid='open-commit']").await;
    let change = app.text_of("[data-field-change='end']").await;
    assert!(
        change.contains("End:") && change.contains("empty") && change.contains("2026"),
        "review says: {change}"
    );
    app.screenshot(&format!("30-review-{}", message.len()))
        .await;
    app.type_into("[data-testid='commit-message']", message)
        .await;
    app.click("[data-testid='commit-confirm']").await;
    app.wait_for_status("Recorded").await;
}

/// A colleague's clone of the site's origin, with their own identity.
fn colleague_clone(app: &App) -> std::path::PathBuf {
    let parent = app.site.parent().expect("temp dir");
    git(
        parent,
        &["clone", "-q", &app.origin.to_string_lossy(), "colleague"],
    );
    let colleague = parent.join("colleague");
    git(&colleague, &["config", "user.name", "Colleague"]);
    git(
        &colleague,
        &["config", "user.email", "colleague@galley.invalid"],
    );
    colleague
}

/// The colleague changes AIDA's page with `edit`, records it and publishes it.
fn colleague_publishes_aida(app: &App, edit: impl Fn(&str) -> String, message: &str) {
    let colleague = colleague_clone(app);
    let page = colleague.join(AIDA);
    let text = std::fs::read_to_string(&page).expect("read");
    let changed = edit(&text);
    assert_ne!(changed, text, "the colleague's edit changes the fixture");
    std::fs::write(&page, changed).expect("write");
    git(&colleague, &["commit", "-q", "-am", message]);
    git(&colleague, &["push", "-q", "origin", "main"]);
}

/// A colleague publishes end 2030 while the editor records end 2026.
async fn clash_on_end_year(app: &App) {
    colleague_publishes_aida(
        app,
        |t| t.replacen("end:", "end: 2030", 1),
        "Colleague: end 2030",
    );
    edit_end_year_and_record(app, "Mine: end 2026").await;
}

fn with_origin() -> Launch {
    Launch {
        with_origin: true,
        ..Launch::default()
    }
}

#[tokio::test]
async fn edit_review_record_and_publish() {
    let app = App::launch(with_origin()).await;
    edit_end_year_and_record(&app, "AIDA continues until 2026").await;
    app.click("[data-testid='publish']").await;
    app.wait_for_status("Published").await;
    app.screenshot("31-published").await;
    let origin = &app.origin;
    assert_eq!(
        git(origin, &["log", "-1", "--format=%s|%an|%ae", "main"]).trim(),
        "AIDA continues until 2026|E2E Editor|e2e@galley.invalid"
    );
    assert_eq!(
        git(origin, &["show", "--name-only", "--format=", "main"]).trim(),
        AIDA
    );
    let published = git(origin, &["show", &format!("main:{AIDA}")]);
    assert!(published.lines().any(|l| l == "end: 2026"), "{published}");
    app.stop().await;
}

#[tokio::test]
async fn a_colleague_publishes_first() {
    let app = App::launch(with_origin()).await;
    // A colleague's clone records and publishes another page first.
    let colleague = colleague_clone(&app);
    let news = colleague.join("_news/2024-05-14-knee-mri-version-two.md");
    let text = std::fs::read_to_string(&news).expect("read news");
    std::fs::write(&news, text.replacen("title:", "title: Update —", 1)).expect("write news");
    git(&colleague, &["commit", "-q", "-am", "Colleague's news fix"]);
    git(&colleague, &["push", "-q", "origin", "main"]);

    edit_end_year_and_record(&app, "AIDA end year").await;
    app.click("[data-testid='publish']").await;
    app.wait_for(
        "the explanation and next step",
        "return !!document.querySelector('[data-testid=next-step]');",
    )
    .await;
    let error = app.text_of("[data-testid='error']").await;
    assert!(error.contains("Get latest changes"), "error says: {error}");
    app.screenshot("32-remote-has-new-commits").await;
    app.click("[data-testid='next-step']").await;
    app.wait_for_status("Got the latest changes").await;
    app.click("[data-testid='publish']").await;
    app.wait_for_status("Published").await;
    app.screenshot("33-published-after-getting-latest").await;

    let log = git(&app.origin, &["log", "--format=%s", "main"]);
    assert!(
        log.contains("AIDA end year") && log.contains("Colleague's news fix"),
        "{log}"
    );
    let site_news =
        std::fs::read_to_string(app.site.join("_news/2024-05-14-knee-mri-version-two.md"))
            .expect("read");
    assert!(
        site_news.contains("title: Update —"),
        "the colleague's change arrived"
    );
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    app.stop().await;
}

#[tokio::test]
async fn clashing_edits_are_resolved_page_by_page() {
    let app = App::launch(with_origin()).await;
    clash_on_end_year(&app).await;
    app.click("[data-testid='get-latest']").await;
    app.find("[data-testid='conflicts']").await;
    let both = app.text_of("[data-testid='conflicts']").await;
    assert!(
        both.contains("2026") && both.contains("2030"),
        "both sides shown in words: {both}"
    );
    app.screenshot("34-conflict").await;
    app.guide_shot("06-clash").await;
    let file = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert!(
        !file.contains("<<<<<<<") && !file.contains(">>>>>>>"),
        "no conflict markers"
    );
    app.click("[data-testid='conflicts'] input[value='mine']")
        .await;
    app.click("[data-testid='conflicts'] .actions .primary")
        .await;
    app.wait_for_status("Combined").await;
    let file = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert!(file.lines().any(|l| l == "end: 2026"), "{file}");
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    assert_eq!(
        git(&app.site, &["log", "-1", "--format=%p"])
            .split_whitespace()
            .count(),
        2,
        "a merge commit"
    );
    app.click("[data-testid='publish']").await;
    app.wait_for_status("Published").await;
    app.stop().await;
}

/// git sees a conflict when neighbouring lines change; combining by field
/// settles it without a question.
#[tokio::test]
async fn neighbouring_fields_combine_without_a_question() {
    let app = App::launch(with_origin()).await;
    colleague_publishes_aida(
        &app,
        |t| {
            t.replacen(
                "website: https://example.org/aida-arena/",
                "website: https://example.org/aida/",
                1,
            )
        },
        "Colleague: new website",
    );

    edit_end_year_and_record(&app, "Mine: end year").await;
    app.click("[data-testid='get-latest']").await;
    let view = app.text_of("[data-testid='conflicts']").await;
    assert!(view.contains("Everything fits together"), "{view}");
    app.screenshot("35-combined-by-field").await;
    app.click("[data-testid='finish-merge']").await;
    app.wait_for_status("Combined").await;
    let file = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert!(file.lines().any(|l| l == "end: 2026"), "{file}");
    assert!(
        file.lines()
            .any(|l| l == "website: https://example.org/aida/"),
        "{file}"
    );
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    app.stop().await;
}

#[tokio::test]
async fn abandoning_a_merge_puts_everything_back() {
    let app = App::launch(with_origin()).await;
    clash_on_end_year(&app).await;
    let head_before = git(&app.site, &["rev-parse", "HEAD"]);
    let file_before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.click("[data-testid='get-latest']").await;
    app.find("[data-testid='conflicts']").await;
    app.click("[data-testid='conflicts'] .actions button:first-child")
        .await;
    app.wait_for_status("Nothing was changed").await;
    assert_eq!(git(&app.site, &["rev-parse", "HEAD"]), head_before);
    assert_eq!(
        std::fs::read_to_string(app.site.join(AIDA)).expect("read"),
        file_before
    );
    assert!(
        !app.site.join(".git/MERGE_HEAD").exists(),
        "no merge left open"
    );
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    app.stop().await;
}

#[tokio::test]
async fn propose_a_change_for_review() {
    let app = App::launch(with_origin()).await;
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='prio']", "2").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    app.click("[data-testid='open-commit']").await;
    app.type_into("[data-testid='commit-message']", "Suggest a lower priority")
        .await;
    app.click("[data-testid='propose']").await;
    app.wait_for_status("Proposed on the branch").await;
    let status = app.text_of("[data-testid='status']").await;
    let branch = status
        .split('"')
        .nth(1)
        .expect("branch named in the status")
        .to_owned();
    assert!(branch.starts_with("galley/"), "{branch}");
    assert_eq!(
        git(&app.origin, &["log", "-1", "--format=%s", &branch]).trim(),
        "Suggest a lower priority"
    );
    assert_eq!(
        git(&app.origin, &["show", "--name-only", "--format=", &branch]).trim(),
        AIDA
    );
    // main on the remote is untouched, and the editor stays on main.
    assert_eq!(
        git(&app.origin, &["log", "-1", "--format=%s", "main"]).trim(),
        "Start"
    );
    assert_eq!(git(&app.site, &["branch", "--show-current"]).trim(), "main");
    app.stop().await;
}
