//! Galley's domain, free of any GUI, file watcher or git library.
//!
//! Everything the desktop shell and the `galley` CLI do with a site goes through
//! this crate, so both behave the same and the logic is tested without a window.
//! It is *not* the place for windows, events, file watching (`galley-watch`) or
//! git (`galley-git`): those crates depend on this one, never the other way.

pub mod assets;
pub mod browse;
pub mod conflict;
pub mod document;
pub mod draft;
pub mod drops;
pub mod frontmatter;
pub mod journal;
pub mod merge;
pub mod page;
pub mod paths;
pub mod preview;
pub mod review;
pub mod save;
pub mod schema;
pub mod search;
pub mod site;
pub mod validate;
pub mod words;
