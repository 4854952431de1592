//! The findings of one rule, gathered over requirements, subjects and regimes, and the
//! quotes that show them.

use std::collections::{BTreeMap, BTreeSet};

use super::regime::Verdict;
use crate::classify::{
    Cite, Clause, Context, DerogationFinding, Element, Elements, Gap, GapCode, GapStatus, RuleInfo,
    Severity,
};
use crate::model::SafeguardKind;

/// The findings of one rule, gathered over requirements, subjects and regimes.
pub(super) struct Acc<'c> {
    pub(super) status: Option<GapStatus>,
    /// The verdict whose missing and present elements the gap shows: the worst, and among
    /// equally bad ones those judged without a derogation (the target's rules as they stand).
    /// Each derogation's own elements are in its finding.
    shown: Option<(GapStatus, bool)>,
    missing: Elements,
    present: Elements,
    subjects: BTreeSet<crate::model::ProvisionId>,
    target_quotes: CiteSet,
    baseline_quotes: CiteSet,
    closed_by: CiteSet,
    #[allow(clippy::type_complexity)]
    derogations: BTreeMap<
        (
            crate::model::ProvisionId,
            String,
            Option<(crate::model::ProvisionId, String)>,
        ),
        DerogationFinding,
    >,
    /// Whether a derogation judged as a subject is absent on its own terms.
    pub(super) absent_derogation_subject: bool,
    pins: Pinpoints<'c>,
}

/// Pinpoints already worked out, by provision and quote, for one comparison: every rule cites
/// the same words under many requirements and regimes, and finding a pinpoint searches the
/// text.
pub(super) struct Pinpoints<'c>(&'c PinpointCache);

/// The pinpoints of one comparison (or of the rows of a matrix, which cite one baseline), by
/// the addresses of a provision and of the evidence: the corpus outlives them.
pub(crate) type PinpointCache =
    std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), Option<String>>>;

impl<'c> Pinpoints<'c> {
    pub(super) fn new(cache: &'c PinpointCache) -> Pinpoints<'c> {
        Pinpoints(cache)
    }

    fn cite(
        &self,
        p: &crate::model::Provision,
        shows: impl Into<String>,
        ev: &crate::model::Evidence,
    ) -> Cite {
        let key = (addr(p), addr(ev));
        let known = self.0.borrow().get(&key).cloned();
        let pinpoint = known.unwrap_or_else(|| {
            let found = p.pinpoint(ev);
            self.0.borrow_mut().insert(key, found.clone());
            found
        });
        Cite {
            provision: p.id.clone(),
            pinpoint,
            shows: shows.into(),
            evidence: ev.clone(),
        }
    }

    /// [`cite_elements`](super::cite_elements), with the pinpoints remembered.
    pub(super) fn cite_elements(&self, c: &Clause<'_>, elements: &Elements, out: &mut CiteSet) {
        let at = addr(c.provision());
        for e in elements {
            match e {
                Element::Safeguard { kind } | Element::Detail { kind, .. } => {
                    for s in c.safeguards().iter().filter(|s| s.kind == kind) {
                        out.insert_with(
                            (at, addr(&s.evidence), Shows::Safeguard(kind)),
                            || match &s.provision {
                                None => self.cite(c.provision(), kind.code(), &s.evidence),
                                Some(_) => {
                                    let quoted = crate::model::Quoted {
                                        provision: s.provision.clone(),
                                        evidence: s.evidence.clone(),
                                    };
                                    Cite::quoted(c.provision(), kind.code(), &quoted)
                                }
                            },
                        );
                    }
                    if kind == SafeguardKind::PrescribedByLaw && c.delegates_to_law() {
                        if let Some(q) = c.derogation().and_then(|d| d.grounds.evidence()) {
                            out.insert_with((at, addr(q), Shows::GroundsLeftToLaw), || {
                                Cite::quoted(c.provision(), "prescribed-by-law", q)
                            });
                        }
                    }
                }
                other => {
                    out.insert_with((at, addr(c.evidence()), Shows::Element(other)), || {
                        self.cite(c.provision(), other.to_string(), c.evidence())
                    });
                }
            }
        }
    }

    /// Cites the clause itself, as showing its scope.
    fn cite_scope(&self, c: &Clause<'_>, out: &mut CiteSet) {
        out.insert_with(
            (addr(c.provision()), addr(c.evidence()), Shows::Scope),
            || self.cite(c.provision(), "scope", c.evidence()),
        );
    }
}

/// The address of a value of the corpus, the key of what has been cited or pinpointed: the
/// corpus outlives the caches keyed by it.
pub(crate) fn addr<T>(x: &T) -> usize {
    std::ptr::from_ref(x) as usize
}

/// What a cite shows, as the cite is built: with the addresses of the provision and of the
/// quote, it decides the cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shows {
    Scope,
    Safeguard(SafeguardKind),
    GroundsLeftToLaw,
    Element(Element),
}

/// Cites without repeats, each built once: a rule cites the same words for many subjects,
/// requirements and regimes, and building a cite copies its quote.
#[derive(Default)]
pub(crate) struct CiteSet {
    cites: BTreeSet<Cite>,
    seen: rustc_hash::FxHashSet<(usize, usize, Shows)>,
}

