//! Property tests that guard the gap classifier, on generated instruments whose norms use
//! arbitrary vocabulary terms and whose quotes are words of the generated texts.

use lexgap::Corpus;
use lexgap::classify::{Comparison, GapCode, GapKind, GapReport, GapStatus};
use lexgap::model::{
    Activity, Actor, Covers, DataCategory, Delegate, Derogation, DerogationForm, Effect, Evidence,
    Grounds, Instrument, InstrumentKind, Lang, Norm, NormKind, Provision, Purpose, Quoted, Reach,
    Safeguard, SafeguardElement, SafeguardKind, Scope, Target,
};
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::{BTreeMap, BTreeSet};

/// Quotes are placeholders `@N`, replaced by words `wN` that the provision's text contains.
fn ev(n: usize) -> Evidence {
    Evidence {
        lang: Lang::new("en").unwrap(),
        quote: format!("w{n}"),
    }
}

fn terms<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(select(all), 0..=max).prop_map(|mut v: Vec<T>| {
        v.dedup_by(|a, b| format!("{a:?}") == format!("{b:?}"));
        v
    })
}

fn arb_safeguard() -> impl Strategy<Value = Safeguard> {
    (select(SafeguardKind::ALL), terms(SafeguardElement::ALL, 2)).prop_map(|(kind, elements)| {
        Safeguard {
            kind,
            elements,
            evidence: ev(0),
            provision: None,
        }
    })
}

fn arb_grounds() -> impl Strategy<Value = Grounds> {
    prop_oneof![
        terms(Purpose::ALL, 2).prop_map(|purposes| Grounds::Stated {
            purposes,
            evidence: Quoted::here(ev(0)),
        }),
        Just(Grounds::None),
        select(Delegate::ALL).prop_map(|to| Grounds::Delegated {
            to,
            evidence: Quoted::here(ev(0)),
        }),
    ]
}

fn arb_reach() -> impl Strategy<Value = Reach> {
    prop_oneof![
        Just(Reach::Here),
        Just(Reach::Instrument),
        (1usize..4).prop_map(|n| Reach::Listed {
            provisions: vec![format!("eu/target/art-{n}").parse().unwrap()],
            chapters: Vec::new(),
        }),
    ]
}

fn arb_derogation() -> impl Strategy<Value = Derogation> {
    (
        select(DerogationForm::ALL),
        arb_reach(),
        terms(SafeguardKind::ALL, 2),
        (
            terms(Actor::ALL, 1),
            terms(DataCategory::ALL, 1),
            terms(Purpose::ALL, 1),
        ),
        arb_grounds(),
        prop::collection::vec(arb_safeguard(), 0..3),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(form, reach, kinds, (actors, data, purposes), grounds, safeguards, modifier)| {
                Derogation {
                    form,
                    effect: Effect {
                        evidence: (reach != Reach::Here).then(|| Quoted::here(ev(0))),
                        of: if modifier {
                            Target::Derogations
                        } else {
                            Target::Rules
                        },
                        reach,
                        safeguards: kinds,
                        rights: Vec::new(),
                    },
                    covers: Covers {
                        actors,
                        data,
                        activities: Vec::new(),
                        purposes,
                        evidence: Vec::new(),
                    },
                    grounds,
                    safeguards,
                    governed_by: None,
                    evidence: ev(0),
                }
            },
        )
}

fn arb_norm() -> impl Strategy<Value = Norm> {
    (
        select(NormKind::ALL),
        terms(Actor::ALL, 2),
        terms(DataCategory::ALL, 2),
        terms(Activity::ALL, 2),
        terms(Purpose::ALL, 2),
        prop::collection::vec(arb_safeguard(), 0..4),
        select(Scope::ALL),
    )
        .prop_map(
            |(kind, actors, data, activities, purposes, safeguards, scope)| Norm {
                kind,
                actors,
                data,
                activities,
                purposes,
                safeguards,
                scope,
                evidence: ev(0),
            },
        )
}

