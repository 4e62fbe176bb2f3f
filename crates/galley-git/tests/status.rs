//! Status badges: every kind of change, per-path refresh, branch state, and a
//! site living in a subfolder of its repository.

mod common;

use common::{git, write, World};
use galley_git::{status, status_of_paths, FileChange, StatusEntry};

fn entry(path: &str, change: FileChange, from: Option<&str>) -> StatusEntry {
    StatusEntry {
        path: path.into(),
        change,
        renamed_from: from.map(str::to_owned),
    }
}

#[test]
fn reports_new_changed_deleted_and_renamed() {
    let w = World::new();
    let m = &w.mine;
    write(m, "_pages/about.md", "changed\n");
    std::fs::remove_file(m.join("index.md")).expect("rm");
    write(m, "_posts/new.md", "brand new\n");
    std::fs::rename(m.join("_pages/team.md"), m.join("_pages/people.md")).expect("mv");
    let st = status(m).expect("status");
    assert_eq!(
        st.files,
        vec![
            entry("_pages/about.md", FileChange::Changed, None),
            entry(
                "_pages/people.md",
                FileChange::Renamed,
                Some("_pages/team.md")
            ),
            entry("_posts/new.md", FileChange::New, None),
            entry("index.md", FileChange::Deleted, None),
        ]
    );
    assert_eq!(st.branch.as_deref(), Some("main"));
    assert!(!st.detached && !st.merge_in_progress);
    // The wire format stays a plain lowercase word.
    assert_eq!(
        serde_json::to_value(&st.files[1]).expect("json"),
        serde_json::json!({"path": "_pages/people.md", "change": "renamed", "renamed_from": "_pages/team.md"})
    );
}

#[test]
fn status_of_paths_refreshes_only_what_is_asked() {
    let w = World::new();
    let m = &w.mine;
    write(m, "_pages/about.md", "changed\n");
    write(m, "_posts/new.md", "new\n");
    write(m, "_site/out.html", "ignored build output\n");
    write(m, ".gitignore", "_site/\n");
    let got = status_of_paths(
        m,
        &[
            "_pages/about.md".into(),
            "_pages/team.md".into(),
            "_posts/new.md".into(),
            "_site/out.html".into(),
            "gone.md".into(),
        ],
    )
    .expect("status");
    assert_eq!(
        got,
        vec![
            ("_pages/about.md".into(), Some(FileChange::Changed)),
            ("_pages/team.md".into(), None),
            ("_posts/new.md".into(), Some(FileChange::New)),
            ("_site/out.html".into(), None),
            ("gone.md".into(), None),
        ]
    );
    std::fs::remove_file(m.join("_pages/team.md")).expect("rm");
    let got = status_of_paths(m, &["_pages/team.md".into()]).expect("status");
    assert_eq!(
        got,
        vec![("_pages/team.md".into(), Some(FileChange::Deleted))]
    );
    assert!(status_of_paths(m, &["../../etc/passwd".into()]).is_err());
}

#[test]
fn ahead_and_behind_count_commits() {
    let w = World::new();
    w.they_publish("index.md", "theirs\n");
    git(&w.mine, &["fetch", "-q"]);
    write(&w.mine, "_pages/about.md", "mine\n");
    git(&w.mine, &["commit", "-qam", "mine"]);
    let st = status(&w.mine).expect("status");
    assert_eq!(st.upstream.as_deref(), Some("origin/main"));
    assert_eq!((st.ahead, st.behind), (1, 1));
}

#[test]
fn site_in_a_subfolder_of_the_repository() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    common::identity(d, "Ada", "ada@example.org");
    write(d, "docs/site/index.md", "home\n");
    write(d, "docs/site/_pages/a.md", "a\n");
    write(d, "src/main.rs", "fn main() {}\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "start"]);
    let site = d.join("docs/site");
    write(&site, "_pages/a.md", "a2\n");
    write(d, "src/main.rs", "// outside the site\n");
    let st = status(&site).expect("status");
    assert_eq!(
        st.files,
        vec![entry("_pages/a.md", FileChange::Changed, None)]
    );
    let info = galley_git::commit_paths(&site, &["_pages/a.md".into()], "Edit a").expect("commit");
    assert_eq!(
        git(d, &["show", "--name-only", "--format=", &info.id]).trim(),
        "docs/site/_pages/a.md"
    );
    assert_eq!(
        galley_git::head_version(&site, "_pages/a.md").expect("head"),
        Some(b"a2\n".to_vec())
    );
    assert_eq!(
        galley_git::head_version(&site, "../../src/main.rs").expect("outside site, inside repo"),
        Some(b"fn main() {}\n".to_vec())
    );
    assert!(galley_git::head_version(&site, "../../../x").is_err());
}
