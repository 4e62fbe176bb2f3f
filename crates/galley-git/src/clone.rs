//! "Clone a site…": a first copy of a site's repository on this computer,
//! with progress, a Cancel that really stops, and the same ways of signing in
//! as publishing (token, ssh-agent, keys, credential helpers).
//!
//! A failed or cancelled clone leaves nothing behind: the folder it made is
//! removed again, and a folder that was empty before is emptied again. A
//! folder that already holds files is refused before anything is written, so
//! a clone can never mix itself into someone's files.

use crate::credentials::Credentials;
use crate::remote::{Progress, Session};
use crate::GitError;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Checks that `address` can name a repository and returns it trimmed:
/// `https://`, `http://`, `ssh://`, `git://` and `file://` URLs, the scp-like
/// `git@host:owner/site.git`, and a folder path on this computer or a network
/// share (a bare repository on a shared drive is a real set-up in offices).
pub fn check_clone_address(address: &str) -> Result<String, GitError> {
    let address = address.trim();
    let refuse = || GitError::NotARepositoryAddress(address.to_owned());
    if address.is_empty() || address.chars().any(char::is_control) {
        return Err(refuse());
    }
    if let Some((scheme, rest)) = address.split_once("://") {
        let known = ["https", "http", "ssh", "git", "file"];
        let scheme = scheme.to_ascii_lowercase();
        if !known.contains(&scheme.as_str()) || rest.trim_matches('/').is_empty() {
            return Err(refuse());
        }
        return Ok(address.to_owned());
    }
    if is_local_path(address) {
        return Ok(address.to_owned());
    }
    // scp-like: [user@]host:path, with no slash before the colon.
    match address.split_once(':') {
        Some((head, path)) if !head.contains('/') && !path.is_empty() => {
            let host = head.rsplit('@').next().unwrap_or_default();
            if host.is_empty() || host.contains(char::is_whitespace) {
                return Err(refuse());
            }
            Ok(address.to_owned())
        }
        _ => Err(refuse()),
    }
}

/// An absolute folder path: `/srv/site.git`, `C:\sites\site.git`, `\\server\share`.
fn is_local_path(address: &str) -> bool {
    let bytes = address.as_bytes();
    let drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes[2] == b'\\' || bytes[2] == b'/');
    address.starts_with('/') || address.starts_with("\\\\") || drive
}

/// The folder name a copy gets by default: the repository's name without
/// `.git` (`https://github.com/aida/aida-site.git` → `aida-site`).
pub fn folder_name_for(address: &str) -> String {
    let trimmed = address.trim().trim_end_matches(['/', '\\']);
    let last = trimmed
        .rsplit(['/', '\\', ':'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(".git");
    let name: String = last
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .collect();
    let name = name.trim().trim_matches('.');
    if name.is_empty() {
        "site".to_owned()
    } else {
        name.to_owned()
    }
}

/// Checks a folder name the editor typed for the copy: one plain name, so
/// the copy lands inside the folder they chose and nowhere else.
pub fn check_folder_name(name: &str) -> Result<&str, GitError> {
    let trimmed = name.trim();
    let bad = trimmed.is_empty()
        || trimmed == "."
        || trimmed == ".."
        || trimmed.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        });
    if bad {
        Err(GitError::BadFolderName(name.to_owned()))
    } else {
        Ok(trimmed)
    }
}

/// Copies the repository at `address` into `destination` (a new or empty
/// folder), reporting progress; `cancel` set from another thread stops it.
/// Returns the copy's canonical folder.
pub fn clone_site(
    address: &str,
    destination: &Path,
    credentials: &Credentials,
    progress: &mut dyn FnMut(Progress),
    cancel: Arc<AtomicBool>,
) -> Result<PathBuf, GitError> {
    let address = check_clone_address(address)?;
    let existed = destination.exists();
    if existed && !is_empty_folder(destination) {
        return Err(GitError::DestinationNotEmpty(
            destination.display().to_string(),
        ));
    }
    std::fs::create_dir_all(destination)?;
    let config = git2::Config::open_default()
        .and_then(|mut c| c.snapshot())
        .or_else(|_| git2::Config::new())?;
    let session = Session::cancellable(cancel);
    let result = session.run_with_config(&config, credentials, progress, |callbacks| {
        let mut fetch = git2::FetchOptions::new();
        fetch.remote_callbacks(callbacks);
        fetch.download_tags(git2::AutotagOption::Auto);
        git2::build::RepoBuilder::new()
            .fetch_options(fetch)
            .clone(&address, destination)
    });
    match result {
        Ok(_) => Ok(destination.canonicalize()?),
        Err(e) => {
            leave_as_found(destination, existed);
            Err(e)
        }
    }
}

fn is_empty_folder(path: &Path) -> bool {
    path.is_dir()
        && std::fs::read_dir(path)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false)
}

/// Undoes a failed clone: removes the folder it made, or empties the empty
/// folder it was given. Best effort: a file still held open (Windows) stays.
fn leave_as_found(destination: &Path, existed: bool) {
    if !existed {
        let _ = std::fs::remove_dir_all(destination);
        return;
    }
    if let Ok(entries) = std::fs::read_dir(destination) {
        for entry in entries.flatten() {
            let path = entry.path();
            let _ = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_name_a_repository() {
        for ok in [
            "https://github.com/aida/site.git",
            "  http://127.0.0.1:4000/site.git ",
            "ssh://git@host.example/o/r",
            "git@github.com:aida/site.git",
            "file:///srv/git/site.git",
            "/srv/git/site.git",
            "C:\\sites\\site.git",
            "\\\\server\\share\\site.git",
        ] {
            assert_eq!(
                check_clone_address(ok).ok().as_deref(),
                Some(ok.trim()),
                "{ok}"
            );
        }
        for bad in [
            "",
            "   ",
            "aida site",
            "ftp://host/site.git",
            "https://",
            "relative/folder",
            "git@:site.git",
            "line\nbreak",
        ] {
            assert!(
                matches!(
                    check_clone_address(bad),
                    Err(GitError::NotARepositoryAddress(_))
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn folder_names_stay_one_name() {
        assert_eq!(check_folder_name(" aida-site ").ok(), Some("aida-site"));
        for bad in ["", " ", ".", "..", "a/b", "..\\x", "c:", "x\ny"] {
            assert!(check_folder_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn default_folder_names() {
        let cases = [
            ("https://github.com/aida/aida-site.git", "aida-site"),
            ("https://github.com/aida/aida-site/", "aida-site"),
            ("git@github.com:aida/site.git", "site"),
            ("/tmp/x/origin.git", "origin"),
            ("C:\\sites\\hub.git", "hub"),
            ("git@host:.git", "site"),
        ];
        for (address, want) in cases {
            assert_eq!(folder_name_for(address), want, "{address}");
        }
    }
}
