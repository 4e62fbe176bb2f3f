//! The live preview's memory of the text it rendered last.
//!
//! A keystroke on a 100 KB page changes a few bytes, but sending the whole
//! page to be rendered costs a copy through every process between the editor
//! and Rust while the webview is busy drawing that keystroke. So the preview
//! keeps the text here, and the editor sends only what changed: how much of the
//! text stays at the start and at the end, and what goes between. The keys of
//! the blocks last sent are kept too, so the answer holds only the blocks that
//! changed without the editor listing what it shows.
//!
//! Every render gets a revision number. An edit names the revision it was
//! made against; when that is not the one kept here (another render came in
//! between, or the app started afresh) the edit is refused and the editor sends
//! the whole text again, so the preview can never show a text the editor does
//! not hold.

use super::{preview_update, PreviewBlock, PreviewUpdate};

/// An edit of the kept text, in the editor's units (UTF-16 code units, as
/// JavaScript strings count): `keep_start` units stay at the start, `keep_end`
/// at the end, and `insert` replaces what was between.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TextEdit {
    /// The revision the edit was made against.
    pub base: u64,
    /// UTF-16 units kept at the start of the text.
    pub keep_start: usize,
    /// UTF-16 units kept at the end of the text.
    pub keep_end: usize,
    /// The new text between them.
    pub insert: String,
}

/// A render's answer: the update of the shown blocks, and the revision the
/// next edit is made against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SessionUpdate {
    /// The revision of the text this update shows.
    pub revision: u64,
    /// What changes in the shown blocks.
    #[serde(flatten)]
    pub update: PreviewUpdate,
}

/// The text last rendered for the preview, which page it is, and the keys of
/// the blocks the preview was sent.
#[derive(Debug, Default)]
pub struct PreviewSession {
    revision: u64,
    path: Option<String>,
    text: String,
    keys: Vec<u64>,
}

impl PreviewSession {
    /// Keeps a whole new text (a page opened, or an edit refused).
    pub fn replace(&mut self, path: Option<String>, text: String) {
        self.revision += 1;
        self.path = path;
        self.text = text;
    }

    /// Applies `edit` to the kept text of `path`. `false` (and nothing
    /// changed) when the edit was not made against the kept text: another
    /// page, another revision, or positions that do not fit the text.
    pub fn edit(&mut self, path: Option<&str>, edit: &TextEdit) -> bool {
        let rendered = self.revision > 0;
        if !rendered || self.revision != edit.base || self.path.as_deref() != path {
            return false;
        }
        let Some(start) = byte_at_utf16(&self.text, edit.keep_start) else {
            return false;
        };
        let Some(end) = byte_before_utf16_from_end(&self.text, edit.keep_end) else {
            return false;
        };
        if end < start {
            return false;
        }
        self.text.replace_range(start..end, &edit.insert);
        self.revision += 1;
        true
    }

    /// The kept text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The page the kept text is of.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The update from the blocks `shown` to `blocks`, the render of the kept
    /// text; its keys are kept for the next edit. Without `shown`, from the
    /// blocks this session sent last.
    pub fn answer(&mut self, shown: Option<&[u64]>, blocks: Vec<PreviewBlock>) -> SessionUpdate {
        let keys: Vec<u64> = blocks.iter().map(|b| b.key).collect();
        let update = preview_update(shown.unwrap_or(&self.keys), blocks);
        self.keys = keys;
        SessionUpdate {
            revision: self.revision,
            update,
        }
    }
}

/// The byte offset of the `units`-th UTF-16 unit of `text`, if it falls
/// between two characters.
fn byte_at_utf16(text: &str, units: usize) -> Option<usize> {
    let mut counted = 0;
    for (byte, c) in text.char_indices() {
        if counted == units {
            return Some(byte);
        }
        if counted > units {
            return None;
        }
        counted += c.len_utf16();
    }
    (counted == units).then_some(text.len())
}

