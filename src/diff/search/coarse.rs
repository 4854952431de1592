//! The coarse comparison past the budget: common prefix and suffix, anchors unique on each
//! side (single ids or runs of them), and capped searches between the anchors.

use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::DiffOp;

use super::myers::myers;
use super::patience::{Scratch, longest_increasing};
use super::{Budget, CAPPED_ROUNDS, COARSE_DEPTH, Search, Sink};

/// The coarse comparison of `a[ra]` and `b[rb]`, once the budget for exact searches is spent
/// (see the [module docs](super)): the common prefix and suffix are kept, runs that occur once
/// on each side anchor the rest, and the stretches between anchors are diffed by a capped
/// search while the second budget lasts, else compared coarsely again, a level deeper, else
/// replaced.
#[allow(clippy::too_many_arguments)]
pub(super) fn coarse(
    work: &Budget,
    sink: &mut Vec<DiffOp>,
    a: &[u32],
    mut ra: Range<usize>,
    b: &[u32],
    mut rb: Range<usize>,
    scratch: &mut Scratch,
    depth: usize,
) {
    let p = ra
        .clone()
        .zip(rb.clone())
        .take_while(|&(i, j)| a[i] == b[j])
        .count();
    if p > 0 {
        let _ = sink.equal(ra.start, rb.start, p);
    }
    ra.start += p;
    rb.start += p;
    let q = ra
        .clone()
        .rev()
        .zip(rb.clone().rev())
        .take_while(|&(i, j)| a[i] == b[j])
        .count();
    ra.end -= q;
    rb.end -= q;
    work.read(p + q + 1);
    let anchors = if ra.is_empty() || rb.is_empty() {
        Vec::new()
    } else {
        anchors(work, a, ra.clone(), b, rb.clone(), scratch)
    };
    if anchors.is_empty() {
        stretch(
            work,
            sink,
            a,
            ra.clone(),
            b,
            rb.clone(),
            scratch,
            COARSE_DEPTH,
        );
    } else {
        let (mut i, mut j) = (ra.start, rb.start);
        for &(x, y, len) in &anchors {
            stretch(work, sink, a, i..x, b, j..y, scratch, depth);
            let _ = sink.equal(x, y, len);
            (i, j) = (x + len, y + len);
        }
        stretch(work, sink, a, i..ra.end, b, j..rb.end, scratch, depth);
    }
    if q > 0 {
        let _ = sink.equal(ra.end, rb.end, q);
    }
}

/// A stretch between anchors: deleted, inserted, diffed by a capped search when that fits in
/// the budget left, else compared coarsely a level deeper; at the last level (or without
/// anchors), diffed by a capped search with what is left of the budget, which replaces what
/// it has no budget left for.
#[allow(clippy::too_many_arguments)]
fn stretch(
    work: &Budget,
    sink: &mut Vec<DiffOp>,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
    scratch: &mut Scratch,
    depth: usize,
) {
    if ra.is_empty() && rb.is_empty() {
        return;
    }
    if rb.is_empty() {
        let _ = sink.delete(ra.start, ra.len(), rb.start);
        return;
    }
    if ra.is_empty() {
        let _ = Sink::insert(sink, ra.start, rb.start, rb.len());
        return;
    }
    let len = (ra.len() + rb.len()) as u64;
    let estimate = len.saturating_mul(len.min(2 * CAPPED_ROUNDS as u64));
    if estimate > work.left(work.total) && depth + 1 < COARSE_DEPTH {
        coarse(work, sink, a, ra, b, rb, scratch, depth + 1);
        return;
    }
    let capped = Search {
        work,
        limit: work.total,
        cap: Some(CAPPED_ROUNDS),
    };
    let Ok(()) = myers(capped, sink, a, ra, b, rb) else {
        unreachable!("a capped search does not give up")
    };
}

/// How many tokens a run anchoring a coarse comparison has, when single tokens are too
/// common to anchor it.
const GRAM: usize = 8;

