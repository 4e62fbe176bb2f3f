//! Starts Galley.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    galley_desktop::run();
}
