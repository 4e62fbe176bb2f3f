//! `cargo xtask bench [quick|full] [FILTER]`: every figure of BENCHMARKS.md in one
//! run, so the ratios compare like with like on a shared, noisy machine.
//!
//! - generates deterministic sites (10,000 pages; `full` adds 100,000) under
//!   `target/bench/sites/`, with a git repository and the same pages laid out as a
//!   Hugo site, and keeps them for the next run (a marker names the generator
//!   version);
//! - runs the criterion benchmarks (FILTER is passed to criterion), markdown-it in
//!   Node on the same preview pages, repeated command timings (`galley scan` vs
//!   the read floor vs `hugo list all`), galley-git vs the git CLI, the watcher,
//!   and the real app's figures from the end-to-end harness (release build);
//! - writes `target/bench/summary.md` (one table: Galley's figure, the floor or
//!   peer, the ratio, the budget, met/missed) and prints it.
//!
//! Benchmarks, not tests: nothing here fails because the machine was slow. A step
//! that cannot run (Hugo not installable, no display) leaves its rows marked as
//! not measured, with the reason; the run then ends with an error after the summary.

use crate::prereq::{have, is_root};
use crate::steps::{project_root, sh};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// The page of the generated site that the git and edit figures touch.
const GIT_PAGE: &str = "_coll0/page-00000.md";

/// How much to measure.
#[derive(Clone, Debug)]
struct Plan {
    /// `full`: the 100,000-page site too, criterion's default times, the .deb.
    full: bool,
    /// Passed to criterion: only benchmarks whose names contain it.
    filter: Option<String>,
}

impl Plan {
    fn sizes(&self) -> Vec<usize> {
        if self.full {
            vec![10_000, 100_000]
        } else {
            vec![10_000]
        }
    }
    /// The repository the git figures use: the largest site.
    fn git_size(&self) -> usize {
        if self.full {
            100_000
        } else {
            10_000
        }
    }
}

/// Whether a figure meets its budget.
#[derive(Clone, Debug, PartialEq)]
enum Budget {
    /// No budget: the figure is reported for information.
    None,
    /// Galley / peer must be at most this.
    RatioAtMost(f64),
    /// Galley's own figure must be at most this (in the row's unit).
    ValueAtMost(f64),
}

/// One line of the summary table.
#[derive(Clone, Debug)]
struct Row {
    measure: String,
    /// Galley's figure in `unit`, or why it is missing.
    galley: Result<f64, String>,
    /// The floor or peer, with its name.
    peer: Option<(String, Result<f64, String>)>,
    unit: &'static str,
    budget: Budget,
    budget_text: String,
    /// How the figure was produced (the command a reader can run).
    how: String,
}

impl Row {
    fn new(measure: impl Into<String>, unit: &'static str, how: impl Into<String>) -> Row {
        Row {
            measure: measure.into(),
            galley: Err("not measured".into()),
            peer: None,
            unit,
            budget: Budget::None,
            budget_text: "—".into(),
            how: how.into(),
        }
    }
    fn galley(mut self, value: Result<f64, String>) -> Row {
        self.galley = value;
        self
    }
    fn peer(mut self, name: impl Into<String>, value: Result<f64, String>) -> Row {
        self.peer = Some((name.into(), value));
        self
    }
    fn budget(mut self, budget: Budget, text: impl Into<String>) -> Row {
        self.budget = budget;
        self.budget_text = text.into();
        self
    }
    fn ratio(&self) -> Option<f64> {
        match (&self.galley, &self.peer) {
            (Ok(g), Some((_, Ok(p)))) if *p > 0.0 => Some(g / p),
            _ => None,
        }
    }
    fn status(&self) -> &'static str {
        let Ok(value) = self.galley else {
            return "not measured";
        };
        match self.budget {
            Budget::None => "—",
            Budget::RatioAtMost(max) => match self.ratio() {
                Some(r) if r <= max => "met",
                Some(_) => "**missed**",
                None => "not measured",
            },
            Budget::ValueAtMost(max) if value <= max => "met",
            Budget::ValueAtMost(_) => "**missed**",
        }
    }
}

fn format_value(value: &Result<f64, String>, unit: &str) -> String {
    match value {
        Ok(v) if unit == "MB" => format!("{v:.1} MB"),
        Ok(v) if *v >= 100.0 => format!("{v:.0} {unit}"),
        Ok(v) if *v >= 10.0 => format!("{v:.1} {unit}"),
        Ok(v) => format!("{v:.2} {unit}"),
        Err(why) => format!("n/a ({why})"),
    }
}

