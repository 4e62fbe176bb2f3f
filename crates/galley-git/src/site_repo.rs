//! The repository that holds a site, and the mapping between site-relative
//! paths (what the app speaks) and repository-relative paths (what git speaks).
//!
//! A site may be a subfolder of its repository's work tree (a `docs/` site in a
//! code repository), so every path crosses this mapping exactly once.

use crate::GitError;
use std::path::{Component, Path, PathBuf};

/// A site's repository, kept open so that repeated calls (the watcher refreshing
/// one path at a time) do not pay for opening it and reading the index again.
pub struct SiteRepo {
    pub(crate) repo: git2::Repository,
    /// The site folder relative to the work tree, `/`-separated, no trailing
    /// slash; empty when the site is the work tree itself.
    prefix: String,
    workdir: PathBuf,
}

impl std::fmt::Debug for SiteRepo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteRepo")
            .field("workdir", &self.workdir)
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl SiteRepo {
    /// Finds the repository holding `site` (the site folder or any parent).
    pub fn open(site: &Path) -> Result<SiteRepo, GitError> {
        let repo = git2::Repository::discover(site).map_err(|_| GitError::NotARepository)?;
        let workdir = repo.workdir().ok_or(GitError::NotARepository)?;
        let workdir = workdir.canonicalize()?;
        let site = site.canonicalize()?;
        let rel = site
            .strip_prefix(&workdir)
            .map_err(|_| GitError::NotARepository)?;
        let prefix = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(SiteRepo {
            repo,
            prefix,
            workdir,
        })
    }

    /// The work tree's root folder (canonical).
    pub(crate) fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Maps a site-relative path to a repository-relative one. `..` may leave the
    /// site folder but never the work tree, and nothing under `.git` is reachable.
    pub(crate) fn to_repo(&self, site_rel: &str) -> Result<String, GitError> {
        let outside = || GitError::OutsideSite(site_rel.to_owned());
        let mut parts: Vec<String> = if self.prefix.is_empty() {
            Vec::new()
        } else {
            self.prefix.split('/').map(str::to_owned).collect()
        };
        for component in Path::new(site_rel).components() {
            match component {
                Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
                Component::CurDir => {}
                Component::ParentDir => {
                    parts.pop().ok_or_else(outside)?;
                }
                Component::RootDir | Component::Prefix(_) => return Err(outside()),
            }
        }
        if parts.is_empty() || parts[0].eq_ignore_ascii_case(".git") {
            return Err(outside());
        }
        Ok(parts.join("/"))
    }

    /// Maps a repository-relative path back to the site: files outside the site
    /// folder come back with leading `../`, which `to_repo` accepts again.
    pub(crate) fn to_site(&self, repo_rel: &str) -> String {
        if self.prefix.is_empty() {
            return repo_rel.to_owned();
        }
        let mut prefix: Vec<&str> = self.prefix.split('/').collect();
        let mut rest: Vec<&str> = repo_rel.split('/').collect();
        let common = prefix
            .iter()
            .zip(rest.iter())
            .take_while(|(a, b)| a == b)
            .count();
        prefix.drain(..common);
        rest.drain(..common);
        let mut out: Vec<&str> = prefix.iter().map(|_| "..").collect();
        out.extend(rest);
        out.join("/")
    }

    /// True when `repo_rel` lies inside the site folder.
    pub(crate) fn in_site(&self, repo_rel: &str) -> bool {
        self.prefix.is_empty()
            || repo_rel
                .strip_prefix(&self.prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    }

    /// The site folder as a pathspec, for limiting a status to the site.
    pub(crate) fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Absolute path of a repository-relative path.
    pub(crate) fn abs(&self, repo_rel: &str) -> PathBuf {
        self.workdir.join(repo_rel)
    }

    /// Fails early with [`GitError::Locked`] when another program holds the
    /// index lock, before any network traffic or file writes happen.
    pub(crate) fn ensure_unlocked(&self) -> Result<(), GitError> {
        if self.repo.path().join("index.lock").exists() {
            return Err(GitError::Locked);
        }
        Ok(())
    }

    /// Fails with [`GitError::MergeInProgress`] while a merge waits for a decision.
    pub(crate) fn ensure_no_merge(&self) -> Result<(), GitError> {
        if self.repo.path().join("MERGE_HEAD").exists() {
            return Err(GitError::MergeInProgress);
        }
        Ok(())
    }

    /// The commit HEAD points to, or None on a branch with no commit yet.
    pub(crate) fn head_commit(&self) -> Result<Option<git2::Commit<'_>>, GitError> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_commit()?)),
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The tree of HEAD, or None before the first commit.
    pub(crate) fn head_tree(&self) -> Result<Option<git2::Tree<'_>>, GitError> {
        Ok(match self.head_commit()? {
            Some(commit) => Some(commit.tree()?),
            None => None,
        })
    }
}

/// Content and file mode of `repo_rel` in `tree`, if it is a file there.
pub(crate) fn blob_in_tree(
    repo: &git2::Repository,
    tree: &git2::Tree<'_>,
    repo_rel: &str,
) -> Result<Option<(Vec<u8>, i32)>, GitError> {
    let entry = match tree.get_path(Path::new(repo_rel)) {
        Ok(entry) => entry,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if entry.kind() != Some(git2::ObjectType::Blob) {
        return Ok(None);
    }
    let blob = repo.find_blob(entry.id())?;
    Ok(Some((blob.content().to_vec(), entry.filemode())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_prefix(prefix: &str) -> SiteRepo {
        let dir = std::env::temp_dir();
        let repo = git2::Repository::init(dir.join("galley-site-repo-unit")).expect("init");
        SiteRepo {
            repo,
            prefix: prefix.to_owned(),
            workdir: dir,
        }
    }

    #[test]
    fn maps_paths_both_ways_for_a_subfolder_site() {
        let s = with_prefix("docs/site");
        assert_eq!(s.to_repo("a/b.md").expect("in"), "docs/site/a/b.md");
        assert_eq!(s.to_repo("../README.md").expect("in"), "docs/README.md");
        assert!(s.to_repo("../../../x").is_err());
        assert!(s.to_repo("/etc/passwd").is_err());
        assert!(s.to_repo("../../.git/config").is_err());
        assert_eq!(s.to_site("docs/site/a/b.md"), "a/b.md");
        assert_eq!(s.to_site("docs/README.md"), "../README.md");
        assert_eq!(s.to_site("src/main.rs"), "../../src/main.rs");
        assert!(s.in_site("docs/site/a.md"));
        assert!(!s.in_site("docs/sitemap.md"));
    }

    #[test]
    fn root_site_refuses_git_folder() {
        let s = with_prefix("");
        assert_eq!(s.to_repo("./a.md").expect("in"), "a.md");
        assert!(s.to_repo(".git/HEAD").is_err());
        assert!(s.to_repo("..").is_err());
        assert_eq!(s.to_site("a/b.md"), "a/b.md");
    }
}
