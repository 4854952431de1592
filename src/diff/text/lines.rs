//! Line pairing: the lines are diffed first, then the words or characters inside each run of
//! changed lines, the smallest runs first.

use super::ops::{LineOp, OpTag, TextOp};
use super::step;
use super::tokens::{Granularity, Interner, diff_tokens};
use crate::diff::search::{Budget, diff_ids};

/// Lines of `s` with their terminators, and where each starts.
fn split_lines(s: &str) -> (Vec<&str>, Vec<usize>) {
    // Counted first (a pass the compiler vectorises), so that the vectors are allocated once.
    let count = s
        .as_bytes()
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum::<usize>()
        + 1;
    let mut lines = Vec::with_capacity(count);
    let mut starts = Vec::with_capacity(count + 1);
    let mut at = 0;
    for line in s.split_inclusive('\n') {
        starts.push(at);
        at += line.len();
        lines.push(line);
    }
    starts.push(at);
    (lines, starts)
}

pub(super) fn diff_lines(
    a: &str,
    b: &str,
    granularity: Granularity,
    work: &Budget,
    cleanup: bool,
) -> Vec<LineOp> {
    let (la, sa) = split_lines(a);
    let (lb, sb) = split_lines(b);
    let mut ids = Interner::with_capacity(la.len() + lb.len());
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
    for i in runs {
        let line = &out[i];
        out[i].inline = diff_tokens(
            a,
            b,
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
