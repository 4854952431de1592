//! The verdict on one rule and its parts: severity, status, the elements of a protection,
//! the quotes cited, the findings under each derogation, and the gap itself.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Clause, Elements, GapCode, RuleInfo};
use crate::model::{
    DataCategory, DerogationForm, Evidence, Grounds, InstrumentId, MissingRange, Provision,
    ProvisionId, Purpose, Quoted, SafeguardElement, SafeguardKind,
};

/// How serious a gap is.
///
/// ```
/// use lexgap::classify::Severity;
/// assert!(Severity::High > Severity::Low);
/// assert_eq!(Severity::Medium.to_string(), "medium");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    pub fn satisfied_by(self, provided: &Elements) -> bool {
        if provided.contains(self) {
            return true;
        }
        match self {
            Element::Safeguard {
                kind: SafeguardKind::Necessity,
            } => provided.contains(Element::safeguard(SafeguardKind::StrictNecessity)),
            Element::Ground {
                ground: Purpose::Consent,
            } => provided.contains(Element::Ground {
                ground: Purpose::SeparateConsent,
            }),
            Element::Sensitive { data } => provided.iter().any(|p| match p {
                Element::Sensitive { data: d } => data.overlaps(d),
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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
    /// The baseline's own derogation for the same processing, where there is one whose
    /// conditions this derogation does not meet: the verdict under it is then `partial`, the
    /// conditions it lacks named (an exclusion of journalism without the necessity test of
    /// GDPR art. 85(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_by: Option<AllowedBy>,
    /// For a derogation that modifies another (an urgency procedure), the words of the one it
    /// modifies: the finding is about the two together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifies: Option<Cite>,
    /// The words that make it (first), then those that say what it switches off, whom it
    /// covers, its grounds and its conditions.
    pub quotes: Vec<Cite>,
}

impl DerogationFinding {
    pub(super) fn new(c: &Clause<'_>, modified: Option<&Clause<'_>>) -> DerogationFinding {
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
            allowed_by: None,
            modifies: modified.map(|m| Cite::new(m.provision(), "derogation", m.evidence())),
            quotes,
        }
    }
}

/// A baseline derogation that allows what a target derogation does, on conditions the target's
/// does not meet ([`DerogationFinding::allowed_by`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct AllowedBy {
    /// The baseline derogation's words.
    pub baseline: Cite,
    /// Its conditions that the target's derogation lacks.
    pub unmet: Vec<Element>,
}

/// The provisions an instrument declares missing, which a finding depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct MissingText {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The ranges of provisions it lacks.
    pub ranges: Vec<MissingRange>,
}

/// A protection the target lacks, with the evidence on both sides. The facts only: the
/// sentence a reader sees is written by [`crate::render`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_necessity_satisfies_necessity() {
        let provided = Elements::from([Element::safeguard(SafeguardKind::StrictNecessity)]);
        assert!(Element::safeguard(SafeguardKind::Necessity).satisfied_by(&provided));
        let provided = Elements::from([Element::safeguard(SafeguardKind::Necessity)]);
        assert!(!Element::safeguard(SafeguardKind::StrictNecessity).satisfied_by(&provided));
    }
}
