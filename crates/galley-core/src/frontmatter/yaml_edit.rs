//! Lossless edits of YAML front matter: splice new text into the byte range of the one
//! node that changes, so everything else (comments, order, quoting, blank lines, line
//! endings) stays byte for byte.
//!
//! Block collections are edited fully. Inside flow collections (`[a, b]`, `{k: v}`)
//! scalars are replaced in place and structural changes rewrite that one collection on
//! one line.

use saphyr_parser::ScalarStyle;

use super::edit::{common_ends, get, Edit};
use super::error::EditError;
use super::path::{FieldPath, Segment};
use super::position::{line_end, line_start, next_line_start};
use super::value::Value;
use super::yaml_read::{read, scalar_value};
use super::yaml_render::{self as render, Previous, Scalar, Style};
use super::yaml_scalar::{self as scalar, resolve_plain};
use super::yaml_tree::{self, Node, NodeKind};
use super::Dialect;

/// Settings for one edit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'a> {
    pub dialect: Dialect,
    /// The line ending new lines get (the file's dominant one).
    pub eol: &'a str,
}

/// Applies `edit` to the front matter text `src`, returning the new text.
pub(crate) fn apply(src: &str, edit: &Edit, ctx: Ctx<'_>) -> Result<String, EditError> {
    if let Edit::Set { path, value } = edit {
        if value.is_collection() && !render::is_empty_collection(value) {
            let (_, current) = read(src, ctx.dialect, 1).map_err(EditError::Malformed)?;
            match (get(&current, path), value) {
                (Some(Value::Map(old)), Value::Map(new)) if !old.is_empty() => {
                    return reconcile_map(src, path, old.clone(), new, ctx);
                }
                (Some(Value::List(old)), Value::List(new)) if !old.is_empty() => {
                    return reconcile_list(src, path, old.clone(), new, ctx);
                }
                _ => {}
            }
        }
    }
    primitive(src, edit, ctx)
}

/// Setting a map onto a map: change the fields that differ, in place.
fn reconcile_map(
    src: &str,
    path: &FieldPath,
    old: Vec<(String, Value)>,
    new: &[(String, Value)],
    ctx: Ctx<'_>,
) -> Result<String, EditError> {
    let mut text = src.to_owned();
    for (k, _) in &old {
        if !new.iter().any(|(nk, _)| nk == k) {
            text = apply(
                &text,
                &Edit::Remove {
                    path: path.child(k.clone()),
                },
                ctx,
            )?;
        }
    }
    for (k, v) in new {
        let same = old.iter().any(|(ok, ov)| ok == k && ov.same_as(v));
        if !same {
            text = apply(
                &text,
                &Edit::Set {
                    path: path.child(k.clone()),
                    value: v.clone(),
                },
                ctx,
            )?;
        }
    }
    Ok(text)
}

/// Setting a list onto a list: keep the common start and end, change the middle.
fn reconcile_list(
    src: &str,
    path: &FieldPath,
    old: Vec<Value>,
    new: &[Value],
    ctx: Ctx<'_>,
) -> Result<String, EditError> {
    let mut text = src.to_owned();
    let (p, s) = common_ends(&old, new);
    let (mo, mn) = (old.len() - p - s, new.len() - p - s);
    for i in 0..mo.min(mn) {
        if !old[p + i].same_as(&new[p + i]) {
            text = apply(
                &text,
                &Edit::Set {
                    path: path.index(p + i),
                    value: new[p + i].clone(),
                },
                ctx,
            )?;
        }
    }
    if mo > mn {
        for _ in mn..mo {
            text = apply(
                &text,
                &Edit::Remove {
                    path: path.index(p + mn),
                },
                ctx,
            )?;
        }
    } else {
        for j in mo..mn {
            text = apply(
                &text,
                &Edit::InsertItem {
                    path: path.clone(),
                    index: p + j,
                    value: new[p + j].clone(),
                },
                ctx,
            )?;
        }
    }
    Ok(text)
}

/// Where a node sits: as the value of a map entry, as a list item, or at the top.
#[derive(Clone, Copy)]
enum Owner<'t> {
    Root,
    Entry { map: &'t Node, index: usize },
    Item { seq: &'t Node, index: usize },
}

#[derive(Clone, Copy)]
struct Found<'t> {
    node: &'t Node,
    owner: Owner<'t>,
}

