//! Sentences as a stable code plus their values, so the app can say them in the
//! editor's language.
//!
//! The core keeps writing its English sentences (`message`, `hint`): the CLI prints
//! them and `galley check` output must not change. Next to every sentence the UI
//! shows, it also gives [`Words`]: a code (`problem.typeMismatch.settings`) that is
//! the UI's message key, and the values that fill it (`field`, `expected`, …). The UI
//! looks the code up in its catalogues (`ui/src/i18n/en.ts`, `sv.ts`); only a code it
//! does not know falls back to the English sentence.
//!
//! Every code and the names of its values are declared once, in a [`say_codes!`]
//! enum, so the full list can be compared with the UI's copy
//! (`ui/src/i18n/core-codes.json`) by a test: adding a code without words fails.
//!
//! Wire format (stable): `{"code": "problem.missingRequired", "params": {"field":
//! "Title", "key": "title"}}`; `params` values are always strings. A value whose
//! name is `expected` or `found` is itself a kind code (`year`, `text`, …: see
//! [`crate::schema::Kind`]), which the UI says with its `problem.kind.*` words;
//! `month` is a month number (1–12) the UI names in the editor's language.
//! A `detail` is English words Galley does not own (a parser's or the operating
//! system's description); the English UI repeats them, Swedish words may leave
//! them out.

mod errors;

pub use errors::kind_code;

use serde::Serialize;
use std::collections::BTreeMap;

/// A sentence for the UI: its code and the values that fill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// The sentence's stable code, which is also the UI's message key.
    pub code: &'static str,
    /// The values the sentence needs, by placeholder name.
    pub params: BTreeMap<String, String>,
}

impl Words {
    /// A sentence with no values yet.
    pub fn new(code: &'static str) -> Words {
        Words {
            code,
            params: BTreeMap::new(),
        }
    }

    /// Adds one value.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl ToString) -> Words {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }
}

/// A problem at a line of the file, as a page's broken front matter is shown
/// above the form: the UI says "Line {line}:" (`problem.atLine`), then the
/// message and the hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineWords {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong.
    pub message: Words,
    /// What to do.
    pub hint: Words,
}

/// One code as the UI's list holds it: the code and the names of its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeSpec {
    /// The code.
    pub code: &'static str,
    /// The names of the values it takes, in declaration order.
    pub params: &'static [&'static str],
}

/// Declares an enum of sentence codes with the names of each one's values, and
/// generates `code()`, `params()`, `words()` and `ALL`, so the list of codes is
/// complete by construction and cannot drift from the enum.
#[macro_export]
macro_rules! say_codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal ( $($param:ident),* ),
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The stable code (the UI's message key).
            pub fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )* }
            }

            /// The names of the values this sentence takes.
            pub fn params(self) -> &'static [&'static str] {
                match self { $( $name::$variant => &[ $( stringify!($param), )* ], )* }
            }

            /// The code with its value names, for the UI's list.
            pub fn spec(self) -> $crate::words::CodeSpec {
                $crate::words::CodeSpec { code: self.code(), params: self.params() }
            }

            /// A sentence with this code; fill its values with [`Words::with`].
            pub fn words(self) -> $crate::words::Words {
                $crate::words::Words::new(self.code())
            }

            /// The code whose string is `code`, if any (reading a cache back).
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|c| c.code() == code)
            }
        }
    };
}

