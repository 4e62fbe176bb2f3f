//! The editor's whole journey: pick a page, change a field and the body, see
//! the preview follow, save (only the edited lines change), record a commit.

use crate::harness::{git, App};
use fantoccini::key::Key;

const AIDA: &str = "_engagements/aida.md";
const SENTENCE: &str = "A sentence typed in Galley.";
const MESSAGE: &str = "Update AIDA title and text";

fn preview_contains(text: &str) -> String {
    format!(
        "const f = document.querySelector('[data-testid=preview]'); \
         return !!(f && f.contentDocument && f.contentDocument.body.textContent.includes({text:?}));"
    )
}

#[tokio::test]
async fn edit_save_and_commit_a_page() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(AIDA)).expect("read original");
    let page_link = app.find(&format!("[data-path='{AIDA}']")).await;
    app.screenshot("01-site-opened").await;
    page_link.click().await.expect("click page");
    let title = app.find("input[data-field='title']").await;
    app.wait_for("the AIDA page to load", &preview_contains("Join AIDA"))
        .await;
    // CodeMirror's own styles carry the CSP nonce; without it the editor is unstyled.
    assert_eq!(
        app.eval("return getComputedStyle(document.querySelector('.cm-gutters')).display;")
            .await,
        "flex",
        "the editor's styles were blocked by the CSP"
    );
    title.clear().await.expect("clear title");
    title.send_keys("AIDA Arena").await.expect("type title");

    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    body.send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .expect("go to end");
    body.send_keys(&format!("{SENTENCE}{}", Key::Enter))
        .await
        .expect("type sentence");
    app.wait_for(
        "the preview to show the typed sentence",
        &preview_contains(SENTENCE),
    )
    .await;
    app.find("[data-testid='unsaved']").await;
    app.screenshot("02-edited-with-preview").await;

    app.find("[data-testid='save']")
        .await
        .click()
        .await
        .expect("save");
    app.wait_for(
        "the save to finish",
        "return document.querySelector('[data-testid=status]').textContent === 'Saved.';",
    )
    .await;
    app.screenshot("03-saved").await;

    // Exactly the edited lines differ: the title line, and one new body line.
    let saved = std::fs::read_to_string(app.site.join(AIDA)).expect("read saved");
    let before: Vec<&str> = original.split_inclusive('\n').collect();
    let after: Vec<&str> = saved.split_inclusive('\n').collect();
    assert_eq!(after.len(), before.len() + 1, "one line added:\n{saved}");
    for (i, line) in before.iter().enumerate() {
        if line.starts_with("title:") {
            assert_eq!(after[i], "title: AIDA Arena\n");
        } else {
            assert_eq!(after[i], *line, "line {} must be unchanged", i + 1);
        }
    }
    assert_eq!(
        after.last().copied(),
        Some(format!("{SENTENCE}\n").as_str())
    );

    app.find("[data-testid='open-commit']")
        .await
        .click()
        .await
        .expect("open commit");
    let message = app.find("[data-testid='commit-message']").await;
    app.screenshot("04-commit-dialog").await;
    app.guide_shot("05-changes").await;
    message.clear().await.expect("clear message");
    message.send_keys(MESSAGE).await.expect("type message");
    app.find("[data-testid='commit-confirm']")
        .await
        .click()
        .await
        .expect("commit");
    app.wait_for(
        "the commit to be recorded",
        "return document.querySelector('[data-testid=status]').textContent.startsWith('Recorded');",
    )
    .await;
    app.screenshot("05-committed").await;

    assert_eq!(
        git(&app.site, &["log", "-1", "--format=%s|%an"]).trim(),
        format!("{MESSAGE}|E2E Editor")
    );
    assert_eq!(
        git(&app.site, &["show", "--name-only", "--format=", "HEAD"]).trim(),
        AIDA
    );
    assert_eq!(git(&app.site, &["status", "--porcelain"]).trim(), "");
    app.stop().await;
}
