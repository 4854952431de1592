//! Hostile inputs for the text diff (issue 11): pathological texts, each diffed twice to
//! check that the result is reproducible, with a bound on the work counted in steps (never in
//! time) and a sensible similarity. Budgets are small (a few milliseconds' worth, converted to
//! steps at a fixed rate) so that the suite stays quick in debug builds.

use std::time::Duration;

use lexgap::diff::{ChangeTag, DiffOptions, Granularity, TextDiff};

use crate::support::{Lcg, side};

/// Diffs `old` and `new` twice within `ms` milliseconds' worth of steps and checks what every
/// diff must satisfy; returns the diff.
fn check<'a>(
    old: &'a str,
    new: &'a str,
    ms: u64,
    granularity: Option<Granularity>,
) -> TextDiff<'a> {
    let mut opts = DiffOptions::new();
    opts.timeout(Duration::from_millis(ms));
    if let Some(g) = granularity {
        opts.granularity(g);
    }
    let diff = opts.diff_texts(old, new, None);
    // Reproducible: the same ops, similarity and steps on a second run.
    let again = opts.diff_texts(old, new, None);
    assert_eq!(diff, again);
    assert_eq!(diff.steps(), again.steps());
    // Bounded: at most twice the budget, plus a few passes over the input.
    let bound = 2 * diff.budget() + 100 * (old.len() + new.len()) as u64;
    assert!(diff.steps() <= bound, "{} steps > {bound}", diff.steps());
    // Correct: the changes rebuild both texts, and the ops tile them.
    assert_eq!(side(&diff, ChangeTag::Insert), new);
    assert_eq!(side(&diff, ChangeTag::Delete), old);
    let (mut o, mut n) = (0, 0);
    for op in diff.ops() {
        assert_eq!((op.old_range().start, op.new_range().start), (o, n));
        (o, n) = (op.old_range().end, op.new_range().end);
    }
    assert_eq!((o, n), (old.len(), new.len()));
    assert!((0.0..=1.0).contains(&diff.similarity()));
    // Symmetric.
    let back = opts.diff_texts(new, old, None);
    assert_eq!(back.similarity(), diff.similarity());
    diff
}

/// A 5 MB single line against the same line with a change in the middle.
#[test]
fn a_5_mb_line_with_a_change_in_the_middle() {
    let mut x = Lcg(1);
    let words: Vec<String> = (0..900_000)
        .map(|_| format!("w{}", x.below(3000)))
        .collect();
    let old = words.join(" ");
    let mid = old.len() / 2;
    let cut = mid + old[mid..].find(' ').unwrap();
    let new = format!("{} shall not {}", &old[..cut], &old[cut + 1..]);
    assert!(old.len() > 5_000_000);
    let diff = check(&old, &new, 10, None);
    assert!(diff.similarity() > 0.999, "{}", diff.similarity());
    assert_eq!(diff.inserted().collect::<Vec<_>>(), ["shall not "]);
}

/// 100,000 lines against a copy with every hundredth line changed, and against wholly other
/// lines.
#[test]
fn a_hundred_thousand_lines() {
    let old: String = (0..100_000)
        .map(|i| format!("{}. The controller shall notify item {i}.\n", i % 7))
        .collect();
    let new: String = (0..100_000)
        .map(|i| {
            if i % 100 == 50 {
                format!("{}. The processor shall notify item {i}.\n", i % 7)
            } else {
                format!("{}. The controller shall notify item {i}.\n", i % 7)
            }
        })
        .collect();
    let diff = check(&old, &new, 10, None);
    assert!(diff.similarity() > 0.98, "{}", diff.similarity());
    assert_eq!(diff.inserted().filter(|s| *s == "processor").count(), 1000);
    // Lines that repeat (no line occurs once): a shifted copy.
    let old: String = (0..100_000).map(|i| format!("line {}\n", i % 10)).collect();
    let new: String = (0..100_000)
        .map(|i| format!("line {}\n", (i + 3) % 10))
        .collect();
    let diff = check(&old, &new, 10, None);
    assert!(diff.similarity() > 0.99, "{}", diff.similarity());
    // Nothing in common but the word `line`.
    let other: String = (0..100_000).map(|i| format!("row {}\n", i % 10)).collect();
    let diff = check(&old, &other, 10, None);
    assert!(diff.similarity() < 0.5, "{}", diff.similarity());
}

