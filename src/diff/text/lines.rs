//! Line pairing: the lines are diffed first, then the words or characters inside each run of
//! changed lines, the smallest runs first.

use super::ops::{LineOp, OpTag, TextOp};
use super::step;
use super::tokens::{Granularity, Interner, diff_tokens};
use crate::diff::search::{Budget, diff_ids};

/// Lines of `s` with their terminators (as `split_inclusive('\n')` gives them), and where
/// each starts, then the end of the text.
pub(super) fn split_lines(s: &str) -> (Vec<&str>, Vec<usize>) {
    let bytes = s.as_bytes();
    let mut starts = line_feeds(bytes);
    if starts.last() != Some(&bytes.len()) {
        starts.push(bytes.len());
    }
    let lines = starts.windows(2).map(|w| &s[w[0]..w[1]]).collect();
    (lines, starts)
}

/// 0 and the position after each line feed of `bytes`, found by `memchr` 16 bytes at a time
/// (SSE2, which every x86-64 processor has: `memchr`'s default search would first ask the
/// processor for AVX2, which in a virtual machine costs more than it saves on a statute),
/// counted first so that the vector is allocated once, with room for the end.
fn line_feeds(bytes: &[u8]) -> Vec<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(lf) = memchr::arch::x86_64::sse2::memchr::One::new(b'\n') {
        let mut starts = Vec::with_capacity(lf.count(bytes) + 2);
        starts.push(0);
        starts.extend(lf.iter(bytes).map(|i| i + 1));
        return starts;
    }
    let lf = memchr::arch::all::memchr::One::new(b'\n');
    let mut starts = Vec::with_capacity(lf.count(bytes) + 2);
    starts.push(0);
    starts.extend(lf.iter(bytes).map(|i| i + 1));
    starts
}

pub(super) fn diff_lines<'t>(
    a: &'t str,
    b: &'t str,
    granularity: Granularity,
    work: &Budget,
    cleanup: bool,
) -> Vec<LineOp> {
    let (la, sa) = split_lines(a);
    let (lb, sb) = split_lines(b);
    // Room for every line of the longer side: the lines of a statute seldom repeat, and most
    // of the other side's are equal to some of them.
    let mut ids = Interner::with_room(la.len().max(lb.len()).min(1 << 14));
    let ia: Vec<u32> = la.iter().map(|l| ids.id(l)).collect();
    let ib: Vec<u32> = lb.iter().map(|l| ids.id(l)).collect();
    work.read(ia.len() + ib.len());
    let (line_ops, exact) = diff_ids(&ia, &ib, ids.len(), work);
    if !exact {
        work.coarse_lines.set(true);
    }
    let mut out: Vec<LineOp> = Vec::with_capacity(line_ops.len());
    let mut cursor = (0, 0);
    for op in line_ops {
        let (tag, ra, rb) = step(&op, &mut cursor);
        let old = sa[ra.start]..sa[ra.end];
        let new = sb[rb.start]..sb[rb.end];
        // Consecutive changed groups (a deletion next to an insertion) form one run.
        if let Some(last) = out
            .last_mut()
            .filter(|l| tag != OpTag::Equal && l.tag != OpTag::Equal)
        {
            last.tag = OpTag::Replace;
            last.old.end = old.end;
            last.new.end = new.end;
            continue;
        }
        out.push(LineOp {
            tag,
            old,
            new,
            inline: Vec::new(),
        });
    }
    // The runs of changed lines are diffed smallest first, so that one huge run cannot spend
    // the budget of all the others.
    let mut runs: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].tag == OpTag::Replace)
        .collect();
    runs.sort_by_key(|&i| (out[i].old.len() + out[i].new.len(), i));
    // One interner for the tokens of all the runs, with room for a distinct token in 200
    // bytes of them (the GDPR and a rewording of it, 380 KB, have about 2,000).
    let run_bytes: usize = runs
        .iter()
        .map(|&i| out[i].old.len() + out[i].new.len())
        .sum();
    let mut tokens = Interner::with_room((run_bytes / 200).min(1 << 14));
    for i in runs {
        let line = &out[i];
        out[i].inline = diff_tokens(
            a,
            b,
            &mut tokens,
            line.old.clone(),
            line.new.clone(),
            granularity,
            work,
            cleanup,
        );
    }
    for line in &mut out {
        if line.tag != OpTag::Replace {
            line.inline = vec![TextOp::new(line.tag, line.old.clone(), line.new.clone())];
        }
    }
    out
}
