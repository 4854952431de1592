//! Text diffs: lines first, then words or characters inside the changed lines, within a
//! budget of steps.
//!
//! # A budget of steps, not a deadline
//!
//! Diffing is `O((n + m) · d)` in the number of tokens and the number of differences: two
//! long, much changed texts can take very long. A diff therefore does at most a fixed amount
//! of work, counted in *steps* (one token or line hashed, one pair of tokens compared, one
//! diagonal visited by the search), never in time: the same two texts give the same diff on
//! every run and every machine. The budget is [`DEFAULT_BUDGET`] steps; a
//! [`timeout`](super::DiffOptions::timeout) is turned into a budget at [`STEPS_PER_SECOND`],
//! so that the default one-second [`DEFAULT_TIMEOUT`] is the default budget.
//!
//! Within the budget the diff is the one the patience algorithm finds, exactly as `similar`
//! computes it (the search is `similar`'s, ported so that it can count its steps). When a
//! search would exceed the budget, it gives up and that part of the texts is compared
//! coarsely instead, and the diff says so ([`TextDiff::is_approximate`],
//! [`TextDiff::approximation`]):
//!
//! 1. the lines are paired, then the words or characters compared inside each run of changed
//!    lines, the smallest runs first, as long as the budget lasts;
//! 2. a run (or the line diff itself) that does not fit is compared coarsely: its common
//!    prefix and suffix are kept; the tokens that occur once on each side, or (when those are
//!    scarce, as in repetitive text) the runs of eight tokens that do, anchor the rest in
//!    order; and each stretch between anchors is diffed by a Myers search capped at 256
//!    differences a split (as GNU diff's heuristic), from a second budget of the same size;
//! 3. a stretch too large for what is left of that budget is compared coarsely again, with
//!    anchors unique within it, up to eight levels deep; at the last level, or without
//!    anchors, the capped search spends what is left and replaces the rest of each stretch
//!    past its common prefix and suffix.
//!
//! Nothing that is shared and can be told apart is replaced wholesale, so the
//! [`similarity`](TextDiff::similarity) of an approximate diff still reflects what the texts
//! share. A diff costs at most twice its budget plus a few passes over the input at each level
//! ([`TextDiff::steps`]).
//!
//! # Grapheme clusters
//!
//! Tokens are made of whole grapheme clusters (as `similar`'s `unicode` feature segments them):
//! by characters, each cluster is a token (`e` with a combining accent is one), and by words,
//! a cluster belongs to the word, space or punctuation run of its first character, so that
//! no accent is ever diffed apart from its letter.
//!
//! # Unicode normalisation
//!
//! The texts are compared as they are, not normalised: a change always rebuilds both texts
//! byte for byte. A change whose two sides are canonically equivalent (the same text in NFC
//! and in NFD, say `café` with `é` precomposed or as `e` and a combining accent) is flagged
//! instead ([`TextOp::is_normalization_only`], [`Change::is_normalization_only`]); renderers
//! say "Unicode normalisation only", and [`similarity`](TextDiff::similarity) counts it as
//! kept. The check compares the canonical decompositions (NFD) of both sides, by the
//! `unicode-normalization` crate.

use std::fmt;
use std::ops::Range;
use std::time::Duration;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use serde::Serialize;
use similar::DiffOp;

use super::search::{Budget, diff_ids};
use crate::model::{Lang, is_cjk_letter};

/// How much work a diff may do before it compares coarsely: 100 million steps.
///
/// A step is one token or line hashed, one pair of tokens compared, or one diagonal visited by
/// the search; 100 million steps of search take about 0.4 s on one core of a current machine
/// (release build). Ordinary legal texts need far fewer: a few thousand for an article, about ten
/// thousand for the whole GDPR (190 KB, lines first) against an edited copy. Past the budget a diff compares
/// the rest coarsely (see the [module docs](self)); it then spends up to the same budget again
/// on refining the coarse matches, so a diff costs at most twice the budget plus a few passes
/// over its input. Counting steps rather than time makes diffs reproducible.
pub const DEFAULT_BUDGET: u64 = 100_000_000;

/// How many steps a second of [`timeout`](super::DiffOptions::timeout) buys:
/// [`DEFAULT_BUDGET`] per [`DEFAULT_TIMEOUT`]. A fixed rate, not a measure of this machine, so
/// that the same options give the same diff everywhere.
pub const STEPS_PER_SECOND: u64 = DEFAULT_BUDGET;

