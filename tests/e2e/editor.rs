//! The body editor's promises (issue #4): Ctrl/Cmd+B and I, undo and redo by
//! key and by button, find and replace, undo that survives leaving a page,
//! and the system spell checker marking misspelt words.

use crate::harness::{shots_dir, App, Launch};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const AIDA: &str = "_engagements/aida.md";
const NORDIC: &str = "_engagements/nordic-imaging-network.md";

/// A script that is true once the preview's text has `text`.
fn preview_has(text: &str) -> String {
    format!(
        "const f = document.querySelector('[data-testid=preview]'); \
         return !!(f && f.contentDocument && f.contentDocument.body.textContent.includes({text:?}));"
    )
}

/// A script that is true once the preview's text no longer has `text`.
fn preview_lacks(text: &str) -> String {
    format!(
        "const f = document.querySelector('[data-testid=preview]'); \
         return !!(f && f.contentDocument && f.contentDocument.body && !f.contentDocument.body.textContent.includes({text:?}));"
    )
}

/// A script that is true once the preview shows `text` in a `tag` element.
fn preview_tag(tag: &str, text: &str) -> String {
    format!(
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return Array.from(d.querySelectorAll({tag:?})).some(e => e.textContent === {text:?});"
    )
}

/// A script that is true once no `tag` element of the preview shows `text`.
fn preview_no_tag(tag: &str, text: &str) -> String {
    format!(
        "const d = document.querySelector('[data-testid=preview]').contentDocument; \
         return !Array.from(d.querySelectorAll({tag:?})).some(e => e.textContent === {text:?});"
    )
}

/// Ctrl (with `shift`) and `key`, released after.
fn chord(key: &str, shift: bool) -> String {
    let shift = if shift {
        Key::Shift.to_string()
    } else {
        String::new()
    };
    format!("{}{shift}{key}{}", Key::Control, Key::Null)
}

/// Opens `path` (waiting until its editor replaced the last page's).
async fn open(app: &App, path: &str) {
    app.click(&format!("[data-path='{path}']")).await;
    app.find(&format!("[data-path='{path}'][aria-selected='true']"))
        .await;
}

/// Opens `path` and puts the cursor at the end of its text.
async fn open_at_end(app: &App, path: &str) -> Element {
    open(app, path).await;
    let body = app.find(".cm-content").await;
    body.click().await.expect("focus the text");
    body.send_keys(&chord(&Key::End.to_string(), false))
        .await
        .expect("Ctrl+End");
    body
}

/// Presses keys in the editor's text, which has the focus.
async fn press(body: &Element, keys: &str) {
    body.send_keys(keys).await.expect("keys reach the editor");
}

/// Selects the word before the cursor the way a keyboard user does.
async fn select_last_word(body: &Element) {
    press(
        body,
        &format!("{}{}{}{}", Key::Shift, Key::Control, Key::Left, Key::Null),
    )
    .await;
}

/// Saves with the button and waits until the page has no unsaved edits.
async fn save(app: &App) {
    app.find("[data-testid='unsaved']").await;
    app.click("[data-testid='save']").await;
    app.wait_for(
        "the save",
        "return !document.querySelector(\"[data-testid='unsaved']\") && \
         document.querySelector('[data-testid=status]').textContent.startsWith('Saved.');",
    )
    .await;
}

fn read(app: &App, path: &str) -> String {
    std::fs::read_to_string(app.site.join(path)).expect("read the page")
}

