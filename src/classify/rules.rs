//! The gap taxonomy and the rules that find each gap.
//!
//! Every built-in rule is a value implementing [`Rule`], registered in
//! [`Registry::default`]. Most are *relative*: they read a protection in the baseline's text
//! and look for it in the target's. Two can also be *absolute*, applying the standard the law
//! itself sets when there is no baseline: `open-ended-exception` (necessity and
//! proportionality, as ECHR art. 8(2) and EU Charter art. 52(1) require of limitations) and
//! `non-binding` (soft law binds no one).

use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

use super::{Cite, Clause, Context, Element, Gap, GapStatus, Severity};
use crate::model::{DataCategory, InstrumentKind, Purpose, SafeguardKind};

/// What a rule is: its code, title, definition and severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable kebab-case code, such as `no-impact-assessment`.
    pub code: &'static str,
    /// Short title, such as "no impact assessment".
    pub title: &'static str,
    /// One-sentence definition: what the target does or lacks.
    pub definition: &'static str,
    /// Severity of an open gap.
    pub severity: Severity,
}

/// A gap rule. Implement it to add your own; see [`Registry::add`].
///
/// ```
/// use lexgap::classify::{Comparison, Registry, Rule, RuleInfo, SafeguardRule, Severity};
/// use lexgap::model::SafeguardKind;
///
/// // A rule built from a safeguard kind: the baseline's security measures, missing in the target.
/// let rule = SafeguardRule::new(
///     RuleInfo {
///         code: "no-security-measures",
///         title: "no security measures",
///         definition: "requires no technical or organisational security measures",
///         severity: Severity::Medium,
///     },
///     SafeguardKind::Security,
///     "security measures",
/// );
/// let mut registry = Registry::default();
/// registry.add(Box::new(rule));
/// let corpus = lexgap::Corpus::bundled();
/// let report = Comparison::new(corpus)
///     .target(["cn/pipl-draft-2020/art-27"])?
///     .baseline(["cn/pipl/art-28"])?
///     .run_with(&registry);
/// assert!(report.gap("no-security-measures").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Rule: fmt::Debug + Send + Sync {
    /// What the rule is.
    fn info(&self) -> RuleInfo;
    /// The gap this rule finds in the comparison, if any.
    fn check(&self, cx: &Context<'_>) -> Option<Gap>;
}

/// The built-in gap codes.
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
        let (code, title, definition, severity) = match self {
            NoGovernmentUseLimit => (
                "no-government-use-limit",
                "no limit on government use",
                "lets public authorities, or anyone for a state purpose, process the data without the limits the baseline imposes on state use",
                High,
            ),
            NoImpactAssessment => (
                "no-impact-assessment",
                "no impact assessment",
                "requires no prior impact assessment for processing that the baseline submits to one",
                Medium,
            ),
            SensitiveDataUnprotected => (
                "sensitive-data-unprotected",
                "sensitive data not treated as sensitive",
                "does not treat as sensitive a data category that the baseline treats as sensitive",
                High,
            ),
            OpenEndedException => (
                "open-ended-exception",
                "open-ended exception",
                "derogates from a right or a protective rule on broad grounds without the necessity, proportionality or legality the baseline requires",
                High,
            ),
            NoPriorAuthorisation => (
                "no-prior-authorisation",
                "no prior authorisation",
                "lets the state intrude without the prior authorisation the baseline requires",
                High,
            ),
            NoIndependentOversight => (
                "no-independent-oversight",
                "no independent oversight",
                "leaves the processing without the independent supervision the baseline provides",
                High,
            ),
            NoPurposeLimitation => (
                "no-purpose-limitation",
                "no purpose limitation",
                "allows use of the data for other purposes",
                Medium,
            ),
            NoRetentionLimit => (
                "no-retention-limit",
                "no retention limit",
                "sets no limit on how long the data are kept",
                Medium,
            ),
            NoTransparency => (
                "no-transparency",
                "no transparency",
                "requires neither notice nor signage",
                Low,
            ),
            NoConsentRequirement => (
                "no-consent-requirement",
                "no consent requirement",
                "allows processing of sensitive data without the (explicit or separate) consent the baseline requires",
                Medium,
            ),
            NoPublicBodyAccountability => (
                "no-public-body-accountability",
                "no accountability of public bodies",
                "assigns no responsibility or liability for breaches, including to public bodies",
                Medium,
            ),
            NoEffectiveRemedy => (
                "no-effective-remedy",
                "no effective remedy",
                "gives no judicial remedy or review against the intrusion",
                Medium,
            ),
            NonBinding => (
                "non-binding",
                "not binding",
                "is soft law (principles, guidelines, declarations) that binds no one",
                Medium,
            ),
        };
        RuleInfo {
            code,
            title,
            definition,
            severity,
        }
    }

    /// The stable kebab-case code.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    fn rule(self) -> Box<dyn Rule> {
        use GapKind::*;
        let presence =
            |kind, noun| -> Box<dyn Rule> { Box::new(SafeguardRule::new(self.info(), kind, noun)) };
        match self {
            NoGovernmentUseLimit => Box::new(GovernmentUseRule),
            NoImpactAssessment => presence(SafeguardKind::ImpactAssessment, "impact assessment"),
            SensitiveDataUnprotected => Box::new(SensitiveRule),
            OpenEndedException => Box::new(OpenEndedRule),
            NoPriorAuthorisation => Box::new(
                SafeguardRule::new(
                    self.info(),
                    SafeguardKind::PriorAuthorisation,
                    "prior authorisation",
                )
                .state_only(true),
            ),
            NoIndependentOversight => {
                presence(SafeguardKind::IndependentOversight, "independent oversight")
            }
            NoPurposeLimitation => presence(SafeguardKind::PurposeLimitation, "purpose limitation"),
            NoRetentionLimit => presence(SafeguardKind::RetentionLimit, "retention limit"),
            NoTransparency => presence(SafeguardKind::Transparency, "notice or signage"),
            NoConsentRequirement => Box::new(ConsentRule),
            NoPublicBodyAccountability => {
                presence(SafeguardKind::Accountability, "accountability or liability")
            }
            NoEffectiveRemedy => presence(SafeguardKind::EffectiveRemedy, "effective remedy"),
            NonBinding => Box::new(NonBindingRule),
        }
    }
}

