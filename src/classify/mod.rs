//! Which protections a target lacks against a baseline, how badly, and the quotes that show it.
//!
//! A [`Comparison`] has a target set of provisions, a baseline set, and a [`Scope`]: at
//! provision scope only the selected target provisions count; at instrument scope, so do the
//! instrument-wide norms of the target's instrument (a general impact-assessment duty, a
//! definition of sensitive data). Each [`Rule`] in a [`Registry`] looks for a protection the
//! baseline's text gives and checks whether the target's text gives it too. The result is a
//! [`GapReport`] of [`Gap`]s, each with a status, the missing elements, and quotes from both
//! sides.
//!
//! [`crate::align`] decides *which* provisions to compare, [`crate::diff`] *how* their words
//! and norms differ; this module says *what protection is missing*.
//!
//! ```
//! use lexgap::classify::{Comparison, GapKind, GapStatus};
//! use lexgap::model::Scope;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let report = Comparison::new(&corpus.select(["cn/pipl-draft-2020/art-27"])?, &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?).scope(Scope::Provision)
//!     .run();
//! let dpia = report.gap(GapKind::NoImpactAssessment).expect("GDPR art. 35 requires one; art. 27 does not");
//! assert_eq!(dpia.status, GapStatus::Absent);
//! assert!(report.gap(GapKind::NoTransparency).is_none(), "art. 27 requires prominent signs");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Verdicts
//!
//! - **absent**: the target addresses the matter and has no corresponding protection;
//! - **partial**: it has a weaker one; [`Gap::missing`] names what it lacks;
//! - **closed-elsewhere**: the selected provisions lack it, an instrument-wide norm elsewhere in
//!   the target's instrument supplies it (instrument scope only; [`Gap::closed_by`] names it);
//! - **unknown**: the provisions that would decide are not held (the instrument declares them
//!   `missing`; [`Gap::missing_text`] names them). Declaring text missing never creates a gap;
//! - **not-comparable**: the target instrument does not address the matter of the rule (a bill
//!   of rights against an impact-assessment duty; [`Gap::not_addressed`]).
//!
//! Every derogation of the target is judged on its own ([`Gap::derogations`]): what it
//! switches off is not credited for the processing it covers, and the worst derogation
//! decides. [`engine`] describes how, and lets a rule of your own reuse it.
//!
//! Gaps are derived from the texts as annotated, never from an instrument's reputation: a
//! baseline that does not say "strictly necessary" cannot make strict necessity missing.

mod clause;
mod codes;
pub mod engine;
mod matrix;
mod registry;
mod rules;

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Selection};
use crate::model::{
    DataCategory, DerogationForm, Evidence, Grounds, InstrumentId, InstrumentKind, Lang,
    LegalValue, MissingRange, Provision, ProvisionId, Purpose, Quoted, SafeguardElement,
    SafeguardKind, Scope, Status,
};

pub use clause::{Clause, Item};
pub use codes::{GapCode, GapKind, RuleInfo, UnknownGapCode};
pub use matrix::{GapMatrix, MatrixRow};
pub use registry::{Registry, Rule, catalogue};
pub(crate) use rules::list;
pub use rules::{SafeguardRule, summarize};

/// How serious a gap is.
///
/// ```
/// use lexgap::classify::Severity;
/// assert!(Severity::High > Severity::Low);
/// assert_eq!(Severity::Medium.to_string(), "medium");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Severity {
    /// A missing protection that matters less, or one closed elsewhere.
    Low,
    /// A missing procedural protection.
    Medium,
    /// A missing limit on state power or on sensitive processing.
    High,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        })
    }
}

/// The verdict on one rule: what the target has of the protection the baseline gives.
///
/// Ordered from best to worst: a target that gains a safeguard can only move left.
///
/// ```
/// use lexgap::classify::GapStatus;
/// assert!(GapStatus::Absent > GapStatus::Partial);
/// assert!(!GapStatus::ClosedElsewhere.is_open());
/// assert!(GapStatus::Unknown.is_open() && !GapStatus::NotComparable.is_open());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum GapStatus {
    /// The target instrument does not address the matter of the rule.
    NotComparable,
    /// Supplied by an instrument-wide norm outside the selected provisions.
    ClosedElsewhere,
    /// Present, but without some elements the baseline has.
    Partial,
    /// The provisions that would decide are not held.
    Unknown,
    /// Not present at all.
    Absent,
}

