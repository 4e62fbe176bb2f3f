//! Combining two edited versions of a page with the version both started from
//! (a three-way merge): "combine" when a page changed outside Galley while it
//! had unsaved edits, and git merge conflicts.
//!
//! The front matter is merged field by field on the engine's typed view, and
//! the result is written by *editing theirs' text* with the engine's lossless
//! edits, so the merged file differs from theirs only in the fields mine
//! changed. The body is merged line by line (diff3). Anything both sides
//! changed differently becomes a [`Clash`] for the editor to decide; conflict
//! markers are never produced. [`resolve`] turns the editor's choices into the
//! final bytes.
//!
//! What this is not: a merge of formatting. Comment or spacing changes that
//! mine made in the front matter are not carried over (the form never makes
//! them); theirs' are kept.

mod fields;
mod lines;

use crate::document::Document;
use crate::frontmatter::{dominant_line_ending, Dialect, EditError, FieldPath, Value};
use fields::{merge_maps, FieldPlan};
use lines::{merge_lines, split_lines, LineClash, Piece};
use serde::{Deserialize, Serialize};

/// One of the three versions of a page, for messages and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Version {
    /// The version both edits started from.
    Base,
    /// The editor's own version.
    Mine,
    /// The other version (changed outside Galley, or the other branch).
    Theirs,
}

impl Version {
    /// How the UI names the version in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Version::Base => "the version you started from",
            Version::Mine => "your version",
            Version::Theirs => "the other version",
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Why two versions cannot be combined. Nothing was written anywhere.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MergeError {
    /// One version is not UTF-8 text.
    #[error("Galley cannot combine the two versions because {version} is not UTF-8 text. Choose \"keep mine\" or \"take theirs\" instead.")]
    NotText {
        /// Which version.
        version: Version,
    },
    /// One version's front matter cannot be read, so fields cannot be compared.
    #[error("Galley cannot combine the two versions because the settings (front matter) of {version} have a mistake: {problem} Fix it, or choose \"keep mine\" or \"take theirs\" instead.")]
    BrokenFrontMatter {
        /// Which version.
        version: Version,
        /// The problem, in plain words, with its line.
        problem: String,
    },
    /// The engine refused to write one of mine's field values into theirs.
    #[error("Galley could not carry your change of \"{field}\" into the other version ({reason}). Choose \"keep mine\" or \"take theirs\" instead.")]
    CannotApply {
        /// The field.
        field: String,
        /// Why, in plain words.
        reason: String,
    },
    /// `resolve` was given a different number of choices than there are clashes.
    #[error("{clashes} differences need a choice, but {choices} choices were given.")]
    ChoiceCount {
        /// Clashes in the outcome.
        clashes: usize,
        /// Choices passed.
        choices: usize,
    },
    /// "Both" or edited text was chosen for a field, where only one value fits.
    #[error("\"{field}\" can hold only one value: choose your version or the other one.")]
    NotForField {
        /// The field.
        field: String,
    },
}

/// A field both versions changed, each differently. `None` means the field is
/// absent in that version (never there, or removed).
#[derive(Debug, Clone, Serialize)]
pub struct FieldClash {
    /// The field's path as the form names it (`title`, `contact.email`).
    pub field: String,
    /// Its value in the version both started from.
    pub base: Option<Value>,
    /// Its value in the editor's version.
    pub mine: Option<Value>,
    /// Its value in the other version.
    pub theirs: Option<Value>,
}

/// Some lines of one version, for showing a body clash side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Lines {
    /// The 1-based line in that version's file where the range starts (for an
    /// empty range, the line before which it sits).
    pub first_line: usize,
    /// How many lines.
    pub count: usize,
    /// The lines' text, with their endings.
    pub text: String,
}

/// Lines of the body both versions changed, each differently.
#[derive(Debug, Clone, Serialize)]
pub struct BodyClash {
    /// The lines as they were in the version both started from.
    pub base: Lines,
    /// The editor's lines.
    pub mine: Lines,
    /// The other version's lines.
    pub theirs: Lines,
}

/// A difference that needs the editor's choice.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Clash {
    /// A front matter field.
    Field(FieldClash),
    /// A region of the body.
    Body(BodyClash),
}

