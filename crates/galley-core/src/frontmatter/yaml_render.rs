//! Writing values as YAML text: one scalar in the style of the value it replaces, or a
//! new entry, list item or collection as lines.

use saphyr_parser::ScalarStyle;

use super::error::EditError;
use super::path::FieldPath;
use super::value::Value;
use super::yaml_scalar::{self as scalar, QuoteStyle};
use super::Dialect;

/// What the replaced scalar looked like, so its quoting and spelling can be kept.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Previous<'a> {
    pub style: ScalarStyle,
    /// The scalar's source text (for plain scalars: the spelling, e.g. `Yes`).
    pub source: &'a str,
    /// Its typed value, to know whether `source` spells a boolean or a null.
    pub value: &'a Value,
}

/// Settings shared by everything written in one edit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style<'a> {
    pub dialect: Dialect,
    /// A boolean spelling used elsewhere on the page, for booleans in new fields.
    pub bool_hint: Option<&'a str>,
}

/// A scalar as text: on the line of its key, or as a block scalar (header + lines).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar {
    Inline(String),
    Block { header: String, lines: Vec<String> },
}

/// Refuses dates that are no dates: writing them plain would read back as text.
fn check_temporal(value: &Value, path: &FieldPath, dialect: Dialect) -> Result<(), EditError> {
    let (text, want_date) = match value {
        Value::Date(s) => (s, true),
        Value::DateTime(s) => (s, false),
        _ => return Ok(()),
    };
    let ok = match scalar::resolve_plain(text, dialect) {
        Value::Date(_) => want_date,
        Value::DateTime(_) => !want_date,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(EditError::InvalidValue {
            path: path.clone(),
            reason: format!(
                "\"{text}\" is not {} (write a date like 2024-01-31).",
                value.kind_with_article()
            ),
        })
    }
}

/// Writes a scalar value. `previous` is the scalar being replaced, if any.
pub(crate) fn scalar(
    value: &Value,
    previous: Option<Previous<'_>>,
    in_flow: bool,
    style: Style<'_>,
    path: &FieldPath,
) -> Result<Scalar, EditError> {
    check_temporal(value, path, style.dialect)?;
    let prev_plain = previous.filter(|p| p.style == ScalarStyle::Plain);
    Ok(match value {
        Value::Null => Scalar::Inline(match prev_plain {
            Some(p) if matches!(p.value, Value::Null) => p.source.to_owned(),
            _ => "null".to_owned(),
        }),
        Value::Bool(b) => {
            let spelling = match prev_plain {
                Some(p) if matches!(p.value, Value::Bool(_)) => Some(p.source),
                _ => style.bool_hint,
            };
            Scalar::Inline(scalar::write_bool(*b, spelling, style.dialect))
        }
        Value::String(text) => {
            let was_block = previous
                .is_some_and(|p| matches!(p.style, ScalarStyle::Literal | ScalarStyle::Folded));
            let folded = previous.is_some_and(|p| p.style == ScalarStyle::Folded);
            if !in_flow && (text.contains('\n') || was_block) {
                if let Some((header, lines)) = scalar::block_scalar(text, folded) {
                    return Ok(Scalar::Block { header, lines });
                }
                Scalar::Inline(scalar::double_quoted(text))
            } else {
                let quote = match previous.map(|p| p.style) {
                    Some(ScalarStyle::SingleQuoted) => QuoteStyle::Single,
                    Some(ScalarStyle::DoubleQuoted) => QuoteStyle::Double,
                    _ => QuoteStyle::Plain,
                };
                Scalar::Inline(scalar::write_text_inline(text, quote, in_flow))
            }
        }
        Value::List(_) | Value::Map(_) => Scalar::Inline(flow(value, style, path)?),
        other => Scalar::Inline(scalar::write_plain_non_text(other).unwrap_or_default()),
    })
}

