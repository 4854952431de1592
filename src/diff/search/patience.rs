//! The patience search (`similar::algorithms::patience`): the ids that occur once on each
//! side, the longest run of them in order, and Myers' diff between them.

use std::ops::Range;

use super::myers::myers;
use super::{Search, Sink, Spent};

/// Counts of ids, kept zeroed between uses (all of them, `at_b` too: [`Scratch::sole_common`]
/// reads it as zeroed), for finding the ids that occur once.
pub(super) struct Scratch {
    count_a: Vec<u32>,
    count_b: Vec<u32>,
    at_b: Vec<usize>,
}

impl Scratch {
    pub(super) fn new(vocab: usize) -> Scratch {
        Scratch {
            count_a: vec![0; vocab],
            count_b: vec![0; vocab],
            at_b: vec![0; vocab],
        }
    }

    /// Room for ids `0..vocab` (the new counts zeroed).
    pub(super) fn grow(&mut self, vocab: usize) {
        if self.count_a.len() < vocab {
            self.count_a.resize(vocab, 0);
            self.count_b.resize(vocab, 0);
            self.at_b.resize(vocab, 0);
        }
    }

    /// Whether every count is zero, as it is between uses.
    #[cfg(test)]
    pub(super) fn is_zeroed(&self) -> bool {
        [&self.count_a, &self.count_b]
            .into_iter()
            .all(|v| v.iter().all(|&c| c == 0))
            && self.at_b.iter().all(|&j| j == 0)
    }

    /// The indices of the ids that occur once in `a[r]`, in order (`similar`'s `unique`).
    fn unique(&mut self, a: &[u32], r: Range<usize>) -> Vec<usize> {
        for &id in &a[r.clone()] {
            let c = &mut self.count_a[id as usize];
            *c = c.saturating_add(1);
        }
        // Room for every index at once: most ids of a text are unique to it.
        let mut out = Vec::with_capacity(r.len());
        out.extend(r.clone().filter(|&i| self.count_a[a[i] as usize] == 1));
        for &id in &a[r] {
            self.count_a[id as usize] = 0;
        }
        out
    }

    /// The pairs `(i, j)` with `a[i] == b[j]` occurring once in `a[ra]` and once in `b[rb]`,
    /// in order of `i`.
    pub(super) fn unique_pairs(
        &mut self,
        a: &[u32],
        ra: Range<usize>,
        b: &[u32],
        rb: Range<usize>,
    ) -> Vec<(usize, usize)> {
        for &id in &a[ra.clone()] {
            let c = &mut self.count_a[id as usize];
            *c = c.saturating_add(1);
        }
        for j in rb.clone() {
            let id = b[j] as usize;
            self.count_b[id] = self.count_b[id].saturating_add(1);
            self.at_b[id] = j;
        }
        let pairs = ra
            .clone()
            .filter_map(|i| {
                let id = a[i] as usize;
                (self.count_a[id] == 1 && self.count_b[id] == 1).then(|| (i, self.at_b[id]))
            })
            .collect();
        for &id in &a[ra] {
            self.count_a[id as usize] = 0;
        }
        for &id in &b[rb] {
            self.count_b[id as usize] = 0;
            self.at_b[id as usize] = 0;
        }
        pairs
    }
}

impl Scratch {
    /// The longest common subsequence of `va` and `vb`, as pairs of indices, when there is
    /// only one; `None` when there are several. Each id occurs at most once in `va` and once
    /// in `vb`, so the common ids pair up one way, and a common subsequence is a run of those
    /// pairs increasing on both sides: the longest such runs, by patience sorting from each
    /// end, in `O(p log p)` for `p` common ids.
    ///
    /// A pair is on some longest run when the longest run ending at it and the longest run
    /// starting at it add up to the longest of all (plus one, the pair itself); the longest run
    /// is the only one when no two such pairs stand at the same place in it.
    pub(super) fn sole_common(&mut self, va: &[u32], vb: &[u32]) -> Option<Vec<(usize, usize)>> {
        // Where each id of `vb` is, plus one (the array is all 0 between uses).
        for (j, &id) in vb.iter().enumerate() {
            self.at_b[id as usize] = j + 1;
        }
        // Room for every pair at once (most unique ids of one side are unique on the other).
        let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(va.len().min(vb.len()));
        pairs.extend(
            va.iter()
                .enumerate()
                .filter_map(|(i, &id)| self.at_b[id as usize].checked_sub(1).map(|j| (i, j))),
        );
        for &id in vb {
            self.at_b[id as usize] = 0;
        }
        // `ending[p]`: the length of the longest run ending at pair `p`; `tails[k]`: the
        // smallest `j` that ends a run of length `k + 1`.
        let mut tails: Vec<usize> = Vec::with_capacity(pairs.len());
        let mut ending = Vec::with_capacity(pairs.len());
        for &(_, j) in &pairs {
            let k = tails.partition_point(|&t| t < j);
            if k == tails.len() {
                tails.push(j);
            } else {
                tails[k] = j;
            }
            ending.push(k + 1);
        }
        let longest = tails.len();
        // From the end: `heads[k]`, the largest `j` that starts a run of length `k + 1`.
        let mut heads: Vec<usize> = Vec::with_capacity(pairs.len());
        let mut starting = vec![0; pairs.len()];
        for (p, &(_, j)) in pairs.iter().enumerate().rev() {
            let k = heads.partition_point(|&h| h > j);
            if k == heads.len() {
                heads.push(j);
            } else {
                heads[k] = j;
            }
            starting[p] = k + 1;
        }
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(longest);
        for (p, &pair) in pairs.iter().enumerate() {
            if ending[p] + starting[p] == longest + 1 {
                if ending[p] != out.len() + 1 {
                    // A second pair at the same place: more than one longest run.
                    return None;
                }
                out.push(pair);
            }
        }
        Some(out)
    }
}

