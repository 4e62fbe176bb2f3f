//! A YAML node tree with the exact byte range of every node, built from
//! saphyr-parser's event stream.
//!
//! The parser's spans are not exact enough to splice text into: they count characters
//! (not bytes), include anchors and tags, run past a quoted scalar into its trailing
//! comment, and start a block scalar at its content instead of its `|`. This module
//! turns them into byte ranges that cover exactly the text of each value.

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

/// A node of the tree. `start..end` is the node's own text in the front matter, after
/// any anchor or tag and without trailing comments or blank lines.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub start: usize,
    /// Where the node's text starts including its `&anchor` or `!tag`, so a key's
    /// indentation is measured from there.
    pub outer_start: usize,
    pub end: usize,
    /// Anchor id (0 = none), so aliases can be resolved.
    pub anchor: usize,
    /// The tag suffix when the node has one (`str` for `!!str`).
    pub tag: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Scalar { value: String, style: ScalarStyle },
    Seq { items: Vec<Node>, flow: bool },
    Map { entries: Vec<Entry>, flow: bool },
    Alias(usize),
}

/// A `key: value` pair. `colon_end` is just after the `:`, where a value written on
/// the following lines starts.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: Node,
    pub value: Node,
    pub colon_end: usize,
}

impl Node {
    pub(crate) fn is_flow(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Seq { flow: true, .. } | NodeKind::Map { flow: true, .. }
        )
    }

    /// The text of a scalar used as a key.
    pub(crate) fn key_text(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }
}

/// Why the tree could not be built: a parser error, or a structural problem the parser
/// accepts but front matter cannot have. Offsets are bytes in the front matter.
#[derive(Debug, Clone)]
pub(crate) enum TreeError {
    Scan { offset: usize, info: String },
    ExtraDocument { offset: usize },
}

/// Character index → byte offset, because the parser's markers count characters.
struct CharMap {
    bytes: Option<Vec<usize>>,
    len: usize,
}

impl CharMap {
    fn new(text: &str) -> Self {
        let bytes = (!text.is_ascii()).then(|| {
            let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            v.push(text.len());
            v
        });
        Self {
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.bytes {
            Some(v) => v.get(char_index).copied().unwrap_or(self.len),
            None => char_index.min(self.len),
        }
    }
}

enum Frame {
    Seq {
        start: usize,
        flow: bool,
        anchor: usize,
        tag: Option<String>,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        flow: bool,
        anchor: usize,
        tag: Option<String>,
        entries: Vec<Entry>,
        key: Option<(Node, usize)>,
    },
}

struct Builder<'a> {
    src: &'a str,
    chars: CharMap,
    stack: Vec<Frame>,
    root: Option<Node>,
    prev_end: usize,
}

