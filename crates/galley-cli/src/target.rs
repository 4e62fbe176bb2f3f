//! Finding the site a file belongs to, so it is read with its generator's dialect
//! (Jekyll: YAML 1.1, where `yes` is a boolean) and checked against its collection.

use crate::CliError;
use galley_core::frontmatter::Dialect;
use galley_core::site::{find_site_root, Generator, Site};
use std::path::{Path, PathBuf};

/// A file named on the command line.
pub struct FileTarget {
    /// As the user wrote it (for messages).
    pub shown: String,
    /// Where it is.
    pub path: PathBuf,
    /// Its site's root and generator, if it is inside one.
    pub site: Option<(PathBuf, Generator)>,
    /// Its path relative to the site root.
    pub rel: Option<String>,
}

impl FileTarget {
    /// Looks at `file`; an I/O error if it is not a readable file.
    pub fn new(file: &str) -> Result<FileTarget, CliError> {
        let path = PathBuf::from(file);
        if !path.is_file() {
            return Err(CliError::Io(format!(
                "\"{file}\" is not a file that can be read."
            )));
        }
        let site = find_site_root(&path);
        let rel = site.as_ref().and_then(|(root, _)| {
            let canonical = path.canonicalize().ok()?;
            galley_core::paths::relative_to_root(root, &canonical)
        });
        Ok(FileTarget {
            shown: file.to_owned(),
            path,
            site,
            rel,
        })
    }

    /// The YAML rules to read it with: its site's, else YAML 1.2.
    pub fn dialect(&self) -> Dialect {
        self.site
            .as_ref()
            .map_or(Dialect::Yaml12, |(_, g)| g.dialect())
    }

    /// Reads the file.
    pub fn read(&self) -> Result<Vec<u8>, CliError> {
        std::fs::read(&self.path)
            .map_err(|e| CliError::Io(format!("Cannot read \"{}\": {e}.", self.shown)))
    }

    /// Opens its site, if it has one.
    pub fn open_site(&self) -> Option<Site> {
        let (root, _) = self.site.as_ref()?;
        Site::open(root).ok()
    }
}

/// Opens the site in `dir` for a command, as an I/O error when it cannot.
pub fn open_site(dir: &str, cache: Option<&str>) -> Result<Site, CliError> {
    let options = galley_core::site::OpenOptions {
        cache_dir: cache.map(PathBuf::from),
    };
    Site::open_with(Path::new(dir), &options).map_err(|e| CliError::Io(e.to_string()))
}