enum Walked<'t> {
    /// Every step exists; the last element is the target.
    Found(Vec<Found<'t>>),
    /// `segments[depth]` is missing in the last element (a map, or an empty value).
    Missing { chain: Vec<Found<'t>>, depth: usize },
}

fn walk<'t>(root: &'t Node, path: &FieldPath) -> Result<Walked<'t>, EditError> {
    let mut chain = vec![Found {
        node: root,
        owner: Owner::Root,
    }];
    for (depth, segment) in path.segments().iter().enumerate() {
        let Some(current) = chain.last().copied() else {
            break;
        };
        let node = current.node;
        let sub = FieldPath::from_segments(path.segments()[..depth].to_vec());
        match (&node.kind, segment) {
            (NodeKind::Map { entries, .. }, Segment::Key(k)) => {
                match entries
                    .iter()
                    .position(|e| e.key.key_text() == Some(k.as_str()))
                {
                    Some(index) => chain.push(Found {
                        node: &entries[index].value,
                        owner: Owner::Entry { map: node, index },
                    }),
                    None => return Ok(Walked::Missing { chain, depth }),
                }
            }
            (NodeKind::Seq { items, .. }, Segment::Index(i)) => match items.get(*i) {
                Some(item) => chain.push(Found {
                    node: item,
                    owner: Owner::Item {
                        seq: node,
                        index: *i,
                    },
                }),
                None => {
                    return Err(EditError::IndexOutOfRange {
                        path: sub,
                        index: *i,
                        len: items.len(),
                    })
                }
            },
            (NodeKind::Alias(_), _) => {
                return Err(EditError::Unsupported {
                    path: sub,
                    reason: "it repeats another field with *name".to_owned(),
                })
            }
            (
                NodeKind::Scalar {
                    value,
                    style: ScalarStyle::Plain,
                },
                Segment::Key(_),
            ) if value.is_empty() || value == "~" || value.eq_ignore_ascii_case("null") => {
                return Ok(Walked::Missing { chain, depth });
            }
            (_, Segment::Key(_)) => {
                return Err(EditError::NotA {
                    path: sub,
                    expected: "a group of fields",
                    found: "a single value".to_owned(),
                })
            }
            (_, Segment::Index(_)) => {
                return Err(EditError::NotA {
                    path: sub,
                    expected: "a list",
                    found: "not a list".to_owned(),
                })
            }
        }
    }
    Ok(Walked::Found(chain))
}

/// The value `value` nested under the remaining keys (`a.b` + v → `{a: {b: v}}`).
fn wrap(path: &FieldPath, from: usize, value: &Value) -> Result<Value, EditError> {
    let mut out = value.clone();
    for segment in path.segments()[from..].iter().rev() {
        match segment {
            Segment::Key(k) => out = Value::Map(vec![(k.clone(), out)]),
            Segment::Index(_) => return Err(EditError::NotFound { path: path.clone() }),
        }
    }
    Ok(out)
}

/// Text edits are collected as one splice, applied at the end.
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

fn splice(src: &str, s: Splice) -> String {
    let mut out = String::with_capacity(src.len() + s.text.len());
    out.push_str(&src[..s.start]);
    out.push_str(&s.text);
    out.push_str(&src[s.end.max(s.start)..]);
    out
}

/// Characters between the start of the line and `pos`: the indentation of a key, as a
/// YAML reader counts it. A lone `\r` also ends a line for YAML, and a byte order mark
/// (allowed where a document starts) takes no column.
fn column(src: &str, pos: usize) -> usize {
    let start = src[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    src[start..pos].chars().filter(|c| *c != '\u{feff}').count()
}

/// The `-` of a block list item, when it starts its line (after spaces).
fn dash_of(src: &str, item: &Node) -> Option<usize> {
    let start = line_start(src, item.start);
    let before = &src[start..item.start];
    let dash = before.rfind('-')?;
    before[..dash]
        .chars()
        .all(|c| c == ' ')
        .then_some(start + dash)
}

fn is_block_collection(node: &Node) -> bool {
    matches!(node.kind, NodeKind::Seq { .. } | NodeKind::Map { .. }) && !node.is_flow()
}

fn owner_is_flow(owner: Owner<'_>) -> bool {
    match owner {
        Owner::Entry { map, .. } => map.is_flow(),
        Owner::Item { seq, .. } => seq.is_flow(),
        Owner::Root => false,
    }
}

/// The first boolean spelling on the page, for booleans written into new fields.
fn bool_hint<'s>(src: &'s str, node: &Node, dialect: Dialect) -> Option<&'s str> {
    match &node.kind {
        NodeKind::Scalar {
            value,
            style: ScalarStyle::Plain,
        } => matches!(resolve_plain(value, dialect), Value::Bool(_))
            .then(|| &src[node.start..node.end]),
        NodeKind::Seq { items, .. } => items.iter().find_map(|n| bool_hint(src, n, dialect)),
        NodeKind::Map { entries, .. } => entries
            .iter()
            .find_map(|e| bool_hint(src, &e.value, dialect)),
        _ => None,
    }
}

