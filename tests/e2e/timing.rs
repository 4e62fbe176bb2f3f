//! Figures for BENCHMARKS.md, measured in the real app (printed, never
//! asserted: a shared machine's timings are not a test result). Each run also
//! checks the behaviour it times, so it fails if that behaviour breaks.

use crate::harness::App;
use std::time::{Duration, Instant};

const PERSON: &str = "_people/sofia-oberg.md";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// An outside edit of a page that is not open: the page list shows the new
/// title and the page gets its "changed" badge. Time from the write to the
/// list showing it (the watcher's quiet period is most of it).
#[tokio::test]
async fn outside_write_to_page_list() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(PERSON)).expect("read");
    let link = format!("[data-path='{PERSON}']");
    app.find(&link).await;
    let mut times = Vec::new();
    for round in 0..20 {
        let title = format!("Sofia Öberg {round}");
        let text = original.replacen("title: Sofia Öberg", &format!("title: {title}"), 1);
        assert_ne!(text, original, "the fixture's title line");
        let start = Instant::now();
        std::fs::write(app.site.join(PERSON), text).expect("write");
        app.wait_for(
            "the new title in the page list",
            &format!("const b = document.querySelector(\"{link}\"); return !!b && b.textContent.includes({title:?});"),
        )
        .await;
        times.push(start.elapsed());
    }
    app.find(&format!("{link} [data-badge='changed']")).await;
    times.sort();
    println!(
        "FIGURE outside_write_to_page_list_ms median={:.1} p95={:.1} n={}",
        percentile(&times, 0.5).as_secs_f64() * 1000.0,
        percentile(&times, 0.95).as_secs_f64() * 1000.0,
        times.len()
    );
    app.stop().await;
}

/// A generated Markdown page of about 100 KB: headings, links, lists, emphasis.
fn long_page() -> String {
    let block = "## Work package {#wp}\n\nThe arena brings **radiologists**, engineers and \
        [data stewards](/datasets/) together to build *clinically useful* tools, \
        from Umeå to Lund.\n\n- Annotated CT studies\n- Shared compute\n- Training\n\n";
    let mut body = String::from("---\ntitle: A very long page\ndate: 2025-02-01\n---\n");
    while body.len() < 100 * 1024 {
        body.push_str(block);
    }
    body.push_str("The end of the long page.\n");
    body
}

/// Keystroke to preview updated, measured inside the app: a keydown listener
/// stamps the time and notes the typed text so far, a MutationObserver on the
/// preview stamps the first update whose preview holds that text (so an
/// update that does not show the keystroke yet is not counted). A second
/// figure runs on to just after the next frame is drawn (style, layout and
/// paint of the update included).
#[tokio::test]
async fn keystroke_to_preview_on_a_100_kb_page() {
    let app = App::start().await;
    let rel = "_news/2025-02-01-long-page.md";
    std::fs::write(app.site.join(rel), long_page()).expect("write the long page");
    app.click(&format!("[data-path='{rel}']")).await;
    app.wait_for(
        "the long page in the preview",
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !!d && d.body.textContent.includes('The end of the long page.');",
    )
    .await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    // At the end of the clicked line, so typed letters join its text.
    body.send_keys("\u{E010}").await.expect("End key");
    app.eval(
        "window.__latencies = []; window.__typed = ''; let start = 0; \
         const root = document.querySelector('[data-testid=preview]').contentDocument.getElementById('preview-root'); \
         document.addEventListener('keydown', (e) => { start = performance.now(); window.__typed += e.key; }, true); \
         window.__painted = []; \
         new MutationObserver(() => { \
           const now = performance.now(); \
           if (start && root.textContent.includes(window.__typed)) { \
             window.__latencies.push(now - start); \
             const from = start; start = 0; \
             requestAnimationFrame(() => { \
               const after = new MessageChannel(); \
               after.port1.onmessage = () => window.__painted.push(performance.now() - from); \
               after.port2.postMessage(0); \
             }); \
           } \
         }).observe(root, { childList: true, subtree: true, characterData: true }); \
         return true;",
    )
    .await;
    let rounds = 200;
    let mut typed = String::new();
    for i in 0..rounds {
        // Every keystroke must change the rendered text (a trailing space would not).
        let key = if i % 2 == 0 { "x" } else { "y" };
        typed.push_str(key);
        body.send_keys(key).await.expect("type");
        app.wait_for(
            "the preview to show the keystroke",
            &format!("return window.__latencies.length >= {};", i + 1),
        )
        .await;
    }
    let shown = app
        .eval(&format!(
            "return document.querySelector('[data-testid=preview]').contentDocument \
               .getElementById('preview-root').textContent.includes({typed:?});"
        ))
        .await;
    assert_eq!(shown, true, "the typed text is in the preview");
    let values = app.eval("return window.__latencies;").await;
    let mut latencies: Vec<f64> = values
        .as_array()
        .expect("latencies")
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    assert_eq!(
        latencies.len(),
        rounds,
        "every keystroke updated the preview"
    );
    latencies.sort_by(f64::total_cmp);
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    println!(
        "FIGURE keystroke_to_preview_100kb_ms p50={:.1} p95={:.1} max={:.1} n={}",
        at(0.5),
        at(0.95),
        at(1.0),
        latencies.len()
    );
    app.wait_for(
        "the last update to be drawn",
        &format!("return window.__painted.length >= {rounds};"),
    )
    .await;
    let painted = app.eval("return window.__painted;").await;
    let mut painted: Vec<f64> = painted
        .as_array()
        .expect("paint latencies")
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    painted.sort_by(f64::total_cmp);
    let at = |p: f64| painted[((painted.len() - 1) as f64 * p).round() as usize];
    println!(
        "FIGURE keystroke_to_preview_drawn_100kb_ms p50={:.1} p95={:.1} max={:.1} n={}",
        at(0.5),
        at(0.95),
        at(1.0),
        painted.len()
    );
    app.stop().await;
}
