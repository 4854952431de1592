//! The relations step of an alignment: how the left provision of a pair relates to the right
//! one, from a declared correspondence or guessed from the evidence, and between versions
//! from the group the pair is in.

use crate::model::{Provision, Relation};

use super::Pair;
use super::evidence::{Contribution, Features, Reason};
use super::grouping::{Group, GroupKind};

pub(super) fn guess_relation(
    l: &Provision,
    reasons: &[Contribution],
    lf: Option<&Features>,
    rf: Option<&Features>,
    equivalent_text: f64,
) -> Relation {
    for c in reasons {
        if let Reason::Correspondence {
            declared_by,
            relation,
            ..
        } = &c.reason
        {
            if *relation == Relation::SuccessorOf {
                continue;
            }
            return if *declared_by == l.id {
                *relation
            } else {
                relation.inverse()
            };
        }
    }
    let identical = reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    if identical {
        return Relation::Equivalent;
    }
    let text = reasons.iter().find_map(|c| match c.reason {
        Reason::Text { similarity, .. } => Some(similarity),
        _ => None,
    });
    if let (Some(a), Some(b)) = (lf, rf) {
        return match (a.covers(b), b.covers(a)) {
            (true, true) if text.is_some_and(|t| t >= equivalent_text) => Relation::Equivalent,
            (true, false) => Relation::Broader,
            (false, true) => Relation::Narrower,
            _ => Relation::Overlapping,
        };
    }
    Relation::Overlapping
}

pub(super) fn version_relation(kind: GroupKind, p: &Pair<'_>) -> Relation {
    let identical = p
        .reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    match kind {
        GroupKind::Split => Relation::Broader,
        GroupKind::Merge => Relation::Narrower,
        _ if identical => Relation::Equivalent,
        _ => Relation::Overlapping,
    }
}

/// Between versions, gives each candidate the relation it has in its group (a candidate in no
/// group keeps its guessed relation).
pub(super) fn relate_versions(candidates: &mut [Pair<'_>], groups: &[Group<'_>]) {
    for g in groups {
        for gp in g.pairs() {
            if let Some(p) = candidates
                .iter_mut()
                .find(|p| p.left.id == gp.left.id && p.right.id == gp.right.id)
            {
                p.relation = gp.relation;
            }
        }
    }
}
