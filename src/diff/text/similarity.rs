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

/// Characters of `s`, without whitespace when `skip_ws`: the bytes that start a character,
/// less the whitespace, found by its bytes (ASCII whitespace, and the few Unicode spaces,
/// all of whose encodings start with C2, E1, E2 or E3), in blocks of 64 bytes that the
/// compiler can vectorise; a block with one of those lead bytes is looked at closer.
pub(super) fn count_chars(s: &str, skip_ws: bool) -> usize {
    let bytes = s.as_bytes();
    if !skip_ws {
        return s.chars().count();
    }
    let blocks = bytes.chunks_exact(64);
    let rest = blocks.remainder();
    let mut n = 0;
    for (k, block) in blocks.enumerate() {
        let (kept, lead) = block_counts(block);
        n += kept;
        if lead {
            n -= unicode_spaces(bytes, k * 64..k * 64 + 64);
        }
    }
    // The rest as a block too, padded with zero bytes (each of which starts a character).
    let at = bytes.len() - rest.len();
    let mut padded = [0u8; 64];
    padded[..rest.len()].copy_from_slice(rest);
    let (kept, lead) = block_counts(&padded);
    n += kept - (64 - rest.len());
    if lead {
        n -= unicode_spaces(bytes, at..bytes.len());
    }
    n
}

/// The characters that start in `block` less its ASCII whitespace (at most 64), and whether
/// it has a lead byte of a Unicode space ([`count_chars`]).
#[inline(always)]
fn block_counts(block: &[u8]) -> (usize, bool) {
    // Per byte: 1 if it starts a character, less 1 if it is ASCII whitespace; and whether it
    // is one of the lead bytes of a Unicode space.
    let (kept, lead) = block.iter().fold((0u8, 0u8), |(kept, lead), &b| {
        let start = u8::from((b as i8) >= -0x40);
        let ws = u8::from(b == b' ' || b.wrapping_sub(b'\t') < 5);
        let l = u8::from(b == 0xC2 || b.wrapping_sub(0xE1) < 3);
        (kept + start - ws, lead | l)
    });
    (usize::from(kept), lead != 0)
}

/// The non-ASCII whitespace characters starting in `bytes[r]`.
fn unicode_spaces(bytes: &[u8], r: std::ops::Range<usize>) -> usize {
    r.filter(|&i| {
        let b = bytes[i];
        (b == 0xC2 || b.wrapping_sub(0xE1) < 3) && is_unicode_space(&bytes[i..])
    })
    .count()
}

/// Whether `s` starts with the UTF-8 encoding of a non-ASCII whitespace character (U+0085,
/// U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: the
/// `White_Space` characters of `char::is_whitespace` outside ASCII).
pub(super) fn is_unicode_space(s: &[u8]) -> bool {
    matches!(
        s,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}
