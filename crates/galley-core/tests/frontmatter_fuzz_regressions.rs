//! Every input the `split_edit` fuzz target ever crashed on, replayed through the same
//! steps as the fuzz target (`fuzz/fuzz_targets/split_edit_check.rs`): nothing panics,
//! and accepted edits read back as intended with the body and other fields unchanged.
//!
//! New crash inputs go into `tests/fixtures/fuzz-regressions/` as they are.

#[path = "../fuzz/fuzz_targets/split_edit_check.rs"]
mod split_edit_check;

use std::path::Path;

#[test]
fn fuzz_regressions_replay_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz-regressions folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 26, "the corpus holds the 26 known crashes");
    let mut failures = Vec::new();
    for file in &files {
        let data = std::fs::read(file).expect("read artifact");
        if let Err(panic) = std::panic::catch_unwind(|| split_edit_check::check(&data)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
