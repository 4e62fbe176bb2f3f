//! Edits as data, and their meaning on the typed view.
//!
//! Applying an edit to the [`Value`] tree gives the value the page must read back as
//! after the text edit. Both YAML and TOML editors are checked against it, so a text
//! edit that would disturb anything else is refused instead of saved.

use super::error::EditError;
use super::path::{FieldPath, Segment};
use super::value::Value;

/// One change to the front matter.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set a field (or list item) to a value, creating missing groups on the way.
    Set {
        /// Where.
        path: FieldPath,
        /// The new value.
        value: Value,
    },
    /// Remove a field, or a list item when the path ends with `[n]`.
    Remove {
        /// What.
        path: FieldPath,
    },
    /// Insert an item into the list at `path` before position `index` (`len` appends).
    InsertItem {
        /// The list.
        path: FieldPath,
        /// Position of the new item.
        index: usize,
        /// The new item.
        value: Value,
    },
    /// Move a list item from one position to another.
    MoveItem {
        /// The list.
        path: FieldPath,
        /// Current position.
        from: usize,
        /// New position (counted after taking the item out).
        to: usize,
    },
}

impl Edit {
    /// The field the edit is about, for messages.
    pub fn path(&self) -> &FieldPath {
        match self {
            Edit::Set { path, .. }
            | Edit::Remove { path }
            | Edit::InsertItem { path, .. }
            | Edit::MoveItem { path, .. } => path,
        }
    }
}

