//! A three-way merge of front matter values, field by field.
//!
//! Groups of fields (maps) are merged key by key, so `contact.email` changed on
//! one side and `contact.phone` on the other both survive. Lists and single
//! values are compared whole: merging list items by position would guess at
//! what a reordered list meant.

use crate::frontmatter::{FieldPath, Value};

/// What the merge must do to THEIRS' front matter to carry over mine's changes.
#[derive(Debug, Default)]
pub(crate) struct FieldPlan {
    /// Fields mine changed and theirs did not: set (`Some`) or remove (`None`).
    pub from_mine: Vec<(FieldPath, Option<Value>)>,
    /// Fields theirs changed and mine did not (already in the result).
    pub from_theirs: Vec<FieldPath>,
    /// Fields both changed differently.
    pub clashes: Vec<FieldDisagreement>,
}

/// A field both sides changed, each in its own way.
#[derive(Debug, Clone)]
pub(crate) struct FieldDisagreement {
    pub path: FieldPath,
    pub base: Option<Value>,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same_as(b),
        (None, None) => true,
        _ => false,
    }
}

fn entries(value: Option<&Value>) -> &[(String, Value)] {
    match value {
        Some(Value::Map(entries)) => entries,
        _ => &[],
    }
}

fn lookup<'a>(entries: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Merges the maps `base`, `mine` and `theirs` found at `path` into `plan`.
pub(crate) fn merge_maps(
    path: &FieldPath,
    base: Option<&Value>,
    mine: &Value,
    theirs: &Value,
    plan: &mut FieldPlan,
) {
    let (b, m, t) = (entries(base), entries(Some(mine)), entries(Some(theirs)));
    // Theirs' order first (the result is built from theirs' text), then keys
    // only mine has, then keys only the base had (removed on both sides or one).
    let mut keys: Vec<&str> = Vec::new();
    for (k, _) in t.iter().chain(m).chain(b) {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    for key in keys {
        let child = path.child(key);
        let (bv, mv, tv) = (lookup(b, key), lookup(m, key), lookup(t, key));
        if same(mv, bv) || same(mv, tv) {
            if !same(tv, bv) {
                plan.from_theirs.push(child);
            }
            continue;
        }
        if same(tv, bv) {
            plan.from_mine.push((child, mv.cloned()));
            continue;
        }
        match (bv, mv, tv) {
            (None | Some(Value::Map(_)), Some(mv @ Value::Map(_)), Some(tv @ Value::Map(_))) => {
                merge_maps(&child, bv, mv, tv, plan);
            }
            _ => plan.clashes.push(FieldDisagreement {
                path: child,
                base: bv.cloned(),
                mine: mv.cloned(),
                theirs: tv.cloned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, Value)]) -> Value {
        Value::Map(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn text(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    #[test]
    fn table() {
        let base = map(&[
            ("title", text("T")),
            ("tags", Value::List(vec![text("a")])),
            (
                "contact",
                map(&[("email", text("e")), ("phone", text("p"))]),
            ),
        ]);
        // (mine, theirs) → (fields from mine, clash paths)
        let cases: Vec<(Value, Value, Vec<&str>, Vec<&str>)> = vec![
            (base.clone(), base.clone(), vec![], vec![]),
            (
                map(&[
                    ("title", text("Mine")),
                    ("tags", Value::List(vec![text("a")])),
                    (
                        "contact",
                        map(&[("email", text("e")), ("phone", text("p"))]),
                    ),
                ]),
                base.clone(),
                vec!["title"],
                vec![],
            ),
            (
                map(&[
                    ("title", text("T")),
                    ("tags", Value::List(vec![text("a")])),
                    (
                        "contact",
                        map(&[("email", text("mine")), ("phone", text("p"))]),
                    ),
                ]),
                map(&[
                    ("title", text("T")),
                    ("tags", Value::List(vec![text("a")])),
                    (
                        "contact",
                        map(&[("email", text("e")), ("phone", text("theirs"))]),
                    ),
                ]),
                vec!["contact.email"],
                vec![],
            ),
            // Both removed the same fields: no clash; both retitled: clash.
            (
                map(&[("title", text("Mine"))]),
                map(&[("title", text("Theirs"))]),
                vec![],
                vec!["title"],
            ),
            // Removed on one side, changed on the other: clash.
            (
                map(&[
                    ("title", text("T")),
                    (
                        "contact",
                        map(&[("email", text("e")), ("phone", text("p"))]),
                    ),
                ]),
                map(&[
                    ("title", text("T")),
                    ("tags", Value::List(vec![text("a"), text("b")])),
                    (
                        "contact",
                        map(&[("email", text("e")), ("phone", text("p"))]),
                    ),
                ]),
                vec![],
                vec!["tags"],
            ),
        ];
        for (mine, theirs, want_mine, want_clash) in cases {
            let mut plan = FieldPlan::default();
            merge_maps(
                &FieldPath::default(),
                Some(&base),
                &mine,
                &theirs,
                &mut plan,
            );
            let got_mine: Vec<String> = plan.from_mine.iter().map(|(p, _)| p.to_string()).collect();
            let got_clash: Vec<String> = plan.clashes.iter().map(|c| c.path.to_string()).collect();
            assert_eq!(got_mine, want_mine, "{mine:?} / {theirs:?}");
            assert_eq!(got_clash, want_clash, "{mine:?} / {theirs:?}");
        }
    }
}
