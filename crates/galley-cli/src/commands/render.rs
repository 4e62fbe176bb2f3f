//! `galley render FILE`.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::target::FileTarget;
use crate::CliError;
use galley_core::document::Document;
use galley_core::preview::{render, RenderOptions};
use std::process::ExitCode;

/// `galley render --help`.
pub const HELP: &str = "\
galley render FILE

Prints the sanitized preview HTML of the page body in FILE: the same Markdown
dialect and sanitizer the app's preview uses. The front matter is not rendered.
Exit status: 0 ok, 1 when the file is not UTF-8 text, 2 usage or I/O error.";

const SPEC: Spec = Spec {
    flags: &[],
    options: &[],
};

/// Runs the command.
pub fn run(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(raw, &SPEC)?;
    if args.help {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let [file] = args.positional.as_slice() else {
        return Err(CliError::Usage(format!("render needs one FILE.\n\n{HELP}")));
    };
    let target = FileTarget::new(file)?;
    let bytes = target.read()?;
    let doc = Document::parse(&bytes, target.dialect()).map_err(|_| {
        let p = galley_core::validate::not_utf8_problem(file, &bytes);
        CliError::Problems(p.to_line(file))
    })?;
    let mut out = Output::new();
    out.write(&render(doc.body(), &RenderOptions::default()));
    Ok(ExitCode::SUCCESS)
}
