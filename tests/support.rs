//! What the test modules share: a seeded generator, the provenance of generated texts, and a
//! diff's two sides rebuilt.

use std::collections::BTreeMap;

use lexgap::diff::{ChangeTag, TextDiff};
use lexgap::model::{Lang, LegalValue, Provenance};

/// A CSV document read as one rectangular table (the reader fails on a ragged row), as
/// maps from column name to cell.
pub(crate) fn csv_rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("a ragged CSV: {e}\n{csv}"));
            headers
                .iter()
                .map(str::to_owned)
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// Whether a gap report's CSV has a summary row for `gap` with this status and severity.
pub(crate) fn csv_has_finding(csv: &str, gap: &str, status: &str, severity: &str) -> bool {
    csv_rows(csv).iter().any(|r| {
        r.get("section").map(String::as_str) == Some("summary")
            && r.get("gap").map(String::as_str) == Some(gap)
            && r.get("status").map(String::as_str) == Some(status)
            && r.get("severity").map(String::as_str) == Some(severity)
    })
}

/// A pseudo-random generator (a 64-bit LCG with Knuth's MMIX constants), so that generated
/// inputs and picks are the same on every run and platform.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    /// The next number below `n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The `languages` table of a generated instrument: English, authentic, source "generated".
pub(crate) fn generated_english() -> BTreeMap<Lang, Provenance> {
    BTreeMap::from([(
        Lang::new("en").unwrap(),
        Provenance {
            legal_value: LegalValue::Authentic,
            source: "generated".into(),
            retrieved: None,
            publisher: None,
            licence: None,
            note: None,
        },
    )])
}

/// One side of a diff rebuilt from its changes: the old text with `Delete`, the new with
/// `Insert`.
pub(crate) fn side(diff: &TextDiff<'_>, keep: ChangeTag) -> String {
    diff.iter_changes()
        .filter(|c| c.tag() == ChangeTag::Equal || c.tag() == keep)
        .map(|c| c.value())
        .collect()
}