/// Texts of whitespace only.
#[test]
fn only_whitespace() {
    let old = " ".repeat(1_000_000);
    let new = format!("{}\t{}", " ".repeat(500_000), " ".repeat(499_999));
    check(&old, &new, 10, None);
    check(&old, &new, 10, Some(Granularity::Chars));
    let lines = " \n".repeat(100_000);
    let other = "  \n".repeat(100_000);
    let diff = check(&lines, &other, 10, None);
    assert!(diff.similarity() < 1.0);
    let diff = check(&lines, &lines[2..], 10, None);
    assert!(diff.similarity() > 0.99, "{}", diff.similarity());
}

/// Combining characters: a letter with 10,000 accents, NFD text, and accents alone.
#[test]
fn combining_characters() {
    let zalgo = format!("a{}b", "\u{301}\u{316}".repeat(5_000));
    let other = format!("a{}b", "\u{301}\u{317}".repeat(5_000));
    let diff = check(&zalgo, &other, 10, None);
    // One grapheme cluster each: replaced whole, never split.
    assert_eq!(diff.deleted().count(), 1);
    check(&zalgo, &other, 10, Some(Granularity::Chars));
    let nfd = "cafe\u{301} de\u{301}ja\u{300} vu ".repeat(20_000);
    let nfc = "café déjà vu ".repeat(20_000);
    let diff = check(&nfd, &nfc, 10, None);
    assert_eq!(diff.similarity(), 1.0);
    assert!(diff.ops().iter().any(|op| op.is_normalization_only()));
    let marks = "\u{301}".repeat(100_000);
    check(&marks, &marks[2..], 10, Some(Granularity::Chars));
    // Every op boundary is a grapheme boundary: no op starts with a combining mark.
    let text = "e\u{301}a\u{300}".repeat(10_000);
    let edited = text.replacen("a\u{300}", "o\u{300}", 5_000);
    let diff = check(&text, &edited, 10, Some(Granularity::Chars));
    for op in diff.ops() {
        assert!(!text[op.old_range()].starts_with(['\u{301}', '\u{300}']));
    }
}

/// Mixed scripts: Latin, Chinese, Arabic, Cyrillic, emoji sequences and flags, shuffled.
#[test]
fn mixed_scripts() {
    let pieces = [
        "the ",
        "controller ",
        "个人",
        "信息",
        "。",
        "المعالجة ",
        "обработка ",
        "👩‍👩‍👧",
        "🇪🇺",
        "é",
        "e\u{301}",
        "\n",
        "\r\n",
        "1.",
        "(a) ",
        "  ",
    ];
    let mut x = Lcg(7);
    let old: String = (0..60_000).map(|_| pieces[x.below(16) as usize]).collect();
    let new: String = old
        .split_inclusive('\n')
        .map(|line| {
            if x.below(4) == 0 {
                line.replacen("个人", "本人", 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    let diff = check(&old, &new, 10, None);
    assert!(diff.similarity() > 0.9, "{}", diff.similarity());
    check(&old, &new, 10, Some(Granularity::Chars));
    // Two unrelated texts of the same pieces.
    let other: String = (0..60_000).map(|_| pieces[x.below(16) as usize]).collect();
    check(&old, &other, 10, None);
}

/// The budget is honoured at every size, from nothing to more than enough, and a larger one
/// never keeps less.
#[test]
fn every_budget_gives_a_correct_diff() {
    let mut x = Lcg(3);
    let words = [
        "shall", "not", "the", "data", "个", "人", "é", "e\u{301}", " ", "\n", ".",
    ];
    let old: String = (0..20_000).map(|_| words[x.below(11) as usize]).collect();
    let new: String = old
        .chars()
        .map(|c| if x.below(20) == 0 { 'x' } else { c })
        .collect();
    let mut last = 0.0;
    for ms in [0, 1, 10, 1000] {
        let diff = check(&old, &new, ms, Some(Granularity::Chars));
        assert!(
            diff.similarity() >= last * 0.95,
            "{ms}: {} < {last}",
            diff.similarity()
        );
        last = diff.similarity();
    }
    assert!(last > 0.9, "{last}");
}
