//! Article alignment: `align-en`, all 99 GDPR articles against all 74 PIPL articles.
//!
//! `cargo bench --bench align`. Two inputs:
//! - `align-en/tsv-text`: the articles of `gdpr-articles.tsv` and `pipl-articles.tsv` (English
//!   text only, exactly what the peers in `../shared/bench/peers.py` get), as two instruments;
//! - `align-en/bundled`: `eu/gdpr` against `cn/pipl` in the bundled corpus, with every kind of
//!   evidence (correspondences, norms, headings, texts in both languages).
//!
//! Before timing, each prints its precision@1 on the gold list `tests/data/gdpr_pipl_gold.toml`
//! in both directions: GDPR → PIPL (the list as written, as `tests/align.rs` measures it) and
//! PIPL → GDPR on the inverted list (the direction `peers.py --gold` measures the peers in, so
//! that the figures can be set side by side). `BENCHMARKS.md`, "Alignment quality", has the
//! authoritative figures.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lexgap::Corpus;
use lexgap::align::Alignment;

/// `(gdpr article, [pipl articles])` from the gold list, or `None` when it is absent.
fn gold() -> Option<Vec<(String, Vec<String>)>> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gdpr_pipl_gold.toml");
    let table: toml::Table = std::fs::read_to_string(path).ok()?.parse().ok()?;
    let pairs = table.get("pair")?.as_array()?;
    pairs
        .iter()
        .map(|p| {
            let gdpr = p.get("gdpr")?.as_str()?.to_owned();
            let pipl = p.get("pipl")?.as_array()?;
            let pipl = pipl
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()?;
            Some((gdpr, pipl))
        })
        .collect()
}

/// Precision@1 of `alignment` (GDPR on the left, PIPL on the right) on the gold list, both
/// ways: `(hits, n)` for GDPR → PIPL and for PIPL → GDPR.
fn precision(alignment: &Alignment<'_>) -> Option<((usize, usize), (usize, usize))> {
    let gold = gold()?;
    let (left, right) = (
        alignment.left().id.to_string(),
        alignment.right().id.to_string(),
    );
    let best_right = |g: &str| {
        alignment
            .best_for(&format!("{left}/{g}"))
            .map(|p| p.right().id.local().to_owned())
    };
    let best_left = |p: &str| {
        alignment
            .best_for(&format!("{right}/{p}"))
            .map(|p| p.left().id.local().to_owned())
    };
    let forward = gold
        .iter()
        .filter(|(g, ps)| best_right(g).is_some_and(|b| ps.contains(&b)))
        .count();
    let mut inverted: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (g, ps) in &gold {
        for p in ps {
            inverted.entry(p).or_default().push(g);
        }
    }
    let backward = inverted
        .iter()
        .filter(|(p, gs)| best_left(p).is_some_and(|b| gs.contains(&b.as_str())))
        .count();
    Some(((forward, gold.len()), (backward, inverted.len())))
}

fn print_precision(task: &str, alignment: &Alignment<'_>) {
    match precision(alignment) {
        Some(((f, n), (b, m))) => eprintln!(
            "{task}: precision@1 GDPR -> PIPL {f}/{n} = {:.2}; PIPL -> GDPR (inverted list) {b}/{m} = {:.2}",
            f as f64 / n as f64,
            b as f64 / m as f64
        ),
        None => eprintln!("{task}: no gold list (tests/data/gdpr_pipl_gold.toml), no precision@1"),
    }
}

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
    print_precision("align-en/tsv-text", &once);
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
    print_precision("align-en/bundled", &once);
    let text_only = Alignment::configure()
        .use_correspondences(false)
        .align(left, right);
    print_precision("align-en/bundled without correspondences", &text_only);
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