/// The longest subsequence of `pairs` (in increasing `.0`) whose `.1` increase too, by
/// patience sorting, in `O(p log p)`.
pub(super) fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // `tops[k]`: the index of the pair ending the best run of length k + 1 found so far.
    let mut tops: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = Vec::with_capacity(pairs.len());
    for (i, &(_, j)) in pairs.iter().enumerate() {
        let k = tops.partition_point(|&t| pairs[t].1 < j);
        before.push(k.checked_sub(1).map(|p| tops[p]));
        if k == tops.len() {
            tops.push(i);
        } else {
            tops[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tops.len());
    let mut at = tops.last().copied();
    while let Some(i) = at {
        out.push(pairs[i]);
        at = before[i];
    }
    out.reverse();
    out
}

/// The patience diff of `a` and `b` (`similar::algorithms::patience::diff`): Myers' diff of
/// the ids that occur once on each side, then Myers' diff between the matched ones.
pub(super) fn patience(
    s: Search<'_>,
    sink: &mut impl Sink,
    a: &[u32],
    b: &[u32],
    scratch: &mut Scratch,
) -> Result<(), Spent> {
    let ua = scratch.unique(a, 0..a.len());
    let ub = scratch.unique(b, 0..b.len());
    s.work.spend(2 * (a.len() + b.len()));
    let va: Vec<u32> = ua.iter().map(|&i| a[i]).collect();
    let vb: Vec<u32> = ub.iter().map(|&i| b[i]).collect();
    let mut anchors = Anchored {
        s,
        sink: &mut *sink,
        a,
        b,
        ua: &ua,
        ub: &ub,
        old_current: 0,
        new_current: 0,
    };
    // Myers' diff of `va` and `vb` matches the pairs of a longest common subsequence (it is a
    // shortest edit script). Each id occurs once in each, so when that subsequence is the only
    // one, it is what Myers would match, found here without the search (a step an id read).
    if let Some(pairs) = scratch.sole_common(&va, &vb) {
        s.work.spend(va.len() + vb.len());
        for (o, n) in pairs {
            anchors.equal(o, n, 1)?;
        }
    } else {
        myers(s, &mut anchors, &va, 0..va.len(), &vb, 0..vb.len())?;
    }
    let (oc, nc) = (anchors.old_current, anchors.new_current);
    myers(s, sink, a, oc..a.len(), b, nc..b.len())
}

/// The patience hook: each pair of matched unique ids ends a stretch, diffed with Myers.
struct Anchored<'x, 'w, S> {
    s: Search<'w>,
    sink: &'x mut S,
    a: &'x [u32],
    b: &'x [u32],
    ua: &'x [usize],
    ub: &'x [usize],
    old_current: usize,
    new_current: usize,
}

impl<S: Sink> Sink for Anchored<'_, '_, S> {
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Spent> {
        for (o, n) in (old..old + len).zip(new..new + len) {
            let (a0, b0) = (self.old_current, self.new_current);
            let (to_a, to_b) = (self.ua[o], self.ub[n]);
            while self.old_current < to_a
                && self.new_current < to_b
                && self.b[self.new_current] == self.a[self.old_current]
            {
                self.old_current += 1;
                self.new_current += 1;
            }
            self.s.work.spend(self.old_current - a0 + 1);
            if self.old_current > a0 {
                self.sink.equal(a0, b0, self.old_current - a0)?;
            }
            myers(
                self.s,
                &mut *self.sink,
                self.a,
                self.old_current..to_a,
                self.b,
                self.new_current..to_b,
            )?;
            self.old_current = to_a;
            self.new_current = to_b;
        }
        Ok(())
    }
    fn delete(&mut self, _: usize, _: usize, _: usize) -> Result<(), Spent> {
        Ok(())
    }
    fn insert(&mut self, _: usize, _: usize, _: usize) -> Result<(), Spent> {
        Ok(())
    }
}
