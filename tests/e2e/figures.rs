//! The app's figures for `cargo xtask bench` and BENCHMARKS.md: cold start to the
//! page list, and the memory of the whole process tree with a 10,000-page site
//! open. Printed as `FIGURE …` lines, never asserted (a shared machine's timings
//! are not a test result); each test still checks that what it measures happened.
//!
//! Cold start is measured from the app process's start time (from /proc, on the
//! same clock as the page's `performance.timeOrigin`) to the `galley:pages-shown`
//! mark, which the page list sets in the frame that first paints it. That leaves
//! out tauri-driver and WebKitWebDriver starting, which a user does not pay.

use crate::harness::{App, Desktop, Launch};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Pages of the generated site (`GALLEY_FIGURE_PAGES` to change it).
fn generated_pages() -> usize {
    std::env::var("GALLEY_FIGURE_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// The app's process: the `galley-desktop` whose arguments name `site`.
fn app_pid(site: &Path) -> Option<u32> {
    let wanted = site.to_string_lossy().into_owned();
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<String> = cmdline
                .split(|b| *b == 0)
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            args.first().is_some_and(|a| a.ends_with("galley-desktop"))
                && args.iter().skip(1).any(|a| *a == wanted)
        })
}

/// Field `n` (1-based, as in proc(5)) of /proc/PID/stat.
fn stat_field(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')')? + 2..];
    after.split_whitespace().nth(n - 3).map(str::to_owned)
}

/// When the process started, in milliseconds since the Unix epoch: its start in
/// ticks since boot, plus the boot time (now minus the uptime).
fn start_epoch_ms(pid: u32) -> Option<f64> {
    let ticks: f64 = stat_field(pid, 22)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    let boot = now.as_secs_f64() - uptime;
    Some((boot + ticks / TICKS_PER_SECOND) * 1000.0)
}

/// `pid` and all its descendants.
fn process_tree(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
                .filter_map(|p| Some((p, stat_field(p, 4)?.parse().ok()?)))
                .collect()
        })
        .unwrap_or_default();
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    tree
}