/// The value at `path`, if any.
pub(crate) fn get<'v>(root: &'v Value, path: &FieldPath) -> Option<&'v Value> {
    let mut node = root;
    for segment in path.segments() {
        node = match (node, segment) {
            (Value::Map(_), Segment::Key(k)) => node.get_key(k)?,
            (Value::List(items), Segment::Index(i)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn get_mut<'v>(root: &'v mut Value, segments: &[Segment]) -> Option<&'v mut Value> {
    let mut node = root;
    for segment in segments {
        node = match (node, segment) {
            (Value::Map(entries), Segment::Key(k)) => entries
                .iter_mut()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v)?,
            (Value::List(items), Segment::Index(i)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn prefix(path: &FieldPath, len: usize) -> FieldPath {
    FieldPath::from_segments(path.segments()[..len].to_vec())
}

/// Applies `edit` to the typed view, refusing it as the text editors would.
pub(crate) fn apply_to_value(root: &mut Value, edit: &Edit) -> Result<(), EditError> {
    let path = edit.path();
    if path.is_empty() {
        return Err(EditError::EmptyPath);
    }
    match edit {
        Edit::Set { value, .. } => set(root, path, value.clone()),
        Edit::Remove { .. } => {
            let segments = path.segments();
            let parent_path = &segments[..segments.len() - 1];
            let parent = get_mut(root, parent_path)
                .ok_or_else(|| EditError::NotFound { path: path.clone() })?;
            match (parent, &segments[segments.len() - 1]) {
                (Value::Map(entries), Segment::Key(k)) => {
                    let i = entries
                        .iter()
                        .position(|(key, _)| key == k)
                        .ok_or_else(|| EditError::NotFound { path: path.clone() })?;
                    entries.remove(i);
                    Ok(())
                }
                (Value::List(items), Segment::Index(i)) => {
                    if *i >= items.len() {
                        return Err(EditError::IndexOutOfRange {
                            path: prefix(path, parent_path.len()),
                            index: *i,
                            len: items.len(),
                        });
                    }
                    items.remove(*i);
                    Ok(())
                }
                _ => Err(EditError::NotFound { path: path.clone() }),
            }
        }
        Edit::InsertItem { index, value, .. } => match get_mut(root, path.segments()) {
            Some(Value::List(items)) => {
                if *index > items.len() {
                    return Err(EditError::IndexOutOfRange {
                        path: path.clone(),
                        index: *index,
                        len: items.len(),
                    });
                }
                items.insert(*index, value.clone());
                Ok(())
            }
            None | Some(Value::Null) if *index == 0 => {
                set(root, path, Value::List(vec![value.clone()]))
            }
            None => Err(EditError::NotFound { path: path.clone() }),
            Some(other) => Err(EditError::NotA {
                path: path.clone(),
                expected: "a list",
                found: other.kind_with_article(),
            }),
        },
        Edit::MoveItem { from, to, .. } => match get_mut(root, path.segments()) {
            Some(Value::List(items)) => {
                let len = items.len();
                for i in [from, to] {
                    if *i >= len {
                        return Err(EditError::IndexOutOfRange {
                            path: path.clone(),
                            index: *i,
                            len,
                        });
                    }
                }
                let item = items.remove(*from);
                items.insert(*to, item);
                Ok(())
            }
            None => Err(EditError::NotFound { path: path.clone() }),
            Some(other) => Err(EditError::NotA {
                path: path.clone(),
                expected: "a list",
                found: other.kind_with_article(),
            }),
        },
    }
}

fn set(root: &mut Value, path: &FieldPath, value: Value) -> Result<(), EditError> {
    let segments = path.segments();
    let mut node = root;
    for (depth, segment) in segments.iter().enumerate() {
        let last = depth + 1 == segments.len();
        if matches!(node, Value::Null) && matches!(segment, Segment::Key(_)) {
            *node = Value::Map(Vec::new());
        }
        node = match (node, segment) {
            (Value::Map(entries), Segment::Key(k)) => {
                let i = match entries.iter().position(|(key, _)| key == k) {
                    Some(i) => i,
                    None => {
                        if !last && matches!(segments[depth + 1], Segment::Index(_)) {
                            return Err(EditError::NotFound {
                                path: prefix(path, depth + 1),
                            });
                        }
                        entries.push((
                            k.clone(),
                            if last {
                                Value::Null
                            } else {
                                Value::Map(Vec::new())
                            },
                        ));
                        entries.len() - 1
                    }
                };
                &mut entries[i].1
            }
            (Value::List(items), Segment::Index(i)) => {
                let len = items.len();
                items
                    .get_mut(*i)
                    .ok_or_else(|| EditError::IndexOutOfRange {
                        path: prefix(path, depth),
                        index: *i,
                        len,
                    })?
            }
            (other, Segment::Key(_)) => {
                return Err(EditError::NotA {
                    path: prefix(path, depth),
                    expected: "a group of fields",
                    found: other.kind_with_article(),
                })
            }
            (other, Segment::Index(_)) => {
                return Err(EditError::NotA {
                    path: prefix(path, depth),
                    expected: "a list",
                    found: other.kind_with_article(),
                })
            }
        };
    }
    reconcile(node, value);
    Ok(())
}

/// Sets `node` to `new` the way the text editors do: a map set onto a map keeps the
/// existing order (changed fields in place, removed ones gone, new ones appended).
fn reconcile(node: &mut Value, new: Value) {
    match (node, new) {
        (Value::Map(old), Value::Map(new)) => {
            old.retain(|(k, _)| new.iter().any(|(nk, _)| nk == k));
            for (k, v) in new {
                match old.iter_mut().find(|(ok, _)| *ok == k) {
                    Some((_, ov)) => reconcile(ov, v),
                    None => old.push((k, v)),
                }
            }
        }
        (Value::List(old), Value::List(new)) => {
            let (p, s) = common_ends(old, &new);
            let (mo, mn) = (old.len() - p - s, new.len() - p - s);
            for i in 0..mo.min(mn) {
                reconcile(&mut old[p + i], new[p + i].clone());
            }
            if mo > mn {
                old.drain(p + mn..p + mo);
            } else {
                for j in mo..mn {
                    old.insert(p + j, new[p + j].clone());
                }
            }
        }
        (node, new) => *node = new,
    }
}

/// How many items two lists share at the start and (not overlapping) at the end; the
/// items in between are what an edit of the list changes.
pub(crate) fn common_ends(old: &[Value], new: &[Value]) -> (usize, usize) {
    let mut p = 0;
    while p < old.len().min(new.len()) && old[p].same_as(&new[p]) {
        p += 1;
    }
    let mut s = 0;
    while s < (old.len() - p).min(new.len() - p)
        && old[old.len() - 1 - s].same_as(&new[new.len() - 1 - s])
    {
        s += 1;
    }
    (p, s)
}
