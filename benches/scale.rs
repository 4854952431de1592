//! `scale`: generated corpora of 100 to 1,000 instruments × 50 provisions.
//!
//! `cargo bench --bench scale`. No inputs needed: a deterministic generator (fixed seed, no
//! dependencies) writes one TOML file per instrument, with English text, headings, references
//! and one or two annotated norms per provision whose quotes are cut from the text, so the
//! loader has every check to make and the classifier every rule to run.
//!
//! - `scale/load/N`: the loader on the N generated files (parse and validate), from text;
//! - `scale/matrix/N`: the gap matrix of the bundled corpus plus the N generated instruments
//!   against GDPR arts. 9 and 35 and ECHR art. 8;
//! - `scale/align/P`: one alignment of two generated instruments of P provisions each
//!   (P = 50, the size in the corpora above, then 200, 500, 1,000 and 2,000), since the cost
//!   of one alignment depends on the sizes of the two instruments, not on the corpus around
//!   them; each prints its candidate pairs and matches first;
//! - `scale/counterparts/N`: for one provision, its best counterpart in every instrument of
//!   the bundled corpus plus N generated ones (N = 100, 1,000), through a `CounterpartIndex`
//!   built once (the build time is printed).
//!
//! With `LEXGAP_SCALE_DUMP=<dir>` set, the bench also writes the largest generated corpus to
//! `<dir>/<jurisdiction>/<name>.toml`, the layout `lexgap check <dir>` and `Corpus::from_dir`
//! read (BENCHMARKS.md times the CLI on it and takes its peak memory).
//!
//! Growth is read from the medians: linear means the time per provision stays flat
//! (criterion prints it as the throughput, in provisions per second).

mod common;

use std::hint::black_box;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use lexgap::Corpus;
use lexgap::align::{Alignment, CounterpartIndex};
use lexgap::classify::GapMatrix;
use lexgap::model::{
    Activity, Actor, DataCategory, NormKind, Purpose, SafeguardElement, SafeguardKind, Term,
};

/// Instruments in the generated corpora.
const SIZES: [usize; 3] = [100, 300, 1000];
/// Provisions per generated instrument.
const PROVISIONS: usize = 50;
/// Provisions per instrument in the alignment bench.
const ALIGN_SIZES: [usize; 5] = [50, 200, 500, 1000, 2000];
/// Generated instruments in the corpora of the counterpart bench.
const COUNTERPART_SIZES: [usize; 2] = [100, 1000];
/// The baseline of `examples/gap_matrix.rs`.
const BASELINE: [&str; 3] = ["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"];
const JURISDICTIONS: [&str; 5] = ["cn", "eu", "us", "coe", "un"];
const SEED: u64 = 0x1e59_a9b0_2026_1128;

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// Skewed towards 0 (a cube of a uniform), so that a few words are frequent and most
    /// are rare, as in real text.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize
    }

    /// Up to `max` distinct codes from a vocabulary, in vocabulary order.
    fn codes<T: Term + Copy + Ord>(&mut self, all: &[T], max: usize) -> Vec<&'static str> {
        let mut picked: Vec<T> = (0..self.between(0, max))
            .map(|_| all[self.below(all.len())])
            .collect();
        picked.sort();
        picked.dedup();
        picked.into_iter().map(Term::code).collect()
    }
}

/// Words of the kind statutes use most, then made-up ones for the long tail.
const COMMON: &[&str] = &[
    "personal",
    "data",
    "processing",
    "controller",
    "processor",
    "authority",
    "consent",
    "information",
    "security",
    "public",
    "law",
    "rights",
    "subject",
    "purpose",
    "measures",
    "shall",
    "the",
    "of",
    "and",
    "to",
    "in",
    "by",
    "for",
    "or",
    "with",
    "such",
    "any",
    "where",
    "that",
    "which",
    "be",
    "is",
    "may",
    "not",
    "other",
    "provided",
    "necessary",
    "protection",
    "state",
    "department",
    "regulations",
    "assessment",
    "risk",
    "transfer",
    "sensitive",
    "biometric",
    "retention",
    "period",
    "notice",
    "individuals",
    "handler",
    "organisation",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "te", "sa", "lu", "ven", "dor", "pa", "qui", "ne", "bel", "sto", "ri", "fan",
    "gu", "lo", "ter", "ma", "zi",
];

fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = COMMON.iter().map(|w| (*w).to_owned()).collect();
    for i in 0..3000usize {
        let n = SYLLABLES.len();
        let mut w = String::new();
        let (mut x, len) = (i, 2 + i % 3);
        for _ in 0..len {
            w.push_str(SYLLABLES[x % n]);
            x /= n;
        }
        words.push(w);
    }
    words
}

struct Generator {
    rng: Rng,
    words: Vec<String>,
}

impl Generator {
    fn new() -> Generator {
        Generator {
            rng: Rng(SEED),
            words: vocabulary(),
        }
    }

    fn words(&mut self, n: usize) -> Vec<&str> {
        (0..n)
            .map(|_| {
                let i = self.rng.skewed(self.words.len());
                self.words[i].as_str()
            })
            .collect()
    }

