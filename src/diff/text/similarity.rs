//! Similarity: the share of characters a diff keeps, with changes of Unicode normalisation
//! only counted as kept.

use unicode_normalization::UnicodeNormalization;

use super::ops::{OpTag, TextOp};

pub(super) fn similarity_of(old: &str, new: &str, ops: &[TextOp]) -> f64 {
    let mut skip_ws = true;
    let (mut o, mut n) = (count_chars(old, true), count_chars(new, true));
    if o + n == 0 {
        skip_ws = false;
        o = count_chars(old, false);
        n = count_chars(new, false);
    }
    if o + n == 0 {
        return 1.0;
    }
    // The ops tile both texts, so the equal runs hold what the changed ones do not: count
    // the (few) changed characters rather than the (many) kept ones. Equal runs have the same
    // characters on both sides; a change of normalisation only counts as kept.
    let (mut gone, mut came) = (0, 0);
    for op in ops
        .iter()
        .filter(|op| op.tag != OpTag::Equal && !op.normalization_only)
    {
        gone += count_chars(&old[op.old.clone()], skip_ws);
        came += count_chars(&new[op.new.clone()], skip_ws);
    }
    ((o - gone) + (n - came)) as f64 / (o + n) as f64
}

/// Flags `op` when it replaces a text by the same text in another Unicode normalisation.
pub(super) fn flag_normalization(op: &mut TextOp, old: &str, new: &str) {
    let (x, y) = (&old[op.old.clone()], &new[op.new.clone()]);
    op.normalization_only = op.tag == OpTag::Replace
        && x != y
        && !(x.is_ascii() && y.is_ascii())
        && x.nfd().eq(y.nfd());
}

/// Characters of `s`, without whitespace when `skip_ws`. Counts all characters (which the
/// standard library does fast) and subtracts the whitespace, found by its bytes: ASCII
/// whitespace, or a character whose lead byte can start a Unicode space (C2, E1, E2, E3).
pub(super) fn count_chars(s: &str, skip_ws: bool) -> usize {
    let all = s.chars().count();
    if !skip_ws {
        return all;
    }
    let mut ws = 0;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => ws += 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                ws += usize::from(s[i..].chars().next().is_some_and(char::is_whitespace));
            }
            _ => {}
        }
    }
    all - ws
}
