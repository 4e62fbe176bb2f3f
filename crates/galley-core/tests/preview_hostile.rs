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
fn forged_markers_cannot_open_or_close_a_sanitizer_unit() {
    // The private-use characters Galley uses as markers are dropped from pages.
    let html = render(
        "\u{E005}<script>alert(1)</script>\u{E004}\n\n<b>\u{E005}</b><img src=x onerror=alert(2)>\n",
        &RenderOptions::default(),
    );
    check(&html);
}