impl GapStatus {
    /// Whether the finding is open (absent, partial or unknown): what the CLI's exit code 1
    /// counts.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            GapStatus::Absent | GapStatus::Partial | GapStatus::Unknown
        )
    }
    /// The stable kebab-case code.
    pub fn code(self) -> &'static str {
        match self {
            GapStatus::NotComparable => "not-comparable",
            GapStatus::ClosedElsewhere => "closed-elsewhere",
            GapStatus::Partial => "partial",
            GapStatus::Unknown => "unknown",
            GapStatus::Absent => "absent",
        }
    }
    /// What the verdict means, in one line.
    pub fn definition(self) -> &'static str {
        match self {
            GapStatus::NotComparable => {
                "the target instrument does not address the matter of the rule"
            }
            GapStatus::ClosedElsewhere => {
                "absent in the selected provisions, supplied by an instrument-wide norm elsewhere in the same instrument"
            }
            GapStatus::Partial => {
                "the target has a weaker protection; the missing elements are named"
            }
            GapStatus::Unknown => "the provisions that would decide are not held in the corpus",
            GapStatus::Absent => {
                "the target addresses the matter and has no corresponding protection"
            }
        }
    }
    /// Every verdict, best first.
    pub const ALL: &'static [GapStatus] = &[
        GapStatus::NotComparable,
        GapStatus::ClosedElsewhere,
        GapStatus::Partial,
        GapStatus::Unknown,
        GapStatus::Absent,
    ];
}

impl fmt::Display for GapStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One element of a protection: a safeguard, a detail of one, a data category treated as
/// sensitive, a legal ground, binding force.
///
/// ```
/// use lexgap::classify::Element;
/// use lexgap::model::{SafeguardElement, SafeguardKind};
///
/// let e = Element::Detail { kind: SafeguardKind::ImpactAssessment, element: SafeguardElement::DpoAdvice };
/// assert_eq!(e.to_string(), "impact-assessment: dpo-advice");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Element {
    /// A safeguard of this kind.
    Safeguard {
        /// The kind.
        kind: SafeguardKind,
    },
    /// A safeguard of this kind with this element.
    Detail {
        /// The safeguard's kind.
        kind: SafeguardKind,
        /// The element.
        element: SafeguardElement,
    },
    /// The data category is treated as sensitive.
    Sensitive {
        /// The category.
        data: DataCategory,
    },
    /// Processing may rest on this ground (consent, separate consent).
    Ground {
        /// The ground.
        ground: Purpose,
    },
    /// The instrument binds.
    Binding,
}

impl Element {
    /// A safeguard element.
    pub const fn safeguard(kind: SafeguardKind) -> Element {
        Element::Safeguard { kind }
    }

    /// The safeguard kind the element belongs to, which a derogation may switch off:
    /// a safeguard's or a detail's kind, `consent` for a consent ground; `None` for a
    /// sensitive classification and binding force.
    pub fn kind(self) -> Option<SafeguardKind> {
        match self {
            Element::Safeguard { kind } | Element::Detail { kind, .. } => Some(kind),
            Element::Ground { .. } => Some(SafeguardKind::Consent),
            Element::Sensitive { .. } | Element::Binding => None,
        }
    }

    /// Whether `provided` satisfies this required element: the same element, strict
    /// necessity for necessity, separate consent for consent, a sensitive category that
    /// contains or is contained in the required one.
    pub fn satisfied_by(self, provided: &BTreeSet<Element>) -> bool {
        if provided.contains(&self) {
            return true;
        }
        match self {
            Element::Safeguard {
                kind: SafeguardKind::Necessity,
            } => provided.contains(&Element::safeguard(SafeguardKind::StrictNecessity)),
            Element::Ground {
                ground: Purpose::Consent,
            } => provided.contains(&Element::Ground {
                ground: Purpose::SeparateConsent,
            }),
            Element::Sensitive { data } => provided.iter().any(|p| match p {
                Element::Sensitive { data: d } => data.overlaps(*d),
                _ => false,
            }),
            _ => false,
        }
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Element::Safeguard { kind } => write!(f, "{kind}"),
            Element::Detail { kind, element } => write!(f, "{kind}: {element}"),
            Element::Sensitive { data } => write!(f, "{data} as sensitive data"),
            Element::Ground { ground } => write!(f, "{ground} as a ground"),
            Element::Binding => f.write_str("binding force"),
        }
    }
}

