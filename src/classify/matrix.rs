//! The gap matrix: every instrument against one baseline, one column per rule.

use serde::Serialize;

use std::collections::BTreeSet;

use super::{Comparison, GapCode, GapStatus, Registry};
use crate::corpus::Selection;
use crate::model::{Citation, CiteForm, Instrument, InstrumentId, InstrumentKind, Scope, Status};

/// The baseline in words (see [`GapMatrix::baseline_title`]).
fn baseline_title(baseline: &Selection<'_>) -> String {
    let corpus = baseline.corpus();
    let mut groups: Vec<(&InstrumentId, Vec<&crate::model::ProvisionId>)> = Vec::new();
    for id in baseline.ids() {
        match groups.iter_mut().find(|(i, _)| *i == id.instrument()) {
            Some((_, g)) => g.push(id),
            None => groups.push((id.instrument(), vec![id])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(inst, ids)| {
            let whole = corpus
                .get_instrument(inst)
                .filter(|i| i.provisions.len() == ids.len() && ids.len() > 1);
            match whole {
                Some(i) => i.short_title.clone(),
                None => {
                    let cites: Vec<Citation> = ids
                        .iter()
                        .filter_map(|id| corpus.locate(&id.to_string()).ok())
                        .map(Citation::of)
                        .collect();
                    let refs: Vec<&Citation> = cites.iter().collect();
                    Citation::list(&refs, CiteForm::Short)
                }
            }
        })
        .collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// One instrument's row: the status of each rule's gap (`None`: no gap).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct MatrixRow {
    instrument: InstrumentId,
    short_title: String,
    jurisdiction: String,
    coverage: RowCoverage,
    cells: Vec<Option<GapStatus>>,
}

/// How much of an instrument the corpus holds, as a matrix row shows it: a finding on a law
/// held in extracts can only be as good as the extracts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct RowCoverage {
    /// The provisions held (with text or not).
    pub held: usize,
    /// Those with at least one norm or derogation.
    pub annotated: usize,
    /// Whether the instrument declares provisions it lacks (`missing`): held in extracts.
    pub extracts: bool,
    /// The instrument's own account of what it holds and lacks (`coverage`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl RowCoverage {
    /// In words for a table cell: `74 held, 21 annotated`, with `extracts` when provisions
    /// are missing.
    ///
    /// ```
    /// use lexgap::classify::GapMatrix;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let m = GapMatrix::world(&corpus.select(["eu/gdpr"])?);
    /// let popia = m.rows().iter().find(|r| r.instrument().to_string() == "za/popia").unwrap();
    /// assert!(popia.coverage().summary().starts_with("extracts: 26 held, "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self) -> String {
        let counts = format!("{} held, {} annotated", self.held, self.annotated);
        if self.extracts {
            format!("extracts: {counts}")
        } else {
            counts
        }
    }
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

    /// The English name of its jurisdiction (the code where the registry has no entry).
    pub fn jurisdiction(&self) -> &str {
        &self.jurisdiction
    }

    /// How much of it the corpus holds.
    pub fn coverage(&self) -> &RowCoverage {
        &self.coverage
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
    baseline_title: String,
    world: bool,
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
        let all: Vec<&Instrument> = baseline.corpus().instruments().collect();
        GapMatrix::build(baseline, registry, &all, false)
    }

    /// The world matrix: every national and sub-national law of the corpus against
    /// `baseline`, with the default rules. A row is an instrument of a jurisdiction whose
    /// level is `state` or `subdivision` ([`Jurisdiction::is_national`]), a binding statute or
    /// regulation in force, that holds none of the baseline's provisions; its coverage shows
    /// how much of the law the corpus holds.
    ///
    /// ```
    /// use lexgap::classify::GapMatrix;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let m = GapMatrix::world(&corpus.select(["eu/gdpr"])?);
    /// let ids: Vec<String> = m.rows().iter().map(|r| r.instrument().to_string()).collect();
    /// assert!(ids.contains(&"cn/pipl".to_owned()) && ids.contains(&"za/popia".to_owned()));
    /// assert!(!ids.contains(&"cn/constitution".to_owned()), "a constitution is not a privacy statute");
    /// assert!(!ids.contains(&"cn/pipl-draft-2020".to_owned()), "a draft is not law");
    /// assert!(!ids.contains(&"eu/led".to_owned()), "the EU is not a state");
    /// assert_eq!(m.baseline_title(), "GDPR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// [`Jurisdiction::is_national`]: crate::model::Jurisdiction::is_national
    pub fn world(baseline: &Selection<'_>) -> GapMatrix {
        GapMatrix::world_with_registry(baseline, Registry::default_ref())
    }

    /// The world matrix with the rules of `registry`.
    pub fn world_with_registry(baseline: &Selection<'_>, registry: &Registry) -> GapMatrix {
        let corpus = baseline.corpus();
        let in_baseline: BTreeSet<&InstrumentId> =
            baseline.ids().map(|id| id.instrument()).collect();
        let laws: Vec<&Instrument> = corpus
            .instruments()
            .filter(|i| {
                corpus
                    .jurisdiction(i.id.jurisdiction())
                    .is_some_and(|j| j.is_national())
                    && i.binding
                    && i.status == Status::InForce
                    && matches!(i.kind, InstrumentKind::Statute | InstrumentKind::Regulation)
                    && !in_baseline.contains(&i.id)
            })
            .collect();
        GapMatrix::build(baseline, registry, &laws, true)
    }

    fn build(
        baseline: &Selection<'_>,
        registry: &Registry,
        instruments: &[&Instrument],
        world: bool,
    ) -> GapMatrix {
        let corpus = baseline.corpus();
        let codes: Vec<GapCode> = registry
            .catalogue()
            .iter()
            .map(|i| GapCode::custom(i.code))
            .collect();
        let mut rows = Vec::new();
        // Every row cites the same baseline: its pinpoints are worked out once, and those of
        // a row's own provisions are dropped after it.
        let pinpoints = super::engine::PinpointCache::default();
        let baseline_at: rustc_hash::FxHashSet<usize> = baseline
            .provisions()
            .iter()
            .map(|p| super::engine::addr(p.provision()))
            .collect();
        for &inst in instruments {
            let gaps = Comparison::new(&corpus.select_instrument(inst), baseline)
                .scope(Scope::Instrument)
                .gaps_with(registry, &pinpoints);
            pinpoints
                .borrow_mut()
                .retain(|(at, _), _| baseline_at.contains(at));
            let cells = codes
                .iter()
                .map(|c| gaps.iter().find(|g| g.code == *c).map(|g| g.status))
                .collect();
            let jurisdiction = corpus
                .jurisdiction(inst.id.jurisdiction())
                .map_or_else(|| inst.id.jurisdiction().to_owned(), |j| j.name.clone());
            let coverage = RowCoverage {
                held: inst.provisions.len(),
                annotated: inst
                    .provisions
                    .iter()
                    .filter(|p| !p.norms.is_empty() || !p.derogations.is_empty())
                    .count(),
                extracts: !inst.missing.is_empty(),
                text: Some(inst.coverage.clone()).filter(|c| !c.is_empty()),
            };
            rows.push(MatrixRow {
                instrument: inst.id.clone(),
                short_title: inst.short_title.clone(),
                jurisdiction,
                coverage,
                cells,
            });
        }
        let baseline_title = baseline_title(baseline);
        let mut baseline: Vec<_> = baseline.ids().cloned().collect();
        baseline.sort();
        GapMatrix {
            baseline,
            baseline_title,
            world,
            codes,
            rows,
        }
    }

    /// The baseline in words: an instrument whose every provision (two or more) is in it by
    /// its short title (`GDPR`), other provisions cited (`GDPR arts. 9 and 35 and ECHR art. 8`).
    pub fn baseline_title(&self) -> &str {
        &self.baseline_title
    }

    /// Whether this is the world matrix ([`GapMatrix::world`]): its rows are national laws,
    /// shown with their jurisdiction and coverage.
    pub fn is_world(&self) -> bool {
        self.world
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
