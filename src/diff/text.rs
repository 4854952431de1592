//! Text diffs: lines first, then words or characters inside the changed lines.

use std::fmt;
use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::model::Lang;

/// How long a diff may take before it settles for an approximate result: one second.
///
/// Diffing is `O((n + m) · d)` in the number of tokens and the number of differences; two long,
/// wholly different texts can take a long time. Past the deadline `similar` stops looking for
/// the smallest diff and returns a coarser one, which is still a correct diff (it turns the old
/// text into the new one) but may mark more as changed than is. See [`TextDiff::is_approximate`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

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
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Granularity {
    /// Words, runs of whitespace and single punctuation marks (spaced scripts). A Chinese,
    /// Japanese or Korean character inside such a text is a token of its own.
    Words,
    /// Single characters (Chinese, Japanese, Korean: a sentence has no spaces, so a word diff
    /// would see it as one token).
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

/// A Han character, kana or hangul syllable: a letter of a script written without spaces.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
        | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// What a [`TextOp`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpTag {
    /// The same text on both sides.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
    /// Old text replaced by new text.
    Replace,
}

impl fmt::Display for OpTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OpTag::Equal => "equal",
            OpTag::Delete => "delete",
            OpTag::Insert => "insert",
            OpTag::Replace => "replace",
        })
    }
}

/// One step of a text diff: a byte range of the old text and the byte range of the new text it
/// becomes. A deletion has an empty new range (where the text stood), an insertion an empty
/// old range.
///
/// ```
/// use lexgap::diff::{OpTag, text_diff};
///
/// let diff = text_diff("shall be prohibited", "shall be allowed", None);
/// let ops: Vec<(OpTag, &str, &str)> = diff
///     .ops()
///     .iter()
///     .map(|op| (op.tag(), &diff.old()[op.old_range()], &diff.new()[op.new_range()]))
///     .collect();
/// assert_eq!(ops, [(OpTag::Equal, "shall be ", "shall be "), (OpTag::Replace, "prohibited", "allowed")]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TextOp {
    tag: OpTag,
    old: Range<usize>,
    new: Range<usize>,
}

impl TextOp {
    fn new(tag: OpTag, old: Range<usize>, new: Range<usize>) -> TextOp {
        TextOp { tag, old, new }
    }
    /// What the step does.
    pub fn tag(&self) -> OpTag {
        self.tag
    }
    /// The byte range in the old text (empty for an insertion).
    pub fn old_range(&self) -> Range<usize> {
        self.old.clone()
    }
    /// The byte range in the new text (empty for a deletion).
    pub fn new_range(&self) -> Range<usize> {
        self.new.clone()
    }
    fn mirrored(&self) -> TextOp {
        let tag = match self.tag {
            OpTag::Delete => OpTag::Insert,
            OpTag::Insert => OpTag::Delete,
            t => t,
        };
        TextOp::new(tag, self.new.clone(), self.old.clone())
    }
}

/// A group of whole lines, equal or changed, with the word or character steps inside it.
///
/// A text diff first pairs lines (as `git diff` does), then diffs words or characters only
/// inside runs of changed lines. Renderers that show texts side by side, line by line, use
/// these; the flat [`TextDiff::ops`] are the same steps without the line grouping.
///
/// ```
/// use lexgap::diff::{OpTag, text_diff};
///
/// let diff = text_diff("1. first\n2. second\n", "1. first\n2. other\n", None);
/// let tags: Vec<OpTag> = diff.lines().iter().map(|l| l.tag()).collect();
/// assert_eq!(tags, [OpTag::Equal, OpTag::Replace]);
/// let inline = diff.lines()[1].inline();
/// assert_eq!(&diff.new()[inline[1].new_range()], "other");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineOp {
    tag: OpTag,
    old: Range<usize>,
    new: Range<usize>,
    inline: Vec<TextOp>,
}

