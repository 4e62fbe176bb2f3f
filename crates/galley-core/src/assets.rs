//! The site's images as an image field offers them, and copying a new image
//! from elsewhere on the computer into the site under a safe, unique name.
//!
//! Not a media library: no resizing, no thumbnails (the UI shows the file
//! itself through the app's `galley-site://` protocol).

use crate::paths::{resolve_in_root, PathError};
use crate::schema::kind::IMAGE_EXTENSIONS;
use crate::site::{Generator, Site};
use serde::Serialize;
use std::path::Path;

/// One image an image field can point at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteImage {
    /// Site-relative path of the file (for the thumbnail).
    pub path: String,
    /// What a page writes to show it (`/assets/icons/aida.png`).
    pub reference: String,
}

/// Why an image could not be copied in. The site is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not a picture a web page can show.
    #[error(
        "\"{0}\" is not an image a web page can show. Use a PNG, JPEG, GIF, SVG or WebP file instead."
    )]
    NotAnImage(String),
    /// The images folder is not inside the site.
    #[error(transparent)]
    Path(#[from] PathError),
    /// Copying failed.
    #[error("The image could not be copied into the site: {0}")]
    Io(#[from] std::io::Error),
}

/// Whether a file name ends like an image file.
pub fn is_image(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// How a page of a site made by `generator` refers to the site file `path`:
/// from the site root, and for Hugo without the `static/` folder it is served from.
pub fn reference_for(generator: Generator, path: &str) -> String {
    let served = match generator {
        Generator::Hugo => path.strip_prefix("static/").unwrap_or(path),
        _ => path,
    };
    format!("/{served}")
}

/// The site's images with the reference a page would write for each.
pub fn site_images(site: &Site) -> Vec<SiteImage> {
    site.images()
        .into_iter()
        .map(|path| SiteImage {
            reference: reference_for(site.generator, &path),
            path,
        })
        .collect()
}

/// The folder new images are copied into: the one most of the site's images are
/// in already, else `assets/images` (Jekyll) or `static/images` (Hugo).
pub fn images_folder(site: &Site) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for image in site.images() {
        let folder = image
            .rsplit_once('/')
            .map(|(f, _)| f)
            .unwrap_or("")
            .to_owned();
        match counts.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, n)) => *n += 1,
            None => counts.push((folder, 1)),
        }
    }
    let preferred = counts
        .into_iter()
        .filter(|(f, _)| f.ends_with("images") || f.ends_with("img"))
        .max_by_key(|(_, n)| *n)
        .map(|(f, _)| f);
    preferred.unwrap_or_else(|| match site.generator {
        Generator::Hugo => "static/images".to_owned(),
        _ => "assets/images".to_owned(),
    })
}

/// A file name safe on every system and in a URL: lower-case ASCII letters,
/// digits and dashes, with the (lower-case) ending kept. `Bild på Åsa.JPG` →
/// `bild-pa-asa.jpg`.
pub fn safe_file_name(name: &str) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut out = String::new();
    for c in stem.chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'Å' | 'Ä' | 'À' | 'Á' | 'Â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'Ö' | 'Ø' | 'Ó' | 'Ò' | 'Ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'ü' | 'ú' | 'ù' | 'Ü' | 'Ú' | 'Ù' => 'u',
            'í' | 'ì' | 'ï' | 'Í' | 'Ì' | 'Ï' => 'i',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let stem = out.trim_end_matches('-');
    let stem = if stem.is_empty() { "image" } else { stem };
    let ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if ext.is_empty() {
        stem.to_owned()
    } else {
        format!("{stem}.{ext}")
    }
}

/// Copies the image at `source` (anywhere on the computer) into `folder` of the
/// site at `root`, under a safe name that does not replace an existing file
/// (`logo.png`, then `logo-2.png`, …). Returns the new file's site-relative path.
pub fn import_image(root: &Path, folder: &str, source: &Path) -> Result<String, ImportError> {
    let original = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_image(&original) {
        return Err(ImportError::NotAnImage(original));
    }
    let name = safe_file_name(&original);
    let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
    let target_dir = resolve_in_root(root, folder)?;
    std::fs::create_dir_all(&target_dir)?;
    for n in 1.. {
        let candidate = if n == 1 {
            name.clone()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let rel = format!("{folder}/{candidate}");
        let target = resolve_in_root(root, &rel)?;
        // create_new: never replace a file, even one that appeared a moment ago.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut file) => {
                let mut input = std::fs::File::open(source)?;
                if let Err(e) = std::io::copy(&mut input, &mut file).and_then(|_| file.sync_all()) {
                    drop(file);
                    let _ = std::fs::remove_file(&target);
                    return Err(e.into());
                }
                return Ok(rel);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    unreachable!("the loop above only ends by returning")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_are_ascii_lower_case_and_keep_the_ending() {
        assert_eq!(safe_file_name("Bild på Åsa.JPG"), "bild-pa-asa.jpg");
        assert_eq!(safe_file_name("../../etc/passwd.png"), "etc-passwd.png");
        assert_eq!(safe_file_name("  .png"), "image.png");
        assert_eq!(safe_file_name("a  b__c.svg"), "a-b-c.svg");
    }

    #[test]
    fn importing_never_replaces_a_file_and_refuses_non_images() {
        let site = tempfile::tempdir().expect("site");
        let outside = tempfile::tempdir().expect("outside");
        let source = outside.path().join("My Logo.PNG");
        std::fs::write(&source, b"png-bytes").expect("write");
        let first = import_image(site.path(), "assets/images", &source).expect("import");
        assert_eq!(first, "assets/images/my-logo.png");
        let second = import_image(site.path(), "assets/images", &source).expect("again");
        assert_eq!(second, "assets/images/my-logo-2.png");
        assert_eq!(
            std::fs::read(site.path().join(&second)).expect("read"),
            b"png-bytes"
        );
        let text = outside.path().join("notes.txt");
        std::fs::write(&text, b"x").expect("write");
        assert!(matches!(
            import_image(site.path(), "assets/images", &text),
            Err(ImportError::NotAnImage(_))
        ));
        assert!(matches!(
            import_image(site.path(), "../elsewhere", &source),
            Err(ImportError::Path(_))
        ));
    }

    #[test]
    fn the_demo_site_lists_its_images_with_root_references() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let site = Site::open(&root).expect("open");
        let images = site_images(&site);
        assert!(images.contains(&SiteImage {
            path: "assets/icons/aida.png".into(),
            reference: "/assets/icons/aida.png".into(),
        }));
        assert_eq!(images_folder(&site), "assets/images");
    }
}
