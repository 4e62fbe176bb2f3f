//! Who is recorded as the author of a change.
//!
//! Read from git's usual configuration (repository, then the user's global
//! file); when missing, the app asks once and stores it in the site's own
//! repository only, so Galley never edits the user's global git settings.

use crate::site_repo::SiteRepo;
use crate::GitError;
use std::path::Path;

/// The name and e-mail address git would record, if both are configured.
pub fn identity(site: &Path) -> Result<Option<(String, String)>, GitError> {
    let site = SiteRepo::open(site)?;
    let config = site.repo.config()?.snapshot()?;
    let name = config.get_string("user.name").ok();
    let email = config.get_string("user.email").ok();
    Ok(match (name, email) {
        (Some(n), Some(e)) if !n.trim().is_empty() && !e.trim().is_empty() => Some((n, e)),
        _ => None,
    })
}

/// Stores the author's name and e-mail address in the site repository's own
/// configuration (`.git/config`).
pub fn set_identity(site: &Path, name: &str, email: &str) -> Result<(), GitError> {
    let (name, email) = (name.trim(), email.trim());
    if name.is_empty() || email.is_empty() {
        return Err(GitError::IncompleteIdentity);
    }
    let site = SiteRepo::open(site)?;
    let mut local = site.repo.config()?.open_level(git2::ConfigLevel::Local)?;
    local.set_str("user.name", name)?;
    local.set_str("user.email", email)?;
    Ok(())
}
