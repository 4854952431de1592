//! Tokens: the granularity of a diff, tokens made of whole grapheme clusters, and the word or
//! character diff inside a run of changed lines.

use std::fmt;
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::cleanup::{push_cleaned, push_merged};
use super::ops::TextOp;
use super::step;
use crate::diff::search::{Budget, diff_ids};
use crate::model::{Lang, is_cjk_letter};

/// The unit a text diff compares inside changed lines.
///
/// ```
/// use lexgap::diff::Granularity;
/// use lexgap::model::Lang;
///
/// assert_eq!(Granularity::for_lang(&Lang::new("zh")?), Granularity::Chars);
/// assert_eq!(Granularity::for_lang(&Lang::new("en")?), Granularity::Words);
/// assert_eq!(Granularity::detect("不得用于其他目的"), Granularity::Chars);
/// assert_eq!(Granularity::detect("shall not be used"), Granularity::Words);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Granularity {
    /// Words, runs of whitespace and single punctuation marks (spaced scripts). A Chinese,
    /// Japanese or Korean character inside such a text is a token of its own. Combining marks
    /// stay with the character before them.
    Words,
    /// Single characters (Chinese, Japanese, Korean: a sentence has no spaces, so a word diff
    /// would see it as one token); more exactly, single grapheme clusters, so that a letter
    /// and its combining accents are one token.
    Chars,
}
impl Granularity {
    /// Characters for Chinese, Japanese and Korean, words for every other language.
    pub fn for_lang(lang: &Lang) -> Granularity {
        if lang.is_cjk() {
            Granularity::Chars
        } else {
            Granularity::Words
        }
    }

    /// Chooses by script: characters when more than a third of the letters are Chinese,
    /// Japanese or Korean, words otherwise.
    pub fn detect(text: &str) -> Granularity {
        Granularity::detect_pair(text, "")
    }

    /// [`detect`](Granularity::detect) of `a` and `b` together. It reads them a block at a
    /// time and stops as soon as the rest cannot change the answer: a letter takes a byte at
    /// least, a Chinese, Japanese or Korean one three (all are past U+0800), so `left` bytes
    /// add at most `left / 3` of those, or `left` letters of other scripts.
    pub(crate) fn detect_pair(a: &str, b: &str) -> Granularity {
        let (mut cjk, mut letters) = (0usize, 0usize);
        let mut left = a.len() + b.len();
        for s in [a, b] {
            let mut rest = s;
            while !rest.is_empty() {
                let mut cut = rest.len().min(DETECT_BLOCK);
                while !rest.is_char_boundary(cut) {
                    cut += 1;
                }
                let (block, tail) = rest.split_at(cut);
                let (c, l) = count_letters(block);
                cjk += c;
                letters += l;
                left -= block.len();
                rest = tail;
                if 3 * cjk + 2 * (left / 3) <= letters {
                    return Granularity::Words;
                }
                if 3 * cjk > letters + left {
                    return Granularity::Chars;
                }
            }
        }
        if cjk * 3 > letters {
            Granularity::Chars
        } else {
            Granularity::Words
        }
    }
}

/// How many bytes [`Granularity::detect_pair`] reads before it checks whether the rest can
/// still change its answer.
const DETECT_BLOCK: usize = 16 * 1024;

/// The Chinese, Japanese and Korean letters of `s`, and all its letters and digits: ASCII
/// blocks of 64 bytes at once, other blocks character by character.
fn count_letters(s: &str) -> (usize, usize) {
    let (mut cjk, mut letters) = (0usize, 0usize);
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + 64).min(bytes.len());
        let block = &bytes[at..end];
        if let Ok(block) = <&[u8; 64]>::try_from(block) {
            // Per byte: whether it is not ASCII, and whether it is an ASCII letter or digit.
            let (high, alnum) = block.iter().fold((0u8, 0u8), |(high, alnum), &b| {
                let letter = (b | 0x20).wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10;
                (high | (b & 0x80), alnum + u8::from(letter))
            });
            if high == 0 {
                letters += usize::from(alnum);
                at = end;
                continue;
            }
        }
        // `at` is a character boundary: read characters to the first boundary at or past `end`.
        let mut next = bytes.len();
        for (i, c) in s[at..].char_indices() {
            if i >= end - at {
                next = at + i;
                break;
            }
            if c.is_ascii() {
                letters += usize::from(c.is_ascii_alphanumeric());
            } else if is_cjk_letter(c) {
                cjk += 1;
                letters += 1;
            } else if c.is_alphanumeric() {
                letters += 1;
            }
        }
        at = next;
    }
    (cjk, letters)
}

