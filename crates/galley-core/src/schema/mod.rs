//! What the fields of a collection look like, so the UI can build a form and
//! validation can tell an odd value from a normal one.
//!
//! A schema is *inferred* from the collection's pages — for each field, which kinds
//! of value it holds and in how many pages — and then *overridden* by what the site
//! says about itself: a Decap/Sveltia CMS `admin/config.yml` if there is one, then a
//! `.galley.yml` at the site root (see [`settings`]). Unions are kept as they are
//! (`start` is a year in one page and a date in nine): the form can offer both, and
//! only a rare kind next to a common, incompatible one is flagged by validation.
//!
//! Everything here is serialisable for the UI; nothing here reads files except
//! [`settings`], which reads the two settings files.

mod infer;
pub(crate) mod kind;
pub mod settings;

pub use infer::infer;
pub use kind::Kind;
pub use settings::{apply_settings, CollectionSettings, FieldSettings, SchemaSettings};

use serde::Serialize;

/// How often one kind of value occurs in a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: Kind,
    /// In how many values.
    pub count: usize,
}

/// For image and file fields: how many referenced files exist in the site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileCounts {
    /// References that point at a file in the site.
    pub found: usize,
    /// References to files that are not there.
    pub missing: usize,
    /// Web addresses and other references outside the site, which are not checked.
    pub external: usize,
}

/// What the values of one field (or the items of a list) look like.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Shape {
    /// Every kind seen, most common first; more than one is a union.
    pub kinds: Vec<KindCount>,
    /// A short list of allowed texts when the values repeat a few choices (or the
    /// settings give them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
    /// For image/file fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<FileCounts>,
    /// For groups of fields: their fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldSchema>,
    /// For lists: what the items look like.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Shape>>,
}

impl Shape {
    /// Number of values that are not empty.
    pub fn non_null_count(&self) -> usize {
        self.kinds
            .iter()
            .filter(|k| k.kind != Kind::Null)
            .map(|k| k.count)
            .sum()
    }

    /// Number of non-empty values whose kind is interchangeable with `kind`.
    pub fn count_compatible(&self, kind: Kind) -> usize {
        self.kinds
            .iter()
            .filter(|k| k.kind != Kind::Null && k.kind.compatible(kind))
            .map(|k| k.count)
            .sum()
    }

    /// The most common non-empty kind and how many values are interchangeable with it.
    pub fn dominant(&self) -> Option<(Kind, usize)> {
        let top = self.kinds.iter().find(|k| k.kind != Kind::Null)?;
        Some((top.kind, self.count_compatible(top.kind)))
    }
}

/// Where a field's description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Only from the pages.
    Inferred,
    /// From a Decap/Sveltia CMS `admin/config.yml`.
    Decap,
    /// From the site's `.galley.yml`.
    Galley,
}

/// One field of a collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldSchema {
    /// The field name as in the front matter.
    pub key: String,
    /// The label the form shows.
    pub label: String,
    /// A sentence of help under the input, if the settings give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Whether the settings require it.
    pub required: bool,
    /// The input to use, if the settings name one (Decap widget names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widget: Option<String>,
    /// The kind the settings require, if any; overrides what the pages suggest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expects: Option<Kind>,
    /// Whether `shape.choices` comes from the settings (so other values are warned
    /// about) rather than from the values seen.
    pub choices_from_settings: bool,
    /// In how many pages (or enclosing groups) the field is present…
    pub present: usize,
    /// …out of how many.
    pub of: usize,
    /// Where this description comes from.
    pub source: Source,
    /// What its values look like.
    #[serde(flatten)]
    pub shape: Shape,
}

/// The schema of one collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectionSchema {
    /// The collection id (`engagements`).
    pub collection: String,
    /// Its label ("Engagements"), possibly from the settings.
    pub label: String,
    /// Pages the schema was inferred from.
    pub page_count: usize,
    /// Pages whose front matter could not be read and so were left out.
    pub unreadable: usize,
    /// Fields in form order: those the settings name first, in their order, then the
    /// rest in the order pages usually have them.
    pub fields: Vec<FieldSchema>,
}

impl CollectionSchema {
    /// A top-level field by name.
    pub fn field(&self, key: &str) -> Option<&FieldSchema> {
        self.fields.iter().find(|f| f.key == key)
    }
}
