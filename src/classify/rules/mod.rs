//! The built-in rules, one file per family: safeguards of a data-protection regime
//! ([`safeguard`]), limits on the state ([`state`]), sensitive data and consent ([`data`]),
//! binding force ([`binding`]).

mod binding;
mod data;
mod safeguard;
mod state;

use std::fmt;

use super::{Element, GapKind, Rule};
use crate::model::SafeguardKind;

pub use safeguard::SafeguardRule;

/// The built-in rule for a kind.
pub(crate) fn builtin(kind: GapKind) -> Box<dyn Rule> {
    use GapKind::*;
    let regime = |k: SafeguardKind| -> Box<dyn Rule> {
        Box::new(SafeguardRule::new(kind.info(), k).regime(true))
    };
    let rights =
        |k: SafeguardKind| -> Box<dyn Rule> { Box::new(SafeguardRule::new(kind.info(), k)) };
    match kind {
        NoGovernmentUseLimit => Box::new(state::GovernmentUseRule),
        // The safeguard rules read the kind GapKind::safeguard names (one table for both).
        NoImpactAssessment => regime(SafeguardKind::ImpactAssessment),
        SensitiveDataUnprotected => Box::new(data::SensitiveRule),
        OpenEndedException => Box::new(state::OpenEndedRule),
        NoPriorAuthorisation => Box::new(
            SafeguardRule::new(kind.info(), SafeguardKind::PriorAuthorisation).state_only(true),
        ),
        NoIndependentOversight => rights(SafeguardKind::IndependentOversight),
        NoPurposeLimitation => regime(SafeguardKind::PurposeLimitation),
        NoRetentionLimit => regime(SafeguardKind::RetentionLimit),
        NoTransparency => regime(SafeguardKind::Transparency),
        NoConsentRequirement => Box::new(data::ConsentRule),
        NoPublicBodyAccountability => regime(SafeguardKind::Accountability),
        NoEffectiveRemedy => rights(SafeguardKind::EffectiveRemedy),
        NonBinding => Box::new(binding::NonBindingRule),
        #[allow(unreachable_patterns)]
        _ => unreachable!("every built-in kind has a rule"),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn list<T: fmt::Display>(items: &[T]) -> String {
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
