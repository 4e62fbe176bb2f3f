//! The typed view of front matter that the form shows and edits.

use serde::{Deserialize, Serialize};

/// One front matter value, typed the way the site's generator would read it.
///
/// Serialised (for the UI) as an adjacently tagged object: `{"kind": "...", "value": ...}`
/// with kinds `null` (no `value`), `bool`, `int`, `float`, `date`, `datetime`, `text`,
/// `list` (an array of such objects) and `map`. A `map`'s value is an **ordered array of
/// `[key, value]` pairs**, not a JSON object, because the order of fields on the page is
/// part of what the author wrote and JSON objects do not promise an order.
///
/// Dates and date-times are kept as the text of the page (`2024-01-31`,
/// `2024-01-31 10:00:00 +0100`), so nothing is lost to time-zone conversion.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", content = "value")]
pub enum Value {
    /// No value (`key:`, `~`, `null`).
    #[serde(rename = "null")]
    Null,
    /// A yes/no value.
    #[serde(rename = "bool")]
    Bool(bool),
    /// A whole number.
    #[serde(rename = "int")]
    Int(i64),
    /// A number with a fractional part (or `.inf` / `.nan`).
    #[serde(rename = "float")]
    Float(f64),
    /// A calendar date, as written (`2024-01-31`).
    #[serde(rename = "date")]
    Date(String),
    /// A date with a time, as written.
    #[serde(rename = "datetime")]
    DateTime(String),
    /// Text.
    #[serde(rename = "text")]
    String(String),
    /// An ordered list.
    #[serde(rename = "list")]
    List(Vec<Value>),
    /// Named fields in page order.
    #[serde(rename = "map")]
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The kind of value in words a non-programmer understands, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "empty value",
            Value::Bool(_) => "yes/no",
            Value::Int(_) => "whole number",
            Value::Float(_) => "number",
            Value::Date(_) => "date",
            Value::DateTime(_) => "date and time",
            Value::String(_) => "text",
            Value::List(_) => "list",
            Value::Map(_) => "group of fields",
        }
    }

    /// `kind_name` with its article, so messages read as sentences.
    pub fn kind_with_article(&self) -> String {
        let name = self.kind_name();
        format!("{} {name}", article(name))
    }

    /// The text a form's text box shows for this value; feeding it back through
    /// `Document::set_from_input` leaves the page unchanged.
    pub fn display_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(*f),
            Value::Date(s) | Value::DateTime(s) | Value::String(s) => s.clone(),
            Value::List(items) => items
                .iter()
                .map(Value::display_text)
                .collect::<Vec<_>>()
                .join(", "),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.display_text()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Looks up a field of a map by name.
    pub fn get_key(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Equality that treats two NaNs as equal, so a `.nan` field compares equal to itself
    /// when an edit is checked by reading the page back.
    pub fn same_as(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Float(a), Value::Float(b)) => a == b || (a.is_nan() && b.is_nan()),
            (Value::List(a), Value::List(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Value::Map(a), Value::Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((ka, va), (kb, vb))| ka == kb && va.same_as(vb))
            }
            _ => self == other,
        }
    }

    /// Whether this is a list or a map (written over several lines in block style).
    pub fn is_collection(&self) -> bool {
        matches!(self, Value::List(_) | Value::Map(_))
    }
}

/// "a" or "an" for a kind name.
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Writes a float so every YAML reader (Psych included, which needs a `.` and a signed
/// exponent) reads it back as the same float.
pub(crate) fn format_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.to_owned();
    }
    let text = format!("{f:?}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            let mantissa = if mantissa.contains('.') {
                mantissa.to_owned()
            } else {
                format!("{mantissa}.0")
            };
            let exponent = if exponent.starts_with('-') {
                exponent.to_owned()
            } else {
                format!("+{exponent}")
            };
            format!("{mantissa}e{exponent}")
        }
        None if text.contains('.') => text,
        None => format!("{text}.0"),
    }
}