/// A value in flow style (`[a, b]`, `{k: v}`), for use inside flow collections.
pub(crate) fn flow(value: &Value, style: Style<'_>, path: &FieldPath) -> Result<String, EditError> {
    Ok(match value {
        Value::List(items) => {
            let parts: Result<Vec<String>, EditError> =
                items.iter().map(|v| flow(v, style, path)).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Map(entries) => {
            let parts: Result<Vec<String>, EditError> = entries
                .iter()
                .map(|(k, v)| Ok(format!("{}: {}", flow_key(k), flow(v, style, path)?)))
                .collect();
            format!("{{{}}}", parts?.join(", "))
        }
        Value::String(text) => scalar::write_text_inline(text, QuoteStyle::Plain, true),
        other => match scalar(other, None, true, style, path)? {
            Scalar::Inline(s) => s,
            Scalar::Block { .. } => String::new(),
        },
    })
}

fn flow_key(key: &str) -> String {
    if scalar::is_plain_safe(key, true) {
        key.to_owned()
    } else {
        scalar::double_quoted(key)
    }
}

fn indent_lines(lines: &[String], indent: usize) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

/// A `key: value` entry as lines at `indent` (no line endings).
pub(crate) fn entry(
    key: &str,
    value: &Value,
    indent: usize,
    style: Style<'_>,
    path: &FieldPath,
) -> Result<Vec<String>, EditError> {
    let pad = " ".repeat(indent);
    let key = scalar::write_key(key);
    Ok(match value {
        Value::List(items) if !items.is_empty() => {
            let mut lines = vec![format!("{pad}{key}:")];
            lines.extend(children(value, indent + 2, style, path)?);
            lines
        }
        Value::Map(entries) if !entries.is_empty() => {
            let mut lines = vec![format!("{pad}{key}:")];
            lines.extend(children(value, indent + 2, style, path)?);
            lines
        }
        _ => match scalar(value, None, false, style, path)? {
            Scalar::Inline(s) if s.is_empty() => vec![format!("{pad}{key}:")],
            Scalar::Inline(s) => vec![format!("{pad}{key}: {s}")],
            Scalar::Block { header, lines } => {
                let mut out = vec![format!("{pad}{key}: {header}")];
                out.extend(indent_lines(&lines, indent + 2));
                out
            }
        },
    })
}

/// A list item (`- value`) as lines, the dash at `indent`.
pub(crate) fn item(
    value: &Value,
    indent: usize,
    style: Style<'_>,
    path: &FieldPath,
) -> Result<Vec<String>, EditError> {
    let pad = " ".repeat(indent);
    Ok(match value {
        Value::List(items) if !items.is_empty() => {
            compact(children(value, indent + 2, style, path)?, indent)
        }
        Value::Map(entries) if !entries.is_empty() => {
            compact(children(value, indent + 2, style, path)?, indent)
        }
        _ => match scalar(value, None, false, style, path)? {
            Scalar::Inline(s) => vec![format!("{pad}- {s}").trim_end().to_owned()],
            Scalar::Block { header, lines } => {
                let mut out = vec![format!("{pad}- {header}")];
                out.extend(indent_lines(&lines, indent + 2));
                out
            }
        },
    })
}

/// Puts the first line of nested lines on the dash line: `- a: 1` instead of `-\n  a: 1`.
fn compact(mut lines: Vec<String>, indent: usize) -> Vec<String> {
    if let Some(first) = lines.first_mut() {
        let content = first.trim_start().to_owned();
        *first = format!("{}- {content}", " ".repeat(indent));
    }
    lines
}

/// The entries of a map or items of a list as lines at `indent`.
pub(crate) fn children(
    value: &Value,
    indent: usize,
    style: Style<'_>,
    path: &FieldPath,
) -> Result<Vec<String>, EditError> {
    let mut out = Vec::new();
    match value {
        Value::Map(entries) => {
            for (k, v) in entries {
                out.extend(entry(k, v, indent, style, &path.child(k.clone()))?);
            }
        }
        Value::List(items) => {
            for (i, v) in items.iter().enumerate() {
                out.extend(item(v, indent, style, &path.index(i))?);
            }
        }
        _ => {}
    }
    Ok(out)
}

/// A collection written after `key:` or `- `: `[]`/`{}` when empty (inline), else lines.
pub(crate) fn is_empty_collection(value: &Value) -> bool {
    matches!(value, Value::List(v) if v.is_empty())
        || matches!(value, Value::Map(v) if v.is_empty())
}
