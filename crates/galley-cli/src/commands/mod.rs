//! One module per command; each has a `--help` text and a `run`.

pub mod check;
pub mod edit;
pub mod publishing;
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
        "status" => publishing::STATUS_HELP,
        "diff" => publishing::DIFF_HELP,
        "commit" => publishing::COMMIT_HELP,
        "log" => publishing::LOG_HELP,
        "sync" => publishing::SYNC_HELP,
        "publish" => publishing::PUBLISH_HELP,
        _ => return None,
    })
}
