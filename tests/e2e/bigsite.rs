//! A big site stays smooth: 20,000 generated pages (the benchmarks' generator;
//! `GALLEY_BIGSITE_PAGES=100000` for the BENCHMARKS.md figures) open to the list
//! of collections; an opened collection keeps only the rows in view in the
//! page; End reaches the last page, which opens when clicked; search finds a
//! page deep in the list — at once from titles and fields while the pages'
//! text is still being indexed (the build is held back until the test lets it
//! go, so "before" is certain), then completely. Prints `FIGURE` lines (time to
//! list, payload, first search, memory), never asserts a time.

use crate::harness::{App, Launch};
use fantoccini::key::Key;
use std::time::Instant;

use galley_bench_support as gen_site;

/// Pages generated unless `GALLEY_BIGSITE_PAGES` says otherwise: enough to be
/// big, few enough that generating and opening them stays quick in CI.
const PAGES: usize = 20_000;

/// Longest wait for the search index of every page's text: reading 100,000
/// pages at the lowest priority in a debug build on a busy machine takes long.
const INDEX_PATIENCE: std::time::Duration = std::time::Duration::from_secs(600);

/// Resident memory of a process, in KiB (Linux `/proc`).
fn rss_kib(pid: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Resident memory of the app and of its web processes, as `name=KiB` pairs.
fn memory(site: &std::path::Path) -> String {
    let pattern = format!("galley-desktop[^ ]* {}", site.to_string_lossy());
    let Ok(found) = std::process::Command::new("pgrep")
        .args(["-f", &pattern])
        .output()
    else {
        return String::new();
    };
    let Some(pid) = String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()
        .map(str::to_owned)
    else {
        return String::new();
    };
    let mut out = format!("app_kib={}", rss_kib(&pid));
    if let Ok(kids) = std::process::Command::new("ps")
        .args(["-o", "pid=,comm=", "--ppid", &pid])
        .output()
    {
        for line in String::from_utf8_lossy(&kids.stdout).lines() {
            let mut parts = line.split_whitespace();
            if let (Some(p), Some(name)) = (parts.next(), parts.next()) {
                out.push_str(&format!(" {name}_kib={}", rss_kib(p)));
            }
        }
    }
    out
}

/// The title written in a generated page's front matter.
fn title_in(file: &std::path::Path) -> String {
    let text = std::fs::read_to_string(file).expect("read a generated page");
    let line = text
        .lines()
        .find(|l| l.starts_with("title: "))
        .expect("a title line");
    line["title: ".len()..].trim_matches('"').to_owned()
}

fn ms(since: Instant) -> u128 {
    since.elapsed().as_millis()
}

#[tokio::test]
async fn a_big_site_lists_scrolls_and_searches_smoothly() {
    let pages: usize = std::env::var("GALLEY_BIGSITE_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(PAGES);
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("big-site");
    let generated = Instant::now();
    gen_site::write_site(&site, pages).expect("generate the site");
    // The site says its pages are Swedish: the spell checker follows it.
    let config = std::fs::read_to_string(site.join("_config.yml")).expect("config");
    std::fs::write(site.join("_config.yml"), format!("lang: sv\n{config}")).expect("config");
    println!("FIGURE bigsite_generate_ms={} pages={pages}", ms(generated));
    // The deep page the search looks for, and a page that holds its title only
    // in its text: found once the text is indexed, not before.
    let deep = format!("_coll7/page-{:05}.md", pages / gen_site::COLLECTIONS - 3);
    let deep_title = title_in(&site.join(&deep));
    let body_only = "_coll7/annual-report.md";
    std::fs::write(
        site.join(body_only),
        format!("---\ntitle: Annual report\n---\nThis year we wrote about {deep_title}.\n"),
    )
    .expect("write the body-only page");
    // The search index is built once this file exists.
    let index_go = temp.path().join("index-go");
    let index_go_text = index_go.to_string_lossy().into_owned();

    let started = Instant::now();
    let app = App::launch_with_env(
        Launch {
            site_folder: Some(site.clone()),
            ..Launch::default()
        },
        &[("GALLEY_SEARCH_INDEX_WAITS_FOR", &index_go_text)],
    )
    .await;
    app.find("[data-collection='coll0']").await;
    let to_collections = ms(started);
    // A big site starts with its collections closed: the first screen is their list.
    assert_eq!(
        app.eval("return document.querySelectorAll('[role=option]').length;")
            .await,
        0
    );
    let opened = Instant::now();
    app.click("[data-collection='coll0']").await;
    app.find("[data-list='coll0'] [role=option]").await;
    let to_rows = ms(opened);
    println!(
        "FIGURE bigsite_time_to_list_ms start_to_collections={to_collections} open_collection_to_rows={to_rows} pages={pages}"
    );
    let payload = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const invoke = window.__TAURI_INTERNALS__.invoke; const t0 = performance.now(); \
             invoke('current_site').then((site) => { const t1 = performance.now(); \
               return invoke('list_pages', { query: { collection: 'coll0', sort: 'title', filters: [], offset: 0, limit: 100 } }) \
                 .then((rows) => done([JSON.stringify(site).length, t1 - t0, JSON.stringify(rows).length, performance.now() - t1])); });",
            vec![],
        )
        .await
        .expect("measure the payloads");
    println!(
        "FIGURE bigsite_payload [site_view_bytes, site_view_ms, window_100_rows_bytes, window_ms] = {payload}"
    );

    let list = "[data-list='coll0']";
    let total = app
        .eval(&format!(
            "return Number(document.querySelector(\"{list}\").dataset.total);"
        ))
        .await
        .as_u64()
        .expect("the list's total");
    assert_eq!(total as usize, pages / gen_site::COLLECTIONS);

    // End goes to the last page; the page holds only the rows in view.
    let listbox = app.find(list).await;
    app.eval(&format!(
        "document.querySelector(\"{list}\").focus(); return true;"
    ))
    .await;
    let ended = Instant::now();
    listbox
        .send_keys(&Key::End.to_string())
        .await
        .expect("press End");
    let last = format!("{list} [role=option][aria-posinset='{total}']");
    app.find(&last).await;
    println!("FIGURE bigsite_end_key_to_last_row_ms={}", ms(ended));
    let rows = app
        .eval("return document.querySelectorAll('[role=option]').length;")
        .await
        .as_u64()
        .expect("a count");
    assert!(rows < 200, "{rows} rows in the page for {total} pages");
    app.wait_for(
        "the last row to be the active one",
        &format!(
            "const l = document.querySelector(\"{list}\"); const a = l.getAttribute('aria-activedescendant'); \
             return !!a && document.getElementById(a).getAttribute('aria-posinset') === '{total}';"
        ),
    )
    .await;
    app.screenshot("95-bigsite-end").await;

    // The last row opens when clicked.
    let last_path = app
        .find(&last)
        .await
        .attr("data-path")
        .await
        .expect("attribute")
        .expect("a path");
    let last_title = title_in(&site.join(&last_path));
    app.click(&last).await;
    app.wait_for(
        "the last page to open",
        &format!(
            "const i = document.querySelector(\"input[data-field='title']\"); return !!i && i.value === {last_title:?};"
        ),
    )
    .await;
    assert_eq!(
        app.eval("return document.querySelector('.cm-content').getAttribute('lang');")
            .await,
        "sv",
        "the site's language, not the UI's"
    );

    // Scrolling by hand to the middle draws the rows there.
    let scrolled = app
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; const l = document.querySelector(\"{list}\"); \
                 const t = performance.now(); l.scrollTop = l.scrollHeight / 2; \
                 const check = () => {{ const rows = [...l.querySelectorAll('[role=option]')].map((r) => Number(r.dataset.index)); \
                   if (rows.some((i) => Math.abs(i - {total} / 2) < 20)) done(performance.now() - t); else requestAnimationFrame(check); }}; check();"
            ),
            vec![],
        )
        .await
        .expect("scroll to the middle");
    println!("FIGURE bigsite_scroll_to_middle_rows_drawn_ms={scrolled}");
    let frames = app
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; const l = document.querySelector(\"{list}\"); \
                 const times = []; let i = 0; const step = () => {{ const t = performance.now(); l.scrollTop += l.clientHeight; \
                 requestAnimationFrame(() => requestAnimationFrame(() => {{ times.push(performance.now() - t); \
                 if (++i < 20) step(); else done(times.sort((a, b) => a - b)[10]); }})); }}; step();"
            ),
            vec![],
        )
        .await
        .expect("scroll a screen at a time");
    let idle = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const times = []; let i = 0; \
             const step = () => { const t = performance.now(); requestAnimationFrame(() => requestAnimationFrame(() => { \
             times.push(performance.now() - t); if (++i < 20) step(); else done(times.sort((a, b) => a - b)[10]); })); }; step();",
            vec![],
        )
        .await
        .expect("two idle frames");
    println!(
        "FIGURE bigsite_scroll_one_screen_two_frames_median_ms={frames} (two frames without scrolling: {idle})"
    );

    // Search finds a page deep in the list at once, by its title, while the
    // pages' text is not indexed yet (the index waits for `index_go`)…
    let first_result =
        format!("[data-testid='search-results'] li:first-child [data-path='{deep}']");
    let searched = Instant::now();
    app.type_into("[data-testid='search']", &deep_title).await;
    let typed = Instant::now();
    app.find(&first_result).await;
    println!(
        "FIGURE bigsite_search_ms={} (before the text is indexed; after the last key: {} ms)",
        ms(searched),
        ms(typed)
    );
    assert!(!index_go.exists());
    assert_eq!(
        app.text_of("[data-testid='search-partial']").await,
        "Still reading the pages' text…"
    );
    assert_eq!(
        app.eval(&format!(
            "return document.querySelectorAll(\"[data-testid='search-results'] [data-path='{body_only}']\").length;"
        ))
        .await,
        0,
        "the text is not searched yet"
    );
    app.screenshot("96-bigsite-search-partial").await;
    // …and completely once the index is built: the UI asks again by itself.
    std::fs::write(&index_go, "go").expect("let the index be built");
    let released = Instant::now();
    app.wait_for_within(
        "the full answer",
        &format!(
            "return !document.querySelector(\"[data-testid='search-partial']\") && \
             !!document.querySelector(\"[data-testid='search-results'] [data-path='{body_only}']\");"
        ),
        INDEX_PATIENCE,
    )
    .await;
    println!(
        "FIGURE bigsite_search_full_answer_after_index_release_ms={}",
        ms(released)
    );
    app.find(&first_result).await;
    app.click(&format!(
        "[data-testid='search-results'] [data-path='{deep}']"
    ))
    .await;
    app.wait_for(
        "the found page to open",
        &format!(
            "const i = document.querySelector(\"input[data-field='title']\"); return !!i && i.value === {deep_title:?};"
        ),
    )
    .await;
    println!("FIGURE bigsite_memory {}", memory(&site));
    app.stop().await;
}
