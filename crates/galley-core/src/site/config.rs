//! Reading what a site's generator config says about its pages: Jekyll's
//! `collections`, `collections_dir`, `defaults`, `permalink` and `exclude`; Hugo's
//! `contentDir`, language and `permalinks`. Nothing else of the config matters to Galley.

use super::Generator;
use crate::document::Document;
use crate::frontmatter::{Dialect, Format, FrontMatterError, Value};
use crate::validate::{config_problem, key_positions, Problem, ProblemCode, Severity};
use std::path::Path;

/// Files that make a folder a Jekyll site.
pub const JEKYLL_CONFIGS: &[&str] = &["_config.yml", "_config.yaml"];
/// Files that make a folder a Hugo site (`config.*` only together with `content/`).
pub const HUGO_CONFIGS: &[&str] = &["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"];
/// Hugo's older config names, which other tools use too.
pub const HUGO_LEGACY_CONFIGS: &[&str] =
    &["config.toml", "config.yaml", "config.yml", "config.json"];

/// One collection named in the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionConfig {
    /// Its id (`engagements`, `posts`).
    pub id: String,
    /// The site-relative folder its pages are in (`_engagements`, `my/_posts`, `content/blog`).
    pub folder: String,
    /// Its `permalink` pattern, kept for the UI (e.g. to show a page's address).
    pub permalink: Option<String>,
    /// Jekyll's `output`: whether its pages become pages of the built site.
    pub output: Option<bool>,
}

/// One entry of Jekyll's `defaults`: front matter a page gets unless it sets the field.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterDefault {
    /// `scope.path` (site-relative; may contain `*`); empty means every page.
    pub path: String,
    /// `scope.type`: `pages`, `posts`, `drafts` or a collection id; `None` means all.
    pub kind: Option<String>,
    /// `values`.
    pub values: Value,
}

/// What the generator config says about pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteConfig {
    /// The config file, site-relative, if any.
    pub file: Option<String>,
    /// Configured collections in config order (Jekyll `posts`/`drafts` last).
    pub collections: Vec<CollectionConfig>,
    /// Jekyll's `collections_dir` (empty: the root).
    pub collections_dir: String,
    /// Jekyll's `defaults`.
    pub defaults: Vec<FrontMatterDefault>,
    /// The site-wide `permalink` setting.
    pub permalink: Option<String>,
    /// Jekyll's `exclude` list (site-relative paths or names).
    pub exclude: Vec<String>,
    /// Jekyll's `baseurl`, stripped from references such as `/baseurl/assets/x.png`.
    pub baseurl: String,
    /// Hugo's `contentDir` (default `content`).
    pub content_dir: String,
    /// The language pages are written in (Jekyll `lang`, Hugo `languageCode` or
    /// `defaultContentLanguage`), as a BCP 47 tag such as `en` or `sv-SE`: the
    /// editor's spell checker follows it.
    pub lang: Option<String>,
    /// Hugo's `permalinks` rules, in the order Hugo tries them (the first match wins).
    pub hugo_permalinks: Vec<HugoPermalink>,
}

/// One of Hugo's `permalinks` rules: which pages it is for and the address pattern
/// they get (`/articles/:year/:month/:slug/`), as in Hugo 0.161's documentation
/// (the per-section form, the per-kind form `[permalinks.page]` /
/// `[permalinks.section]`, and the array form with a `target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HugoPermalink {
    /// The page kind it is for (`page`, `section`, `home`…); `None`: every kind.
    pub kind: Option<String>,
    /// A glob over Hugo's page path (`/posts/my-post`, lower case, no extension):
    /// `/{posts,posts/**}` for the `posts` section; `None`: every page.
    pub path: Option<String>,
    /// The pattern with its `:tokens`.
    pub pattern: String,
}