say_codes! {
    /// Every sentence code of the core: problems, their hints, kinds of values,
    /// errors and review words.
    pub enum Say {
        // Problems: what is wrong.
        /// The file is UTF-16.
        NotUtf8Utf16 = "problem.notUtf8.utf16" (),
        /// The file has a byte that is not UTF-8.
        NotUtf8Byte = "problem.notUtf8.byte" (),
        /// A quote without its partner.
        UnclosedQuote = "problem.malformed.unclosedQuote" (),
        /// A tab used for indentation.
        TabIndentation = "problem.malformed.tab" (),
        /// Indentation that fits no field.
        BadIndentation = "problem.malformed.indentation" (),
        /// A field twice in one group.
        DuplicateKey = "problem.duplicateKey" (key, first_line),
        /// The front matter never ends.
        UnclosedFence = "problem.malformed.unclosed" (fence),
        /// The front matter is not `name: value` lines.
        NotAMapping = "problem.malformed.notAMapping" (detail),
        /// A field name that is a list or group.
        ComplexKey = "problem.malformed.complexKey" (),
        /// Any other syntax problem; `detail` is the parser's English words,
        /// which only the English UI repeats.
        Syntax = "problem.malformed.syntax" (detail),
        /// A value of another kind than the site's settings say.
        TypeMismatchSettings = "problem.typeMismatch.settings" (field, expected, found),
        /// A value of another kind than the other pages have.
        TypeMismatchOthers = "problem.typeMismatch.others" (field, expected, count, collection, found),
        /// A required field without a value.
        MissingRequired = "problem.missingRequired" (label),
        /// An image that is not in the site.
        MissingImage = "problem.missingFile.image" (reference),
        /// A file that is not in the site.
        MissingFile = "problem.missingFile.file" (reference),
        /// A date with a month that does not exist.
        NoSuchMonth = "problem.impossibleDate.month" (field, value, number),
        /// A date with day 0.
        NoDayZero = "problem.impossibleDate.dayZero" (field, value),
        /// A day past the end of its month.
        DayPastMonth = "problem.impossibleDate.days" (field, value, month, year, days),
        /// A post's file name with an impossible date.
        FileNameDate = "problem.impossibleDate.fileName" (value),
        /// An end before its start.
        EndBeforeStart = "problem.endBeforeStart" (end_key, end, start_key, start),
        /// A value that is not one of the allowed choices.
        NotAChoice = "problem.notAChoice" (field, value),
        /// A collection setting Jekyll does not know, probably misspelt.
        MisspeltSetting = "problem.config.misspelt" (collection, key, meant),

        /// "Line N:" in front of a problem shown without its place.
        AtLine = "problem.atLine" (line),

        // Problems: what to do.
        /// Save the file as UTF-8.
        HintSaveAsUtf8 = "problem.hint.saveAsUtf8" (),
        /// Close the quote.
        HintCloseQuote = "problem.hint.closeQuote" (quote),
        /// Indent with spaces.
        HintSpaces = "problem.hint.spaces" (),
        /// Line up with the field above.
        HintLineUp = "problem.hint.lineUp" (),
        /// Keep one of two fields.
        HintKeepOne = "problem.hint.keepOne" (),
        /// Add the closing fence.
        HintCloseFence = "problem.hint.closeFence" (fence),
        /// Write `name: value` lines.
        HintNameValue = "problem.hint.nameValue" (),
        /// Use a simple field name.
        HintSimpleName = "problem.hint.simpleName" (),
        /// Compare with the lines around.
        HintCompare = "problem.hint.compare" (),
        /// Remove the quotes around a value.
        HintRemoveQuotes = "problem.hint.removeQuotes" (key, value),
        /// Change the value to the expected kind.
        HintChangeKind = "problem.hint.changeKind" (expected),
        /// Add the required field.
        HintAddField = "problem.hint.addField" (key),
        /// Check the file's name and folder.
        HintCheckFile = "problem.hint.checkFile" (),
        /// Check month and day.
        HintCheckDate = "problem.hint.checkDate" (),
        /// Rename a post with a real date.
        HintRenamePost = "problem.hint.renamePost" (),
        /// Check both dates of a pair.
        HintCheckPair = "problem.hint.checkPair" (end_key, start_key),
        /// Use one of the allowed choices.
        HintUseChoice = "problem.hint.useChoice" (choices),
        /// Rename a misspelt setting.
        HintRenameSetting = "problem.hint.renameSetting" (key, meant),
        /// Correct a value the form refused.
        HintCorrectValue = "problem.hint.correctValue" (),

        // Kinds of values, with their article ("a year").
        /// Empty.
        KindNull = "problem.kind.null" (),
        /// yes/no.
        KindBool = "problem.kind.bool" (),
        /// Whole number.
        KindInt = "problem.kind.int" (),
        /// Year.
        KindYear = "problem.kind.year" (),
        /// Number.
        KindFloat = "problem.kind.float" (),
        /// Date.
        KindDate = "problem.kind.date" (),
        /// Date and time.
        KindDateTime = "problem.kind.datetime" (),
        /// Text.
        KindText = "problem.kind.text" (),
        /// Web address.
        KindUrl = "problem.kind.url" (),
        /// E-mail address.
        KindEmail = "problem.kind.email" (),
        /// Image.
        KindImage = "problem.kind.image" (),
        /// File.
        KindFile = "problem.kind.file" (),
        /// List.
        KindList = "problem.kind.list" (),
        /// Group of fields.
        KindObject = "problem.kind.object" (),

        // Errors of the core.
        /// A path outside the site.
        PathOutside = "coreError.path.outside" (path),
        /// A path into `.git`.
        PathInsideGit = "coreError.path.insideGit" (path),
        /// A path leading out through a link.
        PathLinkOutside = "coreError.path.linkOutside" (path),
        /// A page that no longer exists.
        PageNotFound = "coreError.page.notFound" (path),
        /// A page that could not be read.
        PageRead = "coreError.page.read" (path, detail),
        /// A page that is not UTF-8.
        PageNotUtf8 = "coreError.page.notUtf8" (),
        /// YAML typed for a field that does not read.
        PageBadYaml = "coreError.page.badYaml" (key, detail),
        /// A field name the engine cannot parse.
        PageBadField = "coreError.page.badField" (field),
        /// Broken front matter: nothing is saved.
        PageBrokenFrontMatter = "coreError.page.brokenFrontMatter" (),
        /// The file changed on disk since it was opened.
        PageChangedOnDisk = "coreError.page.changedOnDisk" (),
        /// An edit refused as the front matter is broken.
        EditMalformed = "coreError.edit.malformed" (),
        /// No such field.
        EditNotFound = "coreError.edit.notFound" (field),
        /// A list position past the end.
        EditIndex = "coreError.edit.index" (field, len, index),
        /// Input that is not of the field's kind.
        EditWrongType = "coreError.edit.wrongType" (field, expected, input),
        /// Input that the field cannot hold (kind not named).
        EditWrongInput = "coreError.edit.wrongInput" (field, input),
        /// A value of another kind than the edit needs.
        EditNotA = "coreError.edit.notA" (field, expected),
        /// A value the field cannot hold.
        EditInvalid = "coreError.edit.invalid" (field, detail),
        /// Written in a way the form cannot change.
        EditUnsupported = "coreError.edit.unsupported" (field, detail),
        /// No field named.
        EditEmptyPath = "coreError.edit.emptyPath" (),
        /// The edit would change other parts of the page.
        EditNotRoundTrip = "coreError.edit.notRoundTrip" (field),
        /// The page's folder is gone.
        SaveNoFolder = "coreError.save.noFolder" (),
        /// Writing failed.
        SaveIo = "coreError.save.io" (detail),
        /// A folder that cannot be opened.
        SiteNotAFolder = "coreError.site.notAFolder" (path),
        /// No such collection.
        BrowseNoCollection = "coreError.browse.noCollection" (collection),
        /// The page is gone.
        BrowseNotFound = "coreError.browse.notFound" (path),
        /// A page of that name exists.
        BrowseExists = "coreError.browse.exists" (path),
        /// A name without letters or digits.
        BrowseEmptyName = "coreError.browse.emptyName" (),
        /// A Hugo bundle or section page.
        BrowseFolderPage = "coreError.browse.folderPage" (path),
        /// Changing the page failed.
        BrowseIo = "coreError.browse.io" (detail),
        /// The recovery folder cannot be used.
        JournalFolder = "coreError.journal.folder" (folder, detail),
        /// The recovery copy could not be written.
        JournalWrite = "coreError.journal.write" (),
        /// The recovery copy could not be removed.
        JournalRemove = "coreError.journal.remove" (detail),
        /// Not an image.
        ImportNotAnImage = "coreError.import.notAnImage" (name),
        /// The image could not be copied.
        ImportIo = "coreError.import.io" (detail),
        /// A dropped file no longer at hand.
        DropGone = "coreError.drop.gone" (),
        /// A dropped thing that is not a file on this computer.
        DropNotLocal = "coreError.drop.notLocal" (name),
        /// One version deleted the page.
        ConflictOneSideDeleted = "coreError.conflict.oneSideDeleted" (),
        /// The starting version is not UTF-8.
        MergeNotTextBase = "coreError.merge.notText.base" (),
        /// The editor's version is not UTF-8.
        MergeNotTextMine = "coreError.merge.notText.mine" (),
        /// The other version is not UTF-8.
        MergeNotTextTheirs = "coreError.merge.notText.theirs" (),
        /// The starting version's front matter has a mistake.
        MergeBrokenBase = "coreError.merge.brokenFrontMatter.base" (),
        /// The editor's version's front matter has a mistake.
        MergeBrokenMine = "coreError.merge.brokenFrontMatter.mine" (),
        /// The other version's front matter has a mistake.
        MergeBrokenTheirs = "coreError.merge.brokenFrontMatter.theirs" (),
        /// A change that could not be carried over.
        MergeCannotApply = "coreError.merge.cannotApply" (field, detail),
        /// Not as many choices as clashes.
        MergeChoiceCount = "coreError.merge.choiceCount" (clashes, choices),
        /// A combine choice for a one-value field.
        MergeNotForField = "coreError.merge.notForField" (field),

        // Review.
        /// A version's front matter cannot be read, so fields are not compared.
        ReviewUnreadable = "review.problem.unreadable" (line),
        /// Suggested commit message: one page, nothing named.
        SuggestPage = "review.suggest.page" (title),
        /// Suggested commit message: one page, its changed fields.
        SuggestFields = "review.suggest.fields" (title, fields),
        /// Suggested commit message: one page, its text.
        SuggestText = "review.suggest.text" (title),
        /// Suggested commit message: one page, its fields and text.
        SuggestFieldsAndText = "review.suggest.fieldsAndText" (title, fields),
        /// Suggested commit message: several pages.
        SuggestPages = "review.suggest.pages" (count),
        /// Suggested commit message: several files, not all of them pages.
        SuggestFiles = "review.suggest.files" (count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_params_named_once() {
        let mut seen = std::collections::HashSet::new();
        for say in Say::ALL {
            assert!(seen.insert(say.code()), "twice: {}", say.code());
            let mut names = std::collections::HashSet::new();
            for p in say.params() {
                assert!(names.insert(p), "{} names {p} twice", say.code());
            }
            assert_eq!(Say::from_code(say.code()), Some(*say));
        }
    }

    #[test]
    fn words_carry_code_and_values() {
        let w = Say::MissingRequired.words().with("label", "Title");
        let json = serde_json::to_string(&w).expect("serializes");
        assert_eq!(
            json,
            r#"{"code":"problem.missingRequired","params":{"label":"Title"}}"#
        );
    }
}
