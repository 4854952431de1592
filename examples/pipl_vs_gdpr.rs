//! The main job: China's draft PIPL art. 27 (cameras and identity recognition in public places
//! "for public security") against the GDPR's rules on biometric data (arts. 9 and 35), side by
//! side, then the gaps at provision and at instrument scope, and how the 2021 law rewrote the
//! article (final art. 26).
//!
//! `cargo run --example pipl_vs_gdpr [table|md|csv|json|html]`

use std::io::{IsTerminal, Write};

use lexgap::classify::Comparison;
use lexgap::diff::ProvisionDiff;
use lexgap::model::Scope;
use lexgap::render::{Format, Page, SideBySide, View, color_wanted};

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

/// Writes the comparison in `format` (the tests call this too).
pub fn run(
    format: Format,
    color: bool,
    width: u16,
    out: &mut dyn Write,
) -> Result<(), Box<dyn std::error::Error>> {
    let corpus = lexgap::Corpus::bundled();
    let (target, baseline) = (
        ["cn/pipl-draft-2020/art-27"],
        ["eu/gdpr/art-9", "eu/gdpr/art-35"],
    );

    let side = SideBySide::new()
        .column("China: PIPL draft (2020)", &corpus.select(target)?)
        .column("EU: GDPR", &corpus.select(baseline)?);
    let compare = Comparison::new(&corpus.select(target)?, &corpus.select(baseline)?);
    let by_provision = compare.clone().scope(Scope::Provision).run();
    let by_instrument = compare.scope(Scope::Instrument).run();
    let rewrite = ProvisionDiff::new(corpus.locate(target[0])?, corpus.locate("cn/pipl/art-26")?);

    if format == Format::Html {
        let mut page = Page::new("Draft PIPL art. 27 against GDPR arts. 9 and 35");
        page.add(&side)
            .add(&by_provision)
            .add(&by_instrument)
            .add(&rewrite);
        write!(out, "{page}")?;
        return Ok(());
    }
    if matches!(format, Format::Csv | Format::Json) {
        // One document a program can read: the findings, by provision.
        write!(out, "{}", View::new(&by_provision, format))?;
        return Ok(());
    }
    // The findings first, then how the draft's article was rewritten, then the texts.
    writeln!(
        out,
        "{}",
        View::new(&by_provision, format).width(width).color(color)
    )?;
    writeln!(
        out,
        "{}",
        View::new(&by_instrument, format).width(width).color(color)
    )?;
    writeln!(
        out,
        "{}",
        View::new(&rewrite, format).width(width).color(color)
    )?;
    writeln!(
        out,
        "{}",
        View::new(&side, format).width(width).color(color)
    )?;
    Ok(())
}
