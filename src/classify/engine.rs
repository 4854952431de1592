//! The engine the built-in rules run on, public so that a rule of your own can reuse it.
//!
//! A rule is a [`Reading`]: which elements a clause *provides* (a safeguard, a detail of one,
//! a data category classified as sensitive, a legal ground), which a baseline clause
//! *requires*, and which target clauses are its *subjects*. [`judge`] then does the rest,
//! the same way for every rule:
//!
//! 1. every baseline clause with required elements is a requirement; it applies to the
//!    target's subjects whose processing is related (data, activities, actors);
//! 2. each subject is judged under each *regime* that can govern its processing: the
//!    target's rules as they stand, and each derogation of the target whose effect reaches
//!    the subject's provision and covers its processing. Under a derogation, what the
//!    derogation switches off is not credited, wherever it stands, and the derogation's own
//!    conditions are added (a ground left to other law counts as a formal legal basis and
//!    nothing more). A derogation that is itself a subject is judged under its own regime
//!    only. Safeguards never pool across derogations;
//! 3. a derogation is excused when the baseline makes one that covers the same processing
//!    and switches off the same protections (the baseline tolerates it);
//! 4. the worst regime decides: absent, partial (what is missing is named), or
//!    closed-elsewhere (only instrument-wide norms outside the selection supply it);
//! 5. the verdict is then `not-comparable` when the target instrument is of a kind that does
//!    not address the rule's matter (a bill of rights, a treaty, a declaration) and none of
//!    its norms does; and at instrument scope, where the target instrument declares
//!    provisions missing, an `absent` finding is `unknown` (the text that would decide is not
//!    held) and a `partial` one names the missing text beside what the held text lacks.
//!
//! ```
//! use lexgap::classify::{Comparison, GapKind, GapStatus};
//! use lexgap::classify::engine::{Matter, Reading, judge};
//! use lexgap::classify::{Clause, Element};
//! use lexgap::model::SafeguardKind;
//! use std::collections::BTreeSet;
//!
//! // Signage required by the baseline, looked for in the target: the transparency rule.
//! struct Signs;
//! impl Reading for Signs {
//!     fn provides(&self, c: &Clause<'_>) -> BTreeSet<Element> {
//!         c.safeguards().iter().filter(|s| s.kind == SafeguardKind::Transparency)
//!             .map(|s| Element::safeguard(s.kind)).collect()
//!     }
//!     fn subject(&self, c: &Clause<'_>) -> bool { c.is_conduct() }
//!     fn matter(&self) -> Matter { Matter::Safeguards(&[SafeguardKind::Transparency]) }
//! }
//! let corpus = lexgap::Corpus::bundled();
//! let cmp = Comparison::new(corpus).target(["cn/pipl/art-26"])?.baseline(["cn/pipl-draft-2020/art-27"])?;
//! let gap = judge(GapKind::NoTransparency.info(), &Signs, &cmp.context());
//! assert!(gap.is_none(), "PIPL art. 26 keeps the prominent signs");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Cite, Clause, Context, DerogationFinding, Element, Gap, GapStatus, RuleInfo, Severity,
};
use crate::model::{InstrumentKind, Reach, SafeguardKind, Scope};

