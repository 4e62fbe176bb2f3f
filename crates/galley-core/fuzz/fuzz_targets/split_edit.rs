//! Split + edit must never panic, an unedited page must write back byte for byte, and
//! an accepted edit must leave a page that reads back as intended.
//!
//! Input layout: the first byte picks the dialect and the field, the next bytes up to
//! a 0 byte are what the editor typed, the rest is the page. The steps live in
//! `split_edit_check.rs`, which the replayed corpus test in
//! `tests/frontmatter_fuzz_regressions.rs` runs too.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "split_edit_check.rs"]
mod split_edit_check;

fuzz_target!(|data: &[u8]| {
    split_edit_check::check(data);
});
