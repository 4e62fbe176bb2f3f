//! "Propose for review": record the chosen pages on a new branch, publish that
//! branch, and hand back the link that opens a pull/merge request.
//!
//! The commit is built beside the current branch (from HEAD's tree plus the
//! chosen files), so the editor stays where they were and their files are not
//! touched; the pages remain "unrecorded changes" here until the proposal is
//! merged and fetched back (sync accepts a local edit identical to what
//! arrives, so that step needs no cleanup).

use crate::commit::summary_of;
use crate::credentials::Credentials;
use crate::publish::set_upstream;
use crate::remote::{push_refspec, target, Progress};
use crate::site_repo::SiteRepo;
use crate::GitError;
use serde::Serialize;
use std::path::Path;

/// Branch names Galley makes start with this, so people see where they came from.
const BRANCH_PREFIX: &str = "galley/";
/// Longest slug taken from a message; branch names show up in URLs and lists.
const MAX_SLUG_CHARS: usize = 40;
/// How many numbered variants (`-2`, `-3`, ...) to try before giving up on a name.
const MAX_NUMBERED_VARIANTS: u32 = 100;

/// A published proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// The new branch, on this computer and on the remote.
    pub branch: String,
    /// The commit holding the proposed pages.
    pub commit: String,
    /// Opens the pull/merge request form, for GitHub and GitLab remotes.
    pub review_url: Option<String>,
}

/// Commits `paths` (site-relative) with `message` onto a new branch named
/// after the message, pushes it, and returns where to open the review.
pub fn propose_for_review(
    site: &Path,
    paths: &[String],
    message: &str,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
) -> Result<Proposal, GitError> {
    let message = message.trim();
    if message.is_empty() {
        return Err(GitError::EmptyMessage);
    }
    let site = SiteRepo::open(site)?;
    site.ensure_unlocked()?;
    site.ensure_no_merge()?;
    let repo = &site.repo;
    let target = target(&site)?;
    let signature = repo.signature().map_err(|_| GitError::NoIdentity)?;
    let head = site.head_commit()?.ok_or(GitError::NothingToPublish)?;
    let head_tree = head.tree()?;
    let mut index = git2::Index::new()?;
    index.read_tree(&head_tree)?;
    for rel in paths {
        let repo_rel = site.to_repo(rel)?;
        stage_from_disk(&site, &mut index, &repo_rel)?;
    }
    let tree_id = index.write_tree_to(repo)?;
    if tree_id == head_tree.id() {
        return Err(GitError::NothingToCommit);
    }
    let tree = repo.find_tree(tree_id)?;
    let commit = repo.commit(None, &signature, &signature, message, &tree, &[&head])?;
    let branch = branch_name_for(&summary_of(message), |name| {
        repo.find_reference(&format!("refs/heads/{name}")).is_ok()
            || repo
                .find_reference(&format!("refs/remotes/{}/{name}", target.remote))
                .is_ok()
    })
    .ok_or_else(|| GitError::Other("no free branch name for this proposal".to_owned()))?;
    repo.reference(
        &format!("refs/heads/{branch}"),
        commit,
        false,
        "galley: propose for review",
    )?;
    let refspec = format!("refs/heads/{branch}:refs/heads/{branch}");
    push_refspec(&site, &target.remote, &refspec, credentials, progress)?;
    set_upstream(repo, &branch, &target.remote, &branch)?;
    let remote_url = repo
        .find_remote(&target.remote)?
        .url()
        .map(str::to_owned)
        .unwrap_or_default();
    Ok(Proposal {
        review_url: review_url(&remote_url, &branch),
        branch,
        commit: commit.to_string(),
    })
}

/// Adds the file as it is on disk (or its removal) to an in-memory index.
fn stage_from_disk(
    site: &SiteRepo,
    index: &mut git2::Index,
    repo_rel: &str,
) -> Result<(), GitError> {
    let abs = site.abs(repo_rel);
    let meta = match std::fs::symlink_metadata(&abs) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if index.get_path(Path::new(repo_rel), 0).is_some() {
                index.remove_path(Path::new(repo_rel))?;
            }
            return Ok(());
        }
        Err(e) => return Err(e.into()),
    };
    let (bytes, mode) = if meta.file_type().is_symlink() {
        let target = std::fs::read_link(&abs)?;
        (target.to_string_lossy().into_owned().into_bytes(), 0o120000)
    } else {
        (std::fs::read(&abs)?, file_mode(&meta))
    };
    let id = site.repo.blob(&bytes)?;
    let zero = git2::IndexTime::new(0, 0);
    index.add(&git2::IndexEntry {
        ctime: zero,
        mtime: zero,
        dev: 0,
        ino: 0,
        mode,
        uid: 0,
        gid: 0,
        file_size: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        id,
        flags: 0,
        flags_extended: 0,
        path: repo_rel.as_bytes().to_vec(),
    })?;
    Ok(())
}

#[cfg(unix)]
fn file_mode(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    if meta.permissions().mode() & 0o111 != 0 {
        0o100755
    } else {
        0o100644
    }
}

