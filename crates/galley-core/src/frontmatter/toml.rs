//! TOML front matter (Hugo's `+++`): read with toml_edit, edited in its document model,
//! which keeps comments, order and spacing (its "decor") of everything not touched.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table};

use super::edit::{common_ends, Edit};
use super::error::{EditError, FrontMatterError};
use super::path::{FieldPath, Segment};
use super::position::LineIndex;
use super::value::Value;

/// Reads TOML front matter into the typed view.
pub(crate) fn read(src: &str, first_line: usize) -> Result<Value, FrontMatterError> {
    let doc = parse(src, first_line)?;
    Ok(table_value(doc.as_table()))
}

fn parse(src: &str, first_line: usize) -> Result<DocumentMut, FrontMatterError> {
    src.parse::<DocumentMut>().map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let (line, column) = LineIndex::new(src).line_col(offset);
        let detail = e.message().trim().trim_end_matches('.').to_owned();
        let message = if detail.contains("duplicate key") {
            format!("a field is defined twice ({detail}). Keep only one of them.")
        } else {
            format!("the TOML front matter cannot be read here ({detail}). Check the quotes, = signs and brackets on this line.")
        };
        FrontMatterError::Syntax { line: line + first_line - 1, column, message }
    })
}

fn table_value(table: &Table) -> Value {
    Value::Map(
        table
            .iter()
            .map(|(k, item)| (k.to_owned(), item_value(item)))
            .collect(),
    )
}

fn item_value(item: &Item) -> Value {
    match item {
        Item::None => Value::Null,
        Item::Value(v) => value_of(v),
        Item::Table(t) => table_value(t),
        Item::ArrayOfTables(a) => Value::List(a.iter().map(table_value).collect()),
    }
}

fn value_of(v: &toml_edit::Value) -> Value {
    use toml_edit::Value as T;
    match v {
        T::String(s) => Value::String(s.value().clone()),
        T::Integer(i) => Value::Int(*i.value()),
        T::Float(f) => Value::Float(*f.value()),
        T::Boolean(b) => Value::Bool(*b.value()),
        T::Datetime(formatted) => {
            let d = formatted.value();
            // As written (`2025-02-01 10:30:00`, `…T10:30:00.500+01:00`), not as
            // toml_edit would print it, so the form edits the file's own spelling.
            let text = formatted.display_repr().into_owned();
            if d.time.is_none() {
                Value::Date(text)
            } else if d.date.is_none() {
                Value::String(text)
            } else {
                Value::DateTime(text)
            }
        }
        T::Array(a) => Value::List(a.iter().map(value_of).collect()),
        T::InlineTable(t) => {
            Value::Map(t.iter().map(|(k, v)| (k.to_owned(), value_of(v))).collect())
        }
    }
}

/// A typed value as a TOML value; `None` for null, which TOML cannot hold.
fn to_toml(value: &Value, path: &FieldPath) -> Result<toml_edit::Value, EditError> {
    use toml_edit::Value as T;
    let invalid = |reason: String| EditError::InvalidValue {
        path: path.clone(),
        reason,
    };
    Ok(match value {
        Value::Null => {
            return Err(invalid(
                "TOML front matter cannot hold an empty value; remove the field instead."
                    .to_owned(),
            ))
        }
        Value::Bool(b) => T::from(*b),
        Value::Int(i) => T::from(*i),
        Value::Float(f) => T::from(*f),
        Value::String(s) if super::split::has_fence_line(s) => one_line_string(s),
        Value::String(s) => T::from(s.as_str()),
        Value::Date(s) | Value::DateTime(s) => {
            // Parsed as a TOML value so it is written exactly as given (a space
            // before the time, a fraction's digits), not re-spelled.
            match s.parse::<toml_edit::Value>() {
                Ok(mut v @ T::Datetime(_)) => {
                    v.decor_mut().clear();
                    v
                }
                _ if matches!(value, Value::DateTime(_)) => {
                    return Err(invalid(format!(
                        "\"{s}\" is not a date and time (write one like 2024-01-31T10:30:00+01:00)."
                    )))
                }
                _ => {
                    return Err(invalid(format!(
                        "\"{s}\" is not a date (write a date like 2024-01-31)."
                    )))
                }
            }
        }
        Value::List(items) => {
            let mut a = Array::new();
            for (i, v) in items.iter().enumerate() {
                a.push(to_toml(v, &path.index(i))?);
            }
            T::Array(a)
        }
        Value::Map(entries) => {
            let mut t = InlineTable::new();
            for (k, v) in entries {
                t.insert(k.as_str(), to_toml(v, &path.child(k.clone()))?);
            }
            T::InlineTable(t)
        }
    })
}

