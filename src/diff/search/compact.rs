//! `similar`'s compaction (`similar::algorithms::Compact`, after diffy's, by Brandon Williams),
//! ported step for step so that it works on the search's own vector of ops in place: the
//! hook copies every op into a vector of its own, grown op by op, before it compacts them.
//! Same ops, same reads (the tests compare the diffs with `similar`'s).

use std::ops::{Index, Range};

use similar::DiffOp;

/// What kind of op `op` is (`DiffOp::tag`, without its ranges).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Equal,
    Delete,
    Insert,
    Replace,
}

fn tag(op: &DiffOp) -> Tag {
    match op {
        DiffOp::Equal { .. } => Tag::Equal,
        DiffOp::Delete { .. } => Tag::Delete,
        DiffOp::Insert { .. } => Tag::Insert,
        DiffOp::Replace { .. } => Tag::Replace,
    }
}

/// Shifts the deletions, then the insertions, up and then down, so that they join up
/// (`similar`'s `cleanup_diff_ops`).
pub(super) fn cleanup<O, N>(old: &O, new: &N, ops: &mut Vec<DiffOp>)
where
    O: Index<usize, Output = u32> + ?Sized,
    N: Index<usize, Output = u32> + ?Sized,
{
    for kind in [Tag::Delete, Tag::Insert] {
        let mut pointer = 0;
        while let Some(op) = ops.get(pointer) {
            if tag(op) == kind {
                pointer = shift_up(ops, old, new, pointer);
                pointer = shift_down(ops, old, new, pointer);
            }
            pointer += 1;
        }
    }
}

fn common_prefix_len<O, N>(
    old: &O,
    old_range: Range<usize>,
    new: &N,
    new_range: Range<usize>,
) -> usize
where
    O: Index<usize, Output = u32> + ?Sized,
    N: Index<usize, Output = u32> + ?Sized,
{
    if old_range.is_empty() || new_range.is_empty() {
        return 0;
    }
    new_range
        .zip(old_range)
        .take_while(|x| new[x.0] == old[x.1])
        .count()
}

fn common_suffix_len<O, N>(
    old: &O,
    old_range: Range<usize>,
    new: &N,
    new_range: Range<usize>,
) -> usize
where
    O: Index<usize, Output = u32> + ?Sized,
    N: Index<usize, Output = u32> + ?Sized,
{
    if old_range.is_empty() || new_range.is_empty() {
        return 0;
    }
    new_range
        .rev()
        .zip(old_range.rev())
        .take_while(|x| new[x.0] == old[x.1])
        .count()
}

fn shift_up<O, N>(ops: &mut Vec<DiffOp>, old: &O, new: &N, mut pointer: usize) -> usize
where
    O: Index<usize, Output = u32> + ?Sized,
    N: Index<usize, Output = u32> + ?Sized,
{
    while let Some(&prev_op) = pointer.checked_sub(1).and_then(|idx| ops.get(idx)) {
        let this_op = ops[pointer];
        match (tag(&this_op), tag(&prev_op)) {
            // Insertions, then deletions, upwards.
            (Tag::Insert | Tag::Delete, Tag::Equal) => {
                let suffix_len =
                    common_suffix_len(old, prev_op.old_range(), new, this_op.new_range());
                if suffix_len > 0 {
                    if ops.get(pointer + 1).map(tag) == Some(Tag::Equal) {
                        grow_left(&mut ops[pointer + 1], suffix_len);
                    } else {
                        // `similar` gives the new equal run a different length for a deletion
                        // (never reached: a deletion's new range is empty, so its common
                        // suffix is too), kept as it is.
                        let len = if tag(&this_op) == Tag::Insert {
                            suffix_len
                        } else {
                            prev_op.old_range().len() - suffix_len
                        };
                        ops.insert(
                            pointer + 1,
                            DiffOp::Equal {
                                old_index: prev_op.old_range().end - suffix_len,
                                new_index: this_op.new_range().end - suffix_len,
                                len,
                            },
                        );
                    }
                    shift_left(&mut ops[pointer], suffix_len);
                    shrink_left(&mut ops[pointer - 1], suffix_len);
                    if is_empty(&ops[pointer - 1]) {
                        ops.remove(pointer - 1);
                        pointer -= 1;
                    }
                } else if is_empty(&ops[pointer - 1]) {
                    ops.remove(pointer - 1);
                    pointer -= 1;
                } else {
                    break;
                }
            }
            // A deletion and an insertion swap places.
            (Tag::Insert, Tag::Delete) | (Tag::Delete, Tag::Insert) => {
                ops.swap(pointer - 1, pointer);
                pointer -= 1;
            }
            // Two of a kind merge.
            (Tag::Insert, Tag::Insert) => {
                grow_right(&mut ops[pointer - 1], this_op.new_range().len());
                ops.remove(pointer);
                pointer -= 1;
            }
            (Tag::Delete, Tag::Delete) => {
                grow_right(&mut ops[pointer - 1], this_op.old_range().len());
                ops.remove(pointer);
                pointer -= 1;
            }
            _ => unreachable!("unexpected tag"),
        }
    }
    pointer
}

