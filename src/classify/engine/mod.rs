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
//! use lexgap::classify::{Clause, Element, Elements};
//! use lexgap::model::SafeguardKind;
//!
//! // Signage required by the baseline, looked for in the target: the transparency rule.
//! struct Signs;
//! impl Reading for Signs {
//!     fn provides(&self, c: &Clause<'_>) -> Elements {
//!         c.safeguards().iter().filter(|s| s.kind == SafeguardKind::Transparency)
//!             .map(|s| Element::safeguard(s.kind)).collect()
//!     }
//!     fn subject(&self, c: &Clause<'_>) -> bool { c.is_conduct() }
//!     fn matter(&self) -> Matter { Matter::Safeguards(&[SafeguardKind::Transparency]) }
//! }
//! let corpus = lexgap::Corpus::bundled();
//! let cmp = Comparison::new(&corpus.select(["cn/pipl/art-26"])?, &corpus.select(["cn/pipl-draft-2020/art-27"])?);
//! let gap = judge(GapKind::NoTransparency.info(), &Signs, &cmp.context());
//! assert!(gap.is_none(), "PIPL art. 26 keeps the prominent signs");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{Cite, Clause, Context, Element, Elements, Gap, GapStatus, RuleInfo};
use crate::model::{DerogationForm, InstrumentKind, Reach, SafeguardKind, Scope};

mod findings;
mod regime;

use findings::{Acc, Pinpoints};
pub(crate) use findings::{PinpointCache, addr};
use regime::judge_regime;

