//! Article alignment: `align-en`, all 99 GDPR articles against all 74 PIPL articles.
//!
//! `cargo bench --bench align`. Two inputs:
//! - `align-en/tsv-text`: the articles of `gdpr-articles.tsv` and `pipl-articles.tsv` (English
//!   text only, exactly what the peers in `../shared/bench/peers.py` get), as two instruments;
//! - `align-en/bundled`: `eu/gdpr` against `cn/pipl` in the bundled corpus, with every kind of
//!   evidence (correspondences, norms, headings, texts in both languages).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lexgap::Corpus;
use lexgap::align::Alignment;

fn align_tsv(c: &mut Criterion) {
    let Some([gdpr, pipl]) = common::read_inputs(
        "align-en/tsv-text",
        ["gdpr-articles.tsv", "pipl-articles.tsv"],
    ) else {
        return;
    };
    let corpus = match Corpus::loader()
        .toml(
            "bench/eu/gdpr-text.toml",
            &common::tsv_instrument("eu/gdpr-text", "GDPR", &gdpr),
        )
        .toml(
            "bench/cn/pipl-text.toml",
            &common::tsv_instrument("cn/pipl-text", "PIPL", &pipl),
        )
        .load()
    {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("skipping align-en/tsv-text: the inputs did not load:\n{e}");
            return;
        }
    };
    let (Ok(left), Ok(right)) = (
        corpus.instrument("eu/gdpr-text"),
        corpus.instrument("cn/pipl-text"),
    ) else {
        eprintln!("skipping align-en/tsv-text: instruments missing");
        return;
    };
    let once = Alignment::new(left, right);
    eprintln!(
        "align-en/tsv-text: {} x {} articles, {} candidate pairs, {} matches",
        left.provisions.len(),
        right.provisions.len(),
        once.candidates().count(),
        once.pairs().count()
    );
    let mut g = c.benchmark_group("align-en");
    g.throughput(Throughput::Elements(
        (left.provisions.len() * right.provisions.len()) as u64,
    ));
    g.bench_function("tsv-text", |b| {
        b.iter(|| Alignment::new(black_box(left), black_box(right)))
    });
    g.finish();
}

fn align_bundled(c: &mut Criterion) {
    let corpus = Corpus::bundled();
    let (Ok(left), Ok(right)) = (corpus.instrument("eu/gdpr"), corpus.instrument("cn/pipl")) else {
        eprintln!("skipping align-en/bundled: eu/gdpr or cn/pipl not in the bundled corpus");
        return;
    };
    let once = Alignment::new(left, right);
    eprintln!(
        "align-en/bundled: {} x {} provisions, {} candidate pairs, {} matches",
        left.provisions.len(),
        right.provisions.len(),
        once.candidates().count(),
        once.pairs().count()
    );
    let mut g = c.benchmark_group("align-en");
    g.throughput(Throughput::Elements(
        (left.provisions.len() * right.provisions.len()) as u64,
    ));
    g.bench_function("bundled", |b| {
        b.iter(|| Alignment::new(black_box(left), black_box(right)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::quick();
    targets = align_tsv, align_bundled
}
criterion_main!(benches);
