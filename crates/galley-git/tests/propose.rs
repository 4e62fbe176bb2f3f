//! "Propose for review": the chosen pages go to a new branch on the remote;
//! the editor's branch and files stay as they were.

mod common;

use common::{git, read, write, World};
use galley_git::{propose_for_review, status, sync, Credentials, FileChange, SyncOutcome};

#[test]
fn proposal_goes_to_a_new_remote_branch_and_leaves_the_work_tree_alone() {
    let w = World::new();
    let m = &w.mine;
    write(m, "_pages/about.md", "proposed\n");
    write(m, "index.md", "not part of the proposal\n");
    let head_before = git(m, &["rev-parse", "HEAD"]);
    let p = propose_for_review(
        m,
        &["_pages/about.md".into()],
        "Update about page",
        &Credentials::system(),
        &mut |_| {},
    )
    .expect("propose");
    assert_eq!(p.branch, "galley/update-about-page");
    assert_eq!(p.review_url, None, "a path remote has no review page");
    assert_eq!(git(&w.remote, &["rev-parse", &p.branch]).trim(), p.commit);
    assert_eq!(
        git(
            &w.remote,
            &["show", "--name-only", "--format=%an|%s", &p.branch]
        )
        .trim(),
        "Ada Editor|Update about page\n\n_pages/about.md"
    );
    assert_eq!(
        git(
            &w.remote,
            &["show", &format!("{}:_pages/about.md", p.branch)]
        ),
        "proposed\n"
    );
    // Still on main, same commit, both edits still here and unrecorded.
    assert_eq!(git(m, &["rev-parse", "HEAD"]), head_before);
    assert_eq!(status(m).expect("status").branch.as_deref(), Some("main"));
    assert_eq!(read(m, "_pages/about.md"), "proposed\n");
    assert_eq!(
        git(m, &["status", "--porcelain"]),
        " M _pages/about.md\n M index.md\n"
    );

    // A second proposal with the same message gets a fresh name.
    let p2 = propose_for_review(
        m,
        &["index.md".into()],
        "Update about page",
        &Credentials::system(),
        &mut |_| {},
    )
    .expect("second");
    assert_eq!(p2.branch, "galley/update-about-page-2");

    // The maintainer merges the first proposal; getting it back is clean even
    // though the identical edit is still unrecorded here.
    git(&w.theirs, &["fetch", "-q"]);
    git(
        &w.theirs,
        &[
            "merge",
            "-q",
            "--ff-only",
            "origin/galley/update-about-page",
        ],
    );
    git(&w.theirs, &["push", "-q", "origin", "main"]);
    let out = sync(m, &Credentials::system(), &mut |_| {}).expect("sync");
    assert!(matches!(out, SyncOutcome::FastForwarded { .. }), "{out:?}");
    let st = status(m).expect("status");
    assert_eq!(st.files.len(), 1);
    assert_eq!(
        (st.files[0].path.as_str(), st.files[0].change),
        ("index.md", FileChange::Changed)
    );
}