/// Parses front matter text into a tree. An empty or comment-only text gives `None`.
pub(crate) fn parse(src: &str) -> Result<Option<Node>, TreeError> {
    let mut b = Builder {
        src,
        chars: CharMap::new(src),
        stack: Vec::new(),
        root: None,
        prev_end: 0,
    };
    let mut parser = Parser::new_from_str(src);
    let mut documents = 0;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e: ScanError| TreeError::Scan {
            offset: b.chars.byte(e.marker().index()),
            info: e.info().to_owned(),
        })?;
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(TreeError::ExtraDocument {
                        offset: b.chars.byte(span.start.index()),
                    });
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let node = b.scalar(
                    value.into_owned(),
                    style,
                    anchor,
                    tag.map(|t| t.suffix.clone()),
                    span,
                );
                b.push(node);
            }
            Event::Alias(id) => {
                let start = b.chars.byte(span.start.index());
                let end = b.chars.byte(span.end.index()).max(start);
                b.prev_end = end;
                b.push(Node {
                    kind: NodeKind::Alias(id),
                    outer_start: start,
                    start,
                    end,
                    anchor: 0,
                    tag: None,
                });
            }
            Event::SequenceStart(anchor, tag) => {
                let (start, flow) = b.collection_start(span, '[');
                b.stack.push(Frame::Seq {
                    start,
                    flow,
                    anchor,
                    tag: tag.map(|t| t.suffix.clone()),
                    items: Vec::new(),
                });
            }
            Event::MappingStart(anchor, tag) => {
                let (start, flow) = b.collection_start(span, '{');
                b.stack.push(Frame::Map {
                    start,
                    flow,
                    anchor,
                    tag: tag.map(|t| t.suffix.clone()),
                    entries: Vec::new(),
                    key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end_of_token = b.chars.byte(span.end.index());
                if let Some(frame) = b.stack.pop() {
                    let node = match frame {
                        Frame::Seq {
                            start,
                            flow,
                            anchor,
                            tag,
                            items,
                        } => {
                            let end = if flow {
                                end_of_token
                            } else {
                                items.last().map_or(start, |n| n.end)
                            };
                            Node {
                                kind: NodeKind::Seq { items, flow },
                                outer_start: start,
                                start,
                                end,
                                anchor,
                                tag,
                            }
                        }
                        Frame::Map {
                            start,
                            flow,
                            anchor,
                            tag,
                            entries,
                            ..
                        } => {
                            let end = if flow {
                                end_of_token
                            } else {
                                entries.last().map_or(start, |e| e.value.end)
                            };
                            Node {
                                kind: NodeKind::Map { entries, flow },
                                outer_start: start,
                                start,
                                end,
                                anchor,
                                tag,
                            }
                        }
                    };
                    b.prev_end = node.end;
                    b.push(node);
                }
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    Ok(b.root)
}

impl Builder<'_> {
    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => {
                    let colon_end = colon_after(self.src, node.end);
                    *key = Some((node, colon_end));
                }
                Some((k, colon_end)) => entries.push(Entry {
                    key: k,
                    value: node,
                    colon_end,
                }),
            },
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    fn collection_start(&mut self, span: Span, open: char) -> (usize, bool) {
        let s = self.chars.byte(span.start.index());
        let e = self.chars.byte(span.end.index());
        let flow = e > s && self.src[..e].ends_with(open);
        let start = if flow { e - 1 } else { e };
        self.prev_end = if flow { e } else { start };
        (start, flow)
    }

    fn scalar(
        &mut self,
        value: String,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<String>,
        span: Span,
    ) -> Node {
        let span_start = self.chars.byte(span.start.index());
        let span_end = self.chars.byte(span.end.index()).max(span_start);
        let (start, end) = match style {
            ScalarStyle::Plain => {
                let start = skip_properties(self.src, span_start).min(span_end);
                // An empty value's span may cover the next token (`}`); it has no text.
                if value.is_empty() {
                    (start, start)
                } else {
                    (start, span_end)
                }
            }
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                let start = skip_properties(self.src, span_start);
                let end = quoted_end(self.src, start, style == ScalarStyle::DoubleQuoted)
                    .unwrap_or(span_end);
                (start, end)
            }
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let header = block_header(self.src, self.prev_end).unwrap_or(span_start);
                let header_end = header_end(self.src, header);
                let keep = self.src[header..header_end].contains('+');
                let content_end = if keep {
                    // Its trailing empty lines are part of the value, but the line break
                    // that ends the last of them belongs to the line, as for any value.
                    let text = &self.src[..span_end];
                    let without = text
                        .strip_suffix('\n')
                        .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t));
                    without.len()
                } else {
                    last_content_end(self.src, span_start, span_end)
                };
                (header, content_end.max(header_end))
            }
        };
        self.prev_end = end;
        Node {
            kind: NodeKind::Scalar { value, style },
            outer_start: span_start.min(start),
            start,
            end,
            anchor,
            tag,
        }
    }
}

/// Skips `&anchor` and `!tag` properties (and the blanks after them) before a node.
fn skip_properties(src: &str, mut pos: usize) -> usize {
    let b = src.as_bytes();
    while pos < b.len() && (b[pos] == b'&' || b[pos] == b'!') {
        while pos < b.len() && !b[pos].is_ascii_whitespace() {
            pos += 1;
        }
        while pos < b.len() && b[pos].is_ascii_whitespace() {
            pos += 1;
        }
    }
    pos
}

/// The byte after the closing quote of a quoted scalar starting at `start`.
fn quoted_end(src: &str, start: usize, double: bool) -> Option<usize> {
    let b = src.as_bytes();
    let quote = if double { b'"' } else { b'\'' };
    if b.get(start) != Some(&quote) {
        return None;
    }
    let mut i = start + 1;
    while i < b.len() {
        if double && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == quote {
            if !double && b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// Finds the `|` or `>` of a block scalar after the previous token, skipping the `:`
/// or `-` indicators, properties and comments that may sit in between.
fn block_header(src: &str, from: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    let mut at_blank = true;
    while i < b.len() {
        match b[i] {
            b'|' | b'>' => return Some(i),
            b'#' if at_blank => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'&' | b'!' => {
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                continue;
            }
            c => at_blank = c.is_ascii_whitespace(),
        }
        i += 1;
    }
    None
}

/// End of a block scalar header: the indicator plus chomping and indentation digits.
fn header_end(src: &str, header: usize) -> usize {
    let b = src.as_bytes();
    let mut i = header + 1;
    while i < b.len() && (b[i] == b'-' || b[i] == b'+' || b[i].is_ascii_digit()) {
        i += 1;
    }
    i.min(src.len())
}

/// End of the last line in `start..end` holding anything but blanks, before its line
/// ending: a block scalar's trailing blank lines belong to the page layout, not to it.
fn last_content_end(src: &str, start: usize, end: usize) -> usize {
    let text = &src[start.min(end)..end];
    let trimmed = text.trim_end_matches([' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return start;
    }
    let last_break = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let line_rest = &text[last_break..];
    let line_len = line_rest.find('\n').unwrap_or(line_rest.len());
    let line = line_rest[..line_len].trim_end_matches('\r');
    start + last_break + line.len()
}

/// Just after the `:` that follows a key ending at `key_end`.
fn colon_after(src: &str, key_end: usize) -> usize {
    let b = src.as_bytes();
    let mut i = key_end;
    while i < b.len() && b[i] != b':' {
        if !b[i].is_ascii_whitespace() {
            return key_end;
        }
        i += 1;
    }
    if i < b.len() {
        i + 1
    } else {
        key_end
    }
}
