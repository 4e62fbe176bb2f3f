//! New images from the computer, added as a person adds them: "From computer…"
//! on the `logo` field, answered in the real GTK file dialog with key presses
//! (file_dialog.py); a PNG dragged from "the file manager" (an XDND drag
//! source, xdnd_drop.py) onto the `logo` field and into the text; and a text
//! file dropped on `logo`, refused in words with nothing copied.

use crate::harness::{changed_lines, App};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

const AIDA: &str = "_engagements/aida.md";
/// A 64×64 PNG (an orange disc on teal), written outside the site by each test.
const LOGO_PNG: &[u8] = include_bytes!("fixtures/drop-logo.png");
/// The file dialog's title (`import_image` in src-tauri/src/commands/form.rs).
const DIALOG_TITLE: &str = "Choose an image to add to the site";
/// The `logo` field of the form, as a script expression.
const LOGO_FIELD: &str = "document.querySelector(\"[data-path='logo']\")";
/// Where new images go in the demo site (`assets::images_folder`).
const IMAGES: &str = "assets/images";

/// The files directly in the site's images folder.
fn images_in(site: &Path) -> BTreeSet<String> {
    std::fs::read_dir(site.join(IMAGES))
        .expect("the images folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// A file written into a fresh folder outside the site (kept while the guard lives).
fn outside_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("write the file");
    (dir, file)
}

/// `file:///…` for `path`, as a file manager puts it in `text/uri-list`.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// Waits until the `logo` field holds `reference` and its thumbnail has loaded
/// through the `galley-site://` protocol.
async fn logo_shows(app: &App, reference: &str) {
    app.wait_for(
        "the logo field to show the new image",
        &format!(
            "const input = document.querySelector(\"input[data-field='logo']\"); \
             const img = document.querySelector(\"[data-path='logo'] img.thumb\"); \
             return input.value === {reference:?} && !!img && img.src.startsWith('galley-site:') \
               && img.src.endsWith({file:?}) && img.complete && img.naturalWidth === 64;",
            file = reference.rsplit('/').next().unwrap_or(reference),
        ),
    )
    .await;
}

/// The centre of the element `element` (a script expression), in the window's pixels.
async fn centre_of(app: &App, element: &str) -> (i64, i64) {
    let at = app
        .eval(&format!(
            "const r = ({element}).getBoundingClientRect(); \
             const k = window.devicePixelRatio; \
             return [Math.round((r.left + r.width / 2) * k), Math.round((r.top + r.height / 2) * k)];"
        ))
        .await;
    let number = |i: usize| at[i].as_i64().expect("a coordinate");
    (number(0), number(1))
}

/// A drag from "the file manager" (xdnd_drop.py) in progress over the window.
struct Drag {
    child: Child,
    stdin: ChildStdin,
    out: BufReader<ChildStdout>,
}

impl Drag {
    /// Drags `files` into the window and holds them over `at` (window pixels).
    fn over(app: &App, at: (i64, i64), files: &[&Path]) -> Drag {
        let mut child = app
            .x_helper("xdnd_drop.py")
            .arg("Galley")
            .args([at.0.to_string(), at.1.to_string()])
            .args(files.iter().map(|f| file_uri(f)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with python3-xlib (cargo xtask test installs it)");
        let stdin = child.stdin.take().expect("stdin");
        let out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut drag = Drag { child, stdin, out };
        let said = drag.line();
        assert_eq!(
            said, "over accepted=1",
            "the window accepts the dragged files"
        );
        drag
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.out
            .read_line(&mut line)
            .expect("the drag source answers");
        line.trim().to_owned()
    }

    /// Lets go; the window says it took the drop.
    fn drop_here(mut self) {
        writeln!(self.stdin, "drop").expect("tell the drag source to drop");
        assert_eq!(
            self.line(),
            "finished accepted=1",
            "the window took the drop"
        );
        let status = self.child.wait().expect("the drag source ends");
        assert!(status.success(), "the drag source ended with {status}");
    }
}

#[tokio::test]
async fn an_image_is_added_to_logo_by_picking_a_file() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    let images_before = images_in(&app.site);
    let (_outside, png) = outside_file("New Logo.png", LOGO_PNG);
    app.open_at_field(AIDA, "logo").await;
    app.click("[data-testid='import-logo']").await;
    let chosen = app
        .x_helper("file_dialog.py")
        .arg(DIALOG_TITLE)
        .arg(&png)
        .status()
        .expect("python3 with python3-xlib (cargo xtask test installs it)");
    assert!(chosen.success(), "the file dialog was answered");
    logo_shows(&app, "/assets/images/new-logo.png").await;
    app.screenshot("images-01-picked-from-computer").await;
    let added: Vec<String> = images_in(&app.site)
        .difference(&images_before)
        .cloned()
        .collect();
    assert_eq!(added, vec!["new-logo.png".to_owned()]);
    assert_eq!(
        std::fs::read(app.site.join(IMAGES).join("new-logo.png")).expect("read the copy"),
        LOGO_PNG
    );
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![(
            "logo: /assets/icons/aida.png".to_owned(),
            "logo: /assets/images/new-logo.png".to_owned()
        )]
    );
    app.stop().await;
}

#[tokio::test]
async fn an_image_dropped_on_logo_is_copied_in_and_shown() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    let images_before = images_in(&app.site);
    let (_outside, png) = outside_file("Bild på Åsa.PNG", LOGO_PNG);
    app.open_at_field(AIDA, "logo").await;
    let at = centre_of(&app, LOGO_FIELD).await;
    let drag = Drag::over(&app, at, &[&png]);
    app.wait_for(
        "the logo field to be highlighted",
        "const f = document.querySelector(\"[data-path='logo']\"); \
         return f.classList.contains('drop-here') && !f.classList.contains('drop-refused') \
           && f.dataset.dropHint === 'Drop to add this image';",
    )
    .await;
    app.screenshot("images-02-drop-highlight").await;
    app.guide_shot("08-drop-image").await;
    drag.drop_here();
    logo_shows(&app, "/assets/images/bild-pa-asa.png").await;
    app.wait_for(
        "the highlight to go",
        "return !document.querySelector('.drop-here');",
    )
    .await;
    app.wait_for_status("Added bild-pa-asa.png.").await;
    app.screenshot("images-03-dropped-on-logo").await;
    let added: Vec<String> = images_in(&app.site)
        .difference(&images_before)
        .cloned()
        .collect();
    assert_eq!(added, vec!["bild-pa-asa.png".to_owned()]);
    assert_eq!(
        std::fs::read(app.site.join(IMAGES).join("bild-pa-asa.png")).expect("read the copy"),
        LOGO_PNG
    );
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![(
            "logo: /assets/icons/aida.png".to_owned(),
            "logo: /assets/images/bild-pa-asa.png".to_owned()
        )]
    );
    app.stop().await;
}

