//! `galley`: the command-line face of Galley's core, for terminals and CI.
//!
//! A thin adapter: every command parses its arguments, calls `galley-core`
//! and prints. Exit 0 ok, 1 problems found, 2 usage or I/O error.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:\n  galley scan SITE [--json]\n  galley render FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("scan") => scan(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_owned()),
    };
    result.unwrap_or_else(|message| {
        eprintln!("galley: {message}");
        ExitCode::from(2)
    })
}

fn scan(args: &[String]) -> Result<ExitCode, String> {
    let (site, json) = match args {
        [site] => (site, false),
        [site, flag] if flag == "--json" => (site, true),
        _ => return Err(USAGE.to_owned()),
    };
    let site = galley_core::site::Site::open(Path::new(site)).map_err(|e| e.to_string())?;
    for page in &site.pages {
        if json {
            println!(
                "{}",
                serde_json::to_string(page).map_err(|e| e.to_string())?
            );
        } else {
            println!("{}\t{}\t{}", page.collection, page.path, page.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn render(args: &[String]) -> Result<ExitCode, String> {
    let [file] = args else {
        return Err(USAGE.to_owned());
    };
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let doc =
        galley_core::document::Document::parse(&bytes, galley_core::frontmatter::Dialect::Yaml11)
            .map_err(|e| e.to_string())?;
    print!(
        "{}",
        galley_core::preview::render(doc.body(), &Default::default())
    );
    Ok(ExitCode::SUCCESS)
}
