//! Addresses of fields inside front matter: `title`, `contact.email`,
//! `authors[0].name`, `datacite."@id"`.

use std::fmt;
use std::str::FromStr;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field of a group, by name.
    Key(String),
    /// An item of a list, 0-based.
    Index(usize),
}

/// The address of a field, from the top of the front matter down.
///
/// Written like `authors[0].name`; a name with dots, brackets, quotes, spaces or other
/// punctuation is put in double quotes (`datacite."@id"`), with `\"` and `\\` inside.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

/// Why a path string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// Nothing between two dots, or a trailing dot.
    #[error("The field name \"{0}\" has an empty part.")]
    EmptyPart(String),
    /// `[` without a number and `]`.
    #[error("The field name \"{0}\" has a list position that is not a number in [ ].")]
    BadIndex(String),
    /// A `"` without its partner.
    #[error("The field name \"{0}\" has a quote that is never closed.")]
    UnclosedQuote(String),
}

impl FieldPath {
    /// A path of a single top-level field, taken literally (no parsing of dots).
    pub fn key(name: impl Into<String>) -> Self {
        Self {
            segments: vec![Segment::Key(name.into())],
        }
    }

    /// Builds a path from its steps.
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Self { segments }
    }

    /// Reads a path such as `authors[0].name` or `datacite."@id"`.
    pub fn parse(text: &str) -> Result<Self, PathError> {
        let mut segments = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        let mut expect_key = true;
        while i < chars.len() {
            match chars[i] {
                '[' => {
                    let close = chars[i..]
                        .iter()
                        .position(|&c| c == ']')
                        .ok_or_else(|| PathError::BadIndex(text.to_owned()))?;
                    let digits: String = chars[i + 1..i + close].iter().collect();
                    let index = digits
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| PathError::BadIndex(text.to_owned()))?;
                    segments.push(Segment::Index(index));
                    i += close + 1;
                    expect_key = false;
                }
                '.' => {
                    if expect_key {
                        return Err(PathError::EmptyPart(text.to_owned()));
                    }
                    i += 1;
                    expect_key = true;
                    if i == chars.len() {
                        return Err(PathError::EmptyPart(text.to_owned()));
                    }
                }
                '"' => {
                    let mut key = String::new();
                    i += 1;
                    let mut closed = false;
                    while i < chars.len() {
                        match chars[i] {
                            '\\' if i + 1 < chars.len() => {
                                key.push(chars[i + 1]);
                                i += 2;
                            }
                            '"' => {
                                closed = true;
                                i += 1;
                                break;
                            }
                            c => {
                                key.push(c);
                                i += 1;
                            }
                        }
                    }
                    if !closed {
                        return Err(PathError::UnclosedQuote(text.to_owned()));
                    }
                    segments.push(Segment::Key(key));
                    expect_key = false;
                }
                _ => {
                    let start = i;
                    while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                        i += 1;
                    }
                    segments.push(Segment::Key(chars[start..i].iter().collect()));
                    expect_key = false;
                }
            }
        }
        if segments.is_empty() {
            return Err(PathError::EmptyPart(text.to_owned()));
        }
        Ok(Self { segments })
    }

    /// The steps of the path.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The path of the enclosing field, or `None` for a top-level field.
    pub fn parent(&self) -> Option<FieldPath> {
        if self.segments.is_empty() {
            return None;
        }
        Some(Self {
            segments: self.segments[..self.segments.len() - 1].to_vec(),
        })
    }

    /// The last step.
    pub fn last(&self) -> Option<&Segment> {
        self.segments.last()
    }

    /// This path with a field name added.
    pub fn child(&self, key: impl Into<String>) -> FieldPath {
        let mut segments = self.segments.clone();
        segments.push(Segment::Key(key.into()));
        Self { segments }
    }

    /// This path with a list position added.
    pub fn index(&self, index: usize) -> FieldPath {
        let mut segments = self.segments.clone();
        segments.push(Segment::Index(index));
        Self { segments }
    }

    /// Whether the path names nothing (the whole front matter).
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

impl FromStr for FieldPath {
    type Err = PathError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Names that would read back differently without quotes.
fn needs_quotes(key: &str) -> bool {
    key.is_empty()
        || key
            .chars()
            .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\' | '@') || c.is_whitespace())
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Key(key) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    if needs_quotes(key) {
                        f.write_str("\"")?;
                        for c in key.chars() {
                            if c == '"' || c == '\\' {
                                f.write_str("\\")?;
                            }
                            write!(f, "{c}")?;
                        }
                        f.write_str("\"")?;
                    } else {
                        f.write_str(key)?;
                    }
                }
            }
        }
        Ok(())
    }
}
