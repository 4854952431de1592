//! Loading your own provisions directory next to the bundled corpus, then comparing your
//! document with the GDPR. Your files may refer to bundled provisions (correspondences,
//! references) and are validated with the same located diagnostics.
//!
//! `cargo run --example own_corpus [DIR]` (default: `examples/own-provisions`)

use std::io::Write;

use lexgap::Corpus;
use lexgap::classify::Comparison;
use lexgap::model::Scope;
use lexgap::render::{Format, View};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/own-provisions").into());
    run(&dir, &mut std::io::stdout().lock())
}

/// Loads `dir` beside the bundled corpus and compares it with the GDPR (the tests call this).
pub fn run(dir: &str, out: &mut dyn Write) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Corpus::loader().bundled().dir(dir).load()?;
    let mine: Vec<String> = corpus
        .instruments_in("zz")
        .flat_map(|i| &i.provisions)
        .map(|p| p.id.to_string())
        .collect();
    writeln!(
        out,
        "loaded {} provisions of your own: {}",
        mine.len(),
        mine.join(", ")
    )?;

    let report = Comparison::new(
        &corpus.select(&mine)?,
        &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35", "eu/ai-act/art-5"])?,
    )
    .scope(Scope::Instrument)
    .run();
    write!(out, "{}", View::new(&report, Format::Table).width(120))?;
    Ok(())
}
