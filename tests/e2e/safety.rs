//! Content never runs in the preview: the AIDA page carries a `<script>` that
//! would set a flag and the title if it ran.

use crate::harness::App;

#[tokio::test]
async fn scripts_in_a_page_never_run() {
    let app = App::start().await;
    app.find("[data-path='_engagements/aida.md']")
        .await
        .click()
        .await
        .expect("open page");
    app.wait_for(
        "the preview to render the page",
        "const f = document.querySelector('[data-testid=preview]'); \
         return !!(f && f.contentDocument && f.contentDocument.getElementById('join'));",
    )
    .await;
    app.screenshot("10-script-page").await;

    let facts = app
        .eval(
            "const f = document.querySelector('[data-testid=preview]'); \
             const d = f.contentDocument; \
             const img = d.querySelector('img'); \
             return { \
               sandbox: f.getAttribute('sandbox'), \
               ranInFrame: f.contentWindow.__galleyScriptRan === true, \
               ranInApp: window.__galleyScriptRan === true, \
               frameTitle: d.title, \
               appTitle: document.title, \
               scripts: d.querySelectorAll('script').length, \
               handlers: d.querySelectorAll('[onerror],[onclick],[onload]').length, \
               imgSrc: img ? img.getAttribute('src') : null, \
               imgLoaded: img ? img.complete && img.naturalWidth > 0 : false \
             };",
        )
        .await;
    assert_eq!(facts["sandbox"], "allow-same-origin", "{facts}");
    assert_eq!(facts["ranInFrame"], false, "{facts}");
    assert_eq!(facts["ranInApp"], false, "{facts}");
    assert_ne!(facts["frameTitle"], "SCRIPT-RAN", "{facts}");
    assert_ne!(facts["appTitle"], "SCRIPT-RAN", "{facts}");
    assert_eq!(facts["scripts"], 0, "{facts}");
    assert_eq!(facts["handlers"], 0, "{facts}");
    // The page's image comes from the site itself, through Galley's protocol.
    assert!(
        facts["imgSrc"]
            .as_str()
            .is_some_and(|s| s.starts_with("galley-site://localhost/assets/")),
        "{facts}"
    );
    app.wait_for(
        "the site image to load through galley-site://",
        "const img = document.querySelector('[data-testid=preview]').contentDocument.querySelector('img'); \
         return !!img && img.complete && img.naturalWidth > 0;",
    )
    .await;
    app.stop().await;
}
