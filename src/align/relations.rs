//! The relations step of an alignment: how the left provision of a pair relates to the right
//! one ([`Crosswalk`]), from a declared correspondence or guessed from the evidence, on what
//! it rests ([`Rationale`]), how far to trust it ([`Confidence`]), and between versions the
//! lifecycle relation its group implies ([`Lifecycle`]).

use std::collections::HashMap;

use crate::model::{Provision, ProvisionId, Relation};

use super::crosswalk::{Confidence, Crosswalk, Lifecycle, Rationale};
use super::evidence::{Contribution, Features, Reason};
use super::grouping::{Group, GroupKind};
use super::{Pair, same_local};

/// The crosswalk relation a declared relation (from the declaring side) names.
fn declared(relation: Relation) -> Option<Crosswalk> {
    match relation {
        Relation::Equivalent => Some(Crosswalk::EquivalentTo),
        Relation::Overlapping => Some(Crosswalk::IntersectsWith),
        Relation::Narrower => Some(Crosswalk::SubsetOf),
        Relation::Broader => Some(Crosswalk::SupersetOf),
        // A lifecycle relation says nothing of how the contents relate.
        _ => None,
    }
}

/// The relation of `l` to the right provision, from the reasons and the features: a declared
/// correspondence wins; identical texts are equal; otherwise the features' containment (and
/// the text, for equivalence) decides.
pub(super) fn guess_relation(
    l: &Provision,
    reasons: &[Contribution],
    lf: Option<&Features>,
    rf: Option<&Features>,
    equivalent_text: f64,
) -> Crosswalk {
    for c in reasons {
        if let Reason::Correspondence {
            declared_by,
            relation,
            ..
        } = &c.reason
        {
            let Some(x) = declared(*relation) else {
                continue;
            };
            return if *declared_by == l.id { x } else { x.inverse() };
        }
    }
    let identical = reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    if identical {
        return Crosswalk::EqualTo;
    }
    let text = reasons.iter().find_map(|c| match c.reason {
        Reason::Text { similarity, .. } => Some(similarity),
        _ => None,
    });
    if let (Some(a), Some(b)) = (lf, rf) {
        return match (a.covers(b), b.covers(a)) {
            (true, true) if text.is_some_and(|t| t >= equivalent_text) => Crosswalk::EquivalentTo,
            (true, false) => Crosswalk::SupersetOf,
            (false, true) => Crosswalk::SubsetOf,
            _ => Crosswalk::IntersectsWith,
        };
    }
    Crosswalk::IntersectsWith
}

/// On what the relation rests: a declared correspondence is semantic (a person read both);
/// otherwise the largest contribution decides: the annotated features functional, texts and
/// headings syntactic.
pub(super) fn rationale(reasons: &[Contribution]) -> Rationale {
    if reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::Correspondence { .. }))
    {
        return Rationale::Semantic;
    }
    let largest = reasons.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    match largest.map(|c| &c.reason) {
        Some(Reason::Features { .. }) => Rationale::Functional,
        _ => Rationale::Syntactic,
    }
}

/// The confidence of a pair with these reasons and score.
pub(super) fn confidence(reasons: &[Contribution], score: f64, thresholds: [f64; 3]) -> Confidence {
    let certain = reasons.iter().any(|c| {
        matches!(
            c.reason,
            Reason::IdenticalText { .. } | Reason::Correspondence { .. }
        )
    });
    Confidence::of(score, thresholds, certain)
}

/// Between versions: the relation and the lifecycle a pair has in its group.
pub(super) fn version_relation(kind: GroupKind, p: &Pair<'_>) -> (Crosswalk, Lifecycle) {
    let identical = p
        .reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    let crosswalk = match kind {
        GroupKind::Split => Crosswalk::SupersetOf,
        GroupKind::Merge => Crosswalk::SubsetOf,
        _ if identical => Crosswalk::EqualTo,
        _ => Crosswalk::IntersectsWith,
    };
    let lifecycle = match kind {
        GroupKind::Split => Lifecycle::Split,
        GroupKind::Merge => Lifecycle::Merge,
        _ if same_local(p) => Lifecycle::Successor,
        _ => Lifecycle::Renumbered,
    };
    (crosswalk, lifecycle)
}

/// Between versions, gives each candidate the relation it has in its group; a candidate in
/// no group has no relationship, and no confidence.
pub(super) fn relate_versions(candidates: &mut [Pair<'_>], groups: &[Group<'_>]) {
    let in_groups: HashMap<(&ProvisionId, &ProvisionId), (Crosswalk, Option<Lifecycle>)> = groups
        .iter()
        .flat_map(|g| g.pairs())
        .map(|gp| ((&gp.left.id, &gp.right.id), (gp.crosswalk, gp.lifecycle)))
        .collect();
    for p in candidates.iter_mut() {
        match in_groups.get(&(&p.left.id, &p.right.id)) {
            Some(&(crosswalk, lifecycle)) => {
                p.crosswalk = crosswalk;
                p.lifecycle = lifecycle;
            }
            None => {
                p.crosswalk = Crosswalk::NoRelationship;
                p.confidence = Confidence::NONE;
                p.lifecycle = None;
            }
        }
    }
}
