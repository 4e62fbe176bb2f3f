//! Problems that stop a page from being read: not UTF-8, malformed front matter,
//! duplicate keys. Always errors.

use super::{Problem, ProblemCode, Severity};
use crate::document::Document;
use crate::frontmatter::FrontMatterError;
use crate::words::Say;

/// The engine's messages start with "Line N:" (or "Line N, column M:"); `galley check`
/// prints the position in front, so the problem keeps only the words.
fn without_position(message: &str) -> &str {
    if let Some(rest) = message.strip_prefix("Line ") {
        if let Some((_, words)) = rest.split_once(": ") {
            return words;
        }
    }
    message
}

/// "What is wrong. What to do." → ("What is wrong.", "What to do.").
fn split_hint(text: &str) -> (String, String) {
    let mut message = text.to_owned();
    let mut hint = String::new();
    if let Some(i) = text.find(". ") {
        message = text[..=i].to_owned();
        hint = text[i + 2..].to_owned();
    }
    if let Some(first) = message.get(..1) {
        message = first.to_uppercase() + &message[1..];
    }
    (message, hint)
}

/// A problem from the engine's [`FrontMatterError`], with its line moved by `line_shift`
/// (for YAML files read through a wrapper, such as `_config.yml`).
pub fn config_problem(path: &str, error: &FrontMatterError, line_shift: isize) -> Problem {
    let (line, column) = error.location();
    let shift = |l: usize| (l as isize + line_shift).max(1) as usize;
    let text = match error {
        FrontMatterError::DuplicateKey { key, first_line, .. } => format!(
            "The field \"{key}\" appears twice (first on line {}). Keep only one of them; generators silently use one and ignore the other.",
            shift(*first_line)
        ),
        other => without_position(&other.to_string()).to_owned(),
    };
    let (message, mut hint) = split_hint(&text);
    if hint.is_empty() {
        hint = "Compare this line with the lines around it.".to_owned();
    }
    let (words, hint_words) = error.words(shift);
    Problem {
        path: path.to_owned(),
        line: shift(line),
        column,
        severity: Severity::Error,
        code: match error {
            FrontMatterError::DuplicateKey { .. } => ProblemCode::DuplicateKey,
            _ => ProblemCode::Malformed,
        },
        field: match error {
            FrontMatterError::DuplicateKey { key, .. } => Some(key.clone()),
            _ => None,
        },
        message,
        hint,
        words,
        hint_words,
    }
}

/// The problems of a parsed page that do not depend on the rest of the site.
pub fn read_problems(path: &str, doc: &Document) -> Vec<Problem> {
    match doc.fields() {
        Ok(_) => Vec::new(),
        Err(error) => vec![config_problem(path, error, 0)],
    }
}

/// The error for a file that is not UTF-8, pointing at the first bad byte.
pub fn not_utf8_problem(path: &str, bytes: &[u8]) -> Problem {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let (line, column, what, words) = if utf16 {
        (
            1,
            1,
            "it is UTF-16 text".to_owned(),
            Say::NotUtf8Utf16.words(),
        )
    } else {
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        let before = &bytes[..valid];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        (
            line,
            column,
            "it has a character that is not UTF-8 here (perhaps Latin-1 or Windows-1252)"
                .to_owned(),
            Say::NotUtf8Byte.words(),
        )
    };
    Problem {
        path: path.to_owned(),
        line,
        column,
        severity: Severity::Error,
        code: ProblemCode::NotUtf8,
        field: None,
        message: format!("This file is not UTF-8 text: {what}."),
        hint:
            "Open it in a text editor and save it as UTF-8; Galley will not change it until then."
                .to_owned(),
        words,
        hint_words: Say::HintSaveAsUtf8.words(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_prefix_is_removed_and_hint_split() {
        let e = FrontMatterError::TabIndentation { line: 3, column: 1 };
        let p = config_problem("a.md", &e, 0);
        assert_eq!(p.line, 3);
        assert_eq!(p.message, "This line is indented with a tab.");
        assert_eq!(p.hint, "Indent with spaces instead.");
    }

    #[test]
    fn bad_byte_is_located() {
        let p = not_utf8_problem("a.md", b"---\ntitle: caf\xe9\n---\n");
        assert_eq!((p.line, p.column), (2, 11));
        assert_eq!(not_utf8_problem("a.md", b"\xff\xfe-\0").line, 1);
    }
}
