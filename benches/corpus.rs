//! The bundled corpus: `load` (parse and validate from scratch) and `classify` (one comparison,
//! and the full gap matrix).
//!
//! `cargo bench --bench corpus`. No inputs needed.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lexgap::Corpus;
use lexgap::classify::{Comparison, GapMatrix};
use lexgap::model::Scope;

/// The baseline of `examples/gap_matrix.rs` and the README: GDPR arts. 9 and 35, ECHR art. 8.
const SEED_BASELINE: [&str; 3] = ["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"];

fn load(c: &mut Criterion) {
    match Corpus::load_bundled() {
        Ok(corpus) => eprintln!(
            "load: {} files, {} instruments, {} provisions",
            lexgap::corpus::bundled_paths().count(),
            corpus.instruments().count(),
            corpus.provisions().count()
        ),
        Err(e) => {
            eprintln!("skipping load: the bundled corpus does not load:\n{e}");
            return;
        }
    }
    let mut g = c.benchmark_group("load");
    g.bench_function("bundled", |b| b.iter(Corpus::load_bundled));
    g.finish();
}

fn classify(c: &mut Criterion) {
    let corpus = Corpus::bundled();
    let (Ok(target), Ok(seed_baseline), Ok(all_gdpr)) = (
        corpus.select(["cn/pipl-draft-2020/art-27"]),
        corpus.select(SEED_BASELINE),
        corpus.select(["eu/gdpr"]),
    ) else {
        eprintln!("skipping classify: the seed provisions are not in the bundled corpus");
        return;
    };
    let provision_scope = Comparison::new(&target, &seed_baseline);
    let instrument_scope = provision_scope.clone().scope(Scope::Instrument);
    for (what, baseline) in [("seed baseline", &seed_baseline), ("whole GDPR", &all_gdpr)] {
        let m = GapMatrix::new(baseline);
        eprintln!(
            "classify: matrix against the {what}: {} rows x {} codes, {} open cells",
            m.rows().len(),
            m.codes().len(),
            m.rows()
                .iter()
                .flat_map(|r| r.cells())
                .filter(|c| c.is_some())
                .count()
        );
    }
    let mut g = c.benchmark_group("classify");
    g.bench_function("comparison-provision-scope", |b| {
        b.iter(|| black_box(&provision_scope).run())
    });
    g.bench_function("comparison-instrument-scope", |b| {
        b.iter(|| black_box(&instrument_scope).run())
    });
    g.bench_function("matrix-seed-baseline", |b| {
        b.iter(|| GapMatrix::new(black_box(&seed_baseline)))
    });
    g.bench_function("matrix-whole-gdpr", |b| {
        b.iter(|| GapMatrix::new(black_box(&all_gdpr)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::quick();
    targets = load, classify
}
criterion_main!(benches);
