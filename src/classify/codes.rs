//! The gap taxonomy: typed codes, what each rule is, the catalogue.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Severity;

/// What a rule is: its code, title, definition, the protection it looks for, and severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable kebab-case code, such as `no-impact-assessment`.
    pub code: &'static str,
    /// Short title, such as "no impact assessment".
    pub title: &'static str,
    /// One-sentence definition: what the target does or lacks.
    pub definition: &'static str,
    /// The protection the rule looks for, as a noun phrase ("impact assessment").
    pub protection: &'static str,
    /// Severity of an open gap.
    pub severity: Severity,
}

/// The built-in gap codes.
///
/// ```
/// use lexgap::classify::GapKind;
///
/// let kind: GapKind = "no-impact-assessment".parse()?;
/// assert_eq!(kind, GapKind::NoImpactAssessment);
/// let err = "no-purpose-limitaton".parse::<GapKind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown gap code `no-purpose-limitaton`; did you mean `no-purpose-limitation`?");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GapKind {
    /// Lets the state process the data without the limits the baseline imposes on state use.
    NoGovernmentUseLimit,
    /// Requires no prior impact assessment where the baseline does.
    NoImpactAssessment,
    /// Does not treat the data category as sensitive.
    SensitiveDataUnprotected,
    /// Derogates on broad grounds without necessity or proportionality.
    OpenEndedException,
    /// Lets the state intrude without prior (judicial or independent) authorisation.
    NoPriorAuthorisation,
    /// Leaves the processing without an independent supervisory body.
    NoIndependentOversight,
    /// Allows use for other purposes.
    NoPurposeLimitation,
    /// Sets no limit on storage.
    NoRetentionLimit,
    /// Requires neither notice nor signage.
    NoTransparency,
    /// Allows processing of sensitive data without (explicit or separate) consent.
    NoConsentRequirement,
    /// Assigns no responsibility or liability to public bodies.
    NoPublicBodyAccountability,
    /// Gives no judicial remedy or review.
    NoEffectiveRemedy,
    /// Is soft law with no enforcement.
    NonBinding,
}

impl GapKind {
    /// Every built-in kind, sorted by code.
    pub const ALL: &'static [GapKind] = &[
        GapKind::NoConsentRequirement,
        GapKind::NoEffectiveRemedy,
        GapKind::NoGovernmentUseLimit,
        GapKind::NoImpactAssessment,
        GapKind::NoIndependentOversight,
        GapKind::NoPriorAuthorisation,
        GapKind::NoPublicBodyAccountability,
        GapKind::NoPurposeLimitation,
        GapKind::NoRetentionLimit,
        GapKind::NoTransparency,
        GapKind::NonBinding,
        GapKind::OpenEndedException,
        GapKind::SensitiveDataUnprotected,
    ];

    /// The kind of safeguard the rule looks for in the baseline and the target, for the rules
    /// that look for one safeguard kind (`no-impact-assessment`: an impact assessment); `None`
    /// for the rules that read more than one (state use, open-ended exceptions, sensitive
    /// data, consent, binding force).
    ///
    /// ```
    /// use lexgap::classify::GapKind;
    /// use lexgap::model::SafeguardKind;
    /// assert_eq!(GapKind::NoImpactAssessment.safeguard(), Some(SafeguardKind::ImpactAssessment));
    /// assert_eq!(GapKind::OpenEndedException.safeguard(), None);
    /// ```
    pub fn safeguard(self) -> Option<crate::model::SafeguardKind> {
        use crate::model::SafeguardKind as K;
        match self {
            GapKind::NoImpactAssessment => Some(K::ImpactAssessment),
            GapKind::NoPriorAuthorisation => Some(K::PriorAuthorisation),
            GapKind::NoIndependentOversight => Some(K::IndependentOversight),
            GapKind::NoPurposeLimitation => Some(K::PurposeLimitation),
            GapKind::NoRetentionLimit => Some(K::RetentionLimit),
            GapKind::NoTransparency => Some(K::Transparency),
            GapKind::NoPublicBodyAccountability => Some(K::Accountability),
            GapKind::NoEffectiveRemedy => Some(K::EffectiveRemedy),
            _ => None,
        }
    }

    // A flat table, one arm of five fields per kind: splitting it would only scatter it.
    /// What the rule for this kind is.
    ///
    /// ```
    /// use lexgap::classify::GapKind;
    /// assert_eq!(GapKind::NoImpactAssessment.info().code, "no-impact-assessment");
    /// assert_eq!(GapKind::NoImpactAssessment.to_string(), "no impact assessment");
    /// ```
    pub fn info(self) -> RuleInfo {
        use GapKind::*;
        use Severity::*;
        let (code, title, definition, protection, severity) = match self {
            NoGovernmentUseLimit => (
                "no-government-use-limit",
                "no limit on government use",
                "lets public authorities, or anyone for a state purpose, process the data without the limits the baseline imposes on state use",
                "limit on state use",
                High,
            ),
            NoImpactAssessment => (
                "no-impact-assessment",
                "no impact assessment",
                "requires no prior impact assessment for processing that the baseline submits to one",
                "impact assessment",
                Medium,
            ),
            SensitiveDataUnprotected => (
                "sensitive-data-unprotected",
                "sensitive data not treated as sensitive",
                "does not treat as sensitive a data category that the baseline treats as sensitive",
                "classification of the data as sensitive",
                High,
            ),
            OpenEndedException => (
                "open-ended-exception",
                "open-ended exception",
                "derogates from a right or a protective rule on broad grounds without the necessity, proportionality or legality the baseline requires",
                "limit on its derogations",
                High,
            ),
            NoPriorAuthorisation => (
                "no-prior-authorisation",
                "no prior authorisation",
                "lets the state intrude without the prior authorisation the baseline requires",
                "prior authorisation",
                High,
            ),
            NoIndependentOversight => (
                "no-independent-oversight",
                "no independent oversight",
                "leaves the processing without the independent supervision the baseline provides",
                "independent oversight",
                High,
            ),
            NoPurposeLimitation => (
                "no-purpose-limitation",
                "no purpose limitation",
                "allows use of the data for other purposes",
                "purpose limitation",
                Medium,
            ),
            NoRetentionLimit => (
                "no-retention-limit",
                "no retention limit",
                "sets no limit on how long the data are kept",
                "retention limit",
                Medium,
            ),
            NoTransparency => (
                "no-transparency",
                "no transparency",
                "requires neither notice nor signage",
                "notice or signage",
                Low,
            ),
            NoConsentRequirement => (
                "no-consent-requirement",
                "no consent requirement",
                "allows processing of sensitive data without the (explicit or separate) consent the baseline requires",
                "consent requirement",
                Medium,
            ),
            NoPublicBodyAccountability => (
                "no-public-body-accountability",
                "no accountability of public bodies",
                "assigns no responsibility or liability for breaches, including to public bodies",
                "accountability or liability",
                Medium,
            ),
            NoEffectiveRemedy => (
                "no-effective-remedy",
                "no effective remedy",
                "gives no judicial remedy or review against the intrusion",
                "effective remedy",
                Medium,
            ),
            NonBinding => (
                "non-binding",
                "not binding",
                "is soft law (principles, guidelines, declarations) that binds no one",
                "binding force",
                Medium,
            ),
        };
        RuleInfo {
            code,
            title,
            definition,
            protection,
            severity,
        }
    }

    /// The stable kebab-case code.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The kind with this code, if it is a built-in one.
    pub fn from_code(code: &str) -> Option<GapKind> {
        GapKind::ALL
            .iter()
            .copied()
            .find(|k| k.code().eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for GapKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.info().title)
    }
}

