//! The search, within a budget of steps: the patience and Myers searches ported from
//! `similar` so that they count their steps, and the coarse comparison that takes over past
//! the budget (the docs of the `text` module say how a diff degrades).
//!
//! This file holds the [`Budget`], the sinks the searches send their steps to and the entry
//! point, [`diff_ids`]; the searches are in `patience`, `myers` and `coarse`, `similar`'s
//! compaction in `compact`.

mod coarse;
mod compact;
mod myers;
mod patience;
#[cfg(test)]
pub(super) mod tests;

use std::cell::{Cell, RefCell};
use std::ops::Index;

use similar::DiffOp;
use similar::algorithms::{DiffHook, Replace};

use coarse::coarse;
use patience::{Scratch, patience};

// ---------------------------------------------------------------------------------------
// The search, within a budget of steps.
//
// The exact search is `similar`'s patience algorithm (`similar::algorithms::patience`, itself
// after pijul's) over Myers' algorithm (`similar::algorithms::myers`, after Brandon Williams'),
// ported here step for step so that it can count its steps and give up when the budget is
// spent: `similar` can only be stopped by a deadline, which makes results depend on the
// clock. Within the budget it gives exactly `similar`'s ops (the tests compare them);
// compaction is ported too (to work in place, `compact`), the merging into replacements is
// `similar`'s own hook. Past the budget, `coarse` takes over. (`similar` is Apache-2.0, by
// Armin Ronacher and others: see `LICENSE-THIRD-PARTY`.)
// ---------------------------------------------------------------------------------------

/// How many rounds (differences on each side) the capped search explores before it settles
/// for the furthest point it reached, as GNU diff's heuristic does.
const CAPPED_ROUNDS: usize = 256;

/// How many levels deep the coarse comparison looks for anchors unique within a stretch.
const COARSE_DEPTH: usize = 8;

/// The work done and allowed; see [`DEFAULT_BUDGET`].
///
/// Steps are of two kinds. Searching (the exact search, the capped searches, compaction) is
/// bounded by the budget. Reading (hashing tokens and lines, and the passes of the coarse
/// comparison: common prefix and suffix, anchors) is not: it is a few passes over the input
/// at each of at most [`COARSE_DEPTH`] levels, and it has to be done whatever the budget.
pub(super) struct Budget {
    searched: Cell<u64>,
    read: Cell<u64>,
    /// Exact searches give up once `searched` passes this.
    exact: u64,
    /// Capped searches (coarse refinement) give up once `searched` passes this.
    total: u64,
    pub(super) coarse_lines: Cell<bool>,
    pub(super) coarse_runs: Cell<usize>,
    pub(super) coarse_bytes: Cell<usize>,
    /// Arrays the searches reuse (for Myers' paths), so that the many short searches between
    /// anchors do not each allocate their own.
    arrays: RefCell<Vec<Vec<usize>>>,
    /// The stacks of Myers' divide and conquer, reused in the same way (searches nest: the
    /// patience hook runs one inside another).
    stacks: RefCell<Vec<Vec<myers::Task>>>,
    /// The counts of the patience search, kept zeroed between uses, for all the diffs of a
    /// text (as big as the most distinct ids any of them has).
    scratch: RefCell<Scratch>,
    /// The ops of the search before compaction, one vector for all the diffs of a text
    /// (its lines, then each run of changed lines), so that it grows once, not per diff.
    ops: RefCell<Vec<DiffOp>>,
}

/// The budget is spent: the search gives up.
#[derive(Debug)]
struct Spent;

impl Budget {
    pub(super) fn new(budget: u64) -> Budget {
        Budget {
            searched: Cell::new(0),
            read: Cell::new(0),
            exact: budget,
            total: budget.saturating_mul(2),
            coarse_lines: Cell::new(false),
            coarse_runs: Cell::new(0),
            coarse_bytes: Cell::new(0),
            arrays: RefCell::new(Vec::new()),
            stacks: RefCell::new(Vec::new()),
            ops: RefCell::new(Vec::new()),
            scratch: RefCell::new(Scratch::new(0)),
        }
    }
    /// Counts `steps` of searching.
    fn spend(&self, steps: usize) {
        let steps = u64::try_from(steps).unwrap_or(u64::MAX);
        self.searched.set(self.searched.get().saturating_add(steps));
    }
    /// Counts `steps` of reading.
    pub(super) fn read(&self, steps: usize) {
        let steps = u64::try_from(steps).unwrap_or(u64::MAX);
        self.read.set(self.read.get().saturating_add(steps));
    }
    /// All the steps.
    pub(super) fn used(&self) -> u64 {
        self.searched.get().saturating_add(self.read.get())
    }
    /// The searching steps left before `limit`.
    fn left(&self, limit: u64) -> u64 {
        limit.saturating_sub(self.searched.get())
    }
    pub(super) fn note(&self) -> Option<String> {
        let runs = self.coarse_runs.get();
        if !self.coarse_lines.get() && runs == 0 {
            return None;
        }
        let mut parts = Vec::new();
        if self.coarse_lines.get() {
            parts.push("lines paired coarsely".to_owned());
        }
        if runs > 0 {
            parts.push(format!(
                "{runs} run{} of changed lines ({} bytes) compared coarsely",
                if runs == 1 { "" } else { "s" },
                self.coarse_bytes.get()
            ));
        }
        Some(format!(
            "the budget of {} steps ran out: {}",
            self.exact,
            parts.join(", ")
        ))
    }
}