#[tokio::test]
async fn keys_make_bold_and_italic_and_undo_redo_by_key_and_button() {
    let app = App::start().await;
    let body = open_at_end(&app, AIDA).await;
    press(&body, &Key::Enter.to_string()).await;
    press(&body, "Galley makes this bold").await;
    select_last_word(&body).await;
    press(&body, &chord("b", false)).await;
    app.wait_for("Ctrl+B's bold word", &preview_tag("strong", "bold"))
        .await;
    press(&body, &Key::End.to_string()).await;
    press(&body, " and this italic").await;
    select_last_word(&body).await;
    press(&body, &chord("i", false)).await;
    app.wait_for("Ctrl+I's italic word", &preview_tag("em", "italic"))
        .await;
    app.screenshot("80-editor-bold-italic").await;

    // Ctrl+Z undoes the italic (the bold stays); Ctrl+Shift+Z and Ctrl+Y redo it.
    press(&body, &chord("z", false)).await;
    app.wait_for("Ctrl+Z to undo the italic", &preview_no_tag("em", "italic"))
        .await;
    app.wait_for("the italic's text to stay", &preview_has("and this italic"))
        .await;
    app.wait_for("the bold to stay", &preview_tag("strong", "bold"))
        .await;
    press(&body, &chord("z", true)).await;
    app.wait_for("Ctrl+Shift+Z to redo it", &preview_tag("em", "italic"))
        .await;
    press(&body, &chord("z", false)).await;
    app.wait_for("Ctrl+Z again", &preview_no_tag("em", "italic"))
        .await;
    press(&body, &chord("y", false)).await;
    app.wait_for("Ctrl+Y to redo it", &preview_tag("em", "italic"))
        .await;

    // The toolbar's arrows do the same.
    app.click("[data-format='undo']").await;
    app.wait_for("the undo button", &preview_no_tag("em", "italic"))
        .await;
    app.click("[data-format='redo']").await;
    app.wait_for("the redo button", &preview_tag("em", "italic"))
        .await;

    save(&app).await;
    let saved = read(&app, AIDA);
    assert!(
        saved.contains("\nGalley makes this **bold** and this _italic_"),
        "{saved}"
    );
    app.stop().await;
}

/// The search panel's field `name`.
fn search_field(name: &str) -> String {
    format!(".cm-search input[name='{name}']")
}

#[tokio::test]
async fn find_and_replace_one_then_all() {
    let app = App::start().await;
    let body = open_at_end(&app, AIDA).await;
    press(&body, &Key::Enter.to_string()).await;
    press(&body, "A quokka here, a quokka there, a quokka everywhere.").await;
    save(&app).await;
    let typed = read(&app, AIDA);
    assert_eq!(typed.matches("quokka").count(), 3, "{typed}");

    // From the toolbar: find the word, replace the first one only.
    app.click("[data-format='find']").await;
    app.type_into(&search_field("search"), "quokka").await;
    app.type_into(&search_field("replace"), "wombat").await;
    // Enter in the search field goes to the next match (from the cursor at
    // the end, round to the first); Replace replaces it and goes on.
    app.find(&search_field("search"))
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter finds");
    app.click(".cm-search button[name='replace']").await;
    app.wait_for(
        "one replaced",
        &preview_has("A wombat here, a quokka there"),
    )
    .await;
    app.screenshot("81-editor-replace-one").await;
    save(&app).await;
    assert_eq!(read(&app, AIDA), typed.replacen("quokka", "wombat", 1));

    // Close it, open it again with Ctrl+F, replace all the others.
    app.find(&search_field("search"))
        .await
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("Escape closes");
    app.wait_for(
        "the search panel to close",
        "return !document.querySelector('.cm-search');",
    )
    .await;
    let body = app.find(".cm-content").await;
    press(&body, &chord("f", false)).await;
    app.wait_for(
        "Ctrl+F to open the search with its field focused",
        "const a = document.activeElement; \
         return !!document.querySelector('.cm-search') && !!a && a.name === 'search';",
    )
    .await;
    app.type_into(&search_field("search"), "quokka").await;
    app.type_into(&search_field("replace"), "wombat").await;
    app.click(".cm-search button[name='replaceAll']").await;
    app.wait_for(
        "all replaced",
        &preview_has("A wombat here, a wombat there, a wombat everywhere."),
    )
    .await;
    save(&app).await;
    assert_eq!(read(&app, AIDA), typed.replace("quokka", "wombat"));
    app.stop().await;
}

/// The editor's column scroll offset.
async fn column_scroll(app: &App) -> f64 {
    app.eval("return document.querySelector('.editor-column').scrollTop;")
        .await
        .as_f64()
        .expect("a scroll offset")
}

/// Presses `keys` until `script` holds (a few times at most): how many
/// presses an edit takes to undo depends on how CodeMirror grouped the typing.
async fn press_until(app: &App, body: &Element, keys: &str, what: &str, script: &str) {
    for _ in 0..30 {
        press(body, keys).await;
        if app.eval(script).await.as_bool() == Some(true) {
            return;
        }
    }
    app.wait_for(what, script).await;
}

/// Gives the text the focus without clicking (a click would move the cursor).
async fn focus_text(app: &App) -> Element {
    app.eval("document.querySelector('.cm-content').focus(); return true;")
        .await;
    app.find(".cm-content").await
}

