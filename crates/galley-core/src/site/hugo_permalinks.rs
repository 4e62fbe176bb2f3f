//! Hugo's `permalinks` patterns, expanded as Hugo 0.161 does: which rule a page
//! matches (page kind and a glob over its path), and what each `:token` of the
//! pattern becomes (dates from `date`, sections, title, slug, file names).
//!
//! This is not Hugo: per-language rules, taxonomies and Go's whole date layout
//! language are left out; the tokens Hugo documents are all here.

use super::config::HugoPermalink;

/// What a pattern's tokens are made from, gathered by the site for one page.
pub(crate) struct PageFacts<'a> {
    /// Hugo's kind: `page`, `section` or `home`.
    pub kind: &'a str,
    /// Hugo's path of the page: `/posts/my-post` (lower case, no extension; a
    /// bundle's or section's folder).
    pub path: &'a str,
    /// Front matter `title`, or the automatic title of a section page.
    pub title: Option<String>,
    /// Front matter `slug`.
    pub slug: Option<String>,
    /// `date` (or the first of Hugo's other date fields) as written.
    pub date: Option<String>,
    /// The file name without its extension (`index` and `_index` as they are).
    pub file_stem: &'a str,
    /// The content base name: the file name without extension, or the folder
    /// name of a bundle or section.
    pub content_base_name: &'a str,
    /// The top-level section (`posts`), empty at the root.
    pub section: &'a str,
    /// The folders of the page's current section, from the top (`docs`, `guides`).
    pub sections: Vec<String>,
    /// The same sections' slugs (their `slug`, else title, else folder name).
    pub section_slugs: Vec<String>,
}

/// The first rule of `rules` that is for `facts`' page.
pub(crate) fn first_rule<'r>(
    rules: &'r [HugoPermalink],
    facts: &PageFacts<'_>,
) -> Option<&'r HugoPermalink> {
    // Hugo's permalinks apply to regular pages, sections, taxonomies and terms.
    if facts.kind == "home" {
        return None;
    }
    rules.iter().find(|r| {
        r.kind.as_deref().is_none_or(|k| k == facts.kind)
            && r.path
                .as_deref()
                .is_none_or(|g| glob_matches(g, facts.path))
    })
}

