//! Turning a site-relative path that came from outside (the UI, the CLI) into a
//! real path, refusing anything that would leave the opened site.
//!
//! The webview is treated as untrusted: a page's content could, in the worst
//! case, get script to run there, so every path it sends is checked here before
//! the disk is touched. Relative paths always use `/`, whatever the OS.

use std::path::{Component, Path, PathBuf};

/// Why a path was refused. The messages are shown to editors as they are.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PathError {
    /// Empty, absolute, or with `..` / drive prefixes.
    #[error("\"{0}\" is not a page inside this site.")]
    OutsideSite(String),
    /// Anything under `.git/` belongs to git, never to an editor.
    #[error("\"{0}\" is part of git's own records and cannot be opened or changed here.")]
    InsideGit(String),
    /// A link somewhere along the path leads out of the site.
    #[error("\"{0}\" leads outside this site through a link, so Galley will not touch it.")]
    LinkOutside(String),
}

/// Resolves `relative` (forward slashes) inside `root`.
///
/// The file itself need not exist (a new page), but every existing part of
/// the path is checked after following links, so a symlink cannot lead out.
pub fn resolve_in_root(root: &Path, relative: &str) -> Result<PathBuf, PathError> {
    let refuse = || PathError::OutsideSite(relative.to_owned());
    if relative.is_empty() || relative.contains('\\') || relative.contains('\0') {
        return Err(refuse());
    }
    let rel = Path::new(relative);
    let mut joined = root.to_path_buf();
    for component in rel.components() {
        match component {
            Component::Normal(part) => {
                if part == ".git" {
                    return Err(PathError::InsideGit(relative.to_owned()));
                }
                joined.push(part);
            }
            Component::CurDir => {}
            _ => return Err(refuse()),
        }
    }
    if joined == root {
        return Err(refuse());
    }
    let canonical_root = root.canonicalize().map_err(|_| refuse())?;
    // Check the deepest part of the path that exists: links are resolved there.
    let mut existing = joined.as_path();
    while !existing.exists() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => return Err(refuse()),
        }
    }
    let canonical = existing.canonicalize().map_err(|_| refuse())?;
    if !canonical.starts_with(&canonical_root) {
        return Err(PathError::LinkOutside(relative.to_owned()));
    }
    if canonical
        .strip_prefix(&canonical_root)
        .map(|inside| inside.components().any(|c| c.as_os_str() == ".git"))
        .unwrap_or(false)
    {
        return Err(PathError::InsideGit(relative.to_owned()));
    }
    Ok(joined)
}

/// The site-relative form of `path` (which must lie under `root`), with `/`.
pub fn relative_to_root(root: &Path, path: &Path) -> Option<String> {
    let inside = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = inside
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("_engagements")).expect("mkdir");
        std::fs::write(dir.path().join("_engagements/aida.md"), "---\n---\n").expect("write");
        std::fs::create_dir_all(dir.path().join(".git")).expect("mkdir");
        dir
    }

    #[test]
    fn accepts_pages_and_new_files_inside() {
        let dir = site();
        let p = resolve_in_root(dir.path(), "_engagements/aida.md").expect("inside");
        assert_eq!(p, dir.path().join("_engagements").join("aida.md"));
        assert!(resolve_in_root(dir.path(), "_engagements/new.md").is_ok());
        assert!(resolve_in_root(dir.path(), "./index.md").is_ok());
    }

    #[test]
    fn refuses_escapes() {
        let dir = site();
        for bad in [
            "",
            "../x.md",
            "_engagements/../../x.md",
            "/etc/passwd",
            "a\\b.md",
            ".",
        ] {
            assert!(
                matches!(
                    resolve_in_root(dir.path(), bad),
                    Err(PathError::OutsideSite(_))
                ),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn refuses_git_internals() {
        let dir = site();
        assert_eq!(
            resolve_in_root(dir.path(), ".git/config"),
            Err(PathError::InsideGit(".git/config".into()))
        );
        assert!(matches!(
            resolve_in_root(dir.path(), "sub/.git/HEAD"),
            Err(PathError::InsideGit(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_leading_out() {
        let dir = site();
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("secret.md"), "x").expect("write");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).expect("symlink");
        assert!(matches!(
            resolve_in_root(dir.path(), "out/secret.md"),
            Err(PathError::LinkOutside(_))
        ));
        assert!(matches!(
            resolve_in_root(dir.path(), "out/new.md"),
            Err(PathError::LinkOutside(_))
        ));
    }

    #[test]
    fn relative_uses_forward_slashes() {
        let root = Path::new("/site");
        assert_eq!(
            relative_to_root(root, &root.join("_news").join("a.md")).as_deref(),
            Some("_news/a.md")
        );
        assert_eq!(relative_to_root(root, root), None);
    }
}