impl LineOp {
    /// Equal lines, deleted lines, inserted lines, or lines replaced by others.
    pub fn tag(&self) -> OpTag {
        self.tag
    }
    /// The byte range of the old lines.
    pub fn old_range(&self) -> Range<usize> {
        self.old.clone()
    }
    /// The byte range of the new lines.
    pub fn new_range(&self) -> Range<usize> {
        self.new.clone()
    }
    /// The word or character steps inside these lines, covering both ranges in order.
    pub fn inline(&self) -> &[TextOp] {
        &self.inline
    }
    fn mirrored(&self) -> LineOp {
        let tag = match self.tag {
            OpTag::Delete => OpTag::Insert,
            OpTag::Insert => OpTag::Delete,
            t => t,
        };
        LineOp {
            tag,
            old: self.new.clone(),
            new: self.old.clone(),
            inline: self.inline.iter().map(TextOp::mirrored).collect(),
        }
    }
}

/// Whether a [`Change`] keeps, deletes or inserts its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeTag {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

impl fmt::Display for ChangeTag {
    /// `-`, `+` or a space, as in a unified diff.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChangeTag::Equal => " ",
            ChangeTag::Delete => "-",
            ChangeTag::Insert => "+",
        })
    }
}

/// A run of text that is kept, deleted or inserted; see [`TextDiff::iter_changes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<'a> {
    tag: ChangeTag,
    value: &'a str,
    old_range: Option<Range<usize>>,
    new_range: Option<Range<usize>>,
}

impl<'a> Change<'a> {
    /// Kept, deleted or inserted.
    pub fn tag(&self) -> ChangeTag {
        self.tag
    }
    /// The text of the run.
    pub fn value(&self) -> &'a str {
        self.value
    }
    /// Where the run stands in the old text (`None` for an insertion).
    pub fn old_range(&self) -> Option<Range<usize>> {
        self.old_range.clone()
    }
    /// Where the run stands in the new text (`None` for a deletion).
    pub fn new_range(&self) -> Option<Range<usize>> {
        self.new_range.clone()
    }
}

impl fmt::Display for Change<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.value)
    }
}

/// The differences between two texts, as word or character steps inside changed lines.
///
/// Built by [`text_diff`], [`DiffOptions::diff_texts`](super::DiffOptions::diff_texts) or as
/// part of a [`ProvisionDiff`](super::ProvisionDiff).
///
/// ```
/// use lexgap::diff::{ChangeTag, text_diff};
///
/// let diff = text_diff("不得公开或者向他人提供", "不得用于其他目的", None);
/// let runs: Vec<(ChangeTag, &str)> = diff.iter_changes().map(|c| (c.tag(), c.value())).collect();
/// assert_eq!(runs, [
///     (ChangeTag::Equal, "不得"),
///     (ChangeTag::Delete, "公开或者向他人提供"),
///     (ChangeTag::Insert, "用于其他目的"),
/// ]);
/// assert!(diff.similarity() > 0.2 && diff.similarity() < 0.5);
/// ```
///
/// # Algorithm
///
/// Lines are paired first with the patience algorithm; inside each run of changed lines the
/// words (or, for Chinese, Japanese and Korean, the characters) are diffed with Myers'
/// algorithm, both through `similar`, under one deadline for the whole text. Short equal runs
/// sandwiched between larger changes (a shared 他 inside 向他人提供 → 用于其他目的) are then
/// folded into the change, as diff-match-patch's semantic clean-up does, so that a replaced
/// phrase reads as one replacement. The diff is always computed in one canonical direction and
/// mirrored when needed, so that diffing `b` against `a` gives exactly the mirror of diffing `a`
/// against `b`, and the same [`similarity`](TextDiff::similarity).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextDiff<'a> {
    old: &'a str,
    new: &'a str,
    granularity: Granularity,
    similarity: f64,
    approximate: bool,
    lines: Vec<LineOp>,
    ops: Vec<TextOp>,
}

/// Diffs two plain texts with the default options ([`DEFAULT_TIMEOUT`], semantic clean-up).
///
/// `lang` chooses the [`Granularity`]: characters for Chinese, Japanese and Korean, words
/// otherwise; without it, the script of the texts decides ([`Granularity::detect`]).
///
/// ```
/// let diff = lexgap::diff::text_diff("the data subject", "the individual", None);
/// let deleted: Vec<&str> = diff.deleted().collect();
/// assert_eq!(deleted, ["data subject"]);
/// assert_eq!(diff.inserted().collect::<Vec<_>>(), ["individual"]);
/// ```
pub fn text_diff<'a>(old: &'a str, new: &'a str, lang: Option<&Lang>) -> TextDiff<'a> {
    super::DiffOptions::new().diff_texts(old, new, lang)
}

