//! Watching a site folder: file-system events become one small batch of site
//! changes ([`SiteChanges`]) per settled burst of activity, delivered to a
//! callback that the shell forwards to the UI.
//!
//! How it works: a raw `notify` watcher whose callback only pushes events into
//! a channel (measured here: `notify-debouncer-full` overflowed the kernel
//! queue in 4 of 4 runs of a 10,000-file checkout, while a raw watcher with a
//! trivial callback kept up); a coalescing thread that waits until the writes
//! settle; and a settle step that looks at the disk to decide what was added,
//! changed, removed or renamed. Bursts and kernel queue overflows become one
//! `rescan` signal. Galley's own saves are recognised by content fingerprint
//! ([`Watcher::expect_write`]), never by a time window.
//!
//! What it is not: a site index. It keeps only the list of file paths it needs
//! to tell additions from changes. `galley-core` never depends on this crate
//! (the core stays free of notify); this crate uses the core's fingerprint and
//! path rules so both agree.

mod backend;
mod batch;
mod changes;
mod classify;
mod coalesce;
mod known;
mod own_writes;

pub use backend::WatchError;
pub use changes::{PollReason, Renamed, SiteChanges, WatchMode};
pub use classify::{classify, is_temp_file, PathKind};

use backend::Backend;
use coalesce::{handler, Coalescer, Msg, Shared};
use known::KnownFiles;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long [`Watcher::flush`] waits for its marker to come back through the
/// OS. It normally takes well under a millisecond; if it never comes (the
/// watch broke), a test or the app gets an error instead of hanging.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// Choices for [`Watcher::start_with`].
#[derive(Debug, Clone, Default)]
pub struct WatchOptions {
    /// Poll even where the OS could report changes (a user setting for odd
    /// file systems, and tests of the polling path).
    pub force_polling: bool,
}

/// A running watch on one site folder. Dropping it stops the watching and
/// joins its thread; no callback runs after `drop` returns.
pub struct Watcher {
    shared: Arc<Shared>,
    tx: mpsc::Sender<Msg>,
    thread: Option<JoinHandle<()>>,
    flushes: AtomicU64,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("root", &self.shared.root)
            .field("mode", &self.mode())
            .finish_non_exhaustive()
    }
}

impl Watcher {
    /// Starts watching `root`, calling `on_change` (on the watcher's own
    /// thread) with each settled batch. The callback must not call
    /// [`Watcher::flush`] or drop the watcher: it would wait for itself.
    pub fn start<F>(root: &Path, on_change: F) -> Result<Watcher, WatchError>
    where
        F: Fn(SiteChanges) + Send + 'static,
    {
        Self::start_with(root, WatchOptions::default(), on_change)
    }

    /// [`Watcher::start`] with options. When watching starts in polling mode,
    /// the first batch delivered carries only `watch_mode`, so the UI can tell
    /// the user once.
    pub fn start_with<F>(
        root: &Path,
        options: WatchOptions,
        on_change: F,
    ) -> Result<Watcher, WatchError>
    where
        F: Fn(SiteChanges) + Send + 'static,
    {
        let no_folder = || WatchError::NoFolder(root.display().to_string());
        // Events name canonical paths on some OSes (macOS /private/var), so
        // watch the canonical path and make every path relative to it.
        let root = root.canonicalize().map_err(|_| no_folder())?;
        if !root.is_dir() {
            return Err(no_folder());
        }
        let (tx, rx) = mpsc::channel();
        let (backend, mode) = backend::start(&root, options.force_polling, || handler(tx.clone()))?;
        // Scan after the watch is in place, so nothing falls between the two.
        let known = KnownFiles::scan(&root);
        let report = (mode != WatchMode::Native).then(|| mode.clone());
        let shared = Arc::new(Shared {
            root,
            expected: Default::default(),
            backend: Mutex::new(Some(backend)),
            mode: Mutex::new(mode),
        });
        let coalescer = Coalescer::new(
            Arc::clone(&shared),
            rx,
            tx.clone(),
            Box::new(on_change),
            known,
            report,
        );
        let thread = std::thread::Builder::new()
            .name("galley-watch".into())
            .spawn(move || coalescer.run())
            .map_err(|e| WatchError::Start(e.to_string()))?;
        Ok(Watcher {
            shared,
            tx,
            thread: Some(thread),
            flushes: AtomicU64::new(0),
        })
    }

