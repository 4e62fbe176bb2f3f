//! `galley scan SITE [--json] [--cache DIR]`.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::{json, target, CliError};
use std::process::ExitCode;

/// `galley scan --help`.
pub const HELP: &str = "\
galley scan SITE [--json] [--cache DIR]

Lists every page of the site in SITE: its collection, path and title, one per line,
tab-separated. With --json, one JSON object per line instead, with:
  path        relative to SITE
  collection  the collection id (\"pages\" for loose pages)
  title       front matter title, else first heading, else file name
  kind        page, bundle or section
  fields      the front matter as JSON (null when it cannot be read)
  problems    what `galley check` would report for the page

--cache DIR keeps an index in DIR so the next scan only reads changed pages.
Exit status: 0 when the site could be listed (even with problems), 2 otherwise.";

const SPEC: Spec = Spec {
    flags: &["json"],
    options: &["cache"],
};

/// Runs the command.
pub fn run(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(raw, &SPEC)?;
    if args.help {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let [dir] = args.positional.as_slice() else {
        return Err(CliError::Usage(format!(
            "scan needs one SITE folder.\n\n{HELP}"
        )));
    };
    let site = target::open_site(dir, args.option("cache"))?;
    let mut out = Output::new();
    if !args.flag("json") {
        for page in &site.pages {
            out.line(&format!(
                "{}\t{}\t{}",
                page.collection, page.path, page.title
            ));
        }
        // The process ends here: freeing a large index record by record only
        // delays the exit (the system takes the memory back at once).
        std::mem::forget(site);
        return Ok(ExitCode::SUCCESS);
    }
    // Problems need the schemas: infer them once, then check pages in parallel.
    site.schemas();
    let lines: Vec<String> = {
        use galley_core::site::Site;
        fn line(site: &Site, i: usize) -> String {
            let page = &site.pages[i];
            let mut s = String::with_capacity(1024);
            s.push_str("{\"path\":");
            s.push_str(&serde_json::to_string(&page.path).unwrap_or_default());
            s.push_str(",\"collection\":");
            s.push_str(&serde_json::to_string(&page.collection).unwrap_or_default());
            s.push_str(",\"title\":");
            s.push_str(&serde_json::to_string(&page.title).unwrap_or_default());
            s.push_str(",\"kind\":");
            s.push_str(&serde_json::to_string(&page.kind).unwrap_or_default());
            s.push_str(",\"fields\":");
            match site.record(i).and_then(|r| r.fields.as_ref()) {
                Some(fields) => json::write_plain(&mut s, fields),
                None => s.push_str("null"),
            }
            s.push_str(",\"problems\":");
            s.push_str(
                &serde_json::to_string(
                    &site
                        .problems_at(i)
                        .iter()
                        .map(|p| p.to_cli_json())
                        .collect::<Vec<_>>(),
                )
                .unwrap_or_else(|_| "[]".into()),
            );
            s.push('}');
            s
        }
        use rayon::prelude::*;
        (0..site.pages.len())
            .into_par_iter()
            .map(|i| line(&site, i))
            .collect()
    };
    for l in lines {
        out.line(&l);
    }
    Ok(ExitCode::SUCCESS)
}
