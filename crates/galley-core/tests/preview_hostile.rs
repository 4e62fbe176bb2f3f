//! A hostile page: every way content could try to run script or leave the
//! preview, through both the fast path and the whole-output sanitizer.

use galley_core::preview::{render, render_page_fully_sanitized, PageContext, RenderOptions};

const HOSTILE: &str = concat!(
    "<script>alert(1)</script>\n\n",
    "<img src=\"/a.png\" onerror=\"alert(2)\">\n\n",
    "[x](javascript:alert(3)) [y](JaVaScRiPt:alert(3)) [z](java&#9;script:alert(3)) [d](data:text/html,<script>alert(3)</script>)\n\n",
    "<a href=\"javascript:alert(4)\">a</a> <a href=\"vbscript:x\">v</a>\n\n",
    "<iframe src=\"https://example.com\"></iframe>\n\n",
    "<form action=\"/x\"><input name=q><button formaction=\"javascript:alert(5)\">b</button></form>\n\n",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(6)\">\n\n",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n",
    "<svg onload=\"alert(7)\"><a xlink:href=\"javascript:alert(8)\"><circle r=\"9\"/></a></svg>\n\n",
    "<div style=\"background:url(javascript:alert(9))\" onmouseover=\"alert(10)\">hover</div>\n\n",
    "<details open ontoggle=\"alert(11)\"><summary>s</summary></details>\n\n",
    "<p>unclosed <b onclick=\"alert(12)\">\n\n",
    "paragraph with <span onclick=\"alert(13)\">inline</span> html\n\n",
    "## Heading {onclick=alert(14)}\n\n",
    "text\n{: onmouseover=\"alert(15)\" style=\"x:expression(alert(16))\"}\n\n",
    "![i](javascript:alert(17)) ![j](data:image/svg+xml,<svg onload=alert(18)>)\n\n",
    "<style>body{background:url(https://evil.example/x)}</style>\n\n",
    "<base href=\"https://evil.example/\"><link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\n\n",
    "<textarea><script>alert(19)</script></textarea>\n\n",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>\n",
);

/// More ways in, each a page of its own (so one cannot hide another).
const MORE: &[&str] = &[
    // Entity-encoded and oddly spaced schemes, in every URL attribute.
    "<a href=\"java&#115;cript:alert(21)\">e</a> <a href=\"&#x6A;avascript&colon;alert(22)\">f</a>\n",
    "<a href=\"  javascript:alert(23)\">g</a> <a href=\"jav&#x09;ascript:alert(24)\">h</a>\n",
    "<a href=\"VBScript:msgbox(1)\">v</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>\n",
    "<img src=\"javascript:alert(25)\"> <img src=\"data:text/html,x\"> <img srcset=\"javascript:alert(26) 1x\">\n",
    "<svg><a xlink:href=\"javascript:alert(27)\"><text>t</text></a></svg>\n",
    "<button formaction=\"javascript:alert(28)\">b</button><input type=\"submit\" formaction=\"javascript:alert(29)\">\n",
    "<blockquote cite=\"javascript:alert(30)\">q</blockquote>\n",
    // Handlers on allowed elements, odd spellings included.
    "<p onclick=\"alert(31)\" ONMOUSEOVER='alert(32)' onfocus=alert(33)>p</p>\n",
    "<div/onclick=alert(34)>d</div> <span\nonclick=alert(35)>s</span>\n",
    "<body onload=\"alert(36)\"><details open ontoggle=alert(37)>x</details>\n",
    // Elements that must never appear.
    "<iframe srcdoc=\"<script>alert(38)</script>\"></iframe>\n",
    "<object data=\"javascript:alert(39)\"></object><embed src=\"javascript:alert(40)\">\n",
    "<form action=\"javascript:alert(41)\"><input></form>\n",
    "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example\"><base href=\"javascript:alert(42)//\">\n",
    "<style>@import url(javascript:alert(43)); p{background:url(javascript:alert(44))}</style>\n",
    "<template><script>alert(45)</script></template><noscript><img src=x onerror=alert(46)></noscript>\n",
    "<xmp><script>alert(47)</script></xmp><noembed><script>alert(48)</script></noembed>\n",
    "<![CDATA[<script>alert(49)</script>]]><!--><script>alert(50)</script>-->\n",
    "<scr<script>ipt>alert(51)</script> <<script>script>alert(52)<</script>/script>\n",
    // A tag split over the lines (raw events) of one HTML block.
    "<div\nclass=\"a\"\nonclick=\"alert(53)\"\n>split</div>\n",
    "<a\nhref=\"javascript:alert(54)\"\n>split link</a>\n",
    // A tag left unfinished by a blank line, the rest in Markdown.
    "<div title=\"x\n\n\" onclick=\"alert(55)\">after</div>\n",
    // Markdown links: inline, autolink, reference, image.
    "[a](javascript:alert(56)) <javascript:alert(57)> [r][bad] ![i][img]\n\n[bad]: javascript:alert(58)\n[img]: javascript:alert(59)\n",
    "[a](<javascript:alert(60)>) [b](java%73cript:alert(61)) [c](&#106;avascript:alert(62))\n",
    // Raw HTML inside lists, blockquotes and tables.
    "- item <img src=x onerror=alert(63)>\n- <script>alert(64)</script>\n",
    "> quote <a href=\"javascript:alert(65)\">q</a>\n> <iframe src=x></iframe>\n",
    "| a | b |\n|---|---|\n| <b onclick=alert(66)>x</b> | <script>alert(67)</script> |\n",
];

