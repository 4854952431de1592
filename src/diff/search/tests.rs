//! The unit tests of the search, and the pseudo-random generator the text diff's tests share.

use super::myers::myers;
use super::patience::longest_increasing;
use super::*;
use crate::diff::text::{OpTag, step};

/// A pseudo-random generator for the tests (a 64-bit LCG).
pub(in crate::diff) struct Lcg(pub(in crate::diff) u64);

impl Lcg {
    pub(in crate::diff) fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn random_ids(x: &mut Lcg, len: u64, alphabet: u64) -> Vec<u32> {
    let n = x.next(len + 1);
    (0..n).map(|_| x.next(alphabet) as u32).collect()
}

/// `b` from `a` by a few random edits.
fn edited(x: &mut Lcg, a: &[u32], alphabet: u64) -> Vec<u32> {
    let mut b = Vec::new();
    for &t in a {
        match x.next(8) {
            0 => {}
            1 => b.push(x.next(alphabet) as u32),
            2 => {
                b.push(t);
                b.push(x.next(alphabet) as u32);
            }
            _ => b.push(t),
        }
    }
    b
}

/// Checks that `ops` turn `a` into `b`.
fn assert_tiles(ops: &[DiffOp], a: &[u32], b: &[u32]) {
    let (mut o, mut n) = (0, 0);
    for op in ops {
        let (tag, ra, rb) = step(op, &mut (o, n));
        if tag == OpTag::Equal {
            assert_eq!(a[ra.clone()], b[rb.clone()]);
        }
        (o, n) = (ra.end, rb.end);
    }
    assert_eq!((o, n), (a.len(), b.len()));
}

#[test]
fn the_exact_search_is_similars_patience() {
    let mut x = Lcg(3);
    for case in 0..4000 {
        let alphabet = [2, 3, 5, 20, 200][case % 5];
        let a = random_ids(&mut x, 120, alphabet);
        let b = if case % 3 == 0 {
            random_ids(&mut x, 120, alphabet)
        } else {
            edited(&mut x, &a, alphabet)
        };
        let work = Budget::new(u64::MAX / 4);
        let (ours, exact) = diff_ids(&a, &b, alphabet as usize, &work);
        assert!(exact);
        let theirs = similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b);
        assert_eq!(ours, theirs, "{a:?} {b:?}");
    }
}

/// The ported compaction gives `similar`'s ops, with the same reads, on Myers' ops before
/// compaction (and on them cut into pieces, so that there is more to join up).
#[test]
fn the_compaction_is_similars() {
    let mut x = Lcg(11);
    for case in 0..4000 {
        let alphabet = [2, 3, 5, 20][case % 4];
        let a = random_ids(&mut x, 80, alphabet);
        let b = if case % 3 == 0 {
            random_ids(&mut x, 80, alphabet)
        } else {
            edited(&mut x, &a, alphabet)
        };
        let work = Budget::new(u64::MAX / 4);
        let s = Search {
            work: &work,
            limit: u64::MAX,
            cap: None,
        };
        let mut raw = Vec::new();
        myers(s, &mut raw, &a, 0..a.len(), &b, 0..b.len()).unwrap();
        if case % 2 == 1 {
            raw = raw.iter().flat_map(|&op| pieces(op)).collect();
        }
        let counted = |ids| Counted {
            ids,
            reads: Cell::new(0),
        };
        let (oa, ob) = (counted(&a[..]), counted(&b[..]));
        let mut ours = raw.clone();
        compact::cleanup(&oa, &ob, &mut ours);
        let (ta, tb) = (counted(&a[..]), counted(&b[..]));
        let mut hook =
            similar::algorithms::Compact::new(similar::algorithms::Capture::new(), &ta, &tb);
        for op in &raw {
            let Ok(()) = op.apply_to_hook(&mut hook);
        }
        let Ok(()) = hook.finish();
        let theirs = hook.into_inner().into_ops();
        assert_eq!(ours, theirs, "{a:?} {b:?}");
        assert_eq!(
            (oa.reads.get(), ob.reads.get()),
            (ta.reads.get(), tb.reads.get())
        );
    }
}

