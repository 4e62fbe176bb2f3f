//! What a changed path means for the site.

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
            ["HEAD"] | ["index"] | ["refs", ..] | ["packed-refs"] | ["MERGE_HEAD"]
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
                | "hugo.toml"
                | "hugo.yaml"
                | "config.toml"
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

/// Editors' swap, backup and atomic-save files (vim, emacs, JetBrains, ours).
fn is_temp_file(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".galley-save-")
        || name == "4913"
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
        ];
        for (path, kind) in cases {
            assert_eq!(classify(path), kind, "{path}");
        }
    }
}