/// Checks the markup only (tags and their attributes): a vector left as
/// visible, escaped text (`&lt;script&gt;`) is harmless.
fn check(html: &str) {
    let lower: String = html
        .to_ascii_lowercase()
        .split('<')
        .skip(1)
        .map(|piece| format!("<{}>", piece.split('>').next().unwrap_or("")))
        .collect();
    for bad in [
        "<script",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "ontoggle",
        "javascript:",
        "vbscript:",
        "data:",
        "<iframe",
        "<form",
        "formaction",
        "<meta",
        "<object",
        "<embed",
        "<svg",
        "<style",
        "<base",
        "<link",
        "expression(",
        "url(",
        "alert(",
    ] {
        assert!(!lower.contains(bad), "{bad} survived in\n{html}");
    }
}

#[test]
fn hostile_page_is_disarmed_on_the_fast_path() {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    let html = render(HOSTILE, &options);
    check(&html);
    // What is harmless stays visible.
    assert!(
        html.contains("<img src=\"galley-site://localhost/a.png\">"),
        "{html}"
    );
    assert!(html.contains("hover") && html.contains("inline"), "{html}");
    assert!(html.contains("<h2 id=\"heading\">Heading</h2>"), "{html}");
}

#[test]
fn hostile_page_is_disarmed_when_fully_sanitized() {
    check(&render_page_fully_sanitized(
        HOSTILE,
        &RenderOptions::default(),
        &PageContext::default(),
    ));
}

#[test]
fn each_vector_alone_is_disarmed() {
    for block in HOSTILE.split("\n\n") {
        check(&render(block, &RenderOptions::default()));
    }
}

#[test]
fn more_vectors_are_disarmed_on_both_paths() {
    let options = RenderOptions {
        asset_url_prefix: Some("galley-site://localhost".into()),
    };
    for page in MORE {
        check(&render(page, &options));
        check(&render_page_fully_sanitized(
            page,
            &options,
            &PageContext::default(),
        ));
    }
    let all: String = MORE.join("\n");
    check(&render(&all, &options));
}

#[test]
fn inline_script_content_is_not_shown_as_text() {
    for md in [
        "a <script>alert(1)</script> b\n",
        "| x | <script>alert(1)</script> |\n|---|---|\n| <style>p{}</style> | c |\n",
        "- item <script>\nalert(1)\n</script> after\n",
    ] {
        let html = render(md, &RenderOptions::default());
        assert!(!html.contains("alert") && !html.contains("p{}"), "{html}");
    }
    assert_eq!(
        render("a <script>x</script> b\n", &RenderOptions::default()),
        "<p>a  b</p>\n"
    );
}

#[test]
fn harmless_parts_of_the_vectors_stay_visible() {
    let html = render(MORE.join("\n").as_str(), &RenderOptions::default());
    for text in ["split", "split link", "after", "quote", "item", "p</p>"] {
        assert!(html.contains(text), "{text} missing in\n{html}");
    }
}

#[test]
fn forged_markers_cannot_open_or_close_a_sanitizer_unit() {
    // The private-use characters Galley uses as markers are dropped from pages.
    let html = render(
        "\u{E005}<script>alert(1)</script>\u{E004}\n\n<b>\u{E005}</b><img src=x onerror=alert(2)>\n",
        &RenderOptions::default(),
    );
    check(&html);
}
