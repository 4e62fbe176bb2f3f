//! The commands the UI may invoke, one file per area. Each is thin: arguments
//! → core call → wire type.

pub mod browse;
pub mod clone;
pub mod events;
pub mod external;
pub mod form;
pub mod git;
pub mod page;
pub mod prefs;
pub mod preview;
pub mod publish;
pub mod recovery;
pub mod site;
pub mod spelling;
pub mod update;