/// `op` cut into ops of one element each.
fn pieces(op: DiffOp) -> Vec<DiffOp> {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => (0..len)
            .map(|k| DiffOp::Equal {
                old_index: old_index + k,
                new_index: new_index + k,
                len: 1,
            })
            .collect(),
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => (0..old_len)
            .map(|k| DiffOp::Delete {
                old_index: old_index + k,
                old_len: 1,
                new_index,
            })
            .collect(),
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => (0..new_len)
            .map(|k| DiffOp::Insert {
                old_index,
                new_index: new_index + k,
                new_len: 1,
            })
            .collect(),
        op => vec![op],
    }
}

/// One budget serves the many diffs of a text (its lines, then each run of changed lines),
/// reusing its vectors and counts: each diff is the one a budget of its own gives, and the
/// counts are zeroed after each, the coarse comparison's too.
#[test]
fn one_budget_serves_many_diffs() {
    let mut x = Lcg(13);
    let shared = Budget::new(u64::MAX / 4);
    for case in 0..2000 {
        let alphabet = [2, 5, 20, 200][case % 4];
        let a = random_ids(&mut x, 100, alphabet);
        let b = edited(&mut x, &a, alphabet);
        let alone = Budget::new(u64::MAX / 4);
        assert_eq!(
            diff_ids(&a, &b, alphabet as usize, &shared),
            diff_ids(&a, &b, alphabet as usize, &alone),
            "{a:?} {b:?}"
        );
        assert!(shared.scratch.borrow().is_zeroed());
    }
    let coarse_work = Budget::new(0);
    let a: Vec<u32> = (0..2000).map(|i| i % 300).collect();
    let b: Vec<u32> = (0..2000).map(|i| (i * 7) % 310).collect();
    let (ops, exact) = diff_ids(&a, &b, 310, &coarse_work);
    assert!(!exact);
    assert_tiles(&ops, &a, &b);
    assert!(coarse_work.scratch.borrow().is_zeroed());
}

#[test]
fn every_budget_gives_a_correct_diff() {
    let mut x = Lcg(5);
    for case in 0..3000 {
        let alphabet = [2, 3, 5, 20, 200][case % 5];
        let a = random_ids(&mut x, 300, alphabet);
        let b = if case % 2 == 0 {
            random_ids(&mut x, 300, alphabet)
        } else {
            edited(&mut x, &a, alphabet)
        };
        let budget = [0, 10, 100, 1000, 10_000][(case / 5) % 5];
        let work = Budget::new(budget);
        let (ops, _) = diff_ids(&a, &b, alphabet as usize, &work);
        assert_tiles(&ops, &a, &b);
        let len = (a.len() + b.len()) as u64;
        // A search gives up within a round of its limit; reading is a few passes a level.
        assert!(
            work.searched.get() <= 2 * budget + 4 * len + 600,
            "{}",
            work.searched.get()
        );
        assert!(
            work.read.get() <= 16 * COARSE_DEPTH as u64 * (len + 1),
            "{}",
            work.read.get()
        );
    }
}

#[test]
fn the_capped_search_is_exact_when_the_cap_is_not_reached() {
    let mut x = Lcg(9);
    for case in 0..2000 {
        let alphabet = [2, 5, 50][case % 3];
        let a = random_ids(&mut x, 200, alphabet);
        let b = edited(&mut x, &a, alphabet);
        let work = Budget::new(u64::MAX / 4);
        let s = |cap| Search {
            work: &work,
            limit: u64::MAX,
            cap,
        };
        let (mut capped, mut exact) = (Vec::new(), Vec::new());
        myers(s(Some(4)), &mut capped, &a, 0..a.len(), &b, 0..b.len()).unwrap();
        myers(s(None), &mut exact, &a, 0..a.len(), &b, 0..b.len()).unwrap();
        assert_tiles(&capped, &a, &b);
        let kept = |ops: &[DiffOp]| -> usize {
            ops.iter()
                .map(|op| match *op {
                    DiffOp::Equal { len, .. } => len,
                    _ => 0,
                })
                .sum()
        };
        assert!(kept(&capped) <= kept(&exact));
        let (mut wide, mut exact2) = (Vec::new(), Vec::new());
        myers(s(Some(1000)), &mut wide, &a, 0..a.len(), &b, 0..b.len()).unwrap();
        myers(s(None), &mut exact2, &a, 0..a.len(), &b, 0..b.len()).unwrap();
        assert_eq!(wide, exact2);
    }
}

