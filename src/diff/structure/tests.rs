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

/// A provision with one obligation on personal data and one impact assessment.
fn assessed(id: &str, elements: &[SafeguardElement]) -> crate::model::Provision {
    use crate::model::{DataCategory, Norm, NormKind, Provision, Scope};
    let en = Lang::new("en").unwrap();
    let mut p = Provision::new(id.parse().unwrap(), en.clone(), "text");
    p.norms.push(Norm {
        kind: NormKind::Obligation,
        actors: vec![Actor::AnyHandler],
        data: vec![DataCategory::PersonalData],
        activities: Vec::new(),
        purposes: Vec::new(),
        safeguards: vec![sg(SafeguardKind::ImpactAssessment, elements)],
        scope: Scope::default(),
        evidence: Evidence {
            lang: en,
            quote: "assess".into(),
        },
    });
    p
}

#[test]
fn a_merge_moves_elements_in_and_a_split_out() {
    use super::StructuralDiff;
    use SafeguardElement::*;
    let a = assessed("zz/old/art-1", &[Prior]);
    let b = assessed("zz/old/art-2", &[ContentSpecified]);
    let merged = assessed("zz/new/art-1", &[Prior, ContentSpecified, DpoAdvice]);
    let shown = |d: &StructuralDiff<'_>| -> Vec<String> {
        d.iter_changes().map(ToString::to_string).collect()
    };
    // Art. 2's element came with the merge; only the DPO's advice is new.
    let merge = StructuralDiff::of_groups(&[&a, &b], &[&merged]);
    assert_eq!(
        shown(&merge),
        [
            "safeguards: impact-assessment elements moved from art-2 to art-1: content-specified",
            "safeguards: impact-assessment strengthened: gained dpo-advice",
        ]
    );
    // The other way round, a split: what art. 2 holds is not lost.
    let split = StructuralDiff::of_groups(&[&merged], &[&a, &b]);
    assert_eq!(
        shown(&split),
        [
            "safeguards: impact-assessment elements moved from art-1 to art-2: content-specified",
            "safeguards: impact-assessment weakened: lost dpo-advice",
        ]
    );
    // One to one, nothing moves.
    assert_eq!(
        shown(&StructuralDiff::new(&merged, &a)),
        ["safeguards: impact-assessment weakened: lost content-specified, dpo-advice"]
    );
}
