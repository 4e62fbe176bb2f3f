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

/// Even script running in the app's own page (the worst case) cannot read
/// outside the site, inside `.git/`, or call commands the window is not granted.
#[tokio::test]
async fn commands_refuse_paths_outside_the_site_and_ungranted_calls() {
    let app = App::start().await;
    app.find("[data-path='_engagements/aida.md']").await;
    let outcome = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const call = (cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args) \
               .then(v => ({ ok: true, v }), e => ({ ok: false, e })); \
             Promise.all([ \
               call('open_page', { path: '../../../../etc/passwd' }), \
               call('open_page', { path: '.git/config' }), \
               call('open_page', { path: '/etc/passwd' }), \
               call('save_page', { path: '../escape.md', fingerprint: 'x', edits: [], body: 'x' }), \
               call('commit_changes', { message: 'x', paths: ['../outside.md'] }), \
               call('open_site', { root: '/etc' }), \
               call('plugin:dialog|open', { options: {} }), \
               call('plugin:window|close', {}), \
               call('open_page', { path: '_engagements/aida.md' }), \
             ]).then(done);",
            vec![],
        )
        .await
        .expect("script runs");
    let results = outcome.as_array().expect("array of results");
    let code = |i: usize| {
        results[i]["e"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(code(0), "outside_site", "{}", results[0]);
    assert_eq!(code(1), "outside_site", "{}", results[1]);
    assert_eq!(code(2), "outside_site", "{}", results[2]);
    assert_eq!(code(3), "outside_site", "{}", results[3]);
    assert_eq!(code(4), "outside_site", "{}", results[4]);
    assert_eq!(code(5), "outside_site", "{}", results[5]);
    for i in [6, 7] {
        assert_eq!(
            results[i]["ok"], false,
            "ungranted command was allowed: {}",
            results[i]
        );
        let message = results[i]["e"].to_string();
        assert!(
            message.contains("not allowed"),
            "refused for another reason: {message}"
        );
    }
    // The same call with a real page works, so the refusals above are real.
    assert_eq!(results[8]["ok"], true, "{}", results[8]);
    assert!(!std::path::Path::new(&app.site)
        .join("../escape.md")
        .exists());
    app.stop().await;
}