/// What a rule reads in clauses; see the [module docs](self).
pub trait Reading {
    /// Elements a clause gives; a baseline clause with some is a requirement, a target clause
    /// with some supplies them. Must include every element of `required(c)`.
    fn provides(&self, c: &Clause<'_>) -> Elements;
    /// Elements a baseline clause requires (default: what it provides).
    fn required(&self, c: &Clause<'_>) -> Elements {
        self.provides(c)
    }
    /// Whether a target clause is one the rule is about.
    fn subject(&self, c: &Clause<'_>) -> bool;
    /// Narrows a requirement to what the subjects touch (default: unchanged).
    fn focus(&self, required: Elements, _subjects: &[Clause<'_>], _cx: &Context<'_>) -> Elements {
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
    fn given(&self, _cx: &Context<'_>) -> Elements {
        Elements::new()
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
    let clauses = Clauses::gather(reading, cx);
    let mut acc = Acc::new(cx.pinpoints());
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
        judge_requirement(reading, &item, required, &clauses, cx, &mut acc);
    }
    if !has_requirement {
        return None;
    }
    conclude(info, reading, acc, cx)
}

/// What every requirement of a rule is judged against, gathered once: the target's clauses,
/// the instrument-wide clauses elsewhere in its instruments, the derogations among them, the
/// baseline's clauses and derogations, and what the target gives by its nature.
struct Clauses<'a> {
    target: Vec<Clause<'a>>,
    elsewhere: Vec<Clause<'a>>,
    /// What each of `target` and `elsewhere` provides when it is a provider (else nothing),
    /// read once: every subject under every regime looks at all of them.
    target_provides: Vec<Elements>,
    elsewhere_provides: Vec<Elements>,
    derogations: Vec<Clause<'a>>,
    baseline: Vec<Clause<'a>>,
    baseline_derogations: Vec<(Clause<'a>, Option<&'a crate::model::ProvisionId>)>,
    given: Elements,
}

impl<'a> Clauses<'a> {
    fn gather(reading: &dyn Reading, cx: &Context<'a>) -> Clauses<'a> {
        let target: Vec<Clause<'a>> = cx.target_clauses().collect();
        let elsewhere: Vec<Clause<'a>> = cx.elsewhere_clauses().collect();
        let derogations: Vec<Clause<'a>> = target
            .iter()
            .chain(&elsewhere)
            .filter(|c| c.is_judged_derogation())
            .copied()
            .collect();
        let baseline_derogations = baseline_derogations(cx);
        let given = reading.given(cx);
        let baseline: Vec<Clause<'a>> = cx.baseline_clauses().collect();
        let provides = |cs: &[Clause<'a>]| -> Vec<Elements> {
            cs.iter()
                .map(|c| {
                    if reading.provider(c) {
                        reading.provides(c)
                    } else {
                        Elements::new()
                    }
                })
                .collect()
        };
        Clauses {
            target_provides: provides(&target),
            elsewhere_provides: provides(&elsewhere),
            target,
            elsewhere,
            derogations,
            baseline,
            baseline_derogations,
            given,
        }
    }
}

/// The baseline's own derogations: those selected, and those of the baseline's instruments
/// that reach a selected provision (a requirement of GDPR art. 35 holds only within the
/// GDPR's scope, which art. 2(2) limits). Referrals to another instrument count here: the
/// baseline does not govern what it refers elsewhere either.
fn baseline_derogations<'a>(
    cx: &Context<'a>,
) -> Vec<(Clause<'a>, Option<&'a crate::model::ProvisionId>)> {
    let baseline_ids: std::collections::BTreeSet<&crate::model::InstrumentId> =
        cx.baseline().iter().map(|p| p.id.instrument()).collect();
    let mut baseline_derogations: Vec<(Clause<'a>, Option<&'a crate::model::ProvisionId>)> = cx
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
    baseline_derogations
}

/// Judges the target's subjects of one baseline requirement, each under every regime that
/// can govern its processing, and cites the requirement when one of them lacks it.
fn judge_requirement(
    reading: &dyn Reading,
    item: &Clause<'_>,
    required: Elements,
    clauses: &Clauses<'_>,
    cx: &Context<'_>,
    acc: &mut Acc,
) {
    let subjects = subjects(reading, item, &clauses.target, cx);
    if subjects.is_empty() {
        return;
    }
    let required = reading.focus(required, &subjects, cx);
    if required.is_empty() {
        return;
    }
    let mut item_open = false;
    for s in &subjects {
        item_open |= judge_subject(reading, s, item, &required, clauses, acc);
    }
    if item_open {
        acc.cite_requirement(item, &required);
    }
}

/// The target clauses the requirement `item` applies to: subjects of the rule related to it,
/// norms or judged derogations, never modifiers.
fn subjects<'a>(
    reading: &dyn Reading,
    item: &Clause<'_>,
    target: &[Clause<'a>],
    cx: &Context<'_>,
) -> Vec<Clause<'a>> {
    target
        .iter()
        .filter(|c| {
            reading.subject(c)
                && c.related(item)
                && (!c.is_derogation() || c.is_judged_derogation())
                && !c.is_modifier()
                && reading.applies(item, c, cx)
        })
        .copied()
        .collect()
}

/// Judges one subject of a requirement under each regime that can govern its processing,
/// unless the baseline tolerates it or a special prohibition displaces it; returns whether
/// it lacks the requirement under any regime.
fn judge_subject<'a>(
    reading: &dyn Reading,
    s: &Clause<'a>,
    item: &Clause<'_>,
    required: &Elements,
    clauses: &Clauses<'a>,
    acc: &mut Acc,
) -> bool {
    if tolerated(reading, s, &clauses.baseline, required)
        || displaced(s, item, clauses.target.iter().chain(&clauses.elsewhere))
    {
        return false;
    }
    let regimes = regimes(reading, s, &clauses.derogations);
    // Without a regime of its own (a prohibition), the subject's verdicts are all the
    // derogations', and each is cited.
    let unruled = !regimes.iter().any(Vec::is_empty);
    let mut open = false;
    for regime in regimes {
        // A derogation the baseline makes too, on its own conditions, is no gap when the
        // target's meets them; when it does not, the gap is those conditions (partial), not
        // the protection it switches off: GDPR art. 85(2) allows exemptions for journalism
        // "if they are necessary", so an exclusion of journalism without that test lacks
        // necessity, and the target's remedy is not absent.
        let excusals: Vec<(Clause<'_>, Elements)> = regime
            .iter()
            .filter_map(|d| excusal(d, item, &clauses.baseline_derogations, required))
            .collect();
        if excusals.iter().any(|(_, unmet)| unmet.is_empty()) {
            continue;
        }
        if let Some(mut v) = judge_regime(reading, s, &regime, item, clauses, required) {
            if let Some((b, unmet)) = excusals.into_iter().next() {
                if v.status == GapStatus::Absent && !v.switched_off.is_empty() {
                    v.status = GapStatus::Partial;
                    v.allowed_by = Some((b, unmet));
                }
            }
            open = true;
            acc.add(s, &regime, v, unruled);
        }
    }
    open
}

/// The regimes that can govern a subject's processing, each given by the derogations it is
/// judged under: a derogation on its own, and with each derogation that modifies it; any
/// other clause as it stands (unless it is a prohibition), and under each derogation that
/// reaches it and covers its processing; a single regime as it stands when the rule does not
/// judge regimes.
fn regimes<'a>(
    reading: &dyn Reading,
    s: &Clause<'a>,
    derogations: &[Clause<'a>],
) -> Vec<Vec<Clause<'a>>> {
    if s.is_derogation() {
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
    }
}

/// The gap the findings make: `not-comparable` when no target instrument addresses the
/// rule's matter; at instrument scope, an open finding names the target's missing text, and
/// an absent one is `unknown` unless a derogation decides it.
fn conclude(info: RuleInfo, reading: &dyn Reading, acc: Acc, cx: &Context<'_>) -> Option<Gap> {
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
    required: &Elements,
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

/// Whether the baseline makes derogation `d` too, for this requirement: one of its own
/// derogations (selected, or reaching the requirement's provision from elsewhere in its
/// instrument) covers all of `d`'s processing and switches off every required protection that
/// `d` switches off. `None`: none does; otherwise the conditions of the closest one (fewest
/// unmet) that `d` lacks, empty when `d` meets them all (then the baseline tolerates it).
fn excusal<'b>(
    d: &Clause<'_>,
    item: &Clause<'_>,
    baseline: &[(Clause<'b>, Option<&crate::model::ProvisionId>)],
    required: &Elements,
) -> Option<(Clause<'b>, Elements)> {
    let dd = d.derogation()?;
    let lost: Vec<Option<SafeguardKind>> = required
        .iter()
        .map(|e| e.kind())
        .filter(|k| k.is_none_or(|k| dd.effect.switches_off_kind(k)))
        .collect();
    let mut own: Elements = dd
        .safeguards
        .iter()
        .map(|s| Element::safeguard(s.kind))
        .collect();
    // An exception written into the law itself (a carve-out, an exemption, an exclusion) is
    // prescribed by that law; a power to make one later (a restriction, a disapplication) is
    // not, until its own law or order says so.
    if matches!(
        dd.form,
        DerogationForm::CarveOut | DerogationForm::Exemption | DerogationForm::Exclusion
    ) {
        own.insert(Element::safeguard(SafeguardKind::PrescribedByLaw));
    }
    baseline
        .iter()
        .filter_map(|(b, elsewhere)| {
            let bd = b.derogation()?;
            if elsewhere.is_some()
                && !(bd.governed_by.is_some() && bd.effect.reach == Reach::Instrument)
                && !b.reaches(item.provision())
            {
                return None;
            }
            let lifts_as_much = lost.iter().all(|k| match k {
                Some(k) => bd.effect.switches_off_kind(*k),
                None => bd.effect.safeguards.is_empty() && bd.effect.rights.is_empty(),
            });
            if !(b.contains(d) && lifts_as_much) {
                return None;
            }
            // The baseline derogation's conditions the target's does not meet.
            let unmet: Elements = bd
                .safeguards
                .iter()
                .map(|s| Element::safeguard(s.kind))
                .filter(|e| !e.satisfied_by(&own))
                .collect();
            // Only a derogation for processing of a named purpose (journalism, household
            // activity, law enforcement: its `covers` names the purposes) makes the target's
            // a matter of conditions; a limitation clause of a right (EU Charter art. 52(1),
            // ECHR art. 8(2), which cover any interference by a public authority) tolerates
            // only what meets its conditions, and licenses nothing else.
            let specific = !bd.covers.purposes.is_empty();
            (unmet.is_empty() || specific).then_some((*b, unmet))
        })
        .min_by_key(|(_, unmet)| unmet.len())
}

/// Cites the quotes of a clause's safeguards for the elements listed (and the clause's own
/// quote for elements that are not safeguards).
pub fn cite_elements(
    c: &Clause<'_>,
    elements: &Elements,
    out: &mut std::collections::BTreeSet<Cite>,
) {
    let mut cites = findings::CiteSet::default();
    Pinpoints::new(&PinpointCache::default()).cite_elements(c, elements, &mut cites);
    out.extend(cites.into_cites());
}
