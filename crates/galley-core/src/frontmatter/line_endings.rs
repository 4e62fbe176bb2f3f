//! Keeping each line's ending (`\n` or `\r\n`) when text is rewritten.
//!
//! The browser editor hands back text with `\n` only. Writing that as-is would turn a
//! CRLF file into a diff of every line, so unchanged lines keep their old ending and new
//! lines take the file's dominant one.

/// A line ending style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
}

impl LineEnding {
    /// The characters of this ending.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// The ending most lines of `text` use; `\n` on a tie or when there is none.
pub fn dominant_line_ending(text: &str) -> LineEnding {
    let total = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    if crlf * 2 > total {
        LineEnding::CrLf
    } else {
        LineEnding::Lf
    }
}

/// A text cut into lines: contents (without endings) and the ending of each line.
struct Lines<'a> {
    contents: Vec<&'a str>,
    endings: Vec<&'a str>,
}

fn lines(text: &str) -> Lines<'_> {
    let mut contents = Vec::new();
    let mut endings = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        match text[pos..].find('\n') {
            Some(i) => {
                let end = pos + i;
                if end > pos && text.as_bytes()[end - 1] == b'\r' {
                    contents.push(&text[pos..end - 1]);
                    endings.push("\r\n");
                } else {
                    contents.push(&text[pos..end]);
                    endings.push("\n");
                }
                pos = end + 1;
            }
            None => {
                contents.push(&text[pos..]);
                endings.push("");
                pos = text.len();
            }
        }
    }
    Lines { contents, endings }
}

/// Rewrites `new` (any endings) so that lines equal to lines of `old` at the start and at
/// the end keep `old`'s endings, and every other line ends with `ending`. Whether the
/// last line ends with a newline follows `new`: the edited text is the truth for that.
pub fn merge_line_endings(old: &str, new: &str, ending: LineEnding) -> String {
    let old = lines(old);
    let new = lines(new);
    let (n_old, n_new) = (old.contents.len(), new.contents.len());
    let mut prefix = 0;
    while prefix < n_old.min(n_new) && old.contents[prefix] == new.contents[prefix] {
        prefix += 1;
    }
    let mut suffix = 0;
    while suffix < (n_old - prefix).min(n_new - prefix)
        && old.contents[n_old - 1 - suffix] == new.contents[n_new - 1 - suffix]
    {
        suffix += 1;
    }
    let mut out = String::with_capacity(old.contents.iter().map(|l| l.len() + 2).sum());
    for j in 0..n_new {
        out.push_str(new.contents[j]);
        if new.endings[j].is_empty() {
            continue;
        }
        let matched = if j < prefix {
            Some(j)
        } else if j >= n_new - suffix {
            Some(n_old - (n_new - j))
        } else {
            None
        };
        match matched.map(|k| old.endings[k]) {
            Some(e) if !e.is_empty() => out.push_str(e),
            _ => out.push_str(ending.as_str()),
        }
    }
    out
}
