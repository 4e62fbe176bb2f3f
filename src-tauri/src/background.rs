//! Work that follows opening a site and must not slow the window down: writing
//! the index cache and building the search index. It runs on threads of the
//! lowest priority, so on a two-core laptop the window, WebKit and the first
//! list still get the processors while a 10,000-page site's bodies are read.
//!
//! A search made before the index is built does not wait for it: it answers from
//! the titles and fields in memory and says the answer is partial; the UI asks
//! `search_index_ready` and searches again when it resolves.

use galley_core::site::Site;
use std::sync::Arc;

/// The nice value of background threads: the lowest priority.
#[cfg(target_os = "linux")]
const LOWEST_PRIORITY: i32 = 19;

/// For the end-to-end tests: the name of a file the search index build waits
/// for, so a test can search before the index is ready and again after, without
/// racing the build. Unset (as always outside the tests), nothing waits.
pub const INDEX_WAITS_FOR_VARIABLE: &str = "GALLEY_SEARCH_INDEX_WAITS_FOR";

/// How often the build looks for [`INDEX_WAITS_FOR_VARIABLE`]'s file.
const WAIT_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// The longest the build waits for that file: were the variable ever set
/// outside the tests, searches still become complete.
const WAIT_AT_MOST: std::time::Duration = std::time::Duration::from_secs(120);

/// Lowers the calling thread's priority. On Linux `setpriority` with the
/// calling process's id changes only the calling thread (see setpriority(2),
/// "BUGS"); elsewhere it would lower the whole app, so nothing is done.
fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        // Failing to lower it only means the work competes as before.
        let _ = rustix::process::setpriority_process(None, LOWEST_PRIORITY);
    }
}

/// Runs `work` (which uses rayon) on a pool of low-priority threads of its
/// own, so neither it nor the app's other parallel work on rayon's global
/// pool, which keeps normal priority, waits for the other.
fn in_low_priority_pool(work: impl FnOnce() + Send) {
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("galley-index-{i}"))
        .start_handler(|_| lower_this_thread())
        .build();
    match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Builds `site`'s quick search index (titles and fields, from memory), writes
/// its pending index cache, then builds the full search index (the pages'
/// text), on low-priority threads.
pub fn after_open(site: &Arc<Site>) {
    let site = Arc::clone(site);
    std::thread::spawn(move || {
        lower_this_thread();
        // Titles and fields first: the first search answers from them.
        let build = site.claim_search_build();
        if build {
            in_low_priority_pool(|| site.warm_quick_search());
        }
        site.write_pending_cache();
        if build {
            build_search_index(&site);
        }
    });
}

/// Builds `site`'s quick search index (titles and fields, from memory) on
/// low-priority threads.
pub fn warm_quick_search(site: &Arc<Site>) {
    let site = Arc::clone(site);
    std::thread::spawn(move || {
        lower_this_thread();
        in_low_priority_pool(|| site.warm_quick_search());
    });
}

/// Builds `site`'s search indexes (quick, then full) on low-priority threads,
/// unless someone already is: a site re-read after a change starts with none.
pub fn index_search(site: &Arc<Site>) {
    if site.search_ready() || !site.claim_search_build() {
        return;
    }
    let site = Arc::clone(site);
    std::thread::spawn(move || {
        lower_this_thread();
        in_low_priority_pool(|| site.warm_quick_search());
        build_search_index(&site);
    });
}

/// Builds the full index on low-priority threads (after the tests' wait, if
/// they asked for one).
fn build_search_index(site: &Site) {
    if let Some(file) = std::env::var_os(INDEX_WAITS_FOR_VARIABLE) {
        let file = std::path::PathBuf::from(file);
        let until = std::time::Instant::now() + WAIT_AT_MOST;
        while !file.exists() && std::time::Instant::now() < until {
            std::thread::sleep(WAIT_POLL);
        }
    }
    in_low_priority_pool(|| site.warm_search());
}
