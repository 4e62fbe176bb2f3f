//! A page: front matter plus body, kept as the exact text of the file.
//!
//! `Document` is what the form and the editor work on. It never re-serialises the page:
//! an unedited document writes back byte for byte, and each edit changes only the
//! lines of the field it touches (see [`crate::frontmatter`]).

use crate::frontmatter::edit::{apply_to_value, get as value_at};
use crate::frontmatter::yaml_scalar::resolve_plain;
use crate::frontmatter::{
    dominant_line_ending, merge_line_endings, split, Dialect, Edit, EditError, FieldPath, Format,
    FrontMatterError, LineEnding, Value,
};

/// Why a file cannot be opened as a page at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Galley edits UTF-8 text only; writing anything else back would corrupt the file.
    #[error("This file is not UTF-8 text ({detail}). Save it as UTF-8 in a text editor to edit it here.")]
    NotUtf8 {
        /// What was found, in plain words.
        detail: String,
    },
}

/// A page of the site, editable field by field without disturbing the rest of its text.
#[derive(Debug, Clone)]
pub struct Document {
    dialect: Dialect,
    original: Vec<u8>,
    bom: String,
    format: Option<Format>,
    open: String,
    front_matter: String,
    close: String,
    body: String,
    closed: bool,
    ending: LineEnding,
    fields: Result<Value, FrontMatterError>,
}

