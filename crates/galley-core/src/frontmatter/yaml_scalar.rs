//! What an unquoted YAML word means in each dialect, and how to write a value so it
//! reads back as the same value.
//!
//! Resolution is done here rather than by a YAML library because the two generators
//! disagree: Jekyll's Psych reads `yes`, `on`, `010` (octal 8) and `1,000` differently
//! from a YAML 1.2 reader. The writer quotes a text whenever *either* dialect would read
//! the plain word as something else, so a page stays correct if the site moves between
//! generators.

use super::value::{format_float, Value};
use super::Dialect;

/// The typed value of a plain (unquoted) scalar in `dialect`.
pub fn resolve_plain(text: &str, dialect: Dialect) -> Value {
    match dialect {
        Dialect::Yaml11 => resolve_11(text),
        Dialect::Yaml12 => resolve_12(text),
    }
}

/// Psych's `ScalarScanner#tokenize`, the reader Jekyll uses.
fn resolve_11(s: &str) -> Value {
    if s.is_empty() {
        return Value::Null;
    }
    if psych_wordlike(s) {
        if s.chars().count() > 5 {
            return text(s);
        }
        let lower = s.to_ascii_lowercase();
        return match lower.as_str() {
            "~" | "null" => Value::Null,
            "yes" | "true" | "on" => Value::Bool(true),
            "no" | "false" | "off" => Value::Bool(false),
            _ => text(s),
        };
    }
    if let Some(v) = timestamp(s, false) {
        return v;
    }
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        ".inf" | "+.inf" => return Value::Float(f64::INFINITY),
        "-.inf" => return Value::Float(f64::NEG_INFINITY),
        ".nan" => return Value::Float(f64::NAN),
        _ => {}
    }
    if s.starts_with(':') {
        // A Ruby symbol; Liquid prints it without the colon, but it is text either way.
        return text(s);
    }
    if let Some(v) = sexagesimal(s) {
        return v;
    }
    if psych_float(s) {
        let cleaned: String = s.chars().filter(|c| *c != ',' && *c != '_').collect();
        return cleaned
            .parse::<f64>()
            .map_or_else(|_| text(s), Value::Float);
    }
    if let Some(i) = psych_int(s) {
        return Value::Int(i);
    }
    text(s)
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// Psych's first test, `^[^\d.:-]?[[:alpha:]_\s!@#$%^&*(){}<>|/\\~;=]+`: words that
/// can only be text, null or a boolean.
fn psych_wordlike(s: &str) -> bool {
    let class = |c: char| {
        c.is_alphabetic() || c == '_' || c.is_whitespace() || "!@#$%^&*(){}<>|/\\~;=".contains(c)
    };
    let mut chars = s.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some(a), _) if class(a) => true,
        (Some(a), Some(b)) => !(a.is_ascii_digit() || ".:-".contains(a)) && class(b),
        _ => false,
    }
}

