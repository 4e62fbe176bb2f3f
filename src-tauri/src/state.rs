//! What the shell remembers between commands: the opened site, its watcher,
//! the base version of each open page, and where to send app events.

use crate::ipc::IpcError;
use galley_core::site::{Generator, Site};
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use tauri::ipc::Channel;

/// The site currently open in the window, if any.
#[derive(Debug, Clone)]
pub struct OpenSite {
    /// Canonical root folder.
    pub root: PathBuf,
    /// Decides how front matter is read.
    pub generator: Generator,
}

/// What the shell tells the UI without being asked.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppEvent {
    /// Files of the site changed on disk (outside Galley).
    SiteChanged {
        /// What changed.
        changes: galley_watch::SiteChanges,
        /// A sentence to show once (e.g. that the site is watched by polling).
        notice: Option<String>,
        /// `notice` as a code, for the UI's own words.
        notice_words: Option<galley_core::words::Words>,
    },
    /// The editor asked to close the window while pages had unsaved edits.
    CloseRequested,
    /// A new version of Galley can be installed (see `update.rs`).
    UpdateAvailable {
        /// Its version and notes.
        offer: crate::update::UpdateOffer,
    },
    /// Files from the file manager are dragged into the window (`images`: at
    /// least one of them is an image the site can show), or moved over it.
    /// `x`, `y`: where, in the page's CSS pixels.
    FileDrag {
        /// From the window's left edge.
        x: f64,
        /// From the window's top edge.
        y: f64,
        /// Whether any dragged file is an image (`None` while moving: as entered).
        images: Option<bool>,
    },
    /// The dragged files left the window without being dropped.
    FileDragLeft,
    /// Files were dropped at `x`, `y`; the UI may ask to copy one of them in by
    /// its number (`import_dropped`), never by its path.
    FilesDropped {
        /// The drop's number and what the UI may know of its files.
        offer: galley_core::drops::DropOffer,
        /// From the window's left edge, in CSS pixels.
        x: f64,
        /// From the window's top edge, in CSS pixels.
        y: f64,
    },
    /// A link was clicked in the preview.
    LinkClicked {
        /// As written in the page (or its resolved site link).
        link: String,
        /// Whether it is a web address outside the site.
        external: bool,
    },
}

/// The opened site's index (pages, schemas), kept between commands and dropped
/// when the site changes on disk, so the next command re-reads it.
pub type SiteIndex = Arc<Mutex<Option<Arc<Site>>>>;

/// The UI's channel for [`AppEvent`]s, shared with the watcher's thread.
pub type EventSink = Arc<Mutex<Option<Channel<AppEvent>>>>;

/// Managed state shared by the commands.
#[derive(Default)]
pub struct AppState {
    site: Mutex<Option<OpenSite>>,
    token: Mutex<Option<galley_git::HttpsToken>>,
    watcher: Mutex<Option<galley_watch::Watcher>>,
    /// Kept open so refreshing one path's badge costs milliseconds, not a
    /// repository open.
    repo: Mutex<Option<galley_git::SiteRepo>>,
    /// The bytes each open page had when the editor started on it: the base
    /// for combining with an outside change.
    bases: Mutex<HashMap<String, Vec<u8>>>,
    unsaved: Mutex<usize>,
    events: EventSink,
    index: SiteIndex,
    /// `_config.yml`'s values for `{{ site.x }}` in the preview, read once per
    /// site instead of on every keystroke.
    site_values: SiteValues,
    /// A new version found by the background look, kept for "Install and
    /// restart" and re-announced when the UI subscribes (it may have loaded
    /// after the look ended).
    update: Mutex<Option<(tauri_plugin_updater::Update, crate::update::UpdateOffer)>>,
    /// The folder a clone goes into: a default, or one the editor chose in
    /// the system dialog (the UI only names the new folder inside it).
    clone_parent: Mutex<Option<PathBuf>>,
    /// Set by "Cancel" to stop the clone in progress.
    clone_cancel: Arc<AtomicBool>,
    /// The app's cache folder for site indexes: re-reading a site after a save
    /// or an outside change reads only the pages that changed (a 100,000-page
    /// site would otherwise be parsed whole every time).
    cache_dir: Mutex<Option<PathBuf>>,
    /// The text the preview rendered last, so typing sends edits, not pages.
    preview: Mutex<galley_core::preview::PreviewSession>,
    /// The files of the newest drop onto the window, by number: their paths
    /// come from the system's drop event, never from the UI.
    drops: Mutex<galley_core::drops::DropShelf>,
    /// True while the folder given on the command line is being opened off the
    /// main thread (the window starts meanwhile); `current_site` waits for it.
    opening: (Mutex<bool>, Condvar),
}

