//! Updates: whether Galley looks for a new version, and the look itself.
//!
//! Off unless a release address is configured: `plugins.updater.endpoints` in
//! tauri.conf.json is empty in the repository, and the release workflow fills
//! in the project's GitHub releases (`latest.json`). An organisation can point
//! Galley at its own mirror with `GALLEY_UPDATE_ENDPOINT=https://…` (or turn
//! the look off with `GALLEY_UPDATE_ENDPOINT=off`); the editor can turn it off
//! in Preferences. Whatever the address, an update is installed only if its
//! signature matches the public key built into the app.
//!
//! The look runs in a background task after start-up and never blocks the
//! editor: a failure (offline, no release yet) is only logged.

use crate::state::{AppEvent, AppState};
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime, Url};
use tauri_plugin_updater::UpdaterExt;

/// The environment variable that overrides the configured release address.
pub const ENDPOINT_VARIABLE: &str = "GALLEY_UPDATE_ENDPOINT";

/// How long after start-up the look begins: the window, the site and its
/// search index come first.
const FIRST_LOOK_AFTER: Duration = Duration::from_secs(2);

/// A slow release server must not keep a connection open for long.
const LOOK_TIMEOUT: Duration = Duration::from_secs(30);

/// Where to look for a new version, or why not to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateSource {
    /// Look at these addresses (the first that answers wins).
    Endpoints(Vec<Url>),
    /// Do not look, for this reason (logged, never shown).
    Off(&'static str),
}

/// Decides whether and where to look. `configured`: tauri.conf.json's
/// endpoints; `variable`: [`ENDPOINT_VARIABLE`]'s value; `wanted`: the
/// editor's preference.
pub fn update_source(configured: &[Url], variable: Option<&str>, wanted: bool) -> UpdateSource {
    if !wanted {
        return UpdateSource::Off("turned off in Preferences");
    }
    let endpoints = match variable.map(str::trim) {
        Some("off") => return UpdateSource::Off("turned off by GALLEY_UPDATE_ENDPOINT"),
        Some(value) if !value.is_empty() => match Url::parse(value) {
            Ok(url) if acceptable(&url) => vec![url],
            _ => return UpdateSource::Off("GALLEY_UPDATE_ENDPOINT is not an https address"),
        },
        _ => configured
            .iter()
            .filter(|u| acceptable(u))
            .cloned()
            .collect(),
    };
    if endpoints.is_empty() {
        UpdateSource::Off("no release address is configured")
    } else {
        UpdateSource::Endpoints(endpoints)
    }
}

/// https anywhere; plain http only on this computer (a test server or a
/// local mirror), where nobody on the network can change the answer.
fn acceptable(url: &Url) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => {
            let host = url.host_str().unwrap_or_default().trim_matches(['[', ']']);
            host == "localhost"
                || host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        _ => false,
    }
}

/// What the UI shows about an available update.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct UpdateOffer {
    /// The new version (`0.2.0`).
    pub version: String,
    /// Release notes, if the release has any.
    pub notes: Option<String>,
}

/// Starts the background look (if [`update_source`] says so). Returns at once.
pub fn look_in_background<R: Runtime>(app: &AppHandle<R>, wanted: bool) {
    let configured = app
        .config()
        .plugins
        .0
        .get("updater")
        .and_then(|c| c.get("endpoints"))
        .and_then(|e| serde_json::from_value::<Vec<Url>>(e.clone()).ok())
        .unwrap_or_default();
    let variable = std::env::var(ENDPOINT_VARIABLE).ok();
    let endpoints = match update_source(&configured, variable.as_deref(), wanted) {
        UpdateSource::Endpoints(endpoints) => endpoints,
        UpdateSource::Off(why) => {
            eprintln!("galley: not looking for updates: {why}");
            return;
        }
    };
    let app = app.clone();
    // A thread of its own: it waits, then runs the look on the async
    // runtime; the window never waits for it.
    std::thread::spawn(move || {
        std::thread::sleep(FIRST_LOOK_AFTER);
        let found = tauri::async_runtime::block_on(async {
            app.updater_builder()
                .endpoints(endpoints)?
                .timeout(LOOK_TIMEOUT)
                .build()?
                .check()
                .await
        });
        match found {
            Ok(Some(update)) => {
                let offer = UpdateOffer {
                    version: update.version.clone(),
                    notes: update.body.clone(),
                };
                let state = app.state::<AppState>();
                state.set_update(update, offer.clone());
                AppState::emit(&state.events(), AppEvent::UpdateAvailable { offer });
            }
            Ok(None) => eprintln!("galley: this is the newest version"),
            Err(e) => eprintln!("galley: could not look for updates: {e}"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(list: &[&str]) -> Vec<Url> {
        list.iter().map(|u| Url::parse(u).expect("url")).collect()
    }

    const RELEASES: &str = "https://github.com/galley/galley/releases/latest/download/latest.json";

    #[test]
    fn off_unless_an_address_is_configured() {
        assert_eq!(
            update_source(&[], None, true),
            UpdateSource::Off("no release address is configured")
        );
        assert_eq!(
            update_source(&urls(&[RELEASES]), None, true),
            UpdateSource::Endpoints(urls(&[RELEASES]))
        );
        assert_eq!(
            update_source(&[], Some(""), true),
            UpdateSource::Off("no release address is configured")
        );
    }

    #[test]
    fn the_editor_and_the_variable_can_turn_it_off() {
        assert!(matches!(
            update_source(&urls(&[RELEASES]), None, false),
            UpdateSource::Off(_)
        ));
        assert!(matches!(
            update_source(&urls(&[RELEASES]), Some("off"), true),
            UpdateSource::Off(_)
        ));
    }

    #[test]
    fn the_variable_replaces_the_configured_address() {
        let mirror = "https://intranet.example/galley/latest.json";
        assert_eq!(
            update_source(&urls(&[RELEASES]), Some(mirror), true),
            UpdateSource::Endpoints(urls(&[mirror]))
        );
        assert_eq!(
            update_source(&[], Some("http://127.0.0.1:8123/latest.json"), true),
            UpdateSource::Endpoints(urls(&["http://127.0.0.1:8123/latest.json"]))
        );
    }

    #[test]
    fn plain_http_only_on_this_computer() {
        for refused in [
            "http://updates.example/latest.json",
            "http://10.0.0.5/latest.json",
            "ftp://updates.example/latest.json",
            "not a url",
        ] {
            assert!(
                matches!(
                    update_source(&[], Some(refused), true),
                    UpdateSource::Off(_)
                ),
                "{refused}"
            );
        }
        assert_eq!(
            update_source(&urls(&["http://updates.example/latest.json"]), None, true),
            UpdateSource::Off("no release address is configured")
        );
        assert!(matches!(
            update_source(&[], Some("http://localhost:9/latest.json"), true),
            UpdateSource::Endpoints(_)
        ));
    }
}
