//! Which link and image addresses the preview keeps, and where they lead.
//!
//! Only `http`, `https` and `mailto` addresses and scheme-less ones (relative,
//! root-absolute, `#fragment`) survive: `javascript:`, `data:`, `vbscript:` and
//! every other scheme are dropped, because the preview cannot know what a
//! browser would do with them.

/// Schemes a link may use.
const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What a link points at, for the app's click handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another page or file of the site: a relative link as written
    /// (`../news/`), or the root-absolute permalink without the `baseurl` (`/about/`).
    Site(String),
    /// Somewhere else (`http(s)://`, `//host`, `mailto:`): open in the system browser after asking.
    External,
    /// A place on this page (`#section`).
    Fragment,
    /// A scheme that is not allowed: the link is kept as text only.
    Refused,
}

/// What a URL's scheme says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// No scheme: relative, root-absolute or a fragment.
    None,
    /// One of [`LINK_SCHEMES`].
    Allowed,
    /// Any other (`javascript`, `data`, an empty one…).
    Refused,
}

/// The scheme of `url`: what comes before a `:` that comes before any `/`,
/// `?` or `#`, ASCII case ignored. Browsers ignore tabs and newlines inside a
/// URL and leading spaces or control characters, so those are skipped too:
/// `java\tscript:` is `javascript:`. No copy of the URL is made: this runs for
/// every link and image address of a page.
fn scheme(url: &str) -> Scheme {
    /// Longer than the longest allowed scheme (`mailto`).
    const LONGEST: usize = 6;
    let mut name = [0u8; LONGEST];
    let mut len = 0;
    let mut too_long = false;
    let chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    for c in chars {
        match c {
            '/' | '?' | '#' => return Scheme::None,
            ':' => {
                let name = &name[..len];
                let allowed = !too_long && LINK_SCHEMES.iter().any(|s| s.as_bytes() == name);
                return if allowed {
                    Scheme::Allowed
                } else {
                    Scheme::Refused
                };
            }
            _ => match name.get_mut(len) {
                Some(slot) if c.is_ascii() && !too_long => {
                    *slot = (c as u8).to_ascii_lowercase();
                    len += 1;
                }
                _ => too_long = true,
            },
        }
    }
    Scheme::None
}

/// Whether a browser may follow `url` from the preview.
pub fn is_allowed_url(url: &str) -> bool {
    scheme(url) != Scheme::Refused
}

/// Classifies a link written on a page. A link to the site keeps its path as
/// written (a relative one stays relative): which page it opens depends on the
/// page's published address, which `Site::page_for_link` knows and the preview
/// does not.
pub fn link_target(url: &str, baseurl: &str) -> LinkTarget {
    if !is_allowed_url(url) {
        return LinkTarget::Refused;
    }
    if scheme(url) != Scheme::None || url.starts_with("//") {
        return LinkTarget::External;
    }
    if url.is_empty() || url.starts_with('#') {
        return LinkTarget::Fragment;
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if path.starts_with('/') {
        return LinkTarget::Site(strip_baseurl(path, baseurl).to_owned());
    }
    LinkTarget::Site(path.to_owned())
}

/// Where the preview loads an image from: `None` removes it (a refused scheme).
///
/// Root-absolute (`/assets/x.png`) and, when the page's folder is known,
/// page-relative (`x.png` beside `index.md`) images go through `prefix`, the
/// app's protocol that serves the opened site; others stay as written.
pub fn image_source(
    url: &str,
    prefix: Option<&str>,
    page_dir: Option<&str>,
    baseurl: &str,
) -> Option<String> {
    let mailto = url
        .trim_start()
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    if !is_allowed_url(url) || mailto {
        return None;
    }
    let Some(prefix) = prefix else {
        return Some(url.to_owned());
    };
    if scheme(url) != Scheme::None
        || url.starts_with("//")
        || url.is_empty()
        || url.starts_with('#')
    {
        return Some(url.to_owned());
    }
    if url.starts_with('/') {
        return Some([prefix, strip_baseurl(url, baseurl)].concat());
    }
    match page_dir.and_then(|dir| join_site_path(dir, url)) {
        Some(joined) => Some(format!("{prefix}/{joined}")),
        None => Some(url.to_owned()),
    }
}

/// `baseurl` (e.g. `/aida`) removed from the front of a root-absolute path, as
/// the site's files are served from the root in the preview.
pub(crate) fn strip_baseurl<'u>(path: &'u str, baseurl: &str) -> &'u str {
    let base = baseurl.trim_end_matches('/');
    if base.is_empty() || !base.starts_with('/') {
        return path;
    }
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

/// `dir` + `relative`, with `.` and `..` resolved; `None` if it climbs above the root.
pub(crate) fn join_site_path(dir: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scheme as first written (a lowercased copy): the reference the
    /// copy-free [`scheme`] is tested against.
    fn scheme_reference(url: &str) -> Option<String> {
        let cleaned: String = url
            .trim_start_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .take_while(|c| !matches!(c, '/' | '?' | '#'))
            .collect();
        let (scheme, _) = cleaned.split_once(':')?;
        Some(scheme.to_ascii_lowercase())
    }

    proptest! {
        #[test]
        fn schemes_as_the_reference(url in "[ \t\n\r\u{1}]{0,2}((https?|HTTP|Mailto|mail\tto|javascript|data|é|x)[a-z\t]{0,2})?[:/?#a-z.]{0,6}") {
            let expected = match scheme_reference(&url) {
                None => Scheme::None,
                Some(s) if LINK_SCHEMES.contains(&s.as_str()) => Scheme::Allowed,
                Some(_) => Scheme::Refused,
            };
            prop_assert_eq!(scheme(&url), expected);
        }
    }

    #[test]
    fn schemes() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            " java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "\u{1}javascript:x",
        ] {
            assert!(!is_allowed_url(bad), "{bad}");
        }
        for good in [
            "https://x.org",
            "mailto:a@b",
            "/a",
            "a/b.md",
            "#x",
            "a?b=c:d",
        ] {
            assert!(is_allowed_url(good), "{good}");
        }
    }

    #[test]
    fn targets() {
        assert_eq!(link_target("https://x.org", ""), LinkTarget::External);
        assert_eq!(link_target("//x.org/a", ""), LinkTarget::External);
        assert_eq!(link_target("#top", ""), LinkTarget::Fragment);
        assert_eq!(
            link_target("/aida/about/#x", "/aida"),
            LinkTarget::Site("/about/".into())
        );
        assert_eq!(
            link_target("../news/a.md#top", ""),
            LinkTarget::Site("../news/a.md".into()),
            "relative links stay relative"
        );
        assert_eq!(link_target("javascript:x", ""), LinkTarget::Refused);
    }

    #[test]
    fn images() {
        let p = Some("galley-site://localhost");
        assert_eq!(
            image_source("/assets/a.png", p, None, "").as_deref(),
            Some("galley-site://localhost/assets/a.png")
        );
        assert_eq!(
            image_source("a.png", p, Some("news/2024"), "").as_deref(),
            Some("galley-site://localhost/news/2024/a.png")
        );
        assert_eq!(image_source("a.png", p, None, "").as_deref(), Some("a.png"));
        assert_eq!(image_source("data:image/png;base64,x", p, None, ""), None);
        assert_eq!(join_site_path("a", "../../x"), None);
    }
}