/// What a rule reads in clauses; see the [module docs](self).
pub trait Reading {
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
    fn focus(
        &self,
        required: BTreeSet<Element>,
        _subjects: &[Clause<'_>],
        _cx: &Context<'_>,
    ) -> BTreeSet<Element> {
        required
    }
    /// Whether the target's derogations create regimes of their own for the subjects'
    /// processing (default: yes). The consent and sensitive-data rules say no: alternative
    /// legal grounds are judged by the rules on state use and open-ended exceptions.
    fn regimes(&self) -> bool {
        true
    }
    /// Whether the requirement `item` of the baseline applies to the subject `s` at all
    /// (default: yes, when they are related).
    fn applies(&self, _item: &Clause<'_>, _s: &Clause<'_>, _cx: &Context<'_>) -> bool {
        true
    }
    /// Whether a target clause may supply elements to the processing of the subjects:
    /// norms do; derogations do not (their conditions bind only what they derogate for).
    fn provider(&self, c: &Clause<'_>) -> bool {
        !c.is_derogation()
    }
    /// Whether a derogation that is a subject is judged on its own conditions alone, with
    /// nothing credited from the rules it derogates from (as the open-ended-exception rule
    /// does). Default: no, it is judged under its own regime.
    fn derogations_alone(&self) -> bool {
        false
    }
    /// Elements the target supplies by its nature rather than through a clause (a statute
    /// dedicated to biometric data protects biometric data). Default: none.
    fn given(&self, _cx: &Context<'_>) -> BTreeSet<Element> {
        BTreeSet::new()
    }
    /// The matter of the rule, to decide whether a target instrument addresses it.
    fn matter(&self) -> Matter {
        Matter::Rights
    }
}

/// The matter a rule is about, for `not-comparable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matter {
    /// Limits on state power over people's rights: every kind of instrument addresses it.
    Rights,
    /// A rule of a data-protection regime (an impact assessment, a retention limit): an
    /// instrument of a rights-level kind (constitution, charter, treaty, declaration)
    /// addresses it only if one of its norms or derogations carries one of these safeguards.
    Safeguards(&'static [SafeguardKind]),
    /// Special categories of data: addressed by a rights-level instrument only if one of its
    /// norms classifies data as sensitive.
    SensitiveData,
}

/// Whether an instrument of this kind states rights and their limits rather than a regime
/// for processing data: constitutions, charters, treaties and declarations.
pub fn is_rights_level(kind: InstrumentKind) -> bool {
    matches!(
        kind,
        InstrumentKind::Constitution
            | InstrumentKind::Charter
            | InstrumentKind::Treaty
            | InstrumentKind::Declaration
    )
}

/// Runs a reading over a context: one gap per rule, aggregating every baseline requirement;
/// see the [module docs](self).
pub fn judge(info: RuleInfo, reading: &dyn Reading, cx: &Context<'_>) -> Option<Gap> {
    let target: Vec<Clause<'_>> = cx.target_clauses().collect();
    let elsewhere: Vec<Clause<'_>> = cx.elsewhere_clauses().collect();
    let derogations: Vec<Clause<'_>> = target
        .iter()
        .chain(&elsewhere)
        .filter(|c| c.is_judged_derogation())
        .copied()
        .collect();
    // The baseline's own derogations: those selected, and those of the baseline's
    // instruments that reach a selected provision (a requirement of GDPR art. 35 holds only
    // within the GDPR's scope, which art. 2(2) limits). Referrals to another instrument count
    // here: the baseline does not govern what it refers elsewhere either.
    let baseline_ids: std::collections::BTreeSet<&crate::model::InstrumentId> =
        cx.baseline().iter().map(|p| p.id.instrument()).collect();
    let mut baseline_derogations: Vec<(Clause<'_>, Option<&crate::model::ProvisionId>)> = cx
        .baseline_clauses()
        .filter(|c| c.derogation().is_some_and(|d| !d.grounds.is_consent_only()))
        .map(|c| (c, None))
        .collect();
    for inst in baseline_ids
        .iter()
        .filter_map(|id| cx.corpus().get_instrument(id))
    {
        for p in inst
            .provisions
            .iter()
            .filter(|p| !cx.baseline().iter().any(|b| b.id == p.id))
        {
            for c in Clause::all_in(p).filter(|c| {
                c.derogation()
                    .is_some_and(|d| !d.grounds.is_consent_only() && d.effect.reach != Reach::Here)
            }) {
                baseline_derogations.push((c, Some(&p.id)));
            }
        }
    }
    let given = reading.given(cx);
    let baseline_all: Vec<Clause<'_>> = cx.baseline_clauses().collect();
    let mut acc = Acc::default();
    let mut has_requirement = false;

    for item in cx.baseline_clauses() {
        // A modifier of a derogation (an urgency procedure) is judged with the derogation it
        // modifies, never as a requirement of its own.
        if item.is_modifier() {
            continue;
        }
        let required = reading.required(&item);
        if required.is_empty() {
            continue;
        }
        has_requirement = true;
        let subjects: Vec<Clause<'_>> = target
            .iter()
            .filter(|c| {
                reading.subject(c)
                    && c.related(&item)
                    && (!c.is_derogation() || c.is_judged_derogation())
                    && !c.is_modifier()
                    && reading.applies(&item, c, cx)
            })
            .copied()
            .collect();
        if subjects.is_empty() {
            continue;
        }
        let required = reading.focus(required, &subjects, cx);
        if required.is_empty() {
            continue;
        }
        let mut item_open = false;
        for s in &subjects {
            if tolerated(reading, s, &baseline_all, &required)
                || displaced(s, &item, target.iter().chain(&elsewhere))
            {
                continue;
            }
            let regimes: Vec<Vec<Clause<'_>>> = if s.is_derogation() {
                std::iter::once(vec![*s])
                    .chain(
                        derogations
                            .iter()
                            .filter(|m| m.modifies(s))
                            .map(|m| vec![*s, *m]),
                    )
                    .collect()
            } else if !reading.regimes() {
                vec![Vec::new()]
            } else {
                // A prohibition allows nothing by itself: what happens happens under its
                // derogations, which are judged instead of the prohibition as it stands.
                let prohibits = s
                    .norm()
                    .is_some_and(|n| n.kind == crate::model::NormKind::Prohibition);
                std::iter::once(Vec::new())
                    .filter(|_| !prohibits)
                    .chain(
                        derogations
                            .iter()
                            .filter(|d| {
                                d.reaches(s.provision())
                                    && d.related(s)
                                    && d.serves_purposes_of(s)
                                    // Only a derogation that lifts the whole rule lifts a
                                    // prohibition; one that switches off some safeguards
                                    // leaves the ban standing.
                                    && (!prohibits
                                        || d.derogation().is_some_and(|dd| {
                                            dd.effect.safeguards.is_empty()
                                                && dd.effect.rights.is_empty()
                                        }))
                            })
                            .map(|d| vec![*d]),
                    )
                    .collect()
            };
            // Without a regime of its own (a prohibition), the subject's verdicts are all the
            // derogations', and each is cited.
            let unruled = !regimes.iter().any(Vec::is_empty);
            for regime in regimes {
                if regime
                    .iter()
                    .any(|d| excused(d, &item, &baseline_derogations, &required))
                {
                    continue;
                }
                let verdict = judge_regime(
                    reading, s, &regime, &item, &target, &elsewhere, &required, &given,
                );
                if let Some(v) = verdict {
                    item_open = true;
                    acc.add(s, &regime, v, unruled);
                }
            }
        }
        if item_open {
            let cite = acc.pins.cite(item.provision(), "scope", item.evidence());
            acc.baseline_quotes.insert(cite);
            acc.pins
                .cite_elements(&item, &required, &mut acc.baseline_quotes);
        }
    }

    if !has_requirement {
        return None;
    }
    let not_addressed = not_addressed(reading, cx);
    if !not_addressed.is_empty() && not_addressed.len() == cx.target_instruments().len() {
        let mut gap = acc.into_gap(info, GapStatus::NotComparable, cx);
        gap.not_addressed = not_addressed;
        return Some(gap);
    }
    let status = acc.status?;
    let decided_by_derogation = acc.absent_derogation_subject;
    let mut gap = acc.into_gap(info, status, cx);
    if gap.status.is_open() && cx.scope() == Scope::Instrument {
        gap.missing_text = cx
            .target_instruments()
            .iter()
            .filter_map(|id| cx.corpus().get_instrument(id))
            .filter(|i| !i.missing.is_empty())
            .map(|i| super::MissingText {
                instrument: i.id.clone(),
                ranges: i.missing.clone(),
            })
            .collect();
        // Nothing held: the text that would decide is missing. Something held but not all:
        // the finding stands on the text held, and names what is missing.
        // A derogation of the held text that is itself absent (an exemption of public bodies
        // with no condition) decides: no missing text can limit what it takes out.
        if !gap.missing_text.is_empty() && gap.status == GapStatus::Absent && !decided_by_derogation
        {
            gap.status = GapStatus::Unknown;
        }
    }
    Some(gap)
}

/// The target instruments of a rights-level kind that do not address the rule's matter.
fn not_addressed(reading: &dyn Reading, cx: &Context<'_>) -> Vec<crate::model::InstrumentId> {
    let matter = reading.matter();
    if matter == Matter::Rights {
        return Vec::new();
    }
    cx.target_instruments()
        .iter()
        .filter_map(|id| cx.corpus().get_instrument(id))
        .filter(|i| is_rights_level(i.kind))
        .filter(|i| {
            let mut clauses = i.provisions.iter().flat_map(Clause::all_in);
            !clauses.any(|c| match matter {
                Matter::Safeguards(kinds) => {
                    c.safeguards().iter().any(|s| kinds.contains(&s.kind))
                        || (kinds.contains(&SafeguardKind::Consent)
                            && c.purposes().iter().chain(c.grounds()).any(|p| {
                                matches!(
                                    p,
                                    crate::model::Purpose::Consent
                                        | crate::model::Purpose::SeparateConsent
                                )
                            }))
                }
                Matter::SensitiveData => c.data().contains(&crate::model::DataCategory::Sensitive),
                Matter::Rights => true,
            })
        })
        .map(|i| i.id.clone())
        .collect()
}

/// Whether the baseline tolerates the subject's processing without the requirement: it has a
/// clause of the same kind for exactly the same processing (the same actors, data, activities
/// and purposes, up to the hierarchies) that does not meet the requirement either. A law
/// compared with itself therefore shows no gaps, while a clause that is narrower or broader
/// than anything in the baseline is judged.
fn tolerated(
    reading: &dyn Reading,
    s: &Clause<'_>,
    baseline: &[Clause<'_>],
    required: &BTreeSet<Element>,
) -> bool {
    baseline.iter().any(|c| {
        reading.subject(c)
            && c.is_derogation() == s.is_derogation()
            && c.contains(s)
            && s.contains(c)
            && {
                let own = reading.provides(c);
                required.iter().any(|e| !e.satisfied_by(&own))
            }
    })
}

/// Whether a general rule of the target is displaced, for the data of the requirement, by a
/// special prohibition of the target: a rule for all personal data (GDPR art. 6(1)(e)) does
/// not govern special categories that another rule prohibits (art. 9(1)) except under that
/// prohibition's own derogations, which are judged instead. Only a subject broader than the
/// prohibition is displaced, so a permission for exactly the prohibited data (in effect a
/// derogation from it) is still judged.
fn displaced<'a>(
    s: &Clause<'_>,
    item: &Clause<'_>,
    clauses: impl Iterator<Item = &'a Clause<'a>>,
) -> bool {
    use crate::model::{Activity, NormKind};
    if s.is_derogation() || item.data().is_empty() {
        return false;
    }
    let within = |inner: &[crate::model::DataCategory], outer: &[crate::model::DataCategory]| {
        !inner.is_empty() && inner.iter().all(|d| outer.iter().any(|o| d.is_a(*o)))
    };
    clauses.into_iter().any(|p| {
        p.norm().is_some_and(|n| n.kind == NormKind::Prohibition)
            && !p.data().is_empty()
            && within(item.data(), p.data())
            && !within(s.data(), p.data())
            && (p.activities().is_empty()
                || p.activities().contains(&Activity::Process)
                || (!s.activities().is_empty()
                    && s.activities()
                        .iter()
                        .all(|a| p.activities().iter().any(|x| x.covers(*a)))))
            && (p.actors().is_empty()
                || (!s.actors().is_empty()
                    && s.actors()
                        .iter()
                        .all(|a| p.actors().iter().any(|x| x.covers(*a)))))
    })
}

/// Whether the baseline tolerates derogation `d` for this requirement: one of its own
/// derogations (selected, or reaching the requirement's provision from elsewhere in its
/// instrument) covers all of `d`'s processing, switches off every required protection that
/// `d` switches off, and asks no condition that `d` lacks.
fn excused(
    d: &Clause<'_>,
    item: &Clause<'_>,
    baseline: &[(Clause<'_>, Option<&crate::model::ProvisionId>)],
    required: &BTreeSet<Element>,
) -> bool {
    let Some(dd) = d.derogation() else {
        return false;
    };
    let lost: Vec<Option<SafeguardKind>> = required
        .iter()
        .map(|e| e.kind())
        .filter(|k| k.is_none_or(|k| dd.effect.switches_off_kind(k)))
        .collect();
    baseline.iter().any(|(b, elsewhere)| {
        let Some(bd) = b.derogation() else {
            return false;
        };
        if elsewhere.is_some()
            && !(bd.governed_by.is_some() && bd.effect.reach == Reach::Instrument)
            && !b.reaches(item.provision())
        {
            return false;
        }
        let own: BTreeSet<Element> = dd
            .safeguards
            .iter()
            .map(|s| Element::safeguard(s.kind))
            .collect();
        let conditions_met = bd
            .safeguards
            .iter()
            .all(|s| Element::safeguard(s.kind).satisfied_by(&own));
        b.contains(d)
            && conditions_met
            && lost.iter().all(|k| match k {
                Some(k) => bd.effect.switches_off_kind(*k),
                None => bd.effect.safeguards.is_empty() && bd.effect.rights.is_empty(),
            })
    })
}

/// What one subject has under one regime, if a required element is missing.
struct Verdict<'a> {
    status: GapStatus,
    missing: BTreeSet<Element>,
    present: BTreeSet<Element>,
    local: Vec<(Clause<'a>, BTreeSet<Element>)>,
    closers: Vec<(Clause<'a>, BTreeSet<Element>)>,
    switched_off: BTreeSet<Element>,
}

#[allow(clippy::too_many_arguments)]
/// One subject under one regime: the derogations of `regime` switch off what they reach, and
/// their own conditions count (a modifier's switches apply to the derogation it modifies).
fn judge_regime<'a>(
    reading: &dyn Reading,
    s: &Clause<'a>,
    regime: &[Clause<'a>],
    item: &Clause<'_>,
    target: &[Clause<'a>],
    elsewhere: &[Clause<'a>],
    required: &BTreeSet<Element>,
    given: &BTreeSet<Element>,
) -> Option<Verdict<'a>> {
    let mut switched_off = BTreeSet::new();
    // What a provider keeps under the regime: a derogation takes away what it switches off
    // in the provisions it reaches.
    let switches = |d: &Clause<'_>, c: &Clause<'_>, e: &Element| match e.kind() {
        Some(k) => d.switches_off(c.provision(), k),
        None => {
            d.reaches(c.provision())
                && d.derogation().is_some_and(|dd| {
                    dd.effect.safeguards.is_empty() && dd.effect.rights.is_empty()
                })
        }
    };
    let mut keep = |c: &Clause<'a>, provided: BTreeSet<Element>| -> BTreeSet<Element> {
        provided
            .into_iter()
            .filter(|e| {
                let off = regime.iter().any(|d| switches(d, c, e));
                if off {
                    switched_off.insert(*e);
                }
                !off
            })
            .collect()
    };
    let alone = s.is_derogation() && reading.derogations_alone();
    let mut local: Vec<(Clause<'a>, BTreeSet<Element>)> = Vec::new();
    let mut remote: Vec<(Clause<'a>, BTreeSet<Element>)> = Vec::new();
    if !alone {
        for c in target
            .iter()
            .filter(|c| reading.provider(c) && c.related(item))
        {
            let p = keep(c, reading.provides(c));
            if !p.is_empty() {
                local.push((*c, p));
            }
        }
        for c in elsewhere
            .iter()
            .filter(|c| reading.provider(c) && c.related(item) && c.related(s))
        {
            let p = keep(c, reading.provides(c));
            if !p.is_empty() {
                remote.push((*c, p));
            }
        }
    }
    let mut conditioned_on_other_law = false;
    for d in regime {
        let mut own = reading.provides(d);
        if d.has(SafeguardKind::SpecificSafeguardsInLaw) {
            own.insert(Element::safeguard(SafeguardKind::SpecificSafeguardsInLaw));
        }
        // A modifier's switches apply to the conditions of the derogation it modifies.
        let mut own: BTreeSet<Element> = own
            .into_iter()
            .filter(|e| {
                let off = regime.iter().any(|m| {
                    m.modifies(d)
                        && e.kind().is_some_and(|k| {
                            m.derogation()
                                .is_some_and(|md| md.effect.switches_off_kind(k))
                        })
                });
                if off {
                    switched_off.insert(*e);
                }
                !off
            })
            .collect();
        // Conditioned on other law: safeguards established in legislation, or grounds left
        // to other law. What that law provides is not before us, so a protection it may
        // replace is weakened (partial), not known to be absent.
        conditioned_on_other_law |= d.delegates_to_law()
            || own.contains(&Element::safeguard(SafeguardKind::SpecificSafeguardsInLaw));
        // A ground left to other law is a formal legal basis, whatever modifies the
        // derogation's conditions.
        let basis = Element::safeguard(SafeguardKind::PrescribedByLaw);
        if d.delegates_to_law() && required.contains(&basis) {
            own.insert(basis);
        }
        if !own.is_empty() {
            local.push((*d, own));
        }
    }
    let mut p_local: BTreeSet<Element> =
        local.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    p_local.extend(given.iter().copied());
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
    if missing_local.is_empty() {
        return None;
    }
    let missing: BTreeSet<Element> = required
        .iter()
        .copied()
        .filter(|e| !e.satisfied_by(&p_all))
        .collect();
    let status = if missing.is_empty() {
        GapStatus::ClosedElsewhere
    } else if p_all.is_empty() && !conditioned_on_other_law {
        GapStatus::Absent
    } else {
        GapStatus::Partial
    };
    let closers = remote
        .into_iter()
        .filter(|(_, p)| missing_local.iter().any(|e| e.satisfied_by(p)))
        .collect();
    Some(Verdict {
        status,
        missing,
        present: p_all,
        local,
        closers,
        switched_off,
    })
}

/// The findings of one rule, gathered over requirements, subjects and regimes.
#[derive(Default)]
struct Acc {
    status: Option<GapStatus>,
    /// The verdict whose missing and present elements the gap shows: the worst, and among
    /// equally bad ones those judged without a derogation (the target's rules as they stand).
    /// Each derogation's own elements are in its finding.
    shown: Option<(GapStatus, bool)>,
    missing: BTreeSet<Element>,
    present: BTreeSet<Element>,
    subjects: BTreeSet<crate::model::ProvisionId>,
    target_quotes: BTreeSet<Cite>,
    baseline_quotes: BTreeSet<Cite>,
    closed_by: BTreeSet<Cite>,
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
    absent_derogation_subject: bool,
    pins: Pinpoints,
}

/// Pinpoints already worked out, by provision and quote: a rule cites the same words under
/// many requirements and regimes, and finding a pinpoint searches the text.
#[derive(Default)]
struct Pinpoints(std::collections::HashMap<(usize, usize), Option<String>>);

impl Pinpoints {
    fn cite(
        &mut self,
        p: &crate::model::Provision,
        shows: impl Into<String>,
        ev: &crate::model::Evidence,
    ) -> Cite {
        let key = (
            std::ptr::from_ref(p) as usize,
            std::ptr::from_ref(ev) as usize,
        );
        let pinpoint = self.0.entry(key).or_insert_with(|| p.pinpoint(ev)).clone();
        Cite {
            provision: p.id.clone(),
            pinpoint,
            shows: shows.into(),
            evidence: ev.clone(),
        }
    }

    /// [`cite_elements`], with the pinpoints remembered.
    fn cite_elements(
        &mut self,
        c: &Clause<'_>,
        elements: &BTreeSet<Element>,
        out: &mut BTreeSet<Cite>,
    ) {
        for e in elements {
            match e {
                Element::Safeguard { kind } | Element::Detail { kind, .. } => {
                    for s in c.safeguards().iter().filter(|s| s.kind == *kind) {
                        out.insert(match &s.provision {
                            None => self.cite(c.provision(), kind.code(), &s.evidence),
                            Some(_) => {
                                let quoted = crate::model::Quoted {
                                    provision: s.provision.clone(),
                                    evidence: s.evidence.clone(),
                                };
                                Cite::quoted(c.provision(), kind.code(), &quoted)
                            }
                        });
                    }
                    if *kind == SafeguardKind::PrescribedByLaw && c.delegates_to_law() {
                        if let Some(q) = c.derogation().and_then(|d| d.grounds.evidence()) {
                            out.insert(Cite::quoted(c.provision(), "prescribed-by-law", q));
                        }
                    }
                }
                other => {
                    out.insert(self.cite(c.provision(), other.to_string(), c.evidence()));
                }
            }
        }
    }
}

impl Acc {
    fn add(&mut self, s: &Clause<'_>, regimes: &[Clause<'_>], v: Verdict<'_>, unruled: bool) {
        // The derogation the finding is about (the modifier, when the regime is a derogation
        // modified by another), and the one it modifies.
        let regime = regimes.last().copied();
        let modified = (regimes.len() > 1).then(|| regimes[0]);
        self.status = self.status.max(Some(v.status));
        if s.is_derogation() && v.status == GapStatus::Absent {
            self.absent_derogation_subject = true;
        }
        let key = (v.status, regime.is_none());
        if self.shown.is_none_or(|k| key > k) {
            self.shown = Some(key);
            self.missing.clear();
            self.present.clear();
        }
        if self.shown == Some(key) {
            self.missing.extend(v.missing.iter().copied());
            self.present.extend(v.present.iter().copied());
        }
        self.subjects.insert(s.provision().id.clone());
        let cite = self.pins.cite(s.provision(), "scope", s.evidence());
        self.target_quotes.insert(cite);
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
            finding.missing.extend(v.missing.iter().copied());
            finding.missing.sort();
            finding.missing.dedup();
            finding.switched_off.extend(v.switched_off.iter().copied());
            finding.switched_off.sort();
            finding.switched_off.dedup();
        }
    }

    fn into_gap(self, info: RuleInfo, status: GapStatus, cx: &Context<'_>) -> Gap {
        Gap {
            code: super::GapCode::custom(info.code),
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
            target_quotes: self.target_quotes.into_iter().collect(),
            baseline_quotes: self.baseline_quotes.into_iter().collect(),
            closed_by: self.closed_by.into_iter().collect(),
            derogations: self.derogations.into_values().collect(),
            missing_text: Vec::new(),
            not_addressed: Vec::new(),
            standard: None,
        }
    }
}

/// Cites the quotes of a clause's safeguards for the elements listed (and the clause's own
/// quote for elements that are not safeguards).
pub fn cite_elements(c: &Clause<'_>, elements: &BTreeSet<Element>, out: &mut BTreeSet<Cite>) {
    Pinpoints::default().cite_elements(c, elements, out);
}
