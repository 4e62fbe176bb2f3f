//! What changed in a page, in words an editor reads: front matter as field
//! changes ("End: empty → 2026"), the body as a word-level diff.
//!
//! The review screen, the CLI's `diff` and the suggested commit message all
//! come from here, so they always agree.

use crate::document::Document;
use crate::frontmatter::{Dialect, Value};
use crate::words::{Say, Words};
use serde::Serialize;

/// How a field changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldChangeKind {
    /// Present only after.
    Added,
    /// Present only before.
    Removed,
    /// Present on both sides with different values.
    Changed,
}

/// One field that differs, with both sides as an editor reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// Field path, e.g. `end` or `contact.email`.
    pub key: String,
    /// Human label, e.g. "End" or "Contact › Email".
    pub label: String,
    /// What kind of change.
    pub kind: FieldChangeKind,
    /// The value before, as shown in the form ("" when empty).
    pub before: String,
    /// The value after.
    pub after: String,
}

impl FieldChange {
    /// "End: empty → 2026".
    pub fn sentence(&self) -> String {
        let show = |s: &str| {
            if s.is_empty() {
                "empty".to_owned()
            } else {
                s.to_owned()
            }
        };
        match self.kind {
            FieldChangeKind::Added => format!("{}: added, {}", self.label, show(&self.after)),
            FieldChangeKind::Removed => {
                format!("{}: removed (was {})", self.label, show(&self.before))
            }
            FieldChangeKind::Changed => format!(
                "{}: {} → {}",
                self.label,
                show(&self.before),
                show(&self.after)
            ),
        }
    }
}

/// A run of body text in a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum BodyPiece {
    /// Unchanged text.
    Same(String),
    /// Text only in the new version.
    Added(String),
    /// Text only in the old version.
    Removed(String),
}

/// The whole review of one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageReview {
    /// Field changes in the order of the new file (removed fields last).
    pub fields: Vec<FieldChange>,
    /// Word-level body diff; empty when the body did not change.
    pub body: Vec<BodyPiece>,
    /// Why the front matter could not be compared (broken on one side).
    pub problem: Option<String>,
    /// `problem` as a code and values, for the UI's own words.
    pub problem_words: Option<Words>,
}

impl PageReview {
    /// Whether the body differs.
    pub fn body_changed(&self) -> bool {
        self.body.iter().any(|p| !matches!(p, BodyPiece::Same(_)))
    }
}

/// One changed file of the site, reviewed.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeReview<K> {
    /// Site-relative path.
    pub path: String,
    /// The page's title (new version, else old), or the path for other files.
    pub title: String,
    /// How the file changed, as the caller (git) names it.
    pub change: K,
    /// Field and body changes, for pages; `None` for images and other files.
    pub review: Option<PageReview>,
}

/// Whether a path is a page Galley reviews field by field.
fn is_page(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".md", ".markdown", ".mdown", ".mkd", ".html"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Reviews every changed file. `old_version` gives a file's last recorded
/// bytes (from git) — passed in, so the core stays free of git.
pub fn review_changes<K: Clone>(
    root: &std::path::Path,
    dialect: Dialect,
    changes: &[(String, K)],
    old_version: impl Fn(&str) -> Option<Vec<u8>>,
) -> Vec<ChangeReview<K>> {
    changes
        .iter()
        .map(|(path, change)| {
            let now = crate::paths::resolve_in_root(root, path)
                .ok()
                .and_then(|p| std::fs::read(p).ok());
            let before = old_version(path);
            let title_source = now.as_deref().or(before.as_deref());
            let (title, review) = match title_source {
                Some(bytes) if is_page(path) => (
                    crate::site::page_title(path, bytes, dialect),
                    Some(review_page(before.as_deref(), now.as_deref(), dialect)),
                ),
                _ => (path.clone(), None),
            };
            ChangeReview {
                path: path.clone(),
                title,
                change: change.clone(),
                review,
            }
        })
        .collect()
}

/// Label for a field path: "dateCreated" → "Date created", nested parts joined with "›".
pub fn label_for_path(path: &str) -> String {
    path.split('.')
        .map(label_for_key)
        .collect::<Vec<_>>()
        .join(" › ")
}

fn label_for_key(key: &str) -> String {
    let key = key.trim_matches('"').trim_start_matches('@');
    let mut words = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' {
            words.push(' ');
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            words.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        words.extend(c.to_lowercase());
    }
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => key.to_owned(),
    }
}

/// The text an editor sees for a value; yes/no for booleans.
fn shown(value: &Value) -> String {
    match value {
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        other => other.display_text(),
    }
}