    /// A run of 3 to 6 words cut from one paragraph: a quote that the text contains.
    fn quote(&mut self, paragraphs: &[Vec<String>]) -> String {
        let p = &paragraphs[self.rng.below(paragraphs.len())];
        let len = self.rng.between(3, 6).min(p.len());
        let start = self.rng.below(p.len() - len + 1);
        p[start..start + len].join(" ")
    }

    fn safeguards(&mut self, paragraphs: &[Vec<String>], max: usize) -> String {
        let n = self.rng.between(0, max);
        let items: Vec<String> = (0..n)
            .map(|_| {
                let kind = SafeguardKind::ALL[self.rng.below(SafeguardKind::ALL.len())];
                // Only elements of the safeguard's own kind are valid.
                let own: Vec<SafeguardElement> = SafeguardElement::ALL
                    .iter()
                    .copied()
                    .filter(|e| e.belongs_to(kind))
                    .collect();
                let elements = if own.is_empty() {
                    Vec::new()
                } else {
                    self.rng.codes(&own, 2)
                };
                let kind = kind.code();
                let quote = self.quote(paragraphs);
                format!(
                    "{{ kind = \"{kind}\", elements = {}, quote = {} }}",
                    list(&elements),
                    common::toml_str(&quote)
                )
            })
            .collect();
        format!("[{}]", items.join(", "))
    }

    /// One instrument file with `provisions` provisions.
    fn instrument(&mut self, id: &str, provisions: usize) -> String {
        let binding = !self.rng.chance(10);
        let mut t = format!(
            "[instrument]\nid = \"{id}\"\ntitle.en = \"Generated instrument {id}\"\n\
             short-title = \"{id}\"\nkind = \"{}\"\nstatus = \"in-force\"\nbinding = {binding}\n\
             adopted = 2020-01-01\n\
             languages.en = {{ legal-value = \"authentic\", source = \"benches/scale.rs\" }}\n",
            if binding { "statute" } else { "soft-law" }
        );
        for art in 1..=provisions {
            let n_paragraphs = self.rng.between(1, 4);
            let paragraphs: Vec<Vec<String>> = (0..n_paragraphs)
                .map(|_| {
                    let n = self.rng.between(12, 30);
                    self.words(n).into_iter().map(str::to_owned).collect()
                })
                .collect();
            let text: Vec<String> = paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}. {}.", i + 1, p.join(" ")))
                .collect();
            let n_heading = self.rng.between(2, 4);
            let heading = self.words(n_heading).join(" ");
            t.push_str(&format!(
                "\n[[provision]]\nid = \"art-{art}\"\nlabel.en = \"Article {art}\"\n\
                 heading.en = {}\ntext.en = {}\n",
                common::toml_str(&heading),
                common::toml_str(&text.join("\n"))
            ));
            if provisions > 1 && self.rng.chance(30) {
                let other = (art + self.rng.between(1, provisions - 1) - 1) % provisions + 1;
                t.push_str(&format!("references = [\"art-{other}\"]\n"));
            }
            for _ in 0..self.rng.between(1, 2) {
                // `exception` is the schema v1 form of a derogation (written below).
                let kinds: Vec<NormKind> = NormKind::ALL
                    .iter()
                    .copied()
                    .filter(|k| *k != NormKind::Exception)
                    .collect();
                let kind = kinds[self.rng.below(kinds.len())].code();
                let actors = self.rng.codes(Actor::ALL, 2);
                let data = self.rng.codes(DataCategory::ALL, 2);
                let activities = self.rng.codes(Activity::ALL, 2);
                let purposes = self.rng.codes(Purpose::ALL, 2);
                let scope = if self.rng.chance(10) {
                    "instrument"
                } else {
                    "provision"
                };
                let quote = self.quote(&paragraphs);
                let safeguards = self.safeguards(&paragraphs, 3);
                t.push_str(&format!(
                    "\n[[provision.norm]]\nkind = \"{kind}\"\nactors = {}\ndata = {}\n\
                     activities = {}\npurposes = {}\nscope = \"{scope}\"\nquote = {}\n\
                     safeguards = {safeguards}\n",
                    list(&actors),
                    list(&data),
                    list(&activities),
                    list(&purposes),
                    common::toml_str(&quote)
                ));
                if self.rng.chance(30) {
                    let mut grounds = self.rng.codes(Purpose::ALL, 2);
                    if grounds.is_empty() {
                        grounds.push(Purpose::ALL[self.rng.below(Purpose::ALL.len())].code());
                    }
                    let quote = self.quote(&paragraphs);
                    let safeguards = self.safeguards(&paragraphs, 2);
                    t.push_str(&format!(
                        "\n[[provision.derogation]]\nform = \"carve-out\"\nquote = {q}\n\
                         grounds = {{ kind = \"stated\", purposes = {}, quote = {q} }}\n\
                         safeguards = {safeguards}\n",
                        list(&grounds),
                        q = common::toml_str(&quote)
                    ));
                }
            }
        }
        t
    }

    /// `count` instrument files: `(origin, text)`.
    fn corpus(&mut self, count: usize) -> Vec<(String, String)> {
        (0..count)
            .map(|i| {
                let jur = JURISDICTIONS[i % JURISDICTIONS.len()];
                let id = format!("{jur}/gen-{i:04}");
                let text = self.instrument(&id, PROVISIONS);
                (format!("generated/{id}.toml"), text)
            })
            .collect()
    }
}