/// Marks the start-up open as finished when dropped, so a failed or panicking
/// open never leaves `current_site` waiting.
pub struct OpeningGuard<'a>(&'a AppState);

impl Drop for OpeningGuard<'_> {
    fn drop(&mut self) {
        let (pending, done) = &self.0.opening;
        *lock(pending) = false;
        done.notify_all();
    }
}

/// The preview's cached `_config.yml` values, emptied when the config changes.
pub type SiteValues = Arc<Mutex<Option<Arc<Option<galley_core::frontmatter::Value>>>>>;

/// Empties a site index slot.
pub fn forget(index: &SiteIndex) {
    *lock(index) = None;
}

/// Empties the config values slot.
pub fn forget_values(values: &SiteValues) {
    *lock(values) = None;
}

/// Locks, recovering from a poisoned lock: the data is plain values that a
/// panicking holder cannot leave half-written.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// The open site, if any.
    pub fn site(&self) -> Option<OpenSite> {
        lock(&self.site).clone()
    }

    /// Replaces the open site (and forgets the previous one's pages).
    pub fn set_site(&self, site: OpenSite) {
        *lock(&self.site) = Some(site);
        lock(&self.bases).clear();
        *lock(&self.index) = None;
        *lock(&self.site_values) = None;
    }

    /// The live preview's kept text (held while a render of it runs, so an
    /// edit always applies to the text the last answer showed).
    pub fn preview_session(&self) -> MutexGuard<'_, galley_core::preview::PreviewSession> {
        lock(&self.preview)
    }

    /// The preview's kept text, unless a render holds it now.
    pub fn try_preview_session(
        &self,
    ) -> Option<MutexGuard<'_, galley_core::preview::PreviewSession>> {
        match self.preview.try_lock() {
            Ok(guard) => Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Says that a site is being opened at start-up (on the main thread, before
    /// the UI can ask for it).
    pub fn begin_opening(&self) {
        *lock(&self.opening.0) = true;
    }

    /// Ends the start-up open when the returned guard is dropped (taken by the
    /// thread that opens the site).
    pub fn end_opening_on_drop(&self) -> OpeningGuard<'_> {
        OpeningGuard(self)
    }

    /// Waits until the start-up open (if any) is over.
    pub fn wait_for_opening(&self) {
        let (pending, done) = &self.opening;
        let mut open = lock(pending);
        while *open {
            open = done.wait(open).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// The site config's values for the preview's Liquid, read on first use.
    pub fn site_values(&self) -> Option<Arc<Option<galley_core::frontmatter::Value>>> {
        let open = self.site()?;
        let mut slot = lock(&self.site_values);
        let values = slot.get_or_insert_with(|| {
            Arc::new(galley_core::preview::liquid::read_site_config(&open.root))
        });
        Some(Arc::clone(values))
    }

    /// The slot of the config's values, for the watcher to empty when the
    /// config file changes.
    pub fn site_values_slot(&self) -> SiteValues {
        Arc::clone(&self.site_values)
    }

    /// The open site's index, read now if it was never read or the site
    /// changed since.
    pub fn site_index(&self) -> Result<Arc<Site>, IpcError> {
        let open = self.site().ok_or_else(IpcError::no_site)?;
        let mut slot = lock(&self.index);
        if let Some(site) = slot.as_ref() {
            if site.root == open.root {
                return Ok(Arc::clone(site));
            }
        }
        let site =
            Arc::new(Site::open_with(&open.root, &self.open_options()).map_err(IpcError::from)?);
        *slot = Some(Arc::clone(&site));
        // Re-read after a change: its quick search index is built again in the
        // background now (the full one only when a search asks for it, not
        // after every save), so the next search answers at once.
        crate::background::warm_quick_search(&site);
        Ok(site)
    }

    /// The site's index if it is in memory now, without waiting for a lock or
    /// reading the site again (for work on the main thread that must not stall).
    pub fn loaded_site_index(&self) -> Option<Arc<Site>> {
        let open = self.site()?;
        let slot = self.index.try_lock().ok()?;
        slot.as_ref()
            .filter(|site| site.root == open.root)
            .map(Arc::clone)
    }

    /// Where site indexes are cached (set once at start-up).
    pub fn set_cache_dir(&self, dir: PathBuf) {
        *lock(&self.cache_dir) = Some(dir);
    }

    /// How sites are opened: with the index cache when there is a cache folder.
    pub fn open_options(&self) -> galley_core::site::OpenOptions {
        galley_core::site::OpenOptions {
            cache_dir: lock(&self.cache_dir).clone(),
        }
    }

    /// Keeps `site` as the open site's index (just opened: no need to read it again).
    pub fn keep_index(&self, site: Arc<Site>) {
        *lock(&self.index) = Some(site);
    }

    /// The slot of the site's index, for the watcher to empty on changes.
    pub fn index_slot(&self) -> SiteIndex {
        Arc::clone(&self.index)
    }

    /// Forgets the site's index (a page was saved): the next command re-reads it.
    pub fn forget_index(&self) {
        forget(&self.index);
    }

    /// The HTTPS token the editor entered for publishing, if any.
    pub fn https_token(&self) -> Option<galley_git::HttpsToken> {
        lock(&self.token).clone()
    }

    /// Remembers an HTTPS token for this session's network operations.
    pub fn set_https_token(&self, token: galley_git::HttpsToken) {
        *lock(&self.token) = Some(token);
    }

    /// Replaces the site watcher (dropping the old one stops it).
    pub fn set_watcher(&self, watcher: Option<galley_watch::Watcher>) {
        *lock(&self.watcher) = watcher;
    }

    /// Replaces the open repository handle.
    pub fn set_repo(&self, repo: Option<galley_git::SiteRepo>) {
        *lock(&self.repo) = repo;
    }

    /// Runs `f` with the open repository, if the site is in one.
    pub fn with_repo<T>(&self, f: impl FnOnce(&galley_git::SiteRepo) -> T) -> Option<T> {
        lock(&self.repo).as_ref().map(f)
    }

    /// Tells the watcher that the app is about to write `content_fingerprint` to `path`.
    pub fn expect_write(&self, path: &str, content_fingerprint: &str) {
        if let Some(watcher) = lock(&self.watcher).as_ref() {
            watcher.expect_write(path, content_fingerprint);
        }
    }

    /// The base bytes of an open page.
    pub fn base(&self, path: &str) -> Option<Vec<u8>> {
        lock(&self.bases).get(path).cloned()
    }

    /// Records the bytes an open page now starts from.
    pub fn set_base(&self, path: &str, bytes: Vec<u8>) {
        lock(&self.bases).insert(path.to_owned(), bytes);
    }

    /// How many pages have unsaved edits, as the UI last said.
    pub fn unsaved(&self) -> usize {
        *lock(&self.unsaved)
    }

    /// Updates the unsaved-pages count.
    pub fn set_unsaved(&self, count: usize) {
        *lock(&self.unsaved) = count;
    }

    /// Keeps an update found by the background look.
    pub fn set_update(
        &self,
        update: tauri_plugin_updater::Update,
        offer: crate::update::UpdateOffer,
    ) {
        *lock(&self.update) = Some((update, offer));
    }

    /// The update waiting to be installed, if any.
    pub fn update(&self) -> Option<tauri_plugin_updater::Update> {
        lock(&self.update).as_ref().map(|(u, _)| u.clone())
    }

    /// What the UI is told about the waiting update, if any.
    pub fn update_offer(&self) -> Option<crate::update::UpdateOffer> {
        lock(&self.update).as_ref().map(|(_, o)| o.clone())
    }

    /// The folder the editor chose for clones (`None`: the default).
    pub fn clone_parent(&self) -> Option<PathBuf> {
        lock(&self.clone_parent).clone()
    }

    /// Remembers the folder the editor chose for clones.
    pub fn set_clone_parent(&self, folder: PathBuf) {
        *lock(&self.clone_parent) = Some(folder);
    }

    /// The flag "Cancel" sets to stop the clone in progress.
    pub fn clone_cancel(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.clone_cancel)
    }

    /// The newest drop's files (see `file_drop.rs`).
    pub fn drops(&self) -> MutexGuard<'_, galley_core::drops::DropShelf> {
        lock(&self.drops)
    }

    /// The sink the watcher and window handlers send events to.
    pub fn events(&self) -> EventSink {
        Arc::clone(&self.events)
    }

    /// Sends an event to the UI if it subscribed.
    pub fn emit(sink: &EventSink, event: AppEvent) {
        if let Some(channel) = lock(sink).as_ref() {
            let _ = channel.send(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `current_site` waits for the site opened at start-up, and is woken even
    /// when that open fails by panicking (the guard ends it as it unwinds).
    #[test]
    fn waiting_for_the_start_up_open_ends_when_it_ends_even_by_a_panic() {
        let state = Arc::new(AppState::default());
        state.wait_for_opening(); // nothing being opened: returns at once
        state.begin_opening();
        let opener = Arc::clone(&state);
        let thread = std::thread::spawn(move || {
            let _done = opener.end_opening_on_drop();
            opener.set_site(OpenSite {
                root: PathBuf::from("/site"),
                generator: Generator::Plain,
            });
            panic!("the open failed");
        });
        state.wait_for_opening();
        // Woken only after the opener set the site, never before.
        assert_eq!(state.site().map(|s| s.root), Some(PathBuf::from("/site")));
        assert!(thread.join().is_err(), "the opener panicked");
    }
}
