//! What the preview shows for Jekyll's specifics: kramdown ids and attribute
//! lists, Liquid values and includes, chips, links and page-bundle images.
//! Expected HTML is written out in full, so any change to the output is seen.

use galley_core::frontmatter::Value;
use galley_core::preview::{
    kramdown_id, render, render_page, site_stylesheet, site_stylesheet_result, PageContext,
    RenderOptions, SiteIncludes,
};
use std::collections::HashMap;

fn r(md: &str) -> String {
    render(md, &RenderOptions::default())
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

const PREFIX: &str = "galley-site://localhost";

fn app() -> RenderOptions {
    RenderOptions {
        asset_url_prefix: Some(PREFIX.into()),
    }
}

#[test]
fn kramdown_heading_ids() {
    assert!(r("## Join AIDA {#join}\n").contains(r#"<h2 id="join">Join AIDA</h2>"#));
    assert!(r("## Data & Services 2024\n").contains(r#"id="data--services-2024""#));
    let twice = r("# Intro\n\n# Intro\n");
    assert!(twice.contains(r#"id="intro""#) && twice.contains(r#"id="intro-1""#));
    assert_eq!(kramdown_id("123"), "section");
}

#[test]
fn block_ials_apply_to_the_element_before_or_after() {
    let cases = [
        ("para\n{: .lead}\n", "\n<p class=\"lead\">para</p>\n"),
        ("# Head\n{: .x #y}\n", "<h1 id=\"y\" class=\"x\">Head</h1>\n"),
        (
            "- a\n- b\n{: .list}\n",
            "\n<ul class=\"list\">\n<li>a</li>\n<li>b</li>\n</ul>\n",
        ),
        (
            "1. a\n{:start=\"2\"}\n",
            "\n<ol start=\"2\">\n<li>a</li>\n</ol>\n",
        ),
        (
            "> quote\n{: .q}\n",
            "\n<blockquote class=\"q\">\n<p>quote</p>\n</blockquote>\n",
        ),
        (
            "| a | b |\n|---|---|\n| 1 | 2 |\n{:class=\"tight-table\"}\n",
            "<table class=\"tight-table\"><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n",
        ),
        ("{: .next}\npara\n", "\n<p class=\"next\">para</p>\n"),
        (
            "para\n\n{: .next}\n## Next\n",
            "<p>para</p>\n<h2 id=\"next\" class=\"next\">Next</h2>\n",
        ),
        (
            "a\n{: .a .b data-k=\"v\" title=\"t\"}\n",
            "\n<p class=\"a b\" data-k=\"v\" title=\"t\">a</p>\n",
        ),
        ("{:ref: .x}\n\ntext\n", "<p>text</p>\n"),
    ];
    for (md, expected) in cases {
        assert_eq!(r(md), expected, "for {md:?}");
    }
}

#[test]
fn span_ials_and_unsafe_attributes() {
    assert_eq!(
        r("*em*{: .s} and `code`{: .c}\n"),
        "<p><em class=\"s\">em</em> and <code class=\"c\">code</code></p>\n"
    );
    assert_eq!(
        r("para\n{: .ok onclick=\"alert(1)\" style=\"background:url(x)\"}\n"),
        "\n<p class=\"ok\">para</p>\n"
    );
    assert_eq!(
        r("## T {onclick=alert(1) .c}\n"),
        "<h2 id=\"t\" class=\"c\">T</h2>\n"
    );
}

#[test]
fn liquid_without_a_context_becomes_chips() {
    assert_eq!(
        r("{{ site.title }} {% if x %}y{% endif %}\n"),
        "<p><span class=\"liquid-chip\" title=\"{{ site.title }}\">site.title</span> <span class=\"liquid-chip\" title=\"{% if x %}\">if x</span>y<span class=\"liquid-chip\" title=\"{% endif %}\">endif</span></p>\n"
    );
    // Inside raw HTML attributes the Liquid stays as written; between tags it is a chip.
    assert_eq!(
        r("<a class=\"b\" href=\"/x?{{ page.id }}\">{{ page.id }}</a>\n"),
        "<p><a class=\"b\" href=\"/x?{{ page.id }}\" rel=\"noopener noreferrer\"><span class=\"liquid-chip\" title=\"{{ page.id }}\">page.id</span></a></p>\n"
    );
}

#[test]
fn liquid_values_from_config_and_page() {
    let site = Value::Map(vec![
        ("title".into(), text("AIDA Data Hub")),
        ("baseurl".into(), text("")),
    ]);
    let page = Value::Map(vec![
        ("title".into(), text("Lung CT")),
        (
            "datacite".into(),
            Value::Map(vec![("@id".into(), text("https://doi.org/10.1/x"))]),
        ),
        ("year".into(), Value::Int(2024)),
    ]);
    let context = PageContext {
        site: Some(&site),
        page: Some(&page),
        ..PageContext::default()
    };
    let html = render_page(
        "# {{ page.title }}\n\n{{ site.title | upcase }}, {{ page.year }}, [doi]({{ page.datacite[\"@id\"] }}), [{{ page.missing }}], {{ page.date | date: \"%Y\" }}\n",
        &RenderOptions::default(),
        &context,
    );
    assert_eq!(
        html,
        "<h1 id=\"lung-ct\">Lung CT</h1>\n<p>AIDA DATA HUB, 2024, <a href=\"https://doi.org/10.1/x\" data-external=\"true\" rel=\"noopener noreferrer\">doi</a>, [], <span class=\"liquid-chip\" title=\"{{ page.date | date: &quot;%Y&quot; }}\">page.date | date: \"%Y\"</span></p>\n"
    );
}

#[test]
fn includes_expand_markdown_and_html_with_parameters() {
    let mut includes = HashMap::new();
    includes.insert(
        "note.md".to_owned(),
        "**Note:** {{ include.text }}".to_owned(),
    );
    includes.insert(
        "box.html".to_owned(),
        "<div class=\"box\" onclick=\"x()\">{% include loop.md %}</div>".to_owned(),
    );
    includes.insert("loop.md".to_owned(), "{% include loop.md %}".to_owned());
    let context = PageContext {
        includes: Some(&includes),
        ..PageContext::default()
    };
    let html = render_page(
        "{% include note.md text=\"read me\" %}\n\n{% include box.html %}\n\n{% include missing.md %}\n",
        &RenderOptions::default(),
        &context,
    );
    assert_eq!(
        html,
        "<p><strong>Note:</strong> read me</p>\n<div class=\"box\"><span class=\"liquid-chip\" title=\"{% include loop.md %}\">include loop.md</span></div>\n<p><span class=\"liquid-chip\" title=\"{% include missing.md %}\">include missing.md</span></p>\n"
    );
}

#[test]
fn site_includes_stay_inside_the_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("_includes")).expect("mkdir");
    std::fs::write(dir.path().join("_includes/a.md"), "from *a*").expect("write");
    std::fs::write(dir.path().join("_includes/s.rb"), "system('x')").expect("write");
    std::fs::write(dir.path().join("secret.md"), "SECRET").expect("write");
    let includes = SiteIncludes::new(dir.path());
    let context = PageContext {
        includes: Some(&includes),
        ..PageContext::default()
    };
    let html = render_page(
        "{% include a.md %}\n\n{% include ../secret.md %}\n\n{% include s.rb %}\n",
        &RenderOptions::default(),
        &context,
    );
    assert!(html.contains("<p>from <em>a</em></p>"), "{html}");
    assert!(
        !html.contains("SECRET<") && !html.contains("system("),
        "{html}"
    );
}

#[test]
fn links_say_where_they_lead() {
    let context = PageContext {
        page_dir: Some("about"),
        ..PageContext::default()
    };
    assert_eq!(
        render_page(
            "[a](/about/) [b](https://x.org) [c](../news/n.md#top) [d](#x) [e](javascript:alert(1)) <me@x.org>\n",
            &RenderOptions::default(),
            &context
        ),
        "<p><a href=\"/about/\" data-site-link=\"/about/\">a</a> <a href=\"https://x.org\" data-external=\"true\" rel=\"noopener noreferrer\">b</a> <a href=\"../news/n.md#top\" data-site-link=\"../news/n.md\">c</a> <a href=\"#x\">d</a> <a>e</a> <a href=\"mailto:me@x.org\" data-external=\"true\" rel=\"noopener noreferrer\">me@x.org</a></p>\n"
    );
}

#[test]
fn images_from_the_site_and_page_bundles() {
    let context = PageContext {
        page_dir: Some("news/2024-launch"),
        ..PageContext::default()
    };
    assert_eq!(
        render_page(
            "![logo](/assets/icons/aida.png) ![b](cover.png) ![c](../shared.png) ![ext](https://x.org/a.png) ![bad](data:image/svg+xml,x)\n",
            &app(),
            &context
        ),
        "<p><img src=\"galley-site://localhost/assets/icons/aida.png\" alt=\"logo\" /> <img src=\"galley-site://localhost/news/2024-launch/cover.png\" alt=\"b\" /> <img src=\"galley-site://localhost/news/shared.png\" alt=\"c\" /> <img src=\"https://x.org/a.png\" alt=\"ext\" /> <img src=\"\" alt=\"bad\" /></p>\n"
    );
    // Raw HTML images go the same way (through the sanitizer).
    let html = render_page(
        "<img src=\"cover.png\" style=\"float: right; width: 200px\">\n",
        &app(),
        &context,
    );
    assert_eq!(
        html,
        "<img src=\"galley-site://localhost/news/2024-launch/cover.png\" style=\"float: right; width: 200px\">\n"
    );
    // Without a prefix (the CLI) addresses stay as written.
    assert!(r("![b](cover.png)").contains("src=\"cover.png\""));
}

#[test]
fn raw_html_around_markdown_stays_whole() {
    assert_eq!(
        r("<div class=\"lead\" id=\"x\" data-k=\"v\">\n\n*hi*\n\n</div>\n\n- [x] done\n"),
        "<div class=\"lead\" id=\"x\" data-k=\"v\">\n<p><em>hi</em></p>\n</div>\n<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\ndone</li>\n</ul>\n"
    );
}

#[test]
fn site_stylesheet_compiles_scss_with_partials() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("_sass")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("assets/css")).expect("mkdir");
    std::fs::write(
        dir.path().join("_sass/_base.scss"),
        "$c: #123456;\nbody { color: $c; }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("assets/css/style.scss"),
        "---\n---\n@import \"base\";\n.a { .b { margin: 1px; } }\n",
    )
    .expect("write");
    let css = site_stylesheet(dir.path()).expect("css");
    assert!(css.contains("color: #123456"), "{css}");
    assert!(css.contains(".a .b"), "{css}");

    std::fs::write(
        dir.path().join("assets/css/style.scss"),
        "---\n---\n@import \"minima\";\n",
    )
    .expect("write");
    let error = site_stylesheet_result(dir.path()).expect_err("theme partial is missing");
    assert!(
        error.to_string().contains("could not be compiled"),
        "{error}"
    );
    assert_eq!(site_stylesheet(dir.path()), None);

    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(site_stylesheet(empty.path()), None);
}

#[test]
fn plain_css_is_used_as_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("assets/css")).expect("mkdir");
    std::fs::write(dir.path().join("assets/css/style.css"), "p { color: red }").expect("write");
    assert_eq!(
        site_stylesheet(dir.path()).as_deref(),
        Some("p { color: red }")
    );
}
