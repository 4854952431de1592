//! Semantic clean-up: merging neighbouring steps, and folding short equal runs into the
//! changes around them.

use super::ops::{OpTag, TextOp};
use super::tokens::Granularity;

/// Appends `op`, merging it into the last step when both are equal or both are changes.
pub(super) fn push_merged(ops: &mut Vec<TextOp>, op: TextOp) {
    if let Some(last) = ops.last_mut() {
        let both_equal = last.tag == OpTag::Equal && op.tag == OpTag::Equal;
        let both_changed = last.tag != OpTag::Equal && op.tag != OpTag::Equal;
        if both_equal || both_changed {
            last.old.end = op.old.end;
            last.new.end = op.new.end;
            if both_changed {
                last.tag = match (last.old.is_empty(), last.new.is_empty()) {
                    (true, _) => OpTag::Insert,
                    (_, true) => OpTag::Delete,
                    _ => OpTag::Replace,
                };
            }
            return;
        }
    }
    ops.push(op);
}

/// Like [`push_merged`], then folds an equal run into the changes around it while it is
/// shorter than the larger side of the change before it and of the change after it. In a word
/// diff only runs without letters or digits (the spaces between two changed words) are
/// folded: an equal word is worth showing.
pub(super) fn push_cleaned(
    ops: &mut Vec<TextOp>,
    op: TextOp,
    a: &str,
    b: &str,
    granularity: Granularity,
) {
    push_merged(ops, op);
    let weight = |op: &TextOp| {
        a[op.old.clone()]
            .chars()
            .count()
            .max(b[op.new.clone()].chars().count())
    };
    while ops.len() >= 3 {
        let n = ops.len();
        let (before, eq, after) = (&ops[n - 3], &ops[n - 2], &ops[n - 1]);
        if before.tag == OpTag::Equal || eq.tag != OpTag::Equal || after.tag == OpTag::Equal {
            break;
        }
        let kept = &a[eq.old.clone()];
        if granularity == Granularity::Words && kept.chars().any(char::is_alphanumeric) {
            break;
        }
        let len = kept.chars().count();
        if len >= weight(before) || len >= weight(after) {
            break;
        }
        let merged = TextOp::new(
            OpTag::Replace,
            before.old.start..after.old.end,
            before.new.start..after.new.end,
        );
        ops.truncate(n - 3);
        push_merged(ops, merged);
    }
}
