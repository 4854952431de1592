//! Norm matching: the affinity of two norms, the greedy one-to-one matching of two lists, and
//! the pairing of the norms of two provisions into [`NormDiff`]s.

use super::NormDiff;
use super::changes::norm_changes;
use super::terms::overlap;
use crate::model::Norm;

/// Weight of the data categories in matching a norm of one provision with a norm of the other.
const NORM_MATCH_DATA_WEIGHT: f64 = 0.4;
/// Weight of the activities in norm matching.
const NORM_MATCH_ACTIVITY_WEIGHT: f64 = 0.3;
/// Weight of the actors in norm matching.
const NORM_MATCH_ACTOR_WEIGHT: f64 = 0.1;
/// Weight of the similarity of the two norms' evidence quotes (Sørensen–Dice over character
/// bigrams, `strsim`) in norm matching.
const NORM_MATCH_QUOTE_WEIGHT: f64 = 0.2;

/// Matches the norms of two provisions (or of two groups of provisions, taken together) and
/// compares the pairs.
pub(super) fn norm_diffs<'a>(old: &[&'a Norm], new: &[&'a Norm]) -> Vec<NormDiff<'a>> {
    {
        let old_to_new = greedy_match(old, new, |o, n| norm_affinity(o, n));
        let new_taken = taken(&old_to_new, new.len());
        let mut norms = Vec::new();
        for (i, &o) in old.iter().enumerate() {
            match old_to_new[i] {
                Some(j) => norms.push(NormDiff {
                    old: Some(o),
                    new: Some(new[j]),
                    changes: norm_changes(o, new[j]),
                }),
                None => norms.push(NormDiff {
                    old: Some(o),
                    new: None,
                    changes: Vec::new(),
                }),
            }
        }
        for (j, &n) in new.iter().enumerate() {
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

/// Pairs items one to one, best affinity first (ties by position), so the result does not
/// depend on anything but the two lists: `result[i]` is the new index matched to old `i`.
pub(super) fn greedy_match<T>(
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
pub(super) fn taken(old_to_new: &[Option<usize>], new_len: usize) -> Vec<bool> {
    let mut out = vec![false; new_len];
    for j in old_to_new.iter().flatten() {
        out[*j] = true;
    }
    out
}