/// `cargo xtask bench [quick|full] [FILTER]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut plan = Plan {
        full: false,
        filter: None,
    };
    for arg in args {
        match arg.as_str() {
            "quick" => plan.full = false,
            "full" => plan.full = true,
            other if other.starts_with('-') => {
                return Err(format!(
                    "unknown option {other}: usage: cargo xtask bench [quick|full] [FILTER]"
                ))
            }
            other => plan.filter = Some(other.to_owned()),
        }
    }
    let started = SystemTime::now();
    let machine_before = machine();
    let dirs = Dirs::new();
    prepare(&plan, &dirs)?;

    let mut rows: Vec<Row> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut note = |name: &str, result: Result<(), String>| {
        if let Err(e) = result {
            eprintln!("xtask bench: {name}: {e}");
            failures.push(format!("{name}: {e}"));
        }
    };
    let estimates = match run_criterion(&plan, &dirs, started) {
        Ok(estimates) => estimates,
        Err(e) => {
            note("criterion", Err(e));
            Estimates::new()
        }
    };
    note("preview", preview_rows(&dirs, &estimates, &mut rows));
    note("site open", scan_rows(&plan, &dirs, &estimates, &mut rows));
    edit_rows(&estimates, &mut rows);
    note("git", git_rows(&plan, &dirs, &mut rows));
    note("watcher", watch_rows(&dirs, &mut rows));
    note("app", app_rows(&dirs, &mut rows));
    note("sizes", size_rows(&plan, &dirs, &mut rows));

    let machine_after = machine();
    let summary = render_summary(&plan, &machine_before, &machine_after, &rows, &failures);
    let path = dirs.bench.join("summary.md");
    std::fs::write(&path, &summary).map_err(|e| format!("write {}: {e}", path.display()))?;
    println!("\n{summary}");
    println!("(written to {})", path.display());
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} step(s) could not measure (see the summary): {}",
            failures.len(),
            failures.join("; ")
        ))
    }
}

/// Where things are.
struct Dirs {
    root: PathBuf,
    /// `target/bench/` in the project.
    bench: PathBuf,
    sites: PathBuf,
    pages: PathBuf,
    criterion: PathBuf,
    /// Cargo's target folder (CARGO_TARGET_DIR or `target/`), for the built programs.
    cargo_target: PathBuf,
}

impl Dirs {
    fn new() -> Dirs {
        let root = project_root();
        let bench = root.join("target/bench");
        let cargo_target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| if p.is_relative() { root.join(p) } else { p })
            .unwrap_or_else(|| root.join("target"));
        Dirs {
            sites: bench.join("sites"),
            pages: bench.join("pages"),
            criterion: bench.join("criterion"),
            bench,
            cargo_target,
            root,
        }
    }
    fn release(&self, name: &str) -> PathBuf {
        self.cargo_target.join("release").join(name)
    }
    fn example(&self, name: &str) -> PathBuf {
        self.cargo_target.join("release/examples").join(name)
    }
    fn jekyll(&self, pages: usize) -> PathBuf {
        self.sites.join(format!("jekyll-{pages}"))
    }
    fn hugo(&self, pages: usize) -> PathBuf {
        self.sites.join(format!("hugo-{pages}"))
    }
}

fn cargo() -> Command {
    let mut c = Command::new(env!("CARGO"));
    c.current_dir(project_root());
    c
}

