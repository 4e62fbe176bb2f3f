//! Writing a page so that a crash or power cut leaves the old file or the new
//! one, never a mix or an empty file.
//!
//! The bytes go to a temporary file in the same folder (a rename is only
//! atomic within one file system), are flushed to disk, get the original's
//! permissions (a fresh temp file would be 0600), and are then renamed over the
//! original.

use std::io::Write;
use std::path::Path;

/// Why a save failed. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The page's folder is gone or unreadable.
    #[error("The folder for this page could not be found, so it was not saved.")]
    NoFolder,
    /// Disk full, permissions, a read-only drive…
    #[error("The page could not be saved ({0}). Nothing on disk was changed.")]
    Io(#[from] std::io::Error),
}

/// Atomically replaces (or creates) `path` with `bytes`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    // Write through a link to its target, so the link itself survives.
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let folder = target.parent().ok_or(SaveError::NoFolder)?;
    if !folder.is_dir() {
        return Err(SaveError::NoFolder);
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".galley-save-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(&target) {
        std::fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(&target).map_err(|e| SaveError::Io(e.error))?;
    // Make the rename itself durable where the OS lets us open a folder.
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("page.md");
        std::fs::write(&page, "old").expect("write");
        write_atomic(&page, b"new").expect("save");
        assert_eq!(std::fs::read(&page).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("page.md")]);
    }

    #[test]
    fn creates_missing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("new.md");
        write_atomic(&page, b"hello").expect("save");
        assert_eq!(std::fs::read(&page).expect("read"), b"hello");
    }

    #[test]
    fn missing_folder_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = write_atomic(&dir.path().join("gone/new.md"), b"x").expect_err("no folder");
        assert!(matches!(err, SaveError::NoFolder));
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_writes_through_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("page.md");
        std::fs::write(&page, "old").expect("write");
        std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&page, &link).expect("symlink");
        write_atomic(&link, b"new").expect("save");
        assert!(std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&page).expect("read"), b"new");
        let mode = std::fs::metadata(&page).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }
}
