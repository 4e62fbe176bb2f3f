//! Problems found in front matter, and reasons an edit is refused.
//!
//! Every message is written for someone who has never seen YAML's grammar: it says
//! where (line and column in the *file*, 1-based, so the editor can jump there) and
//! what to do about it.

use super::path::FieldPath;

/// Why the front matter of a page cannot be read.
///
/// Lines and columns count from 1 and refer to the whole file, not to the front matter,
/// so they match what the editor shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// A `"` or `'` without its partner; the most common hand-editing slip.
    #[error("Line {line}: a quote is opened but never closed. Add the closing {quote} at the end of the value.")]
    UnclosedQuote {
        /// Line of the opening quote.
        line: usize,
        /// Column of the opening quote.
        column: usize,
        /// The quote character that needs a partner.
        quote: char,
    },
    /// YAML forbids tabs for indentation; editors sometimes insert them.
    #[error("Line {line}: this line is indented with a tab. Indent with spaces instead.")]
    TabIndentation {
        /// Line holding the tab.
        line: usize,
        /// Column of the tab.
        column: usize,
    },
    /// A line is indented so it belongs to no field.
    #[error("Line {line}, column {column}: the indentation here does not match the lines above. Line it up with the field it belongs to.")]
    BadIndentation {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
    },
    /// The same field name twice in one group; generators silently keep one of them.
    #[error("Line {line}: the field \"{key}\" appears twice (first on line {first_line}). Keep only one of them.")]
    DuplicateKey {
        /// The repeated field name.
        key: String,
        /// Line of the first occurrence.
        first_line: usize,
        /// Line of the repeated occurrence.
        line: usize,
        /// Column of the repeated occurrence.
        column: usize,
    },
    /// The opening fence has no closing partner, so the generator sees no front matter.
    #[error("Line {line}: the front matter starts with {fence} but never ends. Add a line with only {fence} after the last field.")]
    Unclosed {
        /// Line of the opening fence.
        line: usize,
        /// The fence text (`---` or `+++`).
        fence: String,
    },
    /// The front matter is a list or a single value instead of `name: value` lines.
    #[error("Line {line}: the front matter must be a list of \"name: value\" lines, but here it is {found}.")]
    NotAMapping {
        /// Line where the content starts.
        line: usize,
        /// Column where the content starts.
        column: usize,
        /// What was found instead, in plain words.
        found: String,
    },
    /// A field name that is itself a list or group; no generator uses these in pages.
    #[error("Line {line}, column {column}: a field name must be a simple word or text, not a list or group.")]
    ComplexKey {
        /// Line of the key.
        line: usize,
        /// Column of the key.
        column: usize,
    },
    /// Any other syntax problem, with the parser's description translated where possible.
    #[error("Line {line}, column {column}: {message}")]
    Syntax {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong, in plain words.
        message: String,
    },
}

impl FrontMatterError {
    /// Where the problem is (line, column), for problem lists and scrolling.
    pub fn location(&self) -> (usize, usize) {
        match self {
            Self::UnclosedQuote { line, column, .. }
            | Self::TabIndentation { line, column }
            | Self::BadIndentation { line, column }
            | Self::DuplicateKey { line, column, .. }
            | Self::NotAMapping { line, column, .. }
            | Self::ComplexKey { line, column }
            | Self::Syntax { line, column, .. } => (*line, *column),
            Self::Unclosed { line, .. } => (*line, 1),
        }
    }

    /// The 1-based file line of the problem.
    pub fn line(&self) -> usize {
        self.location().0
    }
}

/// Why an edit was refused. The text of the page is never touched when this is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// Editing text we cannot read could destroy what the author meant; fix it first.
    #[error("The front matter has a problem, so it cannot be changed from the form. Fix it in the text first. {0}")]
    Malformed(FrontMatterError),
    /// The field (or a group on the way to it) does not exist.
    #[error("There is no field {path}.")]
    NotFound {
        /// The path that was asked for.
        path: FieldPath,
    },
    /// A list position past the end of the list.
    #[error("{path} has {len} items; there is no item number {index}.", index = index + 1)]
    IndexOutOfRange {
        /// The list.
        path: FieldPath,
        /// The 0-based position asked for.
        index: usize,
        /// How many items the list has.
        len: usize,
    },
    /// The typed input cannot become the kind of value the field holds.
    #[error("{path} is {article} {expected}; \"{input}\" is not one.")]
    WrongType {
        /// The field.
        path: FieldPath,
        /// The kind the field holds, in plain words (see `Value::kind_name`).
        expected: &'static str,
        /// "a" or "an", so the sentence reads naturally.
        article: &'static str,
        /// What was typed.
        input: String,
    },
    /// The operation needs a list or a group of fields and the value is something else.
    #[error("{path} is {found}, not {expected}.")]
    NotA {
        /// The field.
        path: FieldPath,
        /// What the operation needs ("a list", "a group of fields").
        expected: &'static str,
        /// What is there, in plain words.
        found: String,
    },
    /// A value that cannot be written as asked (for example a date that is no date).
    #[error("{path}: {reason}")]
    InvalidValue {
        /// The field.
        path: FieldPath,
        /// Why, in plain words.
        reason: String,
    },
    /// A layout the engine does not rewrite (e.g. a structural change inside `{…}`).
    #[error("{path} is written in a way the form cannot change safely ({reason}). Edit it in the text instead.")]
    Unsupported {
        /// The field.
        path: FieldPath,
        /// What is special about it.
        reason: String,
    },
    /// The empty path names the whole front matter, which is not a field.
    #[error("No field was named.")]
    EmptyPath,
    /// A safety net: the edited text would not read back as intended, so it was not saved.
    #[error("Changing {path} from the form would change other parts of the page, so nothing was changed. Edit it in the text instead.")]
    NotRoundTrip {
        /// The field.
        path: FieldPath,
    },
}
