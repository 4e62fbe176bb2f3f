//! `cargo xtask run|test|bench|bundle`: every development task of Galley, so a
//! fresh machine needs nothing but `cargo` and `npm` to start.
//!
//! Each step prints what it does; a missing prerequisite is installed when we
//! can (root on Debian/Ubuntu) or named with the exact command to fix it.

mod bench;
mod demo;
mod prereq;
mod steps;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run|test|bench|bundle|guide>
  run     install what is missing, build, and open Galley on a scratch copy of content/
  test    every check and test, end-to-end included (and the installed .deb);
          ends with `N passed, N failed`
  bench   [quick|full] [FILTER] every benchmark and the app's figures; writes
          target/bench/summary.md (quick: 10k-page site, short runs; full: also
          100k pages, criterion's default times and the .deb)
  bundle  Linux installers (.deb, .rpm) of a release build, with their sizes
  guide   retake the user guide's screenshots (docs/guide/img/) with the e2e suite";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str);
    let result = match task {
        Some("run") => steps::run(),
        Some("test") => steps::test(),
        Some("bench") => steps::bench(&args[1..]),
        Some("bundle") => steps::bundle(),
        Some("guide") => steps::guide(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
