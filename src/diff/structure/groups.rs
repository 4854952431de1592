//! Splits and merges judged as a whole: when the norms of several provisions are compared
//! together ([`StructuralDiff::of_groups`](super::StructuralDiff::of_groups)), a safeguard
//! element that the matching norm lacks but another provision of the group holds has moved,
//! not been lost (or gained): [`SafeguardChange::Moved`].

use super::NormChange;
use super::StructuralDiff;
use super::changes::SafeguardChange;
use crate::model::{Provision, ProvisionId, Safeguard, SafeguardElement, SafeguardKind};

/// Elements grouped by the provisions that hold them.
type Held<'a> = Vec<(Vec<&'a ProvisionId>, Vec<SafeguardElement>)>;

/// The two groups compared, and whether the safeguards at stake are those of norms or of
/// exceptions (derogations).
struct Groups<'g, 'a> {
    old: &'g [&'a Provision],
    new: &'g [&'a Provision],
    exceptions: bool,
}

impl<'a> Groups<'_, 'a> {
    /// The safeguards of a provision's norms, or of its exceptions.
    fn safeguards(&self, p: &'a Provision) -> Vec<&'a Safeguard> {
        if self.exceptions {
            p.derogations.iter().flat_map(|d| &d.safeguards).collect()
        } else {
            p.norms.iter().flat_map(|n| &n.safeguards).collect()
        }
    }

    /// The provisions of `side`, other than `except`, with a safeguard of `kind` (that has
    /// `element`, when one is given).
    fn holders(
        &self,
        side: &[&'a Provision],
        except: &Provision,
        kind: SafeguardKind,
        element: Option<SafeguardElement>,
    ) -> Vec<&'a ProvisionId> {
        side.iter()
            .filter(|p| !std::ptr::eq(**p, except))
            .filter(|p| {
                self.safeguards(p)
                    .iter()
                    .any(|s| s.kind == kind && element.is_none_or(|e| s.elements.contains(&e)))
            })
            .map(|p| &p.id)
            .collect()
    }

    /// `elements` grouped by the provisions that hold them (in the order of first
    /// appearance), and those that none holds.
    fn by_holder(
        &self,
        elements: Vec<SafeguardElement>,
        holders: impl Fn(SafeguardElement) -> Vec<&'a ProvisionId>,
    ) -> (Held<'a>, Vec<SafeguardElement>) {
        let mut held: Held<'a> = Vec::new();
        let mut none = Vec::new();
        for e in elements {
            let hs = holders(e);
            if hs.is_empty() {
                none.push(e);
            } else if let Some(group) = held.iter_mut().find(|(h, _)| *h == hs) {
                group.1.push(e);
            } else {
                held.push((hs, vec![e]));
            }
        }
        (held, none)
    }

    /// A change between a norm of `old_p` (with safeguards `old_sgs`) and the matching norm
    /// of `new_p` (with `new_sgs`), with what other provisions of the groups hold taken into
    /// account.
    fn relocate(
        &self,
        change: SafeguardChange<'a>,
        (old_p, old_sgs): (&'a Provision, &'a [Safeguard]),
        (new_p, new_sgs): (&'a Provision, &'a [Safeguard]),
    ) -> Vec<SafeguardChange<'a>> {
        let elements_of = |sgs: &'a [Safeguard], kind: SafeguardKind| {
            let mut els: Vec<SafeguardElement> = sgs
                .iter()
                .filter(|s| s.kind == kind)
                .flat_map(|s| s.elements.iter().copied())
                .collect();
            els.sort();
            els.dedup();
            els
        };
        let moved_out = |kind, els: Vec<SafeguardElement>| {
            let (held, lost) =
                self.by_holder(els, |e| self.holders(self.new, new_p, kind, Some(e)));
            let mut out: Vec<SafeguardChange<'a>> = held
                .into_iter()
                .map(|(to, elements)| SafeguardChange::Moved {
                    kind,
                    elements,
                    from: vec![&old_p.id],
                    to,
                })
                .collect();
            if !lost.is_empty() {
                out.push(SafeguardChange::Weakened { kind, lost });
            }
            out
        };
        let moved_in = |kind, els: Vec<SafeguardElement>| {
            let (held, gained) =
                self.by_holder(els, |e| self.holders(self.old, old_p, kind, Some(e)));
            let mut out: Vec<SafeguardChange<'a>> = held
                .into_iter()
                .map(|(from, elements)| SafeguardChange::Moved {
                    kind,
                    elements,
                    from,
                    to: vec![&new_p.id],
                })
                .collect();
            if !gained.is_empty() {
                out.push(SafeguardChange::Strengthened { kind, gained });
            }
            out
        };
        match change {
            SafeguardChange::Weakened { kind, lost } => moved_out(kind, lost),
            SafeguardChange::Strengthened { kind, gained } => moved_in(kind, gained),
            SafeguardChange::Removed(s) => {
                let to = self.holders(self.new, new_p, s.kind, None);
                if to.is_empty() {
                    return vec![change];
                }
                let els = elements_of(old_sgs, s.kind);
                if els.is_empty() {
                    return vec![SafeguardChange::Moved {
                        kind: s.kind,
                        elements: Vec::new(),
                        from: vec![&old_p.id],
                        to,
                    }];
                }
                moved_out(s.kind, els)
            }
            SafeguardChange::Added(s) => {
                let from = self.holders(self.old, old_p, s.kind, None);
                if from.is_empty() {
                    return vec![change];
                }
                let els = elements_of(new_sgs, s.kind);
                if els.is_empty() {
                    return vec![SafeguardChange::Moved {
                        kind: s.kind,
                        elements: Vec::new(),
                        from,
                        to: vec![&new_p.id],
                    }];
                }
                moved_in(s.kind, els)
            }
            other => vec![other],
        }
    }
}

