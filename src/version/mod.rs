//! Version diffs: what became of each article between two versions of an instrument.
//!
//! [`VersionDiff`] lists, for a draft and the law it became (or any two versions), each
//! article's fate: unchanged, amended, renumbered, split, merged, added, removed, or
//! unknown because the corpus does not hold the whole of the other version. It pairs the
//! articles with [`crate::align`] (in version mode) and diffs each pair with [`crate::diff`],
//! so it sits above both. A split or a merge is also judged as a whole
//! ([`VersionEntry::structure`], [`VersionEntry::text_diff`]), and [`VersionDiff::effects`]
//! records the amendments as a legislative analyst does ([`AmendmentEffect`]).

mod effects;

use std::fmt;

use serde::Serialize;

use crate::align::{AlignOptions, Alignment, GroupKind, Mode};
use crate::diff::{DiffOptions, ProvisionDiff, StructuralDiff, TextDiff};
use crate::model::{Instrument, Lang, Located, Provision};

pub use effects::{AmendmentEffect, EffectKind};

/// What became of a provision between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum VersionStatus {
    /// The same number and the same text (whitespace aside).
    Unchanged,
    /// The text changed (the provision may also have been renumbered: see
    /// [`VersionEntry::is_renumbered`]).
    Amended,
    /// The same text under another number.
    Renumbered,
    /// One old provision became several new ones.
    Split,
    /// Several old provisions became one new one.
    Merged,
    /// A new provision with no counterpart in the old version, which the corpus holds whole.
    Added,
    /// An old provision with no counterpart in the new version, which the corpus holds whole.
    Removed,
    /// A provision with no counterpart among the provisions the corpus holds of the other
    /// version, which it does not hold whole: the counterpart may be among the missing
    /// provisions, so the provision is neither called added nor removed.
    NotInCorpus,
}

impl VersionStatus {
    /// The kebab-case code.
    pub fn code(self) -> &'static str {
        match self {
            VersionStatus::Unchanged => "unchanged",
            VersionStatus::Amended => "amended",
            VersionStatus::Renumbered => "renumbered",
            VersionStatus::Split => "split",
            VersionStatus::Merged => "merged",
            VersionStatus::Added => "added",
            VersionStatus::Removed => "removed",
            VersionStatus::NotInCorpus => "not-in-corpus",
        }
    }

    /// What the status means, in one line (the legend of a version diff).
    ///
    /// ```
    /// use lexgap::version::VersionStatus;
    /// assert_eq!(VersionStatus::Split.definition(), "one old provision became several new ones");
    /// ```
    pub fn definition(self) -> &'static str {
        match self {
            VersionStatus::Unchanged => "the same number and the same text (whitespace aside)",
            VersionStatus::Amended => "the text changed (the number may have changed too)",
            VersionStatus::Renumbered => "the same text under another number",
            VersionStatus::Split => "one old provision became several new ones",
            VersionStatus::Merged => "several old provisions became one new one",
            VersionStatus::Added => {
                "a new provision with no counterpart in the old version, which the corpus holds whole"
            }
            VersionStatus::Removed => {
                "an old provision with no counterpart in the new version, which the corpus holds whole"
            }
            VersionStatus::NotInCorpus => {
                "no counterpart among the provisions the corpus holds of the other version, which it does not hold whole: neither added nor removed"
            }
        }
    }
}

impl fmt::Display for VersionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn ser_ids<S: serde::Serializer>(ps: &[&Provision], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ps.iter().map(|p| p.id.to_string()))
}

/// The texts of a split or merge, each side's provisions joined in document order, to be
/// diffed as a whole.
#[derive(Debug, Clone, PartialEq)]
struct GroupTexts {
    lang: Lang,
    old: String,
    new: String,
    options: DiffOptions,
}

/// One line of a version diff: old provisions, new provisions, what happened, the provision
/// diffs of the pairs, and the structural diff of the old provisions against the new ones
/// taken together.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct VersionEntry<'a> {
    status: VersionStatus,
    #[serde(serialize_with = "ser_ids")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    old: Vec<&'a Provision>,
    #[serde(serialize_with = "ser_ids")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    new: Vec<&'a Provision>,
    renumbered: bool,
    amended: bool,
    score: Option<f64>,
    diffs: Vec<ProvisionDiff<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    structure: Option<StructuralDiff<'a>>,
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    group_texts: Option<GroupTexts>,
}

impl<'a> VersionEntry<'a> {
    /// What happened.
    pub fn status(&self) -> VersionStatus {
        self.status
    }
    /// The old provisions (none for an addition).
    pub fn old_provisions(&self) -> &[&'a Provision] {
        &self.old
    }
    /// The new provisions (none for a removal).
    pub fn new_provisions(&self) -> &[&'a Provision] {
        &self.new
    }
    /// Whether no new provision keeps an old provision's number.
    pub fn is_renumbered(&self) -> bool {
        self.renumbered
    }
    /// Whether the text changed (whitespace aside), in the language compared.
    pub fn is_amended(&self) -> bool {
        self.amended
    }
    /// The lowest alignment score among the pairs, if the entry pairs anything.
    pub fn score(&self) -> Option<f64> {
        self.score
    }
    /// The provision diffs: one per old–new pair of an amended, renumbered, split or merged
    /// entry, in document order; none for an unchanged one.
    pub fn diffs(&self) -> &[ProvisionDiff<'a>] {
        &self.diffs
    }