/// A basic string on one line (`"a\nb"`), with line breaks escaped: a multi-line
/// string would put its lines into the front matter as they are, and a line such as
/// `+++` would end the front matter there.
fn one_line_string(s: &str) -> toml_edit::Value {
    let mut raw = String::with_capacity(s.len() + 2);
    raw.push('"');
    for c in s.chars() {
        match c {
            '"' => raw.push_str("\\\""),
            '\\' => raw.push_str("\\\\"),
            '\n' => raw.push_str("\\n"),
            '\r' => raw.push_str("\\r"),
            '\t' => raw.push_str("\\t"),
            c if c.is_control() => raw.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => raw.push(c),
        }
    }
    raw.push('"');
    match raw.parse::<toml_edit::Value>() {
        Ok(mut value) => {
            value.decor_mut().clear();
            value
        }
        // Not reached: every character is escaped or allowed in a basic string. Should it
        // ever be, the edit is still checked by reading the whole page back.
        Err(_) => toml_edit::Value::from(s),
    }
}

/// Applies an edit and returns the new TOML text (line endings not yet merged).
pub(crate) fn apply(src: &str, edit: &Edit) -> Result<String, EditError> {
    let mut doc = parse(src, 1).map_err(EditError::Malformed)?;
    let path = edit.path();
    let segments = path.segments();
    let Some((last, parents)) = segments.split_last() else {
        return Err(EditError::EmptyPath);
    };
    match edit {
        Edit::Set { value, .. } => {
            let parent = walk_create(doc.as_item_mut(), parents, path)?;
            set_in(parent, last, value, path)?;
        }
        Edit::Remove { .. } => {
            let parent = walk(doc.as_item_mut(), parents, path)?;
            let removed = match (parent, last) {
                (Item::Table(t), Segment::Key(k)) => t.remove(k).is_some(),
                (Item::Value(toml_edit::Value::InlineTable(t)), Segment::Key(k)) => {
                    t.remove(k).is_some()
                }
                (Item::Value(toml_edit::Value::Array(a)), Segment::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    true
                }
                (Item::ArrayOfTables(a), Segment::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    true
                }
                _ => false,
            };
            if !removed {
                return Err(EditError::NotFound { path: path.clone() });
            }
        }
        Edit::InsertItem { index, value, .. } => {
            let target = walk(doc.as_item_mut(), segments, path)?;
            let Some(a) = target.as_array_mut() else {
                return Err(EditError::Unsupported {
                    path: path.clone(),
                    reason: "it is not a simple list".to_owned(),
                });
            };
            if *index > a.len() {
                return Err(EditError::IndexOutOfRange {
                    path: path.clone(),
                    index: *index,
                    len: a.len(),
                });
            }
            a.insert(*index, to_toml(value, &path.index(*index))?);
        }
        Edit::MoveItem { from, to, .. } => {
            let target = walk(doc.as_item_mut(), segments, path)?;
            let Some(a) = target.as_array_mut() else {
                return Err(EditError::Unsupported {
                    path: path.clone(),
                    reason: "it is not a simple list".to_owned(),
                });
            };
            for i in [from, to] {
                if *i >= a.len() {
                    return Err(EditError::IndexOutOfRange {
                        path: path.clone(),
                        index: *i,
                        len: a.len(),
                    });
                }
            }
            let mut item = a.remove(*from);
            item.decor_mut().clear();
            a.insert(*to, item);
        }
    }
    Ok(doc.to_string())
}

fn step<'i>(item: &'i mut Item, segment: &Segment) -> Option<&'i mut Item> {
    match segment {
        Segment::Key(k) => item.get_mut(k.as_str()),
        Segment::Index(i) => item.get_mut(*i),
    }
}

/// Follows `segments` to an existing item.
fn walk<'i>(
    mut item: &'i mut Item,
    segments: &[Segment],
    path: &FieldPath,
) -> Result<&'i mut Item, EditError> {
    for segment in segments {
        item = step(item, segment).ok_or_else(|| EditError::NotFound { path: path.clone() })?;
    }
    Ok(item)
}

