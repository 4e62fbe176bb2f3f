//! Work that follows opening a site and must not slow the window down: writing
//! the index cache and building the search index. It runs on threads of the
//! lowest priority, so on a two-core laptop the window, WebKit and the first
//! list still get the processors while a 10,000-page site's bodies are read.
//!
//! A search made before the index is built waits for it (as it did before the
//! index was built in the background).

use galley_core::site::Site;
use std::sync::Arc;

/// The nice value of background threads: the lowest priority.
#[cfg(target_os = "linux")]
const LOWEST_PRIORITY: i32 = 19;

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

/// Writes `site`'s pending index cache, then builds its search index, on
/// low-priority threads (a pool of its own, so the app's other parallel work
/// keeps normal priority).
pub fn after_open(site: &Arc<Site>) {
    let site = Arc::clone(site);
    std::thread::spawn(move || {
        lower_this_thread();
        site.write_pending_cache();
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("galley-index-{i}"))
            .start_handler(|_| lower_this_thread())
            .build();
        match pool {
            Ok(pool) => pool.install(|| site.warm_search()),
            Err(_) => site.warm_search(),
        }
    });
}
