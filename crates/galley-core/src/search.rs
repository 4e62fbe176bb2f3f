//! Instant page search: an in-memory word index over every page's title, field
//! values and body text, queried fuzzily, ignoring case and accents.
//!
//! The index is built once per opened [`Site`] (its bodies read in parallel, the
//! only time search touches the disk) and then answers every query from memory:
//! a query scans the index's vocabulary, never the pages. Ranking puts a word in
//! the title before one in a field before one in the body, and an exact word
//! before a word it begins, before a word one typo away.
//!
//! Reading a big site's bodies takes seconds, so until the full index is built a
//! quick one answers: the same words of titles and field values, taken from the
//! site's index in memory (no disk), ranked by the same rules. Its answers say
//! they are partial ([`SearchAnswer::complete`]), and once the full index is
//! built the quick one is dropped ([`SearchSlots`]).
//!
//! It is *not* a full-text engine: no phrases, no stemming, no boolean syntax.

use crate::frontmatter::{split, Value};
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Where in a page a word occurs (bits, so one posting holds them all).
const IN_TITLE: u8 = 0b100;
const IN_FIELDS: u8 = 0b010;
const IN_BODY: u8 = 0b001;

/// Weights of the places a word can be found: any title hit outranks any
/// number of field hits of the same quality, fields outrank the body.
const TITLE_WEIGHT: u32 = 100;
const FIELDS_WEIGHT: u32 = 10;
const BODY_WEIGHT: u32 = 1;

/// How well a query word matched a page word.
const EXACT: u32 = 3;
const PREFIX: u32 = 2;
const TYPO: u32 = 1;

/// Words shorter than this are never matched with a typo: "cat" is one edit
/// from too many words to be useful.
const TYPO_MIN_LEN: usize = 5;

/// Query words shorter than this match as a prefix only in titles, so typing
/// one letter does not list every page with a word starting with it.
const PREFIX_MIN_LEN: usize = 2;

/// What search needs of one page; built from the site or, in tests, by hand.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    /// Site-relative path.
    pub path: String,
    /// The title the page list shows.
    pub title: String,
    /// Every field value as text, space-separated.
    pub fields: String,
    /// The page's body (Markdown).
    pub body: String,
}

/// The word index of a site's pages.
#[derive(Debug, Default)]
pub struct SearchIndex {
    paths: Vec<String>,
    /// Folded titles, for sorting equal scores and matching inside title words.
    titles: Vec<String>,
    /// Folded word → the pages holding it and where: one `u32` per page, its
    /// index shifted left by [`PLACE_BITS`] with the `IN_*` bits below (half the
    /// size of a `(u32, u8)` pair, which pads to 8 bytes).
    words: HashMap<Box<str>, Vec<u32>>,
}

/// Low bits of a posting that hold where the word occurs.
const PLACE_BITS: u32 = 3;
/// The `IN_*` bits of a posting.
const PLACE_MASK: u32 = (1 << PLACE_BITS) - 1;

/// Words of one part of the index, merged into the whole.
type Postings = HashMap<Box<str>, Vec<u32>>;

/// Adds one page's words to `words`: each word once per page, with every place
/// it occurs in. Only the folded words are kept, never the page's text.
fn add_page(words: &mut Postings, index: usize, title: &str, fields: &str, body: &str) {
    let page = u32::try_from(index).unwrap_or(u32::MAX >> PLACE_BITS);
    let mut seen: HashMap<&str, u8> = HashMap::new();
    let folded = [fold(title), fold(fields), fold(body)];
    for (text, bit) in folded.iter().zip([IN_TITLE, IN_FIELDS, IN_BODY]) {
        for word in text.split_whitespace() {
            *seen.entry(word).or_default() |= bit;
        }
    }
    for (word, bits) in seen {
        let posting = (page << PLACE_BITS) | u32::from(bits);
        match words.get_mut(word) {
            Some(postings) => postings.push(posting),
            None => {
                words.insert(word.into(), vec![posting]);
            }
        }
    }
}

/// Merges two parts of the index (built on different threads).
fn merge(mut a: Postings, b: Postings) -> Postings {
    if a.len() < b.len() {
        return merge(b, a);
    }
    for (word, postings) in b {
        a.entry(word).or_default().extend(postings);
    }
    a
}

