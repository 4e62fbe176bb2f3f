//! The [`Words`] of the core's errors: one arm per variant, so a new variant
//! cannot be added without its code (the matches are exhaustive).
//!
//! Details that come from the operating system (an I/O error's text) are passed
//! as the `detail` value as they are; everything Galley itself says has a code.

use super::{Say, Words};
use crate::assets::ImportError;
use crate::browse::PageOpError;
use crate::conflict::ConflictError;
use crate::document::DocumentError;
use crate::drops::DropError;
use crate::frontmatter::{EditError, FrontMatterError};
use crate::journal::JournalError;
use crate::merge::{MergeError, Version};
use crate::page::PageError;
use crate::paths::PathError;
use crate::save::SaveError;
use crate::schema::Kind;
use crate::site::SiteError;

/// A kind's code as the UI knows it (`year`, `datetime`): the value of an
/// `expected` or `found` parameter.
pub fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Bool => "bool",
        Kind::Int => "int",
        Kind::Year => "year",
        Kind::Float => "float",
        Kind::Date => "date",
        Kind::DateTime => "datetime",
        Kind::Text => "text",
        Kind::Url => "url",
        Kind::Email => "email",
        Kind::Image => "image",
        Kind::File => "file",
        Kind::List => "list",
        Kind::Object => "object",
    }
}

/// The kind whose English name (with or without its article) is `name`, as the
/// engine's edit errors give it.
fn kind_named(name: &str) -> Option<Kind> {
    const KINDS: [Kind; 14] = [
        Kind::Null,
        Kind::Bool,
        Kind::Int,
        Kind::Year,
        Kind::Float,
        Kind::Date,
        Kind::DateTime,
        Kind::Text,
        Kind::Url,
        Kind::Email,
        Kind::Image,
        Kind::File,
        Kind::List,
        Kind::Object,
    ];
    let bare = name
        .strip_prefix("an ")
        .or_else(|| name.strip_prefix("a "))
        .unwrap_or(name);
    KINDS.into_iter().find(|k| k.name() == bare)
}

impl FrontMatterError {
    /// What is wrong and what to do, as codes (the `message` and `hint` of a problem).
    pub fn words(&self, first_line: impl Fn(usize) -> usize) -> (Words, Words) {
        match self {
            FrontMatterError::UnclosedQuote { quote, .. } => (
                Say::UnclosedQuote.words(),
                Say::HintCloseQuote.words().with("quote", quote),
            ),
            FrontMatterError::TabIndentation { .. } => {
                (Say::TabIndentation.words(), Say::HintSpaces.words())
            }
            FrontMatterError::BadIndentation { .. } => {
                (Say::BadIndentation.words(), Say::HintLineUp.words())
            }
            FrontMatterError::DuplicateKey {
                key, first_line: l, ..
            } => (
                Say::DuplicateKey
                    .words()
                    .with("key", key)
                    .with("first_line", first_line(*l)),
                Say::HintKeepOne.words(),
            ),
            FrontMatterError::Unclosed { fence, .. } => (
                Say::UnclosedFence.words().with("fence", fence),
                Say::HintCloseFence.words().with("fence", fence),
            ),
            FrontMatterError::NotAMapping { found, .. } => (
                Say::NotAMapping.words().with("detail", found),
                Say::HintNameValue.words(),
            ),
            FrontMatterError::ComplexKey { .. } => {
                (Say::ComplexKey.words(), Say::HintSimpleName.words())
            }
            FrontMatterError::Syntax { message, .. } => (
                Say::Syntax.words().with("detail", message),
                Say::HintCompare.words(),
            ),
        }
    }
}

impl EditError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            EditError::Malformed(_) => Say::EditMalformed.words(),
            EditError::NotFound { path } => Say::EditNotFound.words().with("field", path),
            EditError::IndexOutOfRange { path, index, len } => Say::EditIndex
                .words()
                .with("field", path)
                .with("len", len)
                .with("index", index + 1),
            EditError::WrongType {
                path,
                expected,
                input,
                ..
            } => match kind_named(expected) {
                Some(kind) => Say::EditWrongType
                    .words()
                    .with("field", path)
                    .with("expected", kind_code(kind))
                    .with("input", input),
                None => Say::EditWrongInput
                    .words()
                    .with("field", path)
                    .with("input", input),
            },
            EditError::NotA { path, expected, .. } => {
                let kind = kind_named(expected).unwrap_or(Kind::Object);
                Say::EditNotA
                    .words()
                    .with("field", path)
                    .with("expected", kind_code(kind))
            }
            EditError::InvalidValue { path, reason } => Say::EditInvalid
                .words()
                .with("field", path)
                .with("detail", reason),
            EditError::Unsupported { path, reason } => Say::EditUnsupported
                .words()
                .with("field", path)
                .with("detail", reason),
            EditError::EmptyPath => Say::EditEmptyPath.words(),
            EditError::NotRoundTrip { path } => Say::EditNotRoundTrip.words().with("field", path),
        }
    }
}