/// Gives every quote of a provision a distinct word and writes the text from those words, so
/// that every quote is in the text.
fn finish_provision(
    id: &str,
    inst: &str,
    (mut norms, mut derogations): (Vec<Norm>, Vec<Derogation>),
) -> Provision {
    let mut n = 0;
    let mut next = || {
        n += 1;
        ev(n)
    };
    for norm in &mut norms {
        norm.evidence = next();
        for s in &mut norm.safeguards {
            s.evidence = next();
        }
    }
    for d in &mut derogations {
        d.evidence = next();
        if let Some(q) = &mut d.effect.evidence {
            q.evidence = next();
        }
        match &mut d.grounds {
            Grounds::Stated { evidence, .. } | Grounds::Delegated { evidence, .. } => {
                evidence.evidence = next()
            }
            _ => {}
        }
        for s in &mut d.safeguards {
            s.evidence = next();
        }
    }
    let words: Vec<String> = (0..=n).map(|i| format!("w{i}")).collect();
    let id = format!("{inst}/{id}").parse().unwrap();
    let mut p = Provision::new(id, Lang::new("en").unwrap(), words.join(" "));
    p.norms = norms;
    p.derogations = derogations;
    p
}

fn arb_instrument(id: &'static str) -> impl Strategy<Value = Instrument> {
    (
        prop::collection::vec(
            (
                prop::collection::vec(arb_norm(), 0..3),
                prop::collection::vec(arb_derogation(), 0..2),
            ),
            1..5,
        ),
        any::<bool>(),
        select(InstrumentKind::ALL),
    )
        .prop_map(move |(provisions, binding, kind)| {
            let mut inst = Instrument::new(id.parse().unwrap(), id);
            inst.kind = kind;
            inst.binding = binding;
            inst.languages = crate::support::generated_english();
            inst.provisions = provisions
                .into_iter()
                .enumerate()
                .map(|(i, parts)| finish_provision(&format!("art-{}", i + 1), id, parts))
                .collect();
            name_existing(&mut inst);
            inst
        })
}

fn ids(inst: &Instrument, take: usize) -> Vec<String> {
    inst.provisions
        .iter()
        .take(take.max(1))
        .map(|p| p.id.to_string())
        .collect()
}

/// A corpus of generated instruments; the generators write quotes from the texts, so the
/// loader's checks pass.
fn built(instruments: Vec<Instrument>) -> Corpus {
    Corpus::from_instruments(instruments).unwrap_or_else(|e| panic!("{e}"))
}

fn compare(corpus: &Corpus, target: &[String], baseline: &[String], scope: Scope) -> GapReport {
    Comparison::new(
        &corpus.select(target).unwrap(),
        &corpus.select(baseline).unwrap(),
    )
    .scope(scope)
    .run()
}

fn statuses(r: &GapReport) -> BTreeMap<GapCode, GapStatus> {
    r.gaps.iter().map(|g| (g.code.clone(), g.status)).collect()
}

/// A safeguard's place: in a norm or in a derogation of a provision.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Norm(usize, usize, usize),
    Derogation(usize, usize, usize),
}

/// Every safeguard slot of an instrument.
fn safeguard_slots(inst: &Instrument) -> Vec<Slot> {
    let mut out = Vec::new();
    for (p, prov) in inst.provisions.iter().enumerate() {
        for (n, norm) in prov.norms.iter().enumerate() {
            out.extend((0..norm.safeguards.len()).map(|s| Slot::Norm(p, n, s)));
        }
        for (d, der) in prov.derogations.iter().enumerate() {
            out.extend((0..der.safeguards.len()).map(|s| Slot::Derogation(p, d, s)));
        }
    }
    out
}

fn remove_safeguard(inst: &mut Instrument, slot: Slot) {
    match slot {
        Slot::Norm(p, n, s) => {
            inst.provisions[p].norms[n].safeguards.remove(s);
        }
        Slot::Derogation(p, d, s) => {
            inst.provisions[p].derogations[d].safeguards.remove(s);
        }
    }
}

