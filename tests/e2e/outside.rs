//! Never losing an editor's words: an outside edit while the page has unsaved
//! changes is combined field by field; a killed app gives the edits back.

use crate::harness::App;

const AIDA: &str = "_engagements/aida.md";

#[tokio::test]
async fn outside_edit_is_combined_with_unsaved_changes() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='title']", "AIDA Arena")
        .await;
    app.find("[data-testid='unsaved']").await;

    // Someone else changes another field of the same page on disk.
    let theirs = original.replacen("prio: 1\n", "prio: 7\n", 1);
    assert_ne!(theirs, original, "the fixture has prio: 1");
    std::fs::write(app.site.join(AIDA), &theirs).expect("outside write");

    app.find("[data-testid='outside-banner']").await;
    app.screenshot("50-outside-banner").await;
    app.click("[data-testid='combine-start']").await;
    app.find("[data-testid='combine']").await;
    app.screenshot("51-combine").await;
    app.click("[data-testid='combine-confirm']").await;
    app.wait_for_status("Combined and saved").await;

    let saved = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        saved,
        theirs.replacen("title: AIDA\n", "title: AIDA Arena\n", 1),
        "both changes, nothing else"
    );
    let title = app
        .eval("return document.querySelector(\"input[data-field='title']\").value;")
        .await;
    assert_eq!(title, "AIDA Arena");
    app.stop().await;
}

#[tokio::test]
async fn an_outside_edit_reloads_a_page_without_unsaved_changes() {
    let app = App::start().await;
    let original = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.find("input[data-field='title']").await;
    std::fs::write(
        app.site.join(AIDA),
        original.replacen("title: AIDA\n", "title: AIDA from outside\n", 1),
    )
    .expect("write");
    app.wait_for(
        "the form to show the outside change",
        "return document.querySelector(\"input[data-field='title']\").value === 'AIDA from outside';",
    )
    .await;
    app.wait_for_status("Updated with changes made outside Galley")
        .await;
    app.stop().await;
}

#[tokio::test]
async fn unsaved_edits_survive_a_kill() {
    let app = App::start().await;
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='title']", "Words that must survive")
        .await;
    // Wait until the journal has them on disk (it writes every few seconds).
    let journal = app.home.join("data");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !journal_contains(&journal, "Words that must survive") {
        assert!(
            std::time::Instant::now() < deadline,
            "the journal never recorded the edit"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let app = app.kill_and_restart().await;
    app.find("[data-testid='recovery']").await;
    app.screenshot("52-recovery-offer").await;
    app.click("[data-testid='restore-draft']").await;
    app.wait_for(
        "the restored title",
        "const i = document.querySelector(\"input[data-field='title']\"); return !!i && i.value === 'Words that must survive';",
    )
    .await;
    app.find("[data-testid='unsaved']").await;
    app.click("[data-testid='save']").await;
    app.wait_for_status("Saved.").await;
    let saved = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert!(
        saved.contains("title: Words that must survive\n"),
        "{saved}"
    );
    app.stop().await;
}

fn journal_contains(dir: &std::path::Path, text: &str) -> bool {
    walk(dir).iter().any(|f| {
        f.to_string_lossy().ends_with(".draft.json")
            && std::fs::read_to_string(f).is_ok_and(|t| t.contains(text))
    })
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[tokio::test]
async fn closing_with_unsaved_edits_asks_first() {
    let app = App::start().await;
    app.click(&format!("[data-path='{AIDA}']")).await;
    app.type_into("input[data-field='title']", "Not saved yet")
        .await;
    app.find("[data-testid='unsaved']").await;
    // Give the UI a moment to tell the shell the count before closing.
    app.wait_for(
        "the window to hold unsaved edits",
        "return !!document.querySelector('[data-testid=unsaved]');",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.request_close().await;
    app.find("[data-testid='closing']").await;
    app.screenshot("53-closing-asks").await;
    let title = app
        .eval("return document.querySelector(\"input[data-field='title']\").value;")
        .await;
    assert_eq!(
        title, "Not saved yet",
        "the window stayed open with the edit"
    );
    app.stop().await;
}
