//! Starting the OS watcher, or the polling one when the OS cannot help.

use crate::changes::{PollReason, WatchMode};
use notify::{Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::path::Path;
use std::time::Duration;

/// How often a polling watcher re-reads the site. A walk with lstat of 10,000
/// pages costs ~26 ms locally (more on a network drive), so every 2 s keeps
/// the CPU nearly idle while an outside change still shows within seconds.
pub(crate) const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// File systems on which the OS reports no changes made by other computers.
const NETWORK_FILE_SYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "davfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.davfs2",
    "fuse.glusterfs",
    "fuse.s3fs",
];

/// The OS or polling watcher, kept alive as long as the site is watched.
pub(crate) enum Backend {
    /// Held only so the OS watch lives until the handle is dropped.
    Native(#[expect(dead_code, reason = "kept alive, never read")] RecommendedWatcher),
    Polling(PollWatcher),
}

impl Backend {
    /// Asks a polling watcher to look now (no-op for the OS watcher).
    pub(crate) fn poll_now(&self) {
        if let Backend::Polling(watcher) = self {
            // A failed request only means the next scheduled poll is used.
            let _ = watcher.poll();
        }
    }
}

/// Why watching could not start at all.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The folder is gone or is not a folder.
    #[error("The site folder {0} cannot be found, so Galley cannot notice changes made by other programs. Reopen the site.")]
    NoFolder(String),
    /// Neither the OS watcher nor polling could start.
    #[error("Galley could not watch the site folder for changes ({0}). Changes made by other programs will only show after you reopen the site.")]
    Start(String),
    /// The watcher's thread is gone.
    #[error("Galley stopped watching the site folder. Reopen the site to see changes made by other programs.")]
    Stopped,
    /// `flush` waited too long for the OS to report its marker.
    #[error("The site folder's change notices are running late. Changes made by other programs may show with a delay.")]
    FlushTimedOut,
}

/// Whether a watch error means "the OS cannot watch this many folders".
pub(crate) fn is_watch_limit(err: &notify::Error) -> bool {
    match &err.kind {
        notify::ErrorKind::MaxFilesWatch => true,
        // ENOSPC from inotify_add_watch is the watch limit, and so is EMFILE
        // from inotify_init (too many inotify instances).
        notify::ErrorKind::Io(io) => {
            matches!(io.raw_os_error(), Some(28) | Some(24)) && cfg!(target_os = "linux")
        }
        _ => false,
    }
}

/// Undoes the octal escapes of `/proc/mounts` (`\040` is a space).
fn unescape_mount(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let digits = bytes
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|b| (b'0'..=b'7').contains(b)));
        if let (b'\\', Some(d)) = (bytes[i], digits) {
            let code = d.iter().fold(0u32, |acc, b| acc * 8 + u32::from(b - b'0'));
            if let Ok(code) = u8::try_from(code) {
                out.push(code);
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The network file system `path` lies on, read from a `/proc/mounts` text:
/// the mount with the longest mount point that contains `path` decides.
pub(crate) fn network_file_system(mounts: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let mut fields = line.split_whitespace();
        let (Some(_device), Some(mount_point), Some(fs_type)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let mount_point = unescape_mount(mount_point);
        if !path.starts_with(&mount_point) {
            continue;
        }
        let depth = Path::new(&mount_point).components().count();
        if best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, fs_type.to_owned()));
        }
    }
    let (_, fs_type) = best?;
    NETWORK_FILE_SYSTEMS
        .contains(&fs_type.as_str())
        .then_some(fs_type)
}

/// Whether `root` is on a network drive (Linux only; elsewhere `None`).
fn network_drive(root: &Path) -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    network_file_system(&mounts, root)
}

fn start_polling<F>(root: &Path, handler: F) -> Result<Backend, notify::Error>
where
    F: notify::EventHandler,
{
    let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
    let mut watcher = PollWatcher::new(handler, config)?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    Ok(Backend::Polling(watcher))
}

/// Starts watching `root`: the OS watcher when it can, else polling. The
/// handler is called by notify's thread and must stay cheap.
pub(crate) fn start<F>(
    root: &Path,
    force_polling: bool,
    make_handler: impl Fn() -> F,
) -> Result<(Backend, WatchMode), WatchError>
where
    F: Fn(notify::Result<Event>) + Send + 'static,
{
    let reason = if force_polling {
        Some(PollReason::Requested)
    } else {
        network_drive(root).map(|file_system| PollReason::NetworkDrive { file_system })
    };
    if reason.is_none() {
        let native = RecommendedWatcher::new(make_handler(), notify::Config::default())
            .and_then(|mut w| w.watch(root, RecursiveMode::Recursive).map(|()| w));
        match native {
            Ok(watcher) => return Ok((Backend::Native(watcher), WatchMode::Native)),
            Err(e) if is_watch_limit(&e) => {}
            Err(e) => return Err(WatchError::Start(e.to_string())),
        }
    }
    let reason = reason.unwrap_or(PollReason::WatchLimit);
    let backend =
        start_polling(root, make_handler()).map_err(|e| WatchError::Start(e.to_string()))?;
    Ok((backend, WatchMode::Polling { reason }))
}

/// Replaces a native watcher that hit the watch limit while running.
pub(crate) fn fall_back_to_polling<F>(root: &Path, handler: F) -> Result<Backend, WatchError>
where
    F: Fn(notify::Result<Event>) + Send + 'static,
{
    start_polling(root, handler).map_err(|e| WatchError::Start(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_drives_are_recognised_from_the_mount_table() {
        let mounts = "\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw 0 0
//nas/web /home/ana/My\\040Sites cifs rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
sshfs#x /media/remote fuse.sshfs rw 0 0
";
        let cases = [
            ("/home/ana/site", None),
            ("/mnt/share/site", Some("nfs4")),
            ("/mnt/share/local/site", None),
            ("/mnt/shared/site", None),
            ("/home/ana/My Sites/blog", Some("cifs")),
            ("/media/remote/blog", Some("fuse.sshfs")),
        ];
        for (path, want) in cases {
            assert_eq!(
                network_file_system(mounts, Path::new(path)).as_deref(),
                want,
                "{path}"
            );
        }
    }

    #[test]
    fn watch_limit_errors_are_recognised() {
        assert!(is_watch_limit(&notify::Error::new(
            notify::ErrorKind::MaxFilesWatch
        )));
        assert!(!is_watch_limit(&notify::Error::path_not_found()));
        #[cfg(target_os = "linux")]
        assert!(is_watch_limit(&notify::Error::io(
            std::io::Error::from_raw_os_error(28)
        )));
    }
}
