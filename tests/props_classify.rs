//! Property tests that guard the gap classifier, on generated instruments whose norms use
//! arbitrary vocabulary terms and whose quotes are words of the generated texts.

use lexgap::Corpus;
use lexgap::classify::{Comparison, GapReport, GapStatus};
use lexgap::model::{
    Activity, Actor, DataCategory, Evidence, Exception, Instrument, InstrumentKind, Lang,
    LegalValue, Norm, NormKind, Provenance, Provision, Purpose, Safeguard, SafeguardElement,
    SafeguardKind, Scope,
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
        }
    })
}

fn arb_exception() -> impl Strategy<Value = Exception> {
    (
        terms(Purpose::ALL, 2),
        terms(Actor::ALL, 1),
        prop::collection::vec(arb_safeguard(), 0..3),
    )
        .prop_map(|(grounds, actors, safeguards)| Exception {
            grounds,
            actors,
            safeguards,
            evidence: ev(0),
        })
}

fn arb_norm() -> impl Strategy<Value = Norm> {
    (
        select(NormKind::ALL),
        terms(Actor::ALL, 2),
        terms(DataCategory::ALL, 2),
        terms(Activity::ALL, 2),
        terms(Purpose::ALL, 2),
        prop::collection::vec(arb_safeguard(), 0..4),
        prop::collection::vec(arb_exception(), 0..2),
        select(Scope::ALL),
    )
        .prop_map(
            |(kind, actors, data, activities, purposes, safeguards, exceptions, scope)| Norm {
                kind,
                actors,
                data,
                activities,
                purposes,
                safeguards,
                exceptions,
                scope,
                evidence: ev(0),
            },
        )
}

/// Gives every quote of a provision a distinct word and writes the text from those words, so
/// that every quote is in the text.
fn finish_provision(id: &str, inst: &str, mut norms: Vec<Norm>) -> Provision {
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
        for e in &mut norm.exceptions {
            e.evidence = next();
            for s in &mut e.safeguards {
                s.evidence = next();
            }
        }
    }
    let words: Vec<String> = (0..=n).map(|i| format!("w{i}")).collect();
    let id = format!("{inst}/{id}").parse().unwrap();
    let mut p = Provision::new(id, Lang::new("en").unwrap(), words.join(" "));
    p.norms = norms;
    p
}