/// Reads a standalone YAML file (a config, not a page) through the page engine, so
/// values are typed the same way. On failure, the error and how many lines to add to
/// its line numbers to point into the file.
pub fn read_yaml_file(bytes: &[u8], dialect: Dialect) -> Result<Value, (FrontMatterError, isize)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (
            FrontMatterError::Syntax {
                line,
                column: 1,
                message: "this file is not UTF-8 text. Save it as UTF-8.".to_owned(),
            },
            0,
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The engine reads front matter between fences; a file that starts with its own
    // `---` document marker already has the opening fence.
    let first = text.lines().next().unwrap_or("");
    let (wrapped, shift) = if first.trim_end() == "---" {
        (format!("{text}\n---\n"), 0)
    } else {
        (format!("---\n{text}\n---\n"), -1)
    };
    let doc = Document::parse(wrapped.as_bytes(), dialect).map_err(|e| {
        (
            FrontMatterError::Syntax {
                line: 1,
                column: 1,
                message: e.to_string(),
            },
            0,
        )
    })?;
    match doc.fields() {
        Ok(value) => Ok(value.clone()),
        Err(error) => Err((error.clone(), shift)),
    }
}

/// Which generator builds the site in `root`, and its config file.
pub fn detect_generator(root: &Path) -> (Generator, Option<String>) {
    if let Some(file) = JEKYLL_CONFIGS.iter().find(|f| root.join(f).is_file()) {
        return (Generator::Jekyll, Some((*file).to_owned()));
    }
    if let Some(file) = HUGO_CONFIGS.iter().find(|f| root.join(f).is_file()) {
        return (Generator::Hugo, Some((*file).to_owned()));
    }
    if root.join("content").is_dir() {
        if let Some(file) = HUGO_LEGACY_CONFIGS.iter().find(|f| root.join(f).is_file()) {
            return (Generator::Hugo, Some((*file).to_owned()));
        }
        if root.join("config/_default").is_dir() {
            return (Generator::Hugo, None);
        }
    }
    (Generator::Plain, None)
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.display_text()),
    }
}

/// Reads the config of a site whose generator is known. Problems in the config (it
/// cannot be read, a misspelt collection setting) are returned, never fatal: the
/// pages can still be edited.
pub fn load_config(
    root: &Path,
    generator: Generator,
    file: Option<&str>,
) -> (SiteConfig, Vec<Problem>) {
    let mut config = SiteConfig {
        file: file.map(str::to_owned),
        content_dir: "content".to_owned(),
        ..SiteConfig::default()
    };
    let mut problems = Vec::new();
    match generator {
        Generator::Jekyll => {
            if let Some(file) = file {
                load_jekyll(root, file, &mut config, &mut problems);
            }
            add_jekyll_posts(root, &mut config);
        }
        Generator::Hugo => {
            let value = file.and_then(|f| hugo_config_value(root, f));
            let setting = |key: &str| text(value.as_ref().and_then(|v| key_ignoring_case(v, key)));
            if let Some(dir) = setting("contentDir") {
                config.content_dir = dir.trim_matches('/').to_owned();
            }
            config.lang = setting("languageCode")
                .or_else(|| setting("defaultContentLanguage"))
                .and_then(|l| language_tag(&l));
            // A config folder keeps each top-level key in a file of its own.
            let own_file = ["toml", "yaml", "yml", "json"]
                .iter()
                .map(|ext| format!("config/_default/permalinks.{ext}"))
                .find(|f| root.join(f).is_file())
                .and_then(|f| hugo_config_value(root, &f));
            let permalinks = value
                .as_ref()
                .and_then(|v| key_ignoring_case(v, "permalinks"))
                .or(own_file.as_ref());
            if let Some(permalinks) = permalinks {
                config.hugo_permalinks = hugo_permalinks(permalinks);
            }
        }
        Generator::Plain => {}
    }
    (config, problems)
}

