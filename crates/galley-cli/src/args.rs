//! A small argument parser: each command names its flags and options, anything
//! else starting with `-` is a usage error, `--` ends the options.

use crate::CliError;

/// What a command accepts.
pub struct Spec {
    /// Flags without a value (`--json`).
    pub flags: &'static [&'static str],
    /// Options with a value (`--cache DIR`).
    pub options: &'static [&'static str],
}

/// Parsed arguments of one command.
#[derive(Debug, Default)]
pub struct Args {
    /// Everything that is not an option, in order.
    pub positional: Vec<String>,
    flags: Vec<String>,
    options: Vec<(String, String)>,
    /// `-h` or `--help` was given.
    pub help: bool,
}

impl Args {
    /// Parses `raw` against `spec`.
    pub fn parse(raw: &[String], spec: &Spec) -> Result<Args, CliError> {
        let mut args = Args::default();
        let mut iter = raw.iter();
        while let Some(arg) = iter.next() {
            if arg == "--" {
                args.positional.extend(iter.by_ref().cloned());
                break;
            }
            if arg == "-h" || arg == "--help" {
                args.help = true;
            } else if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_owned())),
                    None => (name, None),
                };
                if spec.flags.contains(&name) && inline.is_none() {
                    args.flags.push(name.to_owned());
                } else if spec.options.contains(&name) {
                    let value = match inline {
                        Some(v) => v,
                        None => iter
                            .next()
                            .cloned()
                            .ok_or_else(|| CliError::Usage(format!("--{name} needs a value.")))?,
                    };
                    args.options.push((name.to_owned(), value));
                } else {
                    return Err(CliError::Usage(format!("Unknown option \"{arg}\".")));
                }
            } else if arg.len() > 1
                && arg.starts_with('-')
                && !arg.starts_with("-.")
                && arg.parse::<f64>().is_err()
            {
                return Err(CliError::Usage(format!("Unknown option \"{arg}\".")));
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    /// Whether a flag was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The value of an option, if given (the last one wins).
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    const SPEC: Spec = Spec {
        flags: &["json"],
        options: &["cache"],
    };

    #[test]
    fn flags_options_and_positionals() {
        let a = Args::parse(
            &strings(&["site", "--json", "--cache", "d", "-5", "--", "--x"]),
            &SPEC,
        )
        .expect("parses");
        assert_eq!(a.positional, vec!["site", "-5", "--x"]);
        assert!(a.flag("json"));
        assert_eq!(a.option("cache"), Some("d"));
        assert!(Args::parse(&strings(&["--nope"]), &SPEC).is_err());
        assert!(Args::parse(&strings(&["--cache"]), &SPEC).is_err());
        assert!(Args::parse(&strings(&["-x"]), &SPEC).is_err());
    }
}
