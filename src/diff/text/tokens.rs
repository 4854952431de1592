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

    pub(crate) fn detect_pair(a: &str, b: &str) -> Granularity {
        let (mut cjk, mut letters) = (0usize, 0usize);
        for s in [a, b] {
            let (c, l) = count_letters(s);
            cjk += c;
            letters += l;
        }
        if cjk * 3 > letters {
            Granularity::Chars
        } else {
            Granularity::Words
        }
    }
}

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
        let Some(p) = bytes[start..].iter().position(|b| !b.is_ascii()) else {
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

/// The end of each token of `s` (single grapheme clusters, or words, runs of whitespace and
/// other clusters on their own), offset by `base`.
pub(super) fn token_ends(s: &str, granularity: Granularity, base: usize, ends: &mut Vec<usize>) {
    let mut current: Option<Class> = None;
    let mut at = base;
    for_each_piece(s, |piece, ascii| {
        if ascii {
            // Every ASCII character is a cluster of its own, but CR LF (never cut apart).
            let bytes = piece.as_bytes();
            for (i, &byte) in bytes.iter().enumerate() {
                let class = match granularity {
                    Granularity::Chars if byte == b'\n' && i > 0 && bytes[i - 1] == b'\r' => {
                        continue;
                    }
                    Granularity::Chars => Class::Single,
                    Granularity::Words => ASCII_CLASS[usize::from(byte)],
                };
                if current.is_some() && (current != Some(class) || class == Class::Single) {
                    ends.push(at + i);
                }
                current = Some(class);
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

pub(super) fn diff_tokens(
    a: &str,
    b: &str,
    ra: Range<usize>,
    rb: Range<usize>,
    granularity: Granularity,
    work: &Budget,
    cleanup: bool,
) -> Vec<TextOp> {
    // `oa[i]..oa[i + 1]` is the i-th token of the old side. A word and the space after it
    // take about six bytes of English, a character three of Chinese: room for the tokens of
    // most texts at once.
    let guess = |len: usize| 1 + len / 3;
    let mut oa = Vec::with_capacity(guess(ra.len()));
    oa.push(ra.start);
    token_ends(&a[ra.clone()], granularity, ra.start, &mut oa);
    let mut ob = Vec::with_capacity(guess(rb.len()));
    ob.push(rb.start);
    token_ends(&b[rb.clone()], granularity, rb.start, &mut ob);
    let mut ids = Interner::with_capacity(oa.len() + ob.len());
    let ia: Vec<u32> = oa.windows(2).map(|w| ids.id(&a[w[0]..w[1]])).collect();
    let ib: Vec<u32> = ob.windows(2).map(|w| ids.id(&b[w[0]..w[1]])).collect();
    work.read(ia.len() + ib.len());
    let (diff, exact) = diff_ids(&ia, &ib, ids.len(), work);
    if !exact {
        work.coarse_runs.set(work.coarse_runs.get() + 1);
        work.coarse_bytes
            .set(work.coarse_bytes.get() + ra.len().max(rb.len()));
    }
    let mut ops: Vec<TextOp> = Vec::new();
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
/// English text) are looked up in a table, not hashed.
pub(super) struct Interner<'t> {
    ids: FxHashMap<&'t str, u32>,
    bytes: [u32; 128],
    len: u32,
}

impl<'t> Interner<'t> {
    /// An interner for `tokens` tokens, with room for a quarter as many distinct ones (an
    /// English statute has about one distinct word in ten), at most 2^14 at first, so that a
    /// huge text does not reserve for all of its tokens at once.
    pub(super) fn with_capacity(tokens: usize) -> Interner<'t> {
        Interner {
            ids: FxHashMap::with_capacity_and_hasher((tokens / 4).min(1 << 14), Default::default()),
            bytes: [u32::MAX; 128],
            len: 0,
        }
    }
    pub(super) fn id(&mut self, token: &'t str) -> u32 {
        let next = self.len;
        let id = match token.as_bytes() {
            &[b] if b < 128 => {
                let slot = &mut self.bytes[usize::from(b)];
                if *slot == u32::MAX {
                    *slot = next;
                }
                *slot
            }
            _ => *self.ids.entry(token).or_insert(next),
        };
        if id == next {
            self.len = next
                .checked_add(1)
                .expect("fewer than 2^32 distinct tokens");
        }
        id
    }
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }
}
