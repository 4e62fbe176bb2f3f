//! Problems in a site's pages, each pointing at a file, line and column, in words an
//! editor understands, with a hint on what to do.
//!
//! Two kinds of checks live here. Those that need only the page's own text
//! ([`read_problems`]: not UTF-8, malformed front matter, duplicate keys) run while a
//! site is opened and are cached with the page. Those that compare a page with its
//! collection ([`check_page`]: a type that differs from the other pages, a missing
//! required field, a missing image, an impossible date, an end before its start) run
//! against the collection's [`crate::schema::CollectionSchema`], so they are computed
//! on demand and are always up to date with the rest of the site.
//!
//! Severity follows one rule: an **error** means the page cannot be read reliably
//! (readers may disagree about it); a **warning** means the site still builds but
//! something is probably not what the author meant.

mod dates;
pub(crate) use dates::MONTH_NAMES;
mod locate;
mod read;

pub use dates::{check_date_text, DateProblem, Moment};
pub use locate::{find as find_key, key_positions, KeyPosition};
pub use read::{config_problem, not_utf8_problem, read_problems};

use crate::frontmatter::{FieldPath, Value};
use crate::schema::{CollectionSchema, FieldSchema, Kind};
use crate::site::{Reference, Site};
use crate::words::{kind_code, Say, Words};
use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site still builds, but something is probably not what the author meant.
    Warning,
    /// The page cannot be read reliably; generators may disagree about it.
    Error,
}

impl Severity {
    /// `error` or `warning`, as printed by `galley check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What kind of problem it is, so the UI can act on some (e.g. offer "remove the
/// duplicate") without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The front matter is not valid YAML/TOML.
    Malformed,
    /// A field name appears twice in one group.
    DuplicateKey,
    /// The value's kind differs from what the collection expects.
    TypeMismatch,
    /// A field the site's settings require is missing or empty.
    MissingRequired,
    /// A referenced image or file is not in the site.
    MissingFile,
    /// A date that no calendar has (`2023-02-30`).
    ImpossibleDate,
    /// An end date before its start date.
    EndBeforeStart,
    /// A value that is not one of the choices the site's settings allow.
    NotAChoice,
    /// A problem in the site's own settings (`_config.yml`, `.galley.yml`, …).
    Config,
}

/// One problem, pointing into a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Site-relative path with `/` (for a single file outside a site: as given).
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in characters) in the line.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub code: ProblemCode,
    /// The field concerned, as a path (`contact.email`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// `message` as a code and values, for the UI's own words (see [`crate::words`]).
    pub words: Words,
    /// `hint` as a code and values.
    pub hint_words: Words,
}

impl Problem {
    /// The `path:line:col: severity: message hint` line `galley check` prints.
    pub fn to_line(&self, shown_path: &str) -> String {
        let mut line = format!(
            "{shown_path}:{}:{}: {}: {}",
            self.line,
            self.column,
            self.severity.as_str(),
            self.message
        );
        if !self.hint.is_empty() {
            line.push(' ');
            line.push_str(&self.hint);
        }
        line
    }

    /// The problem as `galley check --json` and `galley scan --json` print it:
    /// the UI's `words` left out, so the CLI's output stays what scripts expect.
    pub fn to_cli_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.remove("words");
            map.remove("hint_words");
        }
        value
    }
}

/// Everything [`check_page`] needs to know about one page.
pub struct PageInput<'a> {
    /// Site-relative path.
    pub path: &'a str,
    /// The page's fields (a map).
    pub fields: &'a Value,
    /// Where each field's key is in the file.
    pub positions: &'a [KeyPosition],
    /// 1-based line where the front matter starts (the line after the fence).
    pub front_matter_line: usize,
}

/// Names of date pairs checked for "end before start", as (start, end).
const DATE_PAIRS: &[(&str, &str)] = &[
    ("start", "end"),
    ("start_date", "end_date"),
    ("startDate", "endDate"),
    ("start-date", "end-date"),
    ("begin", "end"),
    ("from", "until"),
    ("date", "end_date"),
];