/// A `Name:   123 kB` value of a /proc file, in kB.
fn kb_field(file: &str, name: &str) -> Option<u64> {
    std::fs::read_to_string(file)
        .ok()?
        .lines()
        .find(|l| l.starts_with(name))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Waits for the page list's paint mark and prints the cold-start figure; returns
/// the app's process id.
async fn cold_start(app: &App, name: &str) -> u32 {
    app.wait_for(
        "the page list's paint mark",
        "return performance.getEntriesByName('galley:pages-shown').length > 0;",
    )
    .await;
    let shown = app
        .eval(
            "const m = performance.getEntriesByName('galley:pages-shown')[0]; \
             return [performance.timeOrigin + m.startTime, m.startTime];",
        )
        .await;
    let shown_at = shown[0].as_f64().expect("epoch ms");
    let in_page = shown[1].as_f64().expect("ms since the page started");
    let pid = app_pid(&app.site).expect("the app's process");
    let started = start_epoch_ms(pid).expect("the app's start time");
    println!(
        "FIGURE {name} total={:.0} webview_to_list={in_page:.0} process_to_webview={:.0}",
        shown_at - started,
        shown_at - started - in_page
    );
    pid
}

/// Prints the memory of the app process `pid` and its descendants (the WebKit web
/// and network processes) once the first-open work (git status, the search index)
/// has settled: the sum of PSS (shared pages split between the processes that map
/// them) and of RSS (shared pages counted in each).
async fn memory(pid: u32, name: &str, pages: usize) {
    tokio::time::sleep(SETTLE).await;
    print_memory(pid, name, &format!("pages={pages}"));
}

/// How long the processes are left to settle before their memory is read
/// (first-open work: git status, the search index; WebKit's first paint).
const SETTLE: Duration = Duration::from_secs(3);

/// Prints the memory of `pid` and its descendants as a `FIGURE` line.
fn print_memory(pid: u32, name: &str, what: &str) {
    let tree = process_tree(pid);
    let comms: Vec<String> = tree
        .iter()
        .map(|p| {
            std::fs::read_to_string(format!("/proc/{p}/comm"))
                .map(|c| c.trim().to_owned())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        comms.iter().any(|c| c.starts_with("WebKitWebProces")),
        "the web process is part of the tree: {comms:?}"
    );
    let pss = |p: &u32| kb_field(&format!("/proc/{p}/smaps_rollup"), "Pss:");
    let total_pss: u64 = tree.iter().filter_map(pss).sum();
    let rss: u64 = tree
        .iter()
        .filter_map(|p| kb_field(&format!("/proc/{p}/status"), "VmRSS:"))
        .sum();
    let per_process: Vec<String> = tree
        .iter()
        .zip(&comms)
        .map(|(p, c)| format!("{c}:{:.0}", pss(p).unwrap_or(0) as f64 / 1024.0))
        .collect();
    println!(
        "FIGURE {name} pss={:.1} rss={:.1} processes={} {what} pss_by_process={}",
        total_pss as f64 / 1024.0,
        rss as f64 / 1024.0,
        tree.len(),
        per_process.join(",")
    );
}

/// Debian's WebKitGTK ships its own small browser beside the library.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// The floor under the memory figures: the same WebKitGTK, in the same kind of
/// desktop and with the same settings as the app, showing an empty page in
/// WebKitGTK's own MiniBrowser (a window, a web process and a network process,
/// no app at all). What the app's tree takes above it is Galley's.
#[tokio::test]
async fn memory_of_an_empty_webkitgtk_window() {
    assert!(
        Path::new(MINIBROWSER).exists(),
        "{MINIBROWSER} (libwebkit2gtk-4.1-0, installed by cargo xtask test)"
    );
    let desktop = Desktop::start();
    let mut browser = desktop
        .command(MINIBROWSER)
        .arg("about:blank")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("MiniBrowser starts");
    let pid = browser.id();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let has_web_process = || {
        process_tree(pid).iter().any(|p| {
            std::fs::read_to_string(format!("/proc/{p}/comm"))
                .is_ok_and(|c| c.starts_with("WebKitWebProces"))
        })
    };
    while !has_web_process() {
        assert!(
            std::time::Instant::now() < deadline,
            "MiniBrowser started no web process"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(SETTLE).await;
    print_memory(pid, "memory_floor_mb", "page=about:blank");
    let _ = browser.kill();
    let _ = browser.wait();
}

/// The demo site: what a first start looks like for most sites.
#[tokio::test]
async fn cold_start_on_the_demo_site() {
    let app = App::launch(Launch::default()).await;
    let pid = cold_start(&app, "cold_start_demo_ms").await;
    let pages = app
        .eval("return document.querySelectorAll('[data-path]').length;")
        .await
        .as_u64()
        .unwrap_or(0);
    assert!(pages >= 20, "the demo site's pages are listed");
    memory(pid, "memory_demo_mb", pages as usize).await;
    app.stop().await;
}

/// A generated site of 10,000 pages (the benchmarks' generator): cold start with
/// no index cache, then the memory of the app and its WebKit processes once it
/// has settled.
#[tokio::test]
async fn cold_start_and_memory_on_a_10k_page_site() {
    let pages = generated_pages();
    let app = App::launch_with_site(Launch::default(), |site| {
        galley_bench_support::write_site(site, pages).expect("generate the site");
    })
    .await;
    let pid = cold_start(&app, "cold_start_10k_ms").await;
    // A big site opens with its collections closed; the list keeps only the rows
    // in view, so open the last page's collection and bring that page up.
    let last = galley_bench_support::page_path(pages - 1);
    let collection = last
        .split('/')
        .next()
        .unwrap_or_default()
        .trim_start_matches('_')
        .to_owned();
    app.click(&format!("[data-collection='{collection}']"))
        .await;
    app.find(&format!("[data-path^='_{collection}/']")).await;
    let listed = app
        .eval("return document.querySelectorAll('[data-path]').length;")
        .await
        .as_u64()
        .unwrap_or(0);
    assert!(
        listed > 0 && listed < 200,
        "rows of the opened collection, only those in view: {listed}"
    );
    memory(pid, "memory_10k_mb", pages).await;
    app.stop().await;
}
