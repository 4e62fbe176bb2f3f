//! `galley`: the command-line face of Galley's core, for terminals and CI.
//!
//! A thin adapter like the desktop shell: every command parses its arguments, calls
//! `galley-core` and prints. Exit 0 ok, 1 problems found, 2 usage or I/O error.
//! Messages go to stderr in plain words; no input makes it panic.

mod args;
mod commands;
mod json;
mod output;
mod target;

use std::process::ExitCode;

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line itself is wrong.
    #[error("{0}")]
    Usage(String),
    /// A file or folder could not be read or written.
    #[error("{0}")]
    Io(String),
    /// The command ran and found problems (already printed).
    #[error("{0}")]
    Problems(String),
}

const USAGE: &str = "\
galley — read, check and edit a Jekyll or Hugo site's pages

usage:
  galley scan SITE [--json] [--cache DIR]   list every page (one JSON object per line with --json)
  galley check PATH... [--strict] [--json]  report problems in pages or whole sites
  galley get FILE [KEY] [--typed]           print the front matter (or one field) as JSON
  galley set FILE KEY VALUE                 change one field, as if typed into the form
  galley unset FILE KEY                     remove one field
  galley render FILE                        print the page body's preview HTML
  galley schema SITE [COLLECTION]           print the fields of the site's collections as JSON
  galley status SITE                        unrecorded changes by page title
  galley diff SITE [FILE...]                unrecorded changes in words
  galley commit SITE [-m MESSAGE] [FILE...] record changes (message suggested if omitted)
  galley log FILE                           the recorded versions of a page
  galley sync SITE                          get the latest changes (fast-forward or merge)
  galley publish SITE                       publish the current branch (never forced)

Run `galley COMMAND --help` for details. Exit status: 0 ok, 1 problems found, 2 usage or I/O error.";

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let result = match raw.first().map(String::as_str) {
        Some("scan") => commands::scan::run(&raw[1..]),
        Some("check") => commands::check::run(&raw[1..]),
        Some("get") => commands::edit::get(&raw[1..]),
        Some("set") => commands::edit::set(&raw[1..]),
        Some("unset") => commands::edit::unset(&raw[1..]),
        Some("render") => commands::render::run(&raw[1..]),
        Some("schema") => commands::schema::run(&raw[1..]),
        Some("status") => commands::publishing::status(&raw[1..]),
        Some("diff") => commands::publishing::diff(&raw[1..]),
        Some("commit") => commands::publishing::commit(&raw[1..]),
        Some("log") => commands::publishing::log(&raw[1..]),
        Some("sync") => commands::publishing::sync(&raw[1..]),
        Some("publish") => commands::publishing::publish(&raw[1..]),
        Some("-h" | "--help" | "help") => match raw.get(1) {
            Some(cmd) => commands::help_for(cmd).map_or_else(
                || {
                    eprintln!("galley: there is no command \"{cmd}\".\n\n{USAGE}");
                    Ok(ExitCode::from(2))
                },
                |h| {
                    println!("{h}");
                    Ok(ExitCode::SUCCESS)
                },
            ),
            None => {
                println!("{USAGE}");
                Ok(ExitCode::SUCCESS)
            }
        },
        Some("-V" | "--version") => {
            println!("galley {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(CliError::Usage(format!(
            "There is no command \"{other}\".\n\n{USAGE}"
        ))),
        None => Err(CliError::Usage(USAGE.to_owned())),
    };
    match result {
        Ok(code) => code,
        Err(CliError::Problems(message)) => {
            if !message.is_empty() {
                eprintln!("galley: {message}");
            }
            ExitCode::from(1)
        }
        Err(CliError::Usage(message) | CliError::Io(message)) => {
            eprintln!("galley: {message}");
            ExitCode::from(2)
        }
    }
}