/// The collection-aware checks for one page's (readable) fields: type mismatches,
/// missing required fields, choices, missing images, impossible dates, end before start.
///
/// `schema` is the page's collection schema (from [`Site::schema`]); `resolve` tells
/// where an image or file reference from this page leads ([`Site::resolve_reference`]
/// for a page of a site). Read problems (malformed front matter) are not repeated here.
pub fn check_page(
    schema: Option<&CollectionSchema>,
    page: &PageInput<'_>,
    resolve: &dyn Fn(&str) -> Reference,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let ctx = Ctx {
        resolve,
        page,
        plural: schema.map_or_else(|| "pages".to_owned(), |s| s.label.to_lowercase()),
    };
    if let Value::Map(entries) = page.fields {
        let fields = schema.map(|s| s.fields.as_slice()).unwrap_or(&[]);
        ctx.check_map(&FieldPath::default(), entries, fields, &mut out);
        ctx.check_dates(&FieldPath::default(), page.fields, &mut out);
        ctx.check_pairs(page.fields, &mut out);
    }
    if let Some(p) = jekyll_post_date_problem(page.path) {
        out.push(p);
    }
    out.sort_by_key(|p| (p.line, p.column));
    out
}

struct Ctx<'a> {
    resolve: &'a dyn Fn(&str) -> Reference,
    page: &'a PageInput<'a>,
    plural: String,
}

