//! Structural diffs: how the norms read from two provisions differ.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::model::{
    Activity, Actor, DataCategory, Derogation, Norm, NormKind, Provision, Purpose, Safeguard,
    SafeguardElement, SafeguardKind, Scope,
};

/// Weight of the data categories in matching a norm of one provision with a norm of the other.
pub const NORM_MATCH_DATA_WEIGHT: f64 = 0.4;
/// Weight of the activities in norm matching.
pub const NORM_MATCH_ACTIVITY_WEIGHT: f64 = 0.3;
/// Weight of the actors in norm matching.
pub const NORM_MATCH_ACTOR_WEIGHT: f64 = 0.1;
/// Weight of the similarity of the two norms' evidence quotes (Sørensen–Dice over character
/// bigrams, `strsim`) in norm matching.
pub const NORM_MATCH_QUOTE_WEIGHT: f64 = 0.2;

/// A vocabulary with a hierarchy, so that a change of terms can be a widening or a narrowing:
/// [`DataCategory`] (by [`DataCategory::is_a`]), [`Activity`] and [`Actor`] (by their
/// `covers`), [`Purpose`] (a family covers its members, [`Purpose::family`]).
///
/// ```
/// use lexgap::diff::Hierarchy;
/// use lexgap::model::{DataCategory, Purpose};
///
/// assert!(Hierarchy::covers(DataCategory::Biometric, DataCategory::FacialImage));
/// assert!(Hierarchy::covers(Purpose::StateSecurity, Purpose::PublicSecurity));
/// assert!(!Hierarchy::covers(Purpose::PublicSecurity, Purpose::StateSecurity));
/// ```
pub trait Hierarchy: Copy + Ord + fmt::Display {
    /// Whether `self` is `other` or broader than it.
    fn covers(self, other: Self) -> bool;
}

impl Hierarchy for DataCategory {
    fn covers(self, other: Self) -> bool {
        other.is_a(self)
    }
}

impl Hierarchy for Activity {
    fn covers(self, other: Self) -> bool {
        Activity::covers(self, other)
    }
}

impl Hierarchy for Actor {
    fn covers(self, other: Self) -> bool {
        Actor::covers(self, other)
    }
}

impl Hierarchy for Purpose {
    fn covers(self, other: Self) -> bool {
        self == other || other.family() == Some(self)
    }
}

/// How a list of terms (actors, data categories, activities, purposes or exception grounds)
/// changed from the old norm to the new one.
///
/// An empty list on a norm means "any" (a norm that names no actor binds everyone), so a list
/// that empties is [`Unrestricted`](TermChange::Unrestricted) and one that fills is
/// [`Restricted`](TermChange::Restricted). Terms replaced by broader ones (facial-image →
/// biometric) are a widening; by narrower ones, a narrowing; the hierarchies are those of
/// [`DataCategory::is_a`], [`Activity::covers`], [`Actor::covers`] and [`Purpose::family`].
///
/// ```
/// use lexgap::diff::TermChange;
/// use lexgap::model::DataCategory::*;
///
/// let changes = TermChange::between(&[FacialImage, IdentityFeatures, Health], &[Biometric, Location]);
/// assert_eq!(changes, [
///     TermChange::Widened { from: vec![FacialImage, IdentityFeatures], to: Biometric },
///     TermChange::Added(Location),
///     TermChange::Removed(Health),
/// ]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "change", content = "terms", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TermChange<T> {
    /// A term that the old list did not have and that covers none of the old terms.
    Added(T),
    /// A term that the new list dropped and that no new term covers or narrows.
    Removed(T),
    /// Narrower terms replaced by a broader one.
    Widened {
        /// The old, narrower terms.
        from: Vec<T>,
        /// The new, broader term.
        to: T,
    },
    /// A broader term replaced by narrower ones.
    Narrowed {
        /// The old, broader term.
        from: T,
        /// The new, narrower terms.
        to: Vec<T>,
    },
    /// The list was emptied: the norm now applies to any.
    Unrestricted {
        /// The terms it was limited to.
        from: Vec<T>,
    },
    /// The list was empty (any) and now names terms.
    Restricted {
        /// The terms it is now limited to.
        to: Vec<T>,
    },
}

