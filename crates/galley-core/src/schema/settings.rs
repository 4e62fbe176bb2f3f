//! What a site says about its own fields, overriding what the pages suggest.
//!
//! Two sources, applied in this order (the later wins):
//! 1. a Decap/Sveltia CMS config, `admin/config.yml` (Hugo: `static/admin/config.yml`),
//!    whose `collections[].fields[]` give `name`, `label`, `widget`, `required` (true
//!    unless said otherwise, as in Decap), `options`, `hint`;
//! 2. `.galley.yml` at the site root:
//!
//! ```yaml
//! collections:
//!   engagements:
//!     label: Our engagements
//!     fields:            # in form order
//!       - name: prio
//!         label: Priority
//!         help: Lower numbers come first on the page.
//!         required: true
//!         widget: number
//!       - name: status
//!         choices: [planned, ongoing, done]
//! ```
//!
//! `fields` may also be a map from name to settings. Unknown settings are ignored.

use super::{CollectionSchema, FieldSchema, Kind, Shape, Source};
use crate::frontmatter::{Dialect, Value};
use crate::site::{label_for, read_yaml_file, Generator};
use crate::validate::{config_problem, Problem};
use std::path::Path;

/// Settings for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSettings {
    /// The front matter name.
    pub name: String,
    /// Form label.
    pub label: Option<String>,
    /// Help text.
    pub help: Option<String>,
    /// Whether a value is required.
    pub required: Option<bool>,
    /// Input to use (Decap widget names: string, text, number, boolean, date, …).
    pub widget: Option<String>,
    /// For `number`: `int` or `float`.
    pub value_type: Option<String>,
    /// Allowed values.
    pub choices: Option<Vec<String>>,
    /// For groups (and lists of groups): their fields.
    pub fields: Vec<FieldSettings>,
}

/// Settings for one collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionSettings {
    /// The collection id these apply to.
    pub id: String,
    /// Its label.
    pub label: Option<String>,
    /// Fields, in form order.
    pub fields: Vec<FieldSettings>,
    /// Which file they come from.
    pub source: Source,
}

/// All the settings a site gives about its schemas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaSettings {
    /// Per collection, Decap first, then `.galley.yml`.
    pub collections: Vec<CollectionSettings>,
}

/// The site's settings file for Galley.
pub const GALLEY_SETTINGS: &str = ".galley.yml";

impl SchemaSettings {
    /// Reads the Decap config and `.galley.yml` of the site in `root`, if present.
    /// Problems in them (malformed YAML) are returned rather than failing the open.
    pub fn load(root: &Path, generator: Generator) -> (SchemaSettings, Vec<Problem>) {
        let mut settings = SchemaSettings::default();
        let mut problems = Vec::new();
        let decap = match generator {
            Generator::Hugo => ["static/admin/config.yml", "admin/config.yml"],
            _ => ["admin/config.yml", "static/admin/config.yml"],
        };
        if let Some(rel) = decap.iter().find(|rel| root.join(rel).is_file()) {
            if let Some(value) = read_settings_file(root, rel, &mut problems) {
                settings.collections.extend(from_decap(&value));
            }
        }
        if root.join(GALLEY_SETTINGS).is_file() {
            if let Some(value) = read_settings_file(root, GALLEY_SETTINGS, &mut problems) {
                settings.collections.extend(from_galley(&value));
            }
        }
        (settings, problems)
    }

    /// The settings for a collection, in the order to apply them.
    pub fn for_collection<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = &'a CollectionSettings> {
        self.collections.iter().filter(move |c| c.id == id)
    }
}

fn read_settings_file(root: &Path, rel: &str, problems: &mut Vec<Problem>) -> Option<Value> {
    let text = std::fs::read(root.join(rel)).ok()?;
    match read_yaml_file(&text, Dialect::Yaml12) {
        Ok(value) => Some(value),
        Err((error, shift)) => {
            problems.push(config_problem(rel, &error, shift));
            None
        }
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.display_text()),
    }
}

fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

/// `options: [a, {label: B, value: b}]` → `["a", "b"]`.
fn choices(value: Option<&Value>) -> Option<Vec<String>> {
    let Value::List(items) = value? else {
        return None;
    };
    Some(
        items
            .iter()
            .filter_map(|item| match item {
                Value::Map(_) => text(item.get_key("value")),
                other => text(Some(other)),
            })
            .collect(),
    )
}

fn field_settings(name: String, v: &Value, decap: bool) -> FieldSettings {
    let widget = text(v.get_key("widget"));
    let nested: Vec<FieldSettings> = match (v.get_key("fields"), v.get_key("field")) {
        (Some(fields), _) => fields_of(fields, decap),
        (None, Some(single @ Value::Map(_))) => {
            fields_of(&Value::List(vec![single.clone()]), decap)
                .into_iter()
                .flat_map(|f| f.fields)
                .collect()
        }
        _ => Vec::new(),
    };
    let hidden = widget.as_deref() == Some("hidden");
    FieldSettings {
        label: text(v.get_key("label")),
        help: text(v.get_key("help")).or_else(|| text(v.get_key("hint"))),
        // Decap requires every field unless it says `required: false`.
        required: flag(v.get_key("required")).or((decap && !hidden).then_some(true)),
        value_type: text(v.get_key("value_type")),
        choices: choices(v.get_key("choices")).or_else(|| choices(v.get_key("options"))),
        widget,
        fields: nested,
        name,
    }
}

fn fields_of(value: &Value, decap: bool) -> Vec<FieldSettings> {
    match value {
        Value::List(items) => items
            .iter()
            .filter_map(|item| {
                let name = text(item.get_key("name")).or_else(|| text(item.get_key("key")))?;
                // Decap's `body` field is the Markdown text, not front matter.
                if decap && name == "body" {
                    return None;
                }
                Some(field_settings(name, item, decap))
            })
            .collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|(name, v)| field_settings(name.clone(), v, decap))
            .collect(),
        _ => Vec::new(),
    }
}

/// `folder: _engagements` (Jekyll) or `content/posts` (Hugo) → the collection id.
fn decap_collection_id(entry: &Value) -> Option<String> {
    if let Some(folder) = text(entry.get_key("folder")) {
        let folder = folder.trim_matches('/');
        let last = folder.rsplit('/').next().unwrap_or(folder);
        let id = last.trim_start_matches('_');
        if !id.is_empty() {
            return Some(id.to_owned());
        }
    }
    text(entry.get_key("name"))
}

fn from_decap(config: &Value) -> Vec<CollectionSettings> {
    let Some(Value::List(collections)) = config.get_key("collections") else {
        return Vec::new();
    };
    collections
        .iter()
        .filter(|c| c.get_key("folder").is_some())
        .filter_map(|c| {
            Some(CollectionSettings {
                id: decap_collection_id(c)?,
                label: text(c.get_key("label")),
                fields: c
                    .get_key("fields")
                    .map(|f| fields_of(f, true))
                    .unwrap_or_default(),
                source: Source::Decap,
            })
        })
        .collect()
}

fn from_galley(config: &Value) -> Vec<CollectionSettings> {
    let Some(Value::Map(collections)) = config.get_key("collections") else {
        return Vec::new();
    };
    collections
        .iter()
        .map(|(id, c)| CollectionSettings {
            id: id.clone(),
            label: text(c.get_key("label")),
            fields: c
                .get_key("fields")
                .map(|f| fields_of(f, false))
                .unwrap_or_default(),
            source: Source::Galley,
        })
        .collect()
}

/// Applies a collection's settings to its inferred schema: labels, help, required,
/// widget and choices are overridden; the fields the settings name come first, in
/// their order; fields the pages never use are added so the form can offer them.
pub fn apply_settings(schema: &mut CollectionSchema, settings: &CollectionSettings) {
    if let Some(label) = &settings.label {
        schema.label = label.clone();
    }
    let of = schema.page_count - schema.unreadable;
    apply_fields(&mut schema.fields, &settings.fields, settings.source, of);
}