/// Whether `pattern` uses the token `:name` (not one that only begins with it).
pub(crate) fn uses_token(pattern: &str, name: &str) -> bool {
    let needle = format!(":{name}");
    pattern.match_indices(&needle).any(|(at, _)| {
        let escaped = pattern[..at].ends_with('\\');
        let next = pattern[at + needle.len()..].chars().next();
        !escaped && !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// `pattern` with every token replaced; `\:` stands for a plain colon.
pub(crate) fn expand(pattern: &str, facts: &PageFacts<'_>) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(at) = rest.find([':', '\\']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("\\:") {
            out.push(':');
            rest = after;
            continue;
        }
        if let Some(after) = tail.strip_prefix('\\') {
            out.push('\\');
            rest = after;
            continue;
        }
        let name_len = tail[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len() - 1);
        if name_len == 0 {
            out.push(':');
            rest = &tail[1..];
            continue;
        }
        let name = &tail[1..1 + name_len];
        let mut end = 1 + name_len;
        // `:sections[1:]`: a slice of the sections.
        let mut slice = None;
        if tail[end..].starts_with('[') {
            if let Some(close) = tail[end..].find(']') {
                slice = Some(&tail[end..end + close + 1]);
                end += close + 1;
            }
        }
        match token(name, slice, facts) {
            Some(value) => out.push_str(&value),
            // An unknown token is an error in Hugo; here it stays as written.
            None => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// What one token stands for; `None` when Hugo does not know it.
fn token(name: &str, slice: Option<&str>, facts: &PageFacts<'_>) -> Option<String> {
    let date = facts
        .date
        .as_deref()
        .and_then(Date::parse)
        .unwrap_or(Date::ZERO);
    let slug_else_title = || match &facts.slug {
        Some(slug) => urlize(slug),
        None => urlize(facts.title.as_deref().unwrap_or("")),
    };
    let file_name = || match facts.file_stem {
        "_index" => String::new(),
        "index" => urlize(facts.content_base_name),
        stem => urlize(stem),
    };
    Some(match (name, slice) {
        ("sections", Some(cut)) => slice_of(&facts.sections, cut).join("/"),
        ("sectionslugs", Some(cut)) => slice_of(&facts.section_slugs, cut).join("/"),
        (_, Some(_)) => return None,
        ("year", _) => date.year.to_string(),
        ("month", _) => format!("{:02}", date.month),
        ("monthname", _) => crate::validate::MONTH_NAMES[usize::from(date.month - 1)].to_owned(),
        ("day", _) => format!("{:02}", date.day),
        ("weekday", _) => date.weekday().to_string(),
        ("weekdayname", _) => WEEKDAYS[usize::from(date.weekday())].to_owned(),
        ("yearday", _) => date.yearday().to_string(),
        ("section", _) => facts.section.to_owned(),
        ("sectionslug", _) => facts.section_slugs.first().cloned().unwrap_or_default(),
        ("sections", _) => facts.sections.join("/"),
        ("sectionslugs", _) => facts.section_slugs.join("/"),
        ("title", _) => urlize(facts.title.as_deref().unwrap_or("")),
        ("slug", _) => slug_else_title(),
        ("filename", _) => file_name(),
        ("slugorfilename", _) => match &facts.slug {
            Some(slug) => urlize(slug),
            None => file_name(),
        },
        ("contentbasename", _) => urlize(facts.content_base_name),
        ("slugorcontentbasename", _) => match &facts.slug {
            Some(slug) => urlize(slug),
            None => urlize(facts.content_base_name),
        },
        (layout, _) => return date.go_layout(layout),
    })
}

/// Hugo's slice syntax on the sections: `[1:]`, `[:last]`, `[last]`, `[1:2]`;
/// never out of bounds.
fn slice_of<'s>(items: &'s [String], cut: &str) -> &'s [String] {
    let inner = cut.trim().trim_start_matches('[').trim_end_matches(']');
    let inner = inner.trim().to_lowercase();
    let index = |s: &str, low: bool| -> Option<usize> {
        match s.trim() {
            "" if low => Some(0),
            "" => Some(items.len()),
            "last" => Some(items.len().saturating_sub(1)),
            n => {
                let n = n.parse::<usize>().unwrap_or(0);
                if n >= items.len() {
                    if low {
                        None
                    } else {
                        Some(items.len())
                    }
                } else {
                    Some(n)
                }
            }
        }
    };
    if items.is_empty() {
        return &[];
    }
    match inner.split_once(':') {
        None => match index(&inner, true) {
            Some(i) => &items[i..=i],
            None => &[],
        },
        Some((low, high)) => match (index(low, true), index(high, false)) {
            (Some(a), Some(b)) if a <= b => &items[a..b],
            _ => &[],
        },
    }
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A calendar date, from the start of a front matter date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: i64,
    month: u8,
    day: u8,
}

impl Date {
    /// What Hugo's dates are for a page without one: Go's zero time.
    const ZERO: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// `2024-05-14`, `2024-05-14T10:00:00+02:00`, `2024-05-14 10:00`.
    fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let mut parts = text.get(..10)?.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        ((1..=12).contains(&date.month) && (1..=31).contains(&date.day)).then_some(date)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// 0 for Sunday … 6 for Saturday.
    fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days() + 4).rem_euclid(7) as u8
    }

    /// 1 … 366.
    fn yearday(self) -> i64 {
        self.days()
            - Date {
                year: self.year,
                month: 1,
                day: 1,
            }
            .days()
            + 1
    }

    /// The date written with a Go layout made of date parts (`:06`, `:1`, `:2`,
    /// `:January`, `:Mon`, `:002`…), as Hugo allows; `None` when `layout` holds none.
    fn go_layout(self, layout: &str) -> Option<String> {
        const PARTS: &[&str] = &[
            "January", "Monday", "2006", "002", "Jan", "Mon", "01", "02", "06", "_2", "1", "2",
        ];
        let mut out = String::new();
        let mut rest = layout;
        let mut any = false;
        'scan: while !rest.is_empty() {
            for part in PARTS {
                if let Some(after) = rest.strip_prefix(part) {
                    any = true;
                    let month = crate::validate::MONTH_NAMES[usize::from(self.month - 1)];
                    let weekday = WEEKDAYS[usize::from(self.weekday())];
                    out.push_str(&match *part {
                        "January" => month.to_owned(),
                        "Jan" => month[..3].to_owned(),
                        "Monday" => weekday.to_owned(),
                        "Mon" => weekday[..3].to_owned(),
                        "2006" => format!("{:04}", self.year),
                        "06" => format!("{:02}", self.year.rem_euclid(100)),
                        "01" => format!("{:02}", self.month),
                        "1" => self.month.to_string(),
                        "02" => format!("{:02}", self.day),
                        "_2" => format!("{:>2}", self.day),
                        "2" => self.day.to_string(),
                        _ => format!("{:03}", self.yearday()),
                    });
                    rest = after;
                    continue 'scan;
                }
            }
            let c = rest.chars().next()?;
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        any.then_some(out)
    }
}

/// Hugo's `urlize`: letters, digits, marks and `. / \ _ # + ~ - @` kept, runs of
/// spaces as one hyphen, everything else dropped, lower case.
pub(crate) fn urlize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let (mut hyphen_pending, mut was_hyphen) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        let hex = |j: usize| chars.get(j).is_some_and(char::is_ascii_hexdigit);
        let allowed = ".\\/_#+~-@".contains(c)
            || c.is_alphanumeric()
            || ('\u{300}'..='\u{36f}').contains(&c)
            || (c == '%' && hex(i + 1) && hex(i + 2));
        if allowed {
            was_hyphen = c == '-';
            if hyphen_pending && !was_hyphen {
                out.push('-');
            }
            hyphen_pending = false;
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            hyphen_pending = true;
        }
    }
    out
}