    /// The watched folder (canonical).
    pub fn root(&self) -> &Path {
        &self.shared.root
    }

    /// How changes are being noticed now.
    pub fn mode(&self) -> WatchMode {
        self.shared
            .mode
            .lock()
            .map(|m| m.clone())
            .unwrap_or(WatchMode::Native)
    }

    /// Announces that Galley is about to write bytes with fingerprint
    /// `content_hash` (see `galley_core::page::fingerprint`) to the
    /// site-relative `rel_path`. Call it *before* writing. A change to that
    /// path is then not reported while the file holds those bytes; a change by
    /// another program, however soon after, still is.
    pub fn expect_write(&self, rel_path: &str, content_hash: &str) {
        self.shared.expected.expect(rel_path, content_hash);
    }

    fn is_polling(&self) -> bool {
        matches!(self.mode(), WatchMode::Polling { .. })
    }

    /// Blocks until every change made before this call has been delivered to
    /// the callback (an empty result is not delivered). It creates and removes
    /// a hidden marker file (`.galley-flush-*.tmp`) in the site folder and
    /// waits for its event: the OS reports events in order, so everything
    /// before the marker has then been seen. Meant for tests and for a "check
    /// now" in the UI, not for every keystroke.
    pub fn flush(&self) -> Result<(), WatchError> {
        // A poller's scan reports the marker possibly before other changes it
        // found in the same scan; a second marker proves that scan finished.
        let rounds = if self.is_polling() { 2 } else { 1 };
        for _ in 0..rounds {
            self.flush_round()?;
        }
        Ok(())
    }

    fn flush_round(&self) -> Result<(), WatchError> {
        let n = self.flushes.fetch_add(1, Ordering::Relaxed);
        let sentinel: PathBuf = self
            .shared
            .root
            .join(format!(".galley-flush-{}-{n}.tmp", std::process::id()));
        let (done_tx, done_rx) = mpsc::channel();
        // Register before creating the file, so its event cannot come first.
        self.tx
            .send(Msg::Flush {
                sentinel: Some(sentinel.clone()),
                done: done_tx.clone(),
            })
            .map_err(|_| WatchError::Stopped)?;
        if std::fs::write(&sentinel, b"").is_err() {
            // A read-only site: deliver what has arrived so far.
            self.tx
                .send(Msg::Flush {
                    sentinel: None,
                    done: done_tx,
                })
                .map_err(|_| WatchError::Stopped)?;
            return wait(&done_rx);
        }
        let polling = self.is_polling();
        if polling {
            if let Ok(backend) = self.shared.backend.lock() {
                if let Some(backend) = backend.as_ref() {
                    backend.poll_now();
                }
            }
        } else {
            let _ = std::fs::remove_file(&sentinel);
        }
        let result = wait(&done_rx);
        if polling {
            let _ = std::fs::remove_file(&sentinel);
        }
        result
    }
}

fn wait(done: &mpsc::Receiver<()>) -> Result<(), WatchError> {
    done.recv_timeout(FLUSH_TIMEOUT).map_err(|e| match e {
        RecvTimeoutError::Timeout => WatchError::FlushTimedOut,
        RecvTimeoutError::Disconnected => WatchError::Stopped,
    })
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // Stop the OS watcher first so no new events arrive, then the thread.
        let backend: Option<Backend> = self
            .shared
            .backend
            .lock()
            .ok()
            .and_then(|mut guard| guard.take());
        drop(backend);
        let _ = self.tx.send(Msg::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    /// The shell keeps the watcher in shared app state.
    #[test]
    fn the_handle_can_live_in_shared_state() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::Watcher>();
        assert_send_sync::<super::SiteChanges>();
    }
}
