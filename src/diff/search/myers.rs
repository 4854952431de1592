//! Myers' search (`similar::algorithms::myers`): divide and conquer on the middle snake, or,
//! capped, on the furthest point reached.

use std::ops::Range;

use super::{Search, Sink, Spent};

fn prefix_len(s: &Search<'_>, a: &[u32], ra: Range<usize>, b: &[u32], rb: Range<usize>) -> usize {
    let n = snake(&a[ra], &b[rb]);
    s.work.spend(n + 1);
    n
}

fn suffix_len(s: &Search<'_>, a: &[u32], ra: Range<usize>, b: &[u32], rb: Range<usize>) -> usize {
    let n = snake_back(&a[ra], &b[rb]);
    s.work.spend(n + 1);
    n
}

/// The furthest-reaching ends of the paths of one direction by diagonal (`similar`'s `V`),
/// for the last two rounds only: round `d` reads round `d - 1` alone, and writes the
/// diagonals of the other parity.
///
/// Round `d` holds diagonals `-d, -d + 2, ..., d` in `cur[1..=d + 1]`, diagonal `k` at
/// `1 + (k + d) / 2`, between two sentinels: `cur[0]` is `usize::MAX` and `cur[d + 2]` is 0,
/// so that the start of each diagonal of the next round is one `max` (see [`forward`]).
struct V {
    /// Round `d - 1`, while round `d` is written.
    prev: Vec<usize>,
    /// The last round written.
    cur: Vec<usize>,
}

impl V {
    /// Room for rounds `0..size`, in arrays from `pool` (or new ones). Their contents are
    /// not cleared: every entry is written before it is read.
    fn new(size: usize, pool: &mut Vec<Vec<usize>>) -> V {
        let mut array = || {
            let mut v = pool.pop().unwrap_or_default();
            if v.len() < size + 2 {
                v.resize(size + 2, 0);
            }
            v
        };
        V {
            prev: array(),
            cur: array(),
        }
    }

    /// Sets up round -1 (sentinels only), so that round 0 starts at 0.
    fn start(&mut self) {
        self.cur[0] = usize::MAX;
        self.cur[1] = 0;
    }

    /// Makes the last round written the previous one, for writing round `d`.
    fn next_round(&mut self) {
        std::mem::swap(&mut self.prev, &mut self.cur);
    }

    /// The end of diagonal `k` in round `d`, the last round written.
    fn at(&self, d: isize, k: isize) -> usize {
        self.cur[(1 + (k + d) / 2) as usize]
    }

    /// Gives the arrays back to `pool`.
    fn give_back(self, pool: &mut Vec<Vec<usize>>) {
        pool.extend([self.prev, self.cur]);
    }
}

fn max_d(len1: usize, len2: usize) -> usize {
    (len1 + len2).div_ceil(2) + 1
}

/// A stretch still to diff, or an equal run to send once the stretches before it are done:
/// `similar`'s recursive `conquer`, with an explicit stack.
pub(super) enum Task {
    Diff(Range<usize>, Range<usize>),
    Equal(usize, usize, usize),
}

/// Myers' diff of `a[ra]` and `b[rb]` (`similar::algorithms::myers::diff`), by divide and
/// conquer on the middle snake; or, with a cap, on the furthest point reached.
pub(super) fn myers(
    s: Search<'_>,
    sink: &mut impl Sink,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
) -> Result<(), Spent> {
    if ra.is_empty() || rb.is_empty() {
        // Nothing to search (most stretches between neighbouring anchors): what `search`
        // does, without its arrays; its empty prefix and suffix cost a step each.
        s.work.spend(2);
        if !ra.is_empty() {
            sink.delete(ra.start, ra.len(), rb.start)?;
        } else if !rb.is_empty() {
            sink.insert(ra.start, rb.start, rb.len())?;
        }
        return Ok(());
    }
    // Reaching round d costs d(d + 1) steps, so the budget left bounds the rounds, and the
    // size of the arrays with them (the square root only when the budget is what bounds).
    let most = max_d(ra.len(), rb.len());
    let size = match s.cap {
        Some(cap) => most.min(cap.saturating_add(3)),
        None => {
            let left = s.work.left(s.limit);
            let bound =
                (most.saturating_sub(3) as u64).saturating_mul(most.saturating_sub(3) as u64);
            if most <= 3 || left >= bound {
                most
            } else {
                most.min(
                    usize::try_from(left.isqrt())
                        .unwrap_or(usize::MAX)
                        .saturating_add(3),
                )
            }
        }
    }
    .max(2);
    let (mut vf, mut vb) = {
        let mut pool = s.work.arrays.borrow_mut();
        (V::new(size, &mut pool), V::new(size, &mut pool))
    };
    let done = search(s, sink, a, ra, b, rb, &mut vf, &mut vb, size);
    let mut pool = s.work.arrays.borrow_mut();
    vf.give_back(&mut pool);
    vb.give_back(&mut pool);
    done
}

