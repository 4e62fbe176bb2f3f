//! The system spell checker in the editor's text.
//!
//! The body editor asks for spell checking (`spellcheck`, `lang`), but each
//! system's webview decides whether it happens:
//! - **Linux** (WebKitGTK): off unless the web context turns it on, and then
//!   only in the dictionaries it is given by their exact names (`sv_SE`, not
//!   `sv`; others are dropped without a word), which Enchant looks up among
//!   the installed Hunspell (or Aspell, Nuspell…) dictionaries — the `.deb`
//!   recommends `hunspell-sv` and `hunspell-en-us`. A word counts as right when
//!   any of them knows it. Done here.
//! - **Windows** (WebView2) and **macOS** (WKWebView): on by themselves, in
//!   the languages of the system's own spelling settings; nothing to do.

use std::collections::BTreeSet;

/// At most this many dictionaries are turned on (each one checks every word).
const MOST_DICTIONARIES: usize = 8;

/// A language tag's parts a dictionary is named by: `sv-SE` → (`sv`, `SE`).
fn language_and_region(tag: &str) -> Option<(String, Option<String>)> {
    let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let mut parts = tag.trim().split(['-', '_']);
    let language = parts.next().filter(|l| letters(l, 2..=3))?;
    // The region is the first two-letter subtag after the language (a script
    // such as `Hant` comes before it and is not part of a dictionary's name).
    let region = parts.find(|p| letters(p, 2..=2));
    Some((
        language.to_ascii_lowercase(),
        region.map(str::to_ascii_uppercase),
    ))
}

/// The dictionary most systems have for a language without a region.
fn usual_region(language: &str) -> String {
    let region = match language {
        "en" => "US",
        "sv" => "SE",
        "da" => "DK",
        "nb" | "nn" | "no" => "NO",
        "el" => "GR",
        "cs" => "CZ",
        "et" => "EE",
        "uk" => "UA",
        "ja" => "JP",
        "zh" => "CN",
        "ko" => "KR",
        "ar" => "SA",
        "he" => "IL",
        "fa" => "IR",
        "hi" => "IN",
        "vi" => "VN",
        other => return format!("{other}_{}", other.to_ascii_uppercase()),
    };
    format!("{language}_{region}")
}

/// The dictionaries to turn on for `tags` (BCP 47: the text's language, the
/// UI's), given the names of the `installed` ones (`en_US`, `sv_SE`, `sv_FI`…).
///
/// A tag with a region takes that dictionary when it is installed; otherwise
/// (or without a region) every installed dictionary of the language. When
/// none is known to be installed (dictionaries elsewhere, through another
/// Enchant back end), the likely names are given and WebKit keeps the ones
/// that exist. Tags that are not language tags are skipped.
pub fn dictionaries_for(tags: &[String], installed: &BTreeSet<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (language, region) in tags.iter().filter_map(|t| language_and_region(t)) {
        let exact = region.as_ref().map(|r| format!("{language}_{r}"));
        let of_language: Vec<String> = installed
            .iter()
            .filter(|name| {
                name.as_str() == language
                    || name
                        .strip_prefix(&language)
                        .is_some_and(|rest| rest.starts_with('_'))
            })
            .cloned()
            .collect();
        let chosen = match exact {
            Some(exact) if installed.contains(&exact) => vec![exact],
            _ if !of_language.is_empty() => of_language,
            exact => exact
                .into_iter()
                .chain([language.clone(), usual_region(&language)])
                .collect(),
        };
        for name in chosen {
            if !names.contains(&name) && names.len() < MOST_DICTIONARIES {
                names.push(name);
            }
        }
    }
    names
}

/// Where Enchant's Hunspell back end finds dictionaries on Linux systems.
#[cfg(target_os = "linux")]
fn installed_dictionaries() -> BTreeSet<String> {
    let mut folders: Vec<std::path::PathBuf> = [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        "/usr/local/share/hunspell",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .collect();
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".config")));
    if let Some(config) = config {
        folders.push(config.join("enchant").join("hunspell"));
    }
    folders
        .iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flatten()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".dic").map(str::to_owned)
        })
        .collect()
}

/// Turns the webview's spell checker on, in the dictionaries for `tags`.
#[cfg(target_os = "linux")]
pub fn check_in<R: tauri::Runtime>(webview: &tauri::Webview<R>, tags: &[String]) {
    let names = dictionaries_for(tags, &installed_dictionaries());
    let applied = webview.with_webview(move |platform| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let Some(context) = platform.inner().context() else {
            eprintln!("galley: the webview has no web context; no spell checking");
            return;
        };
        let languages: Vec<&str> = names.iter().map(String::as_str).collect();
        context.set_spell_checking_enabled(true);
        context.set_spell_checking_languages(&languages);
    });
    if let Err(e) = applied {
        eprintln!("galley: spell checking could not be turned on: {e}");
    }
}

/// WebView2 and WKWebView check spelling by themselves (see the module's doc).
#[cfg(not(target_os = "linux"))]
pub fn check_in<R: tauri::Runtime>(_webview: &tauri::Webview<R>, _tags: &[String]) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tags: &[&str], installed: &[&str]) -> Vec<String> {
        let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
        let installed = installed.iter().map(|t| (*t).to_owned()).collect();
        dictionaries_for(&tags, &installed)
    }

    const DEBIAN: &[&str] = &["en_US", "sv_FI", "sv_SE", "de_DE_frami"];

    #[test]
    fn a_language_takes_its_installed_dictionaries() {
        assert_eq!(names(&["sv", "en"], DEBIAN), ["sv_FI", "sv_SE", "en_US"]);
        assert_eq!(names(&["de"], DEBIAN), ["de_DE_frami"]);
    }

    #[test]
    fn a_region_takes_its_own_dictionary_else_the_languages() {
        assert_eq!(names(&["sv-SE", "en-us"], DEBIAN), ["sv_SE", "en_US"]);
        assert_eq!(names(&["en_GB"], DEBIAN), ["en_US"]);
        assert_eq!(names(&[" SV_fi "], DEBIAN), ["sv_FI"]);
    }

    #[test]
    fn without_known_dictionaries_the_likely_names_are_given() {
        assert_eq!(names(&["sv"], &[]), ["sv", "sv_SE"]);
        assert_eq!(names(&["en-GB"], &[]), ["en_GB", "en", "en_US"]);
        assert_eq!(names(&["fi"], &[]), ["fi", "fi_FI"]);
        assert_eq!(names(&["zh-Hant-TW"], &[]), ["zh_TW", "zh", "zh_CN"]);
    }

    #[test]
    fn the_same_dictionary_is_turned_on_once() {
        assert_eq!(names(&["en", "en", "en-US"], DEBIAN), ["en_US"]);
    }

    #[test]
    fn what_is_not_a_language_tag_is_skipped() {
        let odd = ["", "x", "sv1", "../../etc", "english", "s v", "en"];
        assert_eq!(names(&odd, DEBIAN), ["en_US"]);
    }

    #[test]
    fn at_most_a_few_dictionaries() {
        let tags = ["sv", "en", "fi", "da", "de", "fr", "it", "es"];
        assert_eq!(names(&tags, &[]).len(), MOST_DICTIONARIES);
    }
}
