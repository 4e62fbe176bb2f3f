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
               imgFloat: img ? getComputedStyle(img).float : null, \
               imgWidth: img ? img.style.width : null, \
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
    // Its `style="float: right; width: 20%;"` (checked safe in Rust) applies,
    // although the frame's content security policy allows no style attributes.
    assert_eq!(facts["imgFloat"], "right", "{facts}");
    assert_eq!(facts["imgWidth"], "20%", "{facts}");
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

/// A page with every trick: nothing runs, no command is called that opening
/// any page does not call, nothing dangerous reaches the frame, and clicking
/// its `javascript:` links does nothing.
#[tokio::test]
async fn a_hostile_page_runs_nothing_and_calls_nothing() {
    let app = App::start().await;
    let hostile = "_news/2025-01-02-hostile.md";
    std::fs::write(app.site.join(hostile), HOSTILE_PAGE).expect("write the hostile page");
    app.find(&format!("[data-path='{hostile}']")).await;
    // The canary: every command the app's window invokes, by name. Tauri's
    // `invoke` cannot be replaced (it is defined read-only); it sends each
    // command with `fetch` to its IPC protocol, which can be watched.
    let wrapped = app
        .eval(
            "window.__calls = []; const fetch = window.fetch; \
             window.fetch = (url, init) => { \
               const u = String(url); \
               if (/^(ipc:|http:\\/\\/ipc\\.localhost)/.test(u)) window.__calls.push(decodeURIComponent(u.split('/').pop())); \
               return fetch(url, init); \
             }; \
             return window.fetch !== fetch;",
        )
        .await;
    assert_eq!(wrapped, true, "the canary is in place");
    let app_title = app.eval("return document.title;").await;

    // What opening an ordinary page calls.
    app.click("[data-path='_engagements/aida.md']").await;
    app.wait_for(
        "the ordinary page in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d && !!d.getElementById('join');",
    )
    .await;
    // Leaving a page calls commands too: the ordinary set is what going from
    // one ordinary page to another calls.
    app.eval("window.__calls = []; return true;").await;
    app.eval("document.querySelector(\"[data-path='_people/sofia-oberg.md']\").scrollIntoView(); return true;")
        .await;
    app.click("[data-path='_people/sofia-oberg.md']").await;
    app.wait_for(
        "the second ordinary page",
        "const t = document.querySelector('[data-testid=page-title]'); return !!t && t.textContent.includes('Sofia');",
    )
    .await;
    app.eval("return new Promise(r => setTimeout(() => r(true), 500));")
        .await;
    let normal = app
        .eval("const c = window.__calls; window.__calls = []; return c;")
        .await;
    let normal: Vec<String> = serde_json::from_value(normal).expect("command names");
    assert!(
        normal.iter().any(|c| c == "render_preview") && normal.iter().any(|c| c == "open_page"),
        "the canary sees commands: {normal:?}"
    );

    // Far down the page list: brought into view first.
    app.eval(&format!(
        "document.querySelector(\"[data-path='{hostile}']\").scrollIntoView(); return true;"
    ))
    .await;
    app.click(&format!("[data-path='{hostile}']")).await;
    app.wait_for(
        "the hostile page in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d && d.body.textContent.includes('End of the hostile page.');",
    )
    .await;
    // Time for anything that could fire (onload, onerror, refresh, toggles).
    app.eval("return new Promise(r => setTimeout(() => r(true), 1500));")
        .await;
    app.screenshot("95-hostile-page").await;
    // Images pointed at the app's link address opened no other page and
    // asked about no web address: only a click on a link does that.
    let still = app
        .eval(
            "const t = document.querySelector('[data-testid=page-title]'); \
             return { title: t ? t.textContent : null, dialog: !!document.querySelector('[role=alertdialog]') };",
        )
        .await;
    assert!(
        still["title"]
            .as_str()
            .is_some_and(|t| t.contains("A hostile page")),
        "{still}"
    );
    assert_eq!(still["dialog"], false, "{still}");

    let facts = app
        .eval(
            "const f = document.querySelector('[data-testid=preview]'); const d = f.contentDocument; \
             const all = [...d.querySelectorAll('*')]; \
             const handlers = all.flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name)); \
             const urls = all.flatMap(e => [...e.attributes] \
               .filter(a => /^\\s*(javascript|vbscript|data:text|data:application|data:image\\/svg)/i.test(a.value.replace(/[\\s\\u0000-\\u001f]/g, ''))) \
               .map(a => e.tagName + ' ' + a.name + '=' + a.value)); \
             const count = (sel) => d.querySelectorAll(sel).length; \
             return { \
               handlers, urls, \
               scripts: count('script'), frames: count('iframe, frame, object, embed'), \
               forms: count('form, button[formaction], input[formaction]'), \
               metas: [...d.querySelectorAll('meta')].map(m => m.outerHTML), \
               bases: count('base'), svgs: count('svg, math'), \
               styles: [...d.querySelectorAll('style, link')].map(s => s.id), \
               srcdoc: count('[srcdoc]'), \
               frameTitle: d.title, appTitle: document.title, \
               flagApp: window.__hacked === undefined ? null : String(window.__hacked), \
               flagFrame: f.contentWindow.__hacked === undefined ? null : String(f.contentWindow.__hacked), \
               location: f.contentWindow.location.href, \
               sandbox: f.getAttribute('sandbox'), \
               shown: ['visible text', 'raw click', 'click me', 'inside details'].filter(t => d.body.textContent.includes(t)) \
             };",
        )
        .await;
    println!("hostile page facts: {facts}");
    assert_eq!(facts["handlers"], serde_json::json!([]), "{facts}");
    assert_eq!(facts["urls"], serde_json::json!([]), "{facts}");
    for (key, expected) in [
        ("scripts", 0),
        ("frames", 0),
        ("forms", 0),
        ("bases", 0),
        ("svgs", 0),
        ("srcdoc", 0),
    ] {
        assert_eq!(facts[key], expected, "{key}: {facts}");
    }
    assert_eq!(
        facts["metas"],
        serde_json::json!(["<meta charset=\"utf-8\">"]),
        "{facts}"
    );
    assert_eq!(
        facts["styles"],
        serde_json::json!(["default-css", "site-css", "marks-css"]),
        "only Galley's own: {facts}"
    );
    assert_eq!(facts["frameTitle"], "", "{facts}");
    assert_eq!(facts["appTitle"], app_title, "{facts}");
    assert_eq!(facts["flagApp"], serde_json::Value::Null, "{facts}");
    assert_eq!(facts["flagFrame"], serde_json::Value::Null, "{facts}");
    assert_eq!(facts["location"], "about:srcdoc", "{facts}");
    assert_eq!(facts["sandbox"], "allow-same-origin", "{facts}");
    assert_eq!(
        facts["shown"],
        serde_json::json!(["visible text", "raw click", "click me", "inside details"]),
        "the harmless text is shown: {facts}"
    );

    // Clicking the `javascript:` links (Markdown and HTML) does nothing.
    app.client.enter_frame(0).await.expect("enter the preview");
    for id in ["md-link", "raw-link"] {
        app.find(&format!("#{id} a"))
            .await
            .click()
            .await
            .expect("click");
    }
    app.client
        .enter_parent_frame()
        .await
        .expect("back to the app");
    app.eval("return new Promise(r => setTimeout(() => r(true), 800));")
        .await;
    let after = app
        .eval(
            "const f = document.querySelector('[data-testid=preview]'); \
             return { appTitle: document.title, frameTitle: f.contentDocument.title, \
               location: f.contentWindow.location.href, flag: window.__hacked === undefined, \
               dialog: !!document.querySelector('[role=alertdialog]'), calls: window.__calls };",
        )
        .await;
    assert_eq!(after["appTitle"], app_title, "{after}");
    assert_eq!(after["frameTitle"], "", "{after}");
    assert_eq!(after["location"], "about:srcdoc", "{after}");
    assert_eq!(after["flag"], true, "{after}");
    assert_eq!(after["dialog"], false, "{after}");
    // Every command called while the hostile page was open is one that
    // opening an ordinary page calls too.
    let calls: Vec<String> = serde_json::from_value(after["calls"].clone()).expect("names");
    let strange: Vec<&String> = calls.iter().filter(|c| !normal.contains(c)).collect();
    assert!(
        strange.is_empty(),
        "unexpected commands {strange:?} (ordinary: {normal:?})"
    );
    app.screenshot("96-hostile-links-clicked").await;
    app.stop().await;
}

