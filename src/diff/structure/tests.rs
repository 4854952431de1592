//! Unit tests of the structural diff: safeguard and term-list changes.

use super::changes::safeguard_changes;
use super::terms::TermChange;
use crate::model::{Actor, Evidence, Lang, Safeguard, SafeguardElement, SafeguardKind};

fn sg(kind: SafeguardKind, elements: &[SafeguardElement]) -> Safeguard {
    Safeguard {
        kind,
        elements: elements.to_vec(),
        evidence: Evidence {
            lang: Lang::new("en").unwrap(),
            quote: kind.code().into(),
        },
        provision: None,
    }
}

#[test]
fn safeguards_weakened_and_downgraded() {
    use SafeguardElement::*;
    use SafeguardKind::*;
    let old = [
        sg(ImpactAssessment, &[Prior, DpoAdvice]),
        sg(StrictNecessity, &[]),
    ];
    let new = [sg(ImpactAssessment, &[Prior, Records]), sg(Necessity, &[])];
    let changes = safeguard_changes(&old, &new);
    let shown: Vec<String> = changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "strict-necessity downgraded to necessity",
            "impact-assessment weakened: lost dpo-advice",
            "impact-assessment strengthened: gained records",
        ]
    );
    assert!(changes[0].is_loss() && changes[1].is_loss() && !changes[2].is_loss());
}

#[test]
fn any_lists() {
    use Actor::*;
    assert_eq!(
        TermChange::between(&[], &[LawEnforcement])
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["now only law-enforcement (was any)"]
    );
    assert_eq!(
        TermChange::between(&[LawEnforcement], &[]),
        [TermChange::Unrestricted {
            from: vec![LawEnforcement]
        }]
    );
    assert_eq!(
        TermChange::between(&[PublicAuthority], &[Prosecutor, Court]),
        [TermChange::Narrowed {
            from: PublicAuthority,
            to: vec![Prosecutor, Court]
        }]
    );
    assert!(TermChange::between(&[Court, Court], &[Court]).is_empty());
}