/// A quote from a provision, cited as evidence, with what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Cite {
    /// The provision quoted.
    pub provision: ProvisionId,
    /// Paragraph and point, such as `2(g)`, where the text has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
    /// What the quote shows: an element, or `scope` for the clause itself.
    pub shows: String,
    /// The quote.
    pub evidence: Evidence,
}

impl Cite {
    /// Cites `evidence` (a quote of `provision`) as showing `shows`; the pinpoint is derived
    /// from the provision's text.
    pub fn new(provision: &Provision, shows: impl Into<String>, evidence: &Evidence) -> Cite {
        Cite {
            provision: provision.id.clone(),
            pinpoint: provision.pinpoint(evidence),
            shows: shows.into(),
            evidence: evidence.clone(),
        }
    }

    /// Cites a quote that may stand in another provision of the instrument of `provision`
    /// (a definition a derogation relies on).
    pub fn quoted(provision: &Provision, shows: impl Into<String>, quoted: &Quoted) -> Cite {
        match &quoted.provision {
            None => Cite::new(provision, shows, &quoted.evidence),
            Some(other) => Cite {
                provision: other.clone(),
                pinpoint: None,
                shows: shows.into(),
                evidence: quoted.evidence.clone(),
            },
        }
    }

    /// `eu/gdpr/art-9(2)(g)`: the provision id with the pinpoint, if any.
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let report = lexgap::classify::Comparison::new(&corpus.select(["cn/pipl-draft-2020/art-27"])?, &corpus.select(["eu/gdpr/art-9"])?)
    ///     .run();
    /// let gap = report.gap(lexgap::classify::GapKind::NoGovernmentUseLimit).unwrap();
    /// assert!(gap.baseline_quotes.iter().any(|c| c.reference() == "eu/gdpr/art-9(2)(g)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference(&self) -> String {
        match self.pinpoint.as_deref() {
            None => self.provision.to_string(),
            Some(p) if p.starts_with('(') => format!("{}{p}", self.provision),
            Some(p) => match p.split_once('(') {
                Some((para, rest)) => format!("{}({para})({rest}", self.provision),
                None => format!("{}({p})", self.provision),
            },
        }
    }
}

/// A derogation of the target judged on its own: the regime it creates for the processing
/// it covers, what it switches off, what is missing under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DerogationFinding {
    /// The provision that makes the derogation.
    pub provision: ProvisionId,
    /// Its form (carve-out, exemption, exclusion …).
    pub form: DerogationForm,
    /// Its grounds.
    pub grounds: Grounds,
    /// The verdict under it.
    pub status: GapStatus,
    /// What is missing under it.
    pub missing: Vec<Element>,
    /// What it switches off of the protections the target otherwise has.
    pub switched_off: Vec<Element>,
    /// For a derogation that modifies another (an urgency procedure), the words of the one it
    /// modifies: the finding is about the two together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifies: Option<Cite>,
    /// The words that make it (first), then those that say what it switches off, whom it
    /// covers, its grounds and its conditions.
    pub quotes: Vec<Cite>,
}

impl DerogationFinding {
    fn new(c: &Clause<'_>, modified: Option<&Clause<'_>>) -> DerogationFinding {
        let d = c
            .derogation()
            .expect("a derogation finding is made for a derogation");
        let p = c.provision();
        let mut quotes = vec![Cite::new(p, "derogation", &d.evidence)];
        if let Some(q) = &d.effect.evidence {
            quotes.push(Cite::quoted(p, "switches off", q));
        }
        for q in &d.covers.evidence {
            quotes.push(Cite::quoted(p, "covers", q));
        }
        if let Some(q) = d.grounds.evidence() {
            quotes.push(Cite::quoted(p, "grounds", q));
        }
        for s in &d.safeguards {
            let quoted = Quoted {
                provision: s.provision.clone(),
                evidence: s.evidence.clone(),
            };
            quotes.push(Cite::quoted(p, s.kind.code(), &quoted));
        }
        // The derogation's own words first, the rest in a fixed order.
        quotes[1..].sort();
        quotes.dedup();
        DerogationFinding {
            provision: p.id.clone(),
            form: d.form,
            grounds: d.grounds.clone(),
            status: GapStatus::NotComparable,
            missing: Vec::new(),
            switched_off: Vec::new(),
            modifies: modified.map(|m| Cite::new(m.provision(), "derogation", m.evidence())),
            quotes,
        }
    }
}