/// Psych's FLOAT: `^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$`, not a lone `.`.
fn psych_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits_start = i;
    if i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_' || b[i] == b',') {
            i += 1;
        }
    }
    let had_digits = i > digits_start;
    if b.get(i) != Some(&b'.') {
        return false;
    }
    i += 1;
    let frac_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if !had_digits && i == frac_start && i == b.len() {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if !matches!(b.get(i), Some(b'+' | b'-')) {
            return false;
        }
        i += 1;
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// Psych's legacy INTEGER (commas allowed): binary, leading-zero octal, decimal, hex.
fn psych_int(s: &str) -> Option<i64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let strip = |t: &str| -> String { t.chars().filter(|c| *c != '_' && *c != ',').collect() };
    let all = |t: &str, ok: fn(char) -> bool| t.chars().all(|c| ok(c) || c == '_' || c == ',');
    let (radix, digits) = if let Some(rest) = body.strip_prefix("0b") {
        if !all(rest, |c| c == '0' || c == '1') {
            return None;
        }
        (2, strip(rest))
    } else if let Some(rest) = body.strip_prefix("0x") {
        if !all(rest, |c| c.is_ascii_hexdigit()) {
            return None;
        }
        (16, strip(rest))
    } else if body == "0" {
        (10, "0".to_owned())
    } else if let Some(rest) = body.strip_prefix('0') {
        if !all(rest, |c| ('0'..='7').contains(&c)) {
            return None;
        }
        (8, strip(rest))
    } else {
        // [1-9](?:[0-9]|,[0-9]|_[0-9])*
        let b = body.as_bytes();
        if !matches!(b.first(), Some(b'1'..=b'9')) {
            return None;
        }
        let mut i = 1;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                i += 1;
            } else if (b[i] == b',' || b[i] == b'_') && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                i += 2;
            } else {
                return None;
            }
        }
        (10, strip(body))
    };
    if digits.is_empty() {
        return None;
    }
    let magnitude = i64::from_str_radix(&digits, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// Psych's base-60 numbers (`1:30` is 90): a surprise for event times, but what Jekyll sees.
fn sexagesimal(s: &str) -> Option<Value> {
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') => (-1, &s[1..]),
        Some(b'+') => (1, &s[1..]),
        _ => (1, s),
    };
    let parts: Vec<&str> = body.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let head = parts[0];
    if !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let last = parts[parts.len() - 1];
    let (last_int, fraction) = match last.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (last, None),
    };
    let small = |p: &str| {
        (1..=2).contains(&p.len())
            && p.chars().all(|c| c.is_ascii_digit())
            && (p.len() == 1 || p.as_bytes()[0] <= b'5')
    };
    if !parts[1..parts.len() - 1].iter().all(|p| small(p)) || !small(last_int) {
        return None;
    }
    if let Some(f) = fraction {
        if !f.chars().all(|c| c.is_ascii_digit() || c == '_') {
            return None;
        }
    }
    let mut total: i64 = 0;
    let head_digits: String = head.chars().filter(|c| *c != '_').collect();
    total = total.checked_add(head_digits.parse::<i64>().ok()?)?;
    for p in &parts[1..parts.len() - 1] {
        total = total.checked_mul(60)?.checked_add(p.parse::<i64>().ok()?)?;
    }
    total = total
        .checked_mul(60)?
        .checked_add(last_int.parse::<i64>().ok()?)?;
    match fraction {
        None => Some(Value::Int(sign * total)),
        Some(f) => {
            let digits: String = f.chars().filter(|c| *c != '_').collect();
            let frac = format!("0.{digits}").parse::<f64>().unwrap_or(0.0);
            Some(Value::Float(sign as f64 * (total as f64 + frac)))
        }
    }
}

