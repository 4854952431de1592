//! Text and version diffs: `diff-words-en`, `diff-chars-zh`, `version-diff`.
//!
//! `cargo bench --bench diff` (inputs: `python3 ../shared/bench/make_inputs.py target/bench-inputs`).
//! Each group also times the plain `similar` call that lexgap builds on, for reference.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lexgap::Corpus;
use lexgap::diff::text_diff;
use lexgap::model::Lang;
use lexgap::version::VersionDiff;
use similar::{Algorithm, TextDiff as SimilarDiff};

fn lang(tag: &str) -> Lang {
    Lang::new(tag).expect("a valid language tag")
}

/// What the diff found, printed once so a figure can be checked against its work.
fn describe(task: &str, diff: &lexgap::diff::TextDiff<'_>) {
    let changed = diff
        .ops()
        .iter()
        .filter(|op| op.tag() != lexgap::diff::OpTag::Equal)
        .count();
    eprintln!(
        "{task}: {} + {} bytes, {} ops ({changed} changes), similarity {:.4}, approximate {}, {} steps",
        diff.old().len(),
        diff.new().len(),
        diff.ops().len(),
        diff.similarity(),
        diff.is_approximate(),
        diff.steps()
    );
}

/// The GDPR against a national version of it, word by word (about 60k tokens a side).
fn diff_words_en(c: &mut Criterion) {
    let Some([a, b]) = common::read_inputs("diff-words-en", ["gdpr.en.txt", "gdpr-uk-like.en.txt"])
    else {
        return;
    };
    let en = lang("en");
    describe("diff-words-en", &text_diff(&a, &b, Some(&en)));
    let mut g = c.benchmark_group("diff-words-en");
    g.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
    g.bench_function("lexgap", |bench| {
        bench.iter(|| text_diff(black_box(&a), black_box(&b), Some(&en)))
    });
    // The naive call: one Myers diff over all words, no line pass (what the first
    // probe measured).
    g.bench_function("similar-words-myers", |bench| {
        bench.iter(|| {
            SimilarDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_words(black_box(&a), black_box(&b))
                .ops()
                .len()
        })
    });
    g.finish();
}

/// PIPL (Chinese) against an edited copy, character by character.
fn diff_chars_zh(c: &mut Criterion) {
    let Some([a, b]) = common::read_inputs("diff-chars-zh", ["pipl.zh.txt", "pipl-edited.zh.txt"])
    else {
        return;
    };
    let zh = lang("zh");
    describe("diff-chars-zh", &text_diff(&a, &b, Some(&zh)));
    let mut g = c.benchmark_group("diff-chars-zh");
    g.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
    g.bench_function("lexgap", |bench| {
        bench.iter(|| text_diff(black_box(&a), black_box(&b), Some(&zh)))
    });
    g.bench_function("similar-chars-myers", |bench| {
        bench.iter(|| {
            SimilarDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_chars(black_box(&a), black_box(&b))
                .ops()
                .len()
        })
    });
    g.finish();
}

/// The 2020 draft PIPL against the 2021 law, on the bundled corpus: version alignment, then a
/// text and structural diff of every aligned pair.
fn version_diff(c: &mut Criterion) {
    let corpus = Corpus::bundled();
    let (Ok(draft), Ok(law)) = (
        corpus.instrument("cn/pipl-draft-2020"),
        corpus.instrument("cn/pipl"),
    ) else {
        eprintln!("skipping version-diff: the PIPL and its draft are not bundled");
        return;
    };
    let v = VersionDiff::new(draft, law);
    eprintln!(
        "version-diff: {} entries ({} with changes)",
        v.entries().len(),
        v.changes().count()
    );
    let mut g = c.benchmark_group("version-diff");
    g.bench_function("pipl-draft-2020-to-pipl", |bench| {
        bench.iter(|| VersionDiff::new(black_box(draft), black_box(law)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::quick();
    targets = diff_words_en, diff_chars_zh, version_diff
}
criterion_main!(benches);