fn arb_instrument(id: &'static str) -> impl Strategy<Value = Instrument> {
    (
        prop::collection::vec(prop::collection::vec(arb_norm(), 0..3), 1..5),
        any::<bool>(),
        select(InstrumentKind::ALL),
    )
        .prop_map(move |(provisions, binding, kind)| {
            let en = Lang::new("en").unwrap();
            let mut inst = Instrument::new(id.parse().unwrap(), id);
            inst.kind = kind;
            inst.binding = binding;
            inst.languages = BTreeMap::from([(
                en,
                Provenance {
                    legal_value: LegalValue::Authentic,
                    source: "generated".into(),
                    retrieved: None,
                    publisher: None,
                    licence: None,
                    note: None,
                },
            )]);
            inst.provisions = provisions
                .into_iter()
                .enumerate()
                .map(|(i, norms)| finish_provision(&format!("art-{}", i + 1), id, norms))
                .collect();
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

fn compare(corpus: &Corpus, target: &[String], baseline: &[String], scope: Scope) -> GapReport {
    Comparison::new(corpus)
        .target(target)
        .unwrap()
        .baseline(baseline)
        .unwrap()
        .scope(scope)
        .run()
}

fn statuses(r: &GapReport) -> BTreeMap<String, GapStatus> {
    r.gaps.iter().map(|g| (g.code.clone(), g.status)).collect()
}

/// Every safeguard slot of an instrument, as (provision, norm, exception or none, index).
fn safeguard_slots(inst: &Instrument) -> Vec<(usize, usize, Option<usize>, usize)> {
    let mut out = Vec::new();
    for (p, prov) in inst.provisions.iter().enumerate() {
        for (n, norm) in prov.norms.iter().enumerate() {
            out.extend((0..norm.safeguards.len()).map(|s| (p, n, None, s)));
            for (e, exc) in norm.exceptions.iter().enumerate() {
                out.extend((0..exc.safeguards.len()).map(|s| (p, n, Some(e), s)));
            }
        }
    }
    out
}

fn remove_safeguard(inst: &mut Instrument, slot: (usize, usize, Option<usize>, usize)) {
    let (p, n, e, s) = slot;
    let norm = &mut inst.provisions[p].norms[n];
    match e {
        Some(e) => {
            norm.exceptions[e].safeguards.remove(s);
        }
        None => {
            norm.safeguards.remove(s);
        }
    }
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
        let corpus = Corpus::from_instruments(vec![t.clone()]);
        let sel = ids(&t, take);
        let scope = if inst_scope { Scope::Instrument } else { Scope::Provision };
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
        let norm = &mut t2.provisions[p].norms[n];
        let mut extra = extra;
        // Quote the norm's own words: they are in the text.
        extra.evidence = norm.evidence.clone();
        if exc && !norm.exceptions.is_empty() {
            norm.exceptions[0].safeguards.push(extra);
        } else {
            norm.safeguards.push(extra);
        }
        let (ti, bi) = (ids(&t, 9), ids(&b, 9));
        for scope in [Scope::Provision, Scope::Instrument] {
            let before = statuses(&compare(&Corpus::from_instruments(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&Corpus::from_instruments(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
            for (code, status) in &after {
                let was = before.get(code);
                prop_assert!(was.is_some(), "adding a safeguard added `{}`", code);
                prop_assert!(status <= was.unwrap(), "`{}` went from {:?} to {:?}", code, was, status);
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
            let before = statuses(&compare(&Corpus::from_instruments(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&Corpus::from_instruments(vec![t2.clone(), b.clone()]), &ti, &bi, scope));
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
            let before = statuses(&compare(&Corpus::from_instruments(vec![t.clone(), b.clone()]), &ti, &bi, scope));
            let after = statuses(&compare(&Corpus::from_instruments(vec![t.clone(), b2.clone()]), &ti, &bi, scope));
            for code in after.keys() {
                prop_assert!(before.contains_key(code), "removing a baseline safeguard added `{}`", code);
            }
        }
    }

    #[test]
    fn prop_instrument_scope_never_reports_more_absent_gaps(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), take in 1usize..4,
    ) {
        let corpus = Corpus::from_instruments(vec![t.clone(), b.clone()]);
        let (ti, bi) = (ids(&t, take), ids(&b, 9));
        let absent = |r: &GapReport| r.gaps.iter().filter(|g| g.status == GapStatus::Absent).count();
        let p = compare(&corpus, &ti, &bi, Scope::Provision);
        let i = compare(&corpus, &ti, &bi, Scope::Instrument);
        prop_assert!(absent(&i) <= absent(&p), "instrument {:?} vs provision {:?}", i.codes(), p.codes());
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
                    shuffle(&mut n.exceptions, seed.rotate_left(17));
                    for e in &mut n.exceptions {
                        shuffle(&mut e.safeguards, seed.rotate_left(19));
                    }
                }
            }
        }
        let mut ti = ids(&t, 9);
        let bi = ids(&b, 9);
        for scope in [Scope::Provision, Scope::Instrument] {
            let r1 = compare(&Corpus::from_instruments(vec![t.clone(), b.clone()]), &ti, &bi, scope);
            shuffle(&mut ti, seed);
            let r2 = compare(&Corpus::from_instruments(vec![t2.clone(), b2.clone()]), &ti, &bi, scope);
            prop_assert_eq!(r1, r2);
        }
    }

    #[test]
    fn prop_evidence_cites_existing_provisions_and_real_quotes(
        t in arb_instrument("eu/target"), b in arb_instrument("eu/base"), take in 1usize..4, inst_scope in any::<bool>(),
    ) {
        let corpus = Corpus::from_instruments(vec![t.clone(), b.clone()]);
        let scope = if inst_scope { Scope::Instrument } else { Scope::Provision };
        let r = compare(&corpus, &ids(&t, take), &ids(&b, 9), scope);
        for g in &r.gaps {
            for id in &g.target {
                prop_assert!(corpus.get_id(id).is_some(), "{} cites missing {}", g.code, id);
            }
            for c in g.target_quotes.iter().chain(&g.baseline_quotes).chain(&g.closed_by) {
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
        let corpus = Corpus::from_instruments(vec![t.clone(), b.clone()]);
        let scope = if inst_scope { Scope::Instrument } else { Scope::Provision };
        let r = compare(&corpus, &ids(&t, 2), &ids(&b, 9), scope);
        let json = serde_json::to_string(&r).unwrap();
        let back: GapReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(r, back);
    }
}