#[test]
fn coarse_keeps_what_is_shared() {
    // Every token differs in every tenth place: no search fits in a budget of 0, the
    // anchors keep the rest.
    let a: Vec<u32> = (0..20_000).collect();
    let b: Vec<u32> = (0..20_000)
        .map(|i| if i % 10 == 5 { 100_000 + i } else { i })
        .collect();
    let work = Budget::new(0);
    let (ops, exact) = diff_ids(&a, &b, 120_000, &work);
    assert!(!exact);
    assert_tiles(&ops, &a, &b);
    let kept: usize = ops
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    assert_eq!(kept, 18_000);
}

#[test]
fn longest_increasing_run() {
    let pairs = [(0, 5), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)];
    assert_eq!(longest_increasing(&pairs), [(1, 1), (2, 2), (4, 3), (5, 4)]);
    assert!(longest_increasing(&[]).is_empty());
}

/// The pairs Myers' search matches, as `(i, j)`.
struct Matched(Vec<(usize, usize)>);

impl Sink for Matched {
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Spent> {
        self.0.extend((0..len).map(|k| (old + k, new + k)));
        Ok(())
    }
    fn delete(&mut self, _: usize, _: usize, _: usize) -> Result<(), Spent> {
        Ok(())
    }
    fn insert(&mut self, _: usize, _: usize, _: usize) -> Result<(), Spent> {
        Ok(())
    }
}

/// Distinct ids from `0..alphabet`, about `len` of them, in random order.
fn distinct_ids(x: &mut Lcg, len: u64, alphabet: u64) -> Vec<u32> {
    let mut seen = vec![false; alphabet as usize];
    (0..x.next(len + 1))
        .map(|_| x.next(alphabet) as u32)
        .filter(|&id| !std::mem::replace(&mut seen[id as usize], true))
        .collect()
}

/// Where the longest common subsequence of two runs of distinct ids is the only one,
/// `sole_common` finds the very pairs Myers' search matches (which is what lets patience skip
/// that search); where there are several, it says so.
#[test]
fn the_sole_common_run_is_what_myers_matches() {
    let mut x = Lcg(21);
    let (mut sole, mut several) = (0, 0);
    for case in 0..4000 {
        let alphabet = [4, 8, 30, 200][case % 4];
        let va = distinct_ids(&mut x, 40, alphabet);
        let vb = if case % 2 == 0 {
            distinct_ids(&mut x, 40, alphabet)
        } else {
            // A few moves and replacements: mostly one longest run.
            let mut vb: Vec<u32> = va.iter().copied().filter(|_| x.next(6) != 0).collect();
            if vb.len() > 2 && x.next(2) == 0 {
                let (i, j) = (
                    x.next(vb.len() as u64) as usize,
                    x.next(vb.len() as u64) as usize,
                );
                vb.swap(i, j);
            }
            vb
        };
        let vocab = alphabet as usize;
        let work = Budget::new(u64::MAX / 4);
        let s = Search {
            work: &work,
            limit: work.exact,
            cap: None,
        };
        let mut matched = Matched(Vec::new());
        myers(s, &mut matched, &va, 0..va.len(), &vb, 0..vb.len()).unwrap();
        match Scratch::new(vocab).sole_common(&va, &vb) {
            Some(pairs) => {
                sole += 1;
                assert_eq!(pairs, matched.0, "{va:?} {vb:?}");
            }
            None => several += 1,
        }
    }
    assert!(
        sole > 1000 && several > 500,
        "{sole} sole, {several} several"
    );
}

#[test]
fn two_longest_common_runs_are_not_sole() {
    let mut scratch = Scratch::new(8);
    // `1 2` and `2 1`: either id alone is a longest common run.
    assert_eq!(scratch.sole_common(&[1, 2], &[2, 1]), None);
    assert_eq!(
        scratch.sole_common(&[1, 2, 3], &[1, 3, 4]),
        Some(vec![(0, 0), (2, 1)])
    );
    assert_eq!(scratch.sole_common(&[5], &[6]), Some(vec![]));
}
