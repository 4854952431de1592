//! The search, within a budget of steps: the patience and Myers searches ported from
//! `similar` so that they count their steps, and the coarse comparison that takes over past
//! the budget (the docs of the `text` module say how a diff degrades).

use std::cell::Cell;
use std::ops::{Index, Range};

use rustc_hash::FxHashMap;
use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, Replace};

// ---------------------------------------------------------------------------------------
// The search, within a budget of steps.
//
// The exact search is `similar`'s patience algorithm (`similar::algorithms::patience`, itself
// after pijul's) over Myers' algorithm (`similar::algorithms::myers`, after Brandon Williams'),
// ported here step for step so that it can count its steps and give up when the budget is
// spent: `similar` can only be stopped by a deadline, which makes results depend on the
// clock. Within the budget it gives exactly `similar`'s ops (the tests compare them);
// compaction and the merging into replacements are `similar`'s own hooks. Past the budget,
// `coarse` takes over. (`similar` is MIT/Apache-2.0, by Armin Ronacher.)
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
    let mut scratch = Scratch::new(vocab);
    let exact = Search {
        work,
        limit: work.exact,
        cap: None,
    };
    let mut ops = Vec::new();
    // The exact search reads both sides twice before anything else: skip it when that alone
    // would not fit.
    let hopeless = 2 * (a.len() + b.len()) as u64 > work.left(work.exact);
    if !hopeless && patience(exact, &mut ops, a, b, &mut scratch).is_ok() {
        return (compact(ops, a, b, work), true);
    }
    let mut ops = Vec::new();
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
    (compact(ops, a, b, work), false)
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

/// `similar`'s compaction (shifting changes so that they join up) and merging of deletions
/// and insertions into replacements, as `capture_diff_slices` does. Compaction is skipped
/// when it could take longer than the budget (very many ops, which no ordinary text has).
fn compact(ops: Vec<DiffOp>, a: &[u32], b: &[u32], work: &Budget) -> Vec<DiffOp> {
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
    let out = if n.saturating_mul(n) <= work.total {
        let mut hook = Compact::new(Replace::new(Capture::new()), &ca, &cb);
        for op in &ops {
            let Ok(()) = op.apply_to_hook(&mut hook);
        }
        let Ok(()) = hook.finish();
        hook.into_inner().into_inner().into_ops()
    } else {
        let mut hook = Replace::new(Capture::new());
        for op in &ops {
            let Ok(()) = op.apply_to_hook(&mut hook);
        }
        let Ok(()) = hook.finish();
        hook.into_inner().into_ops()
    };
    work.spend(usize::try_from(ca.reads.get() + cb.reads.get() + n).unwrap_or(usize::MAX));
    out
}

/// Counts of ids, kept zeroed between uses, for finding the ids that occur once.
struct Scratch {
    count_a: Vec<u32>,
    count_b: Vec<u32>,
    at_b: Vec<usize>,
}

impl Scratch {
    fn new(vocab: usize) -> Scratch {
        Scratch {
            count_a: vec![0; vocab],
            count_b: vec![0; vocab],
            at_b: vec![0; vocab],
        }
    }

    /// The indices of the ids that occur once in `a[r]`, in order (`similar`'s `unique`).
    fn unique(&mut self, a: &[u32], r: Range<usize>) -> Vec<usize> {
        for &id in &a[r.clone()] {
            let c = &mut self.count_a[id as usize];
            *c = c.saturating_add(1);
        }
        let out = r
            .clone()
            .filter(|&i| self.count_a[a[i] as usize] == 1)
            .collect();
        for &id in &a[r] {
            self.count_a[id as usize] = 0;
        }
        out
    }

    /// The pairs `(i, j)` with `a[i] == b[j]` occurring once in `a[ra]` and once in `b[rb]`,
    /// in order of `i`.
    fn unique_pairs(
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
        }
        pairs
    }
}

/// The longest subsequence of `pairs` (in increasing `.0`) whose `.1` increase too, by
/// patience sorting, in `O(p log p)`.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
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

fn prefix_len(s: &Search<'_>, a: &[u32], ra: Range<usize>, b: &[u32], rb: Range<usize>) -> usize {
    let n = ra.zip(rb).take_while(|&(i, j)| a[i] == b[j]).count();
    s.work.spend(n + 1);
    n
}