#[tokio::test]
async fn undo_history_survives_leaving_and_coming_back() {
    let app = App::start().await;
    let original = read(&app, AIDA);
    let body = open_at_end(&app, AIDA).await;
    press(&body, &Key::Enter.to_string()).await;
    press(&body, "Alpha words typed here").await;
    app.wait_for(
        "the words in the preview",
        &preview_has("Alpha words typed here"),
    )
    .await;
    let scrolled = column_scroll(&app).await;
    assert!(
        scrolled > 100.0,
        "the end of the page is scrolled to: {scrolled}"
    );

    // Another page, edited and saved, then back: the words (an unsaved draft) are there.
    let body = open_at_end(&app, NORDIC).await;
    press(&body, &Key::Enter.to_string()).await;
    press(&body, "Beta words typed here").await;
    save(&app).await;
    open(&app, AIDA).await;
    app.wait_for("AIDA's draft", &preview_has("Alpha words typed here"))
        .await;
    app.wait_for(
        "the column scrolled back to where it was",
        &format!(
            "return Math.abs(document.querySelector('.editor-column').scrollTop - {scrolled}) < 40;"
        ),
    )
    .await;
    app.screenshot("82-editor-back-to-page").await;

    // The cursor is where it was left: typing goes on after the words.
    let body = focus_text(&app).await;
    press(&body, "!").await;
    app.wait_for(
        "typing at the kept cursor",
        &preview_has("Alpha words typed here!"),
    )
    .await;

    // Ctrl+Z undoes what was typed before leaving, back to the page as on disk.
    let as_on_disk = "return !document.querySelector(\"[data-testid='unsaved']\");";
    press_until(
        &app,
        &body,
        &chord("z", false),
        "everything undone",
        as_on_disk,
    )
    .await;
    app.wait_for("the typed words undone", &preview_lacks("Alpha words"))
        .await;
    press_until(
        &app,
        &body,
        &chord("z", true),
        "Ctrl+Shift+Z to redo",
        &preview_has("Alpha words typed here!"),
    )
    .await;
    app.find("[data-testid='unsaved']").await;

    // The saved page keeps its history too: undo takes back the saved words.
    open(&app, NORDIC).await;
    app.wait_for("the other page", &preview_has("Beta words typed here"))
        .await;
    let body = focus_text(&app).await;
    press_until(
        &app,
        &body,
        &chord("z", false),
        "the saved words undone",
        &preview_lacks("Beta words"),
    )
    .await;
    app.find("[data-testid='unsaved']").await;
    assert!(read(&app, NORDIC).contains("Beta words typed here"));
    assert_eq!(read(&app, AIDA), original, "nothing was saved on AIDA");
    app.stop().await;
}

