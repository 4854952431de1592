//! The 2020 draft PIPL against the 2021 law, article by article: which draft article became
//! which, what changed in the words and in the norms. The corpus holds only four draft
//! articles verbatim, so the other final articles are marked as not in the corpus rather than
//! added.
//!
//! `cargo run --example pipl_draft_vs_final [table|md|csv|json|html]`

use lexgap::diff::VersionDiff;
use lexgap::render::{Format, View};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let format: Format = std::env::args().nth(1).as_deref().unwrap_or("table").parse()?;
    let corpus = lexgap::Corpus::bundled();
    let versions = VersionDiff::between(corpus, "cn/pipl-draft-2020", "cn/pipl")?;
    print!("{}", View::new(&versions, format).width(140));
    for entry in versions.changes() {
        for diff in entry.diffs() {
            if format == lexgap::render::Format::Table || format == lexgap::render::Format::Markdown {
                println!("\n{}", View::new(diff, format).width(140));
            }
        }
    }
    Ok(())
}
