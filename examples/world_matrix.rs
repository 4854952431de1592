//! The world matrix: every national and sub-national privacy law of the corpus against the
//! whole GDPR, each compared as a whole at instrument scope, with its jurisdiction and how much
//! of it the corpus holds (a law held in extracts is `unknown`, not `absent`, where the
//! extracts are silent).
//!
//! `cargo run --example world_matrix [table|md|csv|json|html] [BASELINE...]`
//! (the same as `lexgap matrix --world --baseline eu/gdpr`).

use std::io::{IsTerminal, Write};

use lexgap::classify::GapMatrix;
use lexgap::render::{Format, View, color_wanted};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let format: Format = args.next().as_deref().unwrap_or("table").parse()?;
    let baseline: Vec<String> = args.collect();
    let color = color_wanted(std::io::stdout().is_terminal());
    run(
        format,
        &baseline,
        color,
        lexgap::render::terminal_width(),
        &mut std::io::stdout().lock(),
    )
}

/// Writes the world matrix against `baseline` (the GDPR when empty) in `format` (the tests
/// call this too).
pub fn run(
    format: Format,
    baseline: &[String],
    color: bool,
    width: u16,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = lexgap::Corpus::bundled();
    let baseline = if baseline.is_empty() {
        corpus.select(["eu/gdpr"])?
    } else {
        corpus.select(baseline)?
    };
    let matrix = GapMatrix::world(&baseline);
    write!(
        out,
        "{}",
        View::new(&matrix, format).width(width).color(color)
    )?;
    Ok(())
}