/// The provisions an instrument declares missing, which a finding depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct MissingText {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The ranges of provisions it lacks.
    pub ranges: Vec<MissingRange>,
}

/// A protection the target lacks, with the evidence on both sides. The facts only: the
/// sentence a reader sees is written by [`crate::render`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Gap {
    /// The stable kebab-case code, such as `no-impact-assessment`.
    pub code: GapCode,
    /// A short title, such as "no impact assessment".
    pub title: String,
    /// The protection looked for ("impact assessment").
    pub protection: String,
    /// How serious it is.
    pub severity: Severity,
    /// The verdict.
    pub status: GapStatus,
    /// What the baseline has and the target lacks (after instrument-wide norms, at instrument
    /// scope).
    pub missing: Vec<Element>,
    /// What the target has of the protection.
    pub present: Vec<Element>,
    /// The target provisions concerned.
    pub target: Vec<ProvisionId>,
    /// The target's instruments (for gaps about a whole instrument, such as `non-binding`).
    pub target_instruments: Vec<InstrumentId>,
    /// Quotes from the target: what it does, and the elements it has.
    pub target_quotes: Vec<Cite>,
    /// Quotes from the baseline: the elements it requires.
    pub baseline_quotes: Vec<Cite>,
    /// Instrument-wide norms elsewhere in the target's instrument that supply elements.
    pub closed_by: Vec<Cite>,
    /// The target's derogations that create a regime of their own for the processing, each
    /// judged on its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derogations: Vec<DerogationFinding>,
    /// At instrument scope, the text the target instrument declares missing: why a finding is
    /// `unknown`, or a caveat on a `partial` one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_text: Vec<MissingText>,
    /// For `not-comparable`: the target instruments that do not address the matter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_addressed: Vec<InstrumentId>,
    /// The standard applied when there is no baseline (absolute rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
}

impl Gap {
    /// A gap found by a rule of your own: the target quotes that show what is there and the
    /// baseline quotes that show what is expected. Set `missing`, `present` or `standard`
    /// afterwards if the rule knows them.
    ///
    /// ```
    /// use lexgap::classify::{Cite, Gap, GapKind, GapStatus};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let art40 = corpus.provision("cn/constitution/art-40")?;
    /// let echr = corpus.provision("coe/echr/art-8")?;
    /// let gap = Gap::new(
    ///     GapKind::OpenEndedException.info(),
    ///     GapStatus::Absent,
    ///     vec![Cite::new(art40, "scope", &art40.norms[0].evidence)],
    ///     vec![Cite::new(echr, "scope", &echr.norms[0].evidence)],
    /// );
    /// assert_eq!(gap.target, ["cn/constitution/art-40"]);
    /// assert_eq!(gap.code, GapKind::OpenEndedException);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(info: RuleInfo, status: GapStatus, target: Vec<Cite>, baseline: Vec<Cite>) -> Gap {
        let target_set: BTreeSet<_> = target.iter().map(|c| c.provision.clone()).collect();
        let instruments: BTreeSet<_> = target_set.iter().map(|p| p.instrument().clone()).collect();
        let mut target_quotes = target;
        target_quotes.sort();
        let mut baseline_quotes = baseline;
        baseline_quotes.sort();
        Gap {
            code: GapCode::custom(info.code),
            title: info.title.to_owned(),
            protection: info.protection.to_owned(),
            severity: if status.is_open() {
                info.severity
            } else {
                Severity::Low
            },
            status,
            missing: Vec::new(),
            present: Vec::new(),
            target: target_set.into_iter().collect(),
            target_instruments: instruments.into_iter().collect(),
            target_quotes,
            baseline_quotes,
            closed_by: Vec::new(),
            derogations: Vec::new(),
            missing_text: Vec::new(),
            not_addressed: Vec::new(),
            standard: None,
        }
    }

    /// The baseline provisions cited, sorted, without repeats.
    pub fn baseline(&self) -> Vec<&ProvisionId> {
        let set: BTreeSet<&ProvisionId> =
            self.baseline_quotes.iter().map(|c| &c.provision).collect();
        set.into_iter().collect()
    }

    /// The provisions that close the gap elsewhere, sorted, without repeats.
    pub fn closing_provisions(&self) -> Vec<&ProvisionId> {
        let set: BTreeSet<&ProvisionId> = self.closed_by.iter().map(|c| &c.provision).collect();
        set.into_iter().collect()
    }

    /// Whether the finding is open (absent, partial or unknown).
    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// The derogation finding made by the provision `id`, if any.
    pub fn derogation_in(&self, id: &str) -> Option<&DerogationFinding> {
        self.derogations
            .iter()
            .find(|d| d.provision.to_string().eq_ignore_ascii_case(id))
    }
}

