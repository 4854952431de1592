//! The changes reported between two matched norms: [`NormChange`] and [`SafeguardChange`],
//! their one-line displays, and how they are computed from two norms or two lists of
//! safeguards.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use super::terms::{TermChange, list};
use crate::model::{
    Activity, Actor, DataCategory, Derogation, Norm, ProvisionId, Purpose, Safeguard,
    SafeguardElement, SafeguardKind, Scope,
};

/// How the safeguards of a norm (or of an exception) changed.
///
/// Safeguards are compared by kind; two of the same kind on one side count as one with the
/// union of their elements. A safeguard that keeps its kind but loses elements (an impact
/// assessment no longer "prior") is weakened. Strict necessity replaced by plain necessity is a
/// downgrade, not a removal plus an addition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Elements (or, with no elements, the whole safeguard) that the matching norm lacks on
    /// one side but another provision of a split or merge holds: draft PIPL art. 54's list of
    /// what the assessment covers, which the final law moved from the obligation to assess
    /// (art. 55) to art. 56. Only a comparison of groups
    /// ([`StructuralDiff::of_groups`](super::StructuralDiff::of_groups)) reports it; nothing
    /// moved is lost.
    Moved {
        /// The kind of safeguard.
        kind: SafeguardKind,
        /// The elements that moved, in the vocabulary's order; empty when the safeguard had
        /// none.
        elements: Vec<SafeguardElement>,
        /// The old provisions that held them.
        from: Vec<&'a ProvisionId>,
        /// The new provisions that hold them.
        to: Vec<&'a ProvisionId>,
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
    /// `added necessity`, `impact-assessment weakened: lost dpo-advice`,
    /// `impact-assessment elements moved from art-54 to art-56: content-specified`, ...
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
            SafeguardChange::Moved {
                kind,
                elements,
                from,
                to,
            } => {
                let ids = |ps: &[&ProvisionId]| {
                    ps.iter().map(|p| p.local()).collect::<Vec<_>>().join(" + ")
                };
                if elements.is_empty() {
                    write!(f, "{kind} moved from {} to {}", ids(from), ids(to))
                } else {
                    write!(
                        f,
                        "{kind} elements moved from {} to {}: {}",
                        ids(from),
                        ids(to),
                        list(elements)
                    )
                }
            }
        }
    }
}

/// Pairs of safeguard kinds where the first is a stricter form of the second.
const STRICTER: &[(SafeguardKind, SafeguardKind)] =
    &[(SafeguardKind::StrictNecessity, SafeguardKind::Necessity)];

pub(super) fn safeguard_changes<'a>(
    old: &'a [Safeguard],
    new: &'a [Safeguard],
) -> Vec<SafeguardChange<'a>> {
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// What changed between two matched norms (see [`NormDiff::changes`](super::NormDiff::changes)).
pub(super) fn norm_changes<'a>(o: &'a Norm, n: &'a Norm) -> Vec<NormChange<'a>> {
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
