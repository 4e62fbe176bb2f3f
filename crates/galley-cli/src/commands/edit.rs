//! `galley get`, `galley set`, `galley unset`: one page's front matter.
//!
//! Edits go through the same engine as the app's form, so only the edited field's
//! lines change, and are written atomically. A page whose front matter cannot be read
//! is never written.

use crate::args::{Args, Spec};
use crate::output::Output;
use crate::target::FileTarget;
use crate::{json, CliError};
use galley_core::document::{input_to_value, Document};
use galley_core::frontmatter::{EditError, FieldPath, Segment, Value};
use galley_core::schema::{FieldSchema, Kind, Shape};
use galley_core::validate::{config_problem, not_utf8_problem};
use std::process::ExitCode;

/// `galley get --help`.
pub const GET_HELP: &str = "\
galley get FILE [KEY] [--typed]

Prints the front matter of FILE as JSON (fields in page order), or only the field
KEY (a path such as title, contact.email, authors[0].name or datacite.\"@id\").
With --typed, each value is {\"kind\": ..., \"value\": ...} so dates and text differ.
Exit status: 0 ok, 1 when the front matter cannot be read or KEY is missing,
2 usage or I/O error.";

/// `galley set --help`.
pub const SET_HELP: &str = "\
galley set FILE KEY VALUE

Sets the field KEY of FILE to VALUE, written the way an editor types it into the
form: the value keeps the field's kind (a whole number stays one, yes/no keeps its
spelling, text that looks like a number stays text); a new field takes the kind the
other pages of its collection use, else what the site's generator reads from VALUE.
Only that field's lines change; the file is written atomically. A file whose front
matter cannot be read is not changed: the problem's location is printed.
Exit status: 0 ok, 1 the front matter cannot be read, 2 usage or I/O error
(including a VALUE that does not fit the field).";

/// `galley unset --help`.
pub const UNSET_HELP: &str = "\
galley unset FILE KEY

Removes the field KEY (or list item, with KEY ending in [n]) from FILE's front
matter; only its lines change. Removing a field that is not there changes nothing.
Exit status: 0 ok, 1 the front matter cannot be read, 2 usage or I/O error.";

fn parse_path(key: &str) -> Result<FieldPath, CliError> {
    FieldPath::parse(key).map_err(|e| CliError::Usage(e.to_string()))
}

/// Reads FILE as a page; a non-UTF-8 file is a problem (exit 1), shown with its place.
fn load(file: &FileTarget) -> Result<Document, CliError> {
    let bytes = file.read()?;
    Document::parse(&bytes, file.dialect())
        .map_err(|_| CliError::Problems(not_utf8_problem(&file.shown, &bytes).to_line(&file.shown)))
}

/// Refuses a page whose front matter cannot be read, with the problem's location.
fn readable<'a>(file: &FileTarget, doc: &'a Document) -> Result<&'a Value, CliError> {
    doc.fields().map_err(|e| {
        CliError::Problems(format!(
            "{}\n{} was not changed.",
            config_problem(&file.shown, e, 0).to_line(&file.shown),
            file.shown
        ))
    })
}