/// How many of the screen's pixels in the strip under `word` in the editor
/// are red (WebKit's misspelling marker is a red dotted line under the word).
async fn red_under(app: &App, shot: &Path, word: &str) -> usize {
    let rect = app
        .client
        .execute(
            "const word = arguments[0]; \
             const walker = document.createTreeWalker(document.querySelector('.cm-content'), NodeFilter.SHOW_TEXT); \
             const pattern = new RegExp('(^|[^\\\\p{L}])' + word + '($|[^\\\\p{L}])', 'u'); \
             for (let node = walker.nextNode(); node; node = walker.nextNode()) { \
               const m = pattern.exec(node.data); if (!m) continue; \
               const at = m.index + m[1].length; \
               const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + word.length); \
               const r = range.getBoundingClientRect(); const s = window.devicePixelRatio || 1; \
               const x = window.screenX + (window.outerWidth - window.innerWidth) / 2; \
               const y = window.screenY + (window.outerHeight - window.innerHeight); \
               return { left: Math.round((x + r.left) * s), top: Math.round((y + r.bottom - 4) * s), \
                        width: Math.round(r.width * s), height: Math.round(8 * s) }; \
             } \
             return null;",
            vec![json!(word)],
        )
        .await
        .expect("the word's place");
    let number = |key: &str| {
        rect[key]
            .as_i64()
            .unwrap_or_else(|| panic!("no {word:?} in the editor: {rect}"))
    };
    let (left, top, width, height) = (
        number("left"),
        number("top"),
        number("width"),
        number("height"),
    );
    assert!(width > 10 && height > 0, "{word}: {rect}");
    let out = Command::new("convert")
        .arg(shot)
        .args([
            "-crop",
            &format!("{width}x{height}+{left}+{top}"),
            "+repage",
        ])
        .args(["-depth", "8", "rgb:-"])
        .output()
        .expect("ImageMagick's convert runs");
    assert!(
        out.status.success(),
        "convert: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
        .chunks_exact(3)
        .filter(|p| p[0] > 170 && p[1] < 110 && p[2] < 110)
        .count()
}

/// Types `words` (each followed by a space, so WebKit checks it) at the end
/// of the page, then waits until a marker shows under each of `wrong`, and
/// checks none shows under any of `right`.
async fn check_spelling(app: &App, shot: &str, words: &[&str], wrong: &[&str], right: &[&str]) {
    let body = open_at_end(app, AIDA).await;
    press(&body, &Key::Enter.to_string()).await;
    press(&body, &Key::Enter.to_string()).await;
    for word in words {
        press(&body, &format!("{word} ")).await;
    }
    let file = shots_dir().join(format!("{shot}.png"));
    // WebKit checks a word once the next one starts and draws its marker with
    // the next paint: look again until every misspelt word has one.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        app.screenshot(shot).await;
        let mut all = true;
        for word in wrong {
            all &= red_under(app, &file, word).await > 3;
        }
        if all {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no misspelling marker under {wrong:?}: is spell checking on? see {}",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for word in right {
        assert_eq!(
            red_under(app, &file, word).await,
            0,
            "{word} is spelt right: {}",
            file.display()
        );
    }
}

#[tokio::test]
async fn the_spell_checker_marks_misspelt_words() {
    // The demo site names no language: the UI's, English, is checked.
    let app = App::start().await;
    check_spelling(
        &app,
        "83-editor-spelling-en",
        &["receive", "recieve", "sjukhuset", "today"],
        &["recieve", "sjukhuset"],
        &["receive", "today"],
    )
    .await;
    app.stop().await;
}

/// Copies `from` into `to`, folders and all.
fn copy_site(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read the site") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_site(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[tokio::test]
async fn the_spell_checker_follows_the_sites_language() {
    // A Swedish site (`lang: sv`) with the UI in English: both are checked.
    let app = App::launch_with_site(Launch::default(), |site| {
        copy_site(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), site);
        let config = site.join("_config.yml");
        let text = std::fs::read_to_string(&config).expect("read _config.yml");
        std::fs::write(&config, format!("{text}\nlang: sv\n")).expect("write _config.yml");
    })
    .await;
    check_spelling(
        &app,
        "84-editor-spelling-sv",
        &["sjukhuset", "sjukhsuet", "receive", "idag"],
        &["sjukhsuet"],
        &["sjukhuset", "receive", "idag"],
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn get_latest_changes_reach_the_open_pages_editor() {
    let app = App::launch(Launch {
        with_origin: true,
        ..Launch::default()
    })
    .await;
    open(&app, AIDA).await;
    app.wait_for(
        "AIDA's text",
        "return document.querySelector('.cm-content').textContent.includes('Partners range from');",
    )
    .await;

    // A colleague rewords a line of the text and publishes it.
    let parent = app.site.parent().expect("temp dir");
    crate::harness::git(
        parent,
        &["clone", "-q", &app.origin.to_string_lossy(), "colleague"],
    );
    let colleague = parent.join("colleague");
    crate::harness::git(&colleague, &["config", "user.name", "Colleague"]);
    crate::harness::git(
        &colleague,
        &["config", "user.email", "colleague@galley.invalid"],
    );
    let page = colleague.join(AIDA);
    let text = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        text.replacen("Partners range from", "Partners reach from", 1),
    )
    .expect("write");
    crate::harness::git(&colleague, &["commit", "-q", "-am", "Colleague: reword"]);
    crate::harness::git(&colleague, &["push", "-q", "origin", "main"]);

    app.click("[data-testid='get-latest']").await;
    app.wait_for_status("Got the latest changes.").await;
    app.wait_for(
        "the editor to show the colleague's words",
        "const c = document.querySelector('.cm-content').textContent; \
         return c.includes('Partners reach from') && !c.includes('Partners range from');",
    )
    .await;

    // Undo cannot bring the old words back over theirs; a save keeps them.
    let body = open_at_end(&app, AIDA).await;
    press(&body, " Mine.").await;
    for _ in 0..5 {
        press(&body, &chord("z", false)).await;
    }
    app.wait_for(
        "undo to stop at the fetched text",
        "return !document.querySelector(\"[data-testid='unsaved']\");",
    )
    .await;
    assert!(app
        .eval("return document.querySelector('.cm-content').textContent.includes('Partners reach from');")
        .await
        .as_bool()
        .unwrap_or(false));
    press(&body, " Mine.").await;
    save(&app).await;
    let saved = read(&app, AIDA);
    assert!(
        saved.contains("Partners reach from") && saved.contains(" Mine."),
        "{saved}"
    );
    app.stop().await;
}