/// Whether a change of verdict from `was` to `now` is an improvement or no change. A target
/// that was `not-comparable` and now addresses the matter is judged afresh, so that change
/// is not a worsening.
fn not_worse(was: GapStatus, now: GapStatus) -> bool {
    was == GapStatus::NotComparable || now <= was
}

/// `t` with `extra` added to one of its provisions, every quote of it the word `w0`, which is
/// in every generated text and quoted by nothing else.
/// Makes each derogation name provisions of its own instrument that exist, as a file must
/// for the loader's checks.
fn name_existing(inst: &mut Instrument) {
    let (id, len) = (inst.id.to_string(), inst.provisions.len() as u32);
    for d in inst.provisions.iter_mut().flat_map(|p| &mut p.derogations) {
        if let Reach::Listed { provisions, .. } = &mut d.effect.reach {
            for t in provisions.iter_mut() {
                let n = t.article_number().unwrap_or(1).min(len);
                *t = format!("{id}/art-{n}").parse().unwrap();
            }
        }
    }
}

fn with_derogation(t: &Instrument, mut extra: Derogation, at: prop::sample::Index) -> Instrument {
    let mut t2 = t.clone();
    let p = at.index(t2.provisions.len());
    extra.evidence = ev(0);
    extra.effect.evidence = extra.effect.evidence.map(|_| Quoted::here(ev(0)));
    extra.safeguards.iter_mut().for_each(|s| s.evidence = ev(0));
    if let Grounds::Stated { evidence, .. } | Grounds::Delegated { evidence, .. } =
        &mut extra.grounds
    {
        *evidence = Quoted::here(ev(0));
    }
    t2.provisions[p].derogations.push(extra);
    name_existing(&mut t2);
    t2
}