/// A code that is not a built-in gap code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown gap code `{found}`{}", .suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_else(|| format!(", expected one of {}", expected())))]
pub struct UnknownGapCode {
    found: String,
    suggestion: Option<&'static str>,
}

fn expected() -> String {
    GapKind::ALL
        .iter()
        .map(|k| format!("`{}`", k.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl UnknownGapCode {
    /// The closest built-in code, if any is close enough.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

impl FromStr for GapKind {
    type Err = UnknownGapCode;
    fn from_str(s: &str) -> Result<GapKind, UnknownGapCode> {
        GapKind::from_code(s).ok_or_else(|| UnknownGapCode {
            found: s.to_owned(),
            suggestion: crate::model::closest_code(s, GapKind::ALL.iter().map(|k| k.code())),
        })
    }
}

/// The code of a gap: a built-in [`GapKind`]'s, or a custom rule's. Compare it with a
/// `GapKind` directly; lookups such as [`GapReport::gap`](super::GapReport::gap) take a
/// `GapKind` or a `GapCode`, never a bare string, so a misspelt code does not compile.
///
/// ```
/// use lexgap::classify::{GapCode, GapKind};
///
/// let code = GapCode::from(GapKind::NoTransparency);
/// assert_eq!(code, GapKind::NoTransparency);
/// assert_eq!(code.as_str(), "no-transparency");
/// assert_eq!(code.kind(), Some(GapKind::NoTransparency));
/// assert_eq!(GapCode::custom("no-security-measures").kind(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct GapCode(Cow<'static, str>);

impl GapCode {
    /// The code of a custom rule (see [`RuleInfo::code`]).
    pub const fn custom(code: &'static str) -> GapCode {
        GapCode(Cow::Borrowed(code))
    }
    /// The code as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The built-in kind, if the code is one.
    pub fn kind(&self) -> Option<GapKind> {
        GapKind::from_code(&self.0)
    }
}

impl From<GapKind> for GapCode {
    fn from(k: GapKind) -> GapCode {
        GapCode(Cow::Borrowed(k.code()))
    }
}

impl PartialEq<GapKind> for GapCode {
    fn eq(&self, other: &GapKind) -> bool {
        self.as_str() == other.code()
    }
}

impl fmt::Display for GapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
