//! Every instrument in the corpus against the GDPR (arts. 9 and 35) and ECHR art. 8, each
//! compared as a whole at instrument scope.
//!
//! `cargo run --example gap_matrix [table|md|csv|json|html]`

use std::io::{IsTerminal, Write};

use lexgap::classify::GapMatrix;
use lexgap::render::{Format, View, color_wanted};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let format: Format = std::env::args()
        .nth(1)
        .as_deref()
        .unwrap_or("table")
        .parse()?;
    let color = color_wanted(std::io::stdout().is_terminal());
    run(
        format,
        color,
        lexgap::render::terminal_width(),
        &mut std::io::stdout().lock(),
    )
}

/// Writes the matrix in `format` (the tests call this too).
pub fn run(
    format: Format,
    color: bool,
    width: u16,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = lexgap::Corpus::bundled();
    let baseline = corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"])?;
    let matrix = GapMatrix::new(&baseline);
    write!(
        out,
        "{}",
        View::new(&matrix, format).width(width).color(color)
    )?;
    Ok(())
}