impl fmt::Display for GapKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.info().title)
    }
}

/// The rules a comparison runs.
///
/// ```
/// use lexgap::classify::Registry;
///
/// let mut registry = Registry::default();
/// assert_eq!(registry.rules().count(), 13);
/// assert!(registry.remove("no-transparency").is_some());
/// assert!(registry.rules().all(|r| r.info().code != "no-transparency"));
/// ```
#[derive(Debug)]
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

impl Registry {
    /// A registry with no rules.
    pub fn empty() -> Registry {
        Registry { rules: Vec::new() }
    }

    /// The shared default registry.
    pub(crate) fn default_ref() -> &'static Registry {
        static DEFAULT: OnceLock<Registry> = OnceLock::new();
        DEFAULT.get_or_init(Registry::default)
    }

    /// Adds a rule, replacing any rule with the same code; rules run in code order.
    pub fn add(&mut self, rule: Box<dyn Rule>) -> &mut Registry {
        let code = rule.info().code;
        self.rules.retain(|r| r.info().code != code);
        self.rules.push(rule);
        self.rules.sort_by_key(|r| r.info().code);
        self
    }

    /// Removes the rule with this code and returns it.
    pub fn remove(&mut self, code: &str) -> Option<Box<dyn Rule>> {
        let i = self.rules.iter().position(|r| r.info().code == code)?;
        Some(self.rules.remove(i))
    }

    /// The rules, in code order.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// What each rule is, in code order.
    pub fn catalogue(&self) -> Vec<RuleInfo> {
        self.rules.iter().map(|r| r.info()).collect()
    }
}

impl Default for Registry {
    /// The thirteen built-in rules.
    fn default() -> Registry {
        let mut r = Registry::empty();
        for kind in GapKind::ALL {
            r.add(kind.rule());
        }
        r
    }
}

/// The built-in codes, titles, definitions and severities, in code order.
///
/// ```
/// let codes: Vec<&str> = lexgap::classify::catalogue().iter().map(|i| i.code).collect();
/// assert!(codes.contains(&"no-government-use-limit"));
/// assert_eq!(codes.len(), 13);
/// ```
pub fn catalogue() -> Vec<RuleInfo> {
    Registry::default_ref().catalogue()
}

// ---------------------------------------------------------------------------------------
// The engine shared by the element-based rules.

