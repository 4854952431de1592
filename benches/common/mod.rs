//! Shared by the bench binaries: where the inputs are, how to read them, and the criterion
//! settings that keep `cargo bench` to a few minutes on two cores.
//!
//! Each bench binary uses a different part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use criterion::Criterion;

/// The folder of the inputs built by `../shared/bench/make_inputs.py`: `$LEXGAP_BENCH_INPUTS`,
/// else `target/bench-inputs` in the crate.
pub fn inputs_dir() -> PathBuf {
    std::env::var_os("LEXGAP_BENCH_INPUTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs"))
}

/// Reads the named input files, or says how to make them and returns `None` (the bench then
/// skips its group; the other groups still run).
pub fn read_inputs<const N: usize>(bench: &str, names: [&str; N]) -> Option<[String; N]> {
    let dir = inputs_dir();
    let mut out: [String; N] = std::array::from_fn(|_| String::new());
    for (slot, name) in out.iter_mut().zip(names) {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => *slot = text,
            Err(e) => {
                eprintln!(
                    "skipping {bench}: cannot read {} ({e}).\n  Make the inputs first: \
                     python3 ../shared/bench/make_inputs.py target/bench-inputs",
                    path.display()
                );
                return None;
            }
        }
    }
    Some(out)
}

/// `number<TAB>text` lines, as make_inputs.py writes `gdpr-articles.tsv`.
pub fn tsv_articles(tsv: &str) -> Vec<(&str, &str)> {
    tsv.lines().filter_map(|l| l.split_once('\t')).collect()
}

/// A TOML basic string holding `s`.
pub fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One instrument file holding the articles of a TSV input as provisions `art-N` with English
/// text only (no headings, norms or correspondences): the same input the peers get.
pub fn tsv_instrument(id: &str, short: &str, tsv: &str) -> String {
    let mut t = format!(
        "[instrument]\nid = {}\ntitle.en = {}\nshort-title = {}\nkind = \"statute\"\n\
         status = \"in-force\"\nbinding = true\n\
         languages.en = {{ legal-value = \"authentic\", source = \"target/bench-inputs\" }}\n",
        toml_str(id),
        toml_str(short),
        toml_str(short)
    );
    for (num, text) in tsv_articles(tsv) {
        t.push_str(&format!(
            "\n[[provision]]\nid = \"art-{num}\"\nlabel.en = \"Article {num}\"\ntext.en = {}\n",
            toml_str(text)
        ));
    }
    t
}

/// Criterion for benches of a few milliseconds or less.
pub fn quick() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// Criterion for benches of tens of milliseconds to a second: ten samples.
pub fn slow() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args()
}
