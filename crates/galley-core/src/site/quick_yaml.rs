//! The scan's fast path: reads the plain block YAML that most front matter is
//! (`key: value` lines, nested groups, lists of words or of small groups, comments,
//! simple quotes) straight into the typed view and the field positions, in one pass
//! over the lines, without building the editable node tree.
//!
//! Why: opening a site reads every page once, and the full reader (parser events,
//! then a tree with exact byte ranges for editing, then the typed view, then a second
//! pass for positions) costs about ten times the read itself. The index needs only
//! the typed view and the positions.
//!
//! It is deliberately narrow: anything outside the subset below (tabs, flow `[ ]`/`{ }`,
//! anchors, tags, escapes, block scalars, values over several lines, duplicate keys,
//! odd characters, anything it cannot place) returns `None`, and the caller uses the
//! full reader, which also explains real problems. Within the subset the answer is
//! the full reader's, which `tests/site_quick_read.rs` checks on generated and real
//! front matter.

use crate::frontmatter::yaml_scalar::resolve_plain;
use crate::frontmatter::{Dialect, FieldPath, Value};
use crate::validate::KeyPosition;
use std::fmt::Write;

/// One line that holds something (not blank, not only a comment).
#[derive(Clone, Copy)]
struct Line<'a> {
    /// Spaces before `content`.
    indent: usize,
    /// The rest of the line, without its line ending.
    content: &'a str,
    /// 1-based file line.
    number: usize,
}

/// Reads `src` (the text between the fences, whose first line is file line
/// `first_line`) when it stays within the subset; `None` otherwise.
pub(crate) fn read(
    src: &str,
    dialect: Dialect,
    first_line: usize,
) -> Option<(Value, Vec<KeyPosition>)> {
    if !plain_characters(src) {
        return None;
    }
    let mut lines = Vec::with_capacity(32);
    for (n, raw) in src.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if line.contains('\r') || content.starts_with("---") || content.starts_with("...") {
            return None;
        }
        lines.push(Line {
            indent: line.len() - content.len(),
            content,
            number: first_line + n,
        });
    }
    let mut reader = Reader {
        lines,
        pos: 0,
        dialect,
        positions: Vec::with_capacity(32),
        path: String::with_capacity(64),
    };
    let Some(first) = reader.lines.first().copied() else {
        return Some((Value::Map(Vec::new()), Vec::new()));
    };
    let root = reader.map(first.indent)?;
    // The index keeps these for as long as the site is open: no spare capacity
    // (a 10,000-page site's records are most of the app's own memory).
    reader.positions.shrink_to_fit();
    (reader.pos == reader.lines.len()).then_some((root, reader.positions))
}

/// Only characters YAML reads as printable, no tabs and no line breaks other than
/// `\n` and `\r\n` (YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029).
fn plain_characters(src: &str) -> bool {
    if src.is_ascii() {
        return src
            .bytes()
            .all(|b| b == b'\n' || b == b'\r' || (0x20..0x7f).contains(&b));
    }
    src.chars().all(|c| match c {
        '\n' | '\r' => true,
        ' '..='~' => true,
        '\u{a0}'..='\u{d7ff}' => !matches!(c, '\u{2028}' | '\u{2029}'),
        '\u{e000}'..='\u{fffd}' => c != '\u{feff}',
        c => c >= '\u{10000}',
    })
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
    dialect: Dialect,
    positions: Vec<KeyPosition>,
    /// The display form ([`FieldPath`]'s) of the field being read; one buffer
    /// grown and cut back as the reader goes in and out, so a position costs one copy.
    path: String,
}

