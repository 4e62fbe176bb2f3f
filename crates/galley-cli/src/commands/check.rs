//! `galley check PATH... [--strict] [--json]`.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::target::{self, FileTarget};
use crate::CliError;
use galley_core::frontmatter::Dialect;
use galley_core::site::{read_yaml_file, record_from_bytes, Reference, Site, Stamp};
use galley_core::validate::{check_page, config_problem, PageInput, Problem, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `galley check --help`.
pub const HELP: &str = "\
galley check PATH... [--strict] [--json]

Checks pages (files) or whole sites (folders) and prints one line per problem:
  path:line:col: error|warning: message hint
Errors mean a page cannot be read reliably (malformed YAML/TOML front matter,
duplicate field names, not UTF-8). Warnings mean the site builds but something is
probably wrong: a value of another kind than in the collection's other pages, a
missing required field, an image that is not in the site, an impossible date, an
end before its start. A file inside a site is checked against its collection.
With --json, one JSON object per problem instead.

Exit status: 1 if any error was found (with --strict: any warning too), 0 if not,
2 for a usage or I/O error (e.g. a PATH that does not exist).";

const SPEC: Spec = Spec {
    flags: &["strict", "json"],
    options: &[],
};

/// Runs the command.
pub fn run(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(raw, &SPEC)?;
    if args.help {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    if args.positional.is_empty() {
        return Err(CliError::Usage(format!(
            "check needs at least one PATH.\n\n{HELP}"
        )));
    }
    let mut sites: HashMap<PathBuf, Option<Site>> = HashMap::new();
    let mut found: Vec<(String, Problem)> = Vec::new();
    let mut checked = 0usize;
    let mut unreadable = Vec::new();
    for path in &args.positional {
        if Path::new(path).is_dir() {
            let site = target::open_site(path, None)?;
            checked += site.pages.len();
            for problem in galley_core::validate::check_site(&site) {
                let shown = join(path, &problem.path);
                found.push((shown, problem));
            }
        } else {
            match FileTarget::new(path) {
                Ok(file) => {
                    checked += 1;
                    for problem in check_file(&file, &mut sites)? {
                        found.push((file.shown.clone(), problem));
                    }
                }
                Err(e) => unreadable.push(e.to_string()),
            }
        }
    }
    let errors = found
        .iter()
        .filter(|(_, p)| p.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    let mut out = Output::new();
    for (shown, problem) in &found {
        if args.flag("json") {
            let mut p = problem.clone();
            p.path = shown.clone();
            out.line(&serde_json::to_string(&p.to_cli_json()).unwrap_or_default());
        } else {
            out.line(&problem.to_line(shown));
        }
    }
    drop(out);
    for message in &unreadable {
        eprintln!("galley: {message}");
    }
    let pages = if checked == 1 { "page" } else { "pages" };
    eprintln!(
        "galley: {errors} {}, {warnings} {} in {checked} {pages}.",
        if errors == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" },
    );
    if !unreadable.is_empty() {
        return Ok(ExitCode::from(2));
    }
    if errors > 0 || (args.flag("strict") && warnings > 0) {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `site/` + `_posts/a.md` → `site/_posts/a.md`, as the user would type it.
fn join(dir: &str, rel: &str) -> String {
    if dir == "." {
        rel.to_owned()
    } else {
        format!("{}/{rel}", dir.trim_end_matches('/'))
    }
}

fn check_file(
    file: &FileTarget,
    sites: &mut HashMap<PathBuf, Option<Site>>,
) -> Result<Vec<Problem>, CliError> {
    let bytes = file.read()?;
    let name = file.shown.as_str();
    let lower = name.to_ascii_lowercase();
    // Settings files (`_config.yml`, `.galley.yml`, a Decap config) are YAML, not pages.
    if lower.ends_with(".yml") || lower.ends_with(".yaml") {
        return Ok(match read_yaml_file(&bytes, file.dialect()) {
            Ok(_) => match (&file.site, &file.rel) {
                (Some((root, _)), Some(rel)) => site_for(root, sites)
                    .map(|s| {
                        s.config_problems()
                            .iter()
                            .filter(|p| p.path == *rel)
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
            Err((error, shift)) => vec![config_problem(name, &error, shift)],
        });
    }
    if let (Some((root, _)), Some(rel)) = (&file.site, &file.rel) {
        if let Some(site) = site_for(root, sites) {
            let mut problems = match site.page_index(rel) {
                Some(i) => site.problems_at(i),
                None => site.check_text(rel, &bytes),
            };
            for p in &mut problems {
                p.path = name.to_owned();
            }
            return Ok(problems);
        }
    }
    // A file outside any site: checked on its own, references beside it.
    let record = record_from_bytes(
        name,
        &bytes,
        Dialect::Yaml12,
        Stamp {
            secs: 0,
            nanos: 0,
            len: 0,
        },
    );
    let mut problems = record.problems.clone();
    if let Some(fields) = &record.fields {
        let folder = file
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let resolve = |reference: &str| {
            if reference.contains("://") || reference.starts_with('/') || reference.contains("{{") {
                Reference::External
            } else if folder.join(reference).exists() {
                Reference::Found
            } else {
                Reference::Missing
            }
        };
        problems.extend(check_page(
            None,
            &PageInput {
                path: name,
                fields,
                positions: &record.positions,
                front_matter_line: record.front_matter_line,
            },
            &resolve,
        ));
    }
    Ok(problems)
}

fn site_for<'a>(root: &Path, sites: &'a mut HashMap<PathBuf, Option<Site>>) -> Option<&'a Site> {
    sites
        .entry(root.to_path_buf())
        .or_insert_with(|| Site::open(root).ok())
        .as_ref()
}