impl fmt::Display for Granularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Granularity::Words => "words",
            Granularity::Chars => "chars",
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Single,
}

fn class_of(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    if c.is_whitespace() {
        Class::Space
    } else if is_cjk_letter(c) {
        Class::Single
    } else if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else {
        Class::Single
    }
}

/// How many bytes of text without a safe cut are segmented at once, at least.
const GRAPHEME_WINDOW: usize = 4096;

/// Whether a grapheme cluster always ends between `prev` and `c`: between two ASCII
/// characters other than CR LF, and between two Han characters (no rule of UAX #29 joins
/// them). The text is cut there into pieces, each segmented on its own, so that segmenting
/// needs memory for one piece only, and ASCII pieces need no segmenting at all.
fn safe_cut(prev: char, c: char) -> bool {
    let han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    (prev.is_ascii() && c.is_ascii() && !(prev == '\r' && c == '\n')) || (han(prev) && han(c))
}

/// Cuts `s` at safe cuts ([`safe_cut`]) into pieces, in order, and calls `f` with each and
/// whether it is ASCII: the ASCII stretches whole, but for their last character when a
/// non-ASCII character follows (a combining mark joins it); each other piece from there to
/// the first safe cut past its non-ASCII characters, or past [`GRAPHEME_WINDOW`] bytes.
fn for_each_piece<'s>(s: &'s str, mut f: impl FnMut(&'s str, bool)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let Some(p) = first_non_ascii(&bytes[start..]) else {
            f(&s[start..], true);
            return;
        };
        let p = start + p;
        // Keep the ASCII character before `p` (and a CR before it) with the piece after.
        let mut cut = p.saturating_sub(1).max(start);
        if cut > start && bytes[cut - 1] == b'\r' && bytes[cut] == b'\n' {
            cut -= 1;
        }
        if cut > start {
            f(&s[start..cut], true);
            start = cut;
        }
        let mut end = bytes.len();
        let mut prev: Option<char> = None;
        for (i, c) in s[start..].char_indices() {
            let i = start + i;
            if let Some(pc) = prev
                && ((i > p && pc.is_ascii() && c.is_ascii() && !(pc == '\r' && c == '\n'))
                    || (i - start >= GRAPHEME_WINDOW && safe_cut(pc, c)))
            {
                end = i;
                break;
            }
            prev = Some(c);
        }
        f(&s[start..end], false);
        start = end;
    }
}

/// Where the first byte past ASCII is in `bytes`: blocks of 32 bytes at once (which the
/// compiler vectorises), then byte by byte in the block that has one.
pub(super) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let blocks = bytes.chunks_exact(32);
    let tail = blocks.remainder();
    for (k, block) in blocks.enumerate() {
        if block.iter().fold(0, |high, &b| high | b) >= 0x80 {
            return block.iter().position(|b| !b.is_ascii()).map(|i| 32 * k + i);
        }
    }
    let at = bytes.len() - tail.len();
    tail.iter().position(|b| !b.is_ascii()).map(|i| at + i)
}

/// Calls `f` with each grapheme cluster of `s`, in order.
#[cfg(test)]
pub(super) fn for_each_grapheme<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
    for_each_piece(s, |piece, ascii| {
        if ascii {
            ascii_clusters(piece, &mut f);
        } else {
            piece.graphemes(true).for_each(&mut f);
        }
    });
}

/// The grapheme clusters of an ASCII text: every character, but CR LF.
#[cfg(test)]
fn ascii_clusters<'s>(w: &'s str, f: &mut impl FnMut(&'s str)) {
    let bytes = w.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let len = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        f(&w[i..i + len]);
        i += len;
    }
}

/// The class of each ASCII character in a word diff ([`class_of`] for ASCII).
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Single; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_whitespace() || c == 0x0B {
            Class::Space
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            Class::Word
        } else {
            Class::Single
        };
        i += 1;
    }
    t
};

/// How many bytes of ASCII text [`token_ends`] cuts into words at once.
const ASCII_BLOCK: usize = 256;

/// [`ASCII_CLASS`] as numbers, for every byte (those past ASCII never occur in ASCII text).
const BYTE_CLASS: [u8; 256] = {
    let mut t = [Class::Single as u8; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = ASCII_CLASS[i] as u8;
        i += 1;
    }
    t
};

/// No token yet, in [`token_ends`]'s ASCII loop (the other values are [`Class`]es).
const NO_CLASS: u8 = 3;

