//! The editor and the preview scroll together, both ways, by the body lines
//! each preview block came from; a scroll one pane makes for the other never
//! echoes back.

use crate::harness::App;

const PAGE: &str = "_news/2025-03-01-scroll-page.md";

/// A long page: sixty sections, then one near the end and a last paragraph.
fn long_page() -> String {
    let mut body = String::from("---\ntitle: A page to scroll\ndate: 2025-03-01\n---\n");
    for n in 1..=60 {
        body.push_str(&format!(
            "## Section {n}\n\nThe arena brings radiologists, engineers and data stewards together \
             to build clinically useful tools, section {n} of many.\n\n- one\n- two\n\n"
        ));
    }
    body.push_str("## Near the end\n\nAlmost there.\n\n");
    for n in 1..=12 {
        body.push_str(&format!(
            "A closing paragraph, number {n}, after the heading near the end.\n\n"
        ));
    }
    body.push_str("The last words.\n");
    body
}

const FRAME: &str = "document.querySelector('[data-testid=preview]')";

/// Where the top of element `id` is in the preview's visible height (0 = top).
fn frame_top_of(id: &str) -> String {
    format!(
        "const f = {FRAME}; const el = f.contentDocument.getElementById('{id}'); \
         if (!el) return null; \
         return {{ top: el.getBoundingClientRect().top, height: f.contentWindow.innerHeight }};"
    )
}

#[tokio::test]
async fn editor_and_preview_scroll_together() {
    let app = App::start().await;
    std::fs::write(app.site.join(PAGE), long_page()).expect("write the long page");
    app.click(&format!("[data-path='{PAGE}']")).await;
    app.wait_for(
        "the long page in the preview",
        &format!("return {FRAME}.contentDocument.body.textContent.includes('The last words.');"),
    )
    .await;

    // The editor scrolled so "## Near the end" is its top line.
    app.eval(
        "const c = document.querySelector('.editor-column'); c.scrollTop = c.scrollHeight; return true;",
    )
    .await;
    app.wait_for(
        "the editor to draw its last lines",
        "return [...document.querySelectorAll('.cm-line')].some(l => l.textContent === '## Near the end');",
    )
    .await;
    app.eval(
        "const c = document.querySelector('.editor-column'); \
         const line = [...document.querySelectorAll('.cm-line')].find(l => l.textContent === '## Near the end'); \
         c.scrollTop += line.getBoundingClientRect().top - c.getBoundingClientRect().top; return true;",
    )
    .await;
    app.wait_for(
        "the heading near the end in view in the preview",
        &format!(
            "const f = {FRAME}; const el = f.contentDocument.getElementById('near-the-end'); \
             if (!el) return false; const t = el.getBoundingClientRect().top; \
             return t > -2 && t < f.contentWindow.innerHeight / 2;"
        ),
    )
    .await;
    app.screenshot("90-scroll-editor-to-the-end").await;
    let near = app.eval(&frame_top_of("near-the-end")).await;
    println!("preview: heading near the end at {near}");

    // The preview scrolled to a section in the middle: the editor follows.
    app.eval(&format!(
        "const w = {FRAME}.contentWindow; const el = w.document.getElementById('section-20'); \
         w.scrollTo(0, el.getBoundingClientRect().top + w.scrollY); return true;"
    ))
    .await;
    app.wait_for(
        "the editor to show section 20 at its top",
        "const c = document.querySelector('.editor-column').getBoundingClientRect(); \
         const line = [...document.querySelectorAll('.cm-line')].find(l => l.textContent === '## Section 20'); \
         if (!line) return false; const t = line.getBoundingClientRect().top - c.top; \
         return t > -8 && t < 30;",
    )
    .await;
    app.screenshot("91-scroll-preview-to-the-middle").await;

    // The preview scrolled to the top: so is the editor.
    app.eval(&format!(
        "{FRAME}.contentWindow.scrollTo(0, 0); return true;"
    ))
    .await;
    app.wait_for(
        "the editor back at its top",
        "return document.querySelector('.editor-column').scrollTop < 5;",
    )
    .await;
    // No echo: after a while both stay where they are.
    app.eval("return new Promise(r => setTimeout(() => r(true), 400));")
        .await;
    let still = app
        .eval(&format!(
            "return {{ editor: document.querySelector('.editor-column').scrollTop, preview: {FRAME}.contentWindow.scrollY }};"
        ))
        .await;
    assert!(still["editor"].as_f64().is_some_and(|t| t < 5.0), "{still}");
    assert!(
        still["preview"].as_f64().is_some_and(|t| t < 5.0),
        "{still}"
    );
    app.screenshot("92-scroll-both-at-the-top").await;
    app.stop().await;
}

/// Moving the cursor brings its block into the preview's view.
#[tokio::test]
async fn the_cursors_block_stays_in_view() {
    let app = App::start().await;
    std::fs::write(app.site.join(PAGE), long_page()).expect("write the long page");
    app.click(&format!("[data-path='{PAGE}']")).await;
    app.wait_for(
        "the long page in the preview",
        &format!("return {FRAME}.contentDocument.body.textContent.includes('The last words.');"),
    )
    .await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus the body");
    // Ctrl+End: the cursor to the last line.
    body.send_keys("\u{E009}\u{E010}\u{E000}")
        .await
        .expect("Ctrl+End");
    app.wait_for(
        "the last paragraph in view in the preview",
        &format!(
            "const f = {FRAME}; const p = [...f.contentDocument.querySelectorAll('p')].pop(); \
             const t = p.getBoundingClientRect().top; return t > -2 && t < f.contentWindow.innerHeight;"
        ),
    )
    .await;
    app.stop().await;
}
