//! Structural diffs: how the norms read from two provisions differ.
//!
//! The types a diff is made of are here ([`StructuralDiff`], [`NormDiff`], [`NormStatus`]);
//! the term lists and their hierarchies are in `terms`, the changes in `changes`, norm
//! matching in `matching`, derogation changes in `derogations`, and what moves within a split
//! or a merge in `groups`.

mod changes;
mod derogations;
mod groups;
mod matching;
mod terms;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::model::{Derogation, Norm, NormKind, Provision, Purpose};

pub use changes::{NormChange, SafeguardChange};
pub use terms::{Hierarchy, TermChange};

/// Whether a norm is only on one side, on both and changed, or on both and the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NormStatus {
    /// Read from both provisions, the same.
    Unchanged,
    /// Read from both provisions, with changes.
    Changed,
    /// Only in the new provision.
    Added,
    /// Only in the old provision.
    Removed,
}

impl fmt::Display for NormStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NormStatus::Unchanged => "unchanged",
            NormStatus::Changed => "changed",
            NormStatus::Added => "added",
            NormStatus::Removed => "removed",
        })
    }
}

/// A norm of the old provision, the matching norm of the new one, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NormDiff<'a> {
    old: Option<&'a Norm>,
    new: Option<&'a Norm>,
    changes: Vec<NormChange<'a>>,
}

impl<'a> NormDiff<'a> {
    /// The norm in the old provision, if it has one.
    pub fn old_norm(&self) -> Option<&'a Norm> {
        self.old
    }
    /// The norm in the new provision, if it has one.
    pub fn new_norm(&self) -> Option<&'a Norm> {
        self.new
    }
    /// The kind of norm (from the new side when there is one).
    pub fn kind(&self) -> Option<NormKind> {
        self.new.or(self.old).map(|n| n.kind)
    }
    /// Added, removed, changed or unchanged.
    pub fn status(&self) -> NormStatus {
        match (self.old, self.new) {
            (None, Some(_)) => NormStatus::Added,
            (Some(_), None) => NormStatus::Removed,
            _ if self.changes.is_empty() => NormStatus::Unchanged,
            _ => NormStatus::Changed,
        }
    }
    /// What changed between the two norms, in a fixed order (scope, actors, data, activities,
    /// purposes, safeguards, exceptions); empty for an added or removed norm.
    pub fn changes(&self) -> &[NormChange<'a>] {
        &self.changes
    }
}

/// How the norms read from two provisions differ.
///
/// Norms are matched one to one between the two sides: same kind, overlapping data or
/// activities, then the best score of data (weight 0.4), activity (0.3) and actor (0.1)
/// overlap and the similarity of their evidence quotes (0.2, Sørensen–Dice over character
/// bigrams).
/// Matched norms are compared term by term; the rest are added or removed.
///
/// A provision with no norms at all has not been annotated, which is not the same as having
/// no rule: when either side has none, nothing is reported as added or removed, and
/// [`is_comparable`](StructuralDiff::is_comparable) is false.
///
/// ```
/// use lexgap::diff::ProvisionDiff;
/// use lexgap::model::Purpose;
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = ProvisionDiff::new(corpus.locate("cn/pipl-draft-2020/art-27")?, corpus.locate("cn/pipl/art-26")?);
/// assert_eq!(diff.structure().grounds_dropped(), [Purpose::OtherLaw]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct StructuralDiff<'a> {
    old_annotated: bool,
    new_annotated: bool,
    norms: Vec<NormDiff<'a>>,
    derogations: Vec<NormChange<'a>>,
    old_grounds: BTreeSet<Purpose>,
    new_grounds: BTreeSet<Purpose>,
}

