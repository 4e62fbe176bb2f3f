//! One module per command; each has a `--help` text and a `run`.

pub mod check;
pub mod edit;
pub mod render;
pub mod scan;
pub mod schema;

/// The `--help` text of a command.
pub fn help_for(command: &str) -> Option<&'static str> {
    Some(match command {
        "scan" => scan::HELP,
        "check" => check::HELP,
        "get" => edit::GET_HELP,
        "set" => edit::SET_HELP,
        "unset" => edit::UNSET_HELP,
        "render" => render::HELP,
        "schema" => schema::HELP,
        _ => return None,
    })
}
