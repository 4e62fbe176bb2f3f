//! The preview tells the truth: the site's own stylesheet, kramdown's
//! attribute lists, and links that open the site's pages in Galley (and web
//! links only after asking).

use crate::harness::App;

const AIDA: &str = "_engagements/aida.md";

#[tokio::test]
async fn preview_looks_like_the_site_and_follows_its_links() {
    let app = App::start().await;
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.wait_for(
        "the page and the site's stylesheet in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d && !!d.getElementById('join') && !!d.getElementById('site-css');",
    )
    .await;
    let facts = app
        .eval(
            "const d = document.querySelector('[data-testid=preview]').contentDocument; \
             const lead = d.querySelector('p.lead'); \
             return { \
               headingColour: getComputedStyle(d.querySelector('h2')).color, \
               lead: lead ? lead.textContent.slice(0, 20) : null, \
               ialShown: d.body.textContent.includes('{: .lead}'), \
               link: !!d.querySelector(\"a[data-site-link='/datasets/']\") \
             };",
        )
        .await;
    // h2 { color: #1f4e79 } comes from content/assets/css/style.css.
    assert_eq!(facts["headingColour"], "rgb(31, 78, 121)", "{facts}");
    assert!(
        facts["lead"].is_string(),
        "{{: .lead}} applied to its paragraph: {facts}"
    );
    assert_eq!(facts["ialShown"], false, "{facts}");
    assert_eq!(facts["link"], true, "{facts}");
    app.screenshot("60-preview-site-css").await;

    app.client.enter_frame(0).await.expect("enter the preview");
    app.click("a[data-site-link='/datasets/']").await;
    app.client
        .enter_parent_frame()
        .await
        .expect("back to the app");
    app.wait_for(
        "the datasets page to open",
        "const t = document.querySelector('[data-testid=page-title]'); return !!t && t.textContent === 'Datasets';",
    )
    .await;
    app.screenshot("61-followed-link").await;
    app.stop().await;
}

/// An include that loops over site data cannot be previewed truthfully: it is
/// one labelled chip, styled as Galley's mark even under the site's own CSS,
/// while a plain include is expanded in place.
#[tokio::test]
async fn liquid_that_computes_is_one_labelled_chip() {
    let app = App::start().await;
    app.click("[data-path='_news/2024-09-02-access-requests-simplified.md']")
        .await;
    app.wait_for(
        "the page with its includes in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d && !!d.getElementById('site-css') && !!d.getElementById('contacts');",
    )
    .await;
    let facts = app
        .eval(
            "const d = document.querySelector('[data-testid=preview]').contentDocument; \
             const chips = [...d.querySelectorAll('.liquid-chip')]; \
             const chip = chips[0]; \
             const style = chip ? getComputedStyle(chip) : null; \
             return { \
               chips: chips.length, \
               label: chip ? chip.textContent : null, \
               source: chip ? chip.getAttribute('title') : null, \
               border: style ? style.borderTopStyle : null, \
               noteExpanded: d.body.textContent.includes('signed data'), \
               logicLeaked: /assign|endfor|split:/.test(d.body.textContent) \
             };",
        )
        .await;
    assert_eq!(facts["chips"], 1, "{facts}");
    assert!(
        facts["label"]
            .as_str()
            .is_some_and(|l| l.starts_with("include people-table.md")),
        "{facts}"
    );
    assert!(
        facts["source"]
            .as_str()
            .is_some_and(|s| s.contains("karin-lindqvist,sofia-oberg")),
        "{facts}"
    );
    assert_eq!(facts["border"], "dashed", "{facts}");
    assert_eq!(facts["noteExpanded"], true, "{facts}");
    assert_eq!(facts["logicLeaked"], false, "{facts}");
    app.screenshot("62-liquid-chip").await;
    app.stop().await;
}

#[tokio::test]
async fn web_links_open_only_after_asking() {
    let app = App::start().await;
    app.click("[data-path='_engagements/aida.md']").await;
    app.click(".cm-content").await;
    let body = app.find(".cm-content").await;
    body.send_keys("[AIDA arena](https://example.org/arena) ")
        .await
        .expect("type a link");
    app.wait_for(
        "the web link in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d.querySelector(\"a[data-href='https://example.org/arena']\");",
    )
    .await;
    app.client.enter_frame(0).await.expect("enter the preview");
    app.click("a[data-href='https://example.org/arena']").await;
    app.client
        .enter_parent_frame()
        .await
        .expect("back to the app");
    let question = app.text_of("[role='alertdialog']").await;
    assert!(question.contains("https://example.org/arena"), "{question}");
    app.screenshot("62-external-link-asks").await;
    app.click("[role='alertdialog'] button:first-of-type").await;
    let title = app
        .eval("return document.querySelector('[data-testid=page-title]').textContent;")
        .await;
    assert_eq!(title, "AIDA", "still on the page");
    app.stop().await;
}