/// What a report says of a target instrument: its standing, and how much of it the corpus
/// holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
#[serde(rename_all = "kebab-case")]
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
#[serde(rename_all = "kebab-case")]
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
    /// The open findings (absent, partial or unknown).
    pub fn open(&self) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(|g| g.is_open())
    }
}

/// A target set of provisions compared with a baseline set at a scope.
///
/// ```
/// use lexgap::classify::Comparison;
/// use lexgap::model::Scope;
///
/// let corpus = lexgap::Corpus::bundled();
/// let target = corpus.select(["cn/constitution/art-40"])?;
/// let baseline = corpus.select(["coe/echr/art-8"])?;
/// let report = Comparison::new(&target, &baseline)
///     .run();
/// assert_eq!(report.codes(), ["no-government-use-limit", "open-ended-exception"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Comparison<'c> {
    corpus: &'c Corpus,
    target: Vec<&'c Provision>,
    target_instruments: Vec<InstrumentId>,
    baseline: Vec<&'c Provision>,
    scope: Scope,
}

impl<'c> Comparison<'c> {
    /// A comparison of `target` against `baseline`, at provision scope. Both selections
    /// should come from one corpus: referrals and instruments are looked up in the target's.
    pub fn new(target: &Selection<'c>, baseline: &Selection<'c>) -> Comparison<'c> {
        Comparison {
            corpus: target.corpus(),
            target: target.provisions().iter().map(|p| p.provision()).collect(),
            target_instruments: target.instruments().iter().map(|i| i.id.clone()).collect(),
            baseline: baseline
                .provisions()
                .iter()
                .map(|p| p.provision())
                .collect(),
            scope: Scope::Provision,
        }
    }

    /// Sets the scope (default: [`Scope::Provision`]).
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Runs the default rules.
    pub fn run(&self) -> GapReport {
        self.run_with(Registry::default_ref())
    }

    /// Runs the rules of `registry`.
    pub fn run_with(&self, registry: &Registry) -> GapReport {
        let cx = self.context();
        let mut gaps: Vec<Gap> = registry.rules().filter_map(|r| r.check(&cx)).collect();
        sort_gaps(&mut gaps);
        let mut target: Vec<ProvisionId> = self.target.iter().map(|p| p.id.clone()).collect();
        target.sort();
        let mut baseline: Vec<ProvisionId> = self.baseline.iter().map(|p| p.id.clone()).collect();
        baseline.sort();
        let mut referred = BTreeSet::new();
        for c in cx.target_clauses().chain(cx.elsewhere_clauses()) {
            if let Some(r) = c.derogation().and_then(|d| d.governed_by.as_ref()) {
                referred.insert(Cite::quoted(
                    c.provision(),
                    "governed by another instrument",
                    &r.evidence,
                ));
            }
        }
        let targets = cx
            .target_instruments()
            .iter()
            .filter_map(|id| self.corpus.get_instrument(id))
            .map(|i| TargetSummary {
                instrument: i.id.clone(),
                short_title: i.short_title.clone(),
                kind: i.kind,
                status: i.status,
                binding: i.binding,
                coverage: i.coverage.clone(),
                missing: i.missing.clone(),
                sources: i
                    .languages_by_value()
                    .map(|l| {
                        let p = &i.languages[l];
                        SourceSummary {
                            lang: l.clone(),
                            legal_value: p.legal_value,
                            source: p.source.clone(),
                            note: p.note.clone(),
                        }
                    })
                    .collect(),
            })
            .collect();
        GapReport {
            scope: self.scope,
            target,
            baseline,
            targets,
            gaps,
            referred: referred.into_iter().collect(),
        }
    }

    /// The context rules read; public so that custom rules can be tested on their own.
    pub fn context(&self) -> Context<'_> {
        let mut target = self.target.clone();
        target.sort_by(|a, b| a.id.cmp(&b.id));
        let mut baseline = self.baseline.clone();
        baseline.sort_by(|a, b| a.id.cmp(&b.id));
        let mut elsewhere = Vec::new();
        if self.scope == Scope::Instrument {
            for id in &self.target_instruments {
                if let Some(inst) = self.corpus.get_instrument(id) {
                    for p in &inst.provisions {
                        if !target.iter().any(|t| t.id == p.id) {
                            elsewhere.push(p);
                        }
                    }
                }
            }
            elsewhere.sort_by(|a, b| a.id.cmp(&b.id));
        }
        let mut target_instruments = self.target_instruments.clone();
        target_instruments.sort();
        Context {
            corpus: self.corpus,
            target,
            baseline,
            elsewhere,
            target_instruments,
            scope: self.scope,
        }
    }
}

