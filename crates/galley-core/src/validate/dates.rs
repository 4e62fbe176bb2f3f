//! Dates that cannot exist, and comparing dates written at different precisions.
//!
//! The engine reads `2023-02-30` as text (no YAML reader takes it as a date), so a
//! typo in a date silently becomes a string and the page sorts wrongly or the
//! generator stops. These checks find such values among the text fields.

use crate::frontmatter::Value;
use crate::words::{Say, Words};

/// Why a date-shaped text is not a real date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// In words, completing "the value is …": "which has no month 0".
    pub reason: String,
    /// The whole sentence as a code, with the month, year and days it names;
    /// the caller adds the `field` and `value` (see [`Say::NoSuchMonth`]).
    pub words: Words,
}

/// The months' English names, as dates are spelled out in messages and in
/// Hugo's `:monthname` addresses.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `(year, month, day)` from text starting with `YYYY-M(M)-D(D)` followed by nothing,
/// a time (`T`, ` `) or a zone; `None` when the text is not date-shaped at all.
fn date_parts(text: &str) -> Option<(i64, u32, u32)> {
    let t = text.trim();
    let mut parts = t.splitn(3, '-');
    let y = parts.next()?;
    let m = parts.next()?;
    let rest = parts.next()?;
    let d_len = rest.chars().take_while(char::is_ascii_digit).count();
    let d = &rest[..d_len];
    let after = &rest[d_len..];
    let shaped = y.len() == 4
        && y.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&m.len())
        && m.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&d.len())
        && (after.is_empty() || after.starts_with(['T', 't', ' ', '\t']));
    if !shaped {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// Checks text that looks like a date (`2023-02-30`, `2022-00-00 10:00`); `None` when it
/// is a real date or does not look like one.
pub fn check_date_text(text: &str) -> Option<DateProblem> {
    let (year, month, day) = date_parts(text)?;
    let (reason, words) = if !(1..=12).contains(&month) {
        (
            format!("which has no month {month}"),
            Say::NoSuchMonth.words().with("number", month),
        )
    } else if day == 0 {
        ("which has no day 0".to_owned(), Say::NoDayZero.words())
    } else if day > days_in(year, month) {
        (
            format!(
                "but {} {year} has only {} days",
                MONTH_NAMES[month as usize - 1],
                days_in(year, month)
            ),
            Say::DayPastMonth
                .words()
                .with("month", month)
                .with("year", year)
                .with("days", days_in(year, month)),
        )
    } else {
        return None;
    };
    Some(DateProblem { reason, words })
}

/// A point or span in time as precise as it was written: a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    year: i64,
    /// `None` for a bare year, which covers the whole year.
    day: Option<(u32, u32)>,
}

impl Moment {
    /// Reads a year (`2017`), date or date-time value; `None` for anything else.
    pub fn of(value: &Value) -> Option<Moment> {
        match value {
            Value::Int(y) if (1000..=9999).contains(y) => Some(Moment {
                year: *y,
                day: None,
            }),
            Value::Date(s) | Value::DateTime(s) | Value::String(s) => {
                let (year, month, day) = date_parts(s)?;
                check_date_text(s).is_none().then_some(Moment {
                    year,
                    day: Some((month, day)),
                })
            }
            _ => None,
        }
    }

    /// Whether `self` ends before `other` begins, compared at the coarser precision
    /// (an end of `2020` is not before a start of `2020-05-01`).
    pub fn before(&self, other: &Moment) -> bool {
        match (self.day, other.day) {
            (Some(a), Some(b)) => (self.year, a) < (other.year, b),
            _ => self.year < other.year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates() {
        assert!(check_date_text("2022-00-00").is_some());
        assert!(check_date_text("2023-02-30").is_some());
        assert!(check_date_text("2023-13-01").is_some());
        assert!(check_date_text("2024-02-29").is_none());
        assert!(check_date_text("2100-02-29").is_some());
        assert!(check_date_text("2023-02-28 10:00:00 +0100").is_none());
        assert!(check_date_text("2023-04-31T10:00").is_some());
        assert!(check_date_text("hello").is_none());
        assert!(check_date_text("12-34-5678").is_none());
        assert!(check_date_text("2023-02-30x").is_none());
    }

    #[test]
    fn moments_compare_at_the_coarser_precision() {
        let y2020 = Moment::of(&Value::Int(2020)).expect("year");
        let may = Moment::of(&Value::Date("2020-05-01".into())).expect("date");
        let jan21 = Moment::of(&Value::Date("2021-01-01".into())).expect("date");
        assert!(!y2020.before(&may));
        assert!(!may.before(&y2020));
        assert!(may.before(&jan21));
        assert!(y2020.before(&jan21));
        assert!(Moment::of(&Value::Int(3)).is_none());
    }
}