impl Document {
    /// Reads a page. Only non-UTF-8 input is an error; broken front matter still gives
    /// a document (its `fields()` reports the problem) so the editor can show and fix it.
    pub fn parse(text_bytes: &[u8], dialect: Dialect) -> Result<Document, DocumentError> {
        if text_bytes.starts_with(&[0xFF, 0xFE]) || text_bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(DocumentError::NotUtf8 {
                detail: "it is UTF-16".to_owned(),
            });
        }
        let text = std::str::from_utf8(text_bytes).map_err(|e| DocumentError::NotUtf8 {
            detail: format!(
                "byte {} is not part of a UTF-8 character",
                e.valid_up_to() + 1
            ),
        })?;
        let parts = split(text);
        let mut doc = Document {
            dialect,
            original: text_bytes.to_vec(),
            bom: parts.bom.to_owned(),
            format: parts.format,
            open: parts.open.to_owned(),
            front_matter: parts.front_matter.to_owned(),
            close: parts.close.to_owned(),
            body: parts.body.to_owned(),
            closed: parts.closed,
            ending: dominant_line_ending(text),
            fields: Ok(Value::Map(Vec::new())),
        };
        doc.fields = doc.read_fields(&doc.front_matter);
        Ok(doc)
    }

    /// The file line (1-based) of the front matter's first line.
    fn front_matter_first_line(&self) -> usize {
        1 + self.open.matches('\n').count()
    }

    fn read_fields(&self, front_matter: &str) -> Result<Value, FrontMatterError> {
        let first_line = self.front_matter_first_line();
        if !self.closed {
            return Err(FrontMatterError::Unclosed {
                line: 1,
                fence: self.open.trim_end().to_owned(),
            });
        }
        match self.format {
            None => Ok(Value::Map(Vec::new())),
            Some(Format::Yaml) => {
                crate::frontmatter::yaml_read::read(front_matter, self.dialect, first_line)
                    .map(|(_, v)| v)
            }
            Some(Format::Toml) => crate::frontmatter::toml::read(front_matter, first_line),
        }
    }

    /// The front matter syntax, or `None` when the page has none.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The dialect the page is read with.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The fields as a map in page order, or the problem that stops them being read.
    pub fn fields(&self) -> Result<&Value, &FrontMatterError> {
        self.fields.as_ref()
    }

    /// One field's value, if the front matter is readable and has it.
    pub fn get(&self, path: &FieldPath) -> Option<&Value> {
        value_at(self.fields.as_ref().ok()?, path)
    }

    /// The body exactly as in the file.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The raw front matter text between the fences.
    pub fn front_matter_text(&self) -> &str {
        &self.front_matter
    }

    /// The 1-based file line where the body starts, to map preview and problem
    /// positions in the body back to the file.
    pub fn body_line_start(&self) -> usize {
        let before = self.bom.len() + self.open.len() + self.front_matter.len() + self.close.len();
        let newlines = self.open.matches('\n').count()
            + self.front_matter.matches('\n').count()
            + self.close.matches('\n').count();
        if before > self.bom.len() && !self.close.is_empty() && !self.close.ends_with('\n') {
            newlines + 2
        } else {
            newlines + 1
        }
    }

    /// Replaces the body with text from the editor (which uses `\n` only). Unchanged
    /// lines keep their original endings and new lines take the file's dominant one, so
    /// a CRLF page does not become a diff of every line. Ignored when the front matter
    /// has no closing fence, since text after it would become part of the front matter.
    pub fn set_body(&mut self, text: &str) {
        if !self.closed {
            return;
        }
        if text == self.body.replace("\r\n", "\n") || text == self.body {
            return;
        }
        self.body = merge_line_endings(&self.body, text, self.ending);
    }

    /// Sets a field, creating it (and any missing group on the way) when absent.
    pub fn set(&mut self, path: &FieldPath, value: &Value) -> Result<(), EditError> {
        self.apply(&Edit::Set {
            path: path.clone(),
            value: value.clone(),
        })
    }

    /// Sets a field from what an editor typed into a text box: the value keeps the kind
    /// the field already has (a whole number stays one, a yes/no keeps its spelling, a
    /// date stays a date); a new or empty field takes the type the site's generator
    /// would read from the typed text. Input that does not fit is refused with a message.
    pub fn set_from_input(&mut self, path: &FieldPath, input: &str) -> Result<(), EditError> {
        if let Err(e) = &self.fields {
            return Err(EditError::Malformed(e.clone()));
        }
        let value = input_to_value(self.get(path), input, self.dialect, path)?;
        self.set(path, &value)
    }

    /// Removes a field, or a list item when the path ends with `[n]`.
    pub fn remove(&mut self, path: &FieldPath) -> Result<(), EditError> {
        self.apply(&Edit::Remove { path: path.clone() })
    }

    /// Removes the list item at `path` (which ends with `[n]`).
    pub fn remove_item(&mut self, path: &FieldPath) -> Result<(), EditError> {
        self.remove(path)
    }

    /// Inserts an item into the list at `path` before position `index` (`len` appends).
    pub fn insert_item(
        &mut self,
        path: &FieldPath,
        index: usize,
        value: &Value,
    ) -> Result<(), EditError> {
        self.apply(&Edit::InsertItem {
            path: path.clone(),
            index,
            value: value.clone(),
        })
    }

    /// Moves a list item; `to` counts positions after the item is taken out.
    pub fn move_item(&mut self, path: &FieldPath, from: usize, to: usize) -> Result<(), EditError> {
        self.apply(&Edit::MoveItem {
            path: path.clone(),
            from,
            to,
        })
    }

    /// Applies one edit. The new text is read back and compared with the expected
    /// typed value before it is kept: if anything else would change, the edit is
    /// refused and the page is left as it was.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        let current = self
            .fields
            .as_ref()
            .map_err(|e| EditError::Malformed(e.clone()))?;
        let mut expected = current.clone();
        apply_to_value(&mut expected, edit)?;
        if expected.same_as(current) {
            return Ok(());
        }
        let eol = self.ending.as_str();
        let format = self.format.unwrap_or(Format::Yaml);
        let new_front_matter = match format {
            Format::Yaml => {
                let ctx = crate::frontmatter::yaml_edit::Ctx {
                    dialect: self.dialect,
                    eol,
                };
                crate::frontmatter::yaml_edit::apply(&self.front_matter, edit, ctx)?
            }
            Format::Toml => {
                let text = crate::frontmatter::toml::apply(&self.front_matter, edit)?;
                merge_line_endings(&self.front_matter, &text, self.ending)
            }
        };
        let mut next = self.clone();
        if next.format.is_none() {
            next.format = Some(Format::Yaml);
            next.open = format!("---{eol}");
            next.close = format!("---{eol}");
        }
        next.front_matter = new_front_matter;
        // The whole new file is split again, as the next open will do: a written value
        // holding a fence line (`---`, `+++`) would end the front matter early.
        if !next.splits_the_same() {
            return Err(EditError::NotRoundTrip {
                path: edit.path().clone(),
            });
        }
        let reread = next.read_fields(&next.front_matter);
        let ok = match &reread {
            Ok(value) if has_aliases(&next) => {
                value_at(value, edit.path())
                    .is_some_and(|v| value_at(&expected, edit.path()).is_some_and(|e| e.same_as(v)))
                    || matches!(edit, Edit::Remove { .. })
            }
            // TOML puts new top-level keys before the first `[table]`, so order differs.
            Ok(value) if next.format == Some(Format::Toml) => {
                sorted(value).same_as(&sorted(&expected))
            }
            Ok(value) => value.same_as(&expected),
            Err(_) => false,
        };
        // Never a panic: a library must refuse, not crash, on whatever it is given. The
        // round-trip property is asserted by the tests and the fuzz target instead.
        if !ok {
            return Err(EditError::NotRoundTrip {
                path: edit.path().clone(),
            });
        }
        next.fields = reread;
        *self = next;
        Ok(())
    }

    /// Whether the file as it would be saved splits into the same pieces again (BOM,
    /// fences, front matter, body), so what was edited is what the next read sees.
    fn splits_the_same(&self) -> bool {
        let bytes = self.to_bytes();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return false;
        };
        let parts = split(text);
        parts.bom == self.bom
            && parts.format == self.format
            && parts.open == self.open
            && parts.front_matter == self.front_matter
            && parts.close == self.close
            && parts.body == self.body
            && parts.closed == self.closed
    }

    /// The whole file as it would be saved.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::with_capacity(self.original.len() + 64);
        out.push_str(&self.bom);
        out.push_str(&self.open);
        out.push_str(&self.front_matter);
        out.push_str(&self.close);
        out.push_str(&self.body);
        out.into_bytes()
    }

    /// Whether the text differs from what was read.
    pub fn is_changed(&self) -> bool {
        self.to_bytes() != self.original
    }
}

