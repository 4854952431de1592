//! Myers' search (`similar::algorithms::myers`): divide and conquer on the middle snake, or,
//! capped, on the furthest point reached.

use std::ops::{Index, Range};

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

/// The furthest-reaching ends of paths by diagonal (`similar`'s `V`), for diagonals
/// `-size..size`.
struct V {
    offset: isize,
    v: Vec<usize>,
}

impl V {
    /// Diagonals `-size..size`, all 0, in an array from `pool` (or a new one).
    fn new(size: usize, pool: &mut Vec<Vec<usize>>) -> V {
        let mut v = pool.pop().unwrap_or_default();
        v.clear();
        v.resize(2 * size, 0);
        V {
            offset: size as isize,
            v,
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
    let done = search(s, sink, a, ra, b, rb, &mut vf, &mut vb);
    s.work.arrays.borrow_mut().extend([vf.v, vb.v]);
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
) -> Result<(), Spent> {
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
        } else if let Some((x, y)) = match middle_snake(&s, a, ra.clone(), b, rb.clone(), vf, vb) {
            Ok(split) => split,
            // A capped search does not give up: past its budget, what is left of each
            // stretch (after its common prefix and suffix) is replaced.
            Err(Spent) if s.cap.is_some() => None,
            Err(Spent) => return Err(Spent),
        } {
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
            return Ok(furthest(n, m, d - 1, vf, vb).map(|(x, y)| (ra.start + x, rb.start + y)));
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
