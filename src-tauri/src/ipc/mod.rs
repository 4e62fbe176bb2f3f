//! Wire types: what crosses IPC to the UI. Errors cross as `{code, message,
//! words}`: `code` is what the UI branches on (a code exists only where it acts
//! on it), `message` the English sentence, `words` the same sentence as a code
//! and values so the UI can say it in the editor's language ([`words`]).

pub mod words;

use galley_core::words::Words;
use serde::Serialize;
use words::AppSay;

/// An error as the UI receives it.
#[derive(Debug, Serialize)]
pub struct IpcError {
    /// Machine-readable, for the UI to branch on.
    pub code: &'static str,
    /// Plain English words (the fallback for a UI that does not know `words`).
    pub message: String,
    /// The message as a code and values, for the UI's own words.
    pub words: Words,
}

impl IpcError {
    /// An error with its English message and its words.
    pub fn new(code: &'static str, message: impl ToString, words: Words) -> Self {
        IpcError {
            code,
            message: message.to_string(),
            words,
        }
    }

    /// An error the shell says itself, in its English words and as `say`.
    pub fn said(code: &'static str, say: AppSay, message: impl ToString) -> Self {
        IpcError::new(code, message, say.words())
    }

    /// No site is open yet.
    pub fn no_site() -> Self {
        IpcError::said("no_site", AppSay::NoSite, "Open a site folder first.")
    }

    /// A background task that ended without answering (it panicked or was
    /// cancelled): rare, and nothing the editor did.
    pub fn task(e: impl ToString) -> Self {
        let detail = e.to_string();
        IpcError::new(
            "io",
            &detail,
            AppSay::TaskFailed.words().with("detail", &detail),
        )
    }
}

/// Errors of the core whose code is the same for every variant.
macro_rules! core_error {
    ($($error:ty => $code:literal),* $(,)?) => {
        $(
            impl From<$error> for IpcError {
                fn from(e: $error) -> Self {
                    IpcError::new($code, &e, e.words())
                }
            }
        )*
    };
}

core_error! {
    galley_core::site::SiteError => "not_a_site",
    galley_core::journal::JournalError => "io",
    galley_core::assets::ImportError => "io",
    galley_core::conflict::ConflictError => "invalid_field",
    galley_core::paths::PathError => "outside_site",
}

impl From<galley_core::page::PageError> for IpcError {
    fn from(e: galley_core::page::PageError) -> Self {
        use galley_core::page::PageError;
        let code = match &e {
            PageError::ChangedOnDisk => "changed_on_disk",
            PageError::Path(_) => "outside_site",
            PageError::NotFound(_) => "not_found",
            PageError::Edit(_) | PageError::BadField(_) | PageError::BadYaml { .. } => {
                "invalid_field"
            }
            PageError::BrokenFrontMatter(_) => "broken_front_matter",
            _ => "io",
        };
        IpcError::new(code, &e, e.words())
    }
}

impl From<galley_git::GitError> for IpcError {
    fn from(e: galley_git::GitError) -> Self {
        use galley_git::GitError as G;
        let code = match &e {
            G::NothingToCommit => "nothing_to_commit",
            G::NoIdentity | G::IncompleteIdentity => "no_identity",
            G::RemoteHasNewCommits => "remote_has_new_commits",
            G::Credentials => "credentials",
            G::Offline => "offline",
            G::Locked => "locked",
            G::ChangesInTheWay(_) => "changes_in_the_way",
            G::MergeInProgress => "merge_in_progress",
            G::OutsideSite(_) => "outside_site",
            G::DestinationNotEmpty(_) => "destination_not_empty",
            G::NotARepositoryAddress(_) | G::BadFolderName(_) => "invalid_field",
            G::Cancelled => "cancelled",
            _ => "git",
        };
        IpcError::new(code, &e, words::git_words(&e))
    }
}

