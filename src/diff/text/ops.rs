//! The steps of a text diff: the ops (byte ranges of both texts), the lines that group them,
//! and the runs of kept, deleted and inserted text.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// What a [`TextOp`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextOp {
    pub(super) tag: OpTag,
    pub(super) old: Range<usize>,
    pub(super) new: Range<usize>,
    #[serde(rename = "normalization-only", skip_serializing_if = "is_false")]
    pub(super) normalization_only: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl TextOp {
    pub(super) fn new(tag: OpTag, old: Range<usize>, new: Range<usize>) -> TextOp {
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
    /// [module docs](crate::diff#unicode-normalisation)).
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
    pub(super) fn mirrored(&self) -> TextOp {
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
/// these; the flat [`TextDiff::ops`](super::TextDiff::ops) are the same steps without the
/// line grouping.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineOp {
    pub(super) tag: OpTag,
    pub(super) old: Range<usize>,
    pub(super) new: Range<usize>,
    pub(super) inline: Vec<TextOp>,
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
    pub(super) fn mirrored(&self) -> LineOp {
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A run of text that is kept, deleted or inserted; see
/// [`TextDiff::iter_changes`](super::TextDiff::iter_changes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Change<'a> {
    pub(super) tag: ChangeTag,
    pub(super) value: &'a str,
    pub(super) old_range: Option<Range<usize>>,
    pub(super) new_range: Option<Range<usize>>,
    #[serde(rename = "normalization-only", skip_serializing_if = "is_false")]
    pub(super) normalization_only: bool,
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
