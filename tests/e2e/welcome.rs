//! Without a folder argument the app greets the editor with "Open a site
//! folder…" and the remembered sites; a remembered site opens with one click.

use crate::harness::{App, Launch};

#[tokio::test]
async fn recent_site_opens_from_the_welcome_screen() {
    let app = App::launch(Launch {
        no_folder: true,
        site_in_recents: true,
        ..Launch::default()
    })
    .await;
    let recent = app.find(".recent button").await;
    app.find(".welcome .primary").await;
    let label = recent.text().await.expect("text");
    assert!(label.starts_with("site"), "the folder name leads: {label}");
    app.screenshot("20-welcome").await;
    recent.click().await.expect("open recent");
    app.find("[data-path='_engagements/aida.md']").await;
    app.screenshot("21-opened-from-recents").await;
    app.stop().await;
}