impl<'a> TextDiff<'a> {
    pub(crate) fn compute(
        old: &'a str,
        new: &'a str,
        granularity: Granularity,
        timeout: Duration,
        cleanup: bool,
    ) -> TextDiff<'a> {
        if old == new {
            return TextDiff::identical(old, new, granularity);
        }
        let deadline = Instant::now().checked_add(timeout);
        let swapped = old > new;
        let (a, b) = if swapped { (new, old) } else { (old, new) };
        let mut lines = diff_lines(a, b, granularity, deadline, cleanup);
        let approximate = deadline.is_some_and(|d| Instant::now() >= d);
        if swapped {
            lines = lines.iter().map(LineOp::mirrored).collect();
        }
        let mut ops: Vec<TextOp> = Vec::new();
        for line in &lines {
            for op in &line.inline {
                push_merged(&mut ops, op.clone());
            }
        }
        let similarity = similarity_of(old, new, &ops);
        TextDiff {
            old,
            new,
            granularity,
            similarity,
            approximate,
            lines,
            ops,
        }
    }

    fn identical(old: &'a str, new: &'a str, granularity: Granularity) -> TextDiff<'a> {
        let (lines, ops) = if old.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let op = TextOp::new(OpTag::Equal, 0..old.len(), 0..new.len());
            let line = LineOp {
                tag: OpTag::Equal,
                old: 0..old.len(),
                new: 0..new.len(),
                inline: vec![op.clone()],
            };
            (vec![line], vec![op])
        };
        TextDiff {
            old,
            new,
            granularity,
            similarity: 1.0,
            approximate: false,
            lines,
            ops,
        }
    }

    /// A diff that replaces the whole of `old` by the whole of `new`, without comparing them
    /// (texts in different languages).
    pub(crate) fn unrelated(old: &'a str, new: &'a str, granularity: Granularity) -> TextDiff<'a> {
        if old == new {
            return TextDiff::identical(old, new, granularity);
        }
        let tag = match (old.is_empty(), new.is_empty()) {
            (true, _) => OpTag::Insert,
            (_, true) => OpTag::Delete,
            _ => OpTag::Replace,
        };
        let op = TextOp::new(tag, 0..old.len(), 0..new.len());
        TextDiff {
            old,
            new,
            granularity,
            similarity: 0.0,
            approximate: false,
            lines: vec![LineOp {
                tag,
                old: 0..old.len(),
                new: 0..new.len(),
                inline: vec![op.clone()],
            }],
            ops: vec![op],
        }
    }

    /// The old text.
    pub fn old(&self) -> &'a str {
        self.old
    }

    /// The new text (an accessor, like `similar`'s `new_slices`; there is no constructor
    /// called `new`: use [`text_diff`] or [`DiffOptions::diff_texts`](super::DiffOptions::diff_texts)).
    #[allow(clippy::new_ret_no_self)]
    pub fn new(&self) -> &'a str {
        self.new
    }

    /// Words or characters.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// How much of the two texts the diff keeps, from 0 (nothing in common) to 1 (the same
    /// text): twice the characters in equal runs over the characters of both texts, not
    /// counting whitespace. Symmetric: `a` against `b` scores the same as `b` against `a`.
    ///
    /// ```
    /// use lexgap::diff::text_diff;
    /// let a = "personal data shall be processed lawfully";
    /// let b = "personal information shall be processed lawfully";
    /// assert_eq!(text_diff(a, b, None).similarity(), text_diff(b, a, None).similarity());
    /// assert_eq!(text_diff(a, a, None).similarity(), 1.0);
    /// ```
    pub fn similarity(&self) -> f64 {
        self.similarity
    }

    /// Whether the two texts are the same.
    pub fn is_unchanged(&self) -> bool {
        self.ops.iter().all(|op| op.tag == OpTag::Equal)
    }

    /// Whether the deadline passed before the diff was done, so that it may mark more text as
    /// changed than a full search would have (see [`DEFAULT_TIMEOUT`]).
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// The steps, in text order, merged so that no two neighbours have the same tag.
    pub fn ops(&self) -> &[TextOp] {
        &self.ops
    }

    /// The steps grouped by lines: equal lines, and runs of changed lines with their word or
    /// character steps.
    pub fn lines(&self) -> &[LineOp] {
        &self.lines
    }

    /// The runs of kept, deleted and inserted text, in order; a replacement is a deletion
    /// followed by an insertion. The equal and inserted runs put together give the new text;
    /// the equal and deleted runs, the old text.
    ///
    /// ```
    /// use lexgap::diff::{ChangeTag, text_diff};
    /// let diff = text_diff("a b c", "a x c d", None);
    /// let new: String = diff.iter_changes().filter(|c| c.tag() != ChangeTag::Delete).map(|c| c.value()).collect();
    /// assert_eq!(new, "a x c d");
    /// ```
    pub fn iter_changes(&self) -> impl Iterator<Item = Change<'a>> + '_ {
        let (old, new) = (self.old, self.new);
        self.ops.iter().flat_map(move |op| {
            let del = Change {
                tag: ChangeTag::Delete,
                value: &old[op.old.clone()],
                old_range: Some(op.old.clone()),
                new_range: None,
            };
            let ins = Change {
                tag: ChangeTag::Insert,
                value: &new[op.new.clone()],
                old_range: None,
                new_range: Some(op.new.clone()),
            };
            let (first, second) = match op.tag {
                OpTag::Equal => (
                    Some(Change {
                        tag: ChangeTag::Equal,
                        value: &old[op.old.clone()],
                        old_range: Some(op.old.clone()),
                        new_range: Some(op.new.clone()),
                    }),
                    None,
                ),
                OpTag::Delete => (Some(del), None),
                OpTag::Insert => (Some(ins), None),
                OpTag::Replace => (Some(del), Some(ins)),
            };
            first.into_iter().chain(second)
        })
    }

    /// The runs of deleted text, in order.
    pub fn deleted(&self) -> impl Iterator<Item = &'a str> + '_ {
        let old = self.old;
        self.ops
            .iter()
            .filter(|op| matches!(op.tag, OpTag::Delete | OpTag::Replace))
            .map(move |op| &old[op.old.clone()])
    }

    /// The runs of inserted text, in order.
    pub fn inserted(&self) -> impl Iterator<Item = &'a str> + '_ {
        let new = self.new;
        self.ops
            .iter()
            .filter(|op| matches!(op.tag, OpTag::Insert | OpTag::Replace))
            .map(move |op| &new[op.new.clone()])
    }
}