/// Compares two maps recursively; lists and scalars compare as wholes.
fn diff_fields(
    prefix: &str,
    before: &[(String, Value)],
    after: &[(String, Value)],
    out: &mut Vec<FieldChange>,
) {
    let path = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        }
    };
    for (key, new) in after {
        let key_path = path(key);
        match before.iter().find(|(k, _)| k == key) {
            None => out.push(change(
                &key_path,
                FieldChangeKind::Added,
                String::new(),
                shown(new),
            )),
            Some((_, old)) if old.same_as(new) => {}
            Some((_, Value::Map(old))) if matches!(new, Value::Map(_)) => {
                if let Value::Map(new) = new {
                    diff_fields(&key_path, old, new, out);
                }
            }
            Some((_, old)) => out.push(change(
                &key_path,
                FieldChangeKind::Changed,
                shown(old),
                shown(new),
            )),
        }
    }
    for (key, old) in before {
        if !after.iter().any(|(k, _)| k == key) {
            out.push(change(
                &path(key),
                FieldChangeKind::Removed,
                shown(old),
                String::new(),
            ));
        }
    }
}

fn change(key: &str, kind: FieldChangeKind, before: String, after: String) -> FieldChange {
    FieldChange {
        key: key.to_owned(),
        label: label_for_path(key),
        kind,
        before,
        after,
    }
}

fn fields_of(doc: &Option<Document>) -> Result<Vec<(String, Value)>, (String, Words)> {
    match doc {
        None => Ok(Vec::new()),
        Some(doc) => match doc.fields() {
            Ok(Value::Map(entries)) => Ok(entries.clone()),
            Ok(_) => Ok(Vec::new()),
            Err(e) => Err((
                e.to_string(),
                Say::ReviewUnreadable.words().with("line", e.line()),
            )),
        },
    }
}

/// Reviews a page between two versions; `None` means the page does not exist
/// on that side (new or deleted). Line endings do not count as changes.
pub fn review_page(before: Option<&[u8]>, after: Option<&[u8]>, dialect: Dialect) -> PageReview {
    let parse = |bytes: Option<&[u8]>| bytes.and_then(|b| Document::parse(b, dialect).ok());
    let (old, new) = (parse(before), parse(after));
    let mut fields = Vec::new();
    let (problem, problem_words) = match (fields_of(&old), fields_of(&new)) {
        (Ok(a), Ok(b)) => {
            diff_fields("", &a, &b, &mut fields);
            (None, None)
        }
        (Err((e, words)), _) | (_, Err((e, words))) => (Some(e), Some(words)),
    };
    let body_of = |doc: &Option<Document>| {
        doc.as_ref()
            .map(|d| d.body().replace("\r\n", "\n"))
            .unwrap_or_default()
    };
    let (old_body, new_body) = (body_of(&old), body_of(&new));
    let body = if old_body == new_body {
        Vec::new()
    } else {
        word_diff(&old_body, &new_body)
    };
    PageReview {
        fields,
        body,
        problem,
        problem_words,
    }
}

/// Word-level diff, with neighbouring pieces of the same kind joined.
pub fn word_diff(old: &str, new: &str) -> Vec<BodyPiece> {
    let diff = similar::TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_words(old, new);
    let mut pieces: Vec<BodyPiece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        let piece = match change.tag() {
            similar::ChangeTag::Equal => BodyPiece::Same(text.to_owned()),
            similar::ChangeTag::Insert => BodyPiece::Added(text.to_owned()),
            similar::ChangeTag::Delete => BodyPiece::Removed(text.to_owned()),
        };
        match (pieces.last_mut(), &piece) {
            (Some(BodyPiece::Same(a)), BodyPiece::Same(b))
            | (Some(BodyPiece::Added(a)), BodyPiece::Added(b))
            | (Some(BodyPiece::Removed(a)), BodyPiece::Removed(b)) => a.push_str(b),
            _ => pieces.push(piece),
        }
    }
    pieces
}

/// A commit message suggested from the changes: "Update AIDA: end, title" for
/// one page, "Update 3 pages" for several.
pub fn suggest_message(pages: &[(String, PageReview)]) -> String {
    match pages {
        [] => String::new(),
        [(title, review)] => {
            let mut what: Vec<String> = review
                .fields
                .iter()
                .map(|f| f.label.to_lowercase())
                .collect();
            if review.body_changed() {
                what.push("text".to_owned());
            }
            if what.is_empty() {
                format!("Update {title}")
            } else {
                format!("Update {title}: {}", what.join(", "))
            }
        }
        many => format!("Update {} pages", many.len()),
    }
}