/// The provision of `side` whose items (norms or derogations) include `item`.
fn owner<'a, T: 'a>(
    side: &[&'a Provision],
    item: &T,
    items: impl Fn(&'a Provision) -> &'a [T],
) -> Option<&'a Provision> {
    side.iter()
        .copied()
        .find(|p| items(p).iter().any(|x| std::ptr::eq(x, item)))
}

/// Rewrites the safeguard changes of a diff of two groups: what another provision of the
/// groups holds has moved (see the module docs).
pub(super) fn relocate<'a>(
    diff: &mut StructuralDiff<'a>,
    old: &[&'a Provision],
    new: &[&'a Provision],
) {
    let norms = Groups {
        old,
        new,
        exceptions: false,
    };
    for nd in &mut diff.norms {
        let (Some(o), Some(n)) = (nd.old, nd.new) else {
            continue;
        };
        let (Some(op), Some(np)) = (owner(old, o, |p| &p.norms), owner(new, n, |p| &p.norms))
        else {
            continue;
        };
        let changes = std::mem::take(&mut nd.changes);
        for c in changes {
            match c {
                NormChange::Safeguard { change } => nd.changes.extend(
                    norms
                        .relocate(change, (op, &o.safeguards), (np, &n.safeguards))
                        .into_iter()
                        .map(|change| NormChange::Safeguard { change }),
                ),
                other => nd.changes.push(other),
            }
        }
    }
    let exceptions = Groups {
        old,
        new,
        exceptions: true,
    };
    let changes = std::mem::take(&mut diff.derogations);
    for c in changes {
        match c {
            NormChange::ExceptionSafeguard {
                old: o,
                new: n,
                change,
            } => {
                let owners = (
                    owner(old, o, |p| &p.derogations),
                    owner(new, n, |p| &p.derogations),
                );
                let (Some(op), Some(np)) = owners else {
                    diff.derogations.push(NormChange::ExceptionSafeguard {
                        old: o,
                        new: n,
                        change,
                    });
                    continue;
                };
                diff.derogations.extend(
                    exceptions
                        .relocate(change, (op, &o.safeguards), (np, &n.safeguards))
                        .into_iter()
                        .map(|change| NormChange::ExceptionSafeguard {
                            old: o,
                            new: n,
                            change,
                        }),
                );
            }
            other => diff.derogations.push(other),
        }
    }
}