/// The body of a page for the index: after the front matter, or the whole text
/// when it is not UTF-8 (as the editor would show it). The front matter itself is
/// not parsed again: its values come from the site's index.
fn body_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    match std::str::from_utf8(bytes) {
        Ok(text) if !utf16 => std::borrow::Cow::Borrowed(split(text).body),
        _ => String::from_utf8_lossy(bytes),
    }
}

impl SearchIndex {
    /// Builds the index of `pages`.
    pub fn from_pages(pages: Vec<PageText>) -> SearchIndex {
        let words = pages
            .par_iter()
            .enumerate()
            .fold(Postings::new, |mut words, (i, p)| {
                add_page(&mut words, i, &p.title, &p.fields, &p.body);
                words
            })
            .reduce(Postings::new, merge);
        let titles = pages.iter().map(|p| fold(&p.title)).collect();
        SearchIndex {
            paths: pages.into_iter().map(|p| p.path).collect(),
            titles,
            words,
        }
    }

    /// Builds the index of every page of `site`, reading each body once, in parallel.
    /// A page that cannot be read is still found by its title and fields. Each
    /// page's text is dropped as soon as its words are counted, so building never
    /// holds the whole site's text.
    pub fn build(site: &Site) -> SearchIndex {
        SearchIndex::build_from(site, true)
    }

    /// Builds the index of `site`'s titles and field values only, from what the
    /// site's index holds: no page is read, so it is ready in a fraction of the
    /// time [`SearchIndex::build`] takes.
    pub fn build_quick(site: &Site) -> SearchIndex {
        SearchIndex::build_from(site, false)
    }

    fn build_from(site: &Site, bodies: bool) -> SearchIndex {
        let words = site
            .pages
            .par_iter()
            .enumerate()
            .fold(Postings::new, |mut words, (i, page)| {
                let mut fields = String::new();
                if let Some(value) = site.record(i).and_then(|r| r.fields.as_ref()) {
                    value_text(value, &mut fields);
                }
                let bytes = if bodies {
                    std::fs::read(site.root.join(&page.path)).unwrap_or_default()
                } else {
                    Vec::new()
                };
                add_page(&mut words, i, &page.title, &fields, &body_text(&bytes));
                words
            })
            .reduce(Postings::new, merge);
        let mut words = words;
        words.values_mut().for_each(|p| p.shrink_to_fit());
        words.shrink_to_fit();
        SearchIndex {
            paths: site.pages.iter().map(|p| p.path.clone()).collect(),
            titles: site.pages.iter().map(|p| fold(&p.title)).collect(),
            words,
        }
    }

    /// Number of pages indexed.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no page is indexed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The paths of the pages matching every word of `query`, best first, at most
    /// `limit` of them. An empty query finds nothing.
    ///
    /// Scores live in arrays with a slot per page (not maps), and only the best
    /// `limit` hits are sorted: a query costs a pass over the matching words'
    /// postings, whatever the site's size.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        let folded = fold(query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let pages = self.paths.len();
        // Per page: how many terms matched so far, their scores' sum, and this
        // term's best score (with the pages it touched, to reset them).
        let mut matched: Vec<u16> = vec![0; pages];
        let mut total: Vec<u32> = vec![0; pages];
        let mut best: Vec<u32> = vec![0; pages];
        let mut touched: Vec<usize> = Vec::new();
        for (done, term) in terms.iter().enumerate() {
            let done = u16::try_from(done).unwrap_or(u16::MAX);
            let mut note = |page: usize, score: u32| {
                // Only pages that matched every earlier term can still be hits.
                if page < pages && matched[page] == done {
                    if best[page] == 0 {
                        touched.push(page);
                    }
                    best[page] = best[page].max(score);
                }
            };
            for (word, postings) in &self.words {
                let Some(quality) = word_match(term, word) else {
                    continue;
                };
                for &posting in postings {
                    let (page, bits) = (posting >> PLACE_BITS, (posting & PLACE_MASK) as u8);
                    note(page as usize, quality * weight(bits));
                }
            }
            // Inside a title word ("sund" in "Östersund"): as good as a prefix.
            if term.chars().count() >= 3 {
                for (i, title) in self.titles.iter().enumerate() {
                    if title.contains(term) {
                        note(i, PREFIX * TITLE_WEIGHT);
                    }
                }
            }
            for &page in &touched {
                matched[page] += 1;
                total[page] += best[page];
                best[page] = 0;
            }
            touched.clear();
        }
        let all = u16::try_from(terms.len()).unwrap_or(u16::MAX);
        let mut hits: Vec<(usize, u32)> = (0..pages)
            .filter(|&page| matched[page] == all)
            .map(|page| (page, total[page]))
            .collect();
        let order = |(a, sa): &(usize, u32), (b, sb): &(usize, u32)| {
            sb.cmp(sa)
                .then_with(|| self.titles[*a].cmp(&self.titles[*b]))
                .then_with(|| self.paths[*a].cmp(&self.paths[*b]))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter()
            .map(|(page, _)| self.paths[page].clone())
            .collect()
    }
}