/// How an element-based rule reads clauses.
trait Reading {
    /// What the protection is called in explanations.
    fn noun(&self) -> &str;
    /// Elements a clause gives; a baseline clause with some is a requirement, a target clause
    /// with some supplies them. Must include every element of `required(c)`.
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element>;
    /// Elements a baseline clause requires (default: what it provides).
    fn required(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        self.provides(c)
    }
    /// Whether a target clause is one the rule is about.
    fn subject(&self, c: &Clause<'_>) -> bool;
    /// Narrows a requirement to what the subjects touch (default: unchanged).
    fn focus(&self, required: BTreeSet<Element>, _subjects: &[Clause<'_>]) -> BTreeSet<Element> {
        required
    }
}

/// Runs a reading over a context: one gap per rule, aggregating every baseline requirement.
fn run_reading(info: RuleInfo, reading: &dyn Reading, cx: &Context<'_>) -> Option<Gap> {
    let target: Vec<Clause<'_>> = cx.target_clauses().collect();
    let elsewhere: Vec<Clause<'_>> = cx.elsewhere_clauses().collect();
    let mut status: Option<GapStatus> = None;
    let mut missing = BTreeSet::new();
    let mut present = BTreeSet::new();
    let mut subjects_cited = BTreeSet::new();
    let mut target_quotes = BTreeSet::new();
    let mut baseline_quotes = BTreeSet::new();
    let mut closed_by = BTreeSet::new();

    for item in cx.baseline_clauses() {
        let required = reading.required(&item);
        if required.is_empty() {
            continue;
        }
        let subjects: Vec<Clause<'_>> = target
            .iter()
            .filter(|c| reading.subject(c) && c.related(&item))
            .copied()
            .collect();
        if subjects.is_empty() {
            continue;
        }
        let required = reading.focus(required, &subjects);
        if required.is_empty() {
            continue;
        }
        let local: Vec<(Clause<'_>, BTreeSet<Element>)> = target
            .iter()
            .filter(|c| c.related(&item))
            .map(|c| (*c, reading.provides(c)))
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let remote: Vec<(Clause<'_>, BTreeSet<Element>)> = elsewhere
            .iter()
            .filter(|c| {
                c.related(&item) && !c.is_derogation() && subjects.iter().any(|s| s.related(c))
            })
            .map(|c| (*c, reading.provides(c)))
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let p_local: BTreeSet<Element> =
            local.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        let p_all: BTreeSet<Element> = p_local
            .iter()
            .copied()
            .chain(remote.iter().flat_map(|(_, p)| p.iter().copied()))
            .collect();
        let missing_local: BTreeSet<Element> = required
            .iter()
            .copied()
            .filter(|e| !e.satisfied_by(&p_local))
            .collect();
        let missing_all: BTreeSet<Element> = required
            .iter()
            .copied()
            .filter(|e| !e.satisfied_by(&p_all))
            .collect();
        if missing_local.is_empty() {
            continue;
        }
        let item_status = if missing_all.is_empty() {
            GapStatus::ClosedElsewhere
        } else if p_all.is_empty() {
            GapStatus::Absent
        } else {
            GapStatus::Partial
        };
        status = status.max(Some(item_status));
        missing.extend(missing_all.iter().copied());
        present.extend(p_all.iter().copied());
        for s in &subjects {
            subjects_cited.insert(s.provision().id.clone());
            target_quotes.insert(Cite::new(s.provision(), "scope", s.evidence()));
        }
        for (c, provided) in &local {
            cite_elements(c, provided, &mut target_quotes);
        }
        for (c, provided) in &remote {
            let closes: BTreeSet<Element> = missing_local
                .iter()
                .copied()
                .filter(|e| e.satisfied_by(provided))
                .collect();
            if !closes.is_empty() {
                cite_elements(c, provided, &mut closed_by);
            }
        }
        baseline_quotes.insert(Cite::new(item.provision(), "scope", item.evidence()));
        cite_elements(&item, &required, &mut baseline_quotes);
    }

    let status = status?;
    Some(finish(
        info,
        reading.noun(),
        status,
        GapFacts {
            missing: missing.into_iter().collect(),
            present: present.into_iter().collect(),
            target: subjects_cited.into_iter().collect(),
            target_instruments: cx.target_instruments().to_vec(),
            target_quotes: target_quotes.into_iter().collect(),
            baseline_quotes: baseline_quotes.into_iter().collect(),
            closed_by: closed_by.into_iter().collect(),
            standard: None,
        },
    ))
}

/// Cites the quotes of a clause's safeguards for the elements listed (and the clause's own
/// quote for elements that are not safeguards).
fn cite_elements(c: &Clause<'_>, elements: &BTreeSet<Element>, out: &mut BTreeSet<Cite>) {
    for e in elements {
        match e {
            Element::Safeguard { kind } | Element::Detail { kind, .. } => {
                for s in c.safeguards().iter().filter(|s| s.kind == *kind) {
                    out.insert(Cite::new(c.provision(), kind.code(), &s.evidence));
                }
            }
            other => {
                out.insert(Cite::new(c.provision(), other.to_string(), c.evidence()));
            }
        }
    }
}

/// What a gap says, before its explanation is written.
struct GapFacts {
    missing: Vec<Element>,
    present: Vec<Element>,
    target: Vec<crate::model::ProvisionId>,
    target_instruments: Vec<crate::model::InstrumentId>,
    target_quotes: Vec<Cite>,
    baseline_quotes: Vec<Cite>,
    closed_by: Vec<Cite>,
    standard: Option<String>,
}

fn list<T: fmt::Display>(items: &[T]) -> String {
    let s: Vec<String> = items.iter().map(ToString::to_string).collect();
    match s.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Lists elements with the details of one safeguard grouped under it:
/// `impact-assessment [prior, records] and necessity`.
///
/// ```
/// use lexgap::classify::{Element, summarize};
/// use lexgap::model::{SafeguardElement, SafeguardKind};
///
/// let ia = SafeguardKind::ImpactAssessment;
/// let list = [
///     Element::safeguard(SafeguardKind::Necessity),
///     Element::Detail { kind: ia, element: SafeguardElement::DpoAdvice },
///     Element::Detail { kind: ia, element: SafeguardElement::Review },
/// ];
/// assert_eq!(summarize(&list), "necessity and impact-assessment [dpo-advice, review]");
/// ```
pub fn summarize(elements: &[Element]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut grouped: Vec<(SafeguardKind, Vec<String>)> = Vec::new();
    for e in elements {
        match e {
            Element::Detail { kind, element } => {
                match grouped.iter_mut().find(|(k, _)| k == kind) {
                    Some((_, v)) => v.push(element.to_string()),
                    None => grouped.push((*kind, vec![element.to_string()])),
                }
            }
            Element::Safeguard { kind } if !grouped.iter().any(|(k, _)| k == kind) => {
                grouped.push((*kind, Vec::new()))
            }
            Element::Safeguard { .. } => {}
            other => parts.push(other.to_string()),
        }
    }
    let mut out: Vec<String> = grouped
        .into_iter()
        .map(|(k, v)| {
            if v.is_empty() {
                k.to_string()
            } else {
                format!("{k} [{}]", v.join(", "))
            }
        })
        .collect();
    out.extend(parts);
    list(&out)
}

fn ticked<T: fmt::Display>(items: &[T]) -> Vec<String> {
    items.iter().map(|i| format!("`{i}`")).collect()
}

/// A gap from a custom rule: the target provisions are those its quotes cite.
pub(crate) fn custom_gap(
    info: RuleInfo,
    status: GapStatus,
    target: Vec<Cite>,
    baseline: Vec<Cite>,
) -> Gap {
    let target_set: BTreeSet<_> = target.iter().map(|c| c.provision.clone()).collect();
    let instruments: BTreeSet<_> = target_set.iter().map(|p| p.instrument().clone()).collect();
    let mut target_quotes = target;
    target_quotes.sort();
    let mut baseline_quotes = baseline;
    baseline_quotes.sort();
    let target: Vec<_> = target_set.into_iter().collect();
    let baseline_ids: BTreeSet<String> = baseline_quotes
        .iter()
        .map(|c| format!("`{}`", c.provision))
        .collect();
    let baseline_ids: Vec<String> = baseline_ids.into_iter().collect();
    let mut explanation = format!("{} {}", list(&ticked(&target)), info.definition);
    if !baseline_ids.is_empty() {
        explanation += &format!(", unlike {}", list(&baseline_ids));
    }
    let mut gap = finish(
        info,
        info.title,
        status,
        GapFacts {
            missing: Vec::new(),
            present: Vec::new(),
            target,
            target_instruments: instruments.into_iter().collect(),
            target_quotes,
            baseline_quotes,
            closed_by: Vec::new(),
            standard: None,
        },
    );
    gap.explanation = explanation;
    gap
}

/// Builds the gap and its one-sentence explanation from the facts.
fn finish(info: RuleInfo, noun: &str, status: GapStatus, f: GapFacts) -> Gap {
    let targets = if f.target.is_empty() {
        list(&ticked(&f.target_instruments))
    } else {
        list(&ticked(&f.target))
    };
    let baseline: BTreeSet<String> = f
        .baseline_quotes
        .iter()
        .map(|c| format!("`{}`", c.provision))
        .collect();
    let baseline: Vec<String> = baseline.into_iter().collect();
    let by = match (&f.standard, baseline.is_empty()) {
        (Some(s), true) => s.clone(),
        _ => list(&baseline),
    };
    let closers: BTreeSet<String> = f
        .closed_by
        .iter()
        .map(|c| format!("`{}`", c.provision))
        .collect();
    let closers: Vec<String> = closers.into_iter().collect();
    let verb = if baseline.len() == 1 || f.standard.is_some() {
        "requires"
    } else {
        "require"
    };
    let supply = if closers.len() == 1 {
        "supplies"
    } else {
        "supply"
    };
    let (present, missing) = (summarize(&f.present), summarize(&f.missing));
    let explanation = match status {
        GapStatus::Absent => format!("{targets} has no {noun}, where {by} {verb} {missing}"),
        GapStatus::Partial => {
            let mut s = format!("{targets} has {present} but not {missing}, which {by} {verb}");
            if !closers.is_empty() {
                s += &format!(" (counting {} across the instrument)", list(&closers));
            }
            s
        }
        GapStatus::ClosedElsewhere => format!(
            "{targets} lacks the {noun} that {by} {verb}, but {} {supply} it across the instrument",
            list(&closers)
        ),
    };
    Gap {
        code: info.code.to_owned(),
        title: info.title.to_owned(),
        severity: if status == GapStatus::ClosedElsewhere {
            Severity::Low
        } else {
            info.severity
        },
        status,
        missing: f.missing,
        present: f.present,
        target: f.target,
        target_instruments: f.target_instruments,
        target_quotes: f.target_quotes,
        baseline_quotes: f.baseline_quotes,
        closed_by: f.closed_by,
        standard: f.standard,
        explanation,
    }
}

// ---------------------------------------------------------------------------------------
// The rules.

/// A rule for one kind of safeguard: the baseline attaches it (with its elements) to some
/// processing; the target's related processing lacks it, or has it with fewer elements.
///
/// Eight built-in rules are `SafeguardRule`s (impact assessment, prior authorisation,
/// independent oversight, purpose limitation, retention limit, transparency, accountability,
/// effective remedy); build your own for any [`SafeguardKind`].
#[derive(Debug, Clone)]
pub struct SafeguardRule {
    info: RuleInfo,
    kind: SafeguardKind,
    noun: &'static str,
    state_only: bool,
}

impl SafeguardRule {
    /// A rule with this `info` for safeguards of `kind`; `noun` names the protection in
    /// explanations ("impact assessment").
    pub fn new(info: RuleInfo, kind: SafeguardKind, noun: &'static str) -> SafeguardRule {
        SafeguardRule {
            info,
            kind,
            noun,
            state_only: false,
        }
    }

    /// Restricts the rule to the state's own processing or intrusions (as for prior
    /// authorisation).
    pub fn state_only(mut self, yes: bool) -> SafeguardRule {
        self.state_only = yes;
        self
    }
}

impl Reading for SafeguardRule {
    fn noun(&self) -> &str {
        self.noun
    }
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        let mut out = BTreeSet::new();
        for s in c.safeguards().iter().filter(|s| s.kind == self.kind) {
            out.insert(Element::safeguard(s.kind));
            out.extend(s.elements.iter().map(|e| Element::Detail {
                kind: s.kind,
                element: *e,
            }));
        }
        out
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        c.is_conduct() && (!self.state_only || is_state_intrusion(c))
    }
}

impl Rule for SafeguardRule {
    fn info(&self) -> RuleInfo {
        self.info
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        run_reading(self.info, self, cx)
    }
}

/// A clause by which the state processes data or interferes with a right.
fn is_state_intrusion(c: &Clause<'_>) -> bool {
    c.is_state_use()
        || (c.is_derogation()
            && (c.actors().iter().any(|a| a.is_state())
                || c.purposes().iter().any(|p| p.is_state_purpose())))
}

/// The limits on state use that `no-government-use-limit` reads.
const GOVERNMENT_USE_LIMITS: &[SafeguardKind] = &[
    SafeguardKind::Necessity,
    SafeguardKind::StrictNecessity,
    SafeguardKind::Proportionality,
    SafeguardKind::PurposeLimitation,
    SafeguardKind::PrescribedByLaw,
    SafeguardKind::SpecificSafeguardsInLaw,
    SafeguardKind::RespectForEssence,
    SafeguardKind::PriorAuthorisation,
    SafeguardKind::TimeAndPlaceLimit,
    SafeguardKind::RetentionLimit,
];

/// The conditions on derogations that `open-ended-exception` reads.
const DEROGATION_LIMITS: &[SafeguardKind] = &[
    SafeguardKind::Necessity,
    SafeguardKind::StrictNecessity,
    SafeguardKind::Proportionality,
    SafeguardKind::PrescribedByLaw,
    SafeguardKind::SpecificSafeguardsInLaw,
    SafeguardKind::RespectForEssence,
];

fn safeguards_among(c: &Clause<'_>, kinds: &[SafeguardKind]) -> BTreeSet<Element> {
    c.safeguards()
        .iter()
        .filter(|s| kinds.contains(&s.kind))
        .map(|s| Element::safeguard(s.kind))
        .collect()
}

#[derive(Debug)]
struct GovernmentUseRule;

impl Reading for GovernmentUseRule {
    fn noun(&self) -> &str {
        "limit on state use"
    }
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        safeguards_among(c, GOVERNMENT_USE_LIMITS)
    }
    fn required(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        if c.is_state_use() {
            self.provides(c)
        } else {
            BTreeSet::new()
        }
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        c.is_state_use()
    }
}

impl Rule for GovernmentUseRule {
    fn info(&self) -> RuleInfo {
        GapKind::NoGovernmentUseLimit.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        run_reading(self.info(), self, cx)
    }
}

#[derive(Debug)]
struct OpenEndedRule;

impl OpenEndedRule {
    fn is_open_derogation(c: &Clause<'_>) -> bool {
        c.is_derogation() && c.has_broad_ground()
    }
}

impl Reading for OpenEndedRule {
    fn noun(&self) -> &str {
        "limit on its exceptions"
    }
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        if Self::is_open_derogation(c) {
            safeguards_among(c, DEROGATION_LIMITS)
        } else {
            BTreeSet::new()
        }
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        Self::is_open_derogation(c)
    }
}

/// The standard the absolute open-ended-exception check applies.
const DEROGATION_STANDARD: &str =
    "the standard of ECHR art. 8(2) and EU Charter art. 52(1) (necessity and proportionality)";

impl Rule for OpenEndedRule {
    fn info(&self) -> RuleInfo {
        GapKind::OpenEndedException.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        if !cx.is_absolute() {
            return run_reading(self.info(), self, cx);
        }
        // Absolute: a derogation on broad grounds with neither necessity nor proportionality.
        let subjects: Vec<Clause<'_>> = cx.target_clauses().filter(|c| self.subject(c)).collect();
        if subjects.is_empty() {
            return None;
        }
        let provided: BTreeSet<Element> = subjects
            .iter()
            .chain(
                cx.elsewhere_clauses()
                    .filter(|c| c.is_derogation())
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .flat_map(|c| safeguards_among(c, DEROGATION_LIMITS))
            .collect();
        let standard = [
            Element::safeguard(SafeguardKind::Necessity),
            Element::safeguard(SafeguardKind::Proportionality),
        ];
        if standard.iter().any(|e| e.satisfied_by(&provided)) {
            return None;
        }
        let mut target_quotes = BTreeSet::new();
        let mut target = BTreeSet::new();
        for s in &subjects {
            target.insert(s.provision().id.clone());
            target_quotes.insert(Cite::new(s.provision(), "scope", s.evidence()));
            cite_elements(
                s,
                &safeguards_among(s, DEROGATION_LIMITS),
                &mut target_quotes,
            );
        }
        Some(finish(
            self.info(),
            self.noun(),
            GapStatus::Absent,
            GapFacts {
                missing: standard.to_vec(),
                present: provided.into_iter().collect(),
                target: target.into_iter().collect(),
                target_instruments: cx.target_instruments().to_vec(),
                target_quotes: target_quotes.into_iter().collect(),
                baseline_quotes: Vec::new(),
                closed_by: Vec::new(),
                standard: Some(DEROGATION_STANDARD.to_owned()),
            },
        ))
    }
}

#[derive(Debug)]
struct SensitiveRule;

impl Reading for SensitiveRule {
    fn noun(&self) -> &str {
        "classification of the data as sensitive"
    }
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        if c.exception().is_some() || !c.data().contains(&DataCategory::Sensitive) {
            return BTreeSet::new();
        }
        c.data()
            .iter()
            .filter(|d| **d != DataCategory::Sensitive)
            .map(|d| Element::Sensitive { data: *d })
            .collect()
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        !c.is_definition() && c.exception().is_none()
    }
    fn focus(&self, required: BTreeSet<Element>, subjects: &[Clause<'_>]) -> BTreeSet<Element> {
        required
            .into_iter()
            .filter(|e| match e {
                Element::Sensitive { data } => subjects.iter().any(|s| {
                    s.data()
                        .iter()
                        .any(|x| *x != DataCategory::Sensitive && x.is_a(*data))
                }),
                _ => false,
            })
            .collect()
    }
}

impl Rule for SensitiveRule {
    fn info(&self) -> RuleInfo {
        GapKind::SensitiveDataUnprotected.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        run_reading(self.info(), self, cx)
    }
}

#[derive(Debug)]
struct ConsentRule;

impl Reading for ConsentRule {
    fn noun(&self) -> &str {
        "consent requirement"
    }
    fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
        if !c.data().iter().any(|d| d.is_a(DataCategory::Sensitive)) {
            return BTreeSet::new();
        }
        let mut out: BTreeSet<Element> = c
            .purposes()
            .iter()
            .filter(|p| matches!(p, Purpose::Consent | Purpose::SeparateConsent))
            .map(|p| Element::Ground { ground: *p })
            .collect();
        if c.has(SafeguardKind::Consent) {
            out.insert(Element::Ground {
                ground: Purpose::Consent,
            });
        }
        out
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        c.is_conduct() && c.data().iter().any(|d| d.is_a(DataCategory::Sensitive))
    }
}

impl Rule for ConsentRule {
    fn info(&self) -> RuleInfo {
        GapKind::NoConsentRequirement.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        run_reading(self.info(), self, cx)
    }
}

#[derive(Debug)]
struct NonBindingRule;

impl NonBindingRule {
    fn is_soft_law(i: &crate::model::Instrument) -> bool {
        !i.binding
            && matches!(
                i.kind,
                InstrumentKind::SoftLaw | InstrumentKind::Declaration
            )
    }
}

impl Rule for NonBindingRule {
    fn info(&self) -> RuleInfo {
        GapKind::NonBinding.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        let corpus = cx.corpus();
        let baseline_instruments: BTreeSet<&crate::model::InstrumentId> =
            cx.baseline().iter().map(|p| p.id.instrument()).collect();
        let binding_baseline: Vec<&crate::model::Instrument> = baseline_instruments
            .iter()
            .filter_map(|id| corpus.get_instrument(id))
            .filter(|i| i.binding)
            .collect();
        if !cx.is_absolute() && binding_baseline.is_empty() {
            return None;
        }
        let soft: Vec<&crate::model::Instrument> = cx
            .target_instruments()
            .iter()
            .filter_map(|id| corpus.get_instrument(id))
            .filter(|i| Self::is_soft_law(i) && !baseline_instruments.contains(&i.id))
            .collect();
        if soft.is_empty() {
            return None;
        }
        let standard = if cx.is_absolute() {
            "an instrument that binds".to_owned()
        } else {
            let names: Vec<String> = binding_baseline
                .iter()
                .map(|i| format!("`{}`", i.id))
                .collect();
            format!("the binding force of {}", list(&names))
        };
        let target: Vec<crate::model::ProvisionId> = cx
            .target()
            .iter()
            .filter(|p| soft.iter().any(|i| &i.id == p.id.instrument()))
            .map(|p| p.id.clone())
            .collect();
        let mut gap = finish(
            self.info(),
            "binding force",
            GapStatus::Absent,
            GapFacts {
                missing: vec![Element::Binding],
                present: Vec::new(),
                target: Vec::new(),
                target_instruments: soft.iter().map(|i| i.id.clone()).collect(),
                target_quotes: Vec::new(),
                baseline_quotes: Vec::new(),
                closed_by: Vec::new(),
                standard: Some(standard),
            },
        );
        gap.target = target;
        Some(gap)
    }
}
