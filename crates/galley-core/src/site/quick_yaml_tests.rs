//! The fast path against the full reader: same fields, same positions, on
//! hand-written shapes, generated front matter and every page of the demo site
//! and the AIDA corpus.

use super::*;

fn paths(src: &str) -> Option<Vec<String>> {
    read(src, Dialect::Yaml11, 2).map(|(_, p)| p.into_iter().map(|k| k.path).collect())
}

#[test]
fn reads_the_common_shapes() {
    let src = "title: \"A page\"  # shown\nprio: 3\nhidden: yes\ntags:\n  - one\n  - 'two'\n\
               contact:\n  name: Ann\n  email: a@example.org\nlinks:\n- name: x\n  url: https://x.org\n\
               - name: y\n# end\nend:\n";
    let (value, positions) = read(src, Dialect::Yaml11, 2).expect("in the subset");
    assert_eq!(value.get_key("hidden"), Some(&Value::Bool(true)));
    assert_eq!(value.get_key("end"), Some(&Value::Null));
    let got: Vec<_> = positions
        .iter()
        .map(|k| (k.path.as_str(), k.line, k.column))
        .collect();
    assert_eq!(
        got,
        vec![
            ("title", 2, 1),
            ("prio", 3, 1),
            ("hidden", 4, 1),
            ("tags", 5, 1),
            ("tags[0]", 6, 3),
            ("tags[1]", 7, 3),
            ("contact", 8, 1),
            ("contact.name", 9, 3),
            ("contact.email", 10, 3),
            ("links", 11, 1),
            ("links[0]", 12, 1),
            ("links[0].name", 12, 3),
            ("links[0].url", 13, 3),
            ("links[1]", 14, 1),
            ("links[1].name", 14, 3),
            ("end", 16, 1),
        ]
    );
}

#[test]
fn leaves_the_rest_to_the_full_reader() {
    for src in [
        "a: [1, 2]\n",
        "a: &x 1\nb: *x\n",
        "a: |\n  text\n",
        "a: one\n  two\n",
        "a: 1\na: 2\n",
        "a:\tb\n",
        "a: \"x\\ty\"\n",
        "a: 'it''s'\n",
        "a: b: c\n",
        "- a\n",
        "a:\n  - b\n   - c\n",
        "a:\n  b: 1\n c: 2\n",
        "? a\n",
        "a: x\u{2028}y\n",
    ] {
        assert_eq!(paths(src), None, "{src:?}");
    }
    assert_eq!(paths(""), Some(vec![]));
    assert_eq!(paths("# only a comment\n"), Some(vec![]));
}

/// The full reader's answer: typed view and positions, or `None` when it finds a
/// problem.
fn full(src: &str, dialect: Dialect) -> Option<(Value, Vec<KeyPosition>)> {
    let (_, value) = crate::frontmatter::yaml_read::read(src, dialect, 2).ok()?;
    let positions = crate::validate::key_positions(src, crate::frontmatter::Format::Yaml, 2);
    Some((value, positions))
}

/// Whenever the fast path answers, the full reader gives the same answer. Returns
/// whether the fast path answered.
fn agrees(src: &str) -> bool {
    let mut answered = false;
    for dialect in [Dialect::Yaml11, Dialect::Yaml12] {
        if let Some((value, positions)) = read(src, dialect, 2) {
            answered = true;
            let Some((want, want_positions)) = full(src, dialect) else {
                panic!("fast path read {src:?} ({dialect:?}), the full reader refuses it");
            };
            assert!(
                value.same_as(&want),
                "{src:?} ({dialect:?}):\n fast {value:?}\n full {want:?}"
            );
            assert_eq!(positions, want_positions, "{src:?} ({dialect:?})");
        }
    }
    answered
}

