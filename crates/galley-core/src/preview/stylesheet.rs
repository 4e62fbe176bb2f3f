//! The site's own stylesheet for the preview, so a page looks like the site.
//!
//! Jekyll sites keep their main stylesheet as plain CSS or as SCSS with empty
//! front matter dashes (which tell Jekyll to compile it) and partials in
//! `_sass/`. That is compiled here with `grass` (pure Rust, no Ruby or Node);
//! imports are read only from inside the site. Anything that fails gives the
//! app a reason to show and the preview falls back to its clean default.

use crate::paths::resolve_in_root;
use std::io;
use std::path::{Path, PathBuf};

/// Where sites usually keep their main stylesheet, most specific first.
pub const STYLESHEET_CANDIDATES: [&str; 8] = [
    "assets/css/style.scss",
    "assets/css/style.css",
    "assets/css/main.scss",
    "assets/css/main.css",
    "assets/main.scss",
    "assets/main.css",
    "css/main.scss",
    "css/style.css",
];

/// Why the site's stylesheet cannot be used; shown to the editor as is.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StylesheetError {
    /// No stylesheet at any usual place.
    #[error("This site has no stylesheet Galley knows where to find, so the preview uses a plain style.")]
    NotFound,
    /// The stylesheet is not UTF-8 or could not be read.
    #[error("Galley could not read {0}, so the preview uses a plain style.")]
    Unreadable(String),
    /// SCSS that `grass` could not compile (often a theme's partial that lives outside the site).
    #[error("The site's stylesheet {file} could not be compiled ({reason}), so the preview uses a plain style.")]
    Compile {
        /// The stylesheet, site-relative.
        file: String,
        /// What the compiler said, on one line.
        reason: String,
    },
}

/// The site's stylesheet as CSS, or `None` when it has none Galley can use.
pub fn site_stylesheet(root: &Path) -> Option<String> {
    site_stylesheet_result(root).ok().map(|(css, _)| css)
}

/// The site's stylesheet as CSS and the site-relative file it came from, or why not.
pub fn site_stylesheet_result(root: &Path) -> Result<(String, String), StylesheetError> {
    let file = STYLESHEET_CANDIDATES
        .iter()
        .find(|rel| {
            resolve_in_root(root, rel)
                .map(|p| p.is_file())
                .unwrap_or(false)
        })
        .ok_or(StylesheetError::NotFound)?;
    let path = resolve_in_root(root, file).map_err(|_| StylesheetError::NotFound)?;
    let text = std::fs::read_to_string(&path)
        .map_err(|_| StylesheetError::Unreadable((*file).to_owned()))?;
    let body = strip_front_matter(&text);
    if file.ends_with(".css") {
        return Ok((body.to_owned(), (*file).to_owned()));
    }
    let fs = SiteFs {
        root: root.canonicalize().map_err(|_| StylesheetError::NotFound)?,
    };
    let options = grass::Options::default()
        .fs(&fs)
        .quiet(true)
        .load_path(root.join("_sass"))
        .load_path(path.parent().unwrap_or(root));
    // grass reports errors as values, but a compiler bug must not take the app down.
    let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        grass::from_string(body.to_owned(), &options)
    }));
    match compiled {
        Ok(Ok(css)) => Ok((css, (*file).to_owned())),
        Ok(Err(error)) => Err(StylesheetError::Compile {
            file: (*file).to_owned(),
            reason: error.to_string().lines().next().unwrap_or("").to_owned(),
        }),
        Err(_) => Err(StylesheetError::Compile {
            file: (*file).to_owned(),
            reason: "the compiler stopped unexpectedly".to_owned(),
        }),
    }
}

/// Jekyll's `---`/`---` lines at the top of a stylesheet (it compiles files that have them).
fn strip_front_matter(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---") else {
        return text;
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let Some(rest) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return &rest[offset..];
        }
    }
    text
}

/// Files for `@import`/`@use`, only from inside the site (links leading out refused).
#[derive(Debug)]
struct SiteFs {
    root: PathBuf,
}

impl SiteFs {
    fn inside(&self, path: &Path) -> Option<PathBuf> {
        let canonical = path.canonicalize().ok()?;
        canonical.starts_with(&self.root).then_some(canonical)
    }
}

impl grass::Fs for SiteFs {
    fn is_dir(&self, path: &Path) -> bool {
        self.inside(path).is_some_and(|p| p.is_dir())
    }

    fn is_file(&self, path: &Path) -> bool {
        self.inside(path).is_some_and(|p| p.is_file())
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let inside = self
            .inside(path)
            .ok_or_else(|| io::Error::new(io::ErrorKind::PermissionDenied, "outside the site"))?;
        std::fs::read(inside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_dashes() {
        assert_eq!(strip_front_matter("---\n---\n$a: 1;"), "$a: 1;");
        assert_eq!(strip_front_matter("---\ntitle: x\n---\r\nb{}"), "b{}");
        assert_eq!(strip_front_matter("a{}"), "a{}");
    }
}
