//! The tasks themselves.

use crate::{demo, prereq};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (the folder holding tauri.conf.json).
pub fn project_root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

fn cargo() -> Command {
    let mut c = Command::new(env!("CARGO"));
    c.current_dir(project_root());
    c
}

fn npm_in_ui(args: &[&str]) -> Command {
    let mut c = Command::new("npm");
    c.args(args).current_dir(project_root().join("ui"));
    c
}

/// Runs a command, printing what it is for; fails with that name.
pub fn sh(command: &mut Command, what: &str) -> Result<(), String> {
    println!("==> {what}");
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Passed/failed test counts gathered from the runners' own summary lines.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    /// Reads cargo's `test result: ok. 3 passed; 0 failed; …` and vitest's
    /// `Tests  6 passed (6)` / `Tests  1 failed | 5 passed (6)`.
    fn read(&mut self, line: &str) {
        let plain = strip_ansi(line);
        let text = plain.trim();
        let is_summary = text.starts_with("test result:") || text.starts_with("Tests ");
        if !is_summary {
            return;
        }
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ';' || c == '|')
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            if let Ok(n) = pair[0].parse::<u64>() {
                match pair[1] {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    _ => {}
                }
            }
        }
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`sh`], but echoes the output and counts the test summaries in it.
fn sh_counted(command: &mut Command, what: &str, tally: &mut Tally) -> Result<(), String> {
    println!("==> {what}");
    command.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = command
        .spawn()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", command.get_program()))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            tally.read(&line);
        }
    }
    let status = child.wait().map_err(|e| format!("{what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Front end built into ui/dist, which the app embeds at compile time.
pub(crate) fn build_ui() -> Result<(), String> {
    prereq::node_modules()?;
    sh(
        &mut npm_in_ui(&["run", "build"]),
        "build the front end (ui/dist)",
    )
}

/// `cargo xtask run`.
pub fn run() -> Result<(), String> {
    prereq::system_packages()?;
    build_ui()?;
    sh(
        cargo().args(["build", "-p", "galley-desktop"]),
        "build the app",
    )?;
    let site = demo::scratch_site()?;
    let exe = project_root().join("target/debug").join(if cfg!(windows) {
        "galley-desktop.exe"
    } else {
        "galley-desktop"
    });
    println!("==> open Galley on {}", site.display());
    sh(Command::new(exe).arg(&site), "Galley")
}

/// `cargo xtask test`.
pub fn test() -> Result<(), String> {
    let mut tally = Tally::default();
    let result = test_steps(&mut tally);
    if let Err(e) = &result {
        eprintln!("xtask: {e}");
        // A failing step that is not a test runner still fails the run.
        if tally.failed == 0 {
            tally.failed = 1;
        }
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    result.map_err(|_| "some checks failed (see above)".to_owned())
}

fn test_steps(tally: &mut Tally) -> Result<(), String> {
    prereq::system_packages()?;
    let driver = if cfg!(target_os = "linux") {
        Some(prereq::tauri_driver()?)
    } else {
        None
    };
    sh(cargo().args(["fmt", "--all", "--check"]), "rustfmt check")?;
    build_ui()?;
    sh(
        &mut npm_in_ui(&["run", "check"]),
        "front-end type check (svelte-check)",
    )?;
    sh_counted(
        npm_in_ui(&["run", "test"]).env("NO_COLOR", "1"),
        "front-end unit tests (vitest)",
        tally,
    )?;
    sh_counted(
        npm_in_ui(&["run", "test:browser"]).env("NO_COLOR", "1"),
        "browser tests (Chromium: axe-core WCAG 2.2 AA, keyboard only)",
        tally,
    )?;
    sh(
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        "clippy -D warnings",
    )?;
    let mut test = cargo();
    test.args(["test", "--workspace"]);
    if let Some(driver) = &driver {
        // The end-to-end tests start their own Xvfb and tauri-driver.
        test.env("GALLEY_TAURI_DRIVER", driver);
    }
    sh_counted(
        &mut test,
        "cargo test --workspace (unit, integration and end-to-end)",
        tally,
    )?;
    if let Some(driver) = driver {
        // The package as editors get it: installed with dpkg (as root, as CI
        // runs), started from /usr/bin, removed again.
        let deb = bundle_debug_deb()?;
        sh_counted(
            cargo()
                .args(["test", "-p", "galley-desktop", "--test", "e2e"])
                .args(["installed_package", "--", "--ignored"])
                .env("GALLEY_DEB", deb)
                .env("GALLEY_TAURI_DRIVER", driver),
            "install the .deb and start the installed app",
            tally,
        )?;
    }
    Ok(())
}

/// `cargo xtask bench [quick|full] [FILTER]`.
pub fn bench(args: &[String]) -> Result<(), String> {
    crate::bench::run(args)
}

/// Where cargo puts builds (`CARGO_TARGET_DIR`, else `target/`).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                project_root().join(p)
            }
        })
        .unwrap_or_else(|| project_root().join("target"))
}