/// Runs `get`.
pub fn get(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(
        raw,
        &Spec {
            flags: &["typed"],
            options: &[],
        },
    )?;
    if args.help {
        println!("{GET_HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let (file, key) = match args.positional.as_slice() {
        [f] => (f, None),
        [f, k] => (f, Some(k)),
        _ => {
            return Err(CliError::Usage(format!(
                "get needs a FILE and at most one KEY.\n\n{GET_HELP}"
            )))
        }
    };
    let target = FileTarget::new(file)?;
    let doc = load(&target)?;
    let fields = readable(&target, &doc).map_err(|e| match e {
        CliError::Problems(m) => {
            CliError::Problems(m.replace(&format!("\n{} was not changed.", target.shown), ""))
        }
        other => other,
    })?;
    let value = match key {
        None => fields,
        Some(k) => {
            let path = parse_path(k)?;
            doc.get(&path)
                .ok_or_else(|| CliError::Problems(format!("{file} has no field {path}.")))?
        }
    };
    let text = if args.flag("typed") {
        serde_json::to_string(value).map_err(|e| CliError::Io(e.to_string()))?
    } else {
        json::plain(value)
    };
    Output::new().line(&text);
    Ok(ExitCode::SUCCESS)
}

/// Runs `set`.
pub fn set(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(
        raw,
        &Spec {
            flags: &[],
            options: &[],
        },
    )?;
    if args.help {
        println!("{SET_HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let [file, key, input] = args.positional.as_slice() else {
        return Err(CliError::Usage(format!(
            "set needs FILE, KEY and VALUE.\n\n{SET_HELP}"
        )));
    };
    let target = FileTarget::new(file)?;
    let path = parse_path(key)?;
    let mut doc = load(&target)?;
    readable(&target, &doc)?;
    let existing = doc.get(&path).filter(|v| !matches!(v, Value::Null));
    let result = match existing {
        Some(_) => doc.set_from_input(&path, input),
        None => match value_from_schema(&target, &path, input, &doc)? {
            Some(value) => doc.set(&path, &value),
            None => doc.set_from_input(&path, input),
        },
    };
    result.map_err(|e| edit_error(&target, e))?;
    write(&target, &doc)
}

/// Runs `unset`.
pub fn unset(raw: &[String]) -> Result<ExitCode, CliError> {
    let args = Args::parse(
        raw,
        &Spec {
            flags: &[],
            options: &[],
        },
    )?;
    if args.help {
        println!("{UNSET_HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let [file, key] = args.positional.as_slice() else {
        return Err(CliError::Usage(format!(
            "unset needs FILE and KEY.\n\n{UNSET_HELP}"
        )));
    };
    let target = FileTarget::new(file)?;
    let path = parse_path(key)?;
    let mut doc = load(&target)?;
    readable(&target, &doc)?;
    if doc.get(&path).is_none() {
        eprintln!("galley: {file} has no field {path}; nothing was changed.");
        return Ok(ExitCode::SUCCESS);
    }
    doc.remove(&path).map_err(|e| edit_error(&target, e))?;
    write(&target, &doc)
}

fn edit_error(target: &FileTarget, error: EditError) -> CliError {
    match error {
        EditError::Malformed(e) => CliError::Problems(format!(
            "{}\n{} was not changed.",
            config_problem(&target.shown, &e, 0).to_line(&target.shown),
            target.shown
        )),
        other => CliError::Usage(format!("{other} {} was not changed.", target.shown)),
    }
}

fn write(target: &FileTarget, doc: &Document) -> Result<ExitCode, CliError> {
    if doc.is_changed() {
        galley_core::save::write_atomic(&target.path, &doc.to_bytes())
            .map_err(|e| CliError::Io(format!("Cannot save \"{}\": {e}", target.shown)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// For a field the page does not have yet: the value typed the way the collection's
/// other pages have it. `None` when the collection says nothing useful.
fn value_from_schema(
    target: &FileTarget,
    path: &FieldPath,
    input: &str,
    doc: &Document,
) -> Result<Option<Value>, CliError> {
    let Some(site) = target.open_site() else {
        return Ok(None);
    };
    let Some(rel) = &target.rel else {
        return Ok(None);
    };
    let Some(schema) = site
        .collection_of(rel)
        .and_then(|c| site.schema(&c).cloned())
    else {
        return Ok(None);
    };
    let Some(field) = field_at(&schema.fields, path) else {
        return Ok(None);
    };
    let kinds: Vec<Kind> = match field.expects {
        Some(kind) => vec![kind],
        // Kinds of a real union only: a rare kind next to a common one is what
        // `galley check` warns about, not something to write more of.
        None => {
            let total = field.shape.non_null_count();
            field
                .shape
                .kinds
                .iter()
                .filter(|k| k.kind != Kind::Null && k.count * 5 > total)
                .map(|k| k.kind)
                .collect()
        }
    };
    if kinds.is_empty() {
        return Ok(None);
    }
    for kind in &kinds {
        let Some(example) = example_of(*kind) else {
            return Ok(None);
        };
        if let Ok(value) = input_to_value(Some(&example), input, doc.dialect(), path) {
            return Ok(Some(value));
        }
    }
    Err(CliError::Usage(format!(
        "{path} is {} in the other pages of this collection, and \"{input}\" is not one. {} was not changed.",
        kinds[0].with_article(),
        target.shown
    )))
}

/// A field's schema by path, through groups and list items.
fn field_at<'a>(fields: &'a [FieldSchema], path: &FieldPath) -> Option<&'a FieldSchema> {
    let mut current: Option<&FieldSchema> = None;
    let mut level: &[FieldSchema] = fields;
    let mut shape: Option<&Shape> = None;
    for segment in path.segments() {
        match segment {
            Segment::Key(k) => {
                let f = level.iter().find(|f| f.key == *k)?;
                current = Some(f);
                shape = Some(&f.shape);
                level = &f.shape.fields;
            }
            Segment::Index(_) => {
                let items = shape?.items.as_deref()?;
                level = &items.fields;
                shape = Some(items);
                current = None;
            }
        }
    }
    current
}

/// A value of the kind, for `input_to_value` to take the type from.
fn example_of(kind: Kind) -> Option<Value> {
    Some(match kind {
        Kind::Bool => Value::Bool(false),
        Kind::Int | Kind::Year => Value::Int(0),
        Kind::Float => Value::Float(0.0),
        Kind::Date => Value::Date("2000-01-01".to_owned()),
        Kind::DateTime => Value::DateTime("2000-01-01 00:00:00".to_owned()),
        Kind::Text | Kind::Url | Kind::Email | Kind::Image | Kind::File => {
            Value::String(String::new())
        }
        Kind::Null | Kind::List | Kind::Object => return None,
    })
}
