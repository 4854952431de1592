//! PRC Constitution art. 40 (secrecy of correspondence, with an exception for state security
//! and criminal investigation) against ECHR art. 8, then against baselines whose text also
//! requires independent control (EU Charter art. 8(3)), proportionality (Charter art. 52(1))
//! and warrants (US Fourth Amendment).
//!
//! `cargo run --example article40_exceptions [table|md|csv|json|html]`

use std::io::{IsTerminal, Write};

use lexgap::classify::Comparison;
use lexgap::render::{Format, SideBySide, View, color_wanted};

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

/// Writes the comparisons in `format` (the tests call this too).
pub fn run(
    format: Format,
    color: bool,
    width: u16,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = lexgap::Corpus::bundled();
    let target = ["cn/constitution/art-40"];
    let side = SideBySide::new()
        .column("PRC Constitution", &corpus.select(target)?)
        .column("ECHR", &corpus.select(["coe/echr/art-8"])?)
        .column("EU Charter", &corpus.select(["eu/charter/art-52"])?);
    writeln!(
        out,
        "{}",
        View::new(&side, format).width(width).color(color)
    )?;

    for baseline in [
        &["coe/echr/art-8"][..],
        &[
            "coe/echr/art-8",
            "eu/charter/art-8",
            "eu/charter/art-52",
            "us/constitution/amendment-4",
        ],
    ] {
        let report = Comparison::new(&corpus.select(target)?, &corpus.select(baseline)?).run();
        writeln!(
            out,
            "{}",
            View::new(&report, format).width(width).color(color)
        )?;
    }
    Ok(())
}