/// [`suggest_message`] as a code and values, so the UI can suggest the message
/// in the editor's language (it becomes the commit message as shown).
pub fn suggest_words(pages: &[(String, PageReview)]) -> Option<Words> {
    match pages {
        [] => None,
        [(title, review)] => {
            let fields: Vec<String> = review
                .fields
                .iter()
                .map(|f| f.label.to_lowercase())
                .collect();
            let say = match (fields.is_empty(), review.body_changed()) {
                (true, false) => Say::SuggestPage,
                (false, false) => Say::SuggestFields,
                (true, true) => Say::SuggestText,
                (false, true) => Say::SuggestFieldsAndText,
            };
            let mut words = say.words().with("title", title);
            if !fields.is_empty() {
                words = words.with("fields", fields.join(", "));
            }
            Some(words)
        }
        many => Some(Say::SuggestPages.words().with("count", many.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEFORE: &str = "---\ntitle: AIDA\nongoing: yes\nend:\ncontact:\n  email: a@x.se\n  phone: 1\nold: gone\n---\nAIDA is an arena for AI.\n";
    const AFTER: &str = "---\r\ntitle: AIDA\r\nongoing: no\r\nend: 2026\r\ncontact:\r\n  email: b@x.se\r\n  phone: 1\r\nlogo: /assets/a.png\r\n---\r\nAIDA is a Swedish arena for AI.\r\n";

    #[test]
    fn field_changes_in_words() {
        let review = review_page(
            Some(BEFORE.as_bytes()),
            Some(AFTER.as_bytes()),
            Dialect::Yaml11,
        );
        let sentences: Vec<String> = review.fields.iter().map(FieldChange::sentence).collect();
        assert_eq!(
            sentences,
            vec![
                "Ongoing: yes → no",
                "End: empty → 2026",
                "Contact › Email: a@x.se → b@x.se",
                "Logo: added, /assets/a.png",
                "Old: removed (was gone)",
            ]
        );
        assert_eq!(
            review.body,
            vec![
                BodyPiece::Same("AIDA is ".into()),
                BodyPiece::Removed("an".into()),
                BodyPiece::Added("a Swedish".into()),
                BodyPiece::Same(" arena for AI.\n".into()),
            ]
        );
        assert_eq!(
            suggest_message(&[("AIDA".into(), review)]),
            "Update AIDA: ongoing, end, contact › email, logo, old, text"
        );
    }

    #[test]
    fn line_endings_alone_are_no_change() {
        let crlf = BEFORE.replace('\n', "\r\n");
        let review = review_page(
            Some(BEFORE.as_bytes()),
            Some(crlf.as_bytes()),
            Dialect::Yaml11,
        );
        assert!(review.fields.is_empty() && !review.body_changed());
    }

    #[test]
    fn new_and_deleted_pages() {
        let new = review_page(None, Some(BEFORE.as_bytes()), Dialect::Yaml11);
        assert!(new.fields.iter().all(|f| f.kind == FieldChangeKind::Added));
        assert!(new.body_changed());
        let gone = review_page(Some(BEFORE.as_bytes()), None, Dialect::Yaml11);
        assert!(gone
            .fields
            .iter()
            .all(|f| f.kind == FieldChangeKind::Removed));
    }

    #[test]
    fn broken_front_matter_is_reported_not_compared() {
        let broken = "---\ntitle: \"open\n---\nx\n";
        let review = review_page(
            Some(BEFORE.as_bytes()),
            Some(broken.as_bytes()),
            Dialect::Yaml11,
        );
        assert!(review.problem.is_some());
        assert!(review.fields.is_empty());
    }

    #[test]
    fn reviews_changed_files_with_titles() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("_e")).expect("mkdir");
        std::fs::write(dir.path().join("_e/a.md"), AFTER).expect("write");
        std::fs::write(dir.path().join("logo.png"), [0u8, 1]).expect("write");
        let changes = vec![
            ("_e/a.md".to_owned(), "changed"),
            ("logo.png".to_owned(), "new"),
            ("_e/gone.md".to_owned(), "deleted"),
        ];
        let old = |path: &str| match path {
            "_e/a.md" => Some(BEFORE.as_bytes().to_vec()),
            "_e/gone.md" => Some(b"---\ntitle: Gone page\n---\n".to_vec()),
            _ => None,
        };
        let reviews = review_changes(dir.path(), Dialect::Yaml11, &changes, old);
        assert_eq!(reviews[0].title, "AIDA");
        assert_eq!(reviews[0].review.as_ref().map(|r| r.fields.len()), Some(5));
        assert_eq!(reviews[1].title, "logo.png");
        assert!(reviews[1].review.is_none());
        assert_eq!(reviews[2].title, "Gone page");
        assert!(reviews[2]
            .review
            .as_ref()
            .is_some_and(|r| r.fields.iter().all(|f| f.kind == FieldChangeKind::Removed)));
    }

    #[test]
    fn labels() {
        assert_eq!(label_for_path("dateCreated"), "Date created");
        assert_eq!(label_for_path("datacite.\"@id\""), "Datacite › Id");
        assert_eq!(label_for_path("end_year"), "End year");
        assert_eq!(suggest_message(&[]), "");
    }
}
