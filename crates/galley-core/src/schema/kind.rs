//! What a value *is* for a form: more precise than the YAML type (a whole number
//! between 1000 and 2999 is a year, a text starting with `https://` is a web address),
//! so the form can offer the right input and validation can compare like with like.

use crate::frontmatter::Value;
use serde::{Deserialize, Serialize};

/// The kind of a front matter value, as a form would present it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Empty (`key:`).
    Null,
    /// yes/no.
    Bool,
    /// A whole number that is not a plausible year.
    Int,
    /// A whole number from 1000 to 2999 (`start: 2017`).
    Year,
    /// A number with a fractional part.
    Float,
    /// A calendar date.
    Date,
    /// A date with a time.
    DateTime,
    /// Any other text.
    Text,
    /// A web address (`http://`, `https://`).
    Url,
    /// An e-mail address (or `mailto:` link).
    Email,
    /// A path to an image file (`.png`, `.jpg`, `.svg`, …).
    Image,
    /// A path to another file (`.pdf`, `.zip`, `/docs/x.html`, …).
    File,
    /// A list.
    List,
    /// A group of named fields.
    Object,
}

/// Endings of files an `<img>` can show.
pub(crate) const IMAGE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff",
];

/// Endings of documents and data commonly linked from front matter.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "zip", "csv", "tsv", "json", "xlsx", "xls", "docx", "doc", "pptx", "ppt", "txt", "gz",
    "tar", "mp4", "webm", "mp3", "odt", "ods", "odp",
];

impl Kind {
    /// Classifies one value.
    pub fn of(value: &Value) -> Kind {
        match value {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Int(i) if (1000..=2999).contains(i) => Kind::Year,
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
            Value::Date(_) => Kind::Date,
            Value::DateTime(_) => Kind::DateTime,
            Value::String(s) => text_kind(s),
            Value::List(_) => Kind::List,
            Value::Map(_) => Kind::Object,
        }
    }

    /// In words, for messages ("a whole number").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "empty value",
            Kind::Bool => "yes/no",
            Kind::Int => "whole number",
            Kind::Year => "year",
            Kind::Float => "number",
            Kind::Date => "date",
            Kind::DateTime => "date and time",
            Kind::Text => "text",
            Kind::Url => "web address",
            Kind::Email => "e-mail address",
            Kind::Image => "image",
            Kind::File => "file",
            Kind::List => "list",
            Kind::Object => "group of fields",
        }
    }

    /// [`Kind::name`] with "a"/"an".
    pub fn with_article(self) -> String {
        let name = self.name();
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {name}")
    }

    /// The families a kind belongs to; two kinds are interchangeable when they share one.
    /// A year is both a number and a date, so `start: 2017` next to `start: 2018-05-01`
    /// is a union the form offers, not a mistake.
    fn families(self) -> &'static [u8] {
        const BOOL: u8 = 1;
        const NUMBER: u8 = 2;
        const TIME: u8 = 3;
        const TEXT: u8 = 4;
        const LIST: u8 = 5;
        const OBJECT: u8 = 6;
        match self {
            Kind::Null => &[],
            Kind::Bool => &[BOOL],
            Kind::Int | Kind::Float => &[NUMBER],
            Kind::Year => &[NUMBER, TIME],
            Kind::Date | Kind::DateTime => &[TIME],
            Kind::Text | Kind::Url | Kind::Email | Kind::Image | Kind::File => &[TEXT],
            Kind::List => &[LIST],
            Kind::Object => &[OBJECT],
        }
    }

    /// Whether a value of kind `self` is acceptable where `other` is expected. An empty
    /// value is acceptable anywhere.
    pub fn compatible(self, other: Kind) -> bool {
        self == Kind::Null
            || other == Kind::Null
            || self.families().iter().any(|f| other.families().contains(f))
    }

    /// The kind a Decap/Sveltia (or `.galley.yml`) widget edits, if it is that specific.
    pub fn from_widget(widget: &str, value_type: Option<&str>) -> Option<Kind> {
        Some(match widget {
            "string" | "text" | "markdown" => Kind::Text,
            "number" => match value_type {
                Some("float") => Kind::Float,
                _ => Kind::Int,
            },
            "boolean" => Kind::Bool,
            "date" => Kind::Date,
            "datetime" => Kind::DateTime,
            "image" => Kind::Image,
            "file" => Kind::File,
            "list" => Kind::List,
            "object" => Kind::Object,
            "url" => Kind::Url,
            "email" => Kind::Email,
            _ => return None,
        })
    }
}