/// A value with every map's fields in name order, to compare regardless of order.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Map(entries) => {
            let mut entries: Vec<(String, Value)> = entries
                .iter()
                .map(|(k, v)| (k.clone(), sorted(v)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Map(entries)
        }
        Value::List(items) => Value::List(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Anchors make one edit show up in several places, so only the edited path is checked.
fn has_aliases(doc: &Document) -> bool {
    doc.format == Some(Format::Yaml)
        && doc.front_matter.contains('*')
        && doc.front_matter.contains('&')
}

/// Turns typed text into a value of the kind the field already holds.
pub fn input_to_value(
    current: Option<&Value>,
    input: &str,
    dialect: Dialect,
    path: &FieldPath,
) -> Result<Value, EditError> {
    let trimmed = input.trim();
    let resolved = resolve_plain(trimmed, dialect);
    let wrong = |kind: &Value| EditError::WrongType {
        path: path.clone(),
        expected: kind.kind_name(),
        article: crate::frontmatter::value::article(kind.kind_name()),
        input: input.to_owned(),
    };
    match current {
        Some(kind @ Value::Int(_)) => match resolved {
            Value::Int(i) => Ok(Value::Int(i)),
            _ => trimmed
                .replace(['_', ','], "")
                .parse::<i64>()
                .map(Value::Int)
                .map_err(|_| wrong(kind)),
        },
        Some(kind @ Value::Float(_)) => decimal_input(trimmed)
            .map(Value::Float)
            .ok_or_else(|| wrong(kind)),
        Some(kind @ Value::Bool(_)) => match trimmed.to_ascii_lowercase().as_str() {
            "yes" | "true" | "on" | "y" => Ok(Value::Bool(true)),
            "no" | "false" | "off" | "n" => Ok(Value::Bool(false)),
            _ => Err(wrong(kind)),
        },
        Some(kind @ (Value::Date(_) | Value::DateTime(_))) => {
            match resolve_plain(trimmed, Dialect::Yaml12).clone() {
                v @ (Value::Date(_) | Value::DateTime(_)) => Ok(v),
                _ => match resolve_plain(trimmed, Dialect::Yaml11) {
                    v @ (Value::Date(_) | Value::DateTime(_)) => Ok(v),
                    _ => Err(wrong(kind)),
                },
            }
        }
        Some(Value::String(_)) => Ok(Value::String(input.to_owned())),
        Some(kind @ (Value::List(_) | Value::Map(_))) => Err(EditError::NotA {
            path: path.clone(),
            expected: "a single value",
            found: format!("{} (change its items one by one)", kind.kind_with_article()),
        }),
        Some(Value::Null) | None => {
            if input.contains('\n') {
                Ok(Value::String(input.to_owned()))
            } else if trimmed.is_empty() {
                Ok(Value::Null)
            } else if input != trimmed {
                Ok(Value::String(input.to_owned()))
            } else {
                Ok(resolved)
            }
        }
    }
}

/// A decimal number as an editor types it into a number box: digits with a point
/// or a comma (`3.5`, `3,5`: Swedish editors write a decimal comma), an optional
/// sign and exponent, or the spellings the form shows for infinity and "not a
/// number" (`.inf`, `.nan`). Spellings a YAML reader would turn into another
/// number — `0x10`, `010`, `1_000`, `1:30`, Psych's `1,000` — are refused rather
/// than written as a value the editor did not mean.
pub fn decimal_input(text: &str) -> Option<f64> {
    match text.to_ascii_lowercase().as_str() {
        ".inf" | "+.inf" => return Some(f64::INFINITY),
        "-.inf" => return Some(f64::NEG_INFINITY),
        ".nan" => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let unsigned = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let comma = unsigned.contains(',');
    let shape_ok = all_digits(whole)
        && fraction.is_none_or(all_digits)
        && (whole.len() + fraction.map_or(0, str::len)) > 0
        // A comma only between digits: `3,5`, not `,5` or `3,`.
        && (!comma || (!whole.is_empty() && fraction.is_some_and(|f| !f.is_empty())))
        // A leading zero only before the point: `0.5`, not `010`.
        && !(whole.len() > 1 && whole.starts_with('0'))
        && exponent.is_none_or(|e| {
            let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
            !digits.is_empty() && all_digits(digits)
        });
    if !shape_ok {
        return None;
    }
    text.replace(',', ".").parse::<f64>().ok()
}