/// Whether Hugo's page path `path` matches `glob` (gobwas/glob with `/` as the
/// separator: `*` within one part, `**` across parts, `?`, `{a,b}`).
pub(crate) fn glob_matches(glob: &str, path: &str) -> bool {
    expand_braces(glob)
        .iter()
        .any(|g| match_here(g.as_bytes(), path.as_bytes()))
}

/// `/{a,b/**}` → `/a`, `/b/**` (nested braces too).
fn expand_braces(glob: &str) -> Vec<String> {
    let Some(open) = glob.find('{') else {
        return vec![glob.to_owned()];
    };
    let mut depth = 0;
    let mut close = None;
    let mut commas = Vec::new();
    for (i, c) in glob[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            ',' if depth == 1 => commas.push(open + i),
            _ => {}
        }
    }
    let Some(close) = close else {
        return vec![glob.to_owned()];
    };
    let (head, tail) = (&glob[..open], &glob[close + 1..]);
    let mut bounds = vec![open];
    bounds.extend(commas);
    bounds.push(close);
    let mut out = Vec::new();
    for pair in bounds.windows(2) {
        let choice = &glob[pair[0] + 1..pair[1]];
        out.extend(expand_braces(&format!("{head}{choice}{tail}")));
    }
    out
}

fn match_here(glob: &[u8], path: &[u8]) -> bool {
    match glob.first() {
        None => path.is_empty(),
        Some(b'*') if glob.get(1) == Some(&b'*') => {
            (0..=path.len()).any(|i| match_here(&glob[2..], &path[i..]))
        }
        Some(b'*') => (0..=path.len())
            .take_while(|&i| i == 0 || path[i - 1] != b'/')
            .any(|i| match_here(&glob[1..], &path[i..])),
        Some(b'?') => {
            path.first().is_some_and(|&c| c != b'/') && match_here(&glob[1..], &path[1..])
        }
        Some(&c) => path.first() == Some(&c) && match_here(&glob[1..], &path[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(path: &'a str) -> PageFacts<'a> {
        PageFacts {
            kind: "page",
            path,
            title: Some("Bash in Slow Motion!".to_owned()),
            slug: None,
            date: Some("2024-05-14T10:00:00+02:00".to_owned()),
            file_stem: "bash-in-slow-motion",
            content_base_name: "bash-in-slow-motion",
            section: "posts",
            sections: vec!["posts".to_owned()],
            section_slugs: vec!["articles".to_owned()],
        }
    }

    #[test]
    fn dates_and_names() {
        let f = facts("/posts/bash-in-slow-motion");
        let e = |p: &str| expand(p, &f);
        assert_eq!(
            e("/:year/:month/:day/:title/"),
            "/2024/05/14/bash-in-slow-motion/"
        );
        // 2024-05-14 was a Tuesday, the 135th day of a leap year.
        assert_eq!(
            e(":monthname-:weekday-:weekdayname-:yearday"),
            "May-2-Tuesday-135"
        );
        assert_eq!(e("/:06/:1/:2/:Jan/:002/"), "/24/5/14/May/135/");
        assert_eq!(
            e("/:section/:sections/:sectionslug/"),
            "/posts/posts/articles/"
        );
        assert_eq!(
            e("/:slug/:filename/:slugorfilename/"),
            "/bash-in-slow-motion/bash-in-slow-motion/bash-in-slow-motion/"
        );
        assert_eq!(e("/a\\:b/:unknown/"), "/a:b/:unknown/");
        let undated = PageFacts {
            date: None,
            ..facts("/x")
        };
        assert_eq!(expand("/:year/:month/:day/", &undated), "/1/01/01/");
    }

    #[test]
    fn sections_slices() {
        let s: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(slice_of(&s, "[1:]"), &s[1..]);
        assert_eq!(slice_of(&s, "[:last]"), &s[..2]);
        assert_eq!(slice_of(&s, "[last]"), &s[2..]);
        assert_eq!(slice_of(&s, "[1:2]"), &s[1..2]);
        assert!(slice_of(&s, "[7]").is_empty());
        assert_eq!(slice_of(&s, "[0:9]"), &s[..]);
    }

    #[test]
    fn urlize_as_hugo() {
        assert_eq!(urlize("Bash in Slow  Motion!"), "bash-in-slow-motion");
        assert_eq!(urlize("Östersund – a pilot"), "östersund-a-pilot");
        assert_eq!(urlize("C++ & Go"), "c++-go");
        assert_eq!(urlize("already-a-slug"), "already-a-slug");
    }

    #[test]
    fn globs() {
        assert!(glob_matches("/{posts,posts/**}", "/posts"));
        assert!(glob_matches("/{posts,posts/**}", "/posts/2024/trip"));
        assert!(!glob_matches("/{posts,posts/**}", "/postscript"));
        assert!(glob_matches("/*", "/about"));
        assert!(!glob_matches("/*", "/posts/x"));
        assert!(glob_matches("{/articles/**}", "/articles/x"));
        assert!(glob_matches("/docs/?", "/docs/a"));
    }
}
