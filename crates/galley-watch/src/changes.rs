//! What the watcher reports: one batch of site changes per settled burst of
//! file-system activity.

use serde::Serialize;

/// A page that moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    /// Its site-relative path before.
    pub from: String,
    /// Its site-relative path now.
    pub to: String,
}

/// Why the watcher polls instead of being told by the OS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PollReason {
    /// The OS limit on watched folders was reached (Linux `max_user_watches`).
    WatchLimit,
    /// The site is on a network drive, where the OS reports no changes made by
    /// other computers.
    NetworkDrive {
        /// The file system type, e.g. `nfs4` or `cifs`.
        file_system: String,
    },
    /// The caller asked for polling.
    Requested,
}

/// How changes are noticed; the UI tells the user once when it is polling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum WatchMode {
    /// The OS reports changes as they happen.
    Native,
    /// The folder is re-read every few seconds.
    Polling {
        /// Why.
        reason: PollReason,
    },
}

impl WatchMode {
    /// A sentence for the user, or `None` when there is nothing to say.
    pub fn message(&self) -> Option<String> {
        let WatchMode::Polling { reason } = self else {
            return None;
        };
        Some(match reason {
            PollReason::WatchLimit => "This site has more folders than your computer lets Galley watch, so Galley checks for changes made by other programs every few seconds instead of at once.".to_owned(),
            PollReason::NetworkDrive { .. } => "This site is on a network drive, so Galley checks for changes made by other programs every few seconds instead of at once.".to_owned(),
            PollReason::Requested => "Galley checks for changes made by other programs every few seconds.".to_owned(),
        })
    }
}

/// One settled batch of changes in the site, all paths site-relative with `/`.
///
/// When `rescan` is set, so many things changed (or the OS dropped events) that
/// the lists are not given: re-read the whole site. Everything changed before
/// the batch was delivered is covered by that re-read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SiteChanges {
    /// Pages whose content changed.
    pub pages_changed: Vec<String>,
    /// Pages that appeared.
    pub pages_added: Vec<String>,
    /// Pages that are gone.
    pub pages_removed: Vec<String>,
    /// Pages that moved (Linux and Windows report moves; on macOS a move shows
    /// up as a removal plus an addition).
    pub pages_renamed: Vec<Renamed>,
    /// Generator or Galley config files that changed, appeared or went away.
    pub config_changed: Vec<String>,
    /// Other files (images, styles, data) that changed, appeared or went away.
    pub assets_changed: Vec<String>,
    /// HEAD, the index, a ref or MERGE_HEAD moved: refresh the git badges.
    pub git_state_changed: bool,
    /// Re-read the whole site; the lists above are empty or incomplete.
    pub rescan: bool,
    /// Set once, in the batch after watching switched to polling (or in a
    /// first, otherwise empty batch when it started that way).
    pub watch_mode: Option<WatchMode>,
}

impl SiteChanges {
    /// Whether there is nothing to tell.
    pub fn is_empty(&self) -> bool {
        self == &SiteChanges::default()
    }
}