/// What "Get latest changes" did, with any clashes explained field by field.
#[derive(Debug, Serialize)]
pub struct MergeView {
    /// `up_to_date`, `fast_forwarded`, `merged` or `conflicts`.
    pub outcome: &'static str,
    /// Pages changed on both sides, each side's changes in words.
    pub conflicts: Vec<ConflictView>,
}

/// One page changed here and on the remote in clashing ways.
#[derive(Debug, Serialize)]
pub struct ConflictView {
    /// Site-relative path.
    pub path: String,
    /// The page's title.
    pub title: String,
    /// What was changed here since the common version.
    pub mine: Option<galley_core::review::PageReview>,
    /// What was changed on the remote since the common version.
    pub theirs: Option<galley_core::review::PageReview>,
    /// Both versions combined field by field: the clashes left to decide.
    pub combined: Option<galley_core::merge::MergeOutcome>,
    /// Why the versions cannot be combined (then one is kept whole).
    pub combine_problem: Option<String>,
    /// `combine_problem` as a code and values, for the UI's own words.
    pub combine_problem_words: Option<Words>,
}

impl MergeView {
    /// Words for a sync outcome.
    pub fn from_outcome(site: &crate::state::OpenSite, outcome: galley_git::SyncOutcome) -> Self {
        use galley_git::SyncOutcome as S;
        let dialect = site.generator.dialect();
        match outcome {
            S::UpToDate => MergeView {
                outcome: "up_to_date",
                conflicts: Vec::new(),
            },
            S::FastForwarded { .. } => MergeView {
                outcome: "fast_forwarded",
                conflicts: Vec::new(),
            },
            S::Merged { .. } => MergeView {
                outcome: "merged",
                conflicts: Vec::new(),
            },
            S::Conflicts { conflicts } => MergeView {
                outcome: "conflicts",
                conflicts: conflicts
                    .into_iter()
                    .map(|c| {
                        let title_bytes = c
                            .ours
                            .as_deref()
                            .or(c.theirs.as_deref())
                            .unwrap_or_default();
                        let side = |bytes: &Option<Vec<u8>>| {
                            Some(galley_core::review::review_page(
                                c.base.as_deref(),
                                bytes.as_deref(),
                                dialect,
                            ))
                        };
                        let combined = galley_core::conflict::combine_conflict(
                            c.base.as_deref(),
                            c.ours.as_deref(),
                            c.theirs.as_deref(),
                            dialect,
                        );
                        let (combined, combine_problem, combine_problem_words) = match combined {
                            Ok(outcome) => (Some(outcome), None, None),
                            Err(e) => (None, Some(e.to_string()), Some(e.words())),
                        };
                        ConflictView {
                            title: galley_core::site::page_title(&c.path, title_bytes, dialect),
                            mine: side(&c.ours),
                            theirs: side(&c.theirs),
                            combined,
                            combine_problem,
                            combine_problem_words,
                            path: c.path,
                        }
                    })
                    .collect(),
            },
        }
    }
}

/// The opened site as the sidebar shows it: its collections with their page
/// counts and key fields, not its pages — the page list asks for the rows it
/// shows (`list_pages`), so a 100,000-page site opens as fast as a small one.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The folder's name, for the title bar.
    pub name: String,
    /// Full folder path, for tooltips.
    pub root: String,
    /// How the site is built.
    pub generator: galley_core::site::Generator,
    /// The collections, in site order, with their page counts.
    pub collections: Vec<galley_core::site::Collection>,
    /// The language the pages are written in, if the site's config says.
    pub lang: Option<String>,
    /// Each collection's key fields (the list's columns and yes/no filters).
    pub keys: Vec<galley_core::browse::CollectionKeys>,
}

impl SiteView {
    /// The view of an opened site.
    pub fn of(site: &galley_core::site::Site) -> SiteView {
        SiteView {
            name: site
                .root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            root: site.root.to_string_lossy().into_owned(),
            generator: site.generator,
            collections: site.collections.clone(),
            lang: site.lang().map(str::to_owned),
            keys: site.browse_index().keys().to_vec(),
        }
    }
}
