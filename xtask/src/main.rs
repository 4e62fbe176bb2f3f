//! `cargo xtask run|test|bench|bundle`: every development task of Galley, so a
//! fresh machine needs nothing but `cargo` and `npm` to start.
//!
//! Each step prints what it does; a missing prerequisite is installed when we
//! can (root on Debian/Ubuntu) or named with the exact command to fix it.

mod demo;
mod prereq;
mod steps;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run|test|bench|bundle|guide>
  run     install what is missing, build, and open Galley on a scratch copy of content/
  test    every check and test, end-to-end included (and the installed .deb);
          ends with `N passed, N failed`
  bench   the criterion benchmarks
  bundle  Linux installers (.deb, .rpm) of a release build, with their sizes
  guide   retake the user guide's screenshots (docs/guide/img/) with the e2e suite";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("run") => steps::run(),
        Some("test") => steps::test(),
        Some("bench") => steps::bench(),
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
