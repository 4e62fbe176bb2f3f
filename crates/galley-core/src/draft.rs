//! The structured part of an editor's draft: list items added, removed and
//! moved, nested fields set, a field replaced from YAML the editor typed — and
//! checking a draft against the page's collection while the editor types.
//!
//! Every operation goes through the engine's lossless edits
//! ([`Document::apply`]), so a save still changes only the lines of the fields
//! that changed. Operations apply in order, after the draft's [`FieldEdit`]s
//! (text typed into top-level boxes), because an item's position depends on
//! the moves before it.

use crate::document::Document;
use crate::frontmatter::{parse_value, Dialect, Edit, FieldPath, Value};
use crate::page::{FieldEdit, PageError};
use crate::site::Site;
use crate::validate::{Problem, ProblemCode, Severity};
use serde::{Deserialize, Serialize};

/// One structured change of a draft. `key` is a field path such as
/// `datacite.keywords` or `authors[1].name`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum FieldOp {
    /// Text typed into a box; its type follows the field (like a [`FieldEdit`]).
    Input {
        /// Field path.
        key: String,
        /// What was typed.
        input: String,
    },
    /// Set a typed value (a toggle's yes/no keeps the file's spelling).
    Set {
        /// Field path.
        key: String,
        /// The new value.
        value: Value,
    },
    /// Remove a field, or a list item when the path ends with `[n]`.
    Remove {
        /// Field path.
        key: String,
    },
    /// Insert an item into the list at `key` before `index`.
    Insert {
        /// The list's path.
        key: String,
        /// Position of the new item (the list's length appends).
        index: usize,
        /// The new item.
        value: Value,
    },
    /// Move a list item; `to` counts positions after the item is taken out.
    Move {
        /// The list's path.
        key: String,
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Replace a field with YAML the editor typed ("Edit as YAML").
    Yaml {
        /// Field path.
        key: String,
        /// The YAML text of the value alone (no field name).
        yaml: String,
    },
}

impl FieldOp {
    /// The field path the operation is about.
    pub fn key(&self) -> &str {
        match self {
            FieldOp::Input { key, .. }
            | FieldOp::Set { key, .. }
            | FieldOp::Remove { key }
            | FieldOp::Insert { key, .. }
            | FieldOp::Move { key, .. }
            | FieldOp::Yaml { key, .. } => key,
        }
    }
}

impl From<FieldEdit> for FieldOp {
    fn from(edit: FieldEdit) -> Self {
        FieldOp::Input {
            key: edit.key,
            input: edit.input,
        }
    }
}

fn path_of(key: &str) -> Result<FieldPath, PageError> {
    key.parse().map_err(|_| PageError::BadField(key.to_owned()))
}

/// Applies one operation to the document through the engine's lossless edits.
pub fn apply_op(doc: &mut Document, op: &FieldOp) -> Result<(), PageError> {
    let path = path_of(op.key())?;
    match op {
        FieldOp::Input { input, .. } => doc.set_from_input(&path, input)?,
        FieldOp::Set { value, .. } => doc.set(&path, value)?,
        FieldOp::Remove { .. } => doc.remove(&path)?,
        FieldOp::Insert { index, value, .. } => doc.insert_item(&path, *index, value)?,
        FieldOp::Move { from, to, .. } => doc.move_item(&path, *from, *to)?,
        FieldOp::Yaml { key, yaml } => {
            let value = parse_value(yaml, doc.dialect()).map_err(|e| PageError::BadYaml {
                key: key.clone(),
                message: e.to_string(),
            })?;
            doc.apply(&Edit::Set { path, value })?;
        }
    }
    Ok(())
}

/// Applies field edits, then operations, to `doc`; on failure says which field
/// the failing change was about.
pub(crate) fn apply_all(
    doc: &mut Document,
    edits: &[FieldEdit],
    ops: &[FieldOp],
) -> Result<(), (String, PageError)> {
    for edit in edits {
        let path = path_of(&edit.key).map_err(|e| (edit.key.clone(), e))?;
        doc.set_from_input(&path, &edit.input)
            .map_err(|e| (edit.key.clone(), PageError::from(e)))?;
    }
    for op in ops {
        apply_op(doc, op).map_err(|e| (op.key().to_owned(), e))?;
    }
    Ok(())
}