/// The default [`timeout`](super::DiffOptions::timeout), one second: a budget of
/// [`DEFAULT_BUDGET`] steps ([`STEPS_PER_SECOND`]).
///
/// A diff is bounded by steps, not by the clock, so that its result does not depend on the
/// load of the machine. Past the budget a diff compares the rest coarsely, which is still a
/// correct diff (it turns the old text into the new one) but may mark more as changed than
/// is. See [`TextDiff::is_approximate`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// The step budget a timeout buys, at [`STEPS_PER_SECOND`].
pub(crate) fn budget_for(timeout: Duration) -> u64 {
    let steps = timeout
        .as_nanos()
        .saturating_mul(u128::from(STEPS_PER_SECOND))
        / 1_000_000_000;
    u64::try_from(steps).unwrap_or(u64::MAX)
}

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
    #[serde(rename = "normalization-only", skip_serializing_if = "is_false")]
    normalization_only: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl TextOp {
    fn new(tag: OpTag, old: Range<usize>, new: Range<usize>) -> TextOp {
        TextOp {
            tag,
            old,
            new,
            normalization_only: false,
        }
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
    /// Whether this replacement only changes the Unicode normalisation: both sides are the
    /// same text, one for instance in NFC and the other in NFD (see the
    /// [module docs](self#unicode-normalisation)).
    ///
    /// ```
    /// use lexgap::diff::{OpTag, text_diff};
    ///
    /// let diff = text_diff("le café est", "le cafe\u{301} est", None);
    /// let changed: Vec<_> = diff.ops().iter().filter(|op| op.tag() != OpTag::Equal).collect();
    /// assert_eq!(changed.len(), 1);
    /// assert!(changed[0].is_normalization_only());
    /// assert_eq!(diff.similarity(), 1.0);
    /// ```
    pub fn is_normalization_only(&self) -> bool {
        self.normalization_only
    }
    fn mirrored(&self) -> TextOp {
        let tag = match self.tag {
            OpTag::Delete => OpTag::Insert,
            OpTag::Insert => OpTag::Delete,
            t => t,
        };
        TextOp {
            tag,
            old: self.new.clone(),
            new: self.old.clone(),
            normalization_only: self.normalization_only,
        }
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
#[serde(rename_all = "kebab-case")]
pub struct Change<'a> {
    tag: ChangeTag,
    value: &'a str,
    old_range: Option<Range<usize>>,
    new_range: Option<Range<usize>>,
    #[serde(rename = "normalization-only", skip_serializing_if = "is_false")]
    normalization_only: bool,
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
    /// Whether this deletion and the insertion beside it are the same text in another Unicode
    /// normalisation ([`TextOp::is_normalization_only`]).
    pub fn is_normalization_only(&self) -> bool {
        self.normalization_only
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
/// words (or, for Chinese, Japanese and Korean, the characters) are diffed the same way, the
/// stretches between unique tokens with Myers' algorithm, as `similar` does, under one budget
/// of steps for the whole text (see the [module docs](self) for what happens past it). Short
/// equal runs sandwiched between larger changes (a shared 他 inside 向他人提供 → 用于其他目的)
/// are then folded into the change, as diff-match-patch's semantic clean-up does, so that a
/// replaced phrase reads as one replacement. The diff is always computed in one canonical
/// direction and mirrored when needed, so that diffing `b` against `a` gives exactly the mirror
/// of diffing `a` against `b`, and the same [`similarity`](TextDiff::similarity).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextDiff<'a> {
    old: &'a str,
    new: &'a str,
    granularity: Granularity,
    similarity: f64,
    approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    approximation: Option<String>,
    lines: Vec<LineOp>,
    ops: Vec<TextOp>,
    #[serde(skip)]
    steps: u64,
    #[serde(skip)]
    budget: u64,
}

/// Diffs two plain texts with the default options ([`DEFAULT_BUDGET`], semantic clean-up).
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
    /// Diffs within a budget of `budget` steps (see the [module docs](self)).
    pub(crate) fn compute_within(
        old: &'a str,
        new: &'a str,
        granularity: Granularity,
        budget: u64,
        cleanup: bool,
    ) -> TextDiff<'a> {
        if old == new {
            return TextDiff::identical(old, new, granularity);
        }
        let swapped = old > new;
        let (a, b) = if swapped { (new, old) } else { (old, new) };
        let work = Budget::new(budget);
        let mut lines = diff_lines(a, b, granularity, &work, cleanup);
        if swapped {
            lines = lines.iter().map(LineOp::mirrored).collect();
        }
        for line in &mut lines {
            for op in &mut line.inline {
                flag_normalization(op, old, new);
            }
        }
        let mut ops: Vec<TextOp> = Vec::new();
        for line in &lines {
            for op in &line.inline {
                push_merged(&mut ops, op.clone());
            }
        }
        for op in &mut ops {
            flag_normalization(op, old, new);
        }
        let similarity = similarity_of(old, new, &ops);
        let approximation = work.note();
        TextDiff {
            old,
            new,
            granularity,
            similarity,
            approximate: approximation.is_some(),
            approximation,
            lines,
            ops,
            steps: work.used(),
            budget,
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
            approximation: None,
            lines,
            ops,
            steps: 0,
            budget: 0,
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
            approximation: None,
            lines: vec![LineOp {
                tag,
                old: 0..old.len(),
                new: 0..new.len(),
                inline: vec![op.clone()],
            }],
            ops: vec![op],
            steps: 0,
            budget: 0,
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
    /// text): the characters in equal runs (and in changes that only change the Unicode
    /// normalisation) on both sides over the characters of both texts, not counting
    /// whitespace. Symmetric: `a` against `b` scores the same as `b` against `a`.
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

    /// Whether the budget ran out, so that part of the texts was compared coarsely and the
    /// diff may mark more text as changed than a full search would have (see the
    /// [module docs](self) and [`approximation`](TextDiff::approximation)).
    ///
    /// ```
    /// use std::time::Duration;
    /// use lexgap::diff::{DiffOptions, text_diff};
    ///
    /// assert!(!text_diff("a b c", "a x c", None).is_approximate());
    /// let diff = DiffOptions::new().timeout(Duration::ZERO).diff_texts("a b c", "a x c", None);
    /// assert!(diff.is_approximate());
    /// assert_eq!(diff.similarity(), text_diff("a b c", "a x c", None).similarity());
    /// ```
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// What was compared coarsely when the budget ran out, for a reader: `None` when the diff
    /// is exact.
    pub fn approximation(&self) -> Option<&str> {
        self.approximation.as_deref()
    }

    /// The work the diff did, in steps (see [`DEFAULT_BUDGET`]): the same for the same texts
    /// and options on every run. At most twice the [`budget`](TextDiff::budget) plus a few
    /// passes over the input.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The budget the diff ran under, in steps (0 when nothing had to be compared: identical
    /// texts, or texts in different languages).
    pub fn budget(&self) -> u64 {
        self.budget
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
                normalization_only: op.normalization_only,
            };
            let ins = Change {
                tag: ChangeTag::Insert,
                value: &new[op.new.clone()],
                old_range: None,
                new_range: Some(op.new.clone()),
                normalization_only: op.normalization_only,
            };
            let (first, second) = match op.tag {
                OpTag::Equal => (
                    Some(Change {
                        tag: ChangeTag::Equal,
                        value: &old[op.old.clone()],
                        old_range: Some(op.old.clone()),
                        new_range: Some(op.new.clone()),
                        normalization_only: false,
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
    work: &Budget,
    cleanup: bool,
) -> Vec<LineOp> {
    let (la, sa) = split_lines(a);
    let (lb, sb) = split_lines(b);
    let mut ids = Interner::default();
    let ia: Vec<u32> = la.iter().map(|l| ids.id(l)).collect();
    let ib: Vec<u32> = lb.iter().map(|l| ids.id(l)).collect();
    work.read(ia.len() + ib.len());
    let (line_ops, exact) = diff_ids(&ia, &ib, ids.len(), work);
    if !exact {
        work.coarse_lines.set(true);
    }
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
    // The runs of changed lines are diffed smallest first, so that one huge run cannot spend
    // the budget of all the others.
    let mut runs: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].tag == OpTag::Replace)
        .collect();
    runs.sort_by_key(|&i| (out[i].old.len() + out[i].new.len(), i));
    for i in runs {
        let line = &out[i];
        out[i].inline = diff_tokens(
            a,
            b,
            line.old.clone(),
            line.new.clone(),
            granularity,
            work,
            cleanup,
        );
    }
    for line in &mut out {
        if line.tag != OpTag::Replace {
            line.inline = vec![TextOp::new(line.tag, line.old.clone(), line.new.clone())];
        }
    }
    out
}

/// The token ranges of one `similar` op, read from its lengths and a running cursor. The
/// cursor, not the op's own index, gives the position on the side an insertion or deletion
/// does not touch: after compaction `similar` may report an insertion's old index further on.
pub(super) fn step(
    op: &DiffOp,
    cursor: &mut (usize, usize),
) -> (OpTag, Range<usize>, Range<usize>) {
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
fn for_each_grapheme<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
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
fn token_ends(s: &str, granularity: Granularity, base: usize, ends: &mut Vec<usize>) {
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

fn diff_tokens(
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
struct Interner<'t> {
    ids: FxHashMap<&'t str, u32>,
}

impl<'t> Interner<'t> {
    fn id(&mut self, token: &'t str) -> u32 {
        let next = u32::try_from(self.ids.len()).expect("fewer than 2^32 distinct tokens");
        *self.ids.entry(token).or_insert(next)
    }
    fn len(&self) -> usize {
        self.ids.len()
    }
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
fn flag_normalization(op: &mut TextOp, old: &str, new: &str) {
    let (x, y) = (&old[op.old.clone()], &new[op.new.clone()]);
    op.normalization_only = op.tag == OpTag::Replace
        && x != y
        && !(x.is_ascii() && y.is_ascii())
        && x.nfd().eq(y.nfd());
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
    use crate::diff::search::tests::Lcg;

    fn word_tokens(s: &str) -> Vec<&str> {
        let mut ends = vec![0];
        token_ends(s, Granularity::Words, 0, &mut ends);
        ends.windows(2).map(|w| &s[w[0]..w[1]]).collect()
    }

    #[test]
    fn count_chars_is_exact() {
        let mut x = Lcg(7);
        let alphabet = [
            'a', ' ', '\n', '\u{a0}', '\u{3000}', '\u{2009}', '。', '个', 'é', '\u{85}',
            '\u{1680}', '\u{202f}',
        ];
        for _ in 0..100_000 {
            let s: String = (0..10)
                .map(|_| alphabet[x.next(alphabet.len() as u64) as usize])
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
    fn tokens_keep_grapheme_clusters_whole() {
        // A combining accent stays with its letter, in a word and on its own.
        assert_eq!(
            word_tokens("cafe\u{301} noir"),
            ["cafe\u{301}", " ", "noir"]
        );
        assert_eq!(word_tokens("e\u{301}!"), ["e\u{301}", "!"]);
        let mut ends = vec![0];
        let s = "e\u{301}\u{300}个\r\n🇫🇷👩‍👩‍👧";
        token_ends(s, Granularity::Chars, 0, &mut ends);
        let chars: Vec<&str> = ends.windows(2).map(|w| &s[w[0]..w[1]]).collect();
        assert_eq!(chars, ["e\u{301}\u{300}", "个", "\r\n", "🇫🇷", "👩‍👩‍👧"]);
    }

    #[test]
    fn segmenting_in_windows_matches_segmenting_at_once() {
        let mut x = Lcg(11);
        let pieces = [
            "a", " ", "\u{301}", "个", "人", "\r", "\n", "é", "🇫", "🇷", "\u{200d}", "👩", "ab",
        ];
        for _ in 0..200 {
            let s: String = (0..3000)
                .map(|_| pieces[x.next(pieces.len() as u64) as usize])
                .collect();
            let mut got = Vec::new();
            for_each_grapheme(&s, |g| got.push(g));
            let want = similar::DiffableStr::tokenize_graphemes(s.as_str());
            assert_eq!(got, want);
        }
    }

    #[test]
    fn cleanup_folds_short_equalities() {
        let d = TextDiff::compute_within(
            "向他人提供",
            "用于其他目的",
            Granularity::Chars,
            DEFAULT_BUDGET,
            true,
        );
        assert_eq!(d.ops().len(), 1);
        let raw = TextDiff::compute_within(
            "向他人提供",
            "用于其他目的",
            Granularity::Chars,
            DEFAULT_BUDGET,
            false,
        );
        assert!(raw.ops().len() > 1);
    }

    #[test]
    fn mirror_is_exact() {
        let a = "1. one two three\n2. four five\n3. six\n";
        let b = "1. one 2 three\n3. six seven\n";
        let ab = TextDiff::compute_within(a, b, Granularity::Words, DEFAULT_BUDGET, true);
        let ba = TextDiff::compute_within(b, a, Granularity::Words, DEFAULT_BUDGET, true);
        let mirrored: Vec<TextOp> = ba.ops().iter().map(TextOp::mirrored).collect();
        assert_eq!(ab.ops(), &mirrored[..]);
        assert_eq!(ab.similarity(), ba.similarity());
    }

    #[test]
    fn canonical_equivalence() {
        let nfd = |s: &str| s.nfd().collect::<String>();
        assert_eq!(nfd("café"), "cafe\u{301}");
        assert_eq!(nfd("ệ"), "e\u{323}\u{302}");
        // Canonical order: the dot below (220) before the circumflex (230).
        assert_eq!(nfd("e\u{302}\u{323}"), "e\u{323}\u{302}");
        assert_eq!(nfd("한"), "\u{1112}\u{1161}\u{11ab}");
        assert_eq!(nfd("Å"), nfd("Å"));
        let mut op = TextOp::new(OpTag::Replace, 0..5, 0..6);
        flag_normalization(&mut op, "café", "cafe\u{301}");
        assert!(op.is_normalization_only());
        let mut op = TextOp::new(OpTag::Replace, 0..5, 0..6);
        flag_normalization(&mut op, "cafè", "cafe\u{301}");
        assert!(!op.is_normalization_only());
    }

    #[test]
    fn budgets_from_timeouts() {
        assert_eq!(budget_for(DEFAULT_TIMEOUT), DEFAULT_BUDGET);
        assert_eq!(budget_for(Duration::ZERO), 0);
        assert_eq!(budget_for(Duration::from_millis(10)), DEFAULT_BUDGET / 100);
        assert_eq!(budget_for(Duration::MAX), u64::MAX);
    }
}
