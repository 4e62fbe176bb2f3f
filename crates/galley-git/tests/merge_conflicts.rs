//! Both sides edit the same page: the conflict comes back with its three
//! versions, no markers are written, abandoning restores exactly, finishing
//! records a merge commit.

mod common;

use common::{git, read, write, World};
use galley_git::{
    abort_merge, commit_paths, complete_merge, conflicts, publish, status, sync, Credentials,
    FileChange, GitError, Progress, SyncOutcome,
};
use std::collections::BTreeMap;
use std::path::Path;

fn no_progress(_: Progress) {}

const BASE: &str = "---\ntitle: About\n---\nHello.\n";
const OURS: &str = "---\ntitle: About us\n---\nHello.\n";
const THEIRS: &str = "---\ntitle: About them\n---\nHello.\n";

/// Both sides change `_pages/about.md`; theirs also changes team.md (merges
/// cleanly); mine has an unrelated uncommitted edit and an untracked file.
fn conflicted_world() -> World {
    let w = World::new();
    write(
        &w.theirs,
        "_pages/team.md",
        "---\ntitle: Team\n---\nMore of us.\n",
    );
    w.they_publish("_pages/about.md", THEIRS);
    write(&w.mine, "_pages/about.md", OURS);
    commit_paths(&w.mine, &["_pages/about.md".into()], "Our title").expect("commit");
    write(
        &w.mine,
        "index.md",
        "---\ntitle: Home\n---\nUnsaved draft.\n",
    );
    write(&w.mine, "_drafts/idea.md", "an idea\n");
    w
}

/// Everything a user could notice: HEAD, index, status and every file's bytes.
fn snapshot(dir: &Path) -> (String, String, String, BTreeMap<String, Vec<u8>>) {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                files.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    (
        git(dir, &["rev-parse", "HEAD"]),
        git(dir, &["ls-files", "--stage"]),
        git(dir, &["status", "--porcelain=v1", "-uall"]),
        files,
    )
}

#[test]
fn conflicts_come_back_with_three_versions_and_no_markers() {
    let w = conflicted_world();
    let out = sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    let SyncOutcome::Conflicts { conflicts: found } = out else {
        panic!("expected conflicts, got {out:?}")
    };
    assert_eq!(found.len(), 1);
    let c = &found[0];
    assert_eq!(c.path, "_pages/about.md");
    assert_eq!(c.base.as_deref(), Some(BASE.as_bytes()));
    assert_eq!(c.ours.as_deref(), Some(OURS.as_bytes()));
    assert_eq!(c.theirs.as_deref(), Some(THEIRS.as_bytes()));
    // No markers: the file still holds our version.
    assert_eq!(read(&w.mine, "_pages/about.md"), OURS);
    // The clean part of the merge is written.
    assert_eq!(
        read(&w.mine, "_pages/team.md"),
        "---\ntitle: Team\n---\nMore of us.\n"
    );
    // Git itself agrees a merge with a conflict is in progress.
    assert!(w.mine.join(".git/MERGE_HEAD").is_file());
    assert!(git(&w.mine, &["status", "--porcelain"]).contains("UU _pages/about.md"));
    let st = status(&w.mine).expect("status");
    assert!(st.merge_in_progress);
    assert!(st
        .files
        .iter()
        .any(|e| e.path == "_pages/about.md" && e.change == FileChange::Conflicted));
    // Re-reading the conflicts later gives the same answer.
    assert_eq!(conflicts(&w.mine).expect("conflicts"), found);
    // Other operations wait for the merge to be finished.
    let err = commit_paths(&w.mine, &["index.md".into()], "x").expect_err("merge first");
    assert!(matches!(err, GitError::MergeInProgress), "{err:?}");
    let err = publish(&w.mine, &Credentials::system(), &mut no_progress).expect_err("merge first");
    assert!(matches!(err, GitError::MergeInProgress), "{err:?}");
}

#[test]
fn abort_restores_head_index_and_work_tree_exactly() {
    let w = conflicted_world();
    let before = snapshot(&w.mine);
    let out = sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    assert!(matches!(out, SyncOutcome::Conflicts { .. }), "{out:?}");
    assert_ne!(snapshot(&w.mine), before, "the merge changed something");
    abort_merge(&w.mine).expect("abort");
    assert_eq!(snapshot(&w.mine), before);
    assert!(!w.mine.join(".git/MERGE_HEAD").exists());
    assert!(matches!(
        abort_merge(&w.mine),
        Err(GitError::NoMergeInProgress)
    ));
}

#[test]
fn complete_merge_records_the_resolution() {
    let w = conflicted_world();
    sync(&w.mine, &Credentials::system(), &mut no_progress).expect("sync");
    let err = complete_merge(&w.mine, &[], "Merge").expect_err("unresolved");
    match &err {
        GitError::UnresolvedConflicts(p) => assert_eq!(p, &vec!["_pages/about.md".to_owned()]),
        other => panic!("{other:?}"),
    }
    let resolved = "---\ntitle: About us and them\n---\nHello.\n";
    let info = complete_merge(
        &w.mine,
        &[("_pages/about.md".into(), resolved.as_bytes().to_vec())],
        "Combine titles",
    )
    .expect("complete");
    assert_eq!(read(&w.mine, "_pages/about.md"), resolved);
    let parents = git(&w.mine, &["log", "-1", "--format=%P"]);
    assert_eq!(
        parents.split_whitespace().count(),
        2,
        "a merge commit: {parents}"
    );
    assert_eq!(
        git(&w.mine, &["log", "-1", "--format=%s"]),
        "Combine titles\n"
    );
    assert_eq!(info.summary, "Combine titles");
    assert!(!w.mine.join(".git/MERGE_HEAD").exists());
    // Only the unrelated draft edit and new file remain.
    assert_eq!(
        git(&w.mine, &["status", "--porcelain", "-uall"]),
        " M index.md\n?? _drafts/idea.md\n"
    );
    assert_eq!(git(&w.mine, &["show", "HEAD:_pages/about.md"]), resolved);
    publish(&w.mine, &Credentials::system(), &mut no_progress).expect("publish");
    assert_eq!(
        git(&w.remote, &["rev-parse", "main"]),
        git(&w.mine, &["rev-parse", "HEAD"])
    );
}

#[test]
fn conflicted_merge_refuses_edits_in_touched_files() {
    let w = conflicted_world();
    // An unrecorded edit in a file the merge would bring in cleanly.
    write(
        &w.mine,
        "_pages/team.md",
        "---\ntitle: Team\n---\nlocal edit\n",
    );
    let err = sync(&w.mine, &Credentials::system(), &mut no_progress).expect_err("refused");
    assert!(matches!(err, GitError::ChangesInTheWay(_)), "{err:?}");
    assert!(!w.mine.join(".git/MERGE_HEAD").exists());
    assert_eq!(
        read(&w.mine, "_pages/team.md"),
        "---\ntitle: Team\n---\nlocal edit\n"
    );
}