/// Follows `segments`, creating missing groups as inline tables (`contact = { … }`).
fn walk_create<'i>(
    mut item: &'i mut Item,
    segments: &[Segment],
    path: &FieldPath,
) -> Result<&'i mut Item, EditError> {
    for segment in segments {
        if let Segment::Key(k) = segment {
            let missing = match &*item {
                Item::Table(t) => !t.contains_key(k),
                Item::Value(toml_edit::Value::InlineTable(t)) => !t.contains_key(k),
                _ => false,
            };
            if missing {
                match item {
                    Item::Table(t) => {
                        t.insert(
                            k,
                            Item::Value(toml_edit::Value::InlineTable(InlineTable::new())),
                        );
                    }
                    Item::Value(toml_edit::Value::InlineTable(t)) => {
                        t.insert(
                            k.as_str(),
                            toml_edit::Value::InlineTable(InlineTable::new()),
                        );
                    }
                    _ => {}
                }
            }
        }
        item = step(item, segment).ok_or_else(|| EditError::NotFound { path: path.clone() })?;
    }
    Ok(item)
}

fn set_in(
    parent: &mut Item,
    last: &Segment,
    value: &Value,
    path: &FieldPath,
) -> Result<(), EditError> {
    if let Some(existing) = step(parent, last) {
        return set_item(existing, value, path);
    }
    let Segment::Key(k) = last else {
        return Err(EditError::NotFound { path: path.clone() });
    };
    let new = to_toml(value, path)?;
    match parent {
        Item::Table(t) => {
            t.insert(k, Item::Value(new));
        }
        Item::Value(toml_edit::Value::InlineTable(t)) => {
            t.insert(k.as_str(), new);
        }
        _ => {
            return Err(EditError::NotA {
                path: path.clone(),
                expected: "a group of fields",
                found: "a single value".to_owned(),
            })
        }
    }
    Ok(())
}

/// Sets an item, keeping its comments and spacing; maps and lists are changed entry by
/// entry so untouched entries keep their formatting.
fn set_item(item: &mut Item, value: &Value, path: &FieldPath) -> Result<(), EditError> {
    match (item, value) {
        (Item::Value(v), _) => set_value(v, value, path),
        (Item::Table(t), Value::Map(new)) => {
            let old: Vec<String> = t.iter().map(|(k, _)| k.to_owned()).collect();
            for k in old.iter().filter(|k| !new.iter().any(|(nk, _)| nk == *k)) {
                t.remove(k);
            }
            for (k, v) in new {
                match t.get_mut(k) {
                    Some(existing) => {
                        if !item_value(existing).same_as(v) {
                            set_item(existing, v, &path.child(k.clone()))?;
                        }
                    }
                    None => {
                        t.insert(k, Item::Value(to_toml(v, &path.child(k.clone()))?));
                    }
                }
            }
            Ok(())
        }
        (Item::ArrayOfTables(a), Value::List(new)) if a.len() == new.len() => {
            for (i, v) in new.iter().enumerate() {
                if let Some(t) = a.get_mut(i) {
                    let mut wrapped = Item::Table(std::mem::take(t));
                    let result = set_item(&mut wrapped, v, &path.index(i));
                    if let Item::Table(back) = wrapped {
                        *t = back;
                    }
                    result?;
                }
            }
            Ok(())
        }
        (item, _) => {
            *item = Item::Value(to_toml(value, path)?);
            Ok(())
        }
    }
}

fn set_value(v: &mut toml_edit::Value, value: &Value, path: &FieldPath) -> Result<(), EditError> {
    use toml_edit::Value as T;
    match (&mut *v, value) {
        (T::InlineTable(t), Value::Map(new)) => {
            let old: Vec<String> = t.iter().map(|(k, _)| k.to_owned()).collect();
            for k in old.iter().filter(|k| !new.iter().any(|(nk, _)| nk == *k)) {
                t.remove(k);
            }
            for (k, nv) in new {
                match t.get_mut(k) {
                    Some(existing) => {
                        if !value_of(existing).same_as(nv) {
                            set_value(existing, nv, &path.child(k.clone()))?;
                        }
                    }
                    None => {
                        t.insert(k.as_str(), to_toml(nv, &path.child(k.clone()))?);
                    }
                }
            }
            Ok(())
        }
        (T::Array(a), Value::List(new)) => {
            let old: Vec<Value> = a.iter().map(value_of).collect();
            let (p, s) = common_ends(&old, new);
            let (mo, mn) = (old.len() - p - s, new.len() - p - s);
            for i in 0..mo.min(mn) {
                if let Some(existing) = a.get_mut(p + i) {
                    set_value(existing, &new[p + i], &path.index(p + i))?;
                }
            }
            if mo > mn {
                for _ in mn..mo {
                    a.remove(p + mn);
                }
            } else {
                for j in mo..mn {
                    a.insert(p + j, to_toml(&new[p + j], &path.index(p + j))?);
                }
            }
            Ok(())
        }
        (old, _) => {
            let mut new = to_toml(value, path)?;
            *new.decor_mut() = old.decor().clone();
            *old = new;
            Ok(())
        }
    }
}
