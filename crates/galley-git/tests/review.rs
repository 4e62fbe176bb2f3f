//! Reviewing and undoing: the committed version of a page, discarding an
//! edit, a page's history across a rename, viewing and restoring a version,
//! and the author identity.

mod common;

use common::{git, read, write, World};
use galley_git::{
    changed_paths, commit_paths, discard, head_version, history, identity, restore_version,
    set_identity, version_at, FileChange, GitError,
};

#[test]
fn head_version_and_discard() {
    let w = World::new();
    let m = &w.mine;
    let committed = "---\ntitle: About\n---\nHello.\n";
    write(m, "_pages/about.md", "edited\n");
    write(m, "_posts/new.md", "new\n");
    assert_eq!(
        head_version(m, "_pages/about.md").expect("head"),
        Some(committed.as_bytes().to_vec())
    );
    assert_eq!(head_version(m, "_posts/new.md").expect("head"), None);
    discard(m, "_pages/about.md").expect("discard edit");
    assert_eq!(read(m, "_pages/about.md"), committed);
    discard(m, "_posts/new.md").expect("discard new file");
    assert!(
        !m.join("_posts").exists(),
        "new file and its empty folder removed"
    );
    std::fs::remove_file(m.join("index.md")).expect("rm");
    discard(m, "index.md").expect("discard deletion");
    assert!(m.join("index.md").is_file());
    // A staged change is discarded too.
    write(m, "_pages/team.md", "staged\n");
    git(m, &["add", "_pages/team.md"]);
    discard(m, "_pages/team.md").expect("discard staged");
    assert_eq!(git(m, &["status", "--porcelain"]), "");
    assert!(changed_paths(m).expect("status").is_empty());
}

#[test]
fn history_follows_a_rename_and_versions_can_be_restored() {
    let w = World::new();
    let m = &w.mine;
    write(m, "_pages/about.md", "---\ntitle: About\n---\nHello, v2.\n");
    let v2 = commit_paths(
        m,
        &["_pages/about.md".into()],
        "Second version\n\nWith a body.",
    )
    .expect("v2");
    write(m, "index.md", "unrelated\n");
    commit_paths(m, &["index.md".into()], "Unrelated").expect("unrelated");
    git(m, &["mv", "_pages/about.md", "_pages/about-us.md"]);
    git(m, &["commit", "-qm", "Rename about"]);
    write(
        m,
        "_pages/about-us.md",
        "---\ntitle: About\n---\nHello, v2. And more.\n",
    );
    let v3 = commit_paths(m, &["_pages/about-us.md".into()], "Third version").expect("v3");

    let h = history(m, "_pages/about-us.md", 10).expect("history");
    let summaries: Vec<&str> = h.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        ["Third version", "Rename about", "Second version", "start"]
    );
    assert_eq!(h[0].id, v3.id);
    assert_eq!(h[2].id, v2.id);
    assert_eq!(h[2].message, "Second version\n\nWith a body.");
    assert_eq!(h[2].path, "_pages/about.md");
    assert_eq!(h[0].author, "Ada Editor");
    assert_eq!(h[0].email, "ada@example.org");
    assert_eq!(h[0].short_id, &v3.id[..7]);
    assert!(h[0].time > 1_600_000_000);
    assert_eq!(
        history(m, "_pages/about-us.md", 2).expect("limited").len(),
        2
    );

    let old = version_at(m, &h[2].id, &h[2].path).expect("version");
    assert_eq!(
        old.as_deref(),
        Some(&b"---\ntitle: About\n---\nHello, v2.\n"[..])
    );
    assert_eq!(
        version_at(m, &h[2].id[..8], "_pages/about-us.md").expect("absent then"),
        None
    );
    assert!(matches!(
        version_at(m, "deadbeef", "index.md"),
        Err(GitError::UnknownVersion(_))
    ));

    // Restore the start version into the current file: a change to review.
    let start = &h[3];
    let start_text = version_at(m, &start.id, "_pages/about.md")
        .expect("v1")
        .expect("existed");
    std::fs::write(m.join("_pages/about-us.md"), &start_text).expect("simulate restore by caller");
    assert_eq!(read(m, "_pages/about-us.md").as_bytes(), &start_text[..]);
    discard(m, "_pages/about-us.md").expect("back");
    restore_version(m, &v2.id, "_pages/about.md").expect("restore");
    assert_eq!(
        read(m, "_pages/about.md"),
        "---\ntitle: About\n---\nHello, v2.\n"
    );
    assert_eq!(
        changed_paths(m).expect("status"),
        vec![("_pages/about.md".to_owned(), FileChange::New)]
    );
    assert!(matches!(
        restore_version(m, &v3.id, "nope.md"),
        Err(GitError::NotInVersion(_))
    ));
}

#[test]
fn identity_is_read_and_stored_in_the_site_repository() {
    let w = World::new();
    let m = &w.mine;
    assert_eq!(
        identity(m).expect("identity"),
        Some(("Ada Editor".to_owned(), "ada@example.org".to_owned()))
    );
    set_identity(m, "  Cy Writer ", "cy@example.org").expect("set");
    assert_eq!(
        git(m, &["config", "--local", "user.name"]).trim(),
        "Cy Writer"
    );
    assert_eq!(
        git(m, &["config", "--local", "user.email"]).trim(),
        "cy@example.org"
    );
    write(m, "index.md", "by cy\n");
    commit_paths(m, &["index.md".into()], "By Cy").expect("commit");
    assert_eq!(
        git(m, &["log", "-1", "--format=%an <%ae>"]).trim(),
        "Cy Writer <cy@example.org>"
    );
    assert!(matches!(
        set_identity(m, "", "x@y"),
        Err(GitError::IncompleteIdentity)
    ));
}