/// Tools, builds and generated content, before anything is timed.
fn prepare(plan: &Plan, dirs: &Dirs) -> Result<(), String> {
    crate::prereq::system_packages()?;
    install_hugo();
    crate::steps::build_ui()?;
    sh(
        cargo().args([
            "build",
            "--release",
            "-p",
            "galley-desktop",
            "-p",
            "galley-cli",
        ]),
        "release build of the app and the CLI",
    )?;
    sh(
        cargo().args([
            "build",
            "--release",
            "-p",
            "galley-core",
            "--example",
            "open_site",
            "-p",
            "galley-git",
            "--example",
            "status_bench",
            "-p",
            "galley-watch",
            "--example",
            "latency",
        ]),
        "release build of the benchmark programs",
    )?;
    for pages in plan.sizes() {
        ensure_site(dirs, pages)?;
    }
    std::fs::create_dir_all(&dirs.pages).map_err(|e| e.to_string())?;
    for (name, bytes, raw) in preview_pages() {
        let text = galley_bench_support::preview_page(bytes, raw);
        std::fs::write(dirs.pages.join(name), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Debian's `hugo`, the peer for listing a site, when we may install it.
fn install_hugo() {
    if have("hugo") || !cfg!(target_os = "linux") || !have("apt-get") || !is_root() {
        return;
    }
    let _ = sh(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends", "hugo"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        "install Debian's hugo (the peer for listing a site)",
    );
}

/// The generated site of `pages` pages with its git repository and Hugo layout,
/// reused when its marker says it was written by this generator.
fn ensure_site(dirs: &Dirs, pages: usize) -> Result<(), String> {
    let jekyll = dirs.jekyll(pages);
    let hugo = dirs.hugo(pages);
    let marker = dirs.sites.join(format!("jekyll-{pages}.marker"));
    let want = format!(
        "generator={} pages={pages} git=1 hugo=1\n",
        galley_bench_support::GENERATOR_VERSION
    );
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == want) && jekyll.is_dir() {
        println!("==> site of {pages} pages: kept from an earlier run");
        return Ok(());
    }
    println!(
        "==> generate a site of {pages} pages in {}",
        jekyll.display()
    );
    let _ = std::fs::remove_file(&marker);
    for dir in [&jekyll, &hugo] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("remove {}: {e}", dir.display()))?;
        }
    }
    let t = Instant::now();
    galley_bench_support::write_site(&jekyll, pages).map_err(|e| format!("write site: {e}"))?;
    galley_bench_support::age_files(&jekyll).map_err(|e| format!("age files: {e}"))?;
    // Hard links change the files' ctime: make them before git records stat data.
    galley_bench_support::write_hugo_layout(&jekyll, &hugo, pages)
        .map_err(|e| format!("hugo layout: {e}"))?;
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.name", "Bench"],
        &["config", "user.email", "bench@example.org"],
        &["config", "core.autocrlf", "false"],
        &["add", "-A"],
        &["commit", "-q", "-m", "Generated site"],
    ] {
        git(&jekyll, args)?;
    }
    std::fs::write(&marker, want).map_err(|e| e.to_string())?;
    println!(
        "    {pages} pages written and committed in {:.0} s",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("git: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("git {} failed", args.join(" ")))
    }
}