impl<T: Hierarchy> TermChange<T> {
    /// The changes that turn the `old` list into the `new` one, in a fixed order: widenings,
    /// narrowings, additions, removals, each by term.
    pub fn between(old: &[T], new: &[T]) -> Vec<TermChange<T>> {
        let o: BTreeSet<T> = old.iter().copied().collect();
        let n: BTreeSet<T> = new.iter().copied().collect();
        if o == n {
            return Vec::new();
        }
        if o.is_empty() {
            return vec![TermChange::Restricted {
                to: n.into_iter().collect(),
            }];
        }
        if n.is_empty() {
            return vec![TermChange::Unrestricted {
                from: o.into_iter().collect(),
            }];
        }
        let only_o: Vec<T> = o.difference(&n).copied().collect();
        let only_n: Vec<T> = n.difference(&o).copied().collect();
        let mut used_o = vec![false; only_o.len()];
        let mut used_n = vec![false; only_n.len()];
        let mut out = Vec::new();
        for (j, &x) in only_n.iter().enumerate() {
            let from: Vec<usize> = (0..only_o.len())
                .filter(|&i| !used_o[i] && x.covers(only_o[i]))
                .collect();
            if !from.is_empty() {
                from.iter().for_each(|&i| used_o[i] = true);
                used_n[j] = true;
                out.push(TermChange::Widened {
                    from: from.iter().map(|&i| only_o[i]).collect(),
                    to: x,
                });
            }
        }
        for (i, &y) in only_o.iter().enumerate() {
            if used_o[i] {
                continue;
            }
            let to: Vec<usize> = (0..only_n.len())
                .filter(|&j| !used_n[j] && y.covers(only_n[j]))
                .collect();
            if !to.is_empty() {
                to.iter().for_each(|&j| used_n[j] = true);
                used_o[i] = true;
                out.push(TermChange::Narrowed {
                    from: y,
                    to: to.iter().map(|&j| only_n[j]).collect(),
                });
            }
        }
        for (j, &x) in only_n.iter().enumerate() {
            if !used_n[j] {
                out.push(TermChange::Added(x));
            }
        }
        for (i, &y) in only_o.iter().enumerate() {
            if !used_o[i] {
                out.push(TermChange::Removed(y));
            }
        }
        out
    }
}

fn list<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl<T: fmt::Display> fmt::Display for TermChange<T> {
    /// `added biometric`, `widened facial-image, identity-features → biometric`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermChange::Added(t) => write!(f, "added {t}"),
            TermChange::Removed(t) => write!(f, "removed {t}"),
            TermChange::Widened { from, to } => write!(f, "widened {} → {to}", list(from)),
            TermChange::Narrowed { from, to } => write!(f, "narrowed {from} → {}", list(to)),
            TermChange::Unrestricted { from } => write!(f, "now any (was {})", list(from)),
            TermChange::Restricted { to } => write!(f, "now only {} (was any)", list(to)),
        }
    }
}

/// How the safeguards of a norm (or of an exception) changed.
///
/// Safeguards are compared by kind; two of the same kind on one side count as one with the
/// union of their elements. A safeguard that keeps its kind but loses elements (an impact
/// assessment no longer "prior") is weakened. Strict necessity replaced by plain necessity is a
/// downgrade, not a removal plus an addition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SafeguardChange<'a> {
    /// A kind of safeguard the old side did not have.
    Added(&'a Safeguard),
    /// A kind of safeguard the new side does not have.
    Removed(&'a Safeguard),
    /// The same kind with fewer elements.
    Weakened {
        /// The kind of safeguard.
        kind: SafeguardKind,
        /// The elements the new side lacks.
        lost: Vec<SafeguardElement>,
    },
    /// The same kind with more elements.
    Strengthened {
        /// The kind of safeguard.
        kind: SafeguardKind,
        /// The elements only the new side has.
        gained: Vec<SafeguardElement>,
    },
    /// A stricter kind replaced by a laxer one (strict necessity → necessity).
    Downgraded {
        /// The old, stricter kind.
        from: SafeguardKind,
        /// The new, laxer kind.
        to: SafeguardKind,
    },
    /// A laxer kind replaced by a stricter one (necessity → strict necessity).
    Upgraded {
        /// The old, laxer kind.
        from: SafeguardKind,
        /// The new, stricter kind.
        to: SafeguardKind,
    },
}

impl SafeguardChange<'_> {
    /// Whether the change takes protection away (removed, weakened, downgraded).
    pub fn is_loss(&self) -> bool {
        matches!(
            self,
            SafeguardChange::Removed(_)
                | SafeguardChange::Weakened { .. }
                | SafeguardChange::Downgraded { .. }
        )
    }
}