impl<'a> StructuralDiff<'a> {
    /// Compares the norms and derogations of two provisions.
    pub fn new(old: &'a Provision, new: &'a Provision) -> StructuralDiff<'a> {
        StructuralDiff::of_groups(&[old], &[new])
    }

    /// Compares the norms and derogations of several old provisions, taken together, with
    /// those of several new ones: a split (one old provision, several new) or a merge judged
    /// as a whole. Norms are matched across the groups; a safeguard element that a matched
    /// norm lacks but another provision of the other group holds is
    /// [`Moved`](SafeguardChange::Moved), not lost or gained. Each side counts as annotated
    /// when every provision of it carries norms.
    ///
    /// Draft PIPL art. 54 became arts. 55 (when to assess) and 56 (what the assessment
    /// covers): nothing of the assessment is lost.
    ///
    /// ```
    /// use lexgap::diff::{NormChange, SafeguardChange, StructuralDiff};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let draft = corpus.locate("cn/pipl-draft-2020/art-54")?.provision();
    /// let (a55, a56) = (corpus.locate("cn/pipl/art-55")?.provision(), corpus.locate("cn/pipl/art-56")?.provision());
    /// let split = StructuralDiff::of_groups(&[draft], &[a55, a56]);
    /// assert!(split.iter_changes().all(|c| !matches!(c, NormChange::Safeguard { change } if change.is_loss())));
    /// assert!(split.iter_changes().any(|c| c.to_string()
    ///     == "safeguards: impact-assessment elements moved from art-54 to art-56: \
    ///         content-specified, risk-to-rights, measures, record-retention"));
    /// // Against art. 55 alone, the contents of the assessment are lost.
    /// assert!(StructuralDiff::new(draft, a55).iter_changes().any(|c| c.to_string().contains("lost content-specified")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_groups(old: &[&'a Provision], new: &[&'a Provision]) -> StructuralDiff<'a> {
        let grounds = |ps: &[&Provision]| -> BTreeSet<Purpose> {
            ps.iter()
                .flat_map(|p| &p.derogations)
                .flat_map(|d| d.ground_terms())
                .collect()
        };
        let annotated = |ps: &[&Provision]| {
            !ps.is_empty()
                && ps
                    .iter()
                    .all(|p| !p.norms.is_empty() || !p.derogations.is_empty())
        };
        let (old_annotated, new_annotated) = (annotated(old), annotated(new));
        let mut diff = StructuralDiff {
            old_annotated,
            new_annotated,
            norms: Vec::new(),
            derogations: Vec::new(),
            old_grounds: grounds(old),
            new_grounds: grounds(new),
        };
        if old_annotated && new_annotated {
            let norms = |ps: &[&'a Provision]| -> Vec<&'a Norm> {
                ps.iter().flat_map(|p| &p.norms).collect()
            };
            let derogations = |ps: &[&'a Provision]| -> Vec<&'a Derogation> {
                ps.iter().flat_map(|p| &p.derogations).collect()
            };
            diff.norms = matching::norm_diffs(&norms(old), &norms(new));
            diff.derogations = derogations::exception_changes(&derogations(old), &derogations(new));
            if old.len() > 1 || new.len() > 1 {
                groups::relocate(&mut diff, old, new);
            }
        }
        diff
    }
}

impl<'a> StructuralDiff<'a> {
    /// Whether both provisions carry norms, so that the two readings can be compared.
    pub fn is_comparable(&self) -> bool {
        self.old_annotated && self.new_annotated
    }

    /// Whether the old provision carries norms.
    pub fn old_annotated(&self) -> bool {
        self.old_annotated
    }

    /// Whether the new provision carries norms.
    pub fn new_annotated(&self) -> bool {
        self.new_annotated
    }

    /// Every norm of both sides: matched pairs and removed norms in the old provision's order,
    /// then added norms in the new provision's order.
    pub fn norms(&self) -> &[NormDiff<'a>] {
        &self.norms
    }

    /// Whether nothing changed (or the two sides cannot be compared).
    pub fn is_empty(&self) -> bool {
        self.derogations.is_empty()
            && self
                .norms
                .iter()
                .all(|n| n.status() == NormStatus::Unchanged)
    }

    /// Every change within matched norms, in order, then the derogations added, dropped or
    /// changed.
    pub fn iter_changes(&self) -> impl Iterator<Item = &NormChange<'a>> + '_ {
        self.norms
            .iter()
            .flat_map(|n| n.changes.iter())
            .chain(&self.derogations)
    }

    /// The changes of the derogations: added, dropped, grounds, coverage, conditions.
    pub fn derogation_changes(&self) -> &[NormChange<'a>] {
        &self.derogations
    }

    /// The exception grounds the old provision's norms had and the new one's have nowhere:
    /// draft PIPL art. 27's "法律、行政法规另有规定" (`other-law`), gone from PIPL art. 26.
    pub fn grounds_dropped(&self) -> Vec<Purpose> {
        let (o, n) = self.grounds();
        o.difference(&n).copied().collect()
    }

    /// The exception grounds only the new provision's norms have.
    pub fn grounds_added(&self) -> Vec<Purpose> {
        let (o, n) = self.grounds();
        n.difference(&o).copied().collect()
    }

    fn grounds(&self) -> (BTreeSet<Purpose>, BTreeSet<Purpose>) {
        if !self.is_comparable() {
            return (BTreeSet::new(), BTreeSet::new());
        }
        (self.old_grounds.clone(), self.new_grounds.clone())
    }
}
