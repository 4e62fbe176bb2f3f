//! First run: the welcome screen offers "Clone a site…"; the copy of the
//! demo's origin lands in a new folder under the editor's home and opens, and
//! Galley asks for the author's name once because git has none.

use crate::harness::{git, App, Launch};

#[tokio::test]
async fn clone_a_site_from_the_welcome_screen() {
    let app = App::launch(Launch {
        no_folder: true,
        site_in_recents: true,
        with_origin: true,
        no_identity: true,
        ..Launch::default()
    })
    .await;
    app.find(".recent button").await;
    app.guide_shot("01-welcome").await;

    app.click("[data-testid='clone-open']").await;
    let origin = app.origin.to_string_lossy().into_owned();
    app.type_into("[data-testid='clone-address']", &origin)
        .await;
    // The folder name is suggested from the address once it is entered.
    app.click("[data-testid='clone-name']").await;
    app.wait_for(
        "a folder name suggested from the address",
        "return document.querySelector('[data-testid=clone-name]').value === 'origin';",
    )
    .await;
    app.type_into("[data-testid='clone-name']", "aida-copy")
        .await;
    let home = app.home.to_string_lossy().into_owned();
    let parent = app.text_of("[data-testid='clone-parent']").await;
    assert!(parent.contains(&home), "the copy goes under home: {parent}");
    app.guide_shot("02-clone").await;

    app.click("[data-testid='clone-start']").await;
    app.find("[data-path='_engagements/aida.md']").await;
    // git knows no author here: Galley asks once, right after opening.
    app.find("[data-dialog-field='name']").await;
    app.screenshot("95-cloned-asks-identity").await;
    app.type_into("[data-dialog-field='name']", "Astrid Lind")
        .await;
    app.type_into("[data-dialog-field='email']", "astrid@example.org")
        .await;
    app.click("[data-testid='dialog-confirm']").await;
    app.wait_for(
        "the identity dialog to close",
        "return !document.querySelector('[data-dialog-field]');",
    )
    .await;

    let copy = app.home.join("aida-copy");
    assert_eq!(
        git(&copy, &["rev-parse", "HEAD"]),
        git(&app.origin, &["rev-parse", "main"])
    );
    assert_eq!(git(&copy, &["remote", "get-url", "origin"]).trim(), origin);
    assert_eq!(
        git(&copy, &["config", "--local", "user.name"]).trim(),
        "Astrid Lind"
    );
    // A repository with a remote: nothing to warn about.
    let notice = app
        .eval("return !!document.querySelector('[data-testid=setup-notice]');")
        .await;
    assert_eq!(notice, false);
    app.screenshot("96-cloned-site-open").await;
    app.stop().await;
}

#[tokio::test]
async fn cloning_into_a_folder_with_files_is_refused_with_help() {
    let app = App::launch(Launch {
        no_folder: true,
        with_origin: true,
        ..Launch::default()
    })
    .await;
    std::fs::create_dir_all(app.home.join("taken")).expect("mkdir");
    std::fs::write(app.home.join("taken/notes.txt"), "mine\n").expect("write");
    app.click("[data-testid='clone-open']").await;
    app.type_into(
        "[data-testid='clone-address']",
        &app.origin.to_string_lossy(),
    )
    .await;
    app.click("[data-testid='clone-name']").await;
    app.wait_for(
        "a folder name suggested from the address",
        "return document.querySelector('[data-testid=clone-name]').value === 'origin';",
    )
    .await;
    app.type_into("[data-testid='clone-name']", "taken").await;
    app.click("[data-testid='clone-start']").await;
    let error = app.text_of("[data-testid='clone-error']").await;
    assert!(error.contains("already holds files"), "{error}");
    assert_eq!(
        std::fs::read_to_string(app.home.join("taken/notes.txt")).expect("kept"),
        "mine\n"
    );
    // The error's Help opens the guide at the section about cloning.
    app.click("[data-testid='clone-help']").await;
    app.find("[data-testid='help'] #clone").await;
    app.wait_for(
        "the guide scrolled to the clone section, with its screenshot",
        "const h = document.querySelector('.guide'); const a = h.querySelector('#clone'); \
         const img = h.querySelector('img[alt^=\"Clone a site\"]'); \
         return a.getBoundingClientRect().top - h.getBoundingClientRect().top < 60 \
           && !!img && img.complete && img.naturalWidth > 0;",
    )
    .await;
    app.screenshot("97-help-at-clone").await;
    app.stop().await;
}

#[tokio::test]
async fn a_folder_without_a_remote_is_explained() {
    let app = App::start().await;
    let notice = app.text_of("[data-testid='setup-notice']").await;
    assert!(
        notice.contains("not connected to an online copy"),
        "{notice}"
    );
    app.stop().await;
}
