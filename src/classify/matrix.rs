//! The gap matrix: every instrument against one baseline, one column per rule.

use serde::Serialize;

use super::{Comparison, GapCode, GapStatus, Registry};
use crate::corpus::Selection;
use crate::model::{InstrumentId, Scope};

/// One instrument's row: the status of each rule's gap (`None`: no gap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct MatrixRow {
    instrument: InstrumentId,
    short_title: String,
    cells: Vec<Option<GapStatus>>,
}

impl MatrixRow {
    /// The instrument.
    pub fn instrument(&self) -> &InstrumentId {
        &self.instrument
    }

    /// Its short title.
    pub fn short_title(&self) -> &str {
        &self.short_title
    }

    /// One cell per column of the matrix, in column order: the status of the gap, `None`
    /// when there is none.
    pub fn cells(&self) -> &[Option<GapStatus>] {
        &self.cells
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct GapMatrix {
    baseline: Vec<crate::model::ProvisionId>,
    codes: Vec<GapCode>,
    rows: Vec<MatrixRow>,
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
            let gaps = Comparison::new(&corpus.select_instrument(inst), baseline)
                .scope(Scope::Instrument)
                .gaps_with(registry);
            let cells = codes
                .iter()
                .map(|c| gaps.iter().find(|g| g.code == *c).map(|g| g.status))
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

    /// The baseline provisions, in id order.
    pub fn baseline(&self) -> &[crate::model::ProvisionId] {
        &self.baseline
    }

    /// The column codes, in registry order.
    pub fn codes(&self) -> &[GapCode] {
        &self.codes
    }

    /// One row per instrument, in id order, each with one cell per column.
    pub fn rows(&self) -> &[MatrixRow] {
        &self.rows
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
