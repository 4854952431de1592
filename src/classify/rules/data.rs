//! Sensitive data and consent: `sensitive-data-unprotected` and `no-consent-requirement`.

use std::collections::BTreeSet;

use crate::classify::engine::{Matter, Reading, judge};
use crate::classify::{Clause, Context, Element, Elements, Gap, GapKind, Rule, RuleInfo};
use crate::model::{DataCategory, Purpose, SafeguardKind, Scope};

/// `sensitive-data-unprotected`: the categories the baseline classifies as sensitive,
/// against the target's classification.
///
/// At provision scope a category counts only where a selected provision concerns it. At
/// instrument scope, a target instrument that classifies no data as sensitive at all is
/// judged on every category its processing rules reach (a general data-protection law with
/// no special category lacks them all); a statute all of whose rules concern one category
/// (a biometric privacy act) protects that category by its nature.
#[derive(Debug)]
pub(crate) struct SensitiveRule;

/// Whether the target's instruments classify any data category as sensitive, anywhere.
fn target_classifies(cx: &Context<'_>) -> bool {
    cx.target_instruments()
        .iter()
        .filter_map(|id| cx.corpus().get_instrument(id))
        .flat_map(|i| &i.provisions)
        .flat_map(Clause::all_in)
        .chain(cx.target_clauses())
        .any(|c| !SensitiveRule.provides(&c).is_empty())
}