    /// The structural diff of the old provisions against the new ones, each side taken
    /// together: for a split or a merge, what one new provision lacks and another holds has
    /// [moved](crate::diff::SafeguardChange::Moved), not been lost; for a one-to-one entry, the
    /// structural diff of its pair. `None` when a side is empty.
    ///
    /// ```
    /// use lexgap::diff::NormChange;
    /// use lexgap::version::VersionDiff;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// let split = diff.entry_for("cn/pipl-draft-2020/art-54").expect("art. 54 is held");
    /// let structure = split.structure().expect("both sides");
    /// assert!(!structure.iter_changes().any(|c| matches!(c, NormChange::Safeguard { change } if change.is_loss())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn structure(&self) -> Option<&StructuralDiff<'a>> {
        self.structure.as_ref()
    }

    /// The text diff of the entry as a whole: for a split or a merge, the old provisions'
    /// texts joined in document order (a line break between two) against the new ones', in
    /// the language of the pair diffs, when every provision has a text in it; for a one-to-one
    /// entry, the text diff of its pair. `None` when a side is empty, for an unchanged entry
    /// (which has no diff), and when the texts share no language (a diff of two languages
    /// would only say that one text replaced the other).
    ///
    /// ```
    /// use lexgap::version::VersionDiff;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// let split = diff.entry_for("cn/pipl-draft-2020/art-54").expect("art. 54 is held");
    /// let text = split.text_diff().expect("all three in Chinese");
    /// assert!(text.new().contains("个人信息保护影响评估应当包括下列内容"));
    /// assert!(text.similarity() > 0.7, "{}", text.similarity());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text_diff(&self) -> Option<TextDiff<'_>> {
        if let Some(g) = &self.group_texts {
            return Some(g.options.diff_texts(&g.old, &g.new, Some(&g.lang)));
        }
        match self.diffs.as_slice() {
            [d] if d.lang().is_some() => Some(d.text().clone()),
            _ => None,
        }
    }
}

/// The texts of a split or merge to diff as a whole, in the language of its pair diffs.
fn group_texts(
    old: &[&Provision],
    new: &[&Provision],
    diffs: &[ProvisionDiff<'_>],
    options: &DiffOptions,
) -> Option<GroupTexts> {
    if old.len() < 2 && new.len() < 2 {
        return None;
    }
    let lang = diffs.first()?.lang()?.clone();
    let join = |ps: &[&Provision]| -> Option<String> {
        let texts: Option<Vec<&str>> = ps
            .iter()
            .map(|p| p.text.get(&lang).map(|t| t.trim_end()))
            .collect();
        Some(texts?.join("\n"))
    };
    Some(GroupTexts {
        old: join(old)?,
        new: join(new)?,
        lang,
        options: options.clone(),
    })
}

/// What became of each provision between two versions of an instrument: unchanged, amended,
/// renumbered, split, merged, added, removed, or not in the corpus.
///
/// ```
/// use lexgap::version::{VersionDiff, VersionStatus};
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// let art27 = diff.entry_for("cn/pipl-draft-2020/art-27").expect("art. 27 is in the corpus");
/// assert_eq!(art27.status(), VersionStatus::Amended);
/// assert!(art27.is_renumbered());
/// assert_eq!(art27.new_provisions()[0].id.to_string(), "cn/pipl/art-26");
/// // The corpus has only four articles of the draft: the other final articles are not
/// // called "added".
/// assert!(!diff.old_complete());
/// assert_eq!(diff.count(VersionStatus::Added), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct VersionDiff<'a> {
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    old: &'a Instrument,
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    new: &'a Instrument,
    old_complete: bool,
    new_complete: bool,
    entries: Vec<VersionEntry<'a>>,
}

fn ser_inst<S: serde::Serializer>(i: &&Instrument, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&i.id)
}

