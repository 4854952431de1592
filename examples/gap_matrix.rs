//! Every instrument in the corpus against the GDPR (arts. 9 and 35) and ECHR art. 8, each
//! compared as a whole at instrument scope.
//!
//! `cargo run --example gap_matrix [table|md|csv|json|html]`

use lexgap::classify::GapMatrix;
use lexgap::render::{Format, View};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let format: Format = std::env::args().nth(1).as_deref().unwrap_or("table").parse()?;
    let corpus = lexgap::Corpus::bundled();
    let matrix = GapMatrix::new(corpus, ["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"])?;
    print!("{}", View::new(&matrix, format).width(160));
    Ok(())
}