/// (file name, size, with raw HTML) of the preview pages.
fn preview_pages() -> [(&'static str, usize, bool); 4] {
    [
        ("preview-20k-markdown.md", 20 * 1024, false),
        ("preview-20k-raw_html.md", 20 * 1024, true),
        ("preview-1m-markdown.md", 1024 * 1024, false),
        ("preview-1m-raw_html.md", 1024 * 1024, true),
    ]
}

/// Criterion medians in milliseconds, by `group/function`.
type Estimates = BTreeMap<String, f64>;

fn run_criterion(plan: &Plan, dirs: &Dirs, started: SystemTime) -> Result<Estimates, String> {
    let sizes: Vec<String> = plan.sizes().iter().map(usize::to_string).collect();
    let mut bench = cargo();
    bench
        .args([
            "bench",
            "-p",
            "galley-core",
            "--bench",
            "preview",
            "--bench",
            "scan",
            "--bench",
            "edit",
            "--",
        ])
        .env("CRITERION_HOME", &dirs.criterion)
        .env("GALLEY_BENCH_SITES", &dirs.sites)
        .env("GALLEY_BENCH_SCAN_PAGES", sizes.join(","));
    if !plan.full {
        bench.args(["--warm-up-time", "1", "--measurement-time", "2"]);
    }
    if let Some(filter) = &plan.filter {
        bench.arg(filter);
    }
    sh(
        &mut bench,
        "criterion benchmarks (galley-core: preview, scan, edit)",
    )?;
    Ok(read_estimates(&dirs.criterion, started))
}

/// Every `GROUP/FUNCTION/new/estimates.json` written since `since`: its median.
fn read_estimates(home: &Path, since: SystemTime) -> Estimates {
    let mut out = Estimates::new();
    let Ok(groups) = std::fs::read_dir(home) else {
        return out;
    };
    for group in groups.filter_map(Result::ok) {
        let Ok(functions) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for function in functions.filter_map(Result::ok) {
            let file = function.path().join("new/estimates.json");
            let fresh = std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since);
            if !fresh {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Some(ns) = median_ns(&text) {
                out.insert(
                    format!(
                        "{}/{}",
                        group.file_name().to_string_lossy(),
                        function.file_name().to_string_lossy()
                    ),
                    ns / 1e6,
                );
            }
        }
    }
    out
}

/// `median.point_estimate` of criterion's estimates.json (nanoseconds).
fn median_ns(json: &str) -> Option<f64> {
    let after = &json[json.find("\"median\"")?..];
    let value = &after[after.find("\"point_estimate\"")? + "\"point_estimate\"".len()..];
    let value = value.trim_start().strip_prefix(':')?.trim_start();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+')))
        .unwrap_or(value.len());
    value[..end].parse().ok()
}

fn estimate(estimates: &Estimates, name: &str) -> Result<f64, String> {
    estimates
        .get(name)
        .copied()
        .ok_or_else(|| "not run".to_owned())
}

fn preview_rows(dirs: &Dirs, estimates: &Estimates, rows: &mut Vec<Row>) -> Result<(), String> {
    let mut failed = None;
    for (file, bytes, raw) in preview_pages() {
        let size = if bytes > 100_000 { "1m" } else { "20k" };
        let kind = if raw { "raw_html" } else { "markdown" };
        let group = format!("preview_{size}_{kind}");
        let label = format!(
            "Preview {} page{}: Markdown → sanitized HTML",
            if bytes > 100_000 { "1 MB" } else { "20 KB" },
            if raw { " with raw HTML" } else { "" }
        );
        let galley = estimate(estimates, &format!("{group}/galley_render"));
        let criterion_how = format!(
            "`cargo bench -p galley-core --bench preview -- {group}` (criterion median; `galley_render` vs `pulldown_cmark_only`)"
        );
        rows.push(
            Row::new(
                format!("{label} vs pulldown-cmark alone"),
                "ms",
                criterion_how,
            )
            .galley(galley.clone())
            .peer(
                "pulldown-cmark",
                estimate(estimates, &format!("{group}/pulldown_cmark_only")),
            ),
        );
        let runs = if bytes > 100_000 { 30 } else { 300 };
        let page = dirs.pages.join(file);
        let node = markdown_it(&dirs.root, &page, runs);
        if let Err(e) = &node {
            failed = Some(e.clone());
        }
        rows.push(
            Row::new(
                format!("{label} vs markdown-it in Node"),
                "ms",
                format!(
                    "`node ui/bench/markdown-it.mjs target/bench/pages/{file} {runs}` (median after 1 s warm-up) beside the criterion median above"
                ),
            )
            .galley(galley)
            .peer("markdown-it 15 (Node)", node),
        );
    }
    failed.map_or(Ok(()), Err)
}

fn markdown_it(root: &Path, page: &Path, runs: usize) -> Result<f64, String> {
    let out = Command::new("node")
        .arg(root.join("ui/bench/markdown-it.mjs"))
        .arg(page)
        .arg(runs.to_string())
        .current_dir(root.join("ui"))
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "markdown-it failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    figure(&text, "markdown_it_ms", "median")
}

/// The value of `key=` on the `FIGURE name …` line of `output`.
fn figure(output: &str, name: &str, key: &str) -> Result<f64, String> {
    // The test harness may print `test x ... ` before a test's own output.
    let prefix = format!("FIGURE {name} ");
    let rest = output
        .lines()
        .find_map(|l| l.find(&prefix).map(|at| &l[at + prefix.len()..]))
        .ok_or_else(|| format!("no FIGURE {name} line"))?;
    rest.split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| format!("FIGURE {name} has no {key}"))
}

fn scan_rows(
    plan: &Plan,
    dirs: &Dirs,
    estimates: &Estimates,
    rows: &mut Vec<Row>,
) -> Result<(), String> {
    for pages in plan.sizes() {
        let k = pages / 1000;
        let group = format!("scan_{k}k");
        let how = format!(
            "`GALLEY_BENCH_SCAN_PAGES={pages} cargo bench -p galley-core --bench scan -- {group}` (criterion median, in-process)"
        );
        rows.push(
            Row::new(
                format!(
                    "Open a {k}k-page site, no cache (`Site::open`) vs reading every file once"
                ),
                "ms",
                how.clone(),
            )
            .galley(estimate(estimates, &format!("{group}/site_open_no_cache")))
            .peer(
                "read floor (walk + read, all cores)",
                estimate(estimates, &format!("{group}/read_all_files_rayon")),
            )
            .budget(Budget::RatioAtMost(2.0), "≤ 2× the read floor"),
        );
        rows.push(
            Row::new(
                format!("Re-open a {k}k-page site from the index cache vs the read floor"),
                "ms",
                how,
            )
            .galley(estimate(estimates, &format!("{group}/site_open_cached")))
            .peer(
                "read floor",
                estimate(estimates, &format!("{group}/read_all_files_rayon")),
            ),
        );
        rows.extend(command_rows(plan, dirs, pages)?);
    }
    Ok(())
}