fn apply_fields(
    fields: &mut Vec<FieldSchema>,
    settings: &[FieldSettings],
    source: Source,
    of: usize,
) {
    let mut ordered = Vec::with_capacity(fields.len() + settings.len());
    for s in settings {
        let mut field = match fields.iter().position(|f| f.key == s.name) {
            Some(i) => fields.remove(i),
            None => FieldSchema {
                key: s.name.clone(),
                label: label_for(&s.name),
                help: None,
                required: false,
                widget: None,
                expects: None,
                choices_from_settings: false,
                present: 0,
                of,
                source,
                shape: Shape::default(),
            },
        };
        field.source = source;
        if let Some(label) = &s.label {
            field.label = label.clone();
        }
        if let Some(help) = &s.help {
            field.help = Some(help.clone());
        }
        if let Some(required) = s.required {
            field.required = required;
        }
        if let Some(widget) = &s.widget {
            field.widget = Some(widget.clone());
            field.expects = Kind::from_widget(widget, s.value_type.as_deref());
        }
        if let Some(choices) = &s.choices {
            field.shape.choices = Some(choices.clone());
            field.choices_from_settings = true;
        }
        if !s.fields.is_empty() {
            // Nested settings describe a group, or each group in a list.
            let target = match field.expects {
                Some(Kind::List) => {
                    let items = field.shape.items.get_or_insert_with(Default::default);
                    &mut items.fields
                }
                _ => &mut field.shape.fields,
            };
            let nested_of = field.present;
            apply_fields(target, &s.fields, source, nested_of);
        }
        ordered.push(field);
    }
    ordered.append(fields);
    *fields = ordered;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        read_yaml_file(text.as_bytes(), Dialect::Yaml12).expect("yaml")
    }

    #[test]
    fn decap_collections_and_widgets() {
        let config = yaml(
            "backend:\n  name: git-gateway\ncollections:\n  - name: eng\n    label: Engagements\n    folder: _engagements\n    fields:\n      - {label: Title, name: title, widget: string}\n      - {label: Prio, name: prio, widget: number, required: false, hint: Lower first}\n      - {label: Kind, name: kind, widget: select, options: [a, {label: B, value: b}]}\n      - {label: Body, name: body, widget: markdown}\n  - name: pages\n    files: []\n",
        );
        let c = from_decap(&config);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].id, "engagements");
        assert_eq!(c[0].fields.len(), 3);
        assert_eq!(c[0].fields[0].required, Some(true));
        assert_eq!(c[0].fields[1].required, Some(false));
        assert_eq!(c[0].fields[1].help.as_deref(), Some("Lower first"));
        assert_eq!(
            c[0].fields[2].choices,
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
    }

    #[test]
    fn galley_settings_reorder_and_add() {
        let config = yaml("collections:\n  things:\n    label: Stuff\n    fields:\n      b: {label: Bee, required: true}\n      new: {widget: date}\n");
        let settings = from_galley(&config);
        let mut schema = CollectionSchema {
            collection: "things".into(),
            label: "Things".into(),
            page_count: 2,
            unreadable: 0,
            fields: ["a", "b"]
                .iter()
                .map(|k| FieldSchema {
                    key: (*k).into(),
                    label: label_for(k),
                    help: None,
                    required: false,
                    widget: None,
                    expects: None,
                    choices_from_settings: false,
                    present: 2,
                    of: 2,
                    source: Source::Inferred,
                    shape: Shape::default(),
                })
                .collect(),
        };
        apply_settings(&mut schema, &settings[0]);
        let keys: Vec<&str> = schema.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, vec!["b", "new", "a"]);
        assert_eq!(schema.label, "Stuff");
        assert!(schema.fields[0].required);
        assert_eq!(schema.fields[1].expects, Some(Kind::Date));
        assert_eq!(schema.fields[1].present, 0);
    }
}
