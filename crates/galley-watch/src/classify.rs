//! What a changed path means for the site: a pure function, so every OS and
//! editor quirk is a line in a table test rather than a flaky disk test.

/// What kind of thing a changed path is, from the site's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// A Markdown or HTML page.
    Page,
    /// The generator's config or Galley's schema file: the site model must be rebuilt.
    Config,
    /// Git's HEAD, index or refs moved: change badges must be refreshed.
    GitState,
    /// Anything else in the site (images, styles, data).
    Asset,
    /// Build output, dependencies, git internals or an editor's temp file.
    Ignored,
}

/// Folders whose changes never matter to an editor.
const IGNORED_FOLDERS: &[&str] = &[
    "_site",
    "public",
    "node_modules",
    ".jekyll-cache",
    ".sass-cache",
];

/// Classifies a site-relative path (with `/`).
pub fn classify(rel: &str) -> PathKind {
    let parts: Vec<&str> = rel.split('/').collect();
    let name = parts.last().copied().unwrap_or_default();
    if parts.first() == Some(&".git") {
        let inner = &parts[1..];
        let state = matches!(
            inner,
            ["HEAD"]
                | ["index"]
                | ["refs", ..]
                | ["packed-refs"]
                | ["MERGE_HEAD"]
                | ["FETCH_HEAD"]
                | ["ORIG_HEAD"]
        );
        return if state {
            PathKind::GitState
        } else {
            PathKind::Ignored
        };
    }
    if parts.iter().any(|p| IGNORED_FOLDERS.contains(p)) || is_temp_file(name) {
        return PathKind::Ignored;
    }
    if parts.len() == 1
        && matches!(
            name,
            "_config.yml"
                | "_config.yaml"
                | ".galley.yml"
                | ".galley.yaml"
                | "hugo.toml"
                | "hugo.yaml"
                | "hugo.yml"
                | "hugo.json"
                | "config.toml"
                | "config.yaml"
                | "config.yml"
        )
    {
        return PathKind::Config;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd" | "html") => PathKind::Page,
        _ => PathKind::Asset,
    }
}

/// Editors' swap, backup and atomic-save files (vim, emacs, JetBrains, ours)
/// and OS litter. An editor saving `a.md` may touch several of these; only the
/// final rename onto `a.md` matters.
pub fn is_temp_file(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".galley-save-")
        || name.starts_with(".galley-flush-")
        // vim probes whether it may write in a folder by creating "4913".
        || name == "4913"
        || name == ".DS_Store"
        || name == "Thumbs.db"
        || name.starts_with(".goutputstream-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("_engagements/aida.md", PathKind::Page),
            ("about/index.html", PathKind::Page),
            ("_config.yml", PathKind::Config),
            (".galley.yml", PathKind::Config),
            ("docs/_config.yml", PathKind::Asset),
            ("assets/icons/aida.png", PathKind::Asset),
            (".git/HEAD", PathKind::GitState),
            (".git/index", PathKind::GitState),
            (".git/refs/heads/main", PathKind::GitState),
            (".git/objects/ab/cdef", PathKind::Ignored),
            ("_site/index.html", PathKind::Ignored),
            ("node_modules/x/readme.md", PathKind::Ignored),
            ("_engagements/.aida.md.swp", PathKind::Ignored),
            ("_engagements/aida.md~", PathKind::Ignored),
            ("_engagements/.#aida.md", PathKind::Ignored),
            ("_engagements/#aida.md#", PathKind::Ignored),
            ("_engagements/aida.md___jb_tmp___", PathKind::Ignored),
            ("_engagements/.galley-save-x1.tmp", PathKind::Ignored),
            ("_engagements/4913", PathKind::Ignored),
            (".git/MERGE_HEAD", PathKind::GitState),
            (".git/packed-refs", PathKind::GitState),
            (".git/index.lock", PathKind::Ignored),
            (".git", PathKind::Ignored),
            ("hugo.toml", PathKind::Config),
            ("config.yaml", PathKind::Config),
            ("content/config.yaml", PathKind::Asset),
            ("public/index.html", PathKind::Ignored),
            ("docs/public/x.md", PathKind::Ignored),
            (".jekyll-cache/x", PathKind::Ignored),
            ("_posts/2024-01-01-hello.markdown", PathKind::Page),
            ("_posts/UPPER.MD", PathKind::Page),
            ("_posts/.goutputstream-ABC123", PathKind::Ignored),
            (".DS_Store", PathKind::Ignored),
            ("_posts", PathKind::Asset),
            (".galley-flush-12-3.tmp", PathKind::Ignored),
        ];
        for (path, kind) in cases {
            assert_eq!(classify(path), kind, "{path}");
        }
    }
}
