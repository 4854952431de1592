//! The 2020 draft PIPL against the 2021 law, article by article: which draft article became
//! which, what changed in the words and in the norms. The corpus holds only four draft
//! articles verbatim, so the other final articles are marked as not in the corpus rather than
//! added.
//!
//! `cargo run --example pipl_draft_vs_final [table|md|csv|json|html]`

use std::io::{IsTerminal, Write};

use lexgap::render::{Format, View, color_wanted};
use lexgap::version::VersionDiff;

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

/// Writes the version diff in `format` (the tests call this too).
pub fn run(
    format: Format,
    color: bool,
    width: u16,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = lexgap::Corpus::bundled();
    let versions = VersionDiff::new(
        corpus.instrument("cn/pipl-draft-2020")?,
        corpus.instrument("cn/pipl")?,
    );
    write!(
        out,
        "{}",
        View::new(&versions, format).width(width).color(color)
    )?;
    if matches!(format, Format::Table | Format::Markdown) {
        for diff in versions.changes().flat_map(|e| e.diffs()) {
            write!(
                out,
                "\n{}",
                View::new(diff, format).width(width).color(color)
            )?;
        }
    }
    Ok(())
}
