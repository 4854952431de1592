//! Text diffs: lines first, then words or characters inside the changed lines, within a
//! budget of steps.
//!
//! This file holds [`TextDiff`] and the public API; the steps are in `lines` (line pairing),
//! `tokens` (tokens and the diff inside changed lines), `cleanup` (semantic clean-up) and
//! `similarity`, and the types of the steps in `ops`.
//!
//! What a budget buys, how clusters and normalisation are handled: see the [module
//! docs of `diff`](crate::diff#a-budget-of-steps-not-a-deadline).

mod cleanup;
mod lines;
mod ops;
mod similarity;
#[cfg(test)]
mod tests;
mod tokens;

use std::ops::Range;
use std::time::Duration;

use serde::Serialize;
use similar::DiffOp;

use super::search::Budget;
use crate::model::Lang;

use cleanup::push_merged;
use lines::diff_lines;
pub use ops::{Change, ChangeTag, LineOp, OpTag, TextOp};
use similarity::{flag_normalization, similarity_of};
pub use tokens::Granularity;

/// How much work a diff may do before it compares coarsely: 100 million steps.
///
/// A step is one token or line hashed, one pair of tokens compared, or one diagonal visited by
/// the search; 100 million steps of search take about 0.4 s on one core of a current machine
/// (release build). Ordinary legal texts need far fewer: a few thousand for an article, about ten
/// thousand for the whole GDPR (190 KB, lines first) against an edited copy. Past the budget a diff compares
/// the rest coarsely (see the [module docs](crate::diff#a-budget-of-steps-not-a-deadline)); it then spends up to the same budget again
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
/// of steps for the whole text (see the [module docs](crate::diff#a-budget-of-steps-not-a-deadline) for what happens past it). Short
/// equal runs sandwiched between larger changes (a shared 他 inside 向他人提供 → 用于其他目的)
/// are then folded into the change, as diff-match-patch's semantic clean-up does, so that a
/// replaced phrase reads as one replacement. The diff is always computed in one canonical
/// direction and mirrored when needed, so that diffing `b` against `a` gives exactly the mirror
/// of diffing `a` against `b`, and the same [`similarity`](TextDiff::similarity).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Diffs within a budget of `budget` steps (see the [module docs](crate::diff#a-budget-of-steps-not-a-deadline)).
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
        let mut ops: Vec<TextOp> =
            Vec::with_capacity(lines.iter().map(|line| line.inline.len()).sum());
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
    /// [module docs](crate::diff#a-budget-of-steps-not-a-deadline) and [`approximation`](TextDiff::approximation)).
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