/// The divide and conquer of [`myers`], with its arrays.
#[allow(clippy::too_many_arguments)]
fn search(
    s: Search<'_>,
    sink: &mut impl Sink,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
    vf: &mut V,
    vb: &mut V,
    size: usize,
) -> Result<(), Spent> {
    // A stack from the budget's (empty: a search only stops early by giving up, and then
    // the stack is dropped), given back once the search is done.
    let mut stack = s.work.stacks.borrow_mut().pop().unwrap_or_default();
    stack.push(Task::Diff(ra, rb));
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
            match middle_snake(&s, a, ra.clone(), b, rb.clone(), vf, vb, size) {
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
    s.work.stacks.borrow_mut().push(stack);
    Ok(())
}

/// Where to split `a[ra]` and `b[rb]`: the start of the middle snake of a shortest edit
/// script (`similar`'s `find_middle_snake`), searched forward and backward at once; with a
/// cap, past that many rounds, the furthest point reached. `vf` and `vb` have room for
/// `size` rounds.
#[allow(clippy::too_many_arguments)]
fn middle_snake(
    s: &Search<'_>,
    a: &[u32],
    ra: Range<usize>,
    b: &[u32],
    rb: Range<usize>,
    vf: &mut V,
    vb: &mut V,
    size: usize,
) -> Result<Option<(usize, usize)>, Spent> {
    let (a, b) = (&a[ra.clone()], &b[rb.clone()]);
    let n = a.len();
    let m = b.len();
    let delta = n as isize - m as isize;
    let odd = delta & 1 == 1;
    vf.start();
    vb.start();
    let d_max = max_d(n, m);
    for d in 0..d_max as isize {
        s.check()?;
        if s.cap.is_some_and(|cap| d as usize >= cap) {
            let (f, b) = (|k| vf.at(d - 1, k), |k| vb.at(d - 1, k));
            return Ok(furthest(n, m, d - 1, f, b).map(|(x, y)| (ra.start + x, rb.start + y)));
        }
        if d as usize >= size {
            // Only reached past the budget (see `myers`); a guard for the arrays.
            return Err(Spent);
        }
        // The steps of this round, counted once at its end (the budget is only checked
        // between rounds).
        let mut spent = 0;
        let d = d as usize;
        vf.next_round();
        let hit = if odd {
            forward::<true>(&vf.prev, &mut vf.cur, &vb.cur, d, a, b, delta, &mut spent)
        } else {
            forward::<false>(&vf.prev, &mut vf.cur, &vb.cur, d, a, b, delta, &mut spent)
        };
        if let Some((x, y)) = hit {
            s.work.spend(spent);
            return Ok(Some((x + ra.start, y + rb.start)));
        }
        vb.next_round();
        let hit = if odd {
            backward::<false>(&vb.prev, &mut vb.cur, &vf.cur, d, a, b, delta, &mut spent)
        } else {
            backward::<true>(&vb.prev, &mut vb.cur, &vf.cur, d, a, b, delta, &mut spent)
        };
        if let Some((x, y)) = hit {
            s.work.spend(spent);
            return Ok(Some((n - x + ra.start, m - y + rb.start)));
        }
        s.work.spend(spent);
    }
    Ok(None)
}

/// Round `d` of the forward paths of [`middle_snake`], diagonals `k = d` down to `-d` (the
/// order matters: the first path to meet a backward path wins), from round `d - 1` in `prev`
/// into `cur` (laid out as [`V`] says), counting a step per diagonal and per id of the
/// snakes in `spent`.
///
/// Each diagonal starts where the path on `k + 1` (a step down) or on `k - 1` (a step right)
/// reached further, as in `similar`: `if v[k - 1] < v[k + 1] { v[k + 1] } else { v[k - 1] + 1 }`,
/// which is `max(v[k - 1] + 1, v[k + 1])`, and with the sentinels (`usize::MAX + 1` wraps to 0,
/// and 0 is never above `v[d - 1] + 1`) also right at `k = -d` and `k = d`.
///
/// With `OVERLAP` (an odd `delta`) it stops at the first path that reaches the backward path
/// of round `d - 1` in `other`, and returns where its snake starts.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn forward<const OVERLAP: bool>(
    prev: &[usize],
    cur: &mut [usize],
    other: &[usize],
    d: usize,
    a: &[u32],
    b: &[u32],
    delta: isize,
    spent: &mut usize,
) -> Option<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let prev = &prev[..d + 2];
    let cur = &mut cur[..d + 3];
    cur[0] = usize::MAX;
    cur[d + 2] = 0;
    // Diagonal `k` is `2t - d`; the other direction's diagonal `delta - k` is within `reach`
    // of 0 for `t` in `near..=near + reach`, at `1 + near + reach - t` in `other`.
    let reach = d as isize - 1;
    let near = (delta + d as isize - reach) / 2;
    for t in (0..=d).rev() {
        let x = prev[t].wrapping_add(1).max(prev[t + 1]);
        // `x - k`, wrapping when negative (then past `m`, as in `similar`).
        let y = x.wrapping_add(d).wrapping_sub(2 * t);
        let mut end = x;
        if x < n && y < m && a[x] == b[y] {
            let advance = snake(&a[x..], &b[y..]);
            end += advance;
            *spent += advance;
        }
        cur[t + 1] = end;
        // The backward path on diagonal `delta - k`, of round `d - 1`.
        if OVERLAP && d > 0 && (t as isize - near) as usize <= reach as usize {
            let at = (1 + near + reach - t as isize) as usize;
            if end + other[at] >= n {
                // A step for each diagonal visited, `d` down to this one.
                *spent += d - t + 1;
                return Some((x, y));
            }
        }
    }
    *spent += d + 1;
    None
}