/// A search's answer: the pages found, and whether the page texts were searched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchAnswer<T> {
    /// The pages found, best first.
    pub pages: Vec<T>,
    /// False while the bodies are still being read: only titles and fields were
    /// searched, and the same search asked later may find more.
    pub complete: bool,
}

/// A site's search indexes: the full one once built; until then a quick one of
/// titles and fields, dropped when the full one is ready (it would only hold
/// memory). Shared by the clones of one opened [`Site`].
#[derive(Debug, Default)]
pub struct SearchSlots {
    full: OnceLock<SearchIndex>,
    quick: Mutex<Option<Arc<SearchIndex>>>,
    claimed: AtomicBool,
}

impl SearchSlots {
    /// The full index, if it is built.
    pub fn full(&self) -> Option<&SearchIndex> {
        self.full.get()
    }

    /// The full index, built now (or waited for, if another thread is building it).
    pub fn full_or_build(&self, site: &Site) -> &SearchIndex {
        let index = self.full.get_or_init(|| SearchIndex::build(site));
        *self.quick.lock().unwrap_or_else(|p| p.into_inner()) = None;
        index
    }

    /// Waits until another thread has built the full index (see [`SearchSlots::claim`]).
    pub fn wait_full(&self) -> &SearchIndex {
        self.full.wait()
    }

    /// True exactly once: the caller is the one to build the full index (on a
    /// thread of its choosing); everyone else waits or answers from the quick one.
    pub fn claim(&self) -> bool {
        !self.claimed.swap(true, Ordering::SeqCst)
    }

    /// The quick index, built now if there is none; `None` once the full index
    /// is built. It is built outside the lock: a search never waits for a build
    /// running on a background thread of low priority (at worst both build it).
    fn quick(&self, site: &Site) -> Option<Arc<SearchIndex>> {
        let lock = || self.quick.lock().unwrap_or_else(|p| p.into_inner());
        if self.full.get().is_some() {
            return None;
        }
        if let Some(quick) = lock().as_ref() {
            return Some(Arc::clone(quick));
        }
        let built = Arc::new(SearchIndex::build_quick(site));
        let mut slot = lock();
        // The full index may have been finished meanwhile: then nothing is kept.
        if self.full.get().is_some() {
            return None;
        }
        Some(Arc::clone(slot.get_or_insert(built)))
    }

    /// Builds the quick index now (e.g. right after opening, on a background
    /// thread), unless the full one is already there.
    pub fn warm_quick(&self, site: &Site) {
        let _ = self.quick(site);
    }

    /// Searches the full index if it is built, else the quick one (built now if
    /// needed; it reads no page).
    pub fn search_now(&self, site: &Site, query: &str, limit: usize) -> SearchAnswer<String> {
        match self.quick(site) {
            Some(quick) => SearchAnswer {
                pages: quick.search(query, limit),
                complete: false,
            },
            None => SearchAnswer {
                pages: self
                    .full
                    .get()
                    .map(|full| full.search(query, limit))
                    .unwrap_or_default(),
                complete: true,
            },
        }
    }
}

/// The best place weight among `bits`.
fn weight(bits: u8) -> u32 {
    if bits & IN_TITLE != 0 {
        TITLE_WEIGHT
    } else if bits & IN_FIELDS != 0 {
        FIELDS_WEIGHT
    } else {
        BODY_WEIGHT
    }
}

