//! One subject under one regime: what the target keeps of a requirement once the regime's
//! derogations have switched off what they reach, and the verdict on what is missing.

use super::{Clauses, Reading};
use crate::classify::{Clause, Element, Elements, GapStatus};
use crate::model::SafeguardKind;

/// Clauses, each with the elements it provides.
type Provided<'a> = Vec<(Clause<'a>, Elements)>;

/// What one subject has under one regime, if a required element is missing.
pub(super) struct Verdict<'a> {
    pub(super) status: GapStatus,
    pub(super) missing: Elements,
    pub(super) present: Elements,
    pub(super) local: Vec<(Clause<'a>, Elements)>,
    pub(super) closers: Vec<(Clause<'a>, Elements)>,
    pub(super) switched_off: Elements,
    /// The baseline derogation that allows the regime's derogation on conditions it does not
    /// meet, with those conditions (set by `judge_subject`).
    pub(super) allowed_by: Option<(Clause<'a>, Elements)>,
}

/// One subject under one regime: the derogations of `regime` switch off what they reach, and
/// their own conditions count (a modifier's switches apply to the derogation it modifies).
pub(super) fn judge_regime<'a>(
    reading: &dyn Reading,
    s: &Clause<'a>,
    regime: &[Clause<'a>],
    item: &Clause<'_>,
    clauses: &Clauses<'a>,
    required: &Elements,
) -> Option<Verdict<'a>> {
    let mut switched_off = Elements::new();
    let alone = s.is_derogation() && reading.derogations_alone();
    let (mut local, remote) = if alone {
        (Vec::new(), Vec::new())
    } else {
        providers(s, regime, item, clauses, &mut switched_off)
    };
    let conditioned_on_other_law =
        add_conditions(reading, regime, required, &mut local, &mut switched_off);
    verdict(
        local,
        remote,
        conditioned_on_other_law,
        required,
        &clauses.given,
        switched_off,
    )
}

/// What the target's providers related to the requirement keep under the regime: those of
/// the selected provisions (`local`, the first), and the instrument-wide ones elsewhere also
/// related to the subject (`remote`, the second). What the regime takes away is added to
/// `switched_off`.
fn providers<'a>(
    s: &Clause<'a>,
    regime: &[Clause<'a>],
    item: &Clause<'_>,
    clauses: &Clauses<'a>,
    switched_off: &mut Elements,
) -> (Provided<'a>, Provided<'a>) {
    // What a provider keeps under the regime: a derogation takes away what it switches off
    // in the provisions it reaches.
    let mut keep = |c: &Clause<'a>, provided: Elements| -> Elements {
        provided
            .into_iter()
            .filter(|e| {
                let off = regime.iter().any(|d| switches(d, c, e));
                if off {
                    switched_off.insert(*e);
                }
                !off
            })
            .collect()
    };
    let mut local: Provided<'a> = Vec::new();
    let mut remote: Provided<'a> = Vec::new();
    for (c, provided) in clauses.target.iter().zip(&clauses.target_provides) {
        if provided.is_empty() || !c.related(item) {
            continue;
        }
        let p = keep(c, *provided);
        if !p.is_empty() {
            local.push((*c, p));
        }
    }
    for (c, provided) in clauses.elsewhere.iter().zip(&clauses.elsewhere_provides) {
        if provided.is_empty() || !(c.related(item) && c.related(s)) {
            continue;
        }
        let p = keep(c, *provided);
        if !p.is_empty() {
            remote.push((*c, p));
        }
    }
    (local, remote)
}

/// Whether derogation `d` takes element `e` away from clause `c`: it switches off the
/// element's kind in `c`'s provision, or, for an element of no kind, reaches that provision
/// and lifts the whole rule there.
fn switches(d: &Clause<'_>, c: &Clause<'_>, e: &Element) -> bool {
    match e.kind() {
        Some(k) => d.switches_off(c.provision(), k),
        None => {
            d.reaches(c.provision())
                && d.derogation().is_some_and(|dd| {
                    dd.effect.safeguards.is_empty() && dd.effect.rights.is_empty()
                })
        }
    }
}

/// Adds to `local` the own conditions of the regime's derogations, less what a modifier
/// switches off (added to `switched_off`); returns whether the regime is conditioned on
/// other law.
fn add_conditions<'a>(
    reading: &dyn Reading,
    regime: &[Clause<'a>],
    required: &Elements,
    local: &mut Provided<'a>,
    switched_off: &mut Elements,
) -> bool {
    let mut conditioned_on_other_law = false;
    for d in regime {
        let mut own = reading.provides(d);
        if d.has(SafeguardKind::SpecificSafeguardsInLaw) {
            own.insert(Element::safeguard(SafeguardKind::SpecificSafeguardsInLaw));
        }
        // A modifier's switches apply to the conditions of the derogation it modifies.
        let mut own: Elements = own
            .into_iter()
            .filter(|e| {
                let off = regime.iter().any(|m| {
                    m.modifies(d)
                        && e.kind().is_some_and(|k| {
                            m.derogation()
                                .is_some_and(|md| md.effect.switches_off_kind(k))
                        })
                });
                if off {
                    switched_off.insert(*e);
                }
                !off
            })
            .collect();
        // Conditioned on other law: safeguards established in legislation, or grounds left
        // to other law. What that law provides is not before us, so a protection it may
        // replace is weakened (partial), not known to be absent.
        conditioned_on_other_law |= d.delegates_to_law()
            || own.contains(Element::safeguard(SafeguardKind::SpecificSafeguardsInLaw));
        // A ground left to other law is a formal legal basis, whatever modifies the
        // derogation's conditions.
        let basis = Element::safeguard(SafeguardKind::PrescribedByLaw);
        if d.delegates_to_law() && required.contains(basis) {
            own.insert(basis);
        }
        if !own.is_empty() {
            local.push((*d, own));
        }
    }
    conditioned_on_other_law
}

/// The verdict on what the subject has under the regime: none when the selected provisions
/// and what the target gives by its nature meet the requirement; else closed-elsewhere when
/// instrument-wide norms elsewhere supply the rest, absent when nothing is provided and
/// nothing is left to other law, partial otherwise.
fn verdict<'a>(
    local: Provided<'a>,
    remote: Provided<'a>,
    conditioned_on_other_law: bool,
    required: &Elements,
    given: &Elements,
    switched_off: Elements,
) -> Option<Verdict<'a>> {
    let p_local = local.iter().fold(*given, |acc, (_, p)| acc.union(p));
    let p_all = remote.iter().fold(p_local, |acc, (_, p)| acc.union(p));
    let missing_local: Elements = required
        .iter()
        .filter(|e| !e.satisfied_by(&p_local))
        .collect();
    if missing_local.is_empty() {
        return None;
    }
    let missing: Elements = required
        .iter()
        .filter(|e| !e.satisfied_by(&p_all))
        .collect();
    let status = if missing.is_empty() {
        GapStatus::ClosedElsewhere
    } else if p_all.is_empty() && !conditioned_on_other_law {
        GapStatus::Absent
    } else {
        GapStatus::Partial
    };
    let closers = remote
        .into_iter()
        .filter(|(_, p)| missing_local.iter().any(|e| e.satisfied_by(p)))
        .collect();
    Some(Verdict {
        status,
        missing,
        present: p_all,
        local,
        closers,
        switched_off,
        allowed_by: None,
    })
}
