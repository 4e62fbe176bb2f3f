//! A three-way merge of text line by line (diff3), for page bodies.
//!
//! Each side is diffed against the base; the changed regions ("hunks") of both
//! sides are laid over the base. Regions that only one side touched take that
//! side's lines; regions both sides touched take the common text when the two
//! made the same change, and otherwise become a clash for the editor to decide.
//! Lines keep their own endings, so a CRLF page stays CRLF.

use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// A piece of the merged text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Lines agreed on (unchanged, or changed by one side, or the same change on both).
    Text(String),
    /// A region both sides changed differently (line ranges into each side).
    Clash(LineClash),
}

/// The line ranges of a clash in base, mine and theirs (0-based line indexes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineClash {
    pub base: Range<usize>,
    pub mine: Range<usize>,
    pub theirs: Range<usize>,
}

/// A changed region of one side: `base` lines were replaced by `side` lines.
#[derive(Debug, Clone)]
struct Hunk {
    base: Range<usize>,
    side: Range<usize>,
}

/// Splits text into lines that keep their endings (the last may have none).
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The changed regions between `base` and `side`, in order; consecutive
/// non-equal operations form one region.
fn hunks(base: &[&str], side: &[&str]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, base, side) {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (b, s) = (op.old_range(), op.new_range());
        match out.last_mut() {
            Some(last) if last.base.end == b.start && last.side.end == s.start => {
                last.base.end = b.end;
                last.side.end = s.end;
            }
            _ => out.push(Hunk { base: b, side: s }),
        }
    }
    out
}

/// Whether a hunk starting at or after `group.start` belongs to the group.
/// Overlapping regions clash; so do insertions at the edge of another change,
/// because their order relative to it is a guess. Two non-empty changes that
/// merely touch (line 4 and line 5) merge: prose paragraphs edited next to each
/// other are independent far more often than not.
fn joins(group: &Range<usize>, hunk: &Range<usize>) -> bool {
    hunk.start < group.end || (hunk.start == group.end && (hunk.is_empty() || group.is_empty()))
}

/// The lines of one side that stand for base lines `range`, given that side's
/// hunks lying inside the range (in order; empty when the side left it alone).
fn side_range(range: &Range<usize>, inside: &[&Hunk]) -> Option<Range<usize>> {
    let first = inside.first()?;
    let last = inside.last()?;
    let start = first.side.start - (first.base.start - range.start);
    let end = last.side.end + (range.end - last.base.end);
    Some(start..end)
}

/// Merges `mine` and `theirs`, both derived from `base`, line by line.
pub(crate) fn merge_lines(base: &[&str], mine: &[&str], theirs: &[&str]) -> Vec<Piece> {
    let mine_hunks = hunks(base, mine);
    let theirs_hunks = hunks(base, theirs);
    // Tag each hunk with its side (false = mine, true = theirs) and lay them
    // over the base in order; an insertion sorts before a change at the same line.
    let mut all: Vec<(bool, &Hunk)> = mine_hunks
        .iter()
        .map(|h| (false, h))
        .chain(theirs_hunks.iter().map(|h| (true, h)))
        .collect();
    all.sort_by_key(|(_, h)| (h.base.start, h.base.end));

    let mut pieces = Vec::new();
    let mut stable = String::new();
    let mut pos = 0;
    let mut i = 0;
    while i < all.len() {
        let mut group = all[i].1.base.clone();
        let mut members = vec![all[i]];
        i += 1;
        while i < all.len() && joins(&group, &all[i].1.base) {
            group.end = group.end.max(all[i].1.base.end);
            members.push(all[i]);
            i += 1;
        }
        stable.extend(base[pos..group.start].iter().copied());
        pos = group.end;
        let mine_inside: Vec<&Hunk> = members.iter().filter(|m| !m.0).map(|m| m.1).collect();
        let theirs_inside: Vec<&Hunk> = members.iter().filter(|m| m.0).map(|m| m.1).collect();
        let mine_range = side_range(&group, &mine_inside);
        let theirs_range = side_range(&group, &theirs_inside);
        match (mine_range, theirs_range) {
            (Some(m), None) => stable.extend(mine[m].iter().copied()),
            (None, Some(t)) => stable.extend(theirs[t].iter().copied()),
            (Some(m), Some(t)) if mine[m.clone()] == theirs[t.clone()] => {
                stable.extend(mine[m].iter().copied());
            }
            (Some(m), Some(t)) => {
                if !stable.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut stable)));
                }
                pieces.push(Piece::Clash(LineClash {
                    base: group,
                    mine: m,
                    theirs: t,
                }));
            }
            (None, None) => {}
        }
    }
    stable.extend(base[pos..].iter().copied());
    if !stable.is_empty() {
        pieces.push(Piece::Text(stable));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(base: &str, mine: &str, theirs: &str) -> Result<String, Vec<LineClash>> {
        let (b, m, t) = (split_lines(base), split_lines(mine), split_lines(theirs));
        let pieces = merge_lines(&b, &m, &t);
        let clashes: Vec<LineClash> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Clash(c) => Some(c.clone()),
                Piece::Text(_) => None,
            })
            .collect();
        if clashes.is_empty() {
            Ok(pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t,
                    Piece::Clash(_) => String::new(),
                })
                .collect())
        } else {
            Err(clashes)
        }
    }

    #[test]
    fn table() {
        let base = "a\nb\nc\nd\ne\n";
        let ok = |m: &str, t: &str, want: &str| {
            assert_eq!(
                merged(base, m, t).as_deref(),
                Ok(want),
                "mine {m:?} theirs {t:?}"
            );
        };
        ok(base, base, base);
        ok("A\nb\nc\nd\ne\n", base, "A\nb\nc\nd\ne\n");
        ok(base, "a\nb\nc\nd\nE\n", "a\nb\nc\nd\nE\n");
        ok("A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "A\nb\nc\nd\nE\n");
        // Neighbouring lines changed by different sides merge.
        ok("A\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\n", "A\nB\nc\nd\ne\n");
        // The same change on both sides is no clash.
        ok("a\nX\nc\nd\ne\n", "a\nX\nc\nd\ne\n", "a\nX\nc\nd\ne\n");
        // Deletion on one side, change elsewhere on the other.
        ok("a\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "a\nc\nd\nE\n");
        // Appends at the end on one side only.
        ok(
            "a\nb\nc\nd\ne\nf\n",
            "A\nb\nc\nd\ne\n",
            "A\nb\nc\nd\ne\nf\n",
        );

        let clash = merged(base, "a\nMINE\nc\nd\ne\n", "a\nTHEIRS\nc\nd\ne\n").expect_err("clash");
        assert_eq!(
            clash,
            vec![LineClash {
                base: 1..2,
                mine: 1..2,
                theirs: 1..2
            }]
        );
        // Both insert at the same place: the order is a guess, so ask.
        let clash = merged(base, "a\nb\nM\nc\nd\ne\n", "a\nb\nT\nc\nd\ne\n").expect_err("clash");
        assert_eq!(clash[0].base, 2..2);
        // A deletion against an edit of the same line.
        assert!(merged(base, "a\nc\nd\ne\n", "a\nB\nc\nd\ne\n").is_err());
    }

    #[test]
    fn line_endings_and_missing_final_newline_are_kept() {
        let base = "a\r\nb\r\nc";
        assert_eq!(
            merged(base, "A\r\nb\r\nc", "a\r\nb\r\nC").as_deref(),
            Ok("A\r\nb\r\nC")
        );
    }
}