/// The editor's answer to one clash.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Choice {
    /// Keep the editor's version.
    Mine,
    /// Take the other version.
    Theirs,
    /// Body only: the editor's lines followed by the other version's.
    Both,
    /// Body only: text the editor wrote for this region (`\n` line endings;
    /// they take the file's own endings).
    Edited(String),
}

/// The result of combining: the clashes to decide, and what was merged
/// automatically (for a summary such as "3 fields were combined").
#[derive(Debug, Clone, Serialize)]
pub struct MergeOutcome {
    /// Differences needing a choice, fields first (page order), then the body
    /// from top to bottom. [`resolve`] takes one [`Choice`] per clash.
    pub clashes: Vec<Clash>,
    /// Fields taken from the editor's version without asking.
    pub fields_from_mine: Vec<String>,
    /// Fields taken from the other version without asking.
    pub fields_from_theirs: Vec<String>,
    #[serde(skip)]
    plan: Plan,
}

/// What `resolve` needs to build the bytes.
#[derive(Debug, Clone)]
struct Plan {
    dialect: Dialect,
    /// Theirs' BOM, fences and front matter, with mine's non-clashing edits applied.
    front: Vec<u8>,
    /// For each field clash (in order): where, and mine's value.
    field_targets: Vec<(FieldPath, Option<Value>)>,
    /// The merged body; `Piece::Clash` are taken in order with the body clashes.
    body: Vec<Piece>,
    /// Body clash texts per side: (mine, theirs), with their line endings.
    body_sides: Vec<(String, String)>,
    /// The line ending used for new lines (theirs' dominant one).
    eol: &'static str,
}

impl MergeOutcome {
    /// Whether everything merged without a question.
    pub fn is_clean(&self) -> bool {
        self.clashes.is_empty()
    }

    /// The merged bytes when there is nothing to decide.
    pub fn merged(&self) -> Option<Vec<u8>> {
        if self.is_clean() {
            resolve(self, &[]).ok()
        } else {
            None
        }
    }
}

fn parse(bytes: &[u8], dialect: Dialect, version: Version) -> Result<Document, MergeError> {
    let doc = Document::parse(bytes, dialect).map_err(|_| MergeError::NotText { version })?;
    if let Err(problem) = doc.fields() {
        return Err(MergeError::BrokenFrontMatter {
            version,
            problem: problem.to_string(),
        });
    }
    Ok(doc)
}

fn cannot_apply(path: &FieldPath, e: &EditError) -> MergeError {
    MergeError::CannotApply {
        field: path.to_string(),
        reason: e.to_string(),
    }
}

fn apply(doc: &mut Document, path: &FieldPath, value: Option<&Value>) -> Result<(), MergeError> {
    match value {
        Some(value) => doc.set(path, value),
        None => doc.remove(path),
    }
    .map_err(|e| cannot_apply(path, &e))
}

/// The bytes of a document up to where its body starts.
fn front_bytes(doc: &Document) -> Vec<u8> {
    let mut bytes = doc.to_bytes();
    bytes.truncate(bytes.len() - doc.body().len());
    bytes
}

fn lines_of(all: &[&str], range: &std::ops::Range<usize>, first_body_line: usize) -> Lines {
    Lines {
        first_line: first_body_line + range.start,
        count: range.len(),
        text: all[range.clone()].concat(),
    }
}