impl PathError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            PathError::OutsideSite(p) => Say::PathOutside.words().with("path", p),
            PathError::InsideGit(p) => Say::PathInsideGit.words().with("path", p),
            PathError::LinkOutside(p) => Say::PathLinkOutside.words().with("path", p),
        }
    }
}

impl DocumentError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            DocumentError::NotUtf8 { .. } => Say::PageNotUtf8.words(),
        }
    }
}

impl SaveError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            SaveError::NoFolder => Say::SaveNoFolder.words(),
            SaveError::Io(e) => Say::SaveIo.words().with("detail", e),
        }
    }
}

impl MergeError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            MergeError::NotText { version } => match version {
                Version::Base => Say::MergeNotTextBase.words(),
                Version::Mine => Say::MergeNotTextMine.words(),
                Version::Theirs => Say::MergeNotTextTheirs.words(),
            },
            MergeError::BrokenFrontMatter { version, .. } => match version {
                Version::Base => Say::MergeBrokenBase.words(),
                Version::Mine => Say::MergeBrokenMine.words(),
                Version::Theirs => Say::MergeBrokenTheirs.words(),
            },
            MergeError::CannotApply { field, reason } => Say::MergeCannotApply
                .words()
                .with("field", field)
                .with("detail", reason),
            MergeError::ChoiceCount { clashes, choices } => Say::MergeChoiceCount
                .words()
                .with("clashes", clashes)
                .with("choices", choices),
            MergeError::NotForField { field } => Say::MergeNotForField.words().with("field", field),
        }
    }
}

impl ConflictError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            ConflictError::OneSideDeleted => Say::ConflictOneSideDeleted.words(),
            ConflictError::Merge(e) => e.words(),
        }
    }
}

impl PageError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            PageError::Path(e) => e.words(),
            PageError::NotFound(p) => Say::PageNotFound.words().with("path", p),
            PageError::Read(p, e) => Say::PageRead.words().with("path", p).with("detail", e),
            PageError::Document(e) => e.words(),
            PageError::Edit(e) => e.words(),
            PageError::BadYaml { key, message } => Say::PageBadYaml
                .words()
                .with("key", key)
                .with("detail", message),
            PageError::BadField(f) => Say::PageBadField.words().with("field", f),
            PageError::BrokenFrontMatter(_) => Say::PageBrokenFrontMatter.words(),
            PageError::ChangedOnDisk => Say::PageChangedOnDisk.words(),
            PageError::Save(e) => e.words(),
            PageError::Merge(e) => e.words(),
        }
    }
}

impl SiteError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            SiteError::NotAFolder(p) => Say::SiteNotAFolder.words().with("path", p.display()),
        }
    }
}

impl PageOpError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            PageOpError::Path(e) => e.words(),
            PageOpError::NoCollection(c) => Say::BrowseNoCollection.words().with("collection", c),
            PageOpError::NotFound(p) => Say::BrowseNotFound.words().with("path", p),
            PageOpError::Exists(p) => Say::BrowseExists.words().with("path", p),
            PageOpError::EmptyName => Say::BrowseEmptyName.words(),
            PageOpError::FolderPage(p) => Say::BrowseFolderPage.words().with("path", p),
            PageOpError::Page(e) => e.words(),
            PageOpError::Save(e) => e.words(),
            PageOpError::Io(e) => Say::BrowseIo.words().with("detail", e),
        }
    }
}

impl JournalError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            JournalError::Folder { folder, source } => Say::JournalFolder
                .words()
                .with("folder", folder.display())
                .with("detail", source),
            JournalError::Write(_) => Say::JournalWrite.words(),
            JournalError::Remove(e) => Say::JournalRemove.words().with("detail", e),
        }
    }
}

impl ImportError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            ImportError::NotAnImage(name) => Say::ImportNotAnImage.words().with("name", name),
            ImportError::Path(e) => e.words(),
            ImportError::Io(e) => Say::ImportIo.words().with("detail", e),
        }
    }
}

impl DropError {
    /// The error as a code and values.
    pub fn words(&self) -> Words {
        match self {
            DropError::Gone => Say::DropGone.words(),
            DropError::NotLocal(name) => Say::DropNotLocal.words().with("name", name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_map_back_to_kinds() {
        assert_eq!(kind_named("a list"), Some(Kind::List));
        assert_eq!(kind_named("a group of fields"), Some(Kind::Object));
        assert_eq!(kind_named("whole number"), Some(Kind::Int));
        assert_eq!(kind_named("an e-mail address"), Some(Kind::Email));
        assert_eq!(kind_named("a sonnet"), None);
    }

    #[test]
    fn kind_codes_match_the_wire_names() {
        for kind in [Kind::DateTime, Kind::Year, Kind::Object] {
            let wire = serde_json::to_string(&kind).expect("serializes");
            assert_eq!(wire, format!("\"{}\"", kind_code(kind)));
        }
    }
}
