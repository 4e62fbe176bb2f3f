//! What an opened (or just cloned) site folder has of what Galley needs, so
//! the app can say in plain words what will and will not work: a folder
//! without git can be edited but not recorded; without a remote, changes are
//! recorded but cannot be published; without a name and e-mail, nothing can
//! be recorded until the editor gives them.

use crate::site_repo::SiteRepo;
use serde::Serialize;
use std::path::Path;

/// The state of a site folder's git set-up. Never an error: what is missing
/// is the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteSetup {
    /// The folder is inside a git repository.
    pub repository: bool,
    /// Where changes are published (`origin`'s URL, or the only remote's).
    pub remote: Option<String>,
    /// git knows the author's name and e-mail address.
    pub identity: bool,
}

/// Looks at `site`'s repository: is there one, a remote, an author identity.
pub fn site_setup(site: &Path) -> SiteSetup {
    let Ok(repo) = SiteRepo::open(site) else {
        return SiteSetup {
            repository: false,
            remote: None,
            identity: false,
        };
    };
    let remote = repo.repo.remotes().ok().and_then(|names| {
        let names: Vec<String> = names
            .iter()
            .flatten()
            .flatten()
            .map(str::to_owned)
            .collect();
        let name = if names.iter().any(|n| n == "origin") {
            Some("origin".to_owned())
        } else {
            names.first().cloned()
        }?;
        let remote = repo.repo.find_remote(&name).ok()?;
        remote.url().ok().map(str::to_owned)
    });
    SiteSetup {
        repository: true,
        remote,
        identity: crate::identity(site).ok().flatten().is_some(),
    }
}