fn load_jekyll(root: &Path, file: &str, config: &mut SiteConfig, problems: &mut Vec<Problem>) {
    let Ok(bytes) = std::fs::read(root.join(file)) else {
        return;
    };
    let value = match read_yaml_file(&bytes, Dialect::Yaml11) {
        Ok(value) => value,
        Err((error, shift)) => {
            problems.push(config_problem(file, &error, shift));
            return;
        }
    };
    config.collections_dir = text(value.get_key("collections_dir"))
        .unwrap_or_default()
        .trim_matches('/')
        .to_owned();
    config.permalink = text(value.get_key("permalink"));
    config.lang = text(value.get_key("lang")).and_then(|l| language_tag(&l));
    config.baseurl = text(value.get_key("baseurl"))
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned();
    if let Some(Value::List(items)) = value.get_key("exclude") {
        config.exclude = items
            .iter()
            .filter_map(|i| text(Some(i)))
            .map(|s| s.trim_matches('/').to_owned())
            .filter(|s| !s.is_empty())
            .collect();
    }
    let folder_of = |id: &str, dir: &str| {
        if dir.is_empty() {
            format!("_{id}")
        } else {
            format!("{dir}/_{id}")
        }
    };
    match value.get_key("collections") {
        Some(Value::Map(entries)) => {
            let text_of = std::str::from_utf8(&bytes).unwrap_or("");
            let positions = key_positions(text_of, Format::Yaml, 1);
            for (id, settings) in entries {
                config.collections.push(CollectionConfig {
                    id: id.clone(),
                    folder: folder_of(id, &config.collections_dir),
                    permalink: text(settings.get_key("permalink")),
                    output: match settings.get_key("output") {
                        Some(Value::Bool(b)) => Some(*b),
                        _ => None,
                    },
                });
                if let Value::Map(keys) = settings {
                    for (key, _) in keys {
                        if let Some(problem) = misspelt_setting(file, id, key, &positions) {
                            problems.push(problem);
                        }
                    }
                }
            }
        }
        Some(Value::List(items)) => {
            for id in items.iter().filter_map(|i| text(Some(i))) {
                config.collections.push(CollectionConfig {
                    folder: folder_of(&id, &config.collections_dir),
                    id,
                    permalink: None,
                    output: None,
                });
            }
        }
        _ => {}
    }
    if let Some(Value::List(entries)) = value.get_key("defaults") {
        for entry in entries {
            let scope = entry.get_key("scope");
            let Some(values) = entry.get_key("values") else {
                continue;
            };
            config.defaults.push(FrontMatterDefault {
                path: scope
                    .and_then(|s| text(s.get_key("path")))
                    .unwrap_or_default()
                    .trim_matches('/')
                    .to_owned(),
                kind: scope.and_then(|s| text(s.get_key("type"))),
                values: values.clone(),
            });
        }
    }
}

/// Jekyll always has posts (and drafts, when the folder exists), even if unconfigured.
fn add_jekyll_posts(root: &Path, config: &mut SiteConfig) {
    let dir = config.collections_dir.clone();
    let folder = |name: &str| {
        if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        }
    };
    if !config.collections.iter().any(|c| c.id == "posts") {
        config.collections.push(CollectionConfig {
            id: "posts".to_owned(),
            folder: folder("_posts"),
            permalink: None,
            output: Some(true),
        });
    }
    if root.join(folder("_drafts")).is_dir() && !config.collections.iter().any(|c| c.id == "drafts")
    {
        config.collections.push(CollectionConfig {
            id: "drafts".to_owned(),
            folder: folder("_drafts"),
            permalink: None,
            output: Some(true),
        });
    }
}

/// Settings Jekyll reads per collection; a near miss (`permaling`) is silently ignored
/// by Jekyll, so the pages end up at the wrong address.
const COLLECTION_SETTINGS: &[&str] = &["output", "permalink", "sort_by", "order"];

