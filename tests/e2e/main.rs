//! End-to-end tests: the real app in a real window (Xvfb), driven through
//! tauri-driver and WebKitWebDriver, on a scratch git copy of `content/`.
//!
//! `cargo xtask test` installs what these need and runs them; run alone with
//! `cargo test -p galley-desktop --test e2e` once `.tools/bin/tauri-driver`,
//! Xvfb and WebKitWebDriver exist. Screenshots land in `target/e2e/`.

mod bigsite;
mod browser;
mod clone;
mod editing;
mod editor;
mod figures;
mod form;
mod harness;
mod history;
mod hugo;
mod images;
mod language;
mod outside;
mod prefs;
mod preview;
mod publishing;
mod safety;
mod scroll;
mod ship;
mod timing;
mod toolbar;
mod welcome;
