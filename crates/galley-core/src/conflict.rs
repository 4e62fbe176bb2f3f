//! Settling a page that both the editor and someone else changed (a git merge
//! conflict), with the same field-by-field combine as an outside change.
//!
//! git works on lines, so two edits to neighbouring fields already clash
//! there; combining by field often settles such pages without a question.

use crate::frontmatter::Dialect;
use crate::merge::{merge_page, resolve, Choice, MergeError, MergeOutcome};
use serde::Deserialize;

/// The editor's answer for one conflicted page.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", content = "choices", rename_all = "snake_case")]
pub enum Resolution {
    /// Keep the version from this computer.
    Mine,
    /// Take the version from the remote.
    Theirs,
    /// Combine both, with one choice per clash.
    Combine(Vec<Choice>),
}

/// Why a conflict could not be settled as asked.
#[derive(Debug, thiserror::Error)]
pub enum ConflictError {
    /// One side deleted the page; combining needs both.
    #[error(
        "One version deleted this page, so the two cannot be combined: keep one of them instead."
    )]
    OneSideDeleted,
    /// The combine itself failed.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// What combining the two versions gives (clashes to decide), when both exist.
pub fn combine_conflict(
    base: Option<&[u8]>,
    ours: Option<&[u8]>,
    theirs: Option<&[u8]>,
    dialect: Dialect,
) -> Result<MergeOutcome, ConflictError> {
    let (Some(ours), Some(theirs)) = (ours, theirs) else {
        return Err(ConflictError::OneSideDeleted);
    };
    Ok(merge_page(base.unwrap_or_default(), ours, theirs, dialect)?)
}

/// The page's settled bytes; `None` when the chosen version deleted it.
pub fn resolve_conflict(
    base: Option<&[u8]>,
    ours: Option<&[u8]>,
    theirs: Option<&[u8]>,
    dialect: Dialect,
    resolution: &Resolution,
) -> Result<Option<Vec<u8>>, ConflictError> {
    match resolution {
        Resolution::Mine => Ok(ours.map(<[u8]>::to_vec)),
        Resolution::Theirs => Ok(theirs.map(<[u8]>::to_vec)),
        Resolution::Combine(choices) => {
            let outcome = combine_conflict(base, ours, theirs, dialect)?;
            Ok(Some(resolve(&outcome, choices)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "---\ntitle: AIDA\nend:\nwebsite: https://a.se/\n---\nBody\n";

    #[test]
    fn neighbouring_fields_combine_without_a_question() {
        let ours = BASE.replace("end:", "end: 2026");
        let theirs = BASE.replace("https://a.se/", "https://b.se/");
        let outcome = combine_conflict(
            Some(BASE.as_bytes()),
            Some(ours.as_bytes()),
            Some(theirs.as_bytes()),
            Dialect::Yaml11,
        )
        .expect("combine");
        assert!(outcome.is_clean());
        let bytes = resolve_conflict(
            Some(BASE.as_bytes()),
            Some(ours.as_bytes()),
            Some(theirs.as_bytes()),
            Dialect::Yaml11,
            &Resolution::Combine(Vec::new()),
        )
        .expect("resolve")
        .expect("kept");
        assert_eq!(
            String::from_utf8(bytes).expect("utf-8"),
            "---\ntitle: AIDA\nend: 2026\nwebsite: https://b.se/\n---\nBody\n"
        );
    }

    #[test]
    fn same_field_needs_a_choice_and_sides_can_be_taken_whole() {
        let ours = BASE.replace("end:", "end: 2026");
        let theirs = BASE.replace("end:", "end: 2030");
        let (b, o, t) = (
            Some(BASE.as_bytes()),
            Some(ours.as_bytes()),
            Some(theirs.as_bytes()),
        );
        assert_eq!(
            combine_conflict(b, o, t, Dialect::Yaml11)
                .expect("combine")
                .clashes
                .len(),
            1
        );
        let mine = resolve_conflict(
            b,
            o,
            t,
            Dialect::Yaml11,
            &Resolution::Combine(vec![Choice::Mine]),
        )
        .expect("resolve");
        assert_eq!(mine.as_deref(), Some(ours.as_bytes()));
        let whole =
            resolve_conflict(b, o, t, Dialect::Yaml11, &Resolution::Theirs).expect("theirs");
        assert_eq!(whole.as_deref(), Some(theirs.as_bytes()));
        assert!(matches!(
            combine_conflict(b, None, t, Dialect::Yaml11),
            Err(ConflictError::OneSideDeleted)
        ));
    }
}