fn misspelt_setting(
    file: &str,
    collection: &str,
    key: &str,
    positions: &[crate::validate::KeyPosition],
) -> Option<Problem> {
    if COLLECTION_SETTINGS.contains(&key) {
        return None;
    }
    let meant = COLLECTION_SETTINGS
        .iter()
        .find(|known| edit_distance(known, key) <= 2)?;
    let path = crate::frontmatter::FieldPath::key("collections")
        .child(collection.to_owned())
        .child(key.to_owned());
    let (line, column) =
        crate::validate::find_key(positions, &path).map_or((1, 1), |k| (k.line, k.column));
    Some(Problem {
        path: file.to_owned(),
        line,
        column,
        severity: Severity::Warning,
        code: ProblemCode::Config,
        field: Some(path.to_string()),
        message: format!(
            "The collection \"{collection}\" has a setting \"{key}\", which Jekyll does not know; it is probably a misspelling of \"{meant}\"."
        ),
        hint: format!("Rename \"{key}\" to \"{meant}\"; until then Jekyll ignores it."),
        words: crate::words::Say::MisspeltSetting
            .words()
            .with("collection", collection)
            .with("key", key)
            .with("meant", meant),
        hint_words: crate::words::Say::HintRenameSetting
            .words()
            .with("key", key)
            .with("meant", meant),
    })
}

/// Levenshtein distance, for spotting misspelt setting names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A whole Hugo config file (TOML, YAML or JSON) as one value; `None` when it
/// cannot be read (Hugo would refuse it too; the pages can still be edited).
fn hugo_config_value(root: &Path, file: &str) -> Option<Value> {
    let bytes = std::fs::read(root.join(file)).ok()?;
    if file.ends_with(".toml") {
        // Read through the front matter engine, so TOML is typed as in pages.
        let text = std::str::from_utf8(&bytes).ok()?;
        // A byte order mark opens the file, not the wrapped front matter.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let wrapped = format!("+++\n{text}\n+++\n");
        let doc = Document::parse(wrapped.as_bytes(), Dialect::Yaml12).ok()?;
        return doc.fields().ok().cloned();
    }
    if file.ends_with(".json") {
        let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        return Some(from_json(&json));
    }
    read_yaml_file(&bytes, Dialect::Yaml12).ok()
}

/// A JSON value as a front matter value.
fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::List(items.iter().map(from_json).collect()),
        serde_json::Value::Object(entries) => Value::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), from_json(v)))
                .collect(),
        ),
    }
}

/// A key of a map, compared as Hugo compares config keys: ignoring case.
fn key_ignoring_case<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// The path glob of a top-level section in Hugo's per-section forms: the section
/// page and everything under it; `/` (or empty) names the pages at the root.
fn section_glob(section: &str) -> String {
    let section = section.trim_matches([' ', '/']).to_lowercase();
    if section.is_empty() {
        "/*".to_owned()
    } else {
        format!("/{{{section},{section}/**}}")
    }
}

/// Hugo's `permalinks` setting as rules: the array form (`[[permalinks]]` with a
/// `pattern` and an optional `target` of `kind` and `path`), the per-kind form
/// (`[permalinks.page]`, `[permalinks.section]`) and the older per-section form
/// (`posts = '…'`, for regular pages). Per-language rules and `target.sites` are
/// not read.
fn hugo_permalinks(value: &Value) -> Vec<HugoPermalink> {
    let mut rules = Vec::new();
    match value {
        Value::List(items) => {
            for item in items {
                let Some(pattern) = text(key_ignoring_case(item, "pattern")) else {
                    continue;
                };
                let target = key_ignoring_case(item, "target");
                let part = |key: &str| {
                    text(target.and_then(|t| key_ignoring_case(t, key)))
                        .map(|s| s.to_lowercase())
                        .filter(|s| !s.is_empty())
                };
                rules.push(HugoPermalink {
                    kind: part("kind"),
                    path: part("path"),
                    pattern,
                });
            }
        }
        Value::Map(entries) => {
            for (key, value) in entries {
                match value {
                    Value::Map(per_section) => {
                        let kind = key.to_lowercase();
                        if !["page", "section", "taxonomy", "term"].contains(&kind.as_str()) {
                            continue;
                        }
                        for (section, pattern) in per_section {
                            if let Some(pattern) = text(Some(pattern)) {
                                rules.push(HugoPermalink {
                                    kind: Some(kind.clone()),
                                    path: Some(section_glob(section)),
                                    pattern,
                                });
                            }
                        }
                    }
                    other => {
                        if let Some(pattern) = text(Some(other)) {
                            rules.push(HugoPermalink {
                                kind: Some("page".to_owned()),
                                path: Some(section_glob(key)),
                                pattern,
                            });
                        }
                    }
                }
            }
        }
        _ => {}
    }
    rules
}