/// Round `d` of the backward paths of [`middle_snake`], as [`forward`] with the paths counted
/// from the ends of `a` and `b`. With `OVERLAP` (an even `delta`) it stops at the first path
/// that reaches the forward path of round `d` in `other`, and returns where it ends, counted
/// from the ends.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn backward<const OVERLAP: bool>(
    prev: &[usize],
    cur: &mut [usize],
    other: &[usize],
    d: usize,
    a: &[u32],
    b: &[u32],
    delta: isize,
    spent: &mut usize,
) -> Option<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let prev = &prev[..d + 2];
    let cur = &mut cur[..d + 3];
    cur[0] = usize::MAX;
    cur[d + 2] = 0;
    // Diagonal `k` is `2t - d`; the other direction's diagonal `delta - k` is within `reach`
    // of 0 for `t` in `near..=near + reach`, at `1 + near + reach - t` in `other`.
    let reach = d as isize;
    let near = (delta + d as isize - reach) / 2;
    for t in (0..=d).rev() {
        let mut x = prev[t].wrapping_add(1).max(prev[t + 1]);
        let mut y = x.wrapping_add(d).wrapping_sub(2 * t);
        if x < n && y < m && a[n - x - 1] == b[m - y - 1] {
            let advance = snake_back(&a[..n - x], &b[..m - y]);
            x += advance;
            y += advance;
            *spent += advance;
        }
        cur[t + 1] = x;
        // The forward path on diagonal `delta - k`, of round `d`.
        if OVERLAP && (t as isize - near) as usize <= reach as usize {
            let at = (1 + near + reach - t as isize) as usize;
            if x + other[at] >= n {
                *spent += d - t + 1;
                return Some((x, y));
            }
        }
    }
    *spent += d + 1;
    None
}

