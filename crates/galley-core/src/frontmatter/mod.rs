//! The front matter engine: a typed view for the form and lossless text edits for saving.
//!
//! A page is split into exact byte ranges (BOM, opening fence, front matter, closing
//! fence, body) so an unedited page is written back byte for byte. The typed view
//! ([`Value`]) is computed from the text per [`Dialect`], because Jekyll (YAML 1.1) and
//! Hugo (YAML 1.2) disagree on what `yes` or `007` mean. Edits never re-serialise the
//! whole front matter: they splice new text into the byte range of the one node that
//! changed, so a saved page shows a one-line diff in git.
//!
//! This module is *not* a general YAML library: it reads what static-site front matter
//! uses (block and flow collections, anchors, every scalar style) and edits block
//! collections fully, flow collections item by item.

pub(crate) mod edit;
mod error;
mod line_endings;
mod path;
mod position;
mod split;
pub(crate) mod toml;
pub(crate) mod value;
pub(crate) mod yaml_edit;
pub(crate) mod yaml_read;
mod yaml_render;
pub mod yaml_scalar;
mod yaml_tree;

pub use edit::Edit;
pub use error::{EditError, FrontMatterError};
pub use line_endings::{dominant_line_ending, merge_line_endings, LineEnding};
pub use path::{FieldPath, PathError, Segment};
pub use split::{split, Split};
pub use value::Value;

/// Which YAML rules decide what an unquoted word means.
///
/// The same text means different things to different generators: `hidden: yes` is a
/// boolean for Jekyll (Ruby's Psych follows YAML 1.1) but the text "yes" for Hugo
/// (YAML 1.2 core schema). Reading and writing with the site's dialect is what keeps a
/// toggle in the form from silently turning a boolean into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Dialect {
    /// YAML 1.1 as read by Ruby's Psych (Jekyll): `yes/no/on/off` are booleans, `010` is
    /// octal, `1,000` is a number.
    Yaml11,
    /// YAML 1.2 core schema (Hugo and most other tools): only `true/false` are booleans.
    Yaml12,
}

/// The syntax of a page's front matter, decided by its opening fence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Between `---` lines (Jekyll, Hugo).
    Yaml,
    /// Between `+++` lines (Hugo).
    Toml,
}

/// Reads a YAML snippet an editor typed for one field ("Edit as YAML") into the
/// value it stands for, with the page's dialect. Lines in errors count from the
/// snippet's first line.
pub fn parse_value(yaml: &str, dialect: Dialect) -> Result<Value, FrontMatterError> {
    let mut wrapped = String::from("value:\n");
    for line in yaml.replace("\r\n", "\n").lines() {
        wrapped.push_str("  ");
        wrapped.push_str(line);
        wrapped.push('\n');
    }
    let (_, value) = yaml_read::read(&wrapped, dialect, 0)?;
    Ok(match value {
        Value::Map(mut entries) if entries.len() == 1 => entries.remove(0).1,
        _ => Value::Null,
    })
}