fn primitive(src: &str, edit: &Edit, ctx: Ctx<'_>) -> Result<String, EditError> {
    let tree = yaml_tree::parse(src).map_err(|_| EditError::NotRoundTrip {
        path: edit.path().clone(),
    })?;
    let style = Style {
        dialect: ctx.dialect,
        bool_hint: tree.as_ref().and_then(|t| bool_hint(src, t, ctx.dialect)),
    };
    let e = Editor { src, ctx, style };
    let root = match tree.as_ref() {
        Some(root) if matches!(root.kind, NodeKind::Map { .. }) => root,
        _ => return e.on_empty(edit),
    };
    let s = match edit {
        Edit::Set { path, value } => match walk(root, path)? {
            Walked::Found(chain) => match chain.last() {
                Some(target) if chain.len() > 1 => e.replace(*target, value, path)?,
                _ => return Err(EditError::EmptyPath),
            },
            Walked::Missing { chain, depth } => {
                let holder = chain[chain.len() - 1];
                let Segment::Key(key) = &path.segments()[depth] else {
                    return Err(EditError::NotFound { path: path.clone() });
                };
                let nested = wrap(path, depth + 1, value)?;
                if matches!(holder.node.kind, NodeKind::Map { .. }) {
                    e.add_entry(holder.node, chain.len() == 1, key, &nested, path)?
                } else {
                    e.replace(holder, &Value::Map(vec![(key.clone(), nested)]), path)?
                }
            }
        },
        Edit::Remove { path } => match walk(root, path)? {
            Walked::Found(chain) => e.remove(&chain, path)?,
            Walked::Missing { .. } => return Err(EditError::NotFound { path: path.clone() }),
        },
        Edit::InsertItem { path, index, value } => match walk(root, path)? {
            Walked::Found(chain) => {
                let target = chain[chain.len() - 1];
                match &target.node.kind {
                    NodeKind::Seq { .. } => e.insert_item(target.node, *index, value, path)?,
                    NodeKind::Scalar {
                        value: v,
                        style: ScalarStyle::Plain,
                    } if v.is_empty() || v == "~" || v.eq_ignore_ascii_case("null") => {
                        e.replace(target, &Value::List(vec![value.clone()]), path)?
                    }
                    _ => {
                        return Err(EditError::NotA {
                            path: path.clone(),
                            expected: "a list",
                            found: "not a list".to_owned(),
                        })
                    }
                }
            }
            Walked::Missing { .. } => {
                return primitive(
                    src,
                    &Edit::Set {
                        path: path.clone(),
                        value: Value::List(vec![value.clone()]),
                    },
                    ctx,
                );
            }
        },
        Edit::MoveItem { path, from, to } => match walk(root, path)? {
            Walked::Found(chain) => e.move_item(chain[chain.len() - 1].node, *from, *to, path)?,
            Walked::Missing { .. } => return Err(EditError::NotFound { path: path.clone() }),
        },
    };
    Ok(splice(src, s))
}

struct Editor<'a> {
    src: &'a str,
    ctx: Ctx<'a>,
    style: Style<'a>,
}

