//! The grouping step of an alignment: provisions that correspond as a whole ([`Group`]), one
//! to one, then splits and merges, then provisions alone; meant for versions, computed in
//! both modes.

use std::fmt;

use serde::Serialize;

use crate::model::Provision;

use super::relations::version_relation;
use super::scoring::{Candidate, Scorer};
use super::{Mode, Pair, same_local};

/// A group as indices into the left and the right provisions, with its kind.
pub(super) type IndexGroup = (GroupKind, Vec<usize>, Vec<usize>);

fn ser_ids<S: serde::Serializer>(ps: &[&Provision], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ps.iter().map(|p| p.id.to_string()))
}

/// How the provisions in a [`Group`] correspond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum GroupKind {
    /// One left provision, one right provision.
    OneToOne,
    /// One left provision, several right ones.
    Split,
    /// Several left provisions, one right one.
    Merge,
    /// A left provision with no counterpart.
    LeftOnly,
    /// A right provision with no counterpart.
    RightOnly,
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GroupKind::OneToOne => "one-to-one",
            GroupKind::Split => "split",
            GroupKind::Merge => "merge",
            GroupKind::LeftOnly => "left-only",
            GroupKind::RightOnly => "right-only",
        })
    }
}

/// Provisions that correspond as a whole: one to one, a split, a merge, or one provision
/// alone. See [`Alignment::groups`](super::Alignment::groups).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Group<'a> {
    kind: GroupKind,
    #[serde(serialize_with = "ser_ids")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    left: Vec<&'a Provision>,
    #[serde(serialize_with = "ser_ids")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    right: Vec<&'a Provision>,
    pairs: Vec<Pair<'a>>,
}

impl<'a> Group<'a> {
    /// One to one, split, merge, or alone.
    pub fn kind(&self) -> GroupKind {
        self.kind
    }
    /// The left provisions, in document order.
    pub fn left(&self) -> &[&'a Provision] {
        &self.left
    }
    /// The right provisions, in document order.
    pub fn right(&self) -> &[&'a Provision] {
        &self.right
    }
    /// The scored pairs that make the group (none for a provision alone).
    pub fn pairs(&self) -> &[Pair<'a>] {
        &self.pairs
    }
}

/// Groups in the making: the group of each left and each right provision (an index into
/// `groups`), and the groups, as indices into the left and the right provisions.
struct Slots {
    lg: Vec<Option<usize>>,
    rg: Vec<Option<usize>>,
    groups: Vec<(Vec<usize>, Vec<usize>)>,
}

impl<'a> Scorer<'_, 'a> {
    /// One-to-one pairing, then splits and merges, then provisions alone. (The loops index
    /// several parallel vectors by provision, hence the allowed lint on the steps.)
    pub(super) fn group(&self, candidates: &[Candidate<'a>]) -> Vec<IndexGroup> {
        let (nl, nr) = (self.left.provisions.len(), self.right.provisions.len());
        let order = by_score(candidates);
        // group index of each provision
        let mut slots = Slots {
            lg: vec![None; nl],
            rg: vec![None; nr],
            groups: Vec::new(),
        };
        slots.one_to_one(&order, self.opts.version_threshold);
        let (best_of_left, best_of_right) = best_matches(&order, nl, nr, self.opts.split_threshold);
        slots.splits(&best_of_right);
        slots.merges(&best_of_left);
        slots.into_groups()
    }

    /// The [`Group`]s of `groups`, each with its scored pairs; between versions, each pair
    /// with the relation its group implies.
    pub(super) fn groups(
        &self,
        groups: Vec<IndexGroup>,
        candidates: &[Candidate<'a>],
    ) -> Vec<Group<'a>> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        // The candidates are in left order: the candidates of left provision `i` are
        // `candidates[rows[i]..rows[i + 1]]`.
        let mut rows = vec![0usize; lp.len() + 1];
        for (i, _, _) in candidates {
            rows[i + 1] += 1;
        }
        for i in 0..lp.len() {
            rows[i + 1] += rows[i];
        }
        let pair_of = |i: usize, j: usize| -> Option<Pair<'a>> {
            candidates[rows[i]..rows[i + 1]]
                .iter()
                .find(|c| c.1 == j)
                .map(|c| c.2.clone())
        };
        groups
            .into_iter()
            .map(|(kind, l, r)| {
                let mut pairs: Vec<Pair<'a>> = Vec::new();
                for &i in &l {
                    for &j in &r {
                        if let Some(mut p) = pair_of(i, j) {
                            if self.mode == Mode::Version {
                                let (crosswalk, lifecycle) = version_relation(kind, &p);
                                p.crosswalk = crosswalk;
                                p.lifecycle = Some(lifecycle);
                            }
                            pairs.push(p);
                        }
                    }
                }
                Group {
                    kind,
                    left: l.iter().map(|&i| &lp[i]).collect(),
                    right: r.iter().map(|&j| &rp[j]).collect(),
                    pairs,
                }
            })
            .collect()
    }
}

