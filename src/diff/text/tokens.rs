//! Tokens: the granularity of a diff, tokens made of whole grapheme clusters, and the word or
//! character diff inside a run of changed lines.

use std::fmt;
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

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
        for c in a.chars().chain(b.chars()) {
            if c.is_ascii() {
                letters += usize::from(c.is_ascii_alphanumeric());
                continue;
            }
            if is_cjk_letter(c) {
                cjk += 1;
                letters += 1;
            } else if c.is_alphanumeric() {
                letters += 1;
            }
        }
        if cjk * 3 > letters {
            Granularity::Chars
        } else {
            Granularity::Words
        }
    }
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
        return if c.is_ascii_whitespace() || c == '\x0B' {
            Class::Space
        } else if c.is_ascii_alphanumeric() || c == '_' {
            Class::Word
        } else {
            Class::Single
        };
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
/// them). The text is cut there into windows, each segmented on its own, so that segmenting
/// needs memory for one window only.
fn safe_cut(prev: char, c: char) -> bool {
    let han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    (prev.is_ascii() && c.is_ascii() && !(prev == '\r' && c == '\n')) || (han(prev) && han(c))
}

/// Calls `f` with each grapheme cluster of `s`, in order.
pub(super) fn for_each_grapheme<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
    let mut window = |w: &'s str| {
        if w.is_ascii() {
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
        } else {
            for g in similar::DiffableStr::tokenize_graphemes(w) {
                f(g);
            }
        }
    };
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if i - start >= GRAPHEME_WINDOW && prev.is_some_and(|p| safe_cut(p, c)) {
            window(&s[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < s.len() {
        window(&s[start..]);
    }
}

/// The end of each token of `s` (single grapheme clusters, or words, runs of whitespace and
/// other clusters on their own), offset by `base`.
pub(super) fn token_ends(s: &str, granularity: Granularity, base: usize, ends: &mut Vec<usize>) {
    if s.is_ascii() {
        // Every ASCII character is a cluster of its own, but CR LF.
        let bytes = s.as_bytes();
        let mut current: Option<Class> = None;
        for (i, &byte) in bytes.iter().enumerate() {
            let class = match granularity {
                Granularity::Chars if byte == b'\n' && i > 0 && bytes[i - 1] == b'\r' => continue,
                Granularity::Chars => Class::Single,
                Granularity::Words => class_of(char::from(byte)),
            };
            if current.is_some() && (current != Some(class) || class == Class::Single) {
                ends.push(base + i);
            }
            current = Some(class);
        }
        if current.is_some() {
            ends.push(base + s.len());
        }
        return;
    }
    let mut at = base;
    let mut current: Option<Class> = None;
    for_each_grapheme(s, |g| {
        let class = match granularity {
            Granularity::Chars => Class::Single,
            Granularity::Words => g.chars().next().map_or(Class::Single, class_of),
        };
        if current.is_some() && (current != Some(class) || class == Class::Single) {
            ends.push(at);
        }
        current = Some(class);
        at += g.len();
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
    // `oa[i]..oa[i + 1]` is the i-th token of the old side.
    let mut oa = vec![ra.start];
    token_ends(&a[ra.clone()], granularity, ra.start, &mut oa);
    let mut ob = vec![rb.start];
    token_ends(&b[rb.clone()], granularity, rb.start, &mut ob);
    let mut ids = Interner::default();
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
/// hashes and compares integers instead of strings.
#[derive(Default)]
pub(super) struct Interner<'t> {
    ids: FxHashMap<&'t str, u32>,
}

impl<'t> Interner<'t> {
    pub(super) fn id(&mut self, token: &'t str) -> u32 {
        let next = u32::try_from(self.ids.len()).expect("fewer than 2^32 distinct tokens");
        *self.ids.entry(token).or_insert(next)
    }
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }
}