impl Editor<'_> {
    /// Front matter with no fields yet (empty, comments only, or `~`): append at the end.
    fn on_empty(&self, edit: &Edit) -> Result<String, EditError> {
        let (path, value) = match edit {
            Edit::Set { path, value } => (path, value.clone()),
            Edit::InsertItem {
                path,
                index: 0,
                value,
            } => (path, Value::List(vec![value.clone()])),
            other => {
                return Err(EditError::NotFound {
                    path: other.path().clone(),
                })
            }
        };
        let Some(Segment::Key(key)) = path.segments().first() else {
            return Err(EditError::NotFound { path: path.clone() });
        };
        let nested = wrap(path, 1, &value)?;
        let lines = render::entry(key, &nested, 0, self.style, path)?;
        let src = self.src;
        // A document that is only `~` or `null` is replaced, comments are kept.
        let keep = match yaml_tree::parse(src) {
            Ok(Some(node)) => &src[..line_start(src, node.start)],
            _ => src,
        };
        let mut out = keep.to_owned();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(self.ctx.eol);
        }
        out.push_str(&self.join(&lines));
        out.push_str(self.ctx.eol);
        Ok(out)
    }

    fn join(&self, lines: &[String]) -> String {
        lines.join(self.ctx.eol)
    }

    fn previous<'n>(&self, node: &'n Node, typed: &'n Value) -> Option<Previous<'n>>
    where
        Self: 'n,
    {
        match &node.kind {
            NodeKind::Scalar { style, .. } => Some(Previous {
                style: *style,
                source: &self.src[node.start..node.end],
                value: typed,
            }),
            _ => None,
        }
    }

    /// Replaces the value `target` with `value`.
    fn replace(
        &self,
        target: Found<'_>,
        value: &Value,
        path: &FieldPath,
    ) -> Result<Splice, EditError> {
        let src = self.src;
        let node = target.node;
        let in_flow = owner_is_flow(target.owner);
        let eol = self.ctx.eol;
        if value.is_collection() && !render::is_empty_collection(value) {
            if in_flow {
                return Ok(Splice {
                    start: node.start,
                    end: node.end,
                    text: render::flow(value, self.style, path)?,
                });
            }
            return match target.owner {
                Owner::Entry { map, index } => {
                    let NodeKind::Map { entries, .. } = &map.kind else {
                        return Err(EditError::NotFound { path: path.clone() });
                    };
                    let entry = &entries[index];
                    let lines = render::children(
                        value,
                        column(src, entry.key.outer_start) + 2,
                        self.style,
                        path,
                    )?;
                    Ok(Splice {
                        start: entry.colon_end,
                        end: node.end.max(entry.colon_end),
                        text: format!("{eol}{}", self.join(&lines)),
                    })
                }
                Owner::Item { .. } => {
                    let lines = render::children(value, column(src, node.start), self.style, path)?;
                    let mut text = self.join(&lines);
                    text = text.trim_start().to_owned();
                    Ok(Splice {
                        start: node.start,
                        end: node.end,
                        text,
                    })
                }
                Owner::Root => Err(EditError::EmptyPath),
            };
        }
        let typed = match &node.kind {
            NodeKind::Scalar { value, style } => {
                scalar_value(value, *style, node.tag.as_deref(), self.ctx.dialect)
            }
            _ => Value::Null,
        };
        let previous = self.previous(node, &typed);
        let rendered = render::scalar(value, previous, in_flow, self.style, path)?;
        let colon_end = match target.owner {
            Owner::Entry { map, index } => match &map.kind {
                NodeKind::Map { entries, .. } if !map.is_flow() => Some(entries[index].colon_end),
                _ => None,
            },
            _ => None,
        };
        let is_empty_scalar =
            node.start == node.end && matches!(node.kind, NodeKind::Scalar { .. });
        let was_block_scalar = matches!(
            node.kind,
            NodeKind::Scalar {
                style: ScalarStyle::Literal | ScalarStyle::Folded,
                ..
            }
        );
        // Where a block scalar's content goes: the column of its lines, and of its
        // parent (the key, or the `-` of a list item), which an indentation indicator
        // counts from.
        let layout = match &rendered {
            Scalar::Block { .. } => {
                let (indent, parent) = match target.owner {
                    Owner::Entry { map, index } => match &map.kind {
                        NodeKind::Map { entries, .. } => {
                            let key = column(src, entries[index].key.outer_start);
                            (key + 2, Some(key))
                        }
                        _ => (2, None),
                    },
                    _ => (
                        column(src, node.start),
                        dash_of(src, node).map(|d| column(src, d)),
                    ),
                };
                let indent = if was_block_scalar {
                    block_indent(src, node)
                } else {
                    None
                }
                .unwrap_or(indent);
                Some((indent, parent))
            }
            Scalar::Inline(_) => None,
        };
        let rendered = match (rendered, layout, value) {
            (Scalar::Block { header, lines }, Some((indent, parent)), Value::String(text)) => {
                let header = parent
                    .and_then(|p| indent.checked_sub(p))
                    .and_then(|relative| scalar::with_indent_indicator(&header, relative));
                let keeps_trailing = header.as_deref().is_some_and(|h| h.contains('+'));
                match header {
                    // `|+` keeps every trailing empty line, so blank lines that follow in
                    // the page would join the value.
                    Some(_) if keeps_trailing && blank_line_after(src, node, colon_end) => {
                        Scalar::Inline(scalar::double_quoted(text))
                    }
                    Some(header) => Scalar::Block { header, lines },
                    None => Scalar::Inline(scalar::double_quoted(text)),
                }
            }
            (rendered, _, _) => rendered,
        };
        Ok(match rendered {
            Scalar::Inline(text) => match colon_end {
                Some(colon) if is_block_collection(node) || is_empty_scalar || text.is_empty() => {
                    Splice {
                        start: colon,
                        end: node.end.max(colon),
                        text: if text.is_empty() {
                            text
                        } else {
                            format!(" {text}")
                        },
                    }
                }
                _ => match target.owner {
                    // `{key}` or `{key:}` in a flow map: the empty value sits before the `:`.
                    Owner::Entry { map, index } if is_empty_scalar => match &map.kind {
                        NodeKind::Map { entries, .. } => {
                            let entry = &entries[index];
                            if entry.colon_end == entry.key.end {
                                let at = entry.key.end;
                                Splice {
                                    start: at,
                                    end: at,
                                    text: format!(": {text}"),
                                }
                            } else {
                                let at = entry.colon_end.max(node.end);
                                Splice {
                                    start: at,
                                    end: at,
                                    text: format!(" {text}"),
                                }
                            }
                        }
                        _ => Splice {
                            start: node.start,
                            end: node.end,
                            text,
                        },
                    },
                    _ => Splice {
                        start: node.start,
                        end: node.end,
                        text,
                    },
                },
            },
            Scalar::Block { header, lines } => {
                let indent = layout.map_or(2, |(indent, _)| indent);
                let body = self.join(
                    &lines
                        .iter()
                        .map(|l| {
                            if l.is_empty() {
                                String::new()
                            } else {
                                format!("{}{l}", " ".repeat(indent))
                            }
                        })
                        .collect::<Vec<_>>(),
                );
                match colon_end {
                    Some(colon) if is_block_collection(node) || is_empty_scalar => {
                        // What follows on the line (blanks, a comment) must not end up
                        // inside the block: blanks go, a comment moves to the header.
                        let from = node.end.max(colon);
                        let end = line_end(src, from);
                        let rest = src[from..end].trim();
                        let tail = if rest.is_empty() {
                            String::new()
                        } else {
                            format!(" {rest}")
                        };
                        Splice {
                            start: colon,
                            end,
                            text: format!(" {header}{tail}{eol}{body}"),
                        }
                    }
                    _ if was_block_scalar => {
                        let h_end = header_end(src, node.start);
                        let tail = &src[h_end..line_end(src, h_end)];
                        Splice {
                            start: node.start,
                            end: node.end,
                            text: format!("{header}{tail}{eol}{body}"),
                        }
                    }
                    _ => {
                        let end = line_end(src, node.end);
                        let tail = &src[node.end..end];
                        Splice {
                            start: node.start,
                            end,
                            text: format!("{header}{tail}{eol}{body}"),
                        }
                    }
                }
            }
        })
    }

    fn add_entry(
        &self,
        map: &Node,
        is_root: bool,
        key: &str,
        value: &Value,
        path: &FieldPath,
    ) -> Result<Splice, EditError> {
        let src = self.src;
        let NodeKind::Map { entries, .. } = &map.kind else {
            return Err(EditError::NotFound { path: path.clone() });
        };
        if map.is_flow() {
            let text = format!(
                "{}: {}",
                render_flow_key(key),
                render::flow(value, self.style, path)?
            );
            return Ok(match entries.last() {
                Some(last) => Splice {
                    start: last.value.end.max(last.colon_end),
                    end: last.value.end.max(last.colon_end),
                    text: format!(", {text}"),
                },
                None => Splice {
                    start: map.end - 1,
                    end: map.end - 1,
                    text,
                },
            });
        }
        let Some(first) = entries.first() else {
            return Err(EditError::NotFound { path: path.clone() });
        };
        let lines = render::entry(
            key,
            value,
            column(src, first.key.outer_start),
            self.style,
            path,
        )?;
        let pos = match entries.last() {
            Some(last) if !is_root => next_line_start(src, last.value.end.max(last.colon_end)),
            _ => src.len(),
        };
        let mut text = String::new();
        if pos > 0 && !src[..pos].ends_with('\n') {
            text.push_str(self.ctx.eol);
        }
        text.push_str(&self.join(&lines));
        text.push_str(self.ctx.eol);
        Ok(Splice {
            start: pos,
            end: pos,
            text,
        })
    }

    fn remove(&self, chain: &[Found<'_>], path: &FieldPath) -> Result<Splice, EditError> {
        let src = self.src;
        let target = chain[chain.len() - 1];
        let parent = || chain.get(chain.len().wrapping_sub(2)).copied();
        match target.owner {
            Owner::Root => Err(EditError::EmptyPath),
            Owner::Entry { map, index } => {
                let NodeKind::Map { entries, .. } = &map.kind else {
                    return Err(EditError::NotFound { path: path.clone() });
                };
                let entry = &entries[index];
                let value_end = entry.value.end.max(entry.colon_end);
                if map.is_flow() {
                    return Ok(if index + 1 < entries.len() {
                        Splice {
                            start: entry.key.outer_start,
                            end: entries[index + 1].key.outer_start,
                            text: String::new(),
                        }
                    } else if index > 0 {
                        let prev = &entries[index - 1];
                        Splice {
                            start: prev.value.end.max(prev.colon_end),
                            end: value_end,
                            text: String::new(),
                        }
                    } else {
                        Splice {
                            start: map.start + 1,
                            end: map.end - 1,
                            text: String::new(),
                        }
                    });
                }
                if entries.len() == 1 && chain.len() > 2 {
                    if let Some(holder) = parent() {
                        let holder_path = path.parent().unwrap_or_default();
                        return self.replace(holder, &Value::Map(Vec::new()), &holder_path);
                    }
                }
                let start = line_start(src, entry.key.outer_start);
                if src[start..entry.key.outer_start].chars().all(|c| c == ' ') {
                    Ok(Splice {
                        start,
                        end: next_line_start(src, value_end),
                        text: String::new(),
                    })
                } else if index + 1 < entries.len() {
                    Ok(Splice {
                        start: entry.key.outer_start,
                        end: entries[index + 1].key.outer_start,
                        text: String::new(),
                    })
                } else {
                    Err(EditError::Unsupported {
                        path: path.clone(),
                        reason: "it shares its line with other text".to_owned(),
                    })
                }
            }
            Owner::Item { seq, index } => {
                let NodeKind::Seq { items, .. } = &seq.kind else {
                    return Err(EditError::NotFound { path: path.clone() });
                };
                if seq.is_flow() {
                    let mut texts = self.item_texts(items);
                    texts.remove(index);
                    return Ok(Splice {
                        start: seq.start,
                        end: seq.end,
                        text: format!("[{}]", texts.join(", ")),
                    });
                }
                if items.len() == 1 {
                    if let Some(holder) = parent() {
                        let holder_path = path.parent().unwrap_or_default();
                        return self.replace(holder, &Value::List(Vec::new()), &holder_path);
                    }
                }
                let dash = dash_of(src, target.node).ok_or_else(|| EditError::Unsupported {
                    path: path.clone(),
                    reason: "the item shares its line with other text".to_owned(),
                })?;
                Ok(Splice {
                    start: line_start(src, dash),
                    end: next_line_start(src, target.node.end.max(dash + 1)),
                    text: String::new(),
                })
            }
        }
    }

    fn item_texts(&self, items: &[Node]) -> Vec<String> {
        items
            .iter()
            .map(|n| self.src[n.start..n.end].to_owned())
            .collect()
    }

    fn insert_item(
        &self,
        seq: &Node,
        index: usize,
        value: &Value,
        path: &FieldPath,
    ) -> Result<Splice, EditError> {
        let src = self.src;
        let NodeKind::Seq { items, flow } = &seq.kind else {
            return Err(EditError::NotFound { path: path.clone() });
        };
        if index > items.len() {
            return Err(EditError::IndexOutOfRange {
                path: path.clone(),
                index,
                len: items.len(),
            });
        }
        if *flow {
            let mut texts = self.item_texts(items);
            texts.insert(index, render::flow(value, self.style, &path.index(index))?);
            return Ok(Splice {
                start: seq.start,
                end: seq.end,
                text: format!("[{}]", texts.join(", ")),
            });
        }
        let unsupported = || EditError::Unsupported {
            path: path.clone(),
            reason: "its items share lines with other text".to_owned(),
        };
        let first = items.first().ok_or_else(unsupported)?;
        let indent = column(src, dash_of(src, first).ok_or_else(unsupported)?);
        let lines = render::item(value, indent, self.style, &path.index(index))?;
        let pos = match items.get(index) {
            Some(item) => line_start(src, dash_of(src, item).ok_or_else(unsupported)?),
            None => next_line_start(src, items[items.len() - 1].end),
        };
        let mut text = String::new();
        if pos > 0 && !src[..pos].ends_with('\n') {
            text.push_str(self.ctx.eol);
        }
        text.push_str(&self.join(&lines));
        text.push_str(self.ctx.eol);
        Ok(Splice {
            start: pos,
            end: pos,
            text,
        })
    }

    fn move_item(
        &self,
        seq: &Node,
        from: usize,
        to: usize,
        path: &FieldPath,
    ) -> Result<Splice, EditError> {
        let src = self.src;
        let NodeKind::Seq { items, flow } = &seq.kind else {
            return Err(EditError::NotA {
                path: path.clone(),
                expected: "a list",
                found: "not a list".to_owned(),
            });
        };
        for i in [from, to] {
            if i >= items.len() {
                return Err(EditError::IndexOutOfRange {
                    path: path.clone(),
                    index: i,
                    len: items.len(),
                });
            }
        }
        if *flow {
            let mut texts = self.item_texts(items);
            let item = texts.remove(from);
            texts.insert(to, item);
            return Ok(Splice {
                start: seq.start,
                end: seq.end,
                text: format!("[{}]", texts.join(", ")),
            });
        }
        let unsupported = || EditError::Unsupported {
            path: path.clone(),
            reason: "its items share lines with other text".to_owned(),
        };
        let mut starts = Vec::with_capacity(items.len());
        for item in items {
            starts.push(line_start(src, dash_of(src, item).ok_or_else(unsupported)?));
        }
        let end = next_line_start(src, items[items.len() - 1].end);
        let mut blocks: Vec<String> = (0..items.len())
            .map(|i| src[starts[i]..starts.get(i + 1).copied().unwrap_or(end)].to_owned())
            .collect();
        let ends_with_break = src[..end].ends_with('\n');
        if !ends_with_break {
            if let Some(last) = blocks.last_mut() {
                last.push_str(self.ctx.eol);
            }
        }
        let block = blocks.remove(from);
        blocks.insert(to, block);
        let mut text: String = blocks.concat();
        if !ends_with_break {
            text.truncate(text.len() - self.ctx.eol.len());
        }
        Ok(Splice {
            start: starts[0],
            end,
            text,
        })
    }
}

