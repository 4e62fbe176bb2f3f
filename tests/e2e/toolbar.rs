//! The formatting toolbar: a word made bold without knowing Markdown.

use crate::harness::App;
use fantoccini::key::Key;

#[tokio::test]
async fn the_toolbar_makes_a_word_bold() {
    let app = App::start().await;
    app.click("[data-path='_engagements/aida.md']").await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    body.send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .expect("go to end");
    body.send_keys("Galley makes this important")
        .await
        .expect("type");
    // Select the last word the way a keyboard user does.
    body.send_keys(&format!(
        "{}{}{}{}",
        Key::Shift,
        Key::Control,
        Key::Left,
        Key::Null
    ))
    .await
    .expect("select word");
    app.click("[data-format='bold']").await;
    app.wait_for(
        "the preview to show the bold word",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return Array.from(d.querySelectorAll('strong')).some(s => s.textContent === 'important');",
    )
    .await;
    app.screenshot("70-toolbar-bold").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    let saved = std::fs::read_to_string(app.site.join("_engagements/aida.md")).expect("read");
    assert!(saved.contains("Galley makes this **important**"), "{saved}");
    app.stop().await;
}
