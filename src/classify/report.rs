//! The result of a comparison: the report, the standing of each target instrument, and
//! the order the gaps are reported in.

use serde::{Deserialize, Serialize};

use super::{Cite, Gap, GapCode};
use crate::model::{
    Citation, CiteForm, InstrumentId, InstrumentKind, Lang, LegalValue, MissingRange, ProvisionId,
    Scope, Status,
};

/// What a report says of a target instrument: its standing, and how much of it the corpus
/// holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct TargetSummary {
    /// The instrument.
    pub instrument: InstrumentId,
    /// Its short title.
    pub short_title: String,
    /// Its kind.
    pub kind: InstrumentKind,
    /// Draft, in force, superseded …
    pub status: Status,
    /// Whether it binds.
    pub binding: bool,
    /// What the corpus holds of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coverage: String,
    /// The provisions it declares missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingRange>,
    /// Where each text was read, with its legal value.
    pub sources: Vec<SourceSummary>,
}

/// Where the text of a target in one language was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct SourceSummary {
    /// The language.
    pub lang: Lang,
    /// Its legal value.
    pub legal_value: LegalValue,
    /// Where it was read.
    pub source: String,
    /// Notes on the text (conversions, gaps, how it was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The result of a comparison: its parameters, the standing of the target, and the gaps, in a
/// deterministic order (open findings first; then severity, highest first; code; target
/// provisions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct GapReport {
    /// Provision or instrument scope.
    pub scope: Scope,
    /// The target provisions.
    pub target: Vec<ProvisionId>,
    /// The baseline provisions (empty for an absolute check).
    pub baseline: Vec<ProvisionId>,
    /// The target instruments: their standing and coverage.
    pub targets: Vec<TargetSummary>,
    /// The gaps found.
    pub gaps: Vec<Gap>,
    /// Derogations of the target that take processing out of the instrument because the
    /// text says another instrument governs it; the rules do not judge them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referred: Vec<Cite>,
    /// How to cite each provision the report cites or names, in id order.
    #[serde(default)]
    pub citations: Vec<Citation>,
    /// The passages that quotes stand in, in the provisions' other languages: where a quote
    /// is in Chinese and the corpus holds an English translation, the English paragraph (or,
    /// without a pinpoint, the English text), so that a reader can see both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// A quote's passage in another language of its provision.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Translation {
    /// The provision.
    pub provision: ProvisionId,
    /// The paragraph or point (`2(g)`), as the quote's citation has it; none for the whole text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
    /// The language of this passage.
    pub lang: Lang,
    /// Its legal value (authentic, official or unofficial translation), as its instrument
    /// declares it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_value: Option<LegalValue>,
    /// The passage, verbatim.
    pub text: String,
}

impl GapReport {
    /// The gap with this code, if it was reported.
    ///
    /// ```
    /// use lexgap::classify::{Comparison, GapKind};
    /// let report = Comparison::new(&lexgap::Corpus::bundled().select(["cn/constitution/art-40"])?, &lexgap::Corpus::bundled().select(["coe/echr/art-8"])?)
    ///     .run();
    /// assert!(report.gap(GapKind::OpenEndedException).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gap(&self, code: impl Into<GapCode>) -> Option<&Gap> {
        let code = code.into();
        self.gaps.iter().find(|g| g.code == code)
    }
    /// The codes reported, in report order.
    pub fn codes(&self) -> Vec<&str> {
        self.gaps.iter().map(|g| g.code.as_str()).collect()
    }
    /// A quote's provision and pinpoint as a citation in `form` ("GDPR art. 35(3)(c)"), or
    /// its id and pinpoint when the report has no citation for it.
    ///
    /// ```
    /// use lexgap::classify::{Comparison, GapKind};
    /// use lexgap::model::CiteForm;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let report = Comparison::new(
    ///     &corpus.select(["cn/pipl-draft-2020/art-27"])?,
    ///     &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?,
    /// )
    /// .run();
    /// let dpia = report.gap(GapKind::NoImpactAssessment).unwrap();
    /// let cites: Vec<String> = dpia.baseline_quotes.iter().map(|c| report.cite(c, CiteForm::Short)).collect();
    /// assert!(cites.contains(&"GDPR art. 35(3)(c)".to_owned()), "{cites:?}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cite(&self, cite: &Cite, form: CiteForm) -> String {
        self.citation(&cite.provision).map_or_else(
            || cite.reference(),
            |c| c.with(cite.pinpoint.as_deref(), form),
        )
    }

    /// The passage a quote stands in, in `lang`, when the quote is in another language and the
    /// provision has a text in `lang`.
    ///
    /// ```
    /// use lexgap::classify::{Comparison, GapKind};
    /// use lexgap::model::Lang;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let report = Comparison::new(&corpus.select(["cn/pipl/art-26"])?, &corpus.select(["eu/gdpr/art-35"])?).run();
    /// let gap = report.gap(GapKind::NoGovernmentUseLimit).unwrap();
    /// let necessity = gap.target_quotes.iter().find(|c| c.evidence.quote == "应当为维护公共安全所必需").unwrap();
    /// let en = report.in_lang(necessity, &Lang::new("en")?).expect("the English translation");
    /// assert!(en.contains("public security"), "{en}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_lang(&self, cite: &Cite, lang: &Lang) -> Option<&str> {
        self.translation(cite, lang).map(|t| t.text.as_str())
    }

    /// [`in_lang`](GapReport::in_lang), with the passage's legal value.
    pub fn translation(&self, cite: &Cite, lang: &Lang) -> Option<&Translation> {
        if &cite.evidence.lang == lang {
            return None;
        }
        self.translations.iter().find(|t| {
            t.provision == cite.provision && t.pinpoint == cite.pinpoint && &t.lang == lang
        })
    }

    /// How to cite a provision the report names.
    pub fn citation(&self, id: &ProvisionId) -> Option<&Citation> {
        self.citations
            .binary_search_by(|c| c.id().cmp(id))
            .ok()
            .map(|k| &self.citations[k])
    }

    /// The open findings (absent, partial or unknown).
    pub fn open(&self) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(|g| g.is_open())
    }
}

/// Sorts gaps: open findings first, then by severity (highest first), code, target provisions.
pub(super) fn sort_gaps(gaps: &mut [Gap]) {
    gaps.sort_by(|a, b| {
        b.status
            .is_open()
            .cmp(&a.status.is_open())
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.target.cmp(&b.target))
    });
}