fn render_flow_key(key: &str) -> String {
    if super::yaml_scalar::is_plain_safe(key, true) {
        key.to_owned()
    } else {
        super::yaml_scalar::double_quoted(key)
    }
}

/// Whether a whitespace-only line follows the text a scalar rewrite replaces: the block
/// scalar's own lines, or the rest of the key's line.
fn blank_line_after(src: &str, node: &Node, colon_end: Option<usize>) -> bool {
    let from = match colon_end {
        Some(colon) => node.end.max(colon),
        None => node.end,
    };
    let at_line_start = from == 0 || src.as_bytes()[from - 1] == b'\n';
    let next = if at_line_start {
        from
    } else {
        next_line_start(src, from)
    };
    next < src.len() && src[next..line_end(src, next)].trim().is_empty()
}

/// End of a block scalar header that starts at `header`.
fn header_end(src: &str, header: usize) -> usize {
    let b = src.as_bytes();
    let mut i = header + 1;
    while i < b.len() && (b[i] == b'-' || b[i] == b'+' || b[i].is_ascii_digit()) {
        i += 1;
    }
    i.min(src.len())
}

/// The indentation of an existing block scalar's content, to keep it when rewriting.
fn block_indent(src: &str, node: &Node) -> Option<usize> {
    let first_content = next_line_start(src, node.start);
    src.get(first_content..node.end)?
        .split('\n')
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
}