/// The kind of a text value, by its shape.
fn text_kind(s: &str) -> Kind {
    let t = s.trim();
    if t.is_empty() || t.contains('\n') || t.len() > 2048 {
        return Kind::Text;
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Kind::Url;
    }
    if lower.starts_with("mailto:") || looks_like_email(t) {
        return Kind::Email;
    }
    if looks_like_date_time(t) {
        return Kind::DateTime;
    }
    if t.contains(char::is_whitespace) && !t.starts_with('/') {
        return Kind::Text;
    }
    let path = t.split(['?', '#']).next().unwrap_or(t);
    let ext = path
        .rsplit_once('.')
        .map(|(stem, ext)| (stem, ext.to_ascii_lowercase()));
    match ext {
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.contains('/')
                && IMAGE_EXTENSIONS.contains(&ext.as_str()) =>
        {
            Kind::Image
        }
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.contains('/')
                && FILE_EXTENSIONS.contains(&ext.as_str()) =>
        {
            Kind::File
        }
        _ => Kind::Text,
    }
}

/// A date with a time that the YAML reader leaves as text: quoted, or without
/// seconds (`2025-02-01 10:30 +0100`). Jekyll and Hugo read such a `date` as a
/// date and time all the same, so the form offers its date-and-time control. A
/// date alone stays text: a quoted date is a known slip the checks explain
/// ("remove the quotes"), which a date-time without seconds is not.
pub(crate) fn looks_like_date_time(t: &str) -> bool {
    let Some((date, rest)) = t.split_once(['T', 't', ' ']) else {
        return false;
    };
    let mut parts = date.splitn(3, '-');
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    let date_ok = matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(y), Some(m), Some(d)) if digits(y, 4, 4) && digits(m, 1, 2) && digits(d, 1, 2)
    );
    let rest = rest.trim_start_matches(' ');
    let time_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    let (hms, fraction) = match time.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (time, None),
    };
    let hms: Vec<&str> = hms.split(':').collect();
    let time_ok = (2..=3).contains(&hms.len())
        && digits(hms[0], 1, 2)
        && hms[1..].iter().all(|p| digits(p, 2, 2))
        && fraction.is_none_or(|f| hms.len() == 3 && digits(f, 1, 9));
    let zone = zone.trim_start_matches(' ');
    let zone_ok = zone.is_empty()
        || zone.eq_ignore_ascii_case("z")
        || zone.strip_prefix(['+', '-']).is_some_and(|z| {
            let z = z.replace(':', "");
            digits(&z, 1, 4)
        });
    date_ok && time_ok && zone_ok
}

/// `name@host.tld` with no spaces; not a full RFC 5322 check, just the shape people type.
fn looks_like_email(t: &str) -> bool {
    let Some((local, domain)) = t.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !t.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        let text = |s: &str| Kind::of(&Value::String(s.into()));
        assert_eq!(Kind::of(&Value::Int(2017)), Kind::Year);
        assert_eq!(Kind::of(&Value::Int(3)), Kind::Int);
        assert_eq!(text("https://aida.se/x"), Kind::Url);
        assert_eq!(text("a.b@c.se"), Kind::Email);
        assert_eq!(text("mailto:x@y.se"), Kind::Email);
        assert_eq!(text("/assets/icons/aida.png"), Kind::Image);
        assert_eq!(text("cover.JPG"), Kind::Image);
        assert_eq!(text("/docs/report.pdf"), Kind::File);
        assert_eq!(text("Hello there. Next.png"), Kind::Text);
        assert_eq!(text("v1.2"), Kind::Text);
        assert_eq!(text("2025-02-01 10:30 +0100"), Kind::DateTime);
        assert_eq!(text("2025-02-01T10:30:00.25Z"), Kind::DateTime);
        assert_eq!(text("2025-2-1 9:05"), Kind::DateTime);
        assert_eq!(
            text("2022-09-12"),
            Kind::Text,
            "a quoted date stays a slip to explain"
        );
        assert_eq!(text("2025-02-01 at noon"), Kind::Text);
        assert_eq!(text("2025-02-01 10:30 and more"), Kind::Text);
    }

    #[test]
    fn unions() {
        assert!(Kind::Year.compatible(Kind::Date));
        assert!(Kind::Year.compatible(Kind::Int));
        assert!(!Kind::Int.compatible(Kind::Date));
        assert!(!Kind::Text.compatible(Kind::Int));
        assert!(Kind::Url.compatible(Kind::Text));
        assert!(Kind::Null.compatible(Kind::List));
    }
}
