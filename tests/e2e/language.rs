//! The UI in Swedish: the language switch in the top bar changes every label
//! at once — the top bar's buttons, the page list, the form, the toolbar's
//! names for screen readers — and `<html lang>` with the text's spell-check
//! language; switching back gives English again.

use crate::harness::App;
use serde_json::json;

const AIDA: &str = "_engagements/aida.md";

/// The words on screen that the language decides.
async fn labels(app: &App) -> serde_json::Value {
    app.eval(
        "const q = (s) => document.querySelector(s); \
         const text = (s) => q(s).textContent.trim(); \
         return { \
           save: text(\"[data-testid='save']\"), \
           history: text(\"[data-testid='history-button']\"), \
           changes: text(\"[data-testid='open-commit']\"), \
           latest: text(\"[data-testid='get-latest']\"), \
           publish: text(\"[data-testid='publish']\"), \
           search: q(\"[data-testid='search']\").placeholder, \
           sortBy: text('.collection-tools label span'), \
           newPage: text('[data-new-page]'), \
           rename: text(\"[data-testid='rename-page']\"), \
           form: q('.page-form').getAttribute('aria-label'), \
           toolbar: q('.format-toolbar').getAttribute('aria-label'), \
           bold: q(\"[data-format='bold']\").getAttribute('aria-label'), \
           table: text(\"[data-format='table']\"), \
           html: document.documentElement.lang, \
           text: q('.cm-content').getAttribute('lang') \
         };",
    )
    .await
}

async fn choose(app: &App, locale: &str, save_label: &str) {
    app.find("[data-testid='language']")
        .await
        .select_by_value(locale)
        .await
        .unwrap_or_else(|e| panic!("choose {locale}: {e}"));
    app.wait_for(
        &format!("the Save button to read {save_label}"),
        &format!(
            "return document.querySelector(\"[data-testid='save']\").textContent.trim() === {save_label:?};"
        ),
    )
    .await;
}

#[tokio::test]
async fn the_language_switch_turns_the_ui_swedish_and_back() {
    let app = App::start().await;
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.find(".cm-content").await;
    let english = json!({
        "save": "Save",
        "history": "History",
        "changes": "Changes",
        "latest": "Get latest changes",
        "publish": "Publish",
        "search": "Search pages…",
        "sortBy": "Sort by",
        "newPage": "New page",
        "rename": "Rename…",
        "form": "Page settings",
        "toolbar": "Formatting",
        "bold": "Bold (Ctrl+B)",
        "table": "Table",
        "html": "en",
        "text": "en",
    });
    assert_eq!(labels(&app).await, english);

    choose(&app, "sv", "Spara").await;
    assert_eq!(
        labels(&app).await,
        json!({
            "save": "Spara",
            "history": "Historik",
            "changes": "Ändringar",
            "latest": "Hämta senaste",
            "publish": "Publicera",
            "search": "Sök sidor…",
            "sortBy": "Sortera efter",
            "newPage": "Ny sida",
            "rename": "Byt namn…",
            "form": "Sidans inställningar",
            "toolbar": "Formatering",
            "bold": "Fetstil (Ctrl+B)",
            "table": "Tabell",
            "html": "sv",
            "text": "sv",
        })
    );
    app.screenshot("90-swedish").await;

    choose(&app, "en", "Save").await;
    assert_eq!(labels(&app).await, english);
    app.stop().await;
}
