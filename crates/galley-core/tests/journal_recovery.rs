//! The recovery journal keeps unsaved edits across a crash and never lets one
//! damaged entry hide the others.

use galley_core::journal::{Draft, Journal};
use galley_core::page::FieldEdit;

fn draft(title: &str, body: Option<&str>) -> Draft {
    Draft {
        field_edits: vec![FieldEdit {
            key: "title".into(),
            input: title.into(),
        }],
        ops: Vec::new(),
        body: body.map(str::to_owned),
    }
}

#[test]
fn recorded_drafts_survive_a_restart_and_clear_forgets_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = Journal::open(&dir.path().join("j")).expect("open");
    journal
        .record(
            "_posts/a.md",
            "abc-1",
            &draft("First", Some("Body\r\nline\n")),
        )
        .expect("record");
    journal
        .record("_posts/b.md", "def-2", &draft("Other", None))
        .expect("record");
    journal
        .record("_posts/a.md", "abc-1", &draft("Second", Some("Newer\n")))
        .expect("replace");

    // A new instance (the next start of the app) sees the same drafts.
    let reopened = Journal::open(&dir.path().join("j")).expect("reopen");
    let pending = reopened.pending();
    assert!(pending.skipped.is_empty(), "{:?}", pending.skipped);
    assert_eq!(pending.entries.len(), 2);
    let a = pending
        .entries
        .iter()
        .find(|e| e.path == "_posts/a.md")
        .expect("a");
    assert_eq!(a.base_fingerprint, "abc-1");
    assert_eq!(a.draft.field_edits.len(), 1);
    assert_eq!(a.draft.field_edits[0].key, "title");
    assert_eq!(a.draft.field_edits[0].input, "Second");
    assert_eq!(a.draft.body.as_deref(), Some("Newer\n"));
    assert!(a.saved_at > 1_600_000_000_000, "milliseconds since 1970");

    reopened.clear("_posts/a.md").expect("clear");
    reopened
        .clear("_posts/never-recorded.md")
        .expect("clear is idempotent");
    let left: Vec<String> = reopened
        .pending()
        .entries
        .into_iter()
        .map(|e| e.path)
        .collect();
    assert_eq!(left, vec!["_posts/b.md".to_owned()]);
}

#[test]
fn damaged_entries_are_skipped_and_reported_never_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = Journal::open(dir.path()).expect("open");
    journal
        .record("good.md", "f-1", &draft("Kept", None))
        .expect("record");
    let good = std::fs::read(
        std::fs::read_dir(dir.path())
            .expect("list")
            .next()
            .expect("one entry")
            .expect("entry")
            .path(),
    )
    .expect("read");
    let cases: [(&str, Vec<u8>); 5] = [
        ("truncated.draft.json", good[..good.len() / 2].to_vec()),
        ("empty.draft.json", Vec::new()),
        ("garbage.draft.json", vec![0xff, 0x00, 0x12, 0x80]),
        ("wrong-shape.draft.json", b"[1, 2, 3]".to_vec()),
        (
            "future.draft.json",
            String::from_utf8_lossy(&good)
                .replace("\"version\": 1", "\"version\": 99")
                .into_bytes(),
        ),
    ];
    for (name, bytes) in &cases {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    // Leftovers of an interrupted atomic write are not entries at all.
    std::fs::write(dir.path().join(".galley-save-x1.tmp"), &good[..10]).expect("write");

    let pending = journal.pending();
    assert_eq!(pending.entries.len(), 1);
    assert_eq!(pending.entries[0].path, "good.md");
    assert_eq!(pending.skipped.len(), cases.len(), "{:?}", pending.skipped);
    for skipped in &pending.skipped {
        assert!(!skipped.reason.is_empty());
    }
    assert!(pending
        .skipped
        .iter()
        .any(|s| s.reason.contains("another version")));
}

#[test]
fn odd_page_names_round_trip_and_sites_do_not_share_drafts() {
    let data = tempfile::tempdir().expect("temp dir");
    let site_a = tempfile::tempdir().expect("temp dir");
    let site_b = tempfile::tempdir().expect("temp dir");
    let folder_a = Journal::site_folder(data.path(), site_a.path());
    let folder_b = Journal::site_folder(data.path(), site_b.path());
    assert_ne!(folder_a, folder_b);
    assert_eq!(folder_a, Journal::site_folder(data.path(), site_a.path()));

    let journal = Journal::open(&folder_a).expect("open");
    let name = "_posts/über uns/\"quoted\" & <odd>?.md";
    journal
        .record(name, "f-9", &draft("Ünïcode ✓", Some("")))
        .expect("record");
    let pending = journal.pending();
    assert_eq!(pending.entries.len(), 1);
    assert_eq!(pending.entries[0].path, name);
    assert_eq!(pending.entries[0].draft.field_edits[0].input, "Ünïcode ✓");
    assert_eq!(pending.entries[0].draft.body.as_deref(), Some(""));
    assert!(Journal::open(&folder_b)
        .expect("open")
        .pending()
        .entries
        .is_empty());
}

#[test]
fn a_missing_folder_means_nothing_pending() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = Journal::open(&dir.path().join("j")).expect("open");
    std::fs::remove_dir(dir.path().join("j")).expect("remove");
    let pending = journal.pending();
    assert!(pending.entries.is_empty() && pending.skipped.is_empty());
}

#[test]
fn a_draft_serialises_for_the_ui() {
    let json = serde_json::to_value(draft("T", Some("B"))).expect("json");
    assert_eq!(
        json,
        serde_json::json!({"field_edits": [{"key": "title", "input": "T"}], "body": "B"})
    );
}

#[test]
fn structured_operations_survive_a_restart_in_a_newer_format() {
    use galley_core::draft::FieldOp;
    use galley_core::frontmatter::Value;
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = Journal::open(&dir.path().join("j")).expect("open");
    let mut with_ops = draft("T", None);
    with_ops.ops = vec![
        FieldOp::Insert {
            key: "datacite.keywords".into(),
            index: 0,
            value: Value::String("New".into()),
        },
        FieldOp::Move {
            key: "datacite.keywords".into(),
            from: 0,
            to: 2,
        },
    ];
    journal.record("a.md", "f1", &with_ops).expect("record");
    journal
        .record("b.md", "f2", &draft("Plain", None))
        .expect("record");
    let raw = std::fs::read_dir(journal.dir())
        .expect("list")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect::<Vec<_>>();
    // Plain drafts keep the format every Galley reads; drafts with operations
    // are marked so an older Galley skips them instead of restoring half.
    assert!(raw.iter().any(|t| t.contains("\"version\": 1")));
    assert!(raw.iter().any(|t| t.contains("\"version\": 2")));
    let pending = journal.pending();
    let a = pending
        .entries
        .iter()
        .find(|e| e.path == "a.md")
        .expect("a");
    assert_eq!(a.draft.ops, with_ops.ops);
    let b = pending
        .entries
        .iter()
        .find(|e| e.path == "b.md")
        .expect("b");
    assert!(b.draft.ops.is_empty());
}
