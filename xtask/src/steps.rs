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
    if let Some(driver) = driver {
        // The end-to-end tests start their own Xvfb and tauri-driver.
        test.env("GALLEY_TAURI_DRIVER", driver);
    }
    sh_counted(
        &mut test,
        "cargo test --workspace (unit, integration and end-to-end)",
        tally,
    )
}

/// `cargo xtask bench [quick|full] [FILTER]`.
pub fn bench(args: &[String]) -> Result<(), String> {
    crate::bench::run(args)
}

/// `cargo xtask bundle`.
pub fn bundle() -> Result<(), String> {
    prereq::system_packages()?;
    build_ui()?;
    let tauri = project_root().join("ui/node_modules/.bin/tauri");
    // ui/dist was just built; tauri would run beforeBuildCommand from the folder
    // above tauri.conf.json's (it expects src-tauri/ to hold it), where ui/ is not.
    sh(
        Command::new(tauri)
            .args(["build", "--bundles", "deb,rpm", "--config"])
            .arg(r#"{"build":{"beforeBuildCommand":null}}"#)
            .current_dir(project_root()),
        "tauri build (.deb, .rpm)",
    )
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