impl<'a> Reader<'a> {
    /// A group whose keys stand at `indent`, starting at the current line, inside
    /// the field `self.path` (empty at the top).
    fn map(&mut self, indent: usize) -> Option<Value> {
        let mut entries: Vec<(String, Value)> = Vec::with_capacity(8);
        let base = self.path.len();
        while let Some(line) = self.lines.get(self.pos).copied() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent || is_item(line.content) {
                return None;
            }
            let (key, rest) = key_of(line.content)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            push_key(&mut self.path, key);
            self.positions.push(KeyPosition {
                path: self.path.clone(),
                line: line.number,
                column: indent + 1,
            });
            self.pos += 1;
            let value = match value_text(rest)? {
                Some(text) => {
                    let value = scalar(text, self.dialect);
                    if self.lines.get(self.pos).is_some_and(|l| l.indent > indent) {
                        // Continued on the next line: a value over several lines.
                        return None;
                    }
                    value
                }
                None => match self.lines.get(self.pos).copied() {
                    Some(next) if next.indent > indent => {
                        if is_item(next.content) {
                            self.list(next.indent)?
                        } else {
                            self.map(next.indent)?
                        }
                    }
                    // A list may stand at its key's own indentation.
                    Some(next) if next.indent == indent && is_item(next.content) => {
                        self.list(indent)?
                    }
                    _ => Value::Null,
                },
            };
            self.path.truncate(base);
            entries.push((key.to_owned(), value));
        }
        entries.shrink_to_fit();
        Some(Value::Map(entries))
    }

    /// A list whose `- ` stand at `indent`, starting at the current line, inside the
    /// field `self.path`.
    fn list(&mut self, indent: usize) -> Option<Value> {
        let mut items = Vec::new();
        let base = self.path.len();
        while let Some(line) = self.lines.get(self.pos).copied() {
            if line.indent < indent || (line.indent == indent && !is_item(line.content)) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let after = &line.content[1..];
            let inner = after.trim_start_matches(' ');
            let _ = write!(self.path, "[{}]", items.len());
            self.positions.push(KeyPosition {
                path: self.path.clone(),
                line: line.number,
                column: indent + 1,
            });
            if inner.is_empty() || inner.starts_with('#') || is_item(inner) {
                // A group or list on the following lines, or a list in a list.
                return None;
            }
            if key_of(inner).is_some() {
                // `- key: value`: a group whose keys line up with this first one.
                let column = indent + 1 + (after.len() - inner.len());
                self.lines[self.pos] = Line {
                    indent: column,
                    content: inner,
                    number: line.number,
                };
                items.push(self.map(column)?);
            } else {
                let text = value_text(after)?.filter(|t| !t.is_empty())?;
                items.push(scalar(text, self.dialect));
                self.pos += 1;
                if self.lines.get(self.pos).is_some_and(|l| l.indent > indent) {
                    return None;
                }
            }
            self.path.truncate(base);
        }
        items.shrink_to_fit();
        Some(Value::List(items))
    }
}

/// Appends field `key` to the display form of a path (as [`FieldPath`] writes it),
/// without building a `FieldPath` for the common plain names.
fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        path.push_str(key);
    } else {
        let _ = write!(path, "{}", FieldPath::key(key));
    }
}

/// `- x` or a lone `-`.
fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

/// A key at the start of `content` and the text after its colon: plain keys of
/// letters, digits, `_` and `-` (not first), or a quoted key without escapes.
fn key_of(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    let (key, after) = match bytes.first()? {
        b'"' | b'\'' => {
            let quote = bytes[0];
            let close = 1 + content[1..].find(quote as char)?;
            let key = &content[1..close];
            if key.contains('\\') || bytes.get(close + 1) == Some(&quote) {
                return None;
            }
            (key, &content[close + 1..])
        }
        b if b.is_ascii_alphanumeric() || *b == b'_' => {
            let end = bytes
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'))
                .unwrap_or(bytes.len());
            (&content[..end], &content[end..])
        }
        _ => return None,
    };
    let rest = after.strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, rest))
}

/// The value written after a key's colon or an item's dash: `Some(None)` when there
/// is none (only blanks or a comment), `Some(Some(text))` for a one-line scalar with
/// its quotes, `None` when it is outside the subset.
fn value_text(rest: &str) -> Option<Option<&str>> {
    let text = rest.trim_start_matches(' ');
    if text.is_empty() || text.starts_with('#') {
        return Some(None);
    }
    if !rest.starts_with(' ') {
        return None;
    }
    let first = text.as_bytes()[0];
    if first == b'"' || first == b'\'' {
        let close = 1 + text[1..].find(first as char)?;
        let inner = &text[1..close];
        if (first == b'"' && inner.contains('\\')) || text.as_bytes().get(close + 1) == Some(&first)
        {
            return None;
        }
        let tail = &text[close + 1..];
        let after = tail.trim_start_matches(' ');
        if !(after.is_empty() || (after.starts_with('#') && after.len() < tail.len())) {
            return None;
        }
        return Some(Some(&text[..=close]));
    }
    if matches!(
        first,
        b'[' | b']'
            | b'{'
            | b'}'
            | b','
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'?'
            | b':'
    ) || text.starts_with("- ")
        || text == "-"
        || text.starts_with("---")
        || text.starts_with("...")
    {
        return None;
    }
    // One pass: a comment starts at ` #`; `: ` inside would start a group.
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    for i in 1..bytes.len() {
        match bytes[i] {
            b'#' if bytes[i - 1] == b' ' => {
                end = i - 1;
                break;
            }
            b' ' if bytes[i - 1] == b':' => return None,
            _ => {}
        }
    }
    let value = text[..end].trim_end_matches(' ');
    if value.ends_with(':') {
        return None;
    }
    Some(Some(value))
}

/// The typed value of a one-line scalar as [`value_text`] gave it.
fn scalar(text: &str, dialect: Dialect) -> Value {
    match text.as_bytes().first() {
        Some(b'"' | b'\'') => Value::String(text[1..text.len() - 1].to_owned()),
        _ => resolve_plain(text, dialect),
    }
}

#[cfg(test)]
#[path = "quick_yaml_tests.rs"]
mod tests;
