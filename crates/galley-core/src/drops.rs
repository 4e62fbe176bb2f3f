//! Files dropped onto the window from the file manager, kept under a number so
//! that the UI asks for "file 1 of drop 7" and never names a path itself: the
//! paths come from the system's drop event only, and only the newest drop is
//! kept. Copying a kept file into the site is [`crate::assets::import_image`].
//!
//! Not a drag-and-drop implementation: the shell receives the system's events
//! and hands their paths here.

use crate::assets::is_image;
use serde::Serialize;
use std::path::PathBuf;

/// What the UI is told of one dropped file: enough to say it in words and to
/// choose which one to ask for, never where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedFile {
    /// The file's name (its last path part), for messages.
    pub name: String,
    /// Whether its name ends like an image the site can show.
    pub image: bool,
}

/// A drop as the UI sees it: its number and its files, in the system's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropOffer {
    /// Names this drop when the UI asks for one of its files.
    pub drop: u64,
    /// The dropped files.
    pub files: Vec<DroppedFile>,
}

/// Why a dropped file cannot be handed out.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DropError {
    /// Another drop came since, the file was already used, or there is no such file.
    #[error("That dropped file is no longer at hand. Drop it again.")]
    Gone,
    /// The drop named something that is not a file on this computer (a web address).
    #[error("\"{0}\" is not a file on this computer.")]
    NotLocal(String),
}

/// The newest drop's files, each handed out once.
#[derive(Debug, Default)]
pub struct DropShelf {
    last: u64,
    kept: Option<(u64, Vec<Option<Kept>>)>,
}

#[derive(Debug)]
enum Kept {
    File(PathBuf),
    NotLocal(String),
}

/// The last part of `path` as text (the whole of it when it has none).
fn name_of(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// Whether `path`, dropped, is an image the site can take: a file on this
/// computer (an absolute path) named like an image. The drag's highlight and
/// the drop itself ask this same question, so the highlight never promises
/// what the drop then refuses.
pub fn is_droppable_image(path: &std::path::Path) -> bool {
    path.is_absolute() && is_image(&name_of(path))
}

impl DropShelf {
    /// Keeps the files of a new drop (forgetting the one before) and says
    /// what the UI may know of them. Only absolute paths are files: anything
    /// else a drop can carry (a web address) is kept as "not on this computer",
    /// so it is never read relative to the app's own folder.
    pub fn put(&mut self, paths: Vec<PathBuf>) -> DropOffer {
        self.last += 1;
        let mut files = Vec::with_capacity(paths.len());
        let mut kept = Vec::with_capacity(paths.len());
        for path in paths {
            let name = name_of(&path);
            if path.is_absolute() {
                files.push(DroppedFile {
                    image: is_droppable_image(&path),
                    name,
                });
                kept.push(Some(Kept::File(path)));
            } else {
                files.push(DroppedFile {
                    name: name.clone(),
                    image: false,
                });
                kept.push(Some(Kept::NotLocal(path.to_string_lossy().into_owned())));
            }
        }
        self.kept = Some((self.last, kept));
        DropOffer {
            drop: self.last,
            files,
        }
    }

    /// The path of file `index` of drop `drop`, handed out once.
    pub fn take(&mut self, drop: u64, index: usize) -> Result<PathBuf, DropError> {
        let Some((id, files)) = self.kept.as_mut() else {
            return Err(DropError::Gone);
        };
        if *id != drop {
            return Err(DropError::Gone);
        }
        match files.get_mut(index).and_then(Option::take) {
            Some(Kept::File(path)) => Ok(path),
            Some(Kept::NotLocal(what)) => Err(DropError::NotLocal(what)),
            None => Err(DropError::Gone),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abs(path: &str) -> PathBuf {
        std::env::temp_dir().join(path)
    }

    #[test]
    fn the_ui_learns_names_and_kinds_never_paths() {
        let mut shelf = DropShelf::default();
        let offer = shelf.put(vec![abs("Pictures/Logo.PNG"), abs("notes.txt")]);
        assert_eq!(
            offer.files,
            vec![
                DroppedFile {
                    name: "Logo.PNG".into(),
                    image: true
                },
                DroppedFile {
                    name: "notes.txt".into(),
                    image: false
                },
            ]
        );
        let text = serde_json::to_string(&offer).expect("json");
        assert!(!text.contains("Pictures"), "no path reaches the UI: {text}");
    }

    #[test]
    fn a_file_is_handed_out_once_and_only_from_the_newest_drop() {
        let mut shelf = DropShelf::default();
        assert_eq!(shelf.take(1, 0), Err(DropError::Gone));
        let first = shelf.put(vec![abs("a.png"), abs("b.png")]);
        assert_eq!(shelf.take(first.drop, 1), Ok(abs("b.png")));
        assert_eq!(shelf.take(first.drop, 1), Err(DropError::Gone));
        assert_eq!(shelf.take(first.drop, 2), Err(DropError::Gone));
        let second = shelf.put(vec![abs("c.png")]);
        assert_ne!(first.drop, second.drop);
        assert_eq!(shelf.take(first.drop, 0), Err(DropError::Gone));
        assert_eq!(shelf.take(second.drop, 0), Ok(abs("c.png")));
    }

    #[test]
    fn refusals_are_said_with_their_declared_values() {
        for e in [DropError::Gone, DropError::NotLocal("https://x".into())] {
            let words = e.words();
            let say = crate::words::Say::from_code(words.code).expect("a declared code");
            let given: Vec<&str> = words.params.keys().map(String::as_str).collect();
            assert_eq!(given, say.params(), "{}", words.code);
        }
    }

    #[test]
    fn the_highlight_and_the_drop_agree_on_what_is_an_image() {
        // A web address dragged in arrives as a relative "path": named like
        // an image, yet no file here, so neither highlighted nor taken.
        let web = PathBuf::from("https://example.org/logo.png");
        assert!(!is_droppable_image(&web));
        assert!(is_droppable_image(&abs("logo.PNG")));
        assert!(!is_droppable_image(&abs("notes.txt")));
        let mut shelf = DropShelf::default();
        let offer = shelf.put(vec![web.clone(), abs("logo.PNG"), abs("notes.txt")]);
        let images: Vec<bool> = offer.files.iter().map(|f| f.image).collect();
        assert_eq!(
            images,
            [web, abs("logo.PNG"), abs("notes.txt")].map(|p| is_droppable_image(&p))
        );
    }

    #[test]
    fn what_is_not_a_file_here_is_never_read_as_one() {
        let mut shelf = DropShelf::default();
        let offer = shelf.put(vec![PathBuf::from("https://example.org/logo.png")]);
        assert!(!offer.files[0].image);
        assert_eq!(
            shelf.take(offer.drop, 0),
            Err(DropError::NotLocal("https://example.org/logo.png".into()))
        );
        let relative = shelf.put(vec![PathBuf::from("logo.png")]);
        assert!(matches!(
            shelf.take(relative.drop, 0),
            Err(DropError::NotLocal(_))
        ));
    }
}