fn shift_down<O, N>(ops: &mut Vec<DiffOp>, old: &O, new: &N, mut pointer: usize) -> usize
where
    O: Index<usize, Output = u32> + ?Sized,
    N: Index<usize, Output = u32> + ?Sized,
{
    while let Some(&next_op) = pointer.checked_add(1).and_then(|idx| ops.get(idx)) {
        let this_op = ops[pointer];
        match (tag(&this_op), tag(&next_op)) {
            // Insertions, then deletions, downwards.
            (Tag::Insert | Tag::Delete, Tag::Equal) => {
                let prefix_len =
                    common_prefix_len(old, next_op.old_range(), new, this_op.new_range());
                if prefix_len > 0 {
                    if pointer.checked_sub(1).and_then(|x| ops.get(x)).map(tag) == Some(Tag::Equal)
                    {
                        grow_right(&mut ops[pointer - 1], prefix_len);
                    } else {
                        ops.insert(
                            pointer,
                            DiffOp::Equal {
                                old_index: next_op.old_range().start,
                                new_index: this_op.new_range().start,
                                len: prefix_len,
                            },
                        );
                        pointer += 1;
                    }
                    shift_right(&mut ops[pointer], prefix_len);
                    shrink_right(&mut ops[pointer + 1], prefix_len);
                    if is_empty(&ops[pointer + 1]) {
                        ops.remove(pointer + 1);
                    }
                } else if is_empty(&ops[pointer + 1]) {
                    ops.remove(pointer + 1);
                } else {
                    break;
                }
            }
            // A deletion and an insertion swap places.
            (Tag::Insert, Tag::Delete) | (Tag::Delete, Tag::Insert) => {
                ops.swap(pointer, pointer + 1);
                pointer += 1;
            }
            // Two of a kind merge.
            (Tag::Insert, Tag::Insert) => {
                grow_right(&mut ops[pointer], next_op.new_range().len());
                ops.remove(pointer + 1);
            }
            (Tag::Delete, Tag::Delete) => {
                grow_right(&mut ops[pointer], next_op.old_range().len());
                ops.remove(pointer + 1);
            }
            _ => unreachable!("unexpected tag"),
        }
    }
    pointer
}

// `DiffOp`'s adjustments (crate-private in `similar`): an offset and a length, each moved
// by an amount, up (`false`) or down (`true`).

fn is_empty(op: &DiffOp) -> bool {
    op.old_range().is_empty() && op.new_range().is_empty()
}

fn shift_left(op: &mut DiffOp, by: usize) {
    adjust(op, (by, true), (0, false));
}

fn shift_right(op: &mut DiffOp, by: usize) {
    adjust(op, (by, false), (0, false));
}

fn grow_left(op: &mut DiffOp, by: usize) {
    adjust(op, (by, true), (by, false));
}

fn grow_right(op: &mut DiffOp, by: usize) {
    adjust(op, (0, false), (by, false));
}

fn shrink_left(op: &mut DiffOp, by: usize) {
    adjust(op, (0, false), (by, true));
}

fn shrink_right(op: &mut DiffOp, by: usize) {
    adjust(op, (by, false), (by, true));
}

fn adjust(op: &mut DiffOp, offset: (usize, bool), len: (usize, bool)) {
    fn modify(val: &mut usize, (by, down): (usize, bool)) {
        if down {
            *val -= by;
        } else {
            *val += by;
        }
    }
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len: l,
        } => {
            modify(old_index, offset);
            modify(new_index, offset);
            modify(l, len);
        }
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => {
            modify(old_index, offset);
            modify(old_len, len);
            modify(new_index, offset);
        }
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => {
            modify(old_index, offset);
            modify(new_index, offset);
            modify(new_len, len);
        }
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => {
            modify(old_index, offset);
            modify(old_len, len);
            modify(new_index, offset);
            modify(new_len, len);
        }
    }
}
