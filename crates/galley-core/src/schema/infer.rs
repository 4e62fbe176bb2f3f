//! Inferring a collection's schema from its pages' values.

use super::{CollectionSchema, FieldSchema, FileCounts, Kind, KindCount, Shape, Source};
use crate::frontmatter::Value;
use crate::site::{label_for, Reference};
use std::collections::HashMap;

/// More distinct texts than this and a field is free text, not a choice.
const MAX_CHOICES: usize = 12;
/// Texts longer than this are sentences, never choices.
const MAX_CHOICE_LEN: usize = 40;

#[derive(Default)]
struct ShapeAcc {
    kinds: Vec<(Kind, usize)>,
    texts: Vec<(String, usize)>,
    too_many_texts: bool,
    files: FileCounts,
    saw_files: bool,
    fields: FieldsAcc,
    items: Option<Box<ShapeAcc>>,
}

#[derive(Default)]
struct FieldsAcc {
    maps: usize,
    order: Vec<String>,
    fields: HashMap<String, (usize, ShapeAcc)>,
}

type Resolve<'a> = &'a dyn Fn(&str) -> Reference;

impl FieldsAcc {
    fn add(&mut self, entries: &[(String, Value)], resolve: Resolve<'_>) {
        self.maps += 1;
        for (key, value) in entries {
            let slot = match self.fields.get_mut(key) {
                Some(slot) => slot,
                None => {
                    self.order.push(key.clone());
                    self.fields.entry(key.clone()).or_default()
                }
            };
            slot.0 += 1;
            slot.1.add(value, resolve);
        }
    }

    fn finish(self) -> Vec<FieldSchema> {
        let FieldsAcc {
            maps,
            order,
            mut fields,
        } = self;
        order
            .into_iter()
            .filter_map(|key| {
                let (present, acc) = fields.remove(&key)?;
                Some(FieldSchema {
                    label: label_for(&key),
                    key,
                    help: None,
                    required: false,
                    widget: None,
                    expects: None,
                    choices_from_settings: false,
                    present,
                    of: maps,
                    source: Source::Inferred,
                    shape: acc.finish(),
                })
            })
            .collect()
    }
}

impl ShapeAcc {
    fn add(&mut self, value: &Value, resolve: Resolve<'_>) {
        let kind = Kind::of(value);
        match self.kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.kinds.push((kind, 1)),
        }
        match value {
            Value::String(s) => {
                if matches!(kind, Kind::Image | Kind::File) {
                    self.saw_files = true;
                    match resolve(s) {
                        Reference::Found => self.files.found += 1,
                        Reference::Missing => self.files.missing += 1,
                        Reference::External => self.files.external += 1,
                    }
                }
                if kind == Kind::Text {
                    self.add_text(s);
                } else {
                    self.too_many_texts = true;
                }
            }
            Value::Map(entries) => self.fields.add(entries, resolve),
            Value::List(items) => {
                let acc = self.items.get_or_insert_with(Default::default);
                for item in items {
                    acc.add(item, resolve);
                }
            }
            Value::Null => {}
            _ => self.too_many_texts = true,
        }
    }

    fn add_text(&mut self, s: &str) {
        if self.too_many_texts {
            return;
        }
        if s.len() > MAX_CHOICE_LEN || s.contains('\n') {
            self.too_many_texts = true;
            return;
        }
        let len = self.texts.len();
        match self.texts.iter_mut().find(|(t, _)| t == s) {
            Some((_, n)) => *n += 1,
            None if len < MAX_CHOICES => self.texts.push((s.to_owned(), 1)),
            None => {
                self.too_many_texts = true;
                self.texts.clear();
            }
        }
    }

    fn finish(self) -> Shape {
        let mut kinds: Vec<KindCount> = self
            .kinds
            .into_iter()
            .map(|(kind, count)| KindCount { kind, count })
            .collect();
        kinds.sort_by(|a, b| b.count.cmp(&a.count).then(a.kind.cmp(&b.kind)));
        let total: usize = self.texts.iter().map(|(_, n)| n).sum();
        // Choices: a few texts, each used more than once on average.
        let choices = (!self.too_many_texts
            && self.texts.len() >= 2
            && total >= 4
            && self.texts.len() * 2 <= total)
            .then(|| {
                let mut texts: Vec<(String, usize)> = self.texts;
                texts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                texts.into_iter().map(|(t, _)| t).collect()
            });
        Shape {
            kinds,
            choices,
            files: self.saw_files.then_some(self.files),
            fields: self.fields.finish(),
            items: self.items.map(|acc| Box::new(acc.finish())),
        }
    }
}

/// Infers the schema of one collection from its pages: `pages` holds each page's
/// fields (or `None` when its front matter could not be read); `resolve(page, reference)`
/// tells whether an image/file reference from that page exists in the site.
pub fn infer(
    collection: &str,
    label: &str,
    pages: &[(&str, Option<&Value>)],
    resolve: &dyn Fn(&str, &str) -> Reference,
) -> CollectionSchema {
    let mut fields = FieldsAcc::default();
    let mut unreadable = 0;
    for (path, value) in pages {
        match value {
            Some(Value::Map(entries)) => fields.add(entries, &|r| resolve(path, r)),
            Some(_) => fields.add(&[], &|r| resolve(path, r)),
            None => unreadable += 1,
        }
    }
    CollectionSchema {
        collection: collection.to_owned(),
        label: label.to_owned(),
        page_count: pages.len(),
        unreadable,
        fields: fields.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, Value)]) -> Value {
        Value::Map(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn unions_presence_and_choices() {
        let mut pages = Vec::new();
        for i in 0..10 {
            let start = if i == 0 {
                Value::Int(2017)
            } else {
                Value::Date(format!("2020-01-{:02}", i + 1))
            };
            let status = Value::String(if i % 2 == 0 { "open" } else { "closed" }.into());
            let mut entries = vec![("start", start), ("status", status)];
            if i < 9 {
                entries.push(("prio", Value::Int(i)));
            }
            pages.push(map(&entries));
        }
        let refs: Vec<(&str, Option<&Value>)> = pages.iter().map(|p| ("p.md", Some(p))).collect();
        let schema = infer("things", "Things", &refs, &|_, _| Reference::Found);
        let start = schema.field("start").expect("start");
        assert_eq!(start.present, 10);
        assert_eq!(
            start.shape.kinds,
            vec![
                KindCount {
                    kind: Kind::Date,
                    count: 9
                },
                KindCount {
                    kind: Kind::Year,
                    count: 1
                }
            ]
        );
        let prio = schema.field("prio").expect("prio");
        assert_eq!((prio.present, prio.of), (9, 10));
        let status = schema.field("status").expect("status");
        assert_eq!(
            status.shape.choices,
            Some(vec!["closed".to_owned(), "open".to_owned()])
        );
    }
}