const HOSTILE_PAGE: &str = r#"---
title: A hostile page
date: 2025-01-02
---
Some visible text.

<script>window.parent.__hacked = 'script'; document.title = 'HACKED';</script>

<img src="/nowhere.png" onerror="window.parent.__hacked = 'onerror'; parent.document.title = 'HACKED'">

<svg onload="window.parent.__hacked = 'svg'"><circle r="5"/></svg>

[click me](javascript:window.parent.__hacked='md-link')
{: #md-link}

<p id="raw-link"><a href="javascript:window.parent.__hacked='raw-link'">raw click</a></p>

[also me](javascript:window.parent.__hacked='md2') <javascript:alert(1)> [ref][bad]

[bad]: javascript:window.parent.__hacked='ref'

<a href="data:text/html,<script>parent.__hacked='data'</script>">data link</a>
<a href="java&#115;cript:window.parent.__hacked='entity'">entity link</a>
<a href="vbscript:msgbox(1)">vb link</a>

<iframe src="javascript:parent.__hacked='iframe'"></iframe>
<iframe srcdoc="<script>parent.parent.__hacked='srcdoc'</script>"></iframe>
<object data="javascript:parent.__hacked='object'"></object>
<embed src="javascript:parent.__hacked='embed'">

<form action="javascript:parent.__hacked='form'"><button formaction="javascript:parent.__hacked='formaction'">go</button></form>

<meta http-equiv="refresh" content="0; url=javascript:parent.__hacked='refresh'">
<base href="javascript:parent.__hacked='base'//">

<style>@import url("javascript:parent.__hacked='import'"); body { background: url("javascript:parent.__hacked='bg'") }</style>

<details open ontoggle="window.parent.__hacked = 'ontoggle'"><summary>s</summary>inside details</details>

<body onload="window.parent.__hacked = 'body'">

<div style="background:url(javascript:parent.__hacked='style')" onmouseover="parent.__hacked='hover'">hover</div>

- list <img src=x onerror="parent.__hacked='list'">

> quote <a href="javascript:parent.__hacked='quote'">q</a>

| a | b |
|---|---|
| <b onclick="parent.__hacked='cell'">x</b> | <script>parent.__hacked='cell2'</script> |

Images that point at the app's own link address, as a click on a link
would: <img src="/./__galley__/link?to=%2Fpeople%2Fsofia-oberg%2F&external=0">
<img src="/assets/../__galley__/link?to=https%3A%2F%2Fexample.org%2F&external=1">

![to a page](/__galley__/link?to=%2Fpeople%2Fsofia-oberg%2F&external=0)
![dotted](/%2e/__galley__/link?to=%2Fpeople%2Fsofia-oberg%2F&external=0)

End of the hostile page.
"#;
