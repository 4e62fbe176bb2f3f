//! What the shell remembers between commands: the opened site.

use galley_core::site::Generator;
use std::path::PathBuf;
use std::sync::Mutex;

/// The site currently open in the window, if any.
#[derive(Debug, Clone)]
pub struct OpenSite {
    /// Canonical root folder.
    pub root: PathBuf,
    /// Decides how front matter is read.
    pub generator: Generator,
}

/// Managed state shared by the commands.
#[derive(Default)]
pub struct AppState {
    site: Mutex<Option<OpenSite>>,
}

impl AppState {
    /// The open site, if any.
    pub fn site(&self) -> Option<OpenSite> {
        self.site
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// Replaces the open site.
    pub fn set_site(&self, site: OpenSite) {
        match self.site.lock() {
            Ok(mut slot) => *slot = Some(site),
            Err(poisoned) => *poisoned.into_inner() = Some(site),
        }
    }
}