/// How many ids `a` and `b` have in common at their start.
fn snake(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// How many ids `a` and `b` have in common at their end.
fn snake_back(a: &[u32], b: &[u32]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The point strictly inside the grid (`0 < x + y < n + m`) furthest along a forward or
/// backward path after round `d`, whose ends on diagonal `k` are `vf(k)` and `vb(k)`: where
/// the capped search splits.
fn furthest(
    n: usize,
    m: usize,
    d: isize,
    vf: impl Fn(isize) -> usize,
    vb: impl Fn(isize) -> usize,
) -> Option<(usize, usize)> {
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
        let x = vf(k) as isize;
        consider(x, x - k, true);
    }
    for k in (-d..=d).rev().step_by(2) {
        let x = vb(k) as isize;
        consider(n as isize - x, m as isize - (x - k), false);
    }
    best.map(|(_, at)| at)
}

/// Tests against the search as it was before its arrays kept two rounds only: the same
/// split points and the same steps.
#[cfg(test)]
mod tests {
    use std::ops::{Index, IndexMut, Range};

    use super::{V, furthest, max_d, middle_snake, snake, snake_back};
    use crate::diff::search::tests::Lcg;
    use crate::diff::search::{Budget, Search, Spent};

    /// The arrays of the former search: every diagonal `-size..size` of one direction.
    struct OldV {
        offset: isize,
        v: Vec<usize>,
    }

    impl Index<isize> for OldV {
        type Output = usize;
        fn index(&self, k: isize) -> &usize {
            &self.v[(k + self.offset) as usize]
        }
    }

    impl IndexMut<isize> for OldV {
        fn index_mut(&mut self, k: isize) -> &mut usize {
            &mut self.v[(k + self.offset) as usize]
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn old_middle_snake(
        s: &Search<'_>,
        a: &[u32],
        ra: Range<usize>,
        b: &[u32],
        rb: Range<usize>,
        vf: &mut OldV,
        vb: &mut OldV,
    ) -> Result<Option<(usize, usize)>, Spent> {
        let (a, b) = (&a[ra.clone()], &b[rb.clone()]);
        let n = a.len();
        let m = b.len();
        let delta = n as isize - m as isize;
        let odd = delta & 1 == 1;
        vf[1] = 0;
        vb[1] = 0;
        let d_max = max_d(n, m);
        let size = vf.v.len() / 2;
        for d in 0..d_max as isize {
            s.check()?;
            if s.cap.is_some_and(|cap| d as usize >= cap) {
                return Ok(furthest(n, m, d - 1, |k| vf[k], |k| vb[k])
                    .map(|(x, y)| (ra.start + x, rb.start + y)));
            }
            if d as usize >= size {
                // Only reached past the budget (see `myers`); a guard for the arrays.
                return Err(Spent);
            }
            // The steps of this round, counted once at its end (the budget is only checked
            // between rounds).
            let mut spent = 0;
            let (f, bk, off) = (&mut vf.v[..], &mut vb.v[..], vf.offset);
            let at = |k: isize| (k + off) as usize;
            // Forward paths.
            let mut k = d;
            while k >= -d {
                let mut x = if k == -d || (k != d && f[at(k - 1)] < f[at(k + 1)]) {
                    f[at(k + 1)]
                } else {
                    f[at(k - 1)] + 1
                };
                let y = (x as isize - k) as usize;
                let (x0, y0) = (x, y);
                spent += 1;
                if x < n && y < m && a[x] == b[y] {
                    let advance = snake(&a[x..], &b[y..]);
                    x += advance;
                    spent += advance;
                }
                f[at(k)] = x;
                if odd && (k - delta).abs() <= (d - 1) && x + bk[at(delta - k)] >= n {
                    s.work.spend(spent);
                    return Ok(Some((x0 + ra.start, y0 + rb.start)));
                }
                k -= 2;
            }
            // Backward paths.
            let mut k = d;
            while k >= -d {
                let mut x = if k == -d || (k != d && bk[at(k - 1)] < bk[at(k + 1)]) {
                    bk[at(k + 1)]
                } else {
                    bk[at(k - 1)] + 1
                };
                let mut y = (x as isize - k) as usize;
                spent += 1;
                if x < n && y < m && a[n - x - 1] == b[m - y - 1] {
                    let advance = snake_back(&a[..n - x], &b[..m - y]);
                    x += advance;
                    y += advance;
                    spent += advance;
                }
                bk[at(k)] = x;
                if !odd && (k - delta).abs() <= d && x + f[at(delta - k)] >= n {
                    s.work.spend(spent);
                    return Ok(Some((n - x + ra.start, m - y + rb.start)));
                }
                k -= 2;
            }
            s.work.spend(spent);
        }
        Ok(None)
    }

    #[test]
    fn the_middle_snake_is_the_former_one_step_for_step() {
        let mut x = Lcg(17);
        for case in 0..6000 {
            let alphabet = [2, 3, 5, 20, 200][case % 5];
            let n = x.next(80) as usize;
            let a: Vec<u32> = (0..n).map(|_| x.next(alphabet) as u32).collect();
            let m = x.next(80) as usize;
            let b: Vec<u32> = (0..m).map(|_| x.next(alphabet) as u32).collect();
            let (ra, rb) = (0..a.len(), 0..b.len());
            if ra.is_empty() || rb.is_empty() {
                continue;
            }
            let cap = [None, Some(1), Some(3), None][(case / 5) % 4];
            let limit = [u64::MAX / 4, 50, 500][(case / 20) % 3];
            let size = [max_d(n, m), (max_d(n, m) / 2).max(2)][(case / 60) % 2];
            let new_work = Budget::new(limit);
            let old_work = Budget::new(limit);
            let search = |work| Search { work, limit, cap };
            let mut pool = Vec::new();
            let (mut vf, mut vb) = (V::new(size, &mut pool), V::new(size, &mut pool));
            let got = middle_snake(
                &search(&new_work),
                &a,
                ra.clone(),
                &b,
                rb.clone(),
                &mut vf,
                &mut vb,
                size,
            );
            let old = |size: usize| OldV {
                offset: size as isize,
                v: vec![0; 2 * size],
            };
            let (mut of, mut ob) = (old(size), old(size));
            let want = old_middle_snake(&search(&old_work), &a, ra, &b, rb, &mut of, &mut ob);
            let show = |r: &Result<Option<(usize, usize)>, Spent>| format!("{:?}", r.as_ref().ok());
            assert_eq!(show(&got), show(&want), "{a:?} {b:?} {cap:?} {limit}");
            assert_eq!(got.is_err(), want.is_err());
            assert_eq!(
                new_work.used(),
                old_work.used(),
                "{a:?} {b:?} {cap:?} {limit}"
            );
        }
    }
}