/// YAML 1.2 core schema, plus dates and timestamps (Hugo reads those as dates).
fn resolve_12(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(v) = timestamp(s, true) {
        return v;
    }
    if let Some(rest) = s.strip_prefix("0o") {
        if !rest.is_empty() && rest.chars().all(|c| ('0'..='7').contains(&c)) {
            return i64::from_str_radix(rest, 8).map_or_else(|_| text(s), Value::Int);
        }
    }
    if let Some(rest) = s.strip_prefix("0x") {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()) {
            return i64::from_str_radix(rest, 16).map_or_else(|_| text(s), Value::Int);
        }
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !unsigned.is_empty() && unsigned.chars().all(|c| c.is_ascii_digit()) {
        return s.parse::<i64>().map_or_else(|_| text(s), Value::Int);
    }
    if core_float(unsigned) {
        return s.parse::<f64>().map_or_else(|_| text(s), Value::Float);
    }
    text(s)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (sign already removed).
fn core_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if int_digits == 0 && i == f {
            return false;
        }
    } else if int_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let e = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return false;
        }
    }
    i == b.len()
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Whether year-month-day names a real day (Psych's `strptime` refuses the others).
fn valid_date(y: &str, m: &str, d: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// A date (`2024-01-31`) or a timestamp (`2024-01-31 10:00:00 +01:00`). `strict` asks
/// for two-digit months and days, as YAML 1.2 readers do; Psych accepts one digit.
fn timestamp(s: &str, strict: bool) -> Option<Value> {
    let (min, max) = if strict { (2, 2) } else { (1, 2) };
    let date_end = s.find(['T', 't', ' ', '\t']).unwrap_or(s.len());
    let date = &s[..date_end];
    let mut parts = date.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if !digits(y, 4, 4) || !digits(m, min, max) || !digits(d, min, max) {
        return None;
    }
    if date_end == s.len() {
        return valid_date(y, m, d).then(|| Value::Date(s.to_owned()));
    }
    // Time: (T|t|blanks) h?h:mm:ss(.frac)? (blanks* (Z | ±h?h(:?mm)?))?
    let rest = &s[date_end..];
    let rest = match rest.strip_prefix(['T', 't']) {
        Some(r) => r,
        None => {
            let trimmed = rest.trim_start_matches([' ', '\t']);
            if trimmed.len() == rest.len() {
                return None;
            }
            trimmed
        }
    };
    let time_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    let (hms, frac) = match time.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (time, None),
    };
    let mut hms = hms.split(':');
    let (h, mi, se) = (hms.next()?, hms.next()?, hms.next()?);
    if hms.next().is_some() || !digits(h, 1, 2) || !digits(mi, 2, 2) || !digits(se, 2, 2) {
        return None;
    }
    if frac.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let zone = zone.trim_start_matches([' ', '\t']);
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || zone.strip_prefix(['+', '-']).is_some_and(|z| {
            let (zh, zm) = match z.split_once(':') {
                Some((a, b)) => (a, Some(b)),
                None if z.len() > 2 => (&z[..z.len() - 2], Some(&z[z.len() - 2..])),
                None => (z, None),
            };
            digits(zh, 1, 2) && zm.is_none_or(|m| digits(m, 2, 2))
        });
    (zone_ok && valid_date(y, m, d)).then(|| Value::DateTime(s.to_owned()))
}

/// Whether `text` can be written without quotes and read back as this same text by
/// both dialects. `in_flow` adds the characters that end an item inside `[…]`/`{…}`.
pub fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']) {
        return false;
    }
    if text
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{85}' | '\u{2028}' | '\u{2029}'))
    {
        return false;
    }
    if "[]{},#&*!|>'\"%@`".contains(first) || text.starts_with("---") || text.starts_with("...") {
        return false;
    }
    if matches!(first, '-' | '?' | ':') {
        let second = text.chars().nth(1);
        if second.is_none_or(|c| c == ' ' || c == '\t') || first == ':' {
            return false;
        }
    }
    if text.contains(": ") || text.ends_with(':') || text.contains(" #") || text.contains("\t#") {
        return false;
    }
    if in_flow && text.contains(['[', ']', '{', '}', ',']) {
        return false;
    }
    if text == "<<" || text == "=" {
        return false;
    }
    let as_text = Value::String(text.to_owned());
    resolve_plain(text, Dialect::Yaml11) == as_text
        && resolve_plain(text, Dialect::Yaml12) == as_text
}