/// Whether a token ends between an ASCII character of class `prev` (or [`NO_CLASS`]) and one
/// of class `next`, at `4 * prev + next`: between two classes, and after a single character.
const ASCII_CUT: [bool; 16] = {
    let mut t = [false; 16];
    let mut prev = 0;
    while prev < 3 {
        let mut next = 0;
        while next < 3 {
            t[4 * prev + next] = prev != next || next == Class::Single as usize;
            next += 1;
        }
        prev += 1;
    }
    t
};

/// The end of each token of `s` (single grapheme clusters, or words, runs of whitespace and
/// other clusters on their own), offset by `base`.
pub(super) fn token_ends(s: &str, granularity: Granularity, base: usize, ends: &mut Vec<usize>) {
    let mut current: Option<Class> = None;
    let mut at = base;
    for_each_piece(s, |piece, ascii| {
        if ascii {
            // Every ASCII character is a cluster of its own, but CR LF (never cut apart).
            let bytes = piece.as_bytes();
            match granularity {
                Granularity::Words => {
                    // A word diff of ASCII text: a cut wherever `ASCII_CUT` says. Cuts come
                    // every few bytes, at random to a branch predictor, so each byte's
                    // position is written and kept or not without a branch, a block of bytes
                    // at a time, into room on the stack (set up once, not zeroed per block);
                    // what is kept is then appended.
                    let mut prev = current.map_or(NO_CLASS, |c| c as u8);
                    let mut room = [0usize; ASCII_BLOCK];
                    for (k, block) in bytes.chunks(ASCII_BLOCK).enumerate() {
                        let mut kept = 0;
                        let block_at = at + k * ASCII_BLOCK;
                        for (i, &byte) in block.iter().enumerate() {
                            let class = BYTE_CLASS[usize::from(byte)];
                            room[kept] = block_at + i;
                            kept += usize::from(ASCII_CUT[usize::from((4 * prev + class) & 15)]);
                            prev = class;
                        }
                        ends.extend_from_slice(&room[..kept]);
                    }
                    if let Some(&last) = bytes.last() {
                        current = Some(ASCII_CLASS[usize::from(last)]);
                    }
                }
                Granularity::Chars => {
                    for (i, &byte) in bytes.iter().enumerate() {
                        if byte == b'\n' && i > 0 && bytes[i - 1] == b'\r' {
                            continue;
                        }
                        if current.is_some() {
                            ends.push(at + i);
                        }
                        current = Some(Class::Single);
                    }
                }
            }
        } else {
            let mut g_at = at;
            for g in piece.graphemes(true) {
                let class = match granularity {
                    Granularity::Chars => Class::Single,
                    Granularity::Words => g.chars().next().map_or(Class::Single, class_of),
                };
                if current.is_some() && (current != Some(class) || class == Class::Single) {
                    ends.push(g_at);
                }
                current = Some(class);
                g_at += g.len();
            }
        }
        at += piece.len();
    });
    if current.is_some() {
        ends.push(at);
    }
}

/// The word or character diff of `a[ra]` and `b[rb]`, a run of changed lines, with the ids
/// of `ids`: one interner for all the runs of a text, so that a token is hashed into a table
/// once per text, not once per run (the ids are only compared, so which ids the tokens get
/// changes nothing in the diff).
#[allow(clippy::too_many_arguments)]
pub(super) fn diff_tokens<'t>(
    a: &'t str,
    b: &'t str,
    ids: &mut Interner<'t>,
    ra: Range<usize>,
    rb: Range<usize>,
    granularity: Granularity,
    work: &Budget,
    cleanup: bool,
) -> Vec<TextOp> {
    // `oa[i]..oa[i + 1]` is the i-th token of the old side. A word and the space after it
    // take about six bytes of English, a character three of Chinese, but a run of numbers and
    // punctuation (`(a)`, `1.`) a token for every byte or two: room for the tokens of most
    // texts at once.
    let guess = |len: usize| 2 + len / 2;
    let mut oa = Vec::with_capacity(guess(ra.len()));
    oa.push(ra.start);
    token_ends(&a[ra.clone()], granularity, ra.start, &mut oa);
    let mut ob = Vec::with_capacity(guess(rb.len()));
    ob.push(rb.start);
    token_ends(&b[rb.clone()], granularity, rb.start, &mut ob);
    let ia: Vec<u32> = oa.windows(2).map(|w| ids.id_in(a, w[0]..w[1])).collect();
    let ib: Vec<u32> = ob.windows(2).map(|w| ids.id_in(b, w[0]..w[1])).collect();
    work.read(ia.len() + ib.len());
    let (diff, exact) = diff_ids(&ia, &ib, ids.len(), work);
    if !exact {
        work.coarse_runs.set(work.coarse_runs.get() + 1);
        work.coarse_bytes
            .set(work.coarse_bytes.get() + ra.len().max(rb.len()));
    }
    let mut ops: Vec<TextOp> = Vec::with_capacity(diff.len());
    let mut cursor = (0, 0);
    for op in diff {
        let (tag, ra, rb) = step(&op, &mut cursor);
        let (old, new) = (oa[ra.start]..oa[ra.end], ob[rb.start]..ob[rb.end]);
        if old.is_empty() && new.is_empty() {
            continue;
        }
        if cleanup {
            push_cleaned(&mut ops, TextOp::new(tag, old, new), a, b, granularity);
        } else {
            push_merged(&mut ops, TextOp::new(tag, old, new));
        }
    }
    ops
}

