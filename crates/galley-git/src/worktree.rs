//! Writing files into the work tree so that an editor or watcher never sees a
//! half-written page: temp file in the same folder, fsync, then rename.

use crate::GitError;
use std::io::Write;
use std::path::Path;

/// Git's file mode for an executable file.
const MODE_EXECUTABLE: i32 = 0o100755;
/// Git's file mode for a symbolic link.
const MODE_SYMLINK: i32 = 0o120000;

/// Replaces `path` with `bytes` atomically. An existing file keeps its
/// permissions (a temp file would otherwise leave it 0600); a new one gets the
/// mode git records (`filemode`, e.g. executable) or the usual 0644.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    filemode: Option<i32>,
) -> Result<(), GitError> {
    let parent = path
        .parent()
        .ok_or_else(|| GitError::Io(format!("{} has no folder", path.display())))?;
    std::fs::create_dir_all(parent)?;
    if filemode == Some(MODE_SYMLINK) {
        return write_symlink(path, bytes);
    }
    // A symlink or folder in the way would be written through or fail the rename.
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            std::fs::remove_file(path)?;
        }
    }
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    match std::fs::metadata(path) {
        Ok(meta) => tmp.as_file().set_permissions(meta.permissions())?,
        Err(_) => set_new_file_permissions(tmp.as_file(), filemode)?,
    }
    tmp.persist(path)
        .map_err(|e| GitError::Io(e.error.to_string()))?;
    Ok(())
}

/// Removes a file if it is there, and the folders it leaves empty (git does not
/// track folders, so an empty one left behind would look like litter).
pub(crate) fn remove_file(workdir: &Path, path: &Path) -> Result<(), GitError> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == workdir || !d.starts_with(workdir) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

#[cfg(unix)]
fn set_new_file_permissions(file: &std::fs::File, filemode: Option<i32>) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if filemode == Some(MODE_EXECUTABLE) {
        0o755
    } else {
        0o644
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &std::fs::File, _filemode: Option<i32>) -> std::io::Result<()> {
    // No Unix modes: a temp file is already an ordinary writable file.
    Ok(())
}

#[cfg(unix)]
fn write_symlink(path: &Path, target: &[u8]) -> Result<(), GitError> {
    use std::os::unix::ffi::OsStrExt;
    let target = std::ffi::OsStr::from_bytes(target);
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    std::os::unix::fs::symlink(target, path)?;
    Ok(())
}

#[cfg(not(unix))]
fn write_symlink(path: &Path, target: &[u8]) -> Result<(), GitError> {
    // Like git with core.symlinks=false: the link becomes a file holding its target.
    write_atomic(path, target, None)
}