impl Reading for SensitiveRule {
    fn provides(&self, c: &Clause<'_>) -> Elements {
        if c.is_derogation() || !c.data().contains(&DataCategory::Sensitive) {
            return Elements::new();
        }
        c.data()
            .iter()
            .filter(|d| **d != DataCategory::Sensitive)
            .map(|d| Element::Sensitive { data: *d })
            .collect()
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        !c.is_derogation() && !c.is_definition()
    }
    fn focus(&self, required: Elements, subjects: &[Clause<'_>], cx: &Context<'_>) -> Elements {
        let broad = cx.scope() == Scope::Instrument && !target_classifies(cx);
        required
            .into_iter()
            .filter(|e| match e {
                Element::Sensitive { data } => subjects.iter().any(|s| {
                    (broad && s.data().is_empty())
                        || s.data().iter().any(|x| {
                            *x != DataCategory::Sensitive
                                && (x.is_a(*data) || (broad && data.is_a(*x)))
                        })
                }),
                _ => false,
            })
            .collect()
    }
    fn regimes(&self) -> bool {
        false
    }
    fn given(&self, cx: &Context<'_>) -> Elements {
        let mut out = Elements::new();
        for inst in cx
            .target_instruments()
            .iter()
            .filter_map(|id| cx.corpus().get_instrument(id))
        {
            let conduct: Vec<Clause<'_>> = inst
                .provisions
                .iter()
                .flat_map(Clause::all_in)
                .filter(|c| c.norm().is_some() && c.is_conduct())
                .collect();
            let Some(first) = conduct.first() else {
                continue;
            };
            let mut candidates: BTreeSet<DataCategory> = BTreeSet::new();
            for d in first.data() {
                let mut cur = Some(*d);
                while let Some(c) = cur {
                    if !matches!(c, DataCategory::PersonalData | DataCategory::Sensitive) {
                        candidates.insert(c);
                    }
                    cur = c.parent();
                }
            }
            // Dedicated: every rule concerns the category, and at least one binds (an
            // obligation or a prohibition), so the statute is a regime of protection for it
            // rather than a licence to use it.
            let binds = conduct.iter().any(|c| {
                c.norm().is_some_and(|n| {
                    matches!(
                        n.kind,
                        crate::model::NormKind::Obligation | crate::model::NormKind::Prohibition
                    )
                })
            });
            for x in candidates.into_iter().filter(|_| binds) {
                let dedicated = conduct
                    .iter()
                    .all(|c| !c.data().is_empty() && c.data().iter().all(|d| d.is_a(x)));
                if dedicated {
                    out.insert(Element::Sensitive { data: x });
                }
            }
        }
        out
    }
    fn matter(&self) -> Matter {
        Matter::SensitiveData
    }
}

impl Rule for SensitiveRule {
    fn info(&self) -> RuleInfo {
        GapKind::SensitiveDataUnprotected.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        judge(self.info(), self, cx)
    }
}

/// Whether the clause concerns data that are or may be sensitive: sensitive categories, any
/// personal data, or any data at all.
fn may_be_sensitive(c: &Clause<'_>) -> bool {
    c.data().is_empty() || c.data().iter().any(|d| d.overlaps(DataCategory::Sensitive))
}

/// Whether the clause is a consent carve-out that lifts a whole rule: its grounds are consent
/// only, and it switches off no single safeguard or right.
fn consent_lift(d: &Clause<'_>) -> bool {
    d.derogation().is_some_and(|dd| {
        dd.grounds.is_consent_only()
            && dd.effect.safeguards.is_empty()
            && dd.effect.rights.is_empty()
    })
}

/// `no-consent-requirement`: the baseline's consent (or explicit consent) for sensitive data
/// against the target's. A general consent rule for all personal data counts for sensitive
/// data too. A consent carve-out that lifts a whole rule ("processing … shall be prohibited"
/// … "shall not apply if the data subject has given explicit consent") makes consent the
/// condition of the processing and supplies it; one that lifts only a safeguard (a purpose
/// limitation "…unless the person consents separately") is consent to a further use and does
/// not. At provision scope only rules on sensitive data are judged; at instrument scope, an
/// instrument that classifies no data as sensitive is judged on its general consent rules.
#[derive(Debug)]
pub(crate) struct ConsentRule;

impl Reading for ConsentRule {
    fn provides(&self, c: &Clause<'_>) -> Elements {
        if !may_be_sensitive(c) {
            return Elements::new();
        }
        let mut out: Elements = c
            .purposes()
            .iter()
            .chain(c.grounds())
            .filter(|p| matches!(p, Purpose::Consent | Purpose::SeparateConsent))
            .map(|p| Element::Ground { ground: *p })
            .collect();
        if c.has(SafeguardKind::Consent) {
            out.insert(Element::Ground {
                ground: Purpose::Consent,
            });
        }
        // A prohibition gives what its own consent carve-outs give (see `subject`).
        if c.norm()
            .is_some_and(|n| n.kind == crate::model::NormKind::Prohibition)
        {
            for d in Clause::all_in(c.provision()).filter(|d| consent_lift(d)) {
                out.extend(self.provides(&d));
            }
        }
        out
    }
    fn required(&self, c: &Clause<'_>) -> Elements {
        if c.data().iter().any(|d| d.is_a(DataCategory::Sensitive)) {
            self.provides(c)
        } else {
            Elements::new()
        }
    }
    /// Rules that let or make someone process the data. A prohibition allows nothing by
    /// itself; one that its own provision lifts on consent ("shall not process … unless the
    /// data subject has given … consent") allows processing on that consent, and is judged
    /// on what its consent carve-outs give (a consent condition of another carve-out, such as
    /// a non-profit body's disclosure "without the explicit consent", is not a consent ground:
    /// safeguards do not pool across derogations). A prohibition with no consent carve-out
    /// allows nothing on consent, weak or strong: no consent gap.
    fn subject(&self, c: &Clause<'_>) -> bool {
        let Some(n) = c.norm() else {
            return false;
        };
        let lifted_on_consent = || Clause::all_in(c.provision()).any(|d| consent_lift(&d));
        c.is_conduct()
            && (n.kind != crate::model::NormKind::Prohibition || lifted_on_consent())
            && may_be_sensitive(c)
    }
    /// Consent, "or another listed ground": a target rule for processing on a ground of its
    /// own that the baseline lists beside consent (a state purpose against GDPR art.
    /// 9(2)(g), employment against 9(2)(b)) is not a consent gap; the rules on state use and
    /// open-ended exceptions judge that ground.
    fn applies(&self, item: &Clause<'_>, s: &Clause<'_>, _cx: &Context<'_>) -> bool {
        let not_consent = |p: &&Purpose| !matches!(p, Purpose::Consent | Purpose::SeparateConsent);
        let listed = |p: &Purpose| {
            Clause::all_in(item.provision())
                .filter(|c| c.is_derogation())
                .flat_map(|c| c.grounds())
                .filter(not_consent)
                .any(|g| g.related(*p) || (g.is_state_purpose() && p.is_state_purpose()))
        };
        let mut own = s.purposes().iter().filter(not_consent).peekable();
        own.peek().is_none() || !own.all(listed)
    }
    fn focus(&self, required: Elements, subjects: &[Clause<'_>], cx: &Context<'_>) -> Elements {
        let strict = subjects
            .iter()
            .any(|s| s.data().iter().any(|d| d.is_a(DataCategory::Sensitive)));
        if strict || (cx.scope() == Scope::Instrument && !target_classifies(cx)) {
            required
        } else {
            Elements::new()
        }
    }
    fn provider(&self, c: &Clause<'_>) -> bool {
        !c.is_derogation() || consent_lift(c)
    }
    fn regimes(&self) -> bool {
        false
    }
    fn matter(&self) -> Matter {
        Matter::Safeguards(&[SafeguardKind::Consent])
    }
}

impl Rule for ConsentRule {
    fn info(&self) -> RuleInfo {
        GapKind::NoConsentRequirement.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        judge(self.info(), self, cx)
    }
}