#[test]
fn hand_written_shapes_agree() {
    for src in [
        "title: A\n",
        "title: A\r\nlist:\r\n  - x\r\n",
        "  indented: 1\n  root: 2\n",
        "k: 'a \"b\" #c' # real comment\n",
        "k: \"it's\"\n",
        "k: a#b\nl: a #b\nm: http://x.org/#top\n",
        "k: -5\nl: - x\n",
        "list:\n- - a\n",
        "list:\n  -   spaced: 1\n      next: 2\n",
        "list:\n  - a: 1\n    b:\n      - x\n  - c\n",
        "x:\n  - a\ny: 2\n",
        "x:\n- a\n- b: 1\n  c: 2\ny: 3\n",
        "empty:\nnested:\n  deeper:\n    deepest: yes\n",
        "\"@id\": x\n'q k': y\n\"\": z\n",
        "2017: a\nyes: b\non: c\n~: d\n",
        "v: 007\nw: 0x1F\nx: 1,000\ny: 2024-01-02\nz: 2024-01-02 10:00:00 +0100\n",
        "v: .inf\nw: -.inf\nx: .nan\ny: 1.5e3\nz: 1_000\n",
        "v: ~\nw: null\nx: Null\ny: :sym\nz: <a>\n",
        "name: Sofia Öberg\ncity: Umeå\nemoji: 🙂\n",
        "a: b\n  # a comment deeper\nc: d\n",
        "a:\n  b: 1\n\n\n  c: 2\n",
        "a: [1]\n",
        "k:   spaced value   \n",
        "k: a  b\n",
        "k: 'single'  \n",
        "k: \"x\"y\n",
        "k: \"x\"#y\n",
        "- top list\n",
        "text only\n",
        "a:\n  - x\n  y: 1\n",
        "a:\n - x\n  - y\n",
    ] {
        agrees(src);
    }
}

fn key() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => prop::sample::select(vec!["title", "a", "b-c", "x_1", "2017", "k", "tags", "\"@id\"", "'q k'"]),
        1 => prop::sample::select(vec![
        "title", "a", "b-c", "x_1", "2017", "\"@id\"", "'q k'", "yes", "on", "-bad",
        "a b", "k", "\"a\\\"b\"", "'it''s'", "Öl", "? q", "[a]", "&x a", "<<",
    ]),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![":", ": ", ":  ", " : ", ":\t", ": "])
}

fn scalar_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "word", "two words", "yes", "No", "007", "2024-01-02", "~", "-5", "1.5", "\"q: #\"",
            "'s'", "a#c", "a #c", "http://x.org/a#b", "Öberg", "12:30", "a, b", "x]", "",
        ])
        .prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            "", "word", "two words", "yes", "No", "on", "007", "0x1F", "0o17", "1,000",
            "2024-01-02", "2024-13-45", "2024-01-02 10:00:00 +0100", "2024-01-02T10:00:00Z",
            "~", "null", "-5", "+5", "-", "- x", "\"q\"", "'s'", "'it''s'", "\"a\\\"b\"",
            "\"a\\tb\"", "[a, b]", "{a: 1}", "&a x", "*a", "!!str 5", "|", ">-", "a: b",
            "a #c", "a#c", "http://x.org/a#b", "Öberg", ":sym", "? x", "%x", "@x", "`x`",
            ".inf", "-.inf", ".nan", "1.5e3", "1e3", "a:", "---", "...", "\"unclosed",
            "'x' y", "\"x\" #c", "#c", "a, b", "a]", "12:30:45", "190:20:30", "0b101",
            "true", "FALSE", "=", "<", "a\u{a0}", "\u{a0}a", "a\u{85}b", "\\", "x ",
        ])
        .prop_map(str::to_owned),
        1 => "[a-zA-Z0-9 :#'\"@*&!|>%,{}~.\\-]{0,10}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    let indent = 0usize..6;
    prop_oneof![
        4 => (indent.clone(), key(), separator(), scalar_text())
            .prop_map(|(i, k, s, v)| format!("{}{k}{s}{v}", " ".repeat(i))),
        2 => (indent.clone(), key(), separator())
            .prop_map(|(i, k, s)| format!("{}{k}{}", " ".repeat(i), s.trim_end())),
        3 => (indent.clone(), scalar_text()).prop_map(|(i, v)| format!("{}- {v}", " ".repeat(i))),
        2 => (indent.clone(), 1usize..4, key(), scalar_text())
            .prop_map(|(i, sp, k, v)| format!("{}-{}{k}: {v}", " ".repeat(i), " ".repeat(sp))),
        1 => (indent.clone(), "[a-z #]{0,6}").prop_map(|(i, c)| format!("{}#{c}", " ".repeat(i))),
        1 => indent.clone().prop_map(|i| " ".repeat(i)),
        1 => indent.prop_map(|i| format!("{}-", " ".repeat(i))),
    ]
}

/// A block YAML tree to render: scalars (tricky ones included), groups and lists.
#[derive(Debug, Clone)]
enum Node {
    Scalar(String),
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = scalar_text().prop_map(Node::Scalar);
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec((key().prop_map(str::to_owned), inner.clone()), 1..4)
                .prop_map(Node::Map),
            prop::collection::vec(inner, 1..4).prop_map(Node::List),
        ]
    })
}