/// The Tauri CLI from ui/node_modules (a prebuilt binary: installing it with
/// cargo would take a quarter of an hour). tauri.conf.json sits at the root
/// but the front end is in ui/: the two variables tell the CLI, so its
/// `beforeBuildCommand` (`npm run build`) runs in ui/.
fn tauri_cli() -> Command {
    let root = project_root();
    let mut c = Command::new(root.join("ui/node_modules/.bin/tauri"));
    c.current_dir(&root)
        .env("TAURI_APP_PATH", &root)
        .env("TAURI_FRONTEND_PATH", root.join("ui"));
    c
}

/// The bundles of one kind (`deb`, `rpm`) under `profile`'s bundle folder.
fn bundles(profile: &str, kind: &str) -> Vec<PathBuf> {
    let dir = target_dir().join(profile).join("bundle").join(kind);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == kind))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// `cargo xtask bundle`: the release build's .deb and .rpm, with sizes.
/// (AppImage is configured too, but bundling it downloads a tool, which
/// fails offline; the release workflow builds it on GitHub.)
pub fn bundle() -> Result<(), String> {
    prereq::system_packages()?;
    prereq::node_modules()?;
    sh(
        tauri_cli().args(["build", "--bundles", "deb,rpm", "--ci"]),
        "tauri build (release; .deb, .rpm)",
    )?;
    for kind in ["deb", "rpm"] {
        for file in bundles("release", kind) {
            let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            println!(
                "FIGURE {kind}_bytes {bytes} ({:.1} MB) {}",
                bytes as f64 / 1e6,
                file.display()
            );
            if kind == "deb" {
                let out = Command::new("dpkg-deb")
                    .args(["-f"])
                    .arg(&file)
                    .arg("Installed-Size")
                    .output();
                if let Ok(out) = out {
                    let kib = String::from_utf8_lossy(&out.stdout).trim().to_owned();
                    println!("FIGURE deb_installed_size_kib {kib}");
                }
            }
        }
    }
    Ok(())
}

/// The debug build bundled as a .deb for the install test: the app is
/// already built by the test run, so this only packs it (seconds, not the
/// minutes of a release build).
fn bundle_debug_deb() -> Result<PathBuf, String> {
    for old in bundles("debug", "deb") {
        let _ = std::fs::remove_file(old);
    }
    sh(
        tauri_cli().args(["build", "--debug", "--bundles", "deb", "--ci"]),
        "pack the debug build as a .deb (for the install test)",
    )?;
    bundles("debug", "deb")
        .pop()
        .ok_or_else(|| "tauri build made no .deb".to_owned())
}

/// `cargo xtask guide`: the e2e tests that take the user guide's pictures,
/// with `GALLEY_GUIDE_SHOTS=1` so the harness writes them to docs/guide/img/;
/// then the front end again, which bundles them for the in-app guide.
pub fn guide() -> Result<(), String> {
    prereq::system_packages()?;
    let driver = prereq::tauri_driver()?;
    build_ui()?;
    sh(
        cargo()
            .args(["test", "-p", "galley-desktop", "--test", "e2e", "--"])
            .args([
                "clone_a_site_from_the_welcome_screen",
                "find_a_page_by_search",
                "edit_save_and_commit_a_page",
                "the_year_widget_changes_a_year",
                "clashing_edits_are_resolved_page_by_page",
                "preferences_apply_at_once_and_survive_a_restart",
                "an_image_dropped_on_logo_is_copied_in_and_shown",
            ])
            .env("GALLEY_GUIDE_SHOTS", "1")
            .env("GALLEY_TAURI_DRIVER", driver),
        "e2e tests taking the guide's screenshots",
    )?;
    build_ui()?;
    println!("==> docs/guide/img/ is up to date: look at the pictures, then commit them");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_reads_cargo_and_vitest_summaries() {
        let mut t = Tally::default();
        t.read("test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        t.read("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        t.read("      Tests  6 passed (6)");
        t.read(
            "\u{1b}[2m      Tests \u{1b}[22m \u{1b}[1m\u{1b}[31m1 failed\u{1b}[39m | 4 passed (5)",
        );
        t.read("running 12 tests");
        assert_eq!((t.passed, t.failed), (25, 3));
    }
}
