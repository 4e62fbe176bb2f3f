//! YAML front matter to the typed view, and parser errors to plain-words problems.

use std::collections::HashMap;

use saphyr_parser::ScalarStyle;

use super::error::FrontMatterError;
use super::position::LineIndex;
use super::value::Value;
use super::yaml_scalar::resolve_plain;
use super::yaml_tree::{self, Node, NodeKind, TreeError};
use super::Dialect;

/// Maps byte offsets in the front matter to lines and columns in the file.
pub(crate) struct Locator<'a> {
    index: LineIndex<'a>,
    /// File line (1-based) of the front matter's first line.
    first_line: usize,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(front_matter: &'a str, first_line: usize) -> Self {
        Self {
            index: LineIndex::new(front_matter),
            first_line,
        }
    }

    pub(crate) fn at(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.index.line_col(offset);
        (line + self.first_line - 1, column)
    }
}

/// Parses YAML front matter into its tree and its typed value (always a map).
pub(crate) fn read(
    src: &str,
    dialect: Dialect,
    first_line: usize,
) -> Result<(Option<Node>, Value), FrontMatterError> {
    let loc = Locator::new(src, first_line);
    let tree = yaml_tree::parse(src).map_err(|e| tree_error(src, &loc, e))?;
    let Some(root) = tree else {
        return Ok((None, Value::Map(Vec::new())));
    };
    let mut anchors = HashMap::new();
    let value = to_value(&root, dialect, &loc, &mut anchors)?;
    match value {
        Value::Map(_) => Ok((Some(root), value)),
        Value::Null => Ok((None, Value::Map(Vec::new()))),
        other => {
            let (line, column) = loc.at(root.start);
            Err(FrontMatterError::NotAMapping {
                line,
                column,
                found: other.kind_with_article(),
            })
        }
    }
}

/// The typed value of a tree node; `anchors` collects anchored values in page order so
/// later aliases resolve to them.
pub(crate) fn to_value(
    node: &Node,
    dialect: Dialect,
    loc: &Locator<'_>,
    anchors: &mut HashMap<usize, Value>,
) -> Result<Value, FrontMatterError> {
    let value = match &node.kind {
        NodeKind::Scalar { value, style } => {
            scalar_value(value, *style, node.tag.as_deref(), dialect)
        }
        NodeKind::Alias(id) => anchors.get(id).cloned().unwrap_or(Value::Null),
        NodeKind::Seq { items, .. } => Value::List(
            items
                .iter()
                .map(|item| to_value(item, dialect, loc, anchors))
                .collect::<Result<_, _>>()?,
        ),
        NodeKind::Map { entries, .. } => {
            let mut out = Vec::with_capacity(entries.len());
            let mut seen: HashMap<String, usize> = HashMap::new();
            for entry in entries {
                let key = match &entry.key.kind {
                    NodeKind::Scalar { value, .. } => value.clone(),
                    NodeKind::Alias(id) => match anchors.get(id) {
                        Some(v) if !v.is_collection() => v.display_text(),
                        _ => {
                            let (line, column) = loc.at(entry.key.start);
                            return Err(FrontMatterError::ComplexKey { line, column });
                        }
                    },
                    _ => {
                        let (line, column) = loc.at(entry.key.start);
                        return Err(FrontMatterError::ComplexKey { line, column });
                    }
                };
                let (line, column) = loc.at(entry.key.start);
                if let Some(first_line) = seen.get(&key) {
                    return Err(FrontMatterError::DuplicateKey {
                        key,
                        first_line: *first_line,
                        line,
                        column,
                    });
                }
                seen.insert(key.clone(), line);
                let value = to_value(&entry.value, dialect, loc, anchors)?;
                out.push((key, value));
            }
            Value::Map(out)
        }
    };
    if node.anchor != 0 {
        anchors.insert(node.anchor, value.clone());
    }
    Ok(value)
}

/// A scalar's value: only plain scalars are resolved; quoted and block ones are text.
pub(crate) fn scalar_value(
    text: &str,
    style: ScalarStyle,
    tag: Option<&str>,
    dialect: Dialect,
) -> Value {
    if tag == Some("str") || style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    resolve_plain(text, dialect)
}

fn tree_error(src: &str, loc: &Locator<'_>, error: TreeError) -> FrontMatterError {
    match error {
        TreeError::ExtraDocument { offset } => {
            let (line, column) = loc.at(offset);
            FrontMatterError::Syntax {
                line,
                column,
                message: "a second \"---\" starts another block here, but a page has only one front matter block. Remove this line.".to_owned(),
            }
        }
        TreeError::Scan { offset, info } => scan_error(src, loc, offset, &info),
    }
}

fn scan_error(src: &str, loc: &Locator<'_>, offset: usize, info: &str) -> FrontMatterError {
    let (line, column) = loc.at(offset);
    if info.contains("quoted scalar")
        && (info.contains("end of stream")
            || info.contains("invalid indentation")
            || info.contains("document indicator"))
    {
        let quote = match src.as_bytes().get(offset) {
            Some(b'\'') => '\'',
            _ => '"',
        };
        return FrontMatterError::UnclosedQuote {
            line,
            column,
            quote,
        };
    }
    if info.contains("tab") {
        if let Some(tab) = first_tab_indent(src, offset) {
            let (line, column) = loc.at(tab);
            return FrontMatterError::TabIndentation { line, column };
        }
        return FrontMatterError::TabIndentation { line, column };
    }
    if info.contains("did not find expected key")
        || info.contains("invalid indentation")
        || info.contains("expected '-' indicator")
    {
        return FrontMatterError::BadIndentation { line, column };
    }
    let message = if info.contains("mapping values are not allowed") {
        "a \": \" appears where a new field cannot start. If the value itself contains \": \", put the whole value in quotes; otherwise check how far this line is indented.".to_owned()
    } else if info.contains("flow sequence")
        || info.contains("flow mapping")
        || info.contains("':' indicator")
        || info.contains("flow construct")
    {
        "a list in [ ] or a group in { } is not closed properly. Check for a missing ] or }, or a missing comma between items.".to_owned()
    } else if info.contains("unknown anchor") {
        "a reference (*name) points to a name that is not defined with &name before it.".to_owned()
    } else if info.contains("duplicated anchor") {
        "the same &name is defined twice. Rename one of them.".to_owned()
    } else if info.contains("unknown escape")
        || info.contains("hexadecimal")
        || info.contains("Unicode character escape")
    {
        "a backslash (\\) inside double quotes starts an unknown escape. Write \\\\ for a backslash, or use single quotes around the value.".to_owned()
    } else if info.contains("block sequence entries are not allowed") {
        "a list item (\"- \") appears where it cannot. Start the list on the line after the field name, indented.".to_owned()
    } else if info.contains("unexpected character") || info.contains("cannot start any token") {
        "this character cannot start a value without quotes (like @ or `). Put the value in quotes."
            .to_owned()
    } else {
        format!("the front matter cannot be read here ({info}).")
    };
    FrontMatterError::Syntax {
        line,
        column,
        message,
    }
}

/// The first tab in a line's indentation at or after the line holding `offset`; the
/// parser reports tab errors at the start of the value, not at the tab.
fn first_tab_indent(src: &str, offset: usize) -> Option<usize> {
    let mut pos = super::position::line_start(src, offset.min(src.len()));
    while pos < src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent_len].find('\t') {
            return Some(pos + i);
        }
        if let Some(i) = line.find(": \t").or_else(|| line.find("-\t")) {
            return Some(pos + i + line[i..].find('\t').unwrap_or(0));
        }
        pos = line_end + 1;
    }
    None
}
