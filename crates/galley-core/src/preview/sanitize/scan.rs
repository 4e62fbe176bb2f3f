//! The fast path of [`Cleaner::clean_into`]: a hand-written reader for raw
//! HTML pieces made of plain markup, which is what pages hold (`<div
//! class="right"><img src="/assets/x.png" alt="Logo" width="40%"/></div>`).
//!
//! It follows the HTML standard's tokenizer (html5ever's, which the slow path
//! runs) for the part of the syntax it accepts: text, named character
//! references (`&nbsp;`, `&amp;`, with the standard's table and its rule for
//! `&` in attribute values), CR/LF normalization, start tags with unquoted,
//! single- or double-quoted attributes (the first of duplicates kept), end
//! tags, and a `<` that starts no tag. Everything else makes it give the whole
//! piece back to the tokenizer (`None`): comments, doctypes, CDATA, `<?`,
//! numeric character references, NUL characters, a leading byte order mark,
//! uppercase attribute names, tags that are unfinished or malformed (`<a
//! href=x"y">`, `<a/b>`, `</p class=x>`), more than [`MAX_ATTRIBUTES`]
//! attributes, and the elements whose content a browser does not read as
//! markup (`<script>`, `<style>`, `<textarea>`, `<iframe>`…), since those
//! change how the rest of the piece is read.
//!
//! Accepted tags go to the same [`Cleaner`] methods the tokenizer's tokens go
//! to, so the allowlist and the address checks are applied in one place. The
//! differential tests in `sanitize/differential_tests.rs` hold the two paths
//! to the same output.

use super::{allowed_tag, escape_text, open_start_tag, raw_text_kind, Cleaner};
use html5ever::data::NAMED_ENTITIES;

/// Attributes one tag may have on the fast path (duplicates are found by
/// comparing with the earlier ones; a tag with more goes to the tokenizer).
const MAX_ATTRIBUTES: usize = 24;

/// Appends the cleaned form of `html` to `out` and returns `Some`, or returns
/// `None` (having written and changed what the caller must undo) when the
/// piece needs the tokenizer. Only called when no `<script>`/`<style>` is open.
pub(super) fn clean_plain(cleaner: &mut Cleaner, html: &str, out: &mut String) -> Option<()> {
    let bytes = html.as_bytes();
    // The tokenizer drops a byte order mark at the start of its input.
    if html.starts_with('\u{feff}') {
        return None;
    }
    let mut at = 0;
    while at < bytes.len() {
        let Some(stop) = bytes[at..]
            .iter()
            .position(|b| matches!(b, b'<' | b'&' | b'\r' | 0))
        else {
            escape_text(out, &html[at..]);
            break;
        };
        let stop = at + stop;
        escape_text(out, &html[at..stop]);
        at = match bytes[stop] {
            b'<' => tag(cleaner, html, stop, out)?,
            b'&' => {
                let (len, decoded) = reference(&html[stop + 1..], false)?;
                match decoded {
                    Some(chars) => {
                        let mut buf = [0u8; 8];
                        escape_text(out, chars.encode(&mut buf));
                    }
                    None => out.push_str("&amp;"),
                }
                stop + 1 + len
            }
            b'\r' => {
                out.push('\n');
                stop + 1 + usize::from(bytes.get(stop + 1) == Some(&b'\n'))
            }
            _ => return None,
        };
    }
    Some(())
}

/// Whitespace inside a tag (CR counts: the tokenizer reads it as a newline).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b' ' | b'\r')
}

fn skip_spaces(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| is_space(*b)) {
        at += 1;
    }
    at
}

/// Where a tag name starting at `at` ends; `None` at the end of the piece or a NUL.
fn name_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        match *bytes.get(at)? {
            0 => return None,
            b'/' | b'>' => return Some(at),
            b if is_space(b) => return Some(at),
            _ => at += 1,
        }
    }
}