/// The byte offset where the last `units` UTF-16 units of `text` begin, if it
/// falls between two characters.
fn byte_before_utf16_from_end(text: &str, units: usize) -> Option<usize> {
    let mut counted = 0;
    for (byte, c) in text.char_indices().rev() {
        if counted == units {
            return Some(byte + c.len_utf8());
        }
        if counted > units {
            return None;
        }
        counted += c.len_utf16();
    }
    (counted == units).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preview::{render_blocks, PageContext, RenderOptions};

    fn edit(base: u64, keep_start: usize, keep_end: usize, insert: &str) -> TextEdit {
        TextEdit {
            base,
            keep_start,
            keep_end,
            insert: insert.into(),
        }
    }

    fn session(text: &str) -> PreviewSession {
        let mut s = PreviewSession::default();
        s.replace(Some("a.md".into()), text.into());
        s
    }

    #[test]
    fn an_edit_replaces_what_is_between_the_kept_ends() {
        let mut s = session("Hello world");
        assert!(s.edit(Some("a.md"), &edit(1, 6, 0, "there")));
        assert_eq!(s.text(), "Hello there");
        assert!(s.edit(Some("a.md"), &edit(2, 5, 6, ",")));
        assert_eq!(s.text(), "Hello, there");
        assert!(s.edit(Some("a.md"), &edit(3, 0, 12, "Oh. ")));
        assert_eq!(s.text(), "Oh. Hello, there");
    }

    #[test]
    fn positions_count_utf16_units_like_the_editor() {
        // "å" is one unit, "😀" two (a surrogate pair), both several bytes.
        let mut s = session("så 😀 bra");
        assert!(s.edit(Some("a.md"), &edit(1, 5, 4, "🎉")));
        assert_eq!(s.text(), "så 😀🎉 bra");
        // Between the two halves of a pair fits no text: refused, unchanged.
        assert!(!s.edit(Some("a.md"), &edit(2, 4, 0, "x")));
        assert!(!s.edit(Some("a.md"), &edit(2, 0, 5, "x")));
        assert_eq!(s.text(), "så 😀🎉 bra");
    }

    #[test]
    fn an_edit_against_another_text_is_refused() {
        let mut s = session("abc");
        assert!(
            !s.edit(Some("a.md"), &edit(7, 1, 1, "x")),
            "an old revision"
        );
        assert!(!s.edit(Some("b.md"), &edit(1, 1, 1, "x")), "another page");
        assert!(!s.edit(None, &edit(1, 1, 1, "x")), "no page");
        assert!(!s.edit(Some("a.md"), &edit(1, 4, 0, "x")), "past the end");
        assert!(!s.edit(Some("a.md"), &edit(1, 2, 2, "x")), "ends overlap");
        assert_eq!(s.text(), "abc");
        assert!(s.edit(Some("a.md"), &edit(1, 1, 1, "x")));
        assert_eq!(s.text(), "axc");
    }

    #[test]
    fn a_fresh_session_takes_no_edit() {
        let mut s = PreviewSession::default();
        assert!(
            !s.edit(None, &edit(0, 0, 0, "x")),
            "nothing was rendered yet"
        );
    }

    #[test]
    fn answers_send_only_the_blocks_that_changed_since_the_last_answer() {
        let options = RenderOptions::default();
        let render = |text: &str| render_blocks(text, &options, &PageContext::default());
        let mut s = session("one\n\ntwo\n\nthree\n");
        let first = s.answer(Some(&[]), render(s.text()));
        assert_eq!(first.update.blocks.len(), 3);
        assert_eq!(first.revision, 1);
        assert!(s.edit(Some("a.md"), &edit(1, 7, 8, "O")));
        let second = s.answer(None, render(s.text()));
        assert_eq!(second.revision, 2);
        assert_eq!((second.update.keep_start, second.update.keep_end), (1, 1));
        assert_eq!(second.update.blocks.len(), 1);
        assert!(second.update.blocks[0].html.contains("twO"));
    }
}
