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
    token: Mutex<Option<galley_git::HttpsToken>>,
}

impl AppState {
    /// The open site, if any.
    pub fn site(&self) -> Option<OpenSite> {
        self.site
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// The HTTPS token the editor entered for publishing, if any.
    pub fn https_token(&self) -> Option<galley_git::HttpsToken> {
        self.token
            .lock()
            .map(|t| t.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// Remembers an HTTPS token for this session's network operations.
    pub fn set_https_token(&self, token: galley_git::HttpsToken) {
        match self.token.lock() {
            Ok(mut slot) => *slot = Some(token),
            Err(poisoned) => *poisoned.into_inner() = Some(token),
        }
    }

    /// Replaces the open site.
    pub fn set_site(&self, site: OpenSite) {
        match self.site.lock() {
            Ok(mut slot) => *slot = Some(site),
            Err(poisoned) => *poisoned.into_inner() = Some(site),
        }
    }
}
