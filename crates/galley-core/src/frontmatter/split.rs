//! Cutting a page into BOM, fences, front matter and body without losing a byte.

use super::Format;

/// A page cut into consecutive pieces; concatenated they give back the input exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// `"\u{feff}"` when the file starts with a UTF-8 byte order mark, else empty.
    pub bom: &'a str,
    /// `None` when the page has no front matter (everything is body).
    pub format: Option<Format>,
    /// The opening fence line with its line ending (`---\r\n`), or empty.
    pub open: &'a str,
    /// The front matter text between the fences.
    pub front_matter: &'a str,
    /// The closing fence line with its line ending, if any; empty when unclosed.
    pub close: &'a str,
    /// Everything after the closing fence.
    pub body: &'a str,
    /// `false` when an opening fence has no closing fence.
    pub closed: bool,
}

/// The fence text of a line: the line without its ending and trailing blanks.
fn fence_text(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r', ' ', '\t'])
}

/// Whether a line (with or without its ending) would be read as a fence: `---`, `...`
/// or `+++`, optionally followed by blanks. Writers must never put such a line into
/// front matter, or the next read would end the front matter there.
pub(crate) fn is_fence_line(line: &str) -> bool {
    matches!(fence_text(line), "---" | "..." | "+++")
}

/// Whether any line of `text` would be read as a fence (see [`is_fence_line`]).
pub(crate) fn has_fence_line(text: &str) -> bool {
    text.split('\n').any(is_fence_line)
}

/// Splits a page. A fence is a line of only `---` (YAML; closed by `---` or `...`) or
/// `+++` (TOML), optionally followed by blanks, as Jekyll's and Hugo's readers accept.
pub fn split(text: &str) -> Split<'_> {
    let (bom, rest) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (&text[..3], rest),
        None => ("", text),
    };
    let no_front_matter = Split {
        bom,
        format: None,
        open: "",
        front_matter: "",
        close: "",
        body: rest,
        closed: true,
    };
    let Some(first_end) = rest.find('\n').map(|i| i + 1) else {
        return no_front_matter;
    };
    let open = &rest[..first_end];
    let (format, closers): (Format, &[&str]) = match fence_text(open) {
        "---" => (Format::Yaml, &["---", "..."]),
        "+++" => (Format::Toml, &["+++"]),
        _ => return no_front_matter,
    };
    let after = &rest[first_end..];
    let mut pos = 0;
    while pos < after.len() {
        let end = after[pos..].find('\n').map_or(after.len(), |i| pos + i + 1);
        let line = &after[pos..end];
        if closers.contains(&fence_text(line)) {
            return Split {
                bom,
                format: Some(format),
                open,
                front_matter: &after[..pos],
                close: line,
                body: &after[end..],
                closed: true,
            };
        }
        pos = end;
    }
    Split {
        bom,
        format: Some(format),
        open,
        front_matter: after,
        close: "",
        body: "",
        closed: false,
    }
}