/// Maps tokens (or lines) to small integers, equal tokens to equal ids, so that the diff
/// hashes and compares integers instead of strings. Ids are given in order of first
/// occurrence. One-byte tokens (a space, a punctuation mark: about half of the tokens of an
/// English text) are looked up in a table, not hashed; tokens of two to seven bytes (most
/// words), by one integer made of their bytes and length ([`Interner::id_in`]).
pub(super) struct Interner<'t> {
    ids: FxHashMap<&'t str, u32>,
    short: FxHashMap<u64, u32>,
    bytes: [u32; 128],
    len: u32,
}

impl<'t> Interner<'t> {
    /// An interner with room for `room` distinct tokens of each kind (short and longer; the
    /// table of short ones is made on first use). Callers keep `room` at most 2^14, so that a
    /// huge text does not reserve for all of its tokens at once.
    pub(super) fn with_room(room: usize) -> Interner<'t> {
        Interner {
            ids: FxHashMap::with_capacity_and_hasher(room, Default::default()),
            short: FxHashMap::default(),
            bytes: [u32::MAX; 128],
            len: 0,
        }
    }

    /// The id of `token`.
    pub(super) fn id(&mut self, token: &'t str) -> u32 {
        self.id_in(token, 0..token.len())
    }

    /// The id of the token `text[r]` (what [`id`](Interner::id) gives `&text[r]`): a short
    /// token is read from `text` as one integer, with the bytes after it masked off.
    pub(super) fn id_in(&mut self, text: &'t str, r: Range<usize>) -> u32 {
        let bytes = text.as_bytes();
        let len = r.len();
        let next = self.len;
        let id = match len {
            1 if bytes[r.start] < 128 => self.byte_id(bytes[r.start]),
            1..8 => {
                // The eight bytes from the token's start, when the text has them.
                let word = bytes
                    .get(r.start..r.start + 8)
                    .and_then(|w| <[u8; 8]>::try_from(w).ok())
                    .map(u64::from_le_bytes);
                let low = match word {
                    Some(w) => w & ((1u64 << (8 * len)) - 1),
                    None => bytes[r.clone()]
                        .iter()
                        .enumerate()
                        .fold(0, |k, (i, &b)| k | u64::from(b) << (8 * i)),
                };
                self.short_id(low, len)
            }
            _ => *self.ids.entry(&text[r]).or_insert(next),
        };
        self.count(id)
    }

    /// The id of the token of `len` bytes (one to seven) whose bytes are `low`, little-endian:
    /// looked up with its length in the top byte, so that no two tokens share a key.
    fn short_id(&mut self, low: u64, len: usize) -> u32 {
        if self.short.capacity() == 0 {
            // Made on first use, as big as the table of longer tokens.
            self.short =
                FxHashMap::with_capacity_and_hasher(self.ids.capacity(), Default::default());
        }
        *self
            .short
            .entry(low | (len as u64) << 56)
            .or_insert(self.len)
    }

    /// The id of the one-byte token `b` (ASCII), from the table.
    fn byte_id(&mut self, b: u8) -> u32 {
        let slot = &mut self.bytes[usize::from(b & 0x7F)];
        if *slot == u32::MAX {
            *slot = self.len;
        }
        *slot
    }

    /// Counts `id` if it is a new one, and returns it.
    fn count(&mut self, id: u32) -> u32 {
        if id == self.len {
            self.len = self
                .len
                .checked_add(1)
                .expect("fewer than 2^32 distinct tokens");
        }
        id
    }

    pub(super) fn len(&self) -> usize {
        self.len as usize
    }
}
