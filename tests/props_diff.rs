//! Property tests for text and provision diffs and for alignment, on generated provisions
//! whose texts mix English words, Chinese characters, punctuation and line breaks.

use lexgap::align::{Alignment, GroupKind};
use lexgap::diff::{ChangeTag, DiffOptions, Granularity, ProvisionDiff, TextDiff, text_diff};
use lexgap::model::{
    Activity, Actor, DataCategory, Derogation, Evidence, Instrument, Lang, Norm, NormKind,
    Provision, Purpose, Safeguard, SafeguardElement, SafeguardKind, Scope,
};
use proptest::prelude::*;
use proptest::sample::select;

const WORDS: &[&str] = &[
    "personal",
    "data",
    "shall",
    "be",
    "processed",
    "the",
    "controller",
    "processor",
    "consent",
    "impact",
    "assessment",
    "1.",
    "(a)",
    "Article",
    "9",
    ";",
    ",",
    "个人",
    "信息",
    "处理",
    "不得",
    "公开",
    "用于",
    "其他",
    "目的",
    "。",
    "，",
    "（一）",
];

fn arb_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (select(WORDS), select(&[" ", " ", " ", "", "\n", "  "][..])),
        0..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, sep)| format!("{w}{sep}"))
            .collect()
    })
}

/// Two texts that share a good part: `base` with words dropped, replaced and inserted.
fn arb_related_texts() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(select(WORDS), 1..40),
        prop::collection::vec((0usize..4, select(WORDS)), 1..40),
    )
        .prop_map(|(base, edits)| {
            let old = base.join(" ");
            let mut new = Vec::new();
            for (i, w) in base.iter().enumerate() {
                match edits.get(i).map(|e| e.0) {
                    Some(0) => {}
                    Some(1) => new.push(edits[i].1),
                    Some(2) => {
                        new.push(w);
                        new.push(edits[i].1);
                    }
                    _ => new.push(w),
                }
            }
            (old, new.join(if edits.len() % 3 == 0 { "\n" } else { " " }))
        })
}

fn ev(quote: &str) -> Evidence {
    Evidence {
        lang: Lang::new("en").unwrap(),
        quote: quote.to_owned(),
    }
}

fn terms<T: Copy + Ord + std::fmt::Debug + 'static>(
    all: &'static [T],
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    prop::collection::btree_set(select(all), 0..=max).prop_map(|s| s.into_iter().collect())
}

fn arb_safeguard() -> impl Strategy<Value = Safeguard> {
    (select(SafeguardKind::ALL), terms(SafeguardElement::ALL, 2)).prop_map(|(kind, elements)| {
        Safeguard {
            kind,
            elements,
            evidence: ev("q"),
            provision: None,
        }
    })
}

fn arb_norm() -> impl Strategy<Value = Norm> {
    (
        select(NormKind::ALL),
        terms(Actor::ALL, 2),
        terms(DataCategory::ALL, 2),
        terms(Activity::ALL, 2),
        terms(Purpose::ALL, 2),
        prop::collection::vec(arb_safeguard(), 0..3),
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
                evidence: ev("q"),
            },
        )
}

fn arb_derogations() -> impl Strategy<Value = Vec<Derogation>> {
    prop::collection::vec(
        (
            terms(Purpose::ALL, 2),
            prop::collection::vec(arb_safeguard(), 0..2),
        ),
        0..2,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(grounds, safeguards)| {
                let mut d = Derogation::carve_out(grounds, ev("q"));
                d.safeguards = safeguards;
                d
            })
            .collect()
    })
}

fn provision(inst: &str, local: &str, lang: &str, text: String, norms: Vec<Norm>) -> Provision {
    let id = format!("{inst}/{local}").parse().unwrap();
    let mut p = Provision::new(id, Lang::new(lang).unwrap(), text);
    p.norms = norms;
    p
}

/// An instrument that holds just `p`, so that it can be diffed as a located provision.
fn holding(p: Provision) -> Instrument {
    let mut inst = Instrument::new(p.id.instrument().clone(), "gen");
    inst.provisions.push(p);
    inst
}

