//! `galley schema SITE [COLLECTION]`.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::{target, CliError};
use std::process::ExitCode;

/// `galley schema --help`.
pub const HELP: &str = "\
galley schema SITE [COLLECTION]

Prints, as JSON, what the fields of each collection look like: for every field its
kinds of value and how often each occurs, in how many pages it is present, choices,
image/file references found and missing, nested fields and list items — inferred
from the pages, then overridden by admin/config.yml (Decap/Sveltia) and .galley.yml.
With COLLECTION, only that collection.
Exit status: 0 ok, 2 usage or I/O error (or no such collection).";

const SPEC: Spec = Spec {
    flags: &[],
    options: &["cache"],
};

/// Runs the command.
pub fn run(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(raw, &SPEC)?;
    if args.help {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let (dir, collection) = match args.positional.as_slice() {
        [dir] => (dir, None),
        [dir, c] => (dir, Some(c.as_str())),
        _ => {
            return Err(CliError::Usage(format!(
                "schema needs a SITE folder.\n\n{HELP}"
            )))
        }
    };
    let site = target::open_site(dir, args.option("cache"))?;
    let text = match collection {
        None => serde_json::to_string_pretty(site.schemas()),
        Some(id) => match site.schema(id) {
            Some(schema) => serde_json::to_string_pretty(schema),
            None => {
                let ids: Vec<&str> = site.collections.iter().map(|c| c.id.as_str()).collect();
                return Err(CliError::Usage(format!(
                    "The site has no collection \"{id}\". Its collections are: {}.",
                    ids.join(", ")
                )));
            }
        },
    }
    .map_err(|e| CliError::Io(format!("Cannot write the schema as JSON: {e}.")))?;
    Output::new().line(&text);
    Ok(ExitCode::SUCCESS)
}