/// The candidates, best score first (then the same local id first, then in document order).
fn by_score<'c, 'a>(candidates: &'c [Candidate<'a>]) -> Vec<&'c Candidate<'a>> {
    // The keys once per candidate, not once per comparison; (i, j) is unique, so the order
    // is total and an unstable sort is deterministic.
    let mut keyed: Vec<(f64, bool, &Candidate<'a>)> = candidates
        .iter()
        .map(|c| (c.2.score, same_local(&c.2), c))
        .collect();
    keyed.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.0.cmp(&b.2.0))
            .then(a.2.1.cmp(&b.2.1))
    });
    keyed.into_iter().map(|(_, _, c)| c).collect()
}

/// The best match of each provision above the split threshold: the first in `order`. For
/// the `nl` left provisions, then for the `nr` right ones.
#[allow(clippy::type_complexity)]
fn best_matches(
    order: &[&Candidate<'_>],
    nl: usize,
    nr: usize,
    split_threshold: f64,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut best_of_right: Vec<Option<usize>> = vec![None; nr];
    let mut best_of_left: Vec<Option<usize>> = vec![None; nl];
    for (i, j, p) in order {
        if p.score >= split_threshold {
            best_of_right[*j].get_or_insert(*i);
            best_of_left[*i].get_or_insert(*j);
        }
    }
    (best_of_left, best_of_right)
}

impl Slots {
    /// One-to-one pairing, best score first, from the version threshold.
    fn one_to_one(&mut self, order: &[&Candidate<'_>], version_threshold: f64) {
        let (lg, rg, groups) = (&mut self.lg, &mut self.rg, &mut self.groups);
        for (i, j, p) in order {
            if p.score >= version_threshold && lg[*i].is_none() && rg[*j].is_none() {
                lg[*i] = Some(groups.len());
                rg[*j] = Some(groups.len());
                groups.push((vec![*i], vec![*j]));
            }
        }
    }

    /// Splits: a right provision left over joins the group of its best left match.
    #[allow(clippy::needless_range_loop)]
    fn splits(&mut self, best_of_right: &[Option<usize>]) {
        let (lg, rg, groups) = (&self.lg, &mut self.rg, &mut self.groups);
        for j in 0..rg.len() {
            if rg[j].is_some() {
                continue;
            }
            let group = best_of_right[j]
                .and_then(|i| lg[i])
                .filter(|&g| groups[g].0.len() == 1);
            if let Some(g) = group {
                groups[g].1.push(j);
                rg[j] = Some(g);
            }
        }
    }

    /// Merges: a left provision left over joins the group of its best right match.
    #[allow(clippy::needless_range_loop)]
    fn merges(&mut self, best_of_left: &[Option<usize>]) {
        let (lg, rg, groups) = (&mut self.lg, &self.rg, &mut self.groups);
        for i in 0..lg.len() {
            if lg[i].is_some() {
                continue;
            }
            let group = best_of_left[i]
                .and_then(|j| rg[j])
                .filter(|&g| groups[g].1.len() == 1);
            if let Some(g) = group {
                groups[g].0.push(i);
                lg[i] = Some(g);
            }
        }
    }

    /// The groups, each in document order, in the left document order, then the provisions
    /// alone: left-only ones in place, right-only ones last, in right order.
    #[allow(clippy::needless_range_loop)]
    fn into_groups(self) -> Vec<IndexGroup> {
        let Slots { lg, rg, mut groups } = self;
        let (nl, nr) = (lg.len(), rg.len());
        for (l, r) in &mut groups {
            l.sort_unstable();
            r.sort_unstable();
        }
        let mut out = Vec::new();
        let mut emitted = vec![false; groups.len()];
        for i in 0..nl {
            match lg[i] {
                Some(g) if !emitted[g] => {
                    emitted[g] = true;
                    let (l, r) = groups[g].clone();
                    let kind = match (l.len(), r.len()) {
                        (1, 1) => GroupKind::OneToOne,
                        (1, _) => GroupKind::Split,
                        _ => GroupKind::Merge,
                    };
                    out.push((kind, l, r));
                }
                Some(_) => {}
                None => out.push((GroupKind::LeftOnly, vec![i], Vec::new())),
            }
        }
        for j in 0..nr {
            if rg[j].is_none() {
                out.push((GroupKind::RightOnly, Vec::new(), vec![j]));
            }
        }
        out
    }
}
