//! The preview in blocks: joined they are the page, each stands on its own
//! (raw HTML open across blocks keeps them together), and each knows the body
//! lines it came from, also through Liquid and includes.

use galley_core::preview::{render_blocks, render_page, PageContext, PreviewBlock, RenderOptions};
use std::collections::HashMap;

fn blocks(md: &str) -> Vec<PreviewBlock> {
    render_blocks(md, &RenderOptions::default(), &PageContext::default())
}

fn lines(blocks: &[PreviewBlock]) -> Vec<(u32, u32)> {
    blocks.iter().map(|b| (b.first_line, b.last_line)).collect()
}

#[test]
fn joined_blocks_are_the_page() {
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let mut pages = vec![
        "# T\n\npara\n\n<div>\n\n*x*\n\n</div>\n\n- a\n- b\n\n| a |\n|---|\n| 1 |\n\nlast"
            .to_owned(),
        "text[^1]\n\n[^1]: note\n\nmore[^1]\n".to_owned(),
        "para\n{: .lead}\n\n{: #next}\nnext\n".to_owned(),
    ];
    let mut stack = vec![workspace];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read content").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push(std::fs::read_to_string(&path).expect("read page"));
            }
        }
    }
    for md in pages {
        let options = RenderOptions {
            asset_url_prefix: Some("galley-site://localhost".into()),
        };
        let context = PageContext::default();
        let joined: String = render_blocks(&md, &options, &context)
            .into_iter()
            .map(|b| b.html)
            .collect();
        assert_eq!(joined, render_page(&md, &options, &context), "for {md:?}");
    }
}

#[test]
fn each_top_level_block_knows_its_lines() {
    let b = blocks("# Title\n\nOne\ntwo\n\n- a\n- b\n\n\n> quote\n");
    assert_eq!(lines(&b), vec![(1, 1), (3, 4), (6, 7), (10, 10)]);
    assert_eq!(b[0].html, "<h1 id=\"title\">Title</h1>\n");
    assert_eq!(b[1].html, "<p>One\ntwo</p>\n");
}

#[test]
fn raw_html_left_open_keeps_blocks_together() {
    let b =
        blocks("<div class=\"box\">\n\n*inside*\n\n</div>\n\nafter\n\n<span>open\n\nstill open\n");
    assert_eq!(lines(&b), vec![(1, 5), (7, 7), (9, 11)]);
    assert_eq!(
        b[0].html,
        "<div class=\"box\">\n<p><em>inside</em></p>\n</div>\n"
    );
    // An element never closed keeps the rest of the page in one block.
    assert!(
        b[2].html.starts_with("<p><span>open</p>"),
        "{:?}",
        b[2].html
    );
}

#[test]
fn lines_survive_liquid_and_includes() {
    let mut includes = HashMap::new();
    includes.insert("three.md".to_owned(), "one\n\ntwo\n\nthree\n".to_owned());
    let context = PageContext {
        includes: Some(&includes),
        ..PageContext::default()
    };
    let md = "# {{ page.x }}\n\n{% include three.md %}\n\n## After {% if a %}x{% endif %}\n\nend\n";
    let b = render_blocks(md, &RenderOptions::default(), &context);
    let after = b
        .iter()
        .find(|b| b.html.starts_with("<h2"))
        .expect("heading after the include");
    assert_eq!((after.first_line, after.last_line), (5, 5));
    let end = b.last().expect("blocks");
    assert_eq!((end.first_line, end.html.as_str()), (7, "<p>end</p>\n"));
    // The include's blocks point at the include tag's line.
    assert!(b.iter().filter(|b| b.first_line == 3).count() >= 3, "{b:?}");
}

#[test]
fn an_empty_page_has_no_blocks() {
    assert!(blocks("").is_empty());
    assert!(blocks("\n\n").is_empty());
}

#[test]
fn an_edit_updates_only_the_block_it_touches() {
    use galley_core::preview::preview_update;
    let before = blocks("# Title\n\nfirst\n\nsecond\n\nthird\n");
    let known: Vec<u64> = before.iter().map(|b| b.key).collect();
    // A keystroke in "second" and a new line above it.
    let after = blocks("# Title\n\nfirst\n\n\nsecondx\n\nthird\n");
    let update = preview_update(&known, after.clone());
    assert_eq!((update.keep_start, update.keep_end), (2, 1));
    assert_eq!(update.blocks.len(), 1);
    assert_eq!(update.blocks[0].html, "<p>secondx</p>\n");
    assert_eq!(update.lines, vec![1, 1, 3, 3, 6, 6, 8, 8]);
    // Nothing known: everything is new; nothing changed: nothing is sent.
    assert_eq!(preview_update(&[], after.clone()).blocks, after);
    let same = preview_update(
        &after.iter().map(|b| b.key).collect::<Vec<_>>(),
        after.clone(),
    );
    assert_eq!(
        (same.keep_start, same.keep_end, same.blocks.len()),
        (4, 0, 0)
    );
    // Keys are equal exactly when the HTML is, and fit in a JavaScript number.
    assert!(before.iter().all(|b| b.key < 1 << 53));
    assert_eq!(before[0].key, after[0].key);
    assert_ne!(before[2].key, after[2].key);
}
