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

/// Time between two keys: ten keys a second, a fast typist's pace, and more
/// than a keystroke's round trip, so one keystroke's figure does not hold the
/// wait for the one before.
const KEY_INTERVAL: Duration = Duration::from_millis(100);

/// A generated Markdown page of about `kb` KB: headings, links, lists, emphasis.
fn long_page(kb: usize) -> String {
    let block = "## Work package {#wp}\n\nThe arena brings **radiologists**, engineers and \
        [data stewards](/datasets/) together to build *clinically useful* tools, \
        from Umeå to Lund.\n\n- Annotated CT studies\n- Shared compute\n- Training\n\n";
    let mut body = String::from("---\ntitle: A very long page\ndate: 2025-02-01\n---\n");
    while body.len() < kb * 1024 {
        body.push_str(block);
    }
    body.push_str("The end of the long page.\n");
    body
}

/// Keystroke to preview updated, measured inside the app: the keys come from
/// the X server (XTest, as a keyboard's do, ten a second), a keydown listener
/// stamps each one and notes the typed text so far, and a MutationObserver on
/// the preview stamps the first update whose preview holds that text (every
/// keystroke it shows gets its own figure; an update that does not show the
/// keystroke yet is not counted). A second figure runs on to just after the
/// next frame is drawn (style, layout and paint of the update included).
#[tokio::test]
async fn keystroke_to_preview_on_a_100_kb_page() {
    keystroke_to_preview(100).await;
}

/// The same on a 2 KB page: what a keystroke costs in this window whatever
/// the page (the editor's own drawing, the round trip), beside the 100 KB one.
#[tokio::test]
async fn keystroke_to_preview_on_a_2_kb_page() {
    keystroke_to_preview(2).await;
}

async fn keystroke_to_preview(kb: usize) {
    let app = App::start().await;
    let rel = "_news/2025-02-01-long-page.md";
    std::fs::write(app.site.join(rel), long_page(kb)).expect("write the long page");
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
        "window.__latencies = []; window.__typed = ''; let pending = []; \
         const root = document.querySelector('[data-testid=preview]').contentDocument.getElementById('preview-root'); \
         document.addEventListener('keydown', (e) => { pending.push(performance.now()); window.__typed += e.key; }, true); \
         window.__painted = []; window.__parts = []; let ipc = null; window.__asked = { render_preview: 0, preview_edit: 0, within_keystroke: 0 }; \
         const plainFetch = window.fetch; \
         window.fetch = function (input, init) { \
           const answer = plainFetch.call(this, input, init); \
           if (!/render_preview|preview_edit/.test(String(input))) return answer; \
           window.__asked[String(input).includes('preview_edit') ? 'preview_edit' : 'render_preview'] += 1; \
           const sent = performance.now(); \
           return answer.then((r) => { ipc = { sent, answered: performance.now() }; return r; }); \
         }; \
         const plainOpen = XMLHttpRequest.prototype.open, plainSend = XMLHttpRequest.prototype.send; \
         XMLHttpRequest.prototype.open = function (method, url, ...rest) { this.__url = String(url); return plainOpen.call(this, method, url, ...rest); }; \
         XMLHttpRequest.prototype.send = function (body) { \
           if (!/preview-edit/.test(this.__url || '')) return plainSend.call(this, body); \
           window.__asked.within_keystroke += 1; \
           const sent = performance.now(); \
           try { return plainSend.call(this, body); } finally { ipc = { sent, answered: performance.now() }; } \
         }; \
         new MutationObserver(() => { \
           const now = performance.now(); \
           if (pending.length === 0 || !root.textContent.includes(window.__typed)) return; \
           const shown = pending; pending = []; \
           for (const from of shown) window.__latencies.push(now - from); \
           const start = shown[shown.length - 1]; \
           const mark = (name) => { const m = performance.getEntriesByName(name).pop(); return m && m.startTime >= start ? m.startTime : null; }; \
           const changed = mark('galley:text-changed'), asked = mark('galley:render-asked'); \
           if (shown.length === 1 && ipc && ipc.sent >= start && changed !== null && asked !== null) window.__parts.push([changed - start, asked - changed, ipc.sent - asked, ipc.answered - ipc.sent, now - ipc.answered]); \
           performance.clearMarks(); \
           requestAnimationFrame(() => { \
             const after = new MessageChannel(); \
             after.port1.onmessage = () => { const drawn = performance.now(); for (const from of shown) window.__painted.push(drawn - from); }; \
             after.port2.postMessage(0); \
           }); \
         }).observe(root, { childList: true, subtree: true, characterData: true }); \
         return true;",
    )
    .await;
    let rounds = 200;
    // Every keystroke must change the rendered text (a trailing space would not).
    let typed: String = (0..rounds)
        .map(|i| if i % 2 == 0 { 'x' } else { 'y' })
        .collect();
    // Real key events from the X server at a brisk typist's pace, with no
    // WebDriver command in flight: its key events and polling would be timed too.
    app.type_keys(&typed, KEY_INTERVAL);
    app.wait_for(
        "the preview to show every keystroke",
        &format!("return window.__latencies.length >= {rounds};"),
    )
    .await;
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
        "FIGURE keystroke_to_preview_{kb}kb_ms p50={:.1} p95={:.1} max={:.1} n={}",
        at(0.5),
        at(0.95),
        at(1.0),
        latencies.len()
    );
    // Where the time goes: before the render request leaves the page (editor,
    // state), the request's round trip to Rust and back, and after (the patch).
    // Typing sends edits of the text the preview keeps, never the whole page.
    let asked = app.eval("return window.__asked;").await;
    assert_eq!(
        asked["render_preview"], 0,
        "no whole-page render while typing: {asked}"
    );
    // A page this size is rendered within the keystroke: the edit goes as a
    // request the editor waits for, not as an asynchronous command.
    assert!(
        asked["within_keystroke"].as_u64().unwrap_or(0) > 0 && asked["preview_edit"] == 0,
        "keystrokes went as edits within the keystroke: {asked}"
    );
    let parts = app.eval("return window.__parts;").await;
    let parts: Vec<Vec<f64>> = serde_json::from_value(parts).expect("parts");
    if !parts.is_empty() {
        let median = |i: usize| {
            let mut v: Vec<f64> = parts.iter().filter_map(|p| p.get(i).copied()).collect();
            v.sort_by(f64::total_cmp);
            v[(v.len() - 1) / 2]
        };
        println!(
            "FIGURE keystroke_parts_{kb}kb_ms to_text_changed={:.1} to_render_asked={:.1} to_request_sent={:.1} request={:.1} after_answer={:.1} n={}",
            median(0),
            median(1),
            median(2),
            median(3),
            median(4),
            parts.len()
        );
    }
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
        "FIGURE keystroke_to_preview_drawn_{kb}kb_ms p50={:.1} p95={:.1} max={:.1} n={}",
        at(0.5),
        at(0.95),
        at(1.0),
        painted.len()
    );
    app.stop().await;
}