/// The problems of the page at `rel` as the editor's draft would leave it: the
/// collection's checks on the edited text, or — when a change cannot be applied
/// at all (letters in a number, YAML that does not read) — that change's
/// problem, attached to its field. Nothing is written.
pub fn check_draft(
    site: &Site,
    rel: &str,
    base: &[u8],
    edits: &[FieldEdit],
    ops: &[FieldOp],
    body: Option<&str>,
) -> Vec<Problem> {
    let dialect: Dialect = site.generator.dialect();
    let mut doc = match Document::parse(base, dialect) {
        Ok(doc) => doc,
        Err(_) => return site.check_text(rel, base),
    };
    if let Err((key, error)) = apply_all(&mut doc, edits, ops) {
        let line = field_line(&doc, &key);
        return vec![Problem {
            path: rel.to_owned(),
            line,
            column: 1,
            severity: Severity::Error,
            code: match error {
                PageError::BadYaml { .. } => ProblemCode::Malformed,
                _ => ProblemCode::TypeMismatch,
            },
            field: Some(key),
            message: error.to_string(),
            hint: "Correct the value; Galley will not save it like this.".to_owned(),
            words: error.words(),
            hint_words: crate::words::Say::HintCorrectValue.words(),
        }];
    }
    if let Some(body) = body {
        doc.set_body(body);
    }
    site.check_document(rel, &doc)
}

/// The file line of a top-level field (1 when not found): enough for the form,
/// which shows the problem next to the field itself.
fn field_line(doc: &Document, key: &str) -> usize {
    let top = key.split(['.', '[']).next().unwrap_or(key);
    let before = doc.body_line_start();
    let fm_start = before.saturating_sub(doc.front_matter_text().lines().count() + 1);
    doc.front_matter_text()
        .lines()
        .position(|l| l.starts_with(&format!("{top}:")))
        .map(|i| fm_start + i)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::apply_draft;

    const DATASET: &str = "---\nhidden: no\ntitle: Knee\ndatacite:\n  name: \"Knee\"\n  keywords:\n  - \"Radiology\"\n  - MRI\n  - Knee\n---\nBody\n";

    fn changed_lines(before: &str, after: &str) -> Vec<String> {
        let a: Vec<&str> = before.lines().collect();
        let b: Vec<&str> = after.lines().collect();
        let mut out = Vec::new();
        for (i, line) in b.iter().enumerate() {
            if a.get(i) != Some(line) {
                out.push((*line).to_owned());
            }
        }
        out
    }

    fn apply(ops: &[FieldOp]) -> String {
        let bytes =
            apply_draft(DATASET.as_bytes(), Dialect::Yaml11, &[], ops, None).expect("apply");
        String::from_utf8(bytes).expect("utf8")
    }

    #[test]
    fn a_toggle_keeps_yes_no_spelling_and_only_its_line_changes() {
        let after = apply(&[FieldOp::Set {
            key: "hidden".into(),
            value: Value::Bool(true),
        }]);
        assert_eq!(after, DATASET.replace("hidden: no", "hidden: yes"));
    }

    #[test]
    fn list_items_are_added_moved_and_removed_in_order() {
        let after = apply(&[
            FieldOp::Insert {
                key: "datacite.keywords".into(),
                index: 3,
                value: Value::String("Meniscus".into()),
            },
            FieldOp::Move {
                key: "datacite.keywords".into(),
                from: 3,
                to: 0,
            },
            FieldOp::Remove {
                key: "datacite.keywords[2]".into(),
            },
        ]);
        assert_eq!(
            after,
            DATASET.replace(
                "  - \"Radiology\"\n  - MRI\n",
                "  - Meniscus\n  - \"Radiology\"\n"
            )
        );
    }

    #[test]
    fn nested_input_and_yaml_go_through_the_engine() {
        let after = apply(&[
            FieldOp::Input {
                key: "datacite.name".into(),
                input: "Knee MRI".into(),
            },
            FieldOp::Yaml {
                key: "datacite.keywords".into(),
                yaml: "- A\n- B\n".into(),
            },
        ]);
        assert!(after.contains("  name: \"Knee MRI\"\n"), "{after}");
        // The engine edits the list item by item, so the first keeps its quotes.
        assert!(
            after.contains("  keywords:\n  - \"A\"\n  - B\n---"),
            "{after}"
        );
        assert_eq!(changed_lines(DATASET, &after)[0], "  name: \"Knee MRI\"");
    }

    #[test]
    fn bad_yaml_is_refused_with_the_field_named() {
        let err = apply_draft(
            DATASET.as_bytes(),
            Dialect::Yaml11,
            &[],
            &[FieldOp::Yaml {
                key: "datacite.keywords".into(),
                yaml: "[unclosed".into(),
            }],
            None,
        )
        .expect_err("bad yaml");
        assert!(matches!(err, PageError::BadYaml { .. }), "{err:?}");
    }

    #[test]
    fn ops_cross_the_wire_as_tagged_objects() {
        let op: FieldOp = serde_json::from_str(
            r#"{"op":"insert","key":"tags","index":0,"value":{"kind":"text","value":"x"}}"#,
        )
        .expect("json");
        assert_eq!(
            op,
            FieldOp::Insert {
                key: "tags".into(),
                index: 0,
                value: Value::String("x".into())
            }
        );
        let map: Value =
            serde_json::from_str(r#"{"kind":"map","value":[["name",{"kind":"null"}]]}"#)
                .expect("map");
        assert_eq!(map, Value::Map(vec![("name".into(), Value::Null)]));
    }
}
