//! The scoring step of an alignment: the [`Scorer`] gathers the evidence for the pairs of
//! provisions (in `evidence`), scores the pairs, groups them (in `grouping`), relates them (in
//! `relations`) and selects the pairs kept.

use std::collections::BTreeSet;

use crate::model::{Instrument, Lang, Provision};

use super::crosswalk::Crosswalk;
use super::evidence::{Contribution, Features};
use super::grouping::IndexGroup;
use super::options::{AlignOptions, Mode};
use super::relations::{confidence, guess_relation, rationale, relate_versions};
use super::{Alignment, Pair, same_local};

/// A scored pair, with the indices of its provisions among the left and the right provisions.
pub(super) type Candidate<'a> = (usize, usize, Pair<'a>);

/// An alignment in the making: the options, the two instruments, the mode and the languages
/// compared.
pub(super) struct Scorer<'o, 'a> {
    pub(super) opts: &'o AlignOptions,
    pub(super) left: &'a Instrument,
    pub(super) right: &'a Instrument,
    pub(super) mode: Mode,
    pub(super) langs: Vec<Lang>,
}

impl<'o, 'a> Scorer<'o, 'a> {
    pub(super) fn new(
        opts: &'o AlignOptions,
        left: &'a Instrument,
        right: &'a Instrument,
    ) -> Scorer<'o, 'a> {
        let mode = opts.mode.unwrap_or(if left.is_version_of(right) {
            Mode::Version
        } else {
            Mode::Comparison
        });
        Scorer {
            opts,
            left,
            right,
            mode,
            langs: left.common_langs(right),
        }
    }

    pub(super) fn run(self) -> Alignment<'a> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        // 3: shared norm features (annotated provisions only).
        let lf: Vec<Option<Features>> = lp.iter().map(Features::of).collect();
        let rf: Vec<Option<Features>> = rp.iter().map(Features::of).collect();
        // Score and keep the candidates.
        let candidates = self.candidates(&lf, &rf);

        let groups = self.group(&candidates);
        let selected = self.select(&groups, &candidates);
        let groups = self.groups(groups, &candidates);
        let mut candidates: Vec<Pair<'a>> = candidates.into_iter().map(|(_, _, p)| p).collect();
        if self.mode == Mode::Version {
            relate_versions(&mut candidates, &groups);
        }
        Alignment {
            left: self.left,
            right: self.right,
            mode: self.mode,
            langs: self.langs,
            candidates,
            selected,
            groups,
        }
    }

    /// Scores the pairs with evidence, keeps those from the candidate threshold, each with a
    /// guessed relation, and orders them by left provision, best score first. The evidence
    /// is gathered one left provision at a time, against every right provision (see
    /// `Evidence`).
    fn candidates(&self, lf: &[Option<Features>], rf: &[Option<Features>]) -> Vec<Candidate<'a>> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let mut evidence = self.evidence(lf, rf);
        let mut candidates: Vec<Candidate<'a>> = Vec::new();
        for i in 0..lp.len() {
            // 1 and 5: identical texts and text similarity; 2, 3 and 4 pair by pair.
            self.texts_of(i, &mut evidence);
            let row = candidates.len();
            for j in 0..rp.len() {
                let Some((reasons, score)) = self.pair_evidence(&evidence, (i, j), lf, rf) else {
                    continue;
                };
                candidates.push(self.candidate((i, j), reasons, score, lf, rf));
            }
            candidates[row..].sort_by(|a, b| {
                b.2.score
                    .total_cmp(&a.2.score)
                    .then(same_local(&b.2).cmp(&same_local(&a.2)))
                    .then(a.1.cmp(&b.1))
            });
        }
        candidates
    }

    /// The candidate `(i, j)` with these reasons and score (see [`pair`]).
    fn candidate(
        &self,
        (i, j): (usize, usize),
        reasons: Vec<Contribution>,
        score: f64,
        lf: &[Option<Features>],
        rf: &[Option<Features>],
    ) -> Candidate<'a> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let pair = pair(
            self.opts,
            (&lp[i], &rp[j]),
            reasons,
            score,
            (lf[i].as_ref(), rf[j].as_ref()),
        );
        (i, j, pair)
    }

    /// The candidates kept, as indices into `candidates`: between versions, those in the
    /// `groups`; across instruments, the matches.
    fn select(&self, groups: &[IndexGroup], candidates: &[Candidate<'a>]) -> Vec<usize> {
        match self.mode {
            Mode::Version => {
                let kept: BTreeSet<(usize, usize)> = groups
                    .iter()
                    .flat_map(|(_, l, r)| {
                        l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j)))
                    })
                    .collect();
                (0..candidates.len())
                    .filter(|&k| kept.contains(&(candidates[k].0, candidates[k].1)))
                    .collect()
            }
            Mode::Comparison => {
                let mut best_l = vec![0.0f64; self.left.provisions.len()];
                let mut best_r = vec![0.0f64; self.right.provisions.len()];
                for (i, j, p) in candidates {
                    best_l[*i] = best_l[*i].max(p.score);
                    best_r[*j] = best_r[*j].max(p.score);
                }
                let rel = self.opts.relative_cutoff;
                (0..candidates.len())
                    .filter(|&k| {
                        let (i, j, p) = &candidates[k];
                        p.score >= self.opts.match_threshold
                            && (p.score >= rel * best_l[*i] || p.score >= rel * best_r[*j])
                    })
                    .collect()
            }
        }
    }
}

/// The pair of `left` and `right` with these reasons and score: the reasons sorted (in the
/// order of [`Reason`](super::Reason)'s variants, largest first), its confidence, guessed
/// relation and rationale.
pub(super) fn pair<'a>(
    opts: &AlignOptions,
    (left, right): (&'a Provision, &'a Provision),
    mut reasons: Vec<Contribution>,
    score: f64,
    (lf, rf): (Option<&Features>, Option<&Features>),
) -> Pair<'a> {
    reasons.sort_by(|a, b| {
        a.reason
            .rank()
            .cmp(&b.reason.rank())
            .then(b.value.total_cmp(&a.value))
    });
    let thresholds = [
        opts.match_threshold,
        opts.medium_confidence,
        opts.high_confidence,
    ];
    let confidence = confidence(&reasons, score, thresholds);
    let crosswalk = if score < opts.match_threshold {
        Crosswalk::NoRelationship
    } else {
        guess_relation(left, &reasons, lf, rf, opts.equivalent_text_threshold)
    };
    Pair {
        left,
        right,
        score,
        crosswalk,
        rationale: rationale(&reasons),
        confidence,
        lifecycle: None,
        reasons,
    }
}