impl fmt::Display for SafeguardChange<'_> {
    /// `added necessity`, `impact-assessment weakened: lost dpo-advice`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SafeguardChange::Added(s) => write!(f, "added {}", s.kind),
            SafeguardChange::Removed(s) => write!(f, "removed {}", s.kind),
            SafeguardChange::Weakened { kind, lost } => {
                write!(f, "{kind} weakened: lost {}", list(lost))
            }
            SafeguardChange::Strengthened { kind, gained } => {
                write!(f, "{kind} strengthened: gained {}", list(gained))
            }
            SafeguardChange::Downgraded { from, to } => write!(f, "{from} downgraded to {to}"),
            SafeguardChange::Upgraded { from, to } => write!(f, "{from} upgraded to {to}"),
        }
    }
}

/// Pairs of safeguard kinds where the first is a stricter form of the second.
const STRICTER: &[(SafeguardKind, SafeguardKind)] =
    &[(SafeguardKind::StrictNecessity, SafeguardKind::Necessity)];

fn safeguard_changes<'a>(old: &'a [Safeguard], new: &'a [Safeguard]) -> Vec<SafeguardChange<'a>> {
    type ByKind<'a> = BTreeMap<SafeguardKind, (&'a Safeguard, BTreeSet<SafeguardElement>)>;
    let group = |list: &'a [Safeguard]| -> ByKind<'a> {
        let mut m: ByKind<'a> = BTreeMap::new();
        for s in list {
            m.entry(s.kind)
                .or_insert_with(|| (s, BTreeSet::new()))
                .1
                .extend(s.elements.iter().copied());
        }
        m
    };
    let (o, n) = (group(old), group(new));
    let mut out = Vec::new();
    let mut handled: BTreeSet<SafeguardKind> = BTreeSet::new();
    for &(strict, lax) in STRICTER {
        let (os, ol) = (o.contains_key(&strict), o.contains_key(&lax));
        let (ns, nl) = (n.contains_key(&strict), n.contains_key(&lax));
        if os && !ns && nl && !ol {
            out.push(SafeguardChange::Downgraded {
                from: strict,
                to: lax,
            });
            handled.extend([strict, lax]);
        } else if ol && !nl && ns && !os {
            out.push(SafeguardChange::Upgraded {
                from: lax,
                to: strict,
            });
            handled.extend([strict, lax]);
        }
    }
    for (kind, (s, els)) in &o {
        if handled.contains(kind) {
            continue;
        }
        match n.get(kind) {
            None => out.push(SafeguardChange::Removed(s)),
            Some((_, new_els)) => {
                let lost: Vec<SafeguardElement> = els.difference(new_els).copied().collect();
                let gained: Vec<SafeguardElement> = new_els.difference(els).copied().collect();
                if !lost.is_empty() {
                    out.push(SafeguardChange::Weakened { kind: *kind, lost });
                }
                if !gained.is_empty() {
                    out.push(SafeguardChange::Strengthened {
                        kind: *kind,
                        gained,
                    });
                }
            }
        }
    }
    for (kind, (s, _)) in &n {
        if !handled.contains(kind) && !o.contains_key(kind) {
            out.push(SafeguardChange::Added(s));
        }
    }
    out
}