/// A tiny deterministic shuffle (the order must not matter, so any permutation will do).
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn prop_identity_yields_no_gaps(t in arb_instrument("eu/target"), take in 1usize..5, inst_scope in any::<bool>()) {
        // At provision scope, any selection against itself; at instrument scope, the whole
        // instrument against itself (a selection at instrument scope also answers to the
        // derogations elsewhere in its instrument, which the same selection as a baseline
        // does not have).
        let corpus = built(vec![t.clone()]);
        let (sel, scope) = if inst_scope {
            (ids(&t, 9), Scope::Instrument)
        } else {
            (ids(&t, take), Scope::Provision)
        };
        let r = compare(&corpus, &sel, &sel, scope);
        prop_assert!(r.gaps.is_empty(), "{:#?}", r.gaps);
    }

    #[test]
    fn prop_adding_a_target_safeguard_never_adds_or_worsens(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"),
        extra in arb_safeguard(), at in any::<prop::sample::Index>(), exc in any::<bool>(),
    ) {
        let slots: Vec<(usize, usize)> = t.provisions.iter().enumerate()
            .flat_map(|(p, prov)| (0..prov.norms.len()).map(move |n| (p, n))).collect();
        prop_assume!(!slots.is_empty());
        let (p, n) = slots[at.index(slots.len())];
        let mut t2 = t.clone();
        let prov = &mut t2.provisions[p];
        let mut extra = extra;
        // Quote the norm's own words: they are in the text.
        extra.evidence = prov.norms[n].evidence.clone();
        if exc && !prov.derogations.is_empty() {
            prov.derogations[0].safeguards.push(extra);
        } else {
            prov.norms[n].safeguards.push(extra);
        }
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&built(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
            for (code, status) in &after {
                let was = before.get(code);
                prop_assert!(was.is_some(), "adding a safeguard added `{}`", code);
                prop_assert!(not_worse(*was.unwrap(), *status), "`{}` went from {:?} to {:?}", code, was, status);
            }
        }
    }

    #[test]
    fn prop_removing_a_target_safeguard_never_removes_a_gap(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), at in any::<prop::sample::Index>(),
    ) {
        let slots = safeguard_slots(&t);
        prop_assume!(!slots.is_empty());
        let mut t2 = t.clone();
        remove_safeguard(&mut t2, slots[at.index(slots.len())]);
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&built(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
            for code in before.keys() {
                prop_assert!(after.contains_key(code), "removing a safeguard removed `{}`", code);
            }
        }
    }

    #[test]
    fn prop_removing_a_baseline_safeguard_never_adds_a_gap(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), at in any::<prop::sample::Index>(),
    ) {
        let slots = safeguard_slots(&b);
        prop_assume!(!slots.is_empty());
        let mut b2 = b.clone();
        remove_safeguard(&mut b2, slots[at.index(slots.len())]);
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&built(vec![t.clone(), b2.clone()]), &ti, &bi, scope));
            for code in after.keys() {
                prop_assert!(before.contains_key(code), "removing a baseline safeguard added `{}`", code);
            }
        }
    }

    #[test]
    fn prop_instrument_scope_never_reports_more_absent_gaps(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), take in 1usize..4,
    ) {
        let corpus = built(vec![t.clone(), b.clone()]);
        let (ti, bi) = (ids(&t, take), ids(&b, 9));
        // Instrument-wide norms can only close gaps; a derogation elsewhere in the instrument
        // can open one, and is then cited.
        // An instrument that classifies no data as sensitive is judged, at instrument scope,
        // on its general rules for the sensitive-data and consent rules.
        let classifies = t.provisions.iter().flat_map(|p| &p.norms)
            .any(|n| n.data.contains(&DataCategory::Sensitive) && n.data.len() > 1);
        let whole_instrument_rule = |c: &GapCode| {
            !classifies && [GapKind::SensitiveDataUnprotected, GapKind::NoConsentRequirement].iter().any(|k| c == k)
        };
        let p = compare(&corpus, &ti, &bi, Scope::Provision);
        let i = compare(&corpus, &ti, &bi, Scope::Instrument);
        for g in i.gaps.iter().filter(|g| g.status == GapStatus::Absent) {
            let was_absent = p.gap(g.code.clone()).is_some_and(|x| x.status == GapStatus::Absent);
            prop_assert!(
                was_absent || !g.derogations.is_empty() || whole_instrument_rule(&g.code),
                "`{}` absent at instrument scope only, with no derogation cited", g.code
            );
        }
    }

    #[test]
    fn prop_order_of_provisions_norms_and_safeguards_does_not_matter(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), seed in any::<u64>(),
    ) {
        let mut t2 = t.clone();
        let mut b2 = b.clone();
        for (k, inst) in [&mut t2, &mut b2].into_iter().enumerate() {
            shuffle(&mut inst.provisions, seed ^ k as u64);
            for p in &mut inst.provisions {
                shuffle(&mut p.norms, seed.rotate_left(7));
                for n in &mut p.norms {
                    shuffle(&mut n.safeguards, seed.rotate_left(13));
                }
                shuffle(&mut p.derogations, seed.rotate_left(17));
                for d in &mut p.derogations {
                    shuffle(&mut d.safeguards, seed.rotate_left(19));
                }
            }
        }
        let mut ti = ids(&t, 9);
        let bi = ids(&b, 9);
        for scope in [Scope::Provision, Scope::Instrument] {
            let r1 = compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope);
            shuffle(&mut ti, seed);
            let r2 = compare(&built(vec![t2.clone(), b2.clone()]), &ti, &bi, scope);
            prop_assert_eq!(r1, r2);
        }
    }

    #[test]
    fn prop_evidence_cites_existing_provisions_and_real_quotes(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), take in 1usize..4, inst_scope in any::<bool>(),
    ) {
        let corpus = built(vec![t.clone(), b.clone()]);
        let scope = if inst_scope { Scope::Instrument } else { Scope::Provision };
        let r = compare(&corpus, &ids(&t, take), &ids(&b, 9), scope);
        for g in &r.gaps {
            for id in &g.target {
                prop_assert!(corpus.get_id(id).is_some(), "{} cites missing {}", g.code, id);
            }
            let derogation_quotes = g.derogations.iter().flat_map(|d| &d.quotes);
            for c in g.target_quotes.iter().chain(&g.baseline_quotes).chain(&g.closed_by).chain(derogation_quotes) {
                let p = corpus.get_id(&c.provision);
                prop_assert!(p.is_some(), "{} cites missing {}", g.code, c.provision);
                let text = &p.unwrap().text[&c.evidence.lang];
                prop_assert!(text.contains(&c.evidence.quote), "`{}` not in {}", c.evidence.quote, c.provision);
            }
            let ids: BTreeSet<_> = g.closed_by.iter().map(|c| c.provision.instrument().clone()).collect();
            prop_assert!(ids.iter().all(|i| g.target_instruments.contains(i)), "closed elsewhere outside the target instrument");
        }
    }

    #[test]
    fn prop_gap_report_round_trips_through_json(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), inst_scope in any::<bool>(),
    ) {
        let corpus = built(vec![t.clone(), b.clone()]);
        let scope = if inst_scope { Scope::Instrument } else { Scope::Provision };
        let r = compare(&corpus, &ids(&t, 2), &ids(&b, 9), scope);
        let json = serde_json::to_string(&r).unwrap();
        let back: GapReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(r, back);
    }

    #[test]
    fn prop_adding_a_derogation_to_the_target_never_removes_a_gap(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"),
        extra in arb_derogation(), at in any::<prop::sample::Index>(),
    ) {
        // A consent-only carve-out is an alternative legal basis, not a derogation: it may
        // supply the consent a rule asks for.
        prop_assume!(!extra.grounds.is_consent_only());
        let t2 = with_derogation(&t, extra, at);
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&built(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
            // A `not-comparable` verdict is not a gap: an instrument that gains a
            // derogation may come to address the matter and be judged.
            for (code, _) in before.iter().filter(|(_, s)| **s != GapStatus::NotComparable) {
                prop_assert!(after.contains_key(code), "adding a derogation removed `{}`", code);
            }
        }
    }

    #[test]
    fn prop_a_derogations_verdict_does_not_depend_on_the_others(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"),
        extra in arb_derogation(), at in any::<prop::sample::Index>(),
    ) {
        // A consent-only carve-out is an alternative legal basis, not a derogation: it may
        // supply the consent a rule asks for.
        prop_assume!(!extra.grounds.is_consent_only());
        let t2 = with_derogation(&t, extra, at);
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope);
            let after = compare(&built(vec![t2.clone(), b.clone()]), &ti, &bi, scope);
            for g in before.gaps.iter().filter(|g| g.status != GapStatus::NotComparable) {
                let g2 = after.gap(g.code.clone());
                prop_assert!(g2.is_some(), "`{}` vanished", g.code);
                for f in &g.derogations {
                    let f2 = g2.unwrap().derogations.iter().find(|x| x.provision == f.provision && x.quotes[0] == f.quotes[0] && x.modifies == f.modifies);
                    prop_assert!(f2.is_some(), "the finding of {} on `{}` vanished", f.provision, g.code);
                    let f2 = f2.unwrap();
                    prop_assert_eq!((f.status, &f.missing, &f.switched_off), (f2.status, &f2.missing, &f2.switched_off));
                }
            }
        }
    }

    #[test]
    fn prop_declaring_text_missing_never_creates_a_gap_or_an_absent(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), take in 1usize..4,
    ) {
        let mut t2 = t.clone();
        t2.missing = vec!["art-50..art-60".parse().unwrap()];
        let (ti, bi) = (ids(&t, take), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&built(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&built(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
            for (code, now) in &after {
                let was = before.get(code);
                prop_assert!(was.is_some(), "declaring text missing created `{}`", code);
                prop_assert!(now == was.unwrap() || *now == GapStatus::Unknown, "`{}`: {:?} became {:?}", code, was, now);
            }
        }
    }
}