/// Lines of `s` with their terminators, and where each starts.
fn split_lines(s: &str) -> (Vec<&str>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    let mut at = 0;
    for line in s.split_inclusive('\n') {
        starts.push(at);
        at += line.len();
        lines.push(line);
    }
    starts.push(at);
    (lines, starts)
}

fn diff_lines(
    a: &str,
    b: &str,
    granularity: Granularity,
    deadline: Option<Instant>,
    cleanup: bool,
) -> Vec<LineOp> {
    let (la, sa) = split_lines(a);
    let (lb, sb) = split_lines(b);
    let line_ops = capture_diff_slices_deadline(Algorithm::Patience, &la, &lb, deadline);
    let mut out: Vec<LineOp> = Vec::with_capacity(line_ops.len());
    let mut cursor = (0, 0);
    for op in line_ops {
        let (tag, ra, rb) = step(&op, &mut cursor);
        let old = sa[ra.start]..sa[ra.end];
        let new = sb[rb.start]..sb[rb.end];
        // Consecutive changed groups (a deletion next to an insertion) form one run.
        if let Some(last) = out
            .last_mut()
            .filter(|l| tag != OpTag::Equal && l.tag != OpTag::Equal)
        {
            last.tag = OpTag::Replace;
            last.old.end = old.end;
            last.new.end = new.end;
            continue;
        }
        out.push(LineOp {
            tag,
            old,
            new,
            inline: Vec::new(),
        });
    }
    for line in &mut out {
        line.inline = match line.tag {
            OpTag::Equal | OpTag::Delete | OpTag::Insert => {
                vec![TextOp::new(line.tag, line.old.clone(), line.new.clone())]
            }
            OpTag::Replace => diff_tokens(
                a,
                b,
                line.old.clone(),
                line.new.clone(),
                granularity,
                deadline,
                cleanup,
            ),
        };
    }
    out
}