fn list(codes: &[&str]) -> String {
    let quoted: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

fn load_files(
    files: &[(String, String)],
    with_bundled: bool,
) -> Result<Corpus, lexgap::LoadErrors> {
    let mut loader = Corpus::loader();
    if with_bundled {
        loader = loader.bundled();
    }
    for (origin, text) in files {
        loader = loader.toml(origin, text);
    }
    loader.load()
}

/// Writes the files under `$LEXGAP_SCALE_DUMP`, if set.
fn dump(files: &[(String, String)]) {
    let Some(dir) = std::env::var_os("LEXGAP_SCALE_DUMP").map(std::path::PathBuf::from) else {
        return;
    };
    for (origin, text) in files {
        let path = dir.join(origin.trim_start_matches("generated/"));
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", path.display());
            return;
        }
    }
    eprintln!("wrote {} files under {}", files.len(), dir.display());
}

fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sampling_mode(SamplingMode::Flat);
    for n in SIZES {
        let files = Generator::new().corpus(n);
        if Some(&n) == SIZES.iter().max() {
            dump(&files);
        }
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        let corpus = match load_files(&files, true) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!("skipping scale/{n}: the generated corpus does not load:\n{e}");
                continue;
            }
        };
        eprintln!(
            "scale/{n}: {n} generated files, {bytes} bytes of TOML; with the bundled corpus {} \
             instruments, {} provisions",
            corpus.instruments().count(),
            corpus.provisions().count()
        );
        g.throughput(Throughput::Elements((n * PROVISIONS) as u64));
        g.bench_with_input(BenchmarkId::new("load", n), &files, |b, files| {
            b.iter(|| load_files(black_box(files), false))
        });
        g.bench_with_input(BenchmarkId::new("matrix", n), &corpus, |b, corpus| {
            b.iter(|| {
                GapMatrix::new(
                    &black_box(corpus)
                        .select(BASELINE)
                        .expect("the baseline is bundled"),
                )
            })
        });
    }
    for p in ALIGN_SIZES {
        let mut generator = Generator::new();
        let files = [
            (
                "generated/eu/gen-left.toml".to_owned(),
                generator.instrument("eu/gen-left", p),
            ),
            (
                "generated/cn/gen-right.toml".to_owned(),
                generator.instrument("cn/gen-right", p),
            ),
        ];
        let corpus = match load_files(&files, false) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!("skipping scale/align/{p}: the generated instruments do not load:\n{e}");
                continue;
            }
        };
        let (Ok(left), Ok(right)) = (
            corpus.instrument("eu/gen-left"),
            corpus.instrument("cn/gen-right"),
        ) else {
            continue;
        };
        let alignment = Alignment::new(left, right);
        eprintln!(
            "scale/align/{p}: {} x {} provisions, {} candidate pairs, {} matches",
            left.provisions.len(),
            right.provisions.len(),
            alignment.candidates().count(),
            alignment.pairs().count()
        );
        g.throughput(Throughput::Elements((p * p) as u64));
        g.bench_with_input(BenchmarkId::new("align", p), &(left, right), |b, (l, r)| {
            b.iter(|| Alignment::new(black_box(l), black_box(r)))
        });
    }
    g.finish();
}

/// `scale/counterparts/N`: for one provision, its best counterpart in every instrument of the
/// bundled corpus plus N generated instruments, through a `CounterpartIndex` built once (its
/// build time is printed, not timed by criterion).
fn counterparts(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sampling_mode(SamplingMode::Flat);
    for n in COUNTERPART_SIZES {
        let files = Generator::new().corpus(n);
        let corpus = match load_files(&files, true) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!(
                    "skipping scale/counterparts/{n}: the generated corpus does not load:\n{e}"
                );
                continue;
            }
        };
        let start = std::time::Instant::now();
        let index = CounterpartIndex::new(&corpus);
        let built = start.elapsed();
        let id = "un/gen-0004/art-7";
        let found = index.counterparts(id).map(|c| c.pairs().len());
        eprintln!(
            "scale/counterparts/{n}: {} provisions indexed in {built:.2?}; {id} has a counterpart \
             in {found:?} of {} other instruments",
            corpus.provisions().count(),
            corpus.instruments().count() - 1
        );
        g.throughput(Throughput::Elements(corpus.provisions().count() as u64));
        g.bench_with_input(BenchmarkId::new("counterparts", n), &index, |b, index| {
            b.iter(|| black_box(index).counterparts(black_box(id)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::slow();
    targets = scale, counterparts
}
criterion_main!(benches);