/// Repeated command timings, in turns, like hyperfine: `galley scan` against the
/// read floor as a process and against `hugo list all`.
fn command_rows(plan: &Plan, dirs: &Dirs, pages: usize) -> Result<Vec<Row>, String> {
    let k = pages / 1000;
    let site = dirs.jekyll(pages);
    let hugo_site = dirs.hugo(pages);
    let cache = dirs.bench.join(format!("scan-cache-{pages}"));
    let galley = dirs.release("galley");
    let floor = dirs.example("open_site");
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let mut commands: Vec<(String, Vec<String>, PathBuf)> = vec![
        (
            "galley scan".into(),
            vec![s(&galley), "scan".into(), s(&site)],
            dirs.root.clone(),
        ),
        (
            "galley scan --cache".into(),
            vec![
                s(&galley),
                "scan".into(),
                s(&site),
                "--cache".into(),
                s(&cache),
            ],
            dirs.root.clone(),
        ),
        (
            "read floor".into(),
            vec![s(&floor), "--read-floor".into(), s(&site)],
            dirs.root.clone(),
        ),
    ];
    let hugo = have("hugo");
    if hugo {
        commands.push((
            "hugo list all".into(),
            vec!["hugo".into(), "list".into(), "all".into()],
            hugo_site.clone(),
        ));
    }
    let (warmup, runs) = match (plan.full, pages > 50_000) {
        (_, true) => (1, 5),
        (true, false) => (2, 20),
        (false, false) => (2, 10),
    };
    println!(
        "==> command timings on the {k}k-page site ({runs} runs each, in turns, after {warmup} warm-up)"
    );
    let times = time_commands(&commands, warmup, runs)?;
    let get = |name: &str| -> Result<f64, String> {
        times.get(name).copied().ok_or_else(|| "not run".to_owned())
    };
    let how = |what: &str| {
        format!(
            "`cargo xtask bench` command timing (median of {runs} runs in turns after {warmup} warm-up): {what}"
        )
    };
    let mut rows = vec![
        Row::new(
            format!("`galley scan` of the {k}k-page site (whole process) vs the read floor as a process"),
            "ms",
            how(&format!(
                "`galley scan target/bench/sites/jekyll-{pages}` vs `open_site --read-floor target/bench/sites/jekyll-{pages}` (galley-core example)"
            )),
        )
        .galley(get("galley scan"))
        .peer("read floor process", get("read floor")),
        Row::new(
            format!("`galley scan --cache` (re-open) of the {k}k-page site vs the read floor process"),
            "ms",
            how(&format!(
                "`galley scan target/bench/sites/jekyll-{pages} --cache target/bench/scan-cache-{pages}`"
            )),
        )
        .galley(get("galley scan --cache"))
        .peer("read floor process", get("read floor")),
    ];
    let hugo_value = if hugo {
        get("hugo list all")
    } else {
        Err("hugo is not installed and could not be (Debian's `hugo` package, as root)".into())
    };
    rows.push(
        Row::new(
            format!("List the {k}k-page site: `galley scan` vs `hugo list all` on the same pages"),
            "ms",
            how(&format!(
                "`galley scan target/bench/sites/jekyll-{pages}` vs `hugo list all` in target/bench/sites/hugo-{pages} (same files, hard links)"
            )),
        )
        .galley(get("galley scan"))
        .peer(hugo_version(), hugo_value)
        .budget(Budget::RatioAtMost(0.2), "≥ 5× faster (≤ 0.20×)"),
    );
    Ok(rows)
}

fn hugo_version() -> String {
    Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .map(|v| format!("hugo {}", v.split('+').next().unwrap_or(v)))
        })
        .unwrap_or_else(|| "hugo".into())
}

/// Runs each command `warmup` times, then `runs` rounds of each in turn; the
/// median wall time of each in milliseconds. Output is discarded.
fn time_commands(
    commands: &[(String, Vec<String>, PathBuf)],
    warmup: usize,
    runs: usize,
) -> Result<BTreeMap<String, f64>, String> {
    let run_once = |argv: &[String], dir: &Path| -> Result<Duration, String> {
        let start = Instant::now();
        let status = Command::new(&argv[0])
            .args(&argv[1..])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("{}: {e}", argv[0]))?;
        let elapsed = start.elapsed();
        if status.success() {
            Ok(elapsed)
        } else {
            Err(format!("`{}` failed ({status})", argv.join(" ")))
        }
    };
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); commands.len()];
    for round in 0..warmup + runs {
        for (i, (_, argv, dir)) in commands.iter().enumerate() {
            let t = run_once(argv, dir)?;
            if round >= warmup {
                samples[i].push(t);
            }
        }
    }
    Ok(commands
        .iter()
        .zip(samples)
        .map(|((name, _, _), mut v)| {
            v.sort();
            (name.clone(), v[v.len() / 2].as_secs_f64() * 1000.0)
        })
        .collect())
}

