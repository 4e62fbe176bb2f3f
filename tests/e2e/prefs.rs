//! Preferences: changed in the dialog (opened with Ctrl+,), applied at once,
//! stored by the shell, and still there after the app is restarted.

use crate::harness::{App, Launch};
use fantoccini::key::Key;

const AIDA: &str = "_engagements/aida.md";

/// What the UI shows now: theme, the editor's font size, and whether the
/// preview sits left of the text.
const LOOK: &str = "
    const editor = document.querySelector('.editor-column');
    const preview = document.querySelector('[data-testid=preview]');
    const scroller = document.querySelector('.body-editor .cm-scroller');
    return [
        document.documentElement.dataset.theme,
        getComputedStyle(scroller).fontSize,
        preview.getBoundingClientRect().left < editor.getBoundingClientRect().left,
        getComputedStyle(document.documentElement).backgroundColor,
    ];";

async fn open_aida(app: &App) {
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.wait_for(
        "the AIDA page in the editor",
        "return !!document.querySelector('.body-editor .cm-scroller');",
    )
    .await;
}

async fn choose(app: &App, pref: &str, value: &str) {
    app.find(&format!("select[data-pref='{pref}']"))
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} for {pref}: {e}"));
}

#[tokio::test]
async fn preferences_apply_at_once_and_survive_a_restart() {
    let app = App::launch(Launch::default()).await;
    open_aida(&app).await;
    let before = app.eval(LOOK).await;
    assert_eq!(before[0], "light", "{before}");
    assert_eq!(before[1], "14px", "{before}");
    assert_eq!(before[2], false, "{before}");

    // Ctrl+, opens Preferences, with the first control focused.
    app.client
        .active_element()
        .await
        .expect("the focused element")
        .send_keys(&format!("{},{}", Key::Control, Key::Null))
        .await
        .expect("Ctrl+,");
    app.find("[data-testid='preferences']").await;
    app.wait_for(
        "the language select to have focus",
        "return document.activeElement === document.querySelector(\"select[data-pref='language']\");",
    )
    .await;

    let size = app.find("input[data-pref='font-size']").await;
    size.clear().await.expect("clear");
    size.send_keys(&format!("18{}", Key::Tab))
        .await
        .expect("type 18");
    choose(&app, "theme", "dark").await;
    choose(&app, "preview-side", "left").await;
    app.wait_for(
        "dark colours, 18 px text and the preview on the left",
        &format!("const l = (() => {{ {LOOK} }})(); return l[0] === 'dark' && l[1] === '18px' && l[2] === true;"),
    )
    .await;
    app.guide_shot("07-preferences").await;
    app.click("[data-testid='prefs-close']").await;
    app.screenshot("90-dark-preview-left").await;
    let after = app.eval(LOOK).await;
    assert_ne!(after[3], before[3], "the page background changed: {after}");

    let stored = app
        .home
        .join("data")
        .join("se.galley.editor")
        .join("preferences.json");
    let text = std::fs::read_to_string(&stored).expect("preferences stored by the shell");
    assert!(text.contains("\"dark\"") && text.contains("18"), "{text}");

    // A restart (the hard way) keeps them.
    let app = app.kill_and_restart().await;
    open_aida(&app).await;
    app.wait_for(
        "the stored preferences after a restart",
        &format!("const l = (() => {{ {LOOK} }})(); return l[0] === 'dark' && l[1] === '18px' && l[2] === true;"),
    )
    .await;

    // Hidden preview: the text gets the whole width.
    app.click("[data-testid='prefs-open']").await;
    choose(&app, "preview-side", "hidden").await;
    app.click("[data-testid='prefs-close']").await;
    app.wait_for(
        "the preview to be hidden",
        "return getComputedStyle(document.querySelector('[data-testid=preview]')).display === 'none';",
    )
    .await;
    app.stop().await;
}