impl CiteSet {
    fn insert_with(&mut self, key: (usize, usize, Shows), cite: impl FnOnce() -> Cite) {
        if self.seen.insert(key) {
            self.cites.insert(cite());
        }
    }

    /// The cites, sorted.
    pub(crate) fn into_cites(self) -> BTreeSet<Cite> {
        self.cites
    }
}

impl<'c> Acc<'c> {
    pub(super) fn new(cache: &'c PinpointCache) -> Acc<'c> {
        Acc {
            status: None,
            shown: None,
            missing: Elements::new(),
            present: Elements::new(),
            subjects: BTreeSet::new(),
            target_quotes: CiteSet::default(),
            baseline_quotes: CiteSet::default(),
            closed_by: CiteSet::default(),
            derogations: BTreeMap::new(),
            absent_derogation_subject: false,
            pins: Pinpoints::new(cache),
        }
    }

    /// Cites a requirement that a subject lacks: the clause itself, and the quotes of its
    /// required elements.
    pub(super) fn cite_requirement(&mut self, item: &Clause<'_>, required: &Elements) {
        self.pins.cite_scope(item, &mut self.baseline_quotes);
        self.pins
            .cite_elements(item, required, &mut self.baseline_quotes);
    }

    pub(super) fn add(
        &mut self,
        s: &Clause<'_>,
        regimes: &[Clause<'_>],
        v: Verdict<'_>,
        unruled: bool,
    ) {
        // The derogation the finding is about (the modifier, when the regime is a derogation
        // modified by another), and the one it modifies.
        let regime = regimes.last().copied();
        let modified = (regimes.len() > 1).then(|| regimes[0]);
        self.status = self.status.max(Some(v.status));
        // An absent finding that a held derogation makes (the derogation is the subject, or
        // the regime it sets up switches the protection off without a condition) is decided
        // by the held text: no missing provision can limit what the derogation takes out.
        if v.status == GapStatus::Absent
            && (s.is_derogation() || (regime.is_some() && !v.switched_off.is_empty()))
        {
            self.absent_derogation_subject = true;
        }
        let key = (v.status, regime.is_none());
        if self.shown.is_none_or(|k| key > k) {
            self.shown = Some(key);
            self.missing.clear();
            self.present.clear();
        }
        if self.shown == Some(key) {
            self.missing.extend(v.missing.iter());
            self.present.extend(v.present.iter());
        }
        self.subjects.insert(s.provision().id.clone());
        self.pins.cite_scope(s, &mut self.target_quotes);
        for (c, provided) in &v.local {
            if !c.is_derogation() {
                self.pins
                    .cite_elements(c, provided, &mut self.target_quotes);
            }
        }
        for (c, provided) in &v.closers {
            self.pins.cite_elements(c, provided, &mut self.closed_by);
        }
        // A derogation is cited when it takes something away, or when it is itself the
        // subject (a scope exclusion of state processing, an open-ended exception).
        if let Some(d) =
            regime.filter(|_| unruled || !v.switched_off.is_empty() || s.is_derogation())
        {
            let key = (
                d.provision().id.clone(),
                d.evidence().quote.clone(),
                modified.map(|m| (m.provision().id.clone(), m.evidence().quote.clone())),
            );
            let finding = self
                .derogations
                .entry(key)
                .or_insert_with(|| DerogationFinding::new(&d, modified.as_ref()));
            finding.status = finding.status.max(v.status);
            finding.missing.extend(v.missing.iter());
            finding.missing.sort();
            finding.missing.dedup();
            finding.switched_off.extend(v.switched_off.iter());
            finding.switched_off.sort();
            finding.switched_off.dedup();
            if let Some((b, unmet)) = &v.allowed_by {
                let cite = self.pins.cite(b.provision(), "allowed by", b.evidence());
                finding.allowed_by = Some(crate::classify::AllowedBy {
                    baseline: cite,
                    unmet: unmet.iter().collect(),
                });
            }
        }
    }

    pub(super) fn into_gap(self, info: RuleInfo, status: GapStatus, cx: &Context<'_>) -> Gap {
        Gap {
            code: GapCode::custom(info.code),
            title: info.title.to_owned(),
            protection: info.protection.to_owned(),
            severity: match status {
                GapStatus::ClosedElsewhere | GapStatus::NotComparable => Severity::Low,
                _ => info.severity,
            },
            status,
            missing: self.missing.into_iter().collect(),
            present: self.present.into_iter().collect(),
            target: self.subjects.into_iter().collect(),
            target_instruments: cx.target_instruments().to_vec(),
            target_quotes: self.target_quotes.into_cites().into_iter().collect(),
            baseline_quotes: self.baseline_quotes.into_cites().into_iter().collect(),
            closed_by: self.closed_by.into_cites().into_iter().collect(),
            derogations: self.derogations.into_values().collect(),
            missing_text: Vec::new(),
            not_addressed: Vec::new(),
            standard: None,
        }
    }
}