/// `text` in double quotes, escaping what must be escaped (works for any text).
pub fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` in single quotes, or `None` when it holds characters single quotes cannot
/// carry unchanged (line breaks, control characters).
pub fn single_quoted(text: &str) -> Option<String> {
    if text
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{85}' | '\u{2028}' | '\u{2029}'))
    {
        return None;
    }
    Some(format!("'{}'", text.replace('\'', "''")))
}

/// How an existing text value was quoted, so an edit can keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteStyle {
    /// No quotes.
    Plain,
    /// `'…'`
    Single,
    /// `"…"`
    Double,
}

/// A one-line text written so both dialects read it back unchanged: in the previous
/// quote style when that still works, else plain when safe, else double quotes.
pub fn write_text_inline(text: &str, previous: QuoteStyle, in_flow: bool) -> String {
    match previous {
        QuoteStyle::Double => double_quoted(text),
        QuoteStyle::Single => single_quoted(text).unwrap_or_else(|| double_quoted(text)),
        QuoteStyle::Plain if is_plain_safe(text, in_flow) => text.to_owned(),
        QuoteStyle::Plain => double_quoted(text),
    }
}

/// A field name as it must appear before the `:`.
pub fn write_key(key: &str) -> String {
    if is_plain_safe(key, false) && !key.contains(['\n', '[', ']', '{', '}', ',']) {
        key.to_owned()
    } else {
        double_quoted(key)
    }
}

/// A multi-line text as a literal block scalar: the header (`|`, `|-`, `|+`, or `>`/`>-`
/// when `folded` and the text is one line) and the content lines without indentation.
///
/// Readers take the block's indentation from its first non-empty line, so when that line
/// starts with a space (`"\n  code"`) the header carries an indentation indicator
/// ([`BLOCK_INDENT`], e.g. `|2-`): the content is then written that many columns
/// deeper than its parent (the key's column, or the `-` of a list item). A writer that
/// indents the content differently rewrites the digit with [`with_indent_indicator`].
///
/// Trailing line breaks choose the chomping: none `-`, one (clip), more `+`. Leading empty
/// lines are kept as empty lines.
///
/// `None` when a block cannot carry the text unchanged: control characters (`\r`
/// included), a line starting with a tab, a line of only blanks (an editor or reader
/// may take it for an empty line): write it double-quoted then.
pub fn block_scalar(text: &str, folded: bool) -> Option<(String, Vec<String>)> {
    if text.is_empty()
        || text.chars().any(|c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{feff}' | '\u{85}' | '\u{2028}' | '\u{2029}')
        })
    {
        return None;
    }
    let body = text.trim_end_matches('\n');
    let trailing = text.len() - body.len();
    if body.is_empty() {
        return None;
    }
    let lines: Vec<&str> = body.split('\n').collect();
    for line in &lines {
        if line.starts_with('\t') || (!line.is_empty() && line.trim().is_empty()) {
            return None;
        }
    }
    let needs_indicator = lines
        .iter()
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with(' '));
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    for _ in 1..trailing {
        out.push(String::new());
    }
    let header = if needs_indicator {
        format!("|{BLOCK_INDENT}{chomp}")
    } else if folded && lines.len() == 1 && trailing <= 1 {
        format!(">{chomp}")
    } else {
        format!("|{chomp}")
    };
    Some((header, out))
}

/// How many columns deeper than its parent a block scalar's content is written by
/// default; the indentation indicator [`block_scalar`] puts in a header.
pub const BLOCK_INDENT: usize = 2;

/// The block scalar `header` with its indentation indicator set to `indent` (the content's
/// columns beyond its parent's), or `None` when it cannot be one digit (1 to 9). A header
/// without an indicator is returned unchanged.
pub fn with_indent_indicator(header: &str, indent: usize) -> Option<String> {
    if !header.contains(|c: char| c.is_ascii_digit()) {
        return Some(header.to_owned());
    }
    if !(1..=9).contains(&indent) {
        return None;
    }
    Some(
        header
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from(b'0' + indent as u8)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A boolean in the spelling family of `previous` (`yes/no`, `on/off`, `true/false`,
/// keeping its capitalisation), so toggling `hidden: yes` writes `no`, not `false`.
pub fn write_bool(value: bool, previous: Option<&str>, dialect: Dialect) -> String {
    let prev = previous.unwrap_or("true");
    let lower = prev.to_ascii_lowercase();
    let family = match lower.as_str() {
        "yes" | "no" if dialect == Dialect::Yaml11 => ("yes", "no"),
        "on" | "off" if dialect == Dialect::Yaml11 => ("on", "off"),
        _ => ("true", "false"),
    };
    let word = if value { family.0 } else { family.1 };
    if prev.len() > 1 && prev.chars().all(|c| c.is_ascii_uppercase()) {
        word.to_ascii_uppercase()
    } else if prev.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |f| {
            f.to_ascii_uppercase().to_string() + chars.as_str()
        })
    } else {
        word.to_owned()
    }
}

/// A number or date written plain; `None` for text, lists and maps.
pub fn write_plain_non_text(value: &Value) -> Option<String> {
    match value {
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(format_float(*f)),
        Value::Date(s) | Value::DateTime(s) => Some(s.clone()),
        _ => None,
    }
}