impl<'a> VersionDiff<'a> {
    /// Diffs two versions with the default options.
    pub fn new(old: &'a Instrument, new: &'a Instrument) -> VersionDiff<'a> {
        VersionDiff::with_options(old, new, &AlignOptions::new(), &DiffOptions::new())
    }

    /// Diffs two versions with these alignment and diff options. The alignment is always
    /// made in [`Mode::Version`]; the diffs prefer the languages in the alignment's order
    /// (authentic texts first) unless `diff` already says otherwise.
    pub fn with_options(
        old: &'a Instrument,
        new: &'a Instrument,
        align: &AlignOptions,
        diff: &DiffOptions,
    ) -> VersionDiff<'a> {
        let alignment = align.clone().mode(Mode::Version).align(old, new);
        VersionDiff::from_alignment(&alignment, diff)
    }

    /// Builds the version diff from an alignment of the old version (left) with the new one
    /// (right), whatever its mode, using its [`groups`](Alignment::groups).
    pub fn from_alignment(alignment: &Alignment<'a>, diff: &DiffOptions) -> VersionDiff<'a> {
        let (old, new) = (alignment.left(), alignment.right());
        let (old_complete, new_complete) = (old.looks_complete(), new.looks_complete());
        // The alignment's languages are the policy's order (`Instrument::common_langs`):
        // given as preferences, they spare each diff working the order out again.
        let mut opts = diff.clone();
        for lang in alignment.langs() {
            opts.prefer_lang(lang.clone());
        }
        let entries = alignment
            .groups()
            .iter()
            .map(|g| {
                let score = g.pairs().iter().map(|p| p.score()).min_by(f64::total_cmp);
                let diffs: Vec<ProvisionDiff<'a>> = g
                    .left()
                    .iter()
                    .flat_map(|o| g.right().iter().map(move |n| (*o, *n)))
                    .map(|(o, n)| opts.diff_provisions(Located::new(old, o), Located::new(new, n)))
                    .collect();
                let amended = diffs.iter().any(|d| {
                    d.lang().is_none()
                        || crate::model::normalize_ws(d.old_text())
                            != crate::model::normalize_ws(d.new_text())
                });
                let renumbered = !g.left().is_empty()
                    && !g.right().is_empty()
                    && !g
                        .left()
                        .iter()
                        .any(|o| g.right().iter().any(|n| o.id.local() == n.id.local()));
                let status = match g.kind() {
                    GroupKind::OneToOne if amended => VersionStatus::Amended,
                    GroupKind::OneToOne if renumbered => VersionStatus::Renumbered,
                    GroupKind::OneToOne => VersionStatus::Unchanged,
                    GroupKind::Split => VersionStatus::Split,
                    GroupKind::Merge => VersionStatus::Merged,
                    GroupKind::LeftOnly if new_complete => VersionStatus::Removed,
                    GroupKind::RightOnly if old_complete => VersionStatus::Added,
                    _ => VersionStatus::NotInCorpus,
                };
                let diffs = if status == VersionStatus::Unchanged {
                    Vec::new()
                } else {
                    diffs
                };
                let (old_ps, new_ps) = (g.left(), g.right());
                let structure = (!old_ps.is_empty() && !new_ps.is_empty())
                    .then(|| StructuralDiff::of_groups(old_ps, new_ps));
                let group_texts = group_texts(old_ps, new_ps, &diffs, &opts);
                VersionEntry {
                    status,
                    old: old_ps.to_vec(),
                    new: new_ps.to_vec(),
                    renumbered,
                    amended,
                    score,
                    diffs,
                    structure,
                    group_texts,
                }
            })
            .collect();
        VersionDiff {
            old,
            new,
            old_complete,
            new_complete,
            entries,
        }
    }

    /// The old version.
    pub fn old_instrument(&self) -> &'a Instrument {
        self.old
    }

    /// The new version.
    pub fn new_instrument(&self) -> &'a Instrument {
        self.new
    }

    /// Whether the corpus seems to hold the whole old version
    /// ([`Instrument::looks_complete`](crate::model::Instrument::looks_complete)); when it does not, new provisions
    /// without a counterpart are [`VersionStatus::NotInCorpus`], not added.
    pub fn old_complete(&self) -> bool {
        self.old_complete
    }

    /// Whether the corpus seems to hold the whole new version; when it does not, old
    /// provisions without a counterpart are [`VersionStatus::NotInCorpus`], not removed.
    pub fn new_complete(&self) -> bool {
        self.new_complete
    }

    /// Every entry: by old provision in document order, then new provisions without a
    /// counterpart in new document order.
    pub fn entries(&self) -> &[VersionEntry<'a>] {
        &self.entries
    }

    /// The entries that say something about a change: not unchanged, and not
    /// [`VersionStatus::NotInCorpus`].
    pub fn changes(&self) -> impl Iterator<Item = &VersionEntry<'a>> + '_ {
        self.entries.iter().filter(|e| {
            !matches!(
                e.status,
                VersionStatus::Unchanged | VersionStatus::NotInCorpus
            )
        })
    }

    /// How many entries have this status.
    pub fn count(&self, status: VersionStatus) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }

    /// The entry that holds this provision (old or new, by id).
    pub fn entry_for(&self, id: &str) -> Option<&VersionEntry<'a>> {
        self.entries.iter().find(|e| {
            e.old
                .iter()
                .chain(e.new.iter())
                .any(|p| p.id.to_string().eq_ignore_ascii_case(id))
        })
    }
}