#[cfg(not(unix))]
fn file_mode(_meta: &std::fs::Metadata) -> u32 {
    0o100644
}

/// A safe, unique branch name from a commit summary: `galley/` + lowercase
/// ASCII words joined by `-` (at most 40 characters), numbered `-2`, `-3`...
/// when `taken` says the name exists. None only if 100 variants are taken.
pub fn branch_name_for(summary: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let mut slug = String::new();
    for c in summary.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= MAX_SLUG_CHARS {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "changes" } else { slug };
    let base = format!("{BRANCH_PREFIX}{slug}");
    if !taken(&base) {
        return Some(base);
    }
    (2..=MAX_NUMBERED_VARIANTS)
        .map(|n| format!("{base}-{n}"))
        .find(|name| !taken(name))
}

/// The web page that opens a pull request (GitHub) or merge request (GitLab)
/// for `branch`, from the remote's URL in https or ssh form; None for other hosts.
pub fn review_url(remote_url: &str, branch: &str) -> Option<String> {
    let (host, path) = host_and_path(remote_url)?;
    let path = path.trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let branch_q = encode(branch);
    match host.to_ascii_lowercase().as_str() {
        "github.com" | "www.github.com" if segments.len() == 2 => Some(format!(
            "https://github.com/{}/{}/compare/{}?expand=1",
            segments[0],
            segments[1],
            encode_path(branch)
        )),
        "gitlab.com" | "www.gitlab.com" if segments.len() >= 2 => Some(format!(
            "https://gitlab.com/{}/-/merge_requests/new?merge_request%5Bsource_branch%5D={branch_q}",
            segments.join("/")
        )),
        _ => None,
    }
}

/// Splits `https://[user@]host[:port]/path`, `ssh://[user@]host[:port]/path`
/// and scp-like `user@host:path` into host and path.
fn host_and_path(url: &str) -> Option<(String, String)> {
    if let Some((scheme, rest)) = url.split_once("://") {
        if !matches!(scheme, "https" | "http" | "ssh" | "git" | "git+ssh") {
            return None;
        }
        let (authority, path) = rest.split_once('/')?;
        let host = authority.rsplit('@').next()?;
        let host = host.split(':').next()?;
        return Some((host.to_owned(), path.to_owned()));
    }
    let (head, path) = url.split_once(':')?;
    if head.contains('/') || head.is_empty() {
        return None;
    }
    let host = head.rsplit('@').next()?;
    Some((host.to_owned(), path.to_owned()))
}

/// Percent-encodes everything but unreserved characters (for a query value).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Like [`encode`] but keeps `/`, which GitHub expects unencoded in a path.
fn encode_path(s: &str) -> String {
    s.split('/').map(encode).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_urls_for_github_and_gitlab() {
        let gh = "https://github.com/acme/site/compare/galley/fix-typo?expand=1";
        let gl = "https://gitlab.com/acme/web/site/-/merge_requests/new?merge_request%5Bsource_branch%5D=galley%2Ffix-typo";
        let cases: [(&str, Option<&str>); 12] = [
            ("https://github.com/acme/site.git", Some(gh)),
            ("https://github.com/acme/site", Some(gh)),
            ("https://x-access-token@github.com/acme/site.git", Some(gh)),
            ("git@github.com:acme/site.git", Some(gh)),
            ("ssh://git@github.com/acme/site.git", Some(gh)),
            ("ssh://git@github.com:22/acme/site.git", Some(gh)),
            ("https://gitlab.com/acme/web/site.git", Some(gl)),
            ("git@gitlab.com:acme/web/site.git", Some(gl)),
            ("https://github.com/acme", None),
            ("https://bitbucket.org/acme/site.git", None),
            ("/srv/git/site.git", None),
            ("file:///srv/git/site.git", None),
        ];
        for (remote, want) in cases {
            assert_eq!(
                review_url(remote, "galley/fix-typo").as_deref(),
                want,
                "{remote}"
            );
        }
    }

    #[test]
    fn branch_names_are_safe_and_unique() {
        let none = |_: &str| false;
        let cases = [
            (
                "Update engagement 'AIDA': end year",
                "galley/update-engagement-aida-end-year",
            ),
            ("  Fix typo!!  ", "galley/fix-typo"),
            ("Ünïcödé only ✓", "galley/n-c-d-only"),
            ("✓✓✓", "galley/changes"),
            ("", "galley/changes"),
            (
                "A very long message that goes on and on past the limit of forty characters",
                "galley/a-very-long-message-that-goes-on-and-on",
            ),
            ("../../etc/passwd", "galley/etc-passwd"),
        ];
        for (message, want) in cases {
            assert_eq!(
                branch_name_for(message, none).as_deref(),
                Some(want),
                "{message}"
            );
        }
        let taken = |n: &str| n == "galley/fix" || n == "galley/fix-2";
        assert_eq!(
            branch_name_for("fix", taken).as_deref(),
            Some("galley/fix-3")
        );
        assert_eq!(branch_name_for("fix", |_| true), None);
    }
}