/// What a tag name means to the cleaner.
enum Element {
    /// On the allowlist: written out.
    Allowed(&'static str),
    /// Any other element that leaves the tokenizer in its data state: dropped.
    Dropped,
}

/// The element named `name` (as written: ASCII lowercased here, as the
/// tokenizer does), or `None` for elements whose content is not markup.
fn element(name: &str) -> Option<Element> {
    // No allowlisted or raw-text element name is longer than this.
    const LONGEST: usize = 16;
    let mut buf = [0u8; LONGEST];
    let Some(slot) = buf.get_mut(..name.len()) else {
        return Some(Element::Dropped);
    };
    slot.copy_from_slice(name.as_bytes());
    slot.make_ascii_lowercase();
    // Lowercasing ASCII bytes keeps UTF-8 valid; a non-ASCII name is dropped.
    let lower = std::str::from_utf8(slot).unwrap_or("\u{fffd}");
    if let Some(allowed) = allowed_tag(lower) {
        return Some(Element::Allowed(allowed));
    }
    raw_text_kind(lower).is_none().then_some(Element::Dropped)
}

/// Reads the markup starting with the `<` at `lt`; returns where it ends.
fn tag(cleaner: &mut Cleaner, html: &str, lt: usize, out: &mut String) -> Option<usize> {
    let bytes = html.as_bytes();
    match bytes.get(lt + 1) {
        Some(b) if b.is_ascii_alphabetic() => start_tag(cleaner, html, lt + 1, out),
        Some(b'/') => {
            let start = lt + 2;
            if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            let end = name_end(bytes, start)?;
            // Attributes or a `/` on an end tag: rare, left to the tokenizer.
            if bytes[end] != b'>' {
                return None;
            }
            match element(&html[start..end])? {
                Element::Allowed(name) => cleaner.end_tag(name, out),
                // The tokenizer path ends a dropped `<script>` here; none is
                // open on this path, so a stray end tag is simply dropped.
                Element::Dropped => {}
            }
            Some(end + 1)
        }
        // Comments, doctypes, CDATA, processing instructions.
        Some(b'!' | b'?') => None,
        // A `<` that starts no tag is text.
        _ => {
            out.push_str("&lt;");
            Some(lt + 1)
        }
    }
}

/// Reads a start tag whose name begins at `start`; returns where it ends.
fn start_tag(cleaner: &mut Cleaner, html: &str, start: usize, out: &mut String) -> Option<usize> {
    let bytes = html.as_bytes();
    let end = name_end(bytes, start)?;
    let element = match element(&html[start..end])? {
        Element::Allowed(name) => {
            open_start_tag(name, out);
            Some(name)
        }
        Element::Dropped => None,
    };
    let mut seen: [&str; MAX_ATTRIBUTES] = [""; MAX_ATTRIBUTES];
    let mut count = 0;
    let mut at = end;
    let mut decoded = String::new();
    loop {
        at = skip_spaces(bytes, at);
        match *bytes.get(at)? {
            b'>' => {
                at += 1;
                break;
            }
            b'/' if bytes.get(at + 1) == Some(&b'>') => {
                at += 2;
                break;
            }
            b'/' | b'=' => return None,
            _ => {}
        }
        let key_start = at;
        loop {
            match *bytes.get(at)? {
                b'/' | b'>' | b'=' => break,
                b if is_space(b) => break,
                0 | b'"' | b'\'' | b'<' => return None,
                b if b.is_ascii_uppercase() => return None,
                _ => at += 1,
            }
        }
        let key = &html[key_start..at];
        at = skip_spaces(bytes, at);
        let mut value = "";
        if bytes.get(at) == Some(&b'=') {
            at = skip_spaces(bytes, at + 1);
            match *bytes.get(at)? {
                quote @ (b'"' | b'\'') => {
                    let from = at + 1;
                    let len = bytes[from..].iter().position(|b| *b == quote)?;
                    value = &html[from..from + len];
                    at = from + len + 1;
                    // After a quoted value: a space, `/` or `>`, nothing glued on.
                    let next = *bytes.get(at)?;
                    if !(is_space(next) || next == b'/' || next == b'>') {
                        return None;
                    }
                }
                b'>' => return None,
                _ => {
                    let from = at;
                    loop {
                        match *bytes.get(at)? {
                            b'>' => break,
                            b if is_space(b) => break,
                            b'"' | b'\'' | b'<' | b'=' | b'`' => return None,
                            _ => at += 1,
                        }
                    }
                    value = &html[from..at];
                }
            }
        }
        // The first of duplicate attributes counts, as in the tokenizer.
        if seen[..count].contains(&key) {
            continue;
        }
        *seen.get_mut(count)? = key;
        count += 1;
        let Some(name) = element else { continue };
        if value.bytes().any(|b| matches!(b, b'&' | b'\r' | 0)) {
            decoded.clear();
            decode_attribute(value, &mut decoded)?;
            cleaner.attribute(name, key, &decoded, out);
        } else {
            cleaner.attribute(name, key, value, out);
        }
    }
    if let Some(name) = element {
        cleaner.close_start_tag(name, out);
    }
    Some(at)
}

/// An attribute value as the tokenizer reads it: named references decoded
/// (not those the standard leaves alone in attributes), CR/LF normalized.
/// `None` for a NUL or a numeric reference.
fn decode_attribute(value: &str, out: &mut String) -> Option<()> {
    let bytes = value.as_bytes();
    let mut at = 0;
    while let Some(stop) = bytes[at..]
        .iter()
        .position(|b| matches!(b, b'&' | b'\r' | 0))
    {
        let stop = at + stop;
        out.push_str(&value[at..stop]);
        at = match bytes[stop] {
            b'&' => {
                let (len, decoded) = reference(&value[stop + 1..], true)?;
                match decoded {
                    Some(chars) => {
                        let mut buf = [0u8; 8];
                        out.push_str(chars.encode(&mut buf));
                    }
                    None => out.push('&'),
                }
                stop + 1 + len
            }
            b'\r' => {
                out.push('\n');
                stop + 1 + usize::from(bytes.get(stop + 1) == Some(&b'\n'))
            }
            _ => return None,
        };
    }
    out.push_str(&value[at..]);
    Some(())
}

/// The one or two characters a named reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Chars(char, Option<char>);

impl Chars {
    fn encode(self, buf: &mut [u8; 8]) -> &str {
        let first = self.0.len_utf8();
        self.0.encode_utf8(&mut buf[..4]);
        let second = self.1.map_or(0, |c| c.encode_utf8(&mut buf[first..]).len());
        std::str::from_utf8(&buf[..first + second]).unwrap_or("")
    }
}

/// What follows an `&` (`rest`), read as the standard's character reference
/// state does: `(bytes consumed after the &, the characters)`, with no
/// characters when the `&` is just text. `None` for a numeric reference.
///
/// The longest name in the standard's table that `rest` starts with wins
/// (`&notin;` over `&not`); in an attribute, a match without `;` followed by
/// `=` or a letter or digit is left as written (`?a=1&copy=2` stays).
fn reference(rest: &str, in_attribute: bool) -> Option<(usize, Option<Chars>)> {
    let bytes = rest.as_bytes();
    match bytes.first() {
        Some(b'#') => return None,
        Some(b) if b.is_ascii_alphanumeric() => {}
        _ => return Some((0, None)),
    }
    let mut found = None;
    let mut len = 0;
    // The table holds every prefix of every name (as (0, 0)), so the match
    // grows one character at a time until no name continues it.
    while len < bytes.len() && bytes[len].is_ascii() {
        len += 1;
        match NAMED_ENTITIES.get(&rest[..len]) {
            Some(&(first, second)) => {
                if first != 0 {
                    found = Some((len, first, second));
                }
            }
            None => break,
        }
    }
    let Some((len, first, second)) = found else {
        return Some((0, None));
    };
    if in_attribute && bytes[len - 1] != b';' {
        if let Some(next) = bytes.get(len) {
            if *next == b'=' || next.is_ascii_alphanumeric() {
                return Some((0, None));
            }
        }
    }
    let first = char::from_u32(first)?;
    let second = match second {
        0 => None,
        n => Some(char::from_u32(n)?),
    };
    Some((len, Some(Chars(first, second))))
}
