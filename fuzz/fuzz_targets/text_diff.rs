//! Fuzzes the text diff: two arbitrary UTF-8 strings, a granularity, a budget and the
//! semantic clean-up. Checks that it does not panic, that the changes rebuild both texts, that
//! the ops and the line groups tile them, that diffing again gives the same diff, that the
//! mirror gives the same similarity, and that the work stays within its bound.
//!
//! Run with a nightly toolchain: `cargo +nightly fuzz run text_diff` (from the crate's root).

#![no_main]

use std::time::Duration;

use lexgap::diff::{ChangeTag, DiffOptions, Granularity, TextDiff};
use libfuzzer_sys::fuzz_target;

fn side(diff: &TextDiff<'_>, keep: ChangeTag) -> String {
    diff.iter_changes()
        .filter(|c| c.tag() == ChangeTag::Equal || c.tag() == keep)
        .map(|c| c.value())
        .collect()
}

fuzz_target!(|input: (&str, &str, u8, u16)| {
    let (old, new, flags, micros) = input;
    let mut opts = DiffOptions::new();
    // Budgets from none to 6.5 million steps (0 to 65 ms at 100 million steps a second).
    opts.timeout(Duration::from_micros(u64::from(micros)))
        .semantic_cleanup(flags & 1 == 0);
    match flags >> 1 & 3 {
        1 => {
            opts.granularity(Granularity::Words);
        }
        2 => {
            opts.granularity(Granularity::Chars);
        }
        _ => {}
    }
    let diff = opts.diff_texts(old, new, None);
    assert_eq!(side(&diff, ChangeTag::Insert), new);
    assert_eq!(side(&diff, ChangeTag::Delete), old);
    let (mut o, mut n) = (0, 0);
    for op in diff.ops() {
        assert_eq!((op.old_range().start, op.new_range().start), (o, n));
        (o, n) = (op.old_range().end, op.new_range().end);
        assert!(old.is_char_boundary(o) && new.is_char_boundary(n));
    }
    assert_eq!((o, n), (old.len(), new.len()));
    let (mut o, mut n) = (0, 0);
    for line in diff.lines() {
        assert_eq!((line.old_range().start, line.new_range().start), (o, n));
        (o, n) = (line.old_range().end, line.new_range().end);
    }
    assert_eq!((o, n), (old.len(), new.len()));
    assert!((0.0..=1.0).contains(&diff.similarity()));
    assert_eq!(diff.is_unchanged(), old == new);
    let bound = 2 * diff.budget() + 100 * (old.len() + new.len()) as u64 + 1000;
    assert!(diff.steps() <= bound, "{} steps > {bound}", diff.steps());
    assert_eq!(opts.diff_texts(old, new, None), diff);
    assert_eq!(
        opts.diff_texts(new, old, None).similarity(),
        diff.similarity()
    );
});
