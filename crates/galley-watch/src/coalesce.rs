//! The coalescing thread: raw events in, one settled batch of site changes out.
//!
//! notify's callback only pushes events into a channel (a slow callback lets
//! the kernel queue overflow during a `git checkout`); everything else happens
//! here, on our own thread.

use crate::backend::{fall_back_to_polling, is_watch_limit, Backend};
use crate::batch::Batch;
use crate::changes::{PollReason, SiteChanges, WatchMode};
use crate::known::KnownFiles;
use crate::own_writes::ExpectedWrites;
use notify::Event;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Silence after the last event before a batch is delivered. Another program's
/// save is a handful of events within a few milliseconds (temp file, write,
/// rename); 50 ms of silence means it is done, and leaves 200 ms of the UI's
/// 250 ms budget for reading and showing the change.
pub(crate) const QUIET_PERIOD: Duration = Duration::from_millis(50);

/// Longest a batch waits while events keep coming. A program that writes
/// without pause (a long copy, a build writing into the site) never goes
/// quiet; the UI still follows every 200 ms.
pub(crate) const MAX_LATENCY: Duration = Duration::from_millis(200);

/// Longest a batch that already means "re-read the whole site" waits while
/// events keep coming. A `git checkout` of 10,000 files takes about a second;
/// re-reading the site after each 200 ms of it would race the checkout five
/// times, but a burst that never ends still refreshes every 2 s.
pub(crate) const BURST_MAX_LATENCY: Duration = Duration::from_secs(2);

/// A batch still growing when [`MAX_LATENCY`] runs out, with more paths than
/// this, is a bulk operation (checkout, pull, folder copy), not someone
/// editing: it becomes one "re-read the site" signal delivered when the writes
/// settle (or after [`BURST_MAX_LATENCY`]), instead of a stream of updates.
pub(crate) const BURST_AT_CAP: usize = 100;

/// What the coalescing thread receives.
pub(crate) enum Msg {
    /// A raw event (or error) from notify.
    Event(notify::Result<Event>),
    /// Deliver everything up to `sentinel`'s event (or now, without one), then
    /// signal `done`.
    Flush {
        sentinel: Option<PathBuf>,
        done: Sender<()>,
    },
    /// The handle was dropped.
    Stop,
}

/// State shared by the handle and the thread.
pub(crate) struct Shared {
    pub root: PathBuf,
    pub expected: ExpectedWrites,
    pub backend: Mutex<Option<Backend>>,
    pub mode: Mutex<WatchMode>,
}

/// A function turning notify events into messages on `tx`.
pub(crate) fn handler(tx: Sender<Msg>) -> impl Fn(notify::Result<Event>) + Send + 'static {
    move |event| {
        // The receiver is gone only while the watcher is being dropped.
        let _ = tx.send(Msg::Event(event));
    }
}

pub(crate) struct Coalescer {
    shared: Arc<Shared>,
    rx: Receiver<Msg>,
    tx: Sender<Msg>,
    deliver: Box<dyn Fn(SiteChanges) + Send>,
    known: KnownFiles,
    batch: Batch,
    first_at: Option<Instant>,
    last_at: Instant,
    waiting: Vec<(PathBuf, Sender<()>)>,
    mode_to_report: Option<WatchMode>,
}

impl Coalescer {
    pub(crate) fn new(
        shared: Arc<Shared>,
        rx: Receiver<Msg>,
        tx: Sender<Msg>,
        deliver: Box<dyn Fn(SiteChanges) + Send>,
        known: KnownFiles,
        mode_to_report: Option<WatchMode>,
    ) -> Self {
        Coalescer {
            shared,
            rx,
            tx,
            deliver,
            known,
            batch: Batch::default(),
            first_at: None,
            last_at: Instant::now(),
            waiting: Vec::new(),
            mode_to_report,
        }
    }

    /// When the pending batch is due, if there is one.
    fn due(&self) -> Option<Instant> {
        let first = self.first_at?;
        let cap = if self.batch.needs_rescan() {
            BURST_MAX_LATENCY
        } else {
            MAX_LATENCY
        };
        Some((self.last_at + QUIET_PERIOD).min(first + cap))
    }

    fn note_activity(&mut self) {
        let now = Instant::now();
        self.first_at.get_or_insert(now);
        self.last_at = now;
    }

    /// Settles the pending batch and hands it to the callback (if non-empty).
    fn emit(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        self.first_at = None;
        let mut changes = if batch.is_empty() {
            SiteChanges::default()
        } else {
            self.known.settle(batch, &self.shared.expected)
        };
        changes.watch_mode = self.mode_to_report.take();
        if !changes.is_empty() {
            // A panicking callback must not stop the watching.
            let _ = catch_unwind(AssertUnwindSafe(|| (self.deliver)(changes)));
        }
    }

    /// The OS ran out of watches while the site grew: switch to polling.
    fn fall_back(&mut self) {
        let Ok(mut backend) = self.shared.backend.lock() else {
            return;
        };
        if !matches!(*backend, Some(Backend::Native(_))) {
            return;
        }
        // If polling cannot start either, keep the OS watcher: it still
        // covers the folders it already watches.
        if let Ok(polling) = fall_back_to_polling(&self.shared.root, handler(self.tx.clone())) {
            *backend = Some(polling);
            let mode = WatchMode::Polling {
                reason: PollReason::WatchLimit,
            };
            if let Ok(mut current) = self.shared.mode.lock() {
                *current = mode.clone();
            }
            self.mode_to_report = Some(mode);
        }
    }

    pub(crate) fn run(mut self) {
        if self.mode_to_report.is_some() {
            self.emit();
        }
        loop {
            let msg = match self.due() {
                None => match self.rx.recv() {
                    Ok(msg) => msg,
                    Err(_) => break,
                },
                Some(due) => {
                    match self
                        .rx
                        .recv_timeout(due.saturating_duration_since(Instant::now()))
                    {
                        Ok(msg) => msg,
                        Err(RecvTimeoutError::Timeout) => {
                            let still_writing = self.last_at.elapsed() < QUIET_PERIOD;
                            if still_writing
                                && !self.batch.needs_rescan()
                                && self.batch.touched.len() > BURST_AT_CAP
                            {
                                self.batch.start_burst();
                            } else {
                                self.emit();
                            }
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            };
            match msg {
                Msg::Stop => break,
                Msg::Event(Ok(event)) => {
                    let mut reached = Vec::new();
                    if !self.waiting.is_empty() {
                        let (hit, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.waiting)
                            .into_iter()
                            .partition(|(sentinel, _)| event.paths.contains(sentinel));
                        self.waiting = rest;
                        reached = hit;
                    }
                    if self.batch.add(&self.shared.root, &event) {
                        self.note_activity();
                    }
                    if !reached.is_empty() {
                        self.emit();
                        for (_, done) in reached {
                            let _ = done.send(());
                        }
                    }
                }
                Msg::Event(Err(error)) => {
                    if is_watch_limit(&error) {
                        self.fall_back();
                    }
                    // Some change may have gone unreported: re-read the site.
                    self.batch.overflow = true;
                    self.note_activity();
                }
                Msg::Flush {
                    sentinel: Some(sentinel),
                    done,
                } => self.waiting.push((sentinel, done)),
                Msg::Flush {
                    sentinel: None,
                    done,
                } => {
                    self.emit();
                    let _ = done.send(());
                }
            }
        }
    }
}