/// The token ranges of one `similar` op, read from its lengths and a running cursor. The
/// cursor, not the op's own index, gives the position on the side an insertion or deletion
/// does not touch: after compaction `similar` may report an insertion's old index further on.
fn step(op: &DiffOp, cursor: &mut (usize, usize)) -> (OpTag, Range<usize>, Range<usize>) {
    let (tag, old_len, new_len) = match *op {
        DiffOp::Equal { len, .. } => (OpTag::Equal, len, len),
        DiffOp::Delete { old_len, .. } => (OpTag::Delete, old_len, 0),
        DiffOp::Insert { new_len, .. } => (OpTag::Insert, 0, new_len),
        DiffOp::Replace {
            old_len, new_len, ..
        } => (OpTag::Replace, old_len, new_len),
    };
    let (o, n) = *cursor;
    *cursor = (o + old_len, n + new_len);
    (tag, o..o + old_len, n..n + new_len)
}

fn tokenize(s: &str, granularity: Granularity) -> Vec<&str> {
    match granularity {
        Granularity::Chars => s
            .char_indices()
            .map(|(i, c)| &s[i..i + c.len_utf8()])
            .collect(),
        Granularity::Words => word_tokens(s),
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

/// Words, runs of whitespace, and every other character on its own.
fn word_tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in s.char_indices() {
        let class = class_of(c);
        if current != Some(class) || class == Class::Single {
            if i > start {
                out.push(&s[start..i]);
            }
            start = i;
        }
        current = Some(class);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn diff_tokens(
    a: &str,
    b: &str,
    ra: Range<usize>,
    rb: Range<usize>,
    granularity: Granularity,
    deadline: Option<Instant>,
    cleanup: bool,
) -> Vec<TextOp> {
    let ta = tokenize(&a[ra.clone()], granularity);
    let tb = tokenize(&b[rb.clone()], granularity);
    let offsets = |base: usize, toks: &[&str]| {
        let mut v = Vec::with_capacity(toks.len() + 1);
        let mut at = base;
        v.push(at);
        for t in toks {
            at += t.len();
            v.push(at);
        }
        v
    };
    let oa = offsets(ra.start, &ta);
    let ob = offsets(rb.start, &tb);
    let mut ops: Vec<TextOp> = Vec::new();
    let mut cursor = (0, 0);
    let (ia, ib) = intern(&ta, &tb);
    for op in capture_diff_slices_deadline(Algorithm::Patience, &ia, &ib, deadline) {
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

/// FxHash (as in rustc): a multiply-rotate hash, fast on short keys such as tokens.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.add(w);
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Maps the tokens of both sides to small integers (equal tokens, equal ids), so that the diff
/// hashes and compares integers instead of strings.
fn intern<'t>(ta: &[&'t str], tb: &[&'t str]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: std::collections::HashMap<&'t str, u32, std::hash::BuildHasherDefault<FxHasher>> =
        std::collections::HashMap::with_capacity_and_hasher(ta.len() + tb.len(), Default::default());
    let mut map = |toks: &[&'t str]| -> Vec<u32> {
        toks.iter()
            .map(|t| {
                let next = ids.len() as u32;
                *ids.entry(*t).or_insert(next)
            })
            .collect()
    };
    let ia = map(ta);
    let ib = map(tb);
    (ia, ib)
}

/// Appends `op`, merging it into the last step when both are equal or both are changes.
fn push_merged(ops: &mut Vec<TextOp>, op: TextOp) {
    if let Some(last) = ops.last_mut() {
        let both_equal = last.tag == OpTag::Equal && op.tag == OpTag::Equal;
        let both_changed = last.tag != OpTag::Equal && op.tag != OpTag::Equal;
        if both_equal || both_changed {
            last.old.end = op.old.end;
            last.new.end = op.new.end;
            if both_changed {
                last.tag = match (last.old.is_empty(), last.new.is_empty()) {
                    (true, _) => OpTag::Insert,
                    (_, true) => OpTag::Delete,
                    _ => OpTag::Replace,
                };
            }
            return;
        }
    }
    ops.push(op);
}

/// Like [`push_merged`], then folds an equal run into the changes around it while it is
/// shorter than the larger side of the change before it and of the change after it. In a word
/// diff only runs without letters or digits (the spaces between two changed words) are
/// folded: an equal word is worth showing.
fn push_cleaned(ops: &mut Vec<TextOp>, op: TextOp, a: &str, b: &str, granularity: Granularity) {
    push_merged(ops, op);
    let weight = |op: &TextOp| {
        a[op.old.clone()]
            .chars()
            .count()
            .max(b[op.new.clone()].chars().count())
    };
    while ops.len() >= 3 {
        let n = ops.len();
        let (before, eq, after) = (&ops[n - 3], &ops[n - 2], &ops[n - 1]);
        if before.tag == OpTag::Equal || eq.tag != OpTag::Equal || after.tag == OpTag::Equal {
            break;
        }
        let kept = &a[eq.old.clone()];
        if granularity == Granularity::Words && kept.chars().any(char::is_alphanumeric) {
            break;
        }
        let len = kept.chars().count();
        if len >= weight(before) || len >= weight(after) {
            break;
        }
        let merged = TextOp::new(
            OpTag::Replace,
            before.old.start..after.old.end,
            before.new.start..after.new.end,
        );
        ops.truncate(n - 3);
        push_merged(ops, merged);
    }
}

fn similarity_of(old: &str, new: &str, ops: &[TextOp]) -> f64 {
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
    // The ops tile the old text, so the equal runs hold what the changed ones do not: count
    // the (few) changed characters rather than the (many) kept ones.
    let changed: usize = ops
        .iter()
        .filter(|op| op.tag != OpTag::Equal)
        .map(|op| count_chars(&old[op.old.clone()], skip_ws))
        .sum();
    (2 * (o - changed)) as f64 / (o + n) as f64
}

/// Characters of `s`, without whitespace when `skip_ws`. Counts all characters (which the
/// standard library does fast) and subtracts the whitespace, found by its bytes: ASCII
/// whitespace, or a character whose lead byte can start a Unicode space (C2, E1, E2, E3).
fn count_chars(s: &str, skip_ws: bool) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_chars_is_exact() {
        let mut x: u64 = 7;
        let alphabet = [
            'a', ' ', '\n', '\u{a0}', '\u{3000}', '\u{2009}', '。', '个', 'é', '\u{85}',
            '\u{1680}', '\u{202f}',
        ];
        for _ in 0..100_000 {
            let s: String = (0..10)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[((x >> 33) % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(
                count_chars(&s, true),
                s.chars().filter(|c| !c.is_whitespace()).count(),
                "{s:?}"
            );
            assert_eq!(count_chars(&s, false), s.chars().count());
        }
    }

    #[test]
    fn tokens() {
        assert_eq!(
            word_tokens("Article 9(2)(g),  data 个人"),
            [
                "Article", " ", "9", "(", "2", ")", "(", "g", ")", ",", "  ", "data", " ", "个",
                "人"
            ]
        );
        assert_eq!(word_tokens(""), Vec::<&str>::new());
    }

    #[test]
    fn cleanup_folds_short_equalities() {
        let d = TextDiff::compute(
            "向他人提供",
            "用于其他目的",
            Granularity::Chars,
            DEFAULT_TIMEOUT,
            true,
        );
        assert_eq!(d.ops().len(), 1);
        let raw = TextDiff::compute(
            "向他人提供",
            "用于其他目的",
            Granularity::Chars,
            DEFAULT_TIMEOUT,
            false,
        );
        assert!(raw.ops().len() > 1);
    }

    #[test]
    fn mirror_is_exact() {
        let a = "1. one two three\n2. four five\n3. six\n";
        let b = "1. one 2 three\n3. six seven\n";
        let ab = TextDiff::compute(a, b, Granularity::Words, DEFAULT_TIMEOUT, true);
        let ba = TextDiff::compute(b, a, Granularity::Words, DEFAULT_TIMEOUT, true);
        let mirrored: Vec<TextOp> = ba.ops().iter().map(TextOp::mirrored).collect();
        assert_eq!(ab.ops(), &mirrored[..]);
        assert_eq!(ab.similarity(), ba.similarity());
    }
}