fn arb_provision() -> impl Strategy<Value = Provision> {
    (
        arb_text(),
        select(&["en", "zh"][..]),
        prop::collection::vec(arb_norm(), 0..3),
        arb_derogations(),
    )
        .prop_map(|(text, lang, norms, derogations)| {
            let mut p = provision("xx/gen", "art-1", lang, text, norms);
            p.derogations = derogations;
            p
        })
}

fn instrument(texts: Vec<String>) -> Instrument {
    let en = Lang::new("en").unwrap();
    let mut inst = Instrument::new("xx/gen".parse().unwrap(), "gen");
    inst.title = lexgap::model::Texts::from([(en.clone(), "generated".to_owned())]);
    inst.languages = crate::support::generated_english();
    inst.provisions = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| provision("xx/gen", &format!("art-{}", i + 1), "en", t, Vec::new()))
        .collect();
    inst
}

/// Texts with combining marks, precomposed and decomposed letters, emoji sequences and
/// flags beside the words above.
fn arb_unicode_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "e",
        "\u{301}",
        "\u{300}",
        "é",
        "e\u{301}",
        "a\u{323}\u{302}",
        "ậ",
        "🇫🇷",
        "🇩🇪",
        "👩\u{200d}👧",
        "\u{200d}",
        "\r\n",
        "한",
        "\u{1112}\u{1161}\u{11ab}",
        "个",
        "人",
        " ",
        "\n",
        "data",
        ",",
    ];
    prop::collection::vec(select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn side(diff: &TextDiff<'_>, keep: ChangeTag) -> String {
    diff.iter_changes()
        .filter(|c| c.tag() == ChangeTag::Equal || c.tag() == keep)
        .map(|c| c.value())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_provision_diffed_with_itself_is_empty(p in arb_provision()) {
        let inst = holding(p);
        let p = inst.located_provisions().next().unwrap();
        let diff = ProvisionDiff::new(p, p);
        prop_assert!(diff.is_empty());
        prop_assert_eq!(diff.similarity(), 1.0);
        prop_assert!(diff.text().is_unchanged());
        prop_assert!(diff.structure().iter_changes().next().is_none());
        prop_assert_eq!(diff.text().deleted().count(), 0);
    }

    #[test]
    fn prop_similarity_is_symmetric(
        (a, b) in arb_related_texts(),
        lang in select(&["en", "zh"][..]),
        na in prop::collection::vec(arb_norm(), 0..3),
        nb in prop::collection::vec(arb_norm(), 0..3),
    ) {
        let pa = provision("xx/a", "art-1", lang, a, na);
        let pb = provision("xx/b", "art-2", lang, b, nb);
        let (ia, ib) = (holding(pa), holding(pb));
        let pa = ia.located_provisions().next().unwrap();
        let pb = ib.located_provisions().next().unwrap();
        let ab = ProvisionDiff::new(pa, pb);
        let ba = ProvisionDiff::new(pb, pa);
        prop_assert_eq!(ab.similarity(), ba.similarity());
        prop_assert!((0.0..=1.0).contains(&ab.similarity()));
        prop_assert_eq!(ab.text().deleted().collect::<Vec<_>>(), ba.text().inserted().collect::<Vec<_>>());
        prop_assert_eq!(ab.structure().grounds_dropped(), ba.structure().grounds_added());
    }

    #[test]
    fn prop_similarity_is_symmetric_for_unrelated_texts(a in arb_text(), b in arb_text()) {
        prop_assert_eq!(text_diff(&a, &b, None).similarity(), text_diff(&b, &a, None).similarity());
    }

    #[test]
    fn prop_changes_rebuild_both_texts(
        (a, b) in arb_related_texts(),
        c in arb_text(),
        chars in any::<bool>(),
        cleanup in any::<bool>(),
    ) {
        let g = if chars { Granularity::Chars } else { Granularity::Words };
        for (old, new) in [(&a, &b), (&b, &c), (&c, &a)] {
            let diff = DiffOptions::new().granularity(g).semantic_cleanup(cleanup).diff_texts(old, new, None);
            prop_assert_eq!(&side(&diff, ChangeTag::Insert), new);
            prop_assert_eq!(&side(&diff, ChangeTag::Delete), old);
            // The ops tile both texts, in order, and the line groups tile them too.
            let (mut o, mut n) = (0, 0);
            for op in diff.ops() {
                prop_assert_eq!(op.old_range().start, o);
                prop_assert_eq!(op.new_range().start, n);
                o = op.old_range().end;
                n = op.new_range().end;
            }
            prop_assert_eq!((o, n), (old.len(), new.len()));
            let lines_end = diff.lines().last().map_or((0, 0), |l| (l.old_range().end, l.new_range().end));
            prop_assert_eq!(lines_end, (old.len(), new.len()));
        }
    }

    #[test]
    fn prop_alignment_with_itself_pairs_every_provision_with_itself(
        texts in prop::collection::vec(arb_text().prop_filter("non-empty", |t| !t.trim().is_empty()), 1..8),
    ) {
        let inst = instrument(texts);
        let alignment = Alignment::new(&inst, &inst);
        for p in &inst.provisions {
            let best = alignment.best_for(&p.id.to_string());
            prop_assert!(best.is_some());
            let best = best.unwrap();
            prop_assert_eq!(&best.left().id, &p.id);
            prop_assert_eq!(&best.right().id, &p.id);
        }
        for g in alignment.groups() {
            prop_assert_eq!(g.kind(), GroupKind::OneToOne);
            prop_assert_eq!(&g.left()[0].id, &g.right()[0].id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issue 11: whatever the budget, the diff is correct, the same on every run, within its
    /// bound of steps, and symmetric.
    #[test]
    fn prop_every_budget_gives_a_reproducible_correct_diff(
        (a, b) in arb_related_texts(),
        c in arb_unicode_text(),
        micros in 0u64..3000,
        chars in any::<bool>(),
    ) {
        let g = if chars { Granularity::Chars } else { Granularity::Words };
        for (old, new) in [(&a, &b), (&b, &c), (&c, &a)] {
            let mut opts = DiffOptions::new();
            opts.granularity(g).timeout(std::time::Duration::from_micros(micros));
            let diff = opts.diff_texts(old, new, None);
            prop_assert_eq!(&side(&diff, ChangeTag::Insert), new);
            prop_assert_eq!(&side(&diff, ChangeTag::Delete), old);
            prop_assert_eq!(&opts.diff_texts(old, new, None), &diff);
            prop_assert_eq!(opts.diff_texts(new, old, None).similarity(), diff.similarity());
            let bound = 2 * diff.budget() + 100 * (old.len() + new.len()) as u64;
            prop_assert!(diff.steps() <= bound);
        }
    }

    /// Issue 11: no op starts or ends inside a grapheme cluster, by words or by characters.
    #[test]
    fn prop_ops_never_split_grapheme_clusters(
        a in arb_unicode_text(),
        b in arb_unicode_text(),
        chars in any::<bool>(),
    ) {
        let g = if chars { Granularity::Chars } else { Granularity::Words };
        let diff = DiffOptions::new().granularity(g).diff_texts(&a, &b, None);
        let bounds = |s: &str| -> Vec<usize> {
            let mut at = 0;
            let mut v = vec![0];
            for g in similar::DiffableStr::tokenize_graphemes(s) {
                at += g.len();
                v.push(at);
            }
            v
        };
        let (ba, bb) = (bounds(&a), bounds(&b));
        for op in diff.ops() {
            prop_assert!(ba.contains(&op.old_range().start) && ba.contains(&op.old_range().end));
            prop_assert!(bb.contains(&op.new_range().start) && bb.contains(&op.new_range().end));
        }
    }

    /// Issue 11: a text against itself in another normalisation (its precomposed letters spelt
    /// out, NFC against NFD) scores 1, and each of its changes is flagged.
    #[test]
    fn prop_normalisation_only_changes_are_flagged(
        pieces in prop::collection::vec(select(&["é", "ậ", "한", "e", "a", " ", "\n", "个", "data", ","][..]), 0..60),
    ) {
        let a = pieces.concat();
        let b = a.replace('é', "e\u{301}").replace('ậ', "a\u{323}\u{302}").replace('한', "\u{1112}\u{1161}\u{11ab}");
        let diff = text_diff(&a, &b, None);
        prop_assert_eq!(diff.similarity(), 1.0);
        for op in diff.ops() {
            prop_assert!(op.tag() == lexgap::diff::OpTag::Equal || op.is_normalization_only(), "{:?}", op);
        }
    }
}
