//! A Hugo site whose `permalinks` put posts at `/articles/:year/:month/:slug/`:
//! the link picker writes a page's published address, and that link in the
//! preview opens the page in Galley.

use crate::harness::{App, Launch};
use fantoccini::key::Key;
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[tokio::test]
async fn the_link_picker_writes_a_hugo_pages_permalink_and_the_link_opens_it() {
    let app = App::launch_with_site(Launch::default(), |site| {
        write(
            site,
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Lab'\n[permalinks.page]\nposts = '/articles/:year/:month/:slug/'\n",
        );
        write(site, "content/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
        write(
            site,
            "content/posts/bash-in-slow-motion.md",
            "---\ntitle: Bash in Slow Motion\ndate: 2023-02-14\n---\nRead the other post\n",
        );
        write(
            site,
            "content/posts/tls-in-a-nutshell/index.md",
            "---\ntitle: TLS in a Nutshell\ndate: 2023-03-01\nslug: tls\n---\nCertificates.\n",
        );
    })
    .await;
    app.click("[data-path='content/posts/bash-in-slow-motion.md']")
        .await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus body");
    body.send_keys(&format!("{}{}{}", Key::Control, Key::End, Key::Null))
        .await
        .expect("go to end");
    body.send_keys(&format!(
        "{}{}{}{}",
        Key::Shift,
        Key::Control,
        Key::Left,
        Key::Null
    ))
    .await
    .expect("select the last word");
    body.send_keys(&format!("{}k{}", Key::Control, Key::Null))
        .await
        .expect("Ctrl+K");
    app.find("[data-testid='link-dialog']").await;
    app.type_into("[data-link-field='search']", "nutshell")
        .await;
    app.click("[data-link-page='content/posts/tls-in-a-nutshell/index.md']")
        .await;
    let address = "/articles/2023/03/tls/";
    app.wait_for(
        "the page's published address",
        &format!(
            "const t = document.querySelector(\"[data-testid='link-target']\"); \
             return !!t && t.textContent.includes('{address}');"
        ),
    )
    .await;
    app.click("[data-testid='link-confirm']").await;
    let link = format!("a[data-site-link='{address}']");
    app.wait_for(
        "the link in the preview",
        &format!(
            "const d = document.querySelector('[data-testid=preview]').contentDocument; \
             return !!d.querySelector(\"{link}\");"
        ),
    )
    .await;
    app.screenshot("97-hugo-permalink-link").await;
    app.client.enter_frame(0).await.expect("enter the preview");
    app.click(&link).await;
    app.client
        .enter_parent_frame()
        .await
        .expect("back to the app");
    app.wait_for(
        "the linked page to open",
        "const i = document.querySelector(\"input[data-field='title']\"); \
         return !!i && i.value === 'TLS in a Nutshell';",
    )
    .await;
    app.stop().await;
}
