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

/// Goes to the end of the text and types `words`, then selects the last word.
async fn type_and_select_last_word(app: &App, words: &str) {
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    body.send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .expect("go to end");
    body.send_keys(words).await.expect("type");
    body.send_keys(&format!(
        "{}{}{}{}",
        Key::Shift,
        Key::Control,
        Key::Left,
        Key::Null
    ))
    .await
    .expect("select word");
}

#[tokio::test]
async fn link_a_word_to_another_page_of_the_site() {
    let app = App::start().await;
    app.click("[data-path='_engagements/aida.md']").await;
    type_and_select_last_word(&app, " Read about our partners").await;
    let body = app.find(".cm-content").await;
    body.send_keys(&format!("{}k{}", Key::Control, Key::Null))
        .await
        .expect("Ctrl+K");
    app.find("[data-testid='link-dialog']").await;
    let text = app
        .eval("return document.querySelector(\"[data-link-field='text']\").value;")
        .await;
    assert_eq!(text, "partners");
    app.type_into("[data-link-field='search']", "nordic imaging")
        .await;
    app.click("[data-link-page='_engagements/nordic-imaging-network.md']")
        .await;
    app.wait_for(
        "the page's address",
        "const t = document.querySelector(\"[data-testid='link-target']\"); \
         return !!t && t.textContent.includes('/about/engagements/nordic-imaging-network/');",
    )
    .await;
    app.screenshot("71-link-dialog").await;
    app.click("[data-testid='link-confirm']").await;
    let link = "a[data-site-link='/about/engagements/nordic-imaging-network/']";
    app.wait_for(
        "the link in the preview",
        &format!(
            "const d = document.querySelector('[data-testid=preview]').contentDocument; \
             const a = d.querySelector(\"{link}\"); return !!a && a.textContent === 'partners';"
        ),
    )
    .await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    let saved = std::fs::read_to_string(app.site.join("_engagements/aida.md")).expect("read");
    assert!(
        saved.contains("Read about our [partners](/about/engagements/nordic-imaging-network/)"),
        "{saved}"
    );

    // The link opens that page in Galley.
    app.client.enter_frame(0).await.expect("enter the preview");
    app.click(link).await;
    app.client
        .enter_parent_frame()
        .await
        .expect("back to the app");
    app.wait_for(
        "the linked page to open",
        "const i = document.querySelector(\"input[data-field='title']\"); \
         return !!i && i.value === 'Nordic Imaging Network';",
    )
    .await;
    app.screenshot("72-link-followed").await;
    app.stop().await;
}

#[tokio::test]
async fn insert_an_image_of_the_site() {
    let app = App::start().await;
    app.click("[data-path='_engagements/aida.md']").await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    body.send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .expect("go to end");
    body.send_keys(&Key::Enter.to_string())
        .await
        .expect("new line");
    app.click("[data-format='image']").await;
    app.click("[data-testid='image-dialog'] [data-image='/assets/images/arena-map.png']")
        .await;
    app.type_into("[data-image-field='alt']", "Map of the arena")
        .await;
    app.screenshot("73-image-dialog").await;
    app.click("[data-testid='image-confirm']").await;
    app.wait_for(
        "the image loaded in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         const i = d.querySelector(\"img[alt='Map of the arena']\"); \
         return !!i && i.complete && i.naturalWidth > 0;",
    )
    .await;
    app.screenshot("74-image-inserted").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    let saved = std::fs::read_to_string(app.site.join("_engagements/aida.md")).expect("read");
    assert!(
        saved.contains("\n![Map of the arena](/assets/images/arena-map.png)"),
        "{saved}"
    );
    app.stop().await;
}