/// At most about this many runs of each side are candidate anchors (a sample of them, chosen
/// by content so that both sides choose alike, in longer texts).
const GRAM_CANDIDATES: usize = 1 << 18;

/// The anchors of a coarse comparison, `(i, j, len)` with `a[i..i + len] == b[j..j + len]`, in
/// order on both sides: the ids that occur once on each side; or, when those are scarce
/// (fewer than one in 32 tokens), the runs of [`GRAM`] ids that occur once on each side,
/// whichever cover more.
fn anchors(
    work: &Budget,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
    scratch: &mut Scratch,
) -> Vec<(usize, usize, usize)> {
    let single = scratch.unique_pairs(a, ra.clone(), b, rb.clone());
    work.read(3 * (ra.len() + rb.len()) + single.len() * (single.len().max(2).ilog2() as usize));
    let single = longest_increasing(&single);
    if single.len() * 32 >= ra.len().min(rb.len()) {
        return single.into_iter().map(|(i, j)| (i, j, 1)).collect();
    }
    let grams = gram_anchors(work, a, ra, b, rb);
    if grams.len() * GRAM > single.len() {
        grams
    } else {
        single.into_iter().map(|(i, j)| (i, j, 1)).collect()
    }
}

/// The runs of [`GRAM`] ids that occur once on each side (among a sample chosen by their
/// content when the sides are long), the longest sequence of them in order on both sides,
/// without overlaps.
fn gram_anchors(
    work: &Budget,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
) -> Vec<(usize, usize, usize)> {
    if ra.len() < GRAM || rb.len() < GRAM {
        return Vec::new();
    }
    // Keep one run in `1 << shift`, by its hash, so that about GRAM_CANDIDATES are kept.
    let longest = ra.len().max(rb.len());
    let shift = (longest / GRAM_CANDIDATES).max(1).ilog2();
    const P: u64 = 0x9E37_79B9_7F4A_7C15;
    let top = P.wrapping_pow(GRAM as u32 - 1);
    // Each kept run's hash, with how often it occurs on each side and where.
    let mut seen: FxHashMap<u64, (u32, usize, u32, usize)> = FxHashMap::default();
    let mut scan = |ids: &[u32], r: Range<usize>, side_b: bool| {
        let mut h: u64 = 0;
        for i in r.start..r.end {
            if i >= r.start + GRAM {
                h = h.wrapping_sub(u64::from(ids[i - GRAM]).wrapping_add(1).wrapping_mul(top));
            }
            h = h.wrapping_mul(P).wrapping_add(u64::from(ids[i]) + 1);
            if i + 1 < r.start + GRAM {
                continue;
            }
            let mixed = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
            if shift > 0 && mixed >> (64 - shift) != 0 {
                continue;
            }
            let at = i + 1 - GRAM;
            let e = seen.entry(h).or_insert((0, 0, 0, 0));
            if side_b {
                e.2 = e.2.saturating_add(1);
                e.3 = at;
            } else {
                e.0 = e.0.saturating_add(1);
                e.1 = at;
            }
        }
    };
    scan(a, ra.clone(), false);
    scan(b, rb.clone(), true);
    let mut pairs: Vec<(usize, usize)> = seen
        .values()
        .filter(|&&(ca, i, cb, j)| ca == 1 && cb == 1 && a[i..i + GRAM] == b[j..j + GRAM])
        .map(|&(_, i, _, j)| (i, j))
        .collect();
    pairs.sort_unstable();
    work.read(
        2 * (ra.len() + rb.len())
            + seen.len()
            + pairs.len() * (GRAM + pairs.len().max(2).ilog2() as usize),
    );
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, j) in longest_increasing(&pairs) {
        if out
            .last()
            .is_none_or(|&(x, y, len)| i >= x + len && j >= y + len)
        {
            out.push((i, j, GRAM));
        }
    }
    out
}