/// One change between a norm of the old provision and the matching norm of the new one.
///
/// ```
/// use lexgap::diff::{NormChange, ProvisionDiff, TermChange};
/// use lexgap::model::Purpose;
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = ProvisionDiff::new(corpus.locate("cn/pipl-draft-2020/art-27")?, corpus.locate("cn/pipl/art-26")?);
/// let dropped = diff.structure().iter_changes().find(|c| matches!(c, NormChange::ExceptionDropped { .. }));
/// assert_eq!(dropped.map(|c| c.to_string()).as_deref(), Some("exception dropped: grounds other-law"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NormChange<'a> {
    /// The norm moved between provision scope and instrument scope.
    Scope {
        /// The old scope.
        old: Scope,
        /// The new scope.
        new: Scope,
    },
    /// Whom the norm binds or empowers.
    Actors {
        /// How the list changed.
        change: TermChange<Actor>,
    },
    /// Which data the norm is about.
    Data {
        /// How the list changed.
        change: TermChange<DataCategory>,
    },
    /// What the norm lets or makes someone do with the data.
    Activities {
        /// How the list changed.
        change: TermChange<Activity>,
    },
    /// The purposes or grounds of the norm.
    Purposes {
        /// How the list changed.
        change: TermChange<Purpose>,
    },
    /// A safeguard of the norm itself.
    Safeguard {
        /// How it changed.
        change: SafeguardChange<'a>,
    },
    /// A derogation only the new provision has.
    ExceptionAdded {
        /// The new exception.
        exception: &'a Derogation,
    },
    /// A derogation only the old provision had.
    ExceptionDropped {
        /// The old exception.
        exception: &'a Derogation,
    },
    /// The grounds of a derogation both provisions have.
    ExceptionGrounds {
        /// The derogation in the old provision.
        old: &'a Derogation,
        /// The derogation in the new provision.
        new: &'a Derogation,
        /// How its grounds changed.
        change: TermChange<Purpose>,
    },
    /// Whom a derogation both provisions have covers.
    ExceptionActors {
        /// The derogation in the old provision.
        old: &'a Derogation,
        /// The derogation in the new provision.
        new: &'a Derogation,
        /// How its actors changed.
        change: TermChange<Actor>,
    },
    /// The conditions of a derogation both provisions have.
    ExceptionSafeguard {
        /// The derogation in the old provision.
        old: &'a Derogation,
        /// The derogation in the new provision.
        new: &'a Derogation,
        /// How a safeguard of it changed.
        change: SafeguardChange<'a>,
    },
}

impl fmt::Display for NormChange<'_> {
    /// One lowercase line: `data: widened facial-image → biometric`,
    /// `exception dropped: grounds separate-consent, other-law`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NormChange::Scope { old, new } => write!(f, "scope: {old} → {new}"),
            NormChange::Actors { change } => write!(f, "actors: {change}"),
            NormChange::Data { change } => write!(f, "data: {change}"),
            NormChange::Activities { change } => write!(f, "activities: {change}"),
            NormChange::Purposes { change } => write!(f, "purposes: {change}"),
            NormChange::Safeguard { change } => write!(f, "safeguards: {change}"),
            NormChange::ExceptionAdded { exception } => {
                write!(
                    f,
                    "exception added: grounds {}",
                    list(&exception.ground_terms())
                )
            }
            NormChange::ExceptionDropped { exception } => {
                write!(
                    f,
                    "exception dropped: grounds {}",
                    list(&exception.ground_terms())
                )
            }
            NormChange::ExceptionGrounds { change, .. } => write!(f, "exception grounds: {change}"),
            NormChange::ExceptionActors { change, .. } => write!(f, "exception actors: {change}"),
            NormChange::ExceptionSafeguard { change, .. } => {
                write!(f, "exception safeguards: {change}")
            }
        }
    }
}

/// Whether a norm is only on one side, on both and changed, or on both and the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
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
/// activities, then the best score of data, activity and actor overlap and the similarity of
/// their evidence quotes (weights [`NORM_MATCH_DATA_WEIGHT`] and the constants next to it).
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
        let grounds = |p: &Provision| -> BTreeSet<Purpose> {
            p.derogations
                .iter()
                .flat_map(|d| d.ground_terms())
                .collect()
        };
        let annotated = |p: &Provision| !p.norms.is_empty() || !p.derogations.is_empty();
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
            diff.norms = norm_diffs(&old.norms, &new.norms);
            diff.derogations = exception_changes(&old.derogations, &new.derogations);
        }
        diff
    }
}

