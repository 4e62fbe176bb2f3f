//! Every `galley` command and exit code, on fixture sites copied to temp dirs.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../galley-core/tests/fixtures/sites")
}

fn copy_into(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_into(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    copy_into(&fixtures().join(name), dir.path());
    dir
}

fn galley() -> Command {
    Command::cargo_bin("galley").expect("binary")
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let out = galley().output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("usage"));
    let out = galley().arg("frobnicate").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    for cmd in ["scan", "check", "get", "set", "unset", "render", "schema"] {
        let out = galley().args([cmd, "--help"]).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{cmd} --help");
        assert!(stdout(&out).starts_with(&format!("galley {cmd}")), "{cmd}");
        let out = galley().args(["help", cmd]).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
    }
    let out = galley()
        .args(["scan", "--bogus", "x"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Unknown option"));
    let out = galley()
        .args(["scan", "/no/such/site"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn scan_lists_pages_as_text_and_json() {
    let dir = fixture("jekyll-collections");
    let site = dir.path().to_str().expect("utf-8 path");
    let out = galley().args(["scan", site]).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("engagements\tmy_collections/_engagements/e1.md\tEngagement 1"));

    let cache = tempfile::tempdir().expect("cache");
    let out = galley()
        .args(["scan", site, "--json", "--cache"])
        .arg(cache.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 12);
    let odd = lines
        .iter()
        .find(|l| l["path"] == "my_collections/_engagements/odd.md")
        .expect("odd");
    assert_eq!(odd["collection"], "engagements");
    assert_eq!(odd["title"], "The odd one");
    assert_eq!(odd["fields"]["prio"], "3");
    assert_eq!(odd["fields"]["start"], "2022-05-01");
    assert!(odd["problems"].as_array().expect("problems").len() >= 5);
    assert!(std::fs::read_dir(cache.path()).expect("cache dir").count() > 0);
}

#[test]
fn check_exit_codes_and_lines() {
    let dir = fixture("malformed");
    let out = galley()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(
            "_posts/2024-01-03-duplicate.md:4:1: error: The field \"title\" appears twice"
        ),
        "{text}"
    );
    assert!(text
        .lines()
        .all(|l| l.contains(": error: ") || l.contains(": warning: ")));

    // Only warnings: exit 0, or 1 with --strict.
    let dir = fixture("jekyll-collections");
    let file = dir.path().join("my_collections/_engagements/odd.md");
    let out = galley().arg("check").arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("odd.md:5:1: warning: prio should be a whole number"),
        "{text}"
    );
    let out = galley()
        .args(["check", "--strict"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let out = galley()
        .args(["check", "--json"])
        .arg(&file)
        .output()
        .expect("run");
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().expect("a line")).expect("json");
    assert_eq!(first["severity"], "warning");

    let clean = dir.path().join("my_collections/_engagements/e1.md");
    let out = galley()
        .args(["check", "--strict"])
        .arg(&clean)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).is_empty());

    let out = galley()
        .args(["check", "/no/such/file.md"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_the_demo_content_is_clean() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let out = galley().arg("check").arg(&content).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(!stdout(&out).contains("error:"));
}

#[test]
fn check_non_utf8_and_files_outside_a_site() {
    let dir = tempfile::tempdir().expect("tmp");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "---\ntitle: x\n---\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.path().join("utf16.md"), &utf16).expect("write");
    std::fs::write(
        dir.path().join("dates.md"),
        "---\nstart: 2024-03-01\nend: 2023-02-30\n---\n",
    )
    .expect("write");
    let out = galley()
        .current_dir(dir.path())
        .args(["check", "utf16.md", "dates.md"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("utf16.md:1:1: error: This file is not UTF-8 text"),
        "{text}"
    );
    assert!(
        text.contains("dates.md:3:1: warning: end is \"2023-02-30\""),
        "{text}"
    );
}

#[test]
fn get_prints_typed_json() {
    let dir = fixture("jekyll-collections");
    let file = dir.path().join("my_collections/_engagements/e2.md");
    let out = galley().arg("get").arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("{\"title\":\"Engagement 2\",\"start\":\"2020-02-01\""),
        "{text}"
    );
    let out = galley()
        .arg("get")
        .arg(&file)
        .arg("prio")
        .output()
        .expect("run");
    assert_eq!(stdout(&out).trim(), "2");
    let out = galley()
        .arg("get")
        .arg(&file)
        .args(["start", "--typed"])
        .output()
        .expect("run");
    assert_eq!(
        stdout(&out).trim(),
        r#"{"kind":"date","value":"2020-02-01"}"#
    );
    let out = galley()
        .arg("get")
        .arg(&file)
        .arg("nope")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let bad = fixture("malformed");
    let out = galley()
        .arg("get")
        .arg(bad.path().join("_posts/2024-01-01-quote.md"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("quote.md:2:"), "{}", stderr(&out));
}

#[test]
fn set_changes_only_that_line_and_follows_types() {
    let dir = fixture("jekyll-collections");
    let file = dir.path().join("my_collections/_engagements/e2.md");
    let before = std::fs::read_to_string(&file).expect("read");
    let out = galley()
        .arg("set")
        .arg(&file)
        .args(["prio", "12"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(&file).expect("read");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, vec![("prio: 2", "prio: 12")]);

    // The existing value is a whole number: text is refused, file untouched.
    let out = galley()
        .arg("set")
        .arg(&file)
        .args(["prio", "high"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), after);

    // A text field stays text even when the input looks like a boolean.
    galley()
        .arg("set")
        .arg(&file)
        .args(["status", "no"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("status: 'no'")
            || std::fs::read_to_string(&file)
                .expect("read")
                .contains("status: \"no\"")
    );

    // A new field takes the collection's kind: `end` is a date in the other pages.
    let no_title = dir.path().join("my_collections/_engagements/no-title.md");
    galley()
        .arg("set")
        .arg(&no_title)
        .args(["end", "2025-01-31"])
        .assert()
        .success();
    let out = galley()
        .arg("get")
        .arg(&no_title)
        .args(["end", "--typed"])
        .output()
        .expect("run");
    assert_eq!(
        stdout(&out).trim(),
        r#"{"kind":"date","value":"2025-01-31"}"#
    );
    // A new field the collection has as a whole number refuses words, takes numbers.
    let e4 = dir.path().join("my_collections/_engagements/e4.md");
    galley()
        .arg("unset")
        .arg(&e4)
        .arg("prio")
        .assert()
        .success();
    let out = galley()
        .arg("set")
        .arg(&e4)
        .args(["prio", "high"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("whole number"), "{}", stderr(&out));
    galley()
        .arg("set")
        .arg(&e4)
        .args(["prio", "7"])
        .assert()
        .success();
    let out = galley()
        .arg("get")
        .arg(&e4)
        .args(["prio", "--typed"])
        .output()
        .expect("run");
    assert_eq!(stdout(&out).trim(), r#"{"kind":"int","value":7}"#);

    // Broken front matter: refused with the location, file untouched.
    let bad = fixture("malformed");
    let quote = bad.path().join("_posts/2024-01-01-quote.md");
    let original = std::fs::read(&quote).expect("read");
    let out = galley()
        .arg("set")
        .arg(&quote)
        .args(["title", "x"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("quote.md:2:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("was not changed"));
    assert_eq!(std::fs::read(&quote).expect("read"), original);
}

#[test]
fn set_in_a_hugo_site_uses_yaml_1_2() {
    let dir = fixture("hugo-bundles");
    let about = dir.path().join("content/about.md");
    galley()
        .arg("set")
        .arg(&about)
        .args(["hidden", "no"])
        .assert()
        .success();
    let out = galley()
        .arg("get")
        .arg(&about)
        .arg("hidden")
        .output()
        .expect("run");
    assert_eq!(stdout(&out).trim(), "\"no\"");
    let first = dir.path().join("content/posts/first.md");
    galley()
        .arg("set")
        .arg(&first)
        .args(["title", "Renamed"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&first)
        .expect("read")
        .contains("title = \"Renamed\""));
}

#[test]
fn unset_removes_one_field() {
    let dir = fixture("jekyll-collections");
    let file = dir.path().join("my_collections/_engagements/e3.md");
    galley()
        .arg("unset")
        .arg(&file)
        .arg("website")
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(!text.contains("website"));
    assert!(text.contains("logo: /assets/icons/e3.png\n---\n"));
    let out = galley()
        .arg("unset")
        .arg(&file)
        .arg("website")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("nothing was changed"));
    let out = galley().arg("unset").arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn render_prints_sanitized_html() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("p.md");
    std::fs::write(
        &file,
        "---\ntitle: x\n---\n# Hello {#hi}\n\n<script>alert(1)</script>\n",
    )
    .expect("write");
    let out = galley().arg("render").arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let html = stdout(&out);
    assert!(html.contains("<h1 id=\"hi\">Hello</h1>"), "{html}");
    assert!(!html.contains("<script"));
    std::fs::write(&file, b"\xff\xfe\x00\x00").expect("write");
    let out = galley().arg("render").arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn schema_prints_json() {
    let dir = fixture("jekyll-collections");
    let out = galley()
        .arg("schema")
        .arg(dir.path())
        .arg("engagements")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["label"], "Our engagements");
    let out = galley()
        .arg("schema")
        .arg(dir.path())
        .output()
        .expect("run");
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(all.as_array().expect("array").len() >= 3);
    let out = galley()
        .arg("schema")
        .arg(dir.path())
        .arg("nope")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("engagements"));
}

#[test]
fn garbage_never_panics() {
    let dir = tempfile::tempdir().expect("tmp");
    let inputs: [&[u8]; 6] = [
        b"",
        b"---",
        b"---\n: : :\n---\n",
        b"+++\n[[[\n+++\n",
        b"---\n&a [*a]\n---\n",
        b"\x00\x01\x02---\n",
    ];
    for (i, bytes) in inputs.iter().enumerate() {
        let file = dir.path().join(format!("g{i}.md"));
        std::fs::write(&file, bytes).expect("write");
        for args in [vec!["check"], vec!["get"], vec!["render"]] {
            let out = galley().args(&args).arg(&file).output().expect("run");
            assert!(
                !stderr(&out).contains("panicked"),
                "{args:?} {bytes:?}: {}",
                stderr(&out)
            );
            assert!(matches!(out.status.code(), Some(0..=2)));
        }
        let out = galley()
            .arg("set")
            .arg(&file)
            .args(["a.b[2]", "x"])
            .output()
            .expect("run");
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        let out = galley()
            .arg("set")
            .arg(&file)
            .args(["a[", "x"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2));
    }
}
