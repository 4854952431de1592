//! How the derogations of two provisions changed: exceptions matched by their grounds or
//! wording, then added, dropped, or changed in grounds, actors and conditions.

use super::NormChange;
use super::changes::safeguard_changes;
use super::matching::{greedy_match, taken};
use super::terms::TermChange;
use crate::model::{Derogation, Purpose};

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

pub(super) fn exception_changes<'a>(
    old: &[&'a Derogation],
    new: &[&'a Derogation],
) -> Vec<NormChange<'a>> {
    let old_to_new = greedy_match(old, new, |o, n| exception_affinity(o, n));
    let new_taken = taken(&old_to_new, new.len());
    let mut out = Vec::new();
    for (i, &o) in old.iter().enumerate() {
        let Some(j) = old_to_new[i] else {
            out.push(NormChange::ExceptionDropped { exception: o });
            continue;
        };
        let n = new[j];
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
    for (j, &n) in new.iter().enumerate() {
        if !new_taken[j] {
            out.push(NormChange::ExceptionAdded { exception: n });
        }
    }
    out
}
