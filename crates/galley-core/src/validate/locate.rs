//! Where each field's name is in the file, so a problem can point at its line.
//!
//! The engine gives typed values without positions; rather than reparse, this scans
//! the front matter text once by indentation. It is a locator, not a parser: on text
//! it does not understand it records nothing, and a lookup falls back to the nearest
//! enclosing field that it did find (and finally to the first front matter line).

use crate::frontmatter::{FieldPath, Format};
use serde::Serialize;

/// The position of one field name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyPosition {
    /// The field, as [`FieldPath`]'s display form (`contact.email`, `authors[0].name`).
    pub path: String,
    /// 1-based file line.
    pub line: usize,
    /// 1-based column of the name's first character.
    pub column: usize,
}

/// Positions of every field name in `text` (the front matter between the fences),
/// whose first line is file line `first_line`.
pub fn key_positions(text: &str, format: Format, first_line: usize) -> Vec<KeyPosition> {
    match format {
        Format::Yaml => yaml_positions(text, first_line),
        Format::Toml => toml_positions(text, first_line),
    }
}

/// The position of `path`, or of its nearest enclosing field that was found.
pub fn find<'a>(positions: &'a [KeyPosition], path: &FieldPath) -> Option<&'a KeyPosition> {
    let mut current = Some(path.clone());
    while let Some(p) = current {
        if p.is_empty() {
            return None;
        }
        let name = p.to_string();
        if let Some(found) = positions.iter().find(|k| k.path == name) {
            return Some(found);
        }
        current = p.parent();
    }
    None
}