/// How well the query word `term` matches the page word `word`, if at all.
fn word_match(term: &str, word: &str) -> Option<u32> {
    if word == term {
        Some(EXACT)
    } else if term.len() >= PREFIX_MIN_LEN && word.starts_with(term) {
        Some(PREFIX)
    } else if term.len() >= TYPO_MIN_LEN
        // One edit changes the length by one letter, at most 4 bytes: most
        // words are ruled out without looking at their letters.
        && word.len().abs_diff(term.len()) <= 4
        && term.chars().count() >= TYPO_MIN_LEN
        && within_one_edit(term, word)
    {
        Some(TYPO)
    } else {
        None
    }
}

/// Whether `a` becomes `b` by at most one inserted, deleted or replaced letter,
/// or two neighbouring letters swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        // Replaced, or two neighbours swapped.
        short[prefix + 1..] == long[prefix + 1..]
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && short[prefix + 2..] == long[prefix + 2..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Lower case without accents, every run of non-letters and non-digits as one
/// space: "Östersund's MRI" → "ostersund s mri".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                match base_letter(lower) {
                    Some(base) => out.push_str(base),
                    None => out.push(lower),
                }
            }
            space = false;
        } else if !space && !is_combining(c) {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A combining accent (as in decomposed "o\u{308}"): dropped, not a word break.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The unaccented form of a lower-case Latin letter, for the letters of the
/// languages Galley's sites are written in (Nordic, German, French, Spanish,
/// Central European). Other letters are kept as they are.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Appends every scalar of `value` (keys of groups too) to `out`, space-separated.
fn value_text(value: &Value, out: &mut String) {
    let mut push = |s: &str| {
        out.push_str(s);
        out.push(' ');
    };
    match value {
        Value::Null | Value::Bool(_) => {}
        Value::Int(n) => push(&n.to_string()),
        Value::Float(f) => push(&f.to_string()),
        Value::Date(s) | Value::DateTime(s) | Value::String(s) => push(s),
        Value::List(items) => items.iter().for_each(|v| value_text(v, out)),
        Value::Map(entries) => {
            for (_, v) in entries {
                value_text(v, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, title: &str, fields: &str, body: &str) -> PageText {
        PageText {
            path: path.into(),
            title: title.into(),
            fields: fields.into(),
            body: body.into(),
        }
    }

    fn sample() -> SearchIndex {
        SearchIndex::from_pages(vec![
            page(
                "a.md",
                "Knee MRI",
                "role: imaging",
                "Recorded in Östersund last winter.",
            ),
            page(
                "b.md",
                "Östersund Ultrasound Pilot",
                "Technical partner",
                "Clips from emergency care.",
            ),
            page("c.md", "Pathology", "ultrasound", "Slides and scanners."),
            page(
                "d.md",
                "Datasets",
                "",
                "Ultrasound clips, thousands of them.",
            ),
        ])
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Östersund's MRI"), "ostersund s mri");
        assert_eq!(fold("Umeå  –  Malmö"), "umea malmo");
        assert_eq!(fold("O\u{308}stersund"), "ostersund");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn ostersund_finds_the_accented_title_first() {
        let hits = sample().search("ostersund", 10);
        assert_eq!(hits, vec!["b.md", "a.md"]);
    }

    #[test]
    fn title_hits_rank_before_field_hits_before_body_hits() {
        let hits = sample().search("ultrasound", 10);
        assert_eq!(hits, vec!["b.md", "c.md", "d.md"]);
    }

    #[test]
    fn one_typo_is_forgiven_on_long_words_only() {
        let index = sample();
        assert_eq!(index.search("ultrasond", 10)[0], "b.md", "deleted letter");
        assert_eq!(index.search("ultrasuond", 10)[0], "b.md", "swapped letters");
        assert_eq!(index.search("oxtersund", 10)[0], "b.md", "replaced letter");
        assert!(index.search("ultrsond", 10).is_empty(), "two edits");
        assert!(index.search("knex", 10).is_empty(), "short word");
    }

    #[test]
    fn every_word_must_match_and_prefixes_count() {
        let index = sample();
        assert_eq!(index.search("ultra clip", 10), vec!["b.md", "d.md"]);
        assert_eq!(index.search("KNEE mr", 10), vec!["a.md"]);
        assert_eq!(
            index.search("sund", 10),
            vec!["b.md"],
            "inside a title word"
        );
        assert!(index.search("   ", 10).is_empty());
    }

    #[test]
    fn limit_cuts_the_list() {
        assert_eq!(sample().search("ultrasound", 1), vec!["b.md"]);
    }

    #[test]
    fn within_one_edit_cases() {
        assert!(within_one_edit("abcde", "abcde"));
        assert!(within_one_edit("abcde", "abcdef"));
        assert!(within_one_edit("abcde", "abde"));
        assert!(within_one_edit("abcde", "abxde"));
        assert!(within_one_edit("abcde", "bacde"));
        assert!(!within_one_edit("abcde", "abxye"));
        assert!(!within_one_edit("abcde", "abc"));
    }

    /// Four pages on disk: a word in a title, in a field, in a body only.
    fn site_on_disk() -> (tempfile::TempDir, Site) {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        std::fs::write(
            root.join("_config.yml"),
            "collections:\n  engagements:\n    output: true\n",
        )
        .expect("config");
        std::fs::create_dir_all(root.join("_engagements")).expect("mkdir");
        for (name, text) in [
            (
                "a.md",
                "---\ntitle: Östersund Ultrasound Pilot\nrole: Partner\n---\nClips.\n",
            ),
            (
                "b.md",
                "---\ntitle: Pathology\nrole: ULTRASOUND support\n---\nSlides.\n",
            ),
            (
                "c.md",
                "---\ntitle: Datasets\nrole: Host\n---\nUltrasound clips from Östersund.\n",
            ),
            (
                "d.md",
                "---\ntitle: Knee MRI\nrole: Imaging\n---\nNothing here.\n",
            ),
        ] {
            std::fs::write(root.join("_engagements").join(name), text).expect("page");
        }
        let site = Site::open(root).expect("open");
        (temp, site)
    }

    fn names(paths: &[String]) -> Vec<&str> {
        paths
            .iter()
            .map(|p| p.trim_start_matches("_engagements/"))
            .collect()
    }

    #[test]
    fn before_the_bodies_are_read_titles_and_fields_answer_and_say_so() {
        let (_temp, site) = site_on_disk();
        let slots = SearchSlots::default();
        let partial = slots.search_now(&site, "ultrasond", 10);
        assert!(!partial.complete);
        // Same folding (case, one typo) and ranking (title before field); the
        // body-only page is not found yet.
        assert_eq!(names(&partial.pages), ["a.md", "b.md"]);
        assert_eq!(
            names(&slots.search_now(&site, "OSTERSUND", 10).pages),
            ["a.md"]
        );
        assert!(slots.search_now(&site, "slides", 10).pages.is_empty());
        assert!(slots.full().is_none(), "nothing read from disk");

        slots.full_or_build(&site);
        let full = slots.search_now(&site, "ultrasond", 10);
        assert!(full.complete);
        assert_eq!(names(&full.pages), ["a.md", "b.md", "c.md"]);
        assert_eq!(
            names(&slots.search_now(&site, "slides", 10).pages),
            ["b.md"]
        );
        assert!(
            slots.quick.lock().expect("lock").is_none(),
            "the quick index is dropped once the full one is built"
        );
    }

    #[test]
    fn the_site_builds_the_full_index_once_for_whoever_claims_it() {
        let (_temp, site) = site_on_disk();
        assert!(!site.search_ready());
        assert!(!site.search_now("clips", 10).complete);
        assert!(site.claim_search_build());
        assert!(!site.claim_search_build(), "only once");
        let clone = site.clone();
        let builder = std::thread::spawn(move || clone.warm_search());
        site.wait_for_search();
        builder.join().expect("built");
        assert!(site.search_ready());
        let answer = site.search_now("clips", 10);
        assert!(answer.complete);
        assert_eq!(
            names(&answer.pages),
            ["c.md", "a.md"],
            "equal scores by title"
        );
        assert_eq!(site.search("clips", 10), answer.pages);
    }

    #[test]
    fn a_large_index_answers_from_memory_quickly() {
        let pages: Vec<PageText> = (0..100_000)
            .map(|i| {
                page(
                    &format!("p{i}.md"),
                    &format!("Page number {i}"),
                    "role partner",
                    "Words about imaging, data and hospitals in the north.",
                )
            })
            .collect();
        let index = SearchIndex::from_pages(pages);
        let start = std::time::Instant::now();
        let hits = index.search("number 99999", 5);
        assert_eq!(hits[0], "p99999.md");
        // Generous for a debug build on a loaded machine; release is far faster.
        assert!(start.elapsed() < std::time::Duration::from_secs(3));
    }
}
