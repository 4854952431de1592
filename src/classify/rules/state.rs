//! Limits on the state: `no-government-use-limit` and `open-ended-exception`.

use std::collections::BTreeSet;

use crate::classify::engine::{Reading, cite_elements, judge};
use crate::classify::{
    Cite, Clause, Context, Element, Elements, Gap, GapKind, GapStatus, Rule, RuleInfo,
};
use crate::model::SafeguardKind;

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

fn safeguards_among(c: &Clause<'_>, kinds: &[SafeguardKind]) -> Elements {
    let mut out: Elements = c
        .safeguards()
        .iter()
        .filter(|s| kinds.contains(&s.kind))
        .map(|s| Element::safeguard(s.kind))
        .collect();
    // A ground left to other law is a formal legal basis, and nothing more.
    if c.delegates_to_law() && kinds.contains(&SafeguardKind::PrescribedByLaw) {
        out.insert(Element::safeguard(SafeguardKind::PrescribedByLaw));
    }
    out
}

/// `no-government-use-limit`: the baseline's limits on the state's own processing (GDPR art.
/// 9(2)(g), AI Act art. 5(2)-(3), ECHR art. 8(2)) against the target's state uses: its
/// permissions for state organs or state purposes, and its derogations (carve-outs,
/// exemptions, scope exclusions) that cover them.
#[derive(Debug)]
pub(crate) struct GovernmentUseRule;

impl Reading for GovernmentUseRule {
    fn provides(&self, c: &Clause<'_>) -> Elements {
        safeguards_among(c, GOVERNMENT_USE_LIMITS)
    }
    fn required(&self, c: &Clause<'_>) -> Elements {
        if c.is_state_use() {
            self.provides(c)
        } else {
            Elements::new()
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
        judge(self.info(), self, cx)
    }
}

/// `open-ended-exception`: each derogation of the target on broad grounds, judged on its own
/// conditions alone, against the baseline's conditions on its derogations (ECHR art. 8(2),
/// EU Charter art. 52(1), GDPR art. 23) or, with no baseline, against necessity and
/// proportionality.
#[derive(Debug)]
pub(crate) struct OpenEndedRule;

impl Reading for OpenEndedRule {
    fn provides(&self, c: &Clause<'_>) -> Elements {
        if c.has_broad_ground() {
            safeguards_among(c, DEROGATION_LIMITS)
        } else {
            Elements::new()
        }
    }
    fn subject(&self, c: &Clause<'_>) -> bool {
        c.has_broad_ground()
    }
    fn derogations_alone(&self) -> bool {
        true
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
            return judge(self.info(), self, cx);
        }
        // Absolute: each derogation on broad grounds with neither necessity nor
        // proportionality of its own.
        let standard = [
            Element::safeguard(SafeguardKind::Necessity),
            Element::safeguard(SafeguardKind::Proportionality),
        ];
        let open: Vec<Clause<'_>> = cx
            .target_clauses()
            .filter(|c| self.subject(c))
            .filter(|c| {
                let own = safeguards_among(c, DEROGATION_LIMITS);
                !standard.iter().any(|e| e.satisfied_by(&own))
            })
            .collect();
        if open.is_empty() {
            return None;
        }
        let mut target_quotes = BTreeSet::new();
        let mut present = Elements::new();
        for s in &open {
            target_quotes.insert(Cite::new(s.provision(), "scope", s.evidence()));
            let own = safeguards_among(s, DEROGATION_LIMITS);
            cite_elements(s, &own, &mut target_quotes);
            present.extend(own);
        }
        let mut gap = Gap::new(
            self.info(),
            GapStatus::Absent,
            target_quotes.into_iter().collect(),
            Vec::new(),
        );
        gap.missing = standard.to_vec();
        gap.present = present.into_iter().collect();
        gap.standard = Some(DEROGATION_STANDARD.to_owned());
        Some(gap)
    }
}
