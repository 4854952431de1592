//! Term lists and how they change: the [`Hierarchy`] of a vocabulary, [`TermChange`] between
//! two lists, and the overlap of two lists used in matching.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::model::{Activity, Actor, DataCategory, Purpose};

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

pub(super) fn list<T: fmt::Display>(items: &[T]) -> String {
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

/// How much a term that the other list only covers (or is covered by), without naming it,
/// counts towards the overlap of two lists, against 1 for a term both lists name: so that
/// draft PIPL art. 54's norm on automated decisions, disclosure and transfer abroad matches
/// PIPL art. 55's norm on the same three activities before art. 56's norm on any processing.
const COVERED_TERM_WEIGHT: f64 = 0.5;

/// The share of terms on both sides that overlap a term on the other side (1 when both lists
/// are empty, one half when only one is: an empty list means "any"); a term the other side
/// only covers or narrows counts [`COVERED_TERM_WEIGHT`].
pub(super) fn overlap<T: Hierarchy>(a: &[T], b: &[T]) -> f64 {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => 1.0,
        (true, false) | (false, true) => 0.5,
        (false, false) => {
            let hits = |x: &[T], y: &[T]| -> f64 {
                x.iter()
                    .map(|p| {
                        if y.contains(p) {
                            1.0
                        } else if y.iter().any(|q| p.covers(*q) || q.covers(*p)) {
                            COVERED_TERM_WEIGHT
                        } else {
                            0.0
                        }
                    })
                    .sum()
            };
            (hits(a, b) + hits(b, a)) / (a.len() + b.len()) as f64
        }
    }
}