/// Where the search sends its steps (`similar`'s `DiffHook`, fallible).
trait Sink {
    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Spent>;
    fn delete(&mut self, old: usize, len: usize, new: usize) -> Result<(), Spent>;
    fn insert(&mut self, old: usize, new: usize, len: usize) -> Result<(), Spent>;
}

impl Sink for Vec<DiffOp> {
    fn equal(&mut self, old_index: usize, new_index: usize, len: usize) -> Result<(), Spent> {
        self.push(DiffOp::Equal {
            old_index,
            new_index,
            len,
        });
        Ok(())
    }
    fn delete(&mut self, old_index: usize, old_len: usize, new_index: usize) -> Result<(), Spent> {
        self.push(DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        });
        Ok(())
    }
    fn insert(&mut self, old_index: usize, new_index: usize, new_len: usize) -> Result<(), Spent> {
        self.push(DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        });
        Ok(())
    }
}

/// How a search may spend the budget.
#[derive(Clone, Copy)]
struct Search<'w> {
    work: &'w Budget,
    /// It gives up once the steps used pass this.
    limit: u64,
    /// `Some(rounds)`: past that many rounds it settles for the furthest point reached
    /// (approximate); `None`: it looks for the middle snake (exact).
    cap: Option<usize>,
}

impl Search<'_> {
    fn check(&self) -> Result<(), Spent> {
        if self.work.searched.get() > self.limit {
            Err(Spent)
        } else {
            Ok(())
        }
    }
}

/// Diffs two sequences of ids (`vocab` distinct ones), exactly within the budget, else
/// coarsely; the second value says whether the diff is exact.
pub(super) fn diff_ids(a: &[u32], b: &[u32], vocab: usize, work: &Budget) -> (Vec<DiffOp>, bool) {
    // The scratch and the vector are taken out of the budget while they are used, and put
    // back after.
    let mut scratch = work.scratch.replace(Scratch::new(0));
    scratch.grow(vocab);
    let search = Search {
        work,
        limit: work.exact,
        cap: None,
    };
    let mut ops = work.ops.take();
    ops.clear();
    // The exact search reads both sides twice before anything else: skip it when that alone
    // would not fit.
    let hopeless = 2 * (a.len() + b.len()) as u64 > work.left(work.exact);
    let exact = !hopeless && patience(search, &mut ops, a, b, &mut scratch).is_ok();
    if !exact {
        ops.clear();
        coarse(
            work,
            &mut ops,
            a,
            0..a.len(),
            b,
            0..b.len(),
            &mut scratch,
            0,
        );
    }
    let out = compact(&mut ops, a, b, work);
    work.ops.replace(ops);
    work.scratch.replace(scratch);
    (out, exact)
}

/// Reads ids and counts the reads (for the steps of compaction).
struct Counted<'a> {
    ids: &'a [u32],
    reads: Cell<u64>,
}

impl Index<usize> for Counted<'_> {
    type Output = u32;
    fn index(&self, i: usize) -> &u32 {
        self.reads.set(self.reads.get() + 1);
        &self.ids[i]
    }
}

/// `similar`'s compaction (shifting changes so that they join up; ported, in `compact`, to
/// work on `ops` in place) and merging of deletions and insertions into replacements, as
/// `capture_diff_slices` does. Compaction is skipped when it could take longer than the
/// budget (very many ops, which no ordinary text has).
fn compact(ops: &mut Vec<DiffOp>, a: &[u32], b: &[u32], work: &Budget) -> Vec<DiffOp> {
    let n = ops.len() as u64;
    let (ca, cb) = (
        Counted {
            ids: a,
            reads: Cell::new(0),
        },
        Counted {
            ids: b,
            reads: Cell::new(0),
        },
    );
    if n.saturating_mul(n) <= work.total {
        compact::cleanup(&ca, &cb, ops);
    }
    let mut hook = Replace::new(Captured::for_ops(ops));
    for op in ops.iter() {
        let Ok(()) = op.apply_to_hook(&mut hook);
    }
    let Ok(()) = hook.finish();
    let out = hook.into_inner().0;
    work.spend(usize::try_from(ca.reads.get() + cb.reads.get() + n).unwrap_or(usize::MAX));
    out
}

/// `similar`'s `Capture`, with room for as many ops as compaction is given (about as many as
/// it gives: shifting joins ops, and replacements merge them), so that it does not grow op by
/// op.
struct Captured(Vec<DiffOp>);

impl Captured {
    fn for_ops(ops: &[DiffOp]) -> Captured {
        Captured(Vec::with_capacity(ops.len()))
    }
}

impl DiffHook for Captured {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old_index: usize, new_index: usize, len: usize) -> Result<(), Self::Error> {
        self.0.push(DiffOp::Equal {
            old_index,
            new_index,
            len,
        });
        Ok(())
    }
    fn delete(
        &mut self,
        old_index: usize,
        old_len: usize,
        new_index: usize,
    ) -> Result<(), Self::Error> {
        self.0.push(DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        });
        Ok(())
    }
    fn insert(
        &mut self,
        old_index: usize,
        new_index: usize,
        new_len: usize,
    ) -> Result<(), Self::Error> {
        self.0.push(DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        });
        Ok(())
    }
    fn replace(
        &mut self,
        old_index: usize,
        old_len: usize,
        new_index: usize,
        new_len: usize,
    ) -> Result<(), Self::Error> {
        self.0.push(DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        });
        Ok(())
    }
}