/// A key at the start of `content` (`title:`, `"@id":`, `'a b':`), and the rest after
/// the colon.
fn leading_key(content: &str) -> Option<(String, &str)> {
    let first = content.chars().next()?;
    if first == '"' || first == '\'' {
        let mut key = String::new();
        let mut chars = content.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            if c == first {
                if first == '\'' && content[i + 1..].starts_with('\'') {
                    key.push('\'');
                    chars.next();
                    continue;
                }
                let rest = content[i + 1..].trim_start();
                let rest = rest.strip_prefix(':')?;
                return Some((key, rest));
            }
            if c == '\\' && first == '"' {
                if let Some((_, escaped)) = chars.next() {
                    key.push(escaped);
                }
                continue;
            }
            key.push(c);
        }
        return None;
    }
    if matches!(
        first,
        '#' | '[' | '{' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`'
    ) {
        return None;
    }
    let bytes = content.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t') {
            let key = content[..i].trim_end();
            if key.is_empty() || key.contains(" #") {
                return None;
            }
            return Some((key.to_owned(), &content[i + 1..]));
        }
    }
    None
}

/// Whether a value text starts a block scalar (`|`, `>-`, `|2+`), whose lines are text.
fn starts_block_scalar(rest: &str) -> bool {
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    let mut chars = value.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| matches!(c, '-' | '+') || c.is_ascii_digit())
}

struct Open {
    indent: usize,
    path: FieldPath,
    /// A list item (`- `) rather than a key.
    item: bool,
    next_index: usize,
}

fn yaml_positions(text: &str, first_line: usize) -> Vec<KeyPosition> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut scalar_indent: Option<usize> = None;
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if content.trim().is_empty() {
            continue;
        }
        if let Some(block) = scalar_indent {
            if indent > block {
                continue;
            }
            scalar_indent = None;
        }
        if content.starts_with('#') {
            continue;
        }
        let file_line = first_line + n;
        let mut indent = indent;
        let mut content = content;
        // List items: `- value` or `- key: value`, possibly nested (`- - x`).
        while let Some(after) = content
            .strip_prefix("- ")
            .or_else(|| (content == "-").then_some(""))
        {
            while stack
                .last()
                .is_some_and(|o| o.indent > indent || (o.indent == indent && o.item))
            {
                stack.pop();
            }
            let Some(parent) = stack.last_mut() else {
                return out;
            };
            let index = parent.next_index;
            parent.next_index += 1;
            let path = parent.path.index(index);
            out.push(KeyPosition {
                path: path.to_string(),
                line: file_line,
                column: indent + 1,
            });
            stack.push(Open {
                indent,
                path,
                item: true,
                next_index: 0,
            });
            let inner = after.trim_start_matches(' ');
            indent += 2 + (after.len() - inner.len());
            content = inner;
        }
        let Some((key, rest)) = leading_key(content) else {
            continue;
        };
        // A key closes everything at its indentation or deeper, including the items
        // of a list written at the same indentation as its key (`author:\n- name: x`).
        while stack.last().is_some_and(|o| o.indent >= indent) {
            stack.pop();
        }
        let path = match stack.last() {
            Some(parent) => parent.path.child(key),
            None => FieldPath::key(key),
        };
        out.push(KeyPosition {
            path: path.to_string(),
            line: file_line,
            column: line[..indent].chars().count() + 1,
        });
        if starts_block_scalar(rest) {
            scalar_indent = Some(indent);
        }
        stack.push(Open {
            indent,
            path,
            item: false,
            next_index: 0,
        });
    }
    out
}

fn toml_positions(text: &str, first_line: usize) -> Vec<KeyPosition> {
    let mut out = Vec::new();
    let mut table = FieldPath::default();
    let mut array_counts: std::collections::HashMap<String, usize> = Default::default();
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let content = line.trim_start();
        let column = line.len() - content.len() + 1;
        let file_line = first_line + n;
        if let Some(header) = content.strip_prefix("[[") {
            let name = header.split("]]").next().unwrap_or("").trim();
            let base = dotted(name, &FieldPath::default());
            let count = array_counts.entry(base.to_string()).or_insert(0);
            table = base.index(*count);
            *count += 1;
            out.push(KeyPosition {
                path: table.to_string(),
                line: file_line,
                column,
            });
        } else if let Some(header) = content.strip_prefix('[') {
            let name = header.split(']').next().unwrap_or("").trim();
            table = dotted(name, &FieldPath::default());
            out.push(KeyPosition {
                path: table.to_string(),
                line: file_line,
                column,
            });
        } else if let Some((key, _)) = content.split_once('=') {
            let key = key.trim();
            if key.is_empty() || key.starts_with('#') {
                continue;
            }
            out.push(KeyPosition {
                path: dotted(key, &table).to_string(),
                line: file_line,
                column,
            });
        }
    }
    out
}

/// `a.b."c.d"` under `base`, as a path.
fn dotted(name: &str, base: &FieldPath) -> FieldPath {
    let mut path = base.clone();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in name.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '.') => {
                path = path.child(current.trim().to_owned());
                current.clear();
            }
            _ => current.push(c),
        }
    }
    path.child(current.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, format: Format) -> Vec<(String, usize, usize)> {
        key_positions(text, format, 2)
            .into_iter()
            .map(|k| (k.path, k.line, k.column))
            .collect()
    }

    #[test]
    fn yaml_nested_lists_and_block_scalars() {
        let text = "title: A\ncontact:\n  email: a@b.se\n  # note\nauthors:\n  - name: X\n    role: y\n  - name: Z\ndesc: |\n  not: a key\n\"@id\": x\ntags:\n- a\n- b\nafter: 1\n";
        assert_eq!(
            lines(text, Format::Yaml),
            vec![
                ("title".into(), 2, 1),
                ("contact".into(), 3, 1),
                ("contact.email".into(), 4, 3),
                ("authors".into(), 6, 1),
                ("authors[0]".into(), 7, 3),
                ("authors[0].name".into(), 7, 5),
                ("authors[0].role".into(), 8, 5),
                ("authors[1]".into(), 9, 3),
                ("authors[1].name".into(), 9, 5),
                ("desc".into(), 10, 1),
                ("\"@id\"".into(), 12, 1),
                ("tags".into(), 13, 1),
                ("tags[0]".into(), 14, 1),
                ("tags[1]".into(), 15, 1),
                ("after".into(), 16, 1),
            ]
        );
    }

    #[test]
    fn toml_tables() {
        let text = "title = 'x'\n[params]\nprio = 3\n[[authors]]\nname = 'a'\n";
        assert_eq!(
            lines(text, Format::Toml),
            vec![
                ("title".into(), 2, 1),
                ("params".into(), 3, 1),
                ("params.prio".into(), 4, 1),
                ("authors[0]".into(), 5, 1),
                ("authors[0].name".into(), 6, 1),
            ]
        );
    }

    #[test]
    fn lookup_falls_back_to_the_parent() {
        let positions = key_positions("a:\n  b: 1\n", Format::Yaml, 2);
        let path = FieldPath::parse("a.c").expect("path");
        assert_eq!(find(&positions, &path).map(|k| k.line), Some(2));
    }
}
