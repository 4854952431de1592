//! The gap matrix: every instrument against one baseline, one column per rule.

use serde::{Deserialize, Serialize};

use super::{Comparison, GapCode, GapStatus, Registry};
use crate::corpus::Selection;
use crate::model::{InstrumentId, Scope};

/// One instrument's row: the status of each rule's gap (`None`: no gap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct MatrixRow {
    /// The instrument.
    pub instrument: InstrumentId,
    /// Its short title.
    pub short_title: String,
    /// One cell per column, in column order.
    pub cells: Vec<Option<GapStatus>>,
}

/// Instruments × gap codes for one baseline, each instrument compared as a whole at
/// instrument scope.
///
/// ```
/// use lexgap::classify::{GapKind, GapMatrix, GapStatus};
///
/// let corpus = lexgap::Corpus::bundled();
/// let matrix = GapMatrix::new(&corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35", "coe/echr/art-8"])?);
/// assert_eq!(matrix.cell("eu/gdpr", GapKind::NoImpactAssessment), Some(None), "the GDPR meets its own baseline");
/// assert_eq!(
///     matrix.cell("cn/constitution", GapKind::NoImpactAssessment),
///     Some(Some(GapStatus::NotComparable)),
///     "a constitution does not address impact assessments"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct GapMatrix {
    /// The baseline provisions.
    pub baseline: Vec<crate::model::ProvisionId>,
    /// The column codes, in registry order.
    pub codes: Vec<GapCode>,
    /// One row per instrument, in id order.
    pub rows: Vec<MatrixRow>,
}

impl GapMatrix {
    /// Every instrument of the baseline's corpus against `baseline`, with the default rules.
    pub fn new(baseline: &Selection<'_>) -> GapMatrix {
        GapMatrix::with_registry(baseline, Registry::default_ref())
    }

    /// The same with the rules of `registry`.
    pub fn with_registry(baseline: &Selection<'_>, registry: &Registry) -> GapMatrix {
        let corpus = baseline.corpus();
        let codes: Vec<GapCode> = registry
            .catalogue()
            .iter()
            .map(|i| GapCode::custom(i.code))
            .collect();
        let mut rows = Vec::new();
        for inst in corpus.instruments() {
            let report = Comparison::new(&corpus.select_instrument(inst), baseline)
                .scope(Scope::Instrument)
                .run_with(registry);
            let cells = codes
                .iter()
                .map(|c| report.gap(c.clone()).map(|g| g.status))
                .collect();
            rows.push(MatrixRow {
                instrument: inst.id.clone(),
                short_title: inst.short_title.clone(),
                cells,
            });
        }
        let mut baseline: Vec<_> = baseline.ids().cloned().collect();
        baseline.sort();
        GapMatrix {
            baseline,
            codes,
            rows,
        }
    }

    /// The cell for an instrument and a code: `None` if either is unknown, `Some(None)` if
    /// there is no gap.
    pub fn cell(&self, instrument: &str, code: impl Into<GapCode>) -> Option<Option<GapStatus>> {
        let code = code.into();
        let col = self.codes.iter().position(|c| *c == code)?;
        let id: InstrumentId = instrument.parse().ok()?;
        let row = self.rows.iter().find(|r| r.instrument == id)?;
        row.cells.get(col).copied()
    }
}