/// Renders `entries` as a group at `indent`; `step` is how far nested blocks move
/// in, `flush` puts lists at their key's indentation.
fn render_map(
    out: &mut Vec<String>,
    entries: &[(String, Node)],
    indent: usize,
    step: usize,
    flush: bool,
    sep: &str,
) {
    for (k, v) in entries {
        let pad = " ".repeat(indent);
        match v {
            Node::Scalar(text) => out.push(format!("{pad}{k}{sep}{text}")),
            Node::Map(children) => {
                out.push(format!("{pad}{k}:"));
                render_map(out, children, indent + step, step, flush, sep);
            }
            Node::List(items) => {
                out.push(format!("{pad}{k}:"));
                render_list(
                    out,
                    items,
                    if flush { indent } else { indent + step },
                    step,
                    flush,
                    sep,
                );
            }
        }
    }
}

fn render_list(
    out: &mut Vec<String>,
    items: &[Node],
    indent: usize,
    step: usize,
    flush: bool,
    sep: &str,
) {
    let pad = " ".repeat(indent);
    for item in items {
        match item {
            Node::Scalar(text) => out.push(format!("{pad}- {text}")),
            Node::Map(entries) => {
                let mut inner = Vec::new();
                render_map(&mut inner, entries, indent + 2, step, flush, sep);
                for (n, line) in inner.into_iter().enumerate() {
                    if n == 0 {
                        out.push(format!("{pad}- {}", &line[indent + 2..]));
                    } else {
                        out.push(line);
                    }
                }
            }
            Node::List(inner) => {
                out.push(format!("{pad}-"));
                render_list(out, inner, indent + step, step, flush, sep);
            }
        }
    }
}

/// Front matter rendered from a tree (so most of it fits together), in varied
/// styles, sometimes with one odd line slipped in.
fn front_matter() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((key().prop_map(str::to_owned), node()), 0..6),
        1usize..4,
        any::<bool>(),
        prop::sample::select(vec![": ", ":  ", ": ", ":\t"]),
        prop::option::weighted(0.3, (line(), any::<prop::sample::Index>())),
        any::<bool>(),
    )
        .prop_map(|(entries, step, flush, sep, extra, crlf)| {
            let mut lines = Vec::new();
            render_map(&mut lines, &entries, 0, step, flush, sep);
            if let Some((line, at)) = extra {
                let at = at.index(lines.len() + 1);
                lines.insert(at, line);
            }
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut s = lines.join(eol);
            s.push_str(eol);
            s
        })
}

/// `PROPTEST_CASES` when set (for long runs), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(3000)))]

    #[test]
    fn generated_front_matter_agrees(src in front_matter()) {
        agrees(&src);
    }
}

/// The generator above must reach the fast path often, or the property says little.
#[test]
fn generated_front_matter_often_takes_the_fast_path() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = front_matter();
    let mut answered = 0;
    for _ in 0..2000 {
        let src = strategy.new_tree(&mut runner).expect("tree").current();
        answered += usize::from(agrees(&src));
    }
    assert!(answered > 300, "only {answered} of 2000 took the fast path");
}

/// Every page of the demo site and of the AIDA corpus (beside the checkout): the
/// whole record (title, fields, positions, problems) is the full reader's.
#[test]
fn real_pages_agree() {
    use super::super::record::{record_from_bytes, record_from_document, Stamp};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let stamp = Stamp {
        secs: 1,
        nanos: 2,
        len: 3,
    };
    let mut pages = 0;
    let mut quick = 0;
    for folder in [
        root.join("../../content"),
        root.join("../../../shared/corpora/aida-site"),
        root.join("tests/fixtures"),
    ] {
        for entry in walkdir::WalkDir::new(&folder)
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if !entry.file_type().is_file() || !super::super::is_page_name(&path.to_string_lossy())
            {
                continue;
            }
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let rel = path.to_string_lossy();
            pages += 1;
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let parts = crate::frontmatter::split(text);
                if parts.format == Some(crate::frontmatter::Format::Yaml) && parts.closed {
                    quick += usize::from(agrees(parts.front_matter));
                }
            }
            let want = match crate::document::Document::parse(&bytes, Dialect::Yaml11) {
                Ok(doc) => format!("{:?}", record_from_document(&rel, &doc, stamp)),
                Err(_) => continue,
            };
            let got = format!(
                "{:?}",
                record_from_bytes(&rel, &bytes, Dialect::Yaml11, stamp)
            );
            assert_eq!(got, want, "{rel}");
        }
    }
    assert!(pages > 200, "{pages} pages");
    assert!(
        quick > 50,
        "only {quick} of {pages} pages took the fast path"
    );
}