/// `en_US` → `en-US`; `None` for anything that is not a language tag (the HTML
/// `lang` attribute would ignore it, or worse, take it at face value).
fn language_tag(raw: &str) -> Option<String> {
    let tag = raw.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let first = parts.next()?;
    let ok = (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    ok.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_files_with_and_without_a_document_marker() {
        let v = read_yaml_file(b"a: 1\nb: yes\n", Dialect::Yaml11).expect("read");
        assert_eq!(v.get_key("b"), Some(&Value::Bool(true)));
        let v = read_yaml_file(b"---\na: 1\n", Dialect::Yaml12).expect("read");
        assert_eq!(v.get_key("a"), Some(&Value::Int(1)));
        let (e, shift) = read_yaml_file(b"a: 1\nb: \"x\n", Dialect::Yaml12).expect_err("bad");
        assert_eq!(e.line() as isize + shift, 2);
    }

    #[test]
    fn the_sites_language_from_jekyll_and_hugo_configs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(root.join("_config.yml"), "title: Hub\nlang: sv_SE\n").expect("write");
        let (config, _) = load_config(root, Generator::Jekyll, Some("_config.yml"));
        assert_eq!(config.lang.as_deref(), Some("sv-SE"));
        std::fs::write(root.join("_config.yml"), "lang: \"{{ x }}\"\n").expect("write");
        let (config, _) = load_config(root, Generator::Jekyll, Some("_config.yml"));
        assert_eq!(config.lang, None, "not a language tag");

        std::fs::write(
            root.join("hugo.toml"),
            "languageCode = 'en-GB'\ndefaultContentLanguage = 'fi'\n",
        )
        .expect("write");
        let (config, _) = load_config(root, Generator::Hugo, Some("hugo.toml"));
        assert_eq!(config.lang.as_deref(), Some("en-GB"));
        // Saved by an editor that writes a byte order mark first.
        std::fs::write(
            root.join("hugo.toml"),
            "\u{feff}languageCode = 'sv-SE'\ncontentDir = 'sidor'\n",
        )
        .expect("write");
        let (config, _) = load_config(root, Generator::Hugo, Some("hugo.toml"));
        assert_eq!(config.lang.as_deref(), Some("sv-SE"));
        assert_eq!(config.content_dir, "sidor");
        std::fs::write(
            root.join("hugo.yaml"),
            "defaultContentLanguage: fi\ncontentDir: pages\n",
        )
        .expect("write");
        let (config, _) = load_config(root, Generator::Hugo, Some("hugo.yaml"));
        assert_eq!(config.lang.as_deref(), Some("fi"));
        assert_eq!(config.content_dir, "pages");
        std::fs::write(root.join("hugo.json"), r#"{"languageCode": "de"}"#).expect("write");
        let (config, _) = load_config(root, Generator::Hugo, Some("hugo.json"));
        assert_eq!(config.lang.as_deref(), Some("de"));
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("permalink", "permaling"), 1);
        assert_eq!(edit_distance("output", "output"), 0);
        assert!(edit_distance("output", "layout") > 2);
    }
}