/// Sorts gaps: open findings first, then by severity (highest first), code, target provisions.
fn sort_gaps(gaps: &mut [Gap]) {
    gaps.sort_by(|a, b| {
        b.status
            .is_open()
            .cmp(&a.status.is_open())
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.target.cmp(&b.target))
    });
}

/// What a rule sees: the target and baseline clauses, and at instrument scope the
/// instrument-wide clauses elsewhere in the target's instruments.
#[derive(Debug)]
pub struct Context<'a> {
    corpus: &'a Corpus,
    target: Vec<&'a Provision>,
    baseline: Vec<&'a Provision>,
    elsewhere: Vec<&'a Provision>,
    target_instruments: Vec<InstrumentId>,
    scope: Scope,
}

impl<'a> Context<'a> {
    /// The corpus.
    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }
    /// The scope.
    pub fn scope(&self) -> Scope {
        self.scope
    }
    /// Whether there is no baseline, so only absolute rules apply.
    pub fn is_absolute(&self) -> bool {
        self.baseline.is_empty()
    }
    /// The target provisions, in id order.
    pub fn target(&self) -> &[&'a Provision] {
        &self.target
    }
    /// The baseline provisions, in id order.
    pub fn baseline(&self) -> &[&'a Provision] {
        &self.baseline
    }
    /// The target's instruments, in id order.
    pub fn target_instruments(&self) -> &[InstrumentId] {
        &self.target_instruments
    }
    /// Every clause of the target provisions.
    pub fn target_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.target.iter().flat_map(|p| Clause::all_in(p))
    }
    /// The target provisions' instruments' provisions outside the selection (instrument scope
    /// only).
    pub fn elsewhere(&self) -> &[&'a Provision] {
        &self.elsewhere
    }
    /// Every clause of the baseline provisions.
    pub fn baseline_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.baseline.iter().flat_map(|p| Clause::all_in(p))
    }
    /// At instrument scope, the instrument-wide clauses of the target's instruments outside
    /// the selected provisions (norms of instrument scope, derogations that reach beyond
    /// their provision); empty at provision scope.
    pub fn elsewhere_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.elsewhere
            .iter()
            .flat_map(|p| Clause::all_in(p))
            .filter(|c| c.is_instrument_scoped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_necessity_satisfies_necessity() {
        let provided: BTreeSet<Element> =
            [Element::safeguard(SafeguardKind::StrictNecessity)].into();
        assert!(Element::safeguard(SafeguardKind::Necessity).satisfied_by(&provided));
        let provided: BTreeSet<Element> = [Element::safeguard(SafeguardKind::Necessity)].into();
        assert!(!Element::safeguard(SafeguardKind::StrictNecessity).satisfied_by(&provided));
    }
}