fn edit_rows(estimates: &Estimates, rows: &mut Vec<Row>) {
    let g = "edit_200_line_front_matter";
    let how = format!("`cargo bench -p galley-core --bench edit -- {g}` (criterion median)");
    rows.extend([
        Row::new(
            "One-field edit on a 200-line front matter: parse, set, bytes",
            "ms",
            how.clone(),
        )
        .galley(estimate(
            estimates,
            &format!("{g}/parse_set_one_field_to_bytes"),
        )),
        Row::new(
            "One-field edit and atomic write (temp file, fsync, rename)",
            "ms",
            how.clone(),
        )
        .galley(estimate(
            estimates,
            &format!("{g}/set_one_field_and_write_atomic"),
        )),
        Row::new(
            "No-op save of an unedited page (read, parse, compare, no write)",
            "ms",
            how,
        )
        .galley(estimate(estimates, &format!("{g}/noop_save_check_on_disk"))),
    ]);
}

fn git_rows(plan: &Plan, dirs: &Dirs, rows: &mut Vec<Row>) -> Result<(), String> {
    let pages = plan.git_size();
    let k = pages / 1000;
    let repo = dirs.jekyll(pages);
    println!("==> git figures on the {k}k-page repository");
    let out = Command::new(dirs.example("status_bench"))
        .arg("--repo")
        .arg(&repo)
        .args(["--page", GIT_PAGE])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .map_err(|e| format!("status_bench: {e}"))?;
    // The page was edited and committed back: give it the generator's stamp again
    // so the index cache keeps it on the next run.
    let stamp = std::time::UNIX_EPOCH + Duration::from_secs(galley_bench_support::FILE_TIME_SECS);
    let _ = std::fs::File::options()
        .write(true)
        .open(repo.join(GIT_PAGE))
        .and_then(|f| f.set_modified(stamp));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if !out.status.success() {
        return Err(format!(
            "status_bench failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let how = format!(
        "`cargo run --release -p galley-git --example status_bench -- --repo target/bench/sites/jekyll-{pages} --page {GIT_PAGE}` (medians, library and CLI in turns)"
    );
    rows.extend([
        Row::new(
            format!("git status of the {k}k-page repository (one page changed)"),
            "ms",
            how.clone(),
        )
        .galley(figure(&text, "git_status_full_ms", "galley"))
        .peer(
            "`git status --porcelain`",
            figure(&text, "git_status_full_ms", "cli"),
        )
        .budget(Budget::RatioAtMost(1.0), "≤ the git CLI"),
        Row::new(
            format!("Commit one page in the {k}k-page repository"),
            "ms",
            how.clone(),
        )
        .galley(figure(&text, "git_commit_one_ms", "galley"))
        .peer(
            "`git add f && git commit`",
            figure(&text, "git_commit_one_ms", "cli"),
        )
        .budget(Budget::RatioAtMost(1.0), "≤ the git CLI"),
        Row::new(
            "Status of one page through the kept-open repository (per watcher event)",
            "ms",
            how,
        )
        .galley(figure(&text, "git_status_one_path_ms", "kept_open")),
    ]);
    Ok(())
}

fn watch_rows(dirs: &Dirs, rows: &mut Vec<Row>) -> Result<(), String> {
    println!("==> watcher figures");
    let out = Command::new(dirs.example("latency"))
        .output()
        .map_err(|e| format!("latency: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if !out.status.success() {
        return Err(format!(
            "latency failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let how =
        "`cargo run --release -p galley-watch --example latency` (200 writes; 10,000-file burst)";
    rows.extend([
        Row::new(
            "Watcher: write → event, p95 (includes the 50 ms quiet period)",
            "ms",
            how,
        )
        .galley(figure(&text, "watch_write_to_event_ms", "p95")),
        Row::new(
            "Watcher: 10,000-file burst, last event after the last write",
            "ms",
            how,
        )
        .galley(figure(&text, "watch_burst_10000_ms", "settle")),
    ]);
    Ok(())
}

/// The memory rows' floor: the same WebKitGTK showing an empty page in its own
/// MiniBrowser, in the same desktop and settings as the app.
const FLOOR: &str = "empty WebKitGTK window (MiniBrowser, about:blank)";

/// The real app (release build) under the end-to-end harness.
fn app_rows(dirs: &Dirs, rows: &mut Vec<Row>) -> Result<(), String> {
    let driver = crate::prereq::tauri_driver()?;
    println!("==> the real app's figures (release build, end-to-end harness)");
    // The harness (a debug test binary, as `cargo xtask test` builds it) drives
    // the release app; building the tests with --release would rebuild the app
    // with the test's feature set instead of the shipped one.
    let mut test = cargo();
    test.env("GALLEY_APP_BINARY", dirs.release("galley-desktop"));
    test.args([
        "test",
        "-p",
        "galley-desktop",
        "--test",
        "e2e",
        "--",
        "figures::",
        "timing::",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("GALLEY_TAURI_DRIVER", driver)
    .stdout(Stdio::piped());
    let out = test.output().map_err(|e| format!("cargo test: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    for line in text
        .lines()
        .filter_map(|l| l.find("FIGURE ").map(|at| &l[at..]))
    {
        println!("{line}");
    }
    let failed = (!out.status.success()).then(|| {
        format!(
            "the end-to-end figure tests failed ({}); run `GALLEY_APP_BINARY=$CARGO_TARGET_DIR/release/galley-desktop cargo test -p galley-desktop --test e2e -- figures:: timing:: --nocapture`",
            out.status
        )
    });
    let e2e = "`GALLEY_APP_BINARY=target/release/galley-desktop cargo test -p galley-desktop --test e2e -- figures:: timing:: --nocapture` (release app, prints `FIGURE` lines)";
    rows.extend([
        Row::new(
            "App: keystroke → preview updated on a 100 KB page, p95 of 200",
            "ms",
            format!("{e2e}; `timing::keystroke_to_preview_on_a_100_kb_page`, measured inside the app"),
        )
        .galley(figure(&text, "keystroke_to_preview_100kb_ms", "p95"))
        .budget(Budget::ValueAtMost(16.0), "≤ 16 ms"),
        Row::new(
            "App: outside change → page list shows it, p95 of 20",
            "ms",
            format!("{e2e}; `timing::outside_write_to_page_list`"),
        )
        .galley(figure(&text, "outside_write_to_page_list_ms", "p95"))
        .budget(Budget::ValueAtMost(250.0), "≤ 250 ms"),
        Row::new(
            "App: cold start → page list shown (demo site, 29 pages)",
            "ms",
            format!("{e2e}; `figures::cold_start_on_the_demo_site`: process start (/proc) → the frame that paints the list"),
        )
        .galley(figure(&text, "cold_start_demo_ms", "total"))
        .budget(Budget::ValueAtMost(1000.0), "≤ 1 s"),
        Row::new(
            "App: cold start → page list shown (generated 10k-page site, no index cache)",
            "ms",
            format!("{e2e}; `figures::cold_start_and_memory_on_a_10k_page_site`"),
        )
        .galley(figure(&text, "cold_start_10k_ms", "total"))
        .budget(Budget::ValueAtMost(1000.0), "≤ 1 s"),
        Row::new(
            "App: memory of the process tree (app + WebKit processes, PSS) with the 10k-page site open",
            "MB",
            format!("{e2e}; sum of /proc/PID/smaps_rollup Pss over the app and its descendants"),
        )
        .galley(figure(&text, "memory_10k_mb", "pss"))
        .peer(FLOOR, figure(&text, "memory_floor_mb", "pss"))
        .budget(Budget::ValueAtMost(150.0), "≤ 150 MB"),
        Row::new(
            "App: memory of the process tree (PSS) with the demo site open (29 pages)",
            "MB",
            format!("{e2e}; `figures::cold_start_on_the_demo_site`; floor: `figures::memory_of_an_empty_webkitgtk_window`"),
        )
        .galley(figure(&text, "memory_demo_mb", "pss"))
        .peer(FLOOR, figure(&text, "memory_floor_mb", "pss"))
        .budget(Budget::ValueAtMost(150.0), "≤ 150 MB"),
        Row::new(
            "App: the 10k-page site's process tree, resident set size (RSS, shared pages counted in each process)",
            "MB",
            format!("{e2e}; sum of VmRSS"),
        )
        .galley(figure(&text, "memory_10k_mb", "rss")),
    ]);
    failed.map_or(Ok(()), Err)
}

fn size_rows(plan: &Plan, dirs: &Dirs, rows: &mut Vec<Row>) -> Result<(), String> {
    let bundled = if plan.full {
        crate::steps::bundle()
    } else {
        Ok(())
    };
    let mb = |path: &Path| -> Result<f64, String> {
        std::fs::metadata(path)
            .map(|m| m.len() as f64 / 1e6)
            .map_err(|_| format!("{} not built", path.display()))
    };
    let binary = dirs.release("galley-desktop");
    let deb = newest(&dirs.cargo_target.join("release/bundle/deb"), "deb").ok_or_else(|| {
        "no .deb yet: run `cargo xtask bundle` or `cargo xtask bench full`".to_owned()
    });
    rows.extend([
        Row::new(
            "Release binary `galley-desktop` (stripped)",
            "MB",
            "`cargo build --release -p galley-desktop`; file size",
        )
        .galley(mb(&binary)),
        Row::new(
            ".deb installer",
            "MB",
            "`cargo xtask bundle` (run by `cargo xtask bench full`); file size",
        )
        .galley(deb.and_then(|p| mb(&p)))
        .budget(Budget::ValueAtMost(15.0), "≤ 15 MB"),
    ]);
    bundled
}

fn newest(dir: &Path, extension: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .max_by_key(|p| {
            std::fs::metadata(p)
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH)
        })
}

/// What the figures were measured on.
struct Machine {
    cpu: String,
    cores: usize,
    load: String,
    date: String,
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into());
    let date = Command::new("date")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    Machine {
        cpu,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        load,
        date,
    }
}

fn tool_version(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| format!("{program}: not found"))
}

fn render_summary(
    plan: &Plan,
    before: &Machine,
    after: &Machine,
    rows: &[Row],
    failures: &[String],
) -> String {
    let mut s = String::new();
    s.push_str("# Galley benchmark summary\n\n");
    s.push_str(&format!(
        "`cargo xtask bench {}{}` — started {}, finished {}.\n\n",
        if plan.full { "full" } else { "quick" },
        plan.filter
            .as_ref()
            .map(|f| format!(" {f}"))
            .unwrap_or_default(),
        before.date,
        after.date
    ));
    s.push_str(&format!(
        "Machine: {} (`nproc` = {}); load average (1, 5, 15 min) {} at the start, {} at the end. {}; {}; {}; {}.\n\n",
        before.cpu,
        before.cores,
        before.load,
        after.load,
        tool_version("rustc", &["--version"]),
        tool_version("node", &["--version"]),
        tool_version("git", &["--version"]),
        tool_version("hugo", &["version"]).split(" BuildDate").next().unwrap_or(""),
    ));
    s.push_str("Ratios compare figures taken in the same run; on a shared machine they are what to read.\n\n");
    s.push_str("| # | Measure | Galley | Floor / peer | Ratio | Budget | Status |\n");
    s.push_str("|---|---|---|---|---|---|---|\n");
    for (i, row) in rows.iter().enumerate() {
        let peer = match &row.peer {
            Some((name, value)) => format!("{}: {}", name, format_value(value, row.unit)),
            None => "—".into(),
        };
        let ratio = row
            .ratio()
            .map(|r| format!("{r:.2}×"))
            .unwrap_or_else(|| "—".into());
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            row.measure,
            format_value(&row.galley, row.unit),
            peer,
            ratio,
            row.budget_text,
            row.status()
        ));
    }
    s.push_str("\n## How each figure was measured\n\n");
    for (i, row) in rows.iter().enumerate() {
        if !row.how.is_empty() {
            s.push_str(&format!("{}. {}\n", i + 1, row.how));
        }
    }
    if !failures.is_empty() {
        s.push_str("\n## Steps that could not measure\n\n");
        for f in failures {
            s.push_str(&format!("- {f}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_criterion_medians_and_figure_lines() {
        let json = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1.5,"standard_error":0.1},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1234567.5,"standard_error":0.1}}"#;
        assert_eq!(median_ns(json), Some(1_234_567.5));
        let out = "noise\ntest x ... FIGURE git_status_full_ms galley=12.50 cli=20.00\n";
        assert_eq!(figure(out, "git_status_full_ms", "cli"), Ok(20.0));
        assert!(figure(out, "git_status_full_ms", "other").is_err());
        assert!(figure(out, "missing", "cli").is_err());
    }

    #[test]
    fn budgets_decide_met_and_missed() {
        let row = |g: f64, p: f64, b: Budget| {
            Row::new("x", "ms", "")
                .galley(Ok(g))
                .peer("p", Ok(p))
                .budget(b, "")
        };
        assert_eq!(row(10.0, 20.0, Budget::RatioAtMost(1.0)).status(), "met");
        assert_eq!(
            row(30.0, 20.0, Budget::RatioAtMost(1.0)).status(),
            "**missed**"
        );
        assert_eq!(
            row(17.0, 1.0, Budget::ValueAtMost(16.0)).status(),
            "**missed**"
        );
        assert_eq!(row(1.0, 1.0, Budget::None).status(), "—");
        let missing = Row::new("x", "ms", "")
            .galley(Ok(1.0))
            .peer("p", Err("no".into()))
            .budget(Budget::RatioAtMost(1.0), "");
        assert_eq!(missing.status(), "not measured");
    }
}