fn suffix_len(s: &Search<'_>, a: &[u32], ra: Range<usize>, b: &[u32], rb: Range<usize>) -> usize {
    let n = ra
        .rev()
        .zip(rb.rev())
        .take_while(|&(i, j)| a[i] == b[j])
        .count();
    s.work.spend(n + 1);
    n
}

/// The patience diff of `a` and `b` (`similar::algorithms::patience::diff`): Myers' diff of
/// the ids that occur once on each side, then Myers' diff between the matched ones.
fn patience(
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
    myers(s, &mut anchors, &va, 0..va.len(), &vb, 0..vb.len())?;
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

/// The furthest-reaching ends of paths by diagonal (`similar`'s `V`), for diagonals
/// `-size..size`.
struct V {
    offset: isize,
    v: Vec<usize>,
}

impl V {
    fn new(size: usize) -> V {
        V {
            offset: size as isize,
            v: vec![0; 2 * size],
        }
    }
}

impl Index<isize> for V {
    type Output = usize;
    fn index(&self, k: isize) -> &usize {
        &self.v[(k + self.offset) as usize]
    }
}

impl std::ops::IndexMut<isize> for V {
    fn index_mut(&mut self, k: isize) -> &mut usize {
        &mut self.v[(k + self.offset) as usize]
    }
}

fn max_d(len1: usize, len2: usize) -> usize {
    (len1 + len2).div_ceil(2) + 1
}

/// A stretch still to diff, or an equal run to send once the stretches before it are done:
/// `similar`'s recursive `conquer`, with an explicit stack.
enum Task {
    Diff(Range<usize>, Range<usize>),
    Equal(usize, usize, usize),
}

/// Myers' diff of `a[ra]` and `b[rb]` (`similar::algorithms::myers::diff`), by divide and
/// conquer on the middle snake; or, with a cap, on the furthest point reached.
fn myers(
    s: Search<'_>,
    sink: &mut impl Sink,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
) -> Result<(), Spent> {
    // Reaching round d costs d(d + 1) steps, so the budget left bounds the rounds, and the
    // size of the arrays with them.
    let rounds = match s.cap {
        Some(cap) => cap,
        None => usize::try_from(s.work.left(s.limit).isqrt()).unwrap_or(usize::MAX),
    };
    let size = max_d(ra.len(), rb.len())
        .min(rounds.saturating_add(3))
        .max(2);
    let mut vf = V::new(size);
    let mut vb = V::new(size);
    let mut stack = vec![Task::Diff(ra, rb)];
    while let Some(task) = stack.pop() {
        let (mut ra, mut rb) = match task {
            Task::Equal(o, n, len) => {
                sink.equal(o, n, len)?;
                continue;
            }
            Task::Diff(ra, rb) => (ra, rb),
        };
        let p = prefix_len(&s, a, ra.clone(), b, rb.clone());
        if p > 0 {
            sink.equal(ra.start, rb.start, p)?;
        }
        ra.start += p;
        rb.start += p;
        let q = suffix_len(&s, a, ra.clone(), b, rb.clone());
        ra.end -= q;
        rb.end -= q;
        if q > 0 {
            stack.push(Task::Equal(ra.end, rb.end, q));
        }
        if ra.is_empty() && rb.is_empty() {
        } else if rb.is_empty() {
            sink.delete(ra.start, ra.len(), rb.start)?;
        } else if ra.is_empty() {
            sink.insert(ra.start, rb.start, rb.len())?;
        } else if let Some((x, y)) =
            match middle_snake(&s, a, ra.clone(), b, rb.clone(), &mut vf, &mut vb) {
                Ok(split) => split,
                // A capped search does not give up: past its budget, what is left of each
                // stretch (after its common prefix and suffix) is replaced.
                Err(Spent) if s.cap.is_some() => None,
                Err(Spent) => return Err(Spent),
            }
        {
            stack.push(Task::Diff(x..ra.end, y..rb.end));
            stack.push(Task::Diff(ra.start..x, rb.start..y));
        } else {
            sink.delete(ra.start, ra.len(), rb.start)?;
            sink.insert(ra.start, rb.start, rb.len())?;
        }
    }
    Ok(())
}

/// Where to split `a[ra]` and `b[rb]`: the start of the middle snake of a shortest edit
/// script (`similar`'s `find_middle_snake`), searched forward and backward at once; with a
/// cap, past that many rounds, the furthest point reached.
fn middle_snake(
    s: &Search<'_>,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
    vf: &mut V,
    vb: &mut V,
) -> Result<Option<(usize, usize)>, Spent> {
    let n = ra.len();
    let m = rb.len();
    let delta = n as isize - m as isize;
    let odd = delta & 1 == 1;
    vf[1] = 0;
    vb[1] = 0;
    let d_max = max_d(n, m);
    let size = vf.v.len() / 2;
    for d in 0..d_max as isize {
        s.check()?;
        if s.cap.is_some_and(|cap| d as usize >= cap) {
            return Ok(furthest(n, m, d - 1, vf, vb).map(|(x, y)| (ra.start + x, rb.start + y)));
        }
        if d as usize >= size {
            // Only reached past the budget (see `myers`); a guard for the arrays.
            return Err(Spent);
        }
        // Forward paths.
        for k in (-d..=d).rev().step_by(2) {
            let mut x = if k == -d || (k != d && vf[k - 1] < vf[k + 1]) {
                vf[k + 1]
            } else {
                vf[k - 1] + 1
            };
            let y = (x as isize - k) as usize;
            let (x0, y0) = (x, y);
            let mut cost = 1;
            if x < n && y < m {
                let advance = ra.start + x..ra.end;
                let advance = advance
                    .zip(rb.start + y..rb.end)
                    .take_while(|&(i, j)| a[i] == b[j])
                    .count();
                x += advance;
                cost += advance;
            }
            s.work.spend(cost);
            vf[k] = x;
            if odd && (k - delta).abs() <= (d - 1) && vf[k] + vb[-(k - delta)] >= n {
                return Ok(Some((x0 + ra.start, y0 + rb.start)));
            }
        }
        // Backward paths.
        for k in (-d..=d).rev().step_by(2) {
            let mut x = if k == -d || (k != d && vb[k - 1] < vb[k + 1]) {
                vb[k + 1]
            } else {
                vb[k - 1] + 1
            };
            let mut y = (x as isize - k) as usize;
            let mut cost = 1;
            if x < n && y < m {
                let advance = (ra.start..ra.start + n - x)
                    .rev()
                    .zip((rb.start..rb.start + m - y).rev())
                    .take_while(|&(i, j)| a[i] == b[j])
                    .count();
                x += advance;
                y += advance;
                cost += advance;
            }
            s.work.spend(cost);
            vb[k] = x;
            if !odd && (k - delta).abs() <= d && vb[k] + vf[-(k - delta)] >= n {
                return Ok(Some((n - x + ra.start, m - y + rb.start)));
            }
        }
    }
    Ok(None)
}

/// The point strictly inside the grid (`0 < x + y < n + m`) furthest along a forward or
/// backward path after round `d`: where the capped search splits.
fn furthest(n: usize, m: usize, d: isize, vf: &V, vb: &V) -> Option<(usize, usize)> {
    let mut best: Option<(usize, (usize, usize))> = None;
    let mut consider = |x: isize, y: isize, forward: bool| {
        if x < 0 || y < 0 || x as usize > n || y as usize > m {
            return;
        }
        let (x, y) = (x as usize, y as usize);
        let progress = if forward { x + y } else { n - x + m - y };
        if x + y == 0 || x + y == n + m {
            return;
        }
        if best.is_none_or(|(p, _)| progress > p) {
            best = Some((progress, (x, y)));
        }
    };
    if d < 0 {
        return None;
    }
    for k in (-d..=d).rev().step_by(2) {
        let x = vf[k] as isize;
        consider(x, x - k, true);
    }
    for k in (-d..=d).rev().step_by(2) {
        let x = vb[k] as isize;
        consider(n as isize - x, m as isize - (x - k), false);
    }
    best.map(|(_, at)| at)
}

/// The coarse comparison of `a[ra]` and `b[rb]`, once the budget for exact searches is spent
/// (see the [module docs](self)): the common prefix and suffix are kept, runs that occur once
/// on each side anchor the rest, and the stretches between anchors are diffed by a capped
/// search while the second budget lasts, else compared coarsely again, a level deeper, else
/// replaced.
#[allow(clippy::too_many_arguments)]
fn coarse(
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

#[cfg(test)]
pub(super) mod tests {
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
}