impl Ctx<'_> {
    fn position(&self, path: &FieldPath) -> (usize, usize) {
        locate::find(self.page.positions, path)
            .map_or((self.page.front_matter_line.max(1), 1), |p| {
                (p.line, p.column)
            })
    }

    fn problem(
        &self,
        path: &FieldPath,
        code: ProblemCode,
        (message, words): (String, Words),
        (hint, hint_words): (String, Words),
    ) -> Problem {
        let (line, column) = self.position(path);
        Problem {
            path: self.page.path.to_owned(),
            line,
            column,
            severity: Severity::Warning,
            code,
            field: (!path.is_empty()).then(|| path.to_string()),
            message,
            hint,
            words,
            hint_words,
        }
    }

    fn check_map(
        &self,
        parent: &FieldPath,
        entries: &[(String, Value)],
        schema: &[FieldSchema],
        out: &mut Vec<Problem>,
    ) {
        for field in schema {
            if !field.required {
                continue;
            }
            let present = entries
                .iter()
                .find(|(k, _)| *k == field.key)
                .is_some_and(|(_, v)| !is_empty(v));
            if !present {
                let path = parent.child(field.key.clone());
                let mut p = self.problem(
                    &path,
                    ProblemCode::MissingRequired,
                    (
                        format!("{} is required but has no value.", field.label),
                        Say::MissingRequired.words().with("label", &field.label),
                    ),
                    (
                        format!("Add \"{}:\" with a value to the front matter.", field.key),
                        Say::HintAddField.words().with("key", &field.key),
                    ),
                );
                if locate::find(self.page.positions, &path).is_none() {
                    p.field = Some(path.to_string());
                }
                out.push(p);
            }
        }
        for (key, value) in entries {
            let path = parent.child(key.clone());
            let field = schema.iter().find(|f| f.key == *key);
            self.check_value(&path, key, value, field, out);
        }
    }

    fn check_value(
        &self,
        path: &FieldPath,
        key: &str,
        value: &Value,
        field: Option<&FieldSchema>,
        out: &mut Vec<Problem>,
    ) {
        let kind = Kind::of(value);
        if let Some(field) = field {
            if let Some(problem) = self.mismatch(path, key, value, kind, field) {
                out.push(problem);
            } else if let Some(problem) = self.not_a_choice(path, value, field) {
                out.push(problem);
            }
        }
        if matches!(kind, Kind::Image | Kind::File) {
            if let Value::String(reference) = value {
                if let Reference::Missing = (self.resolve)(reference) {
                    let (what, say) = if kind == Kind::Image {
                        ("image", Say::MissingImage)
                    } else {
                        ("file", Say::MissingFile)
                    };
                    out.push(self.problem(
                        path,
                        ProblemCode::MissingFile,
                        (
                            format!("The {what} \"{reference}\" is not in the site."),
                            say.words().with("reference", reference),
                        ),
                        check_file_hint(),
                    ));
                }
            }
        }
        match value {
            Value::Map(entries) => {
                let nested = field.map(|f| f.shape.fields.as_slice()).unwrap_or(&[]);
                self.check_map(path, entries, nested, out);
            }
            Value::List(items) => {
                let item_schema = field.and_then(|f| f.shape.items.as_deref());
                for (i, item) in items.iter().enumerate() {
                    let item_path = path.index(i);
                    if let (Value::Map(entries), Some(shape)) = (item, item_schema) {
                        self.check_map(&item_path, entries, &shape.fields, out);
                    } else if let Value::Map(entries) = item {
                        self.check_map(&item_path, entries, &[], out);
                    } else if matches!(Kind::of(item), Kind::Image | Kind::File) {
                        if let Value::String(reference) = item {
                            if let Reference::Missing = (self.resolve)(reference) {
                                out.push(self.problem(
                                    &item_path,
                                    ProblemCode::MissingFile,
                                    (
                                        format!("The file \"{reference}\" is not in the site."),
                                        Say::MissingFile.words().with("reference", reference),
                                    ),
                                    check_file_hint(),
                                ));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A value whose kind is rare in the collection while another kind is common,
    /// or that the site's settings say should be of another kind.
    fn mismatch(
        &self,
        path: &FieldPath,
        key: &str,
        value: &Value,
        kind: Kind,
        field: &FieldSchema,
    ) -> Option<Problem> {
        if kind == Kind::Null {
            return None;
        }
        let name = path.to_string();
        if let Some(expected) = field.expects {
            if kind.compatible(expected) {
                return None;
            }
            return Some(
                self.problem(
                    path,
                    ProblemCode::TypeMismatch,
                    (
                        format!(
                            "{name} should be {}, as the site's settings say, but it is {}.",
                            expected.with_article(),
                            kind.with_article()
                        ),
                        Say::TypeMismatchSettings
                            .words()
                            .with("field", &name)
                            .with("expected", kind_code(expected))
                            .with("found", kind_code(kind)),
                    ),
                    hint_for(key, value, expected),
                ),
            );
        }
        let (dominant, dominant_count) = field.shape.dominant()?;
        if kind.compatible(dominant) || dominant_count < 3 {
            return None;
        }
        let total = field.shape.non_null_count();
        let mine = field.shape.count_compatible(kind);
        if mine * 5 > total {
            // A real union (e.g. a year in some pages, a date in others): both are fine.
            return None;
        }
        let others = field.shape.count_compatible(dominant);
        Some(
            self.problem(
                path,
                ProblemCode::TypeMismatch,
                (
                    format!(
                        "{name} should be {}, as in the other {others} {}, but here it is {}.",
                        dominant.with_article(),
                        self.plural,
                        kind.with_article()
                    ),
                    Say::TypeMismatchOthers
                        .words()
                        .with("field", &name)
                        .with("expected", kind_code(dominant))
                        .with("count", others)
                        .with("collection", &self.plural)
                        .with("found", kind_code(kind)),
                ),
                hint_for(key, value, dominant),
            ),
        )
    }

    fn not_a_choice(
        &self,
        path: &FieldPath,
        value: &Value,
        field: &FieldSchema,
    ) -> Option<Problem> {
        if !field.choices_from_settings {
            return None;
        }
        let choices = field.shape.choices.as_ref()?;
        let text = match value {
            Value::String(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                value.display_text()
            }
            _ => return None,
        };
        if choices.contains(&text) {
            return None;
        }
        Some(
            self.problem(
                path,
                ProblemCode::NotAChoice,
                (
                    format!(
                        "{path} is \"{text}\", which is not one of the choices the site allows."
                    ),
                    Say::NotAChoice
                        .words()
                        .with("field", path)
                        .with("value", &text),
                ),
                (
                    format!("Use one of: {}.", choices.join(", ")),
                    Say::HintUseChoice
                        .words()
                        .with("choices", choices.join(", ")),
                ),
            ),
        )
    }

    fn check_dates(&self, path: &FieldPath, value: &Value, out: &mut Vec<Problem>) {
        match value {
            Value::String(text) => {
                if let Some(problem) = check_date_text(text) {
                    out.push(
                        self.problem(
                            path,
                            ProblemCode::ImpossibleDate,
                            (
                                format!("{path} is \"{text}\", {}.", problem.reason),
                                problem
                                    .words
                                    .clone()
                                    .with("field", path)
                                    .with("value", text),
                            ),
                            (
                                "Check the month and the day.".to_owned(),
                                Say::HintCheckDate.words(),
                            ),
                        ),
                    );
                }
            }
            Value::Map(entries) => {
                for (k, v) in entries {
                    self.check_dates(&path.child(k.clone()), v, out);
                }
            }
            Value::List(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.check_dates(&path.index(i), v, out);
                }
            }
            _ => {}
        }
    }

    fn check_pairs(&self, fields: &Value, out: &mut Vec<Problem>) {
        for (start_key, end_key) in DATE_PAIRS {
            let (Some(start), Some(end)) = (fields.get_key(start_key), fields.get_key(end_key))
            else {
                continue;
            };
            let (Some(s), Some(e)) = (Moment::of(start), Moment::of(end)) else {
                continue;
            };
            if e.before(&s) {
                out.push(
                    self.problem(
                        &FieldPath::key(*end_key),
                        ProblemCode::EndBeforeStart,
                        (
                            format!(
                                "{end_key} ({}) is before {start_key} ({}).",
                                end.display_text(),
                                start.display_text()
                            ),
                            Say::EndBeforeStart
                                .words()
                                .with("end_key", end_key)
                                .with("end", end.display_text())
                                .with("start_key", start_key)
                                .with("start", start.display_text()),
                        ),
                        (
                            format!(
                                "Check both dates; {end_key} should be on or after {start_key}."
                            ),
                            Say::HintCheckPair
                                .words()
                                .with("end_key", end_key)
                                .with("start_key", start_key),
                        ),
                    ),
                );
            }
        }
    }
}

/// Whether a value counts as "not filled in" for a required field.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::List(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        _ => false,
    }
}

/// The hint for a file or image that is not in the site.
fn check_file_hint() -> (String, Words) {
    (
        "Check the spelling and the folder, or add the file to the site.".to_owned(),
        Say::HintCheckFile.words(),
    )
}

/// What to do about a value of the wrong kind, as concretely as possible.
fn hint_for(key: &str, value: &Value, expected: Kind) -> (String, Words) {
    if let Value::String(text) = value {
        let t = text.trim();
        let looks_right = match expected {
            Kind::Int | Kind::Year => t.parse::<i64>().is_ok(),
            Kind::Float => t.parse::<f64>().is_ok(),
            Kind::Bool => matches!(t, "true" | "false" | "yes" | "no"),
            Kind::Date | Kind::DateTime => check_date_text(t).is_none() && t.len() >= 10,
            _ => false,
        };
        if looks_right {
            return (
                format!("Remove the quotes around the value: {key}: {t}"),
                Say::HintRemoveQuotes
                    .words()
                    .with("key", key)
                    .with("value", t),
            );
        }
    }
    (
        format!(
            "Change it to {} in the form, or fix the value in the text.",
            expected.with_article()
        ),
        Say::HintChangeKind
            .words()
            .with("expected", kind_code(expected)),
    )
}

/// A Jekyll post's file name carries its date (`2023-02-30-title.md`); an impossible
/// one makes Jekyll stop the build.
fn jekyll_post_date_problem(path: &str) -> Option<Problem> {
    let (folder, name) = path.rsplit_once('/')?;
    if !(folder == "_posts" || folder.ends_with("/_posts") || folder.contains("_posts/")) {
        return None;
    }
    let date = name.get(..10)?;
    let problem = check_date_text(date)?;
    Some(Problem {
        path: path.to_owned(),
        line: 1,
        column: 1,
        severity: Severity::Warning,
        code: ProblemCode::ImpossibleDate,
        field: None,
        message: format!("The date in the file name, \"{date}\", {}.", problem.reason),
        hint: "Rename the file with a real date (year-month-day).".to_owned(),
        words: Say::FileNameDate.words().with("value", date),
        hint_words: Say::HintRenamePost.words(),
    })
}

/// All collection-aware problems of every readable page, plus every read problem,
/// in page order. This is what `galley check SITE` reports.
pub fn check_site(site: &Site) -> Vec<Problem> {
    use rayon::prelude::*;
    let mut out: Vec<Problem> = site.config_problems().to_vec();
    let per_page: Vec<Vec<Problem>> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| site.problems_at(i))
        .collect();
    out.extend(per_page.into_iter().flatten());
    out
}