/// Matches the norms of two provisions and compares the pairs.
fn norm_diffs<'a>(old: &'a [Norm], new: &'a [Norm]) -> Vec<NormDiff<'a>> {
    {
        let old_to_new = greedy_match(old, new, norm_affinity);
        let new_taken = taken(&old_to_new, new.len());
        let mut norms = Vec::new();
        for (i, o) in old.iter().enumerate() {
            match old_to_new[i] {
                Some(j) => norms.push(NormDiff {
                    old: Some(o),
                    new: Some(&new[j]),
                    changes: norm_changes(o, &new[j]),
                }),
                None => norms.push(NormDiff {
                    old: Some(o),
                    new: None,
                    changes: Vec::new(),
                }),
            }
        }
        for (j, n) in new.iter().enumerate() {
            if !new_taken[j] {
                norms.push(NormDiff {
                    old: None,
                    new: Some(n),
                    changes: Vec::new(),
                });
            }
        }
        norms
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

/// How well two norms match; `None` when they cannot be the same norm (different kinds, or
/// neither data nor activities in common, by
/// [`Processing::shares_data_or_activities`](crate::model::Processing::shares_data_or_activities)).
fn norm_affinity(o: &Norm, n: &Norm) -> Option<f64> {
    if o.kind != n.kind || !o.processing().shares_data_or_activities(&n.processing()) {
        return None;
    }
    let data = overlap(&o.data, &n.data);
    let activities = overlap(&o.activities, &n.activities);
    let actors = overlap(&o.actors, &n.actors);
    let quote = strsim::sorensen_dice(&o.evidence.quote, &n.evidence.quote);
    Some(
        NORM_MATCH_DATA_WEIGHT * data
            + NORM_MATCH_ACTIVITY_WEIGHT * activities
            + NORM_MATCH_ACTOR_WEIGHT * actors
            + NORM_MATCH_QUOTE_WEIGHT * quote,
    )
}

/// The share of terms on both sides that overlap a term on the other side (1 when both lists
/// are empty, one half when only one is: an empty list means "any").
pub(crate) fn overlap<T: Hierarchy>(a: &[T], b: &[T]) -> f64 {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => 1.0,
        (true, false) | (false, true) => 0.5,
        (false, false) => {
            let hits = |x: &[T], y: &[T]| {
                x.iter()
                    .filter(|p| y.iter().any(|q| p.covers(*q) || q.covers(**p)))
                    .count()
            };
            (hits(a, b) + hits(b, a)) as f64 / (a.len() + b.len()) as f64
        }
    }
}

fn norm_changes<'a>(o: &'a Norm, n: &'a Norm) -> Vec<NormChange<'a>> {
    let mut out = Vec::new();
    if o.scope != n.scope {
        out.push(NormChange::Scope {
            old: o.scope,
            new: n.scope,
        });
    }
    out.extend(
        TermChange::between(&o.actors, &n.actors)
            .into_iter()
            .map(|change| NormChange::Actors { change }),
    );
    out.extend(
        TermChange::between(&o.data, &n.data)
            .into_iter()
            .map(|change| NormChange::Data { change }),
    );
    out.extend(
        TermChange::between(&o.activities, &n.activities)
            .into_iter()
            .map(|change| NormChange::Activities { change }),
    );
    out.extend(
        TermChange::between(&o.purposes, &n.purposes)
            .into_iter()
            .map(|change| NormChange::Purposes { change }),
    );
    out.extend(
        safeguard_changes(&o.safeguards, &n.safeguards)
            .into_iter()
            .map(|change| NormChange::Safeguard { change }),
    );
    out
}

/// How well two exceptions match: shared or related grounds, else similar wording.
fn exception_affinity(o: &Derogation, n: &Derogation) -> Option<f64> {
    let grounds = overlap_related(&o.ground_terms(), &n.ground_terms());
    let quote = strsim::sorensen_dice(&o.evidence.quote, &n.evidence.quote);
    (grounds > 0.0 || quote >= 0.5).then_some(grounds + 0.5 * quote)
}

fn overlap_related(a: &[Purpose], b: &[Purpose]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let hits =
        |x: &[Purpose], y: &[Purpose]| x.iter().filter(|p| y.iter().any(|q| p.related(*q))).count();
    (hits(a, b) + hits(b, a)) as f64 / (a.len() + b.len()) as f64
}

/// Pairs items one to one, best affinity first (ties by position), so the result does not
/// depend on anything but the two lists: `result[i]` is the new index matched to old `i`.
fn greedy_match<T>(
    old: &[T],
    new: &[T],
    affinity: impl Fn(&T, &T) -> Option<f64>,
) -> Vec<Option<usize>> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, o) in old.iter().enumerate() {
        for (j, n) in new.iter().enumerate() {
            if let Some(score) = affinity(o, n) {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    for (_, i, j) in candidates {
        if old_to_new[i].is_none() && !new_taken[j] {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
    old_to_new
}

/// Which new indices a matching uses.
fn taken(old_to_new: &[Option<usize>], new_len: usize) -> Vec<bool> {
    let mut out = vec![false; new_len];
    for j in old_to_new.iter().flatten() {
        out[*j] = true;
    }
    out
}

fn exception_changes<'a>(old: &'a [Derogation], new: &'a [Derogation]) -> Vec<NormChange<'a>> {
    let old_to_new = greedy_match(old, new, exception_affinity);
    let new_taken = taken(&old_to_new, new.len());
    let mut out = Vec::new();
    for (i, o) in old.iter().enumerate() {
        let Some(j) = old_to_new[i] else {
            out.push(NormChange::ExceptionDropped { exception: o });
            continue;
        };
        let n = &new[j];
        out.extend(
            TermChange::between(&o.ground_terms(), &n.ground_terms())
                .into_iter()
                .map(|change| NormChange::ExceptionGrounds {
                    old: o,
                    new: n,
                    change,
                }),
        );
        out.extend(
            TermChange::between(&o.covers.actors, &n.covers.actors)
                .into_iter()
                .map(|change| NormChange::ExceptionActors {
                    old: o,
                    new: n,
                    change,
                }),
        );
        out.extend(
            safeguard_changes(&o.safeguards, &n.safeguards)
                .into_iter()
                .map(|change| NormChange::ExceptionSafeguard {
                    old: o,
                    new: n,
                    change,
                }),
        );
    }
    for (j, n) in new.iter().enumerate() {
        if !new_taken[j] {
            out.push(NormChange::ExceptionAdded { exception: n });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Lang};

    fn sg(kind: SafeguardKind, elements: &[SafeguardElement]) -> Safeguard {
        Safeguard {
            kind,
            elements: elements.to_vec(),
            evidence: Evidence {
                lang: Lang::new("en").unwrap(),
                quote: kind.code().into(),
            },
            provision: None,
        }
    }

    #[test]
    fn safeguards_weakened_and_downgraded() {
        use SafeguardElement::*;
        use SafeguardKind::*;
        let old = [
            sg(ImpactAssessment, &[Prior, DpoAdvice]),
            sg(StrictNecessity, &[]),
        ];
        let new = [sg(ImpactAssessment, &[Prior, Records]), sg(Necessity, &[])];
        let changes = safeguard_changes(&old, &new);
        let shown: Vec<String> = changes.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "strict-necessity downgraded to necessity",
                "impact-assessment weakened: lost dpo-advice",
                "impact-assessment strengthened: gained records",
            ]
        );
        assert!(changes[0].is_loss() && changes[1].is_loss() && !changes[2].is_loss());
    }

    #[test]
    fn any_lists() {
        use Actor::*;
        assert_eq!(
            TermChange::between(&[], &[LawEnforcement])
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["now only law-enforcement (was any)"]
        );
        assert_eq!(
            TermChange::between(&[LawEnforcement], &[]),
            [TermChange::Unrestricted {
                from: vec![LawEnforcement]
            }]
        );
        assert_eq!(
            TermChange::between(&[PublicAuthority], &[Prosecutor, Court]),
            [TermChange::Narrowed {
                from: PublicAuthority,
                to: vec![Prosecutor, Court]
            }]
        );
        assert!(TermChange::between(&[Court, Court], &[Court]).is_empty());
    }
}