#[tokio::test]
async fn a_dropped_text_file_is_refused_in_words_and_nothing_is_copied() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    let images_before = images_in(&app.site);
    let (_outside, text) = outside_file("notes.txt", b"Not a picture.\n");
    app.open_at_field(AIDA, "logo").await;
    let at = centre_of(&app, LOGO_FIELD).await;
    let drag = Drag::over(&app, at, &[&text]);
    app.wait_for(
        "the logo field to say it is not an image",
        "const f = document.querySelector(\"[data-path='logo']\"); \
         return f.classList.contains('drop-refused') && f.dataset.dropHint === 'Not an image';",
    )
    .await;
    app.screenshot("images-04-not-an-image-over").await;
    drag.drop_here();
    app.wait_for(
        "the refusal in words",
        "const e = document.querySelector('[data-testid=error]'); \
         return !!e && e.textContent.includes('\"notes.txt\" is not an image a web page can show');",
    )
    .await;
    app.screenshot("images-05-not-an-image-refused").await;
    assert_eq!(images_in(&app.site), images_before, "nothing was copied");
    assert_eq!(
        app.eval("return document.querySelector(\"input[data-field='logo']\").value;")
            .await,
        serde_json::json!("/assets/icons/aida.png")
    );
    assert!(
        app.eval("return !document.querySelector('[data-testid=unsaved]');")
            .await
            .as_bool()
            == Some(true),
        "the page has no unsaved edit"
    );
    let status = crate::harness::git(&app.site, &["status", "--porcelain"]);
    assert_eq!(status, "", "the site is unchanged");
    assert_eq!(
        std::fs::read_to_string(app.site.join(AIDA)).expect("read"),
        before
    );
    app.stop().await;
}

#[tokio::test]
async fn an_image_dropped_into_the_text_goes_where_it_was_dropped() {
    let app = App::start().await;
    let before = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    let (_outside, png) = outside_file("arena-logo.png", LOGO_PNG);
    app.open_at_field(AIDA, "logo").await;
    // The empty line before "## How the arena works": the editor draws only
    // the lines in view, so scroll until it is drawn, then into the middle.
    app.wait_for(
        "the heading's line to be drawn in view",
        "const column = document.querySelector('.editor-column'); \
         const lines = [...document.querySelectorAll('.body-editor .cm-line')]; \
         const i = lines.findIndex((l) => l.textContent === '## How the arena works'); \
         if (i < 1) { column.scrollTop += 200; return false; } \
         const r = lines[i - 1].getBoundingClientRect(); \
         if (r.top < 100 || r.bottom > window.innerHeight - 100) { lines[i - 1].scrollIntoView({ block: 'center' }); return false; } \
         return lines[i - 1].textContent === '';",
    )
    .await;
    let at = centre_of(
        &app,
        "[...document.querySelectorAll('.body-editor .cm-line')].find((l, i, all) => all[i + 1]?.textContent === '## How the arena works')",
    )
    .await;
    let drag = Drag::over(&app, at, &[&png]);
    app.wait_for(
        "the text to be highlighted",
        "return document.querySelector('[data-testid=body-editor]').classList.contains('drop-here');",
    )
    .await;
    app.screenshot("images-06-drop-on-text").await;
    drag.drop_here();
    app.wait_for(
        "the image dialog with the dropped image chosen",
        "const chosen = document.querySelector(\"[data-testid='image-dialog'] [aria-pressed='true']\"); \
         return !!chosen && chosen.dataset.image === '/assets/images/arena-logo.png' \
           && document.activeElement === document.querySelector('[data-image-field=alt]');",
    )
    .await;
    app.type_into("[data-image-field='alt']", "The arena's logo")
        .await;
    app.screenshot("images-07-describe-dropped").await;
    app.click("[data-testid='image-confirm']").await;
    app.save().await;
    let after = std::fs::read_to_string(app.site.join(AIDA)).expect("read");
    assert_eq!(
        changed_lines(&before, &after),
        vec![(
            String::new(),
            "![The arena's logo](/assets/images/arena-logo.png)".to_owned()
        )]
    );
    assert!(
        after.contains("[datasets page](/datasets/).\n![The arena's logo](/assets/images/arena-logo.png)\n## How the arena works"),
        "the image is on the line it was dropped on:\n{after}"
    );
    assert!(app.site.join(IMAGES).join("arena-logo.png").is_file());
    app.stop().await;
}