/// Combines `mine` and `theirs`, both edited from `base`. Refuses (with a
/// plain-words reason) when a version is not text or its front matter is
/// broken: the editor then picks one version whole.
pub fn merge_page(
    base: &[u8],
    mine: &[u8],
    theirs: &[u8],
    dialect: Dialect,
) -> Result<MergeOutcome, MergeError> {
    let base_doc = parse(base, dialect, Version::Base)?;
    let mine_doc = parse(mine, dialect, Version::Mine)?;
    let mut result = parse(theirs, dialect, Version::Theirs)?;

    // Front matter: start from theirs, carry over mine's one-sided changes.
    let mut fields = FieldPlan::default();
    if let (Ok(b), Ok(m), Ok(t)) = (base_doc.fields(), mine_doc.fields(), result.fields()) {
        let (b, m, t) = (b.clone(), m.clone(), t.clone());
        merge_maps(&FieldPath::default(), Some(&b), &m, &t, &mut fields);
    }
    for (path, value) in &fields.from_mine {
        apply(&mut result, path, value.as_ref())?;
    }
    let mut clashes: Vec<Clash> = fields
        .clashes
        .iter()
        .map(|c| {
            Clash::Field(FieldClash {
                field: c.path.to_string(),
                base: c.base.clone(),
                mine: c.mine.clone(),
                theirs: c.theirs.clone(),
            })
        })
        .collect();
    let field_targets = fields
        .clashes
        .iter()
        .map(|c| (c.path.clone(), c.mine.clone()))
        .collect();

    // Body: diff3 on lines.
    let (b_lines, m_lines, t_lines) = (
        split_lines(base_doc.body()),
        split_lines(mine_doc.body()),
        split_lines(result.body()),
    );
    let body = merge_lines(&b_lines, &m_lines, &t_lines);
    let mut body_sides = Vec::new();
    for piece in &body {
        if let Piece::Clash(LineClash { base, mine, theirs }) = piece {
            let mine_lines = lines_of(&m_lines, mine, mine_doc.body_line_start());
            let theirs_lines = lines_of(&t_lines, theirs, result.body_line_start());
            body_sides.push((mine_lines.text.clone(), theirs_lines.text.clone()));
            clashes.push(Clash::Body(BodyClash {
                base: lines_of(&b_lines, base, base_doc.body_line_start()),
                mine: mine_lines,
                theirs: theirs_lines,
            }));
        }
    }

    let eol = dominant_line_ending(std::str::from_utf8(theirs).unwrap_or_default()).as_str();
    Ok(MergeOutcome {
        clashes,
        fields_from_mine: fields
            .from_mine
            .iter()
            .map(|(p, _)| p.to_string())
            .collect(),
        fields_from_theirs: fields.from_theirs.iter().map(ToString::to_string).collect(),
        plan: Plan {
            dialect,
            front: front_bytes(&result),
            field_targets,
            body,
            body_sides,
            eol,
        },
    })
}

/// Appends `text` to `out`, first ending `out`'s last line if it has no
/// newline (so a region taken from the end of one version does not run into
/// the next line).
fn push_lines(out: &mut String, text: &str, eol: &str) {
    if text.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    out.push_str(text);
}

/// Builds the final bytes from an outcome and one choice per clash (in the
/// order of `outcome.clashes`). Field clashes accept only `Mine` or `Theirs`.
pub fn resolve(outcome: &MergeOutcome, choices: &[Choice]) -> Result<Vec<u8>, MergeError> {
    if choices.len() != outcome.clashes.len() {
        return Err(MergeError::ChoiceCount {
            clashes: outcome.clashes.len(),
            choices: choices.len(),
        });
    }
    let plan = &outcome.plan;
    let n_fields = plan.field_targets.len();
    let (field_choices, body_choices) = choices.split_at(n_fields);

    let mut front = plan.front.clone();
    if field_choices.iter().any(|c| *c != Choice::Theirs) {
        let mut doc = parse(&plan.front, plan.dialect, Version::Theirs)?;
        for ((path, mine), choice) in plan.field_targets.iter().zip(field_choices) {
            match choice {
                Choice::Theirs => {}
                Choice::Mine => apply(&mut doc, path, mine.as_ref())?,
                Choice::Both | Choice::Edited(_) => {
                    return Err(MergeError::NotForField {
                        field: path.to_string(),
                    })
                }
            }
        }
        front = doc.to_bytes();
    }

    let mut body = String::new();
    let mut clash_index = 0;
    for piece in &plan.body {
        match piece {
            Piece::Text(text) => push_lines(&mut body, text, plan.eol),
            Piece::Clash(_) => {
                let (mine, theirs) = &plan.body_sides[clash_index];
                match &body_choices[clash_index] {
                    Choice::Mine => push_lines(&mut body, mine, plan.eol),
                    Choice::Theirs => push_lines(&mut body, theirs, plan.eol),
                    Choice::Both => {
                        push_lines(&mut body, mine, plan.eol);
                        push_lines(&mut body, theirs, plan.eol);
                    }
                    Choice::Edited(text) => {
                        let text = text.replace("\r\n", "\n");
                        let text = if plan.eol == "\n" {
                            text
                        } else {
                            text.replace('\n', plan.eol)
                        };
                        push_lines(&mut body, &text, plan.eol);
                    }
                }
                clash_index += 1;
            }
        }
    }
    front.extend_from_slice(body.as_bytes());
    Ok(front)
}
