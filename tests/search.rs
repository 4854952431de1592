//! Finding provisions by their words (issue "Reports a researcher can cite and read", item
//! 1): `Corpus::search` in Chinese and English, phrases, several terms, headings, case and
//! line breaks, the order of hits and their snippets; and `Provision::passage`, the words
//! of one paragraph or point (item 7).

use lexgap::Corpus;
use lexgap::model::{CiteForm, Lang};
use lexgap::render::{Format, SearchResults, View};

/// `id lang` of each hit, in order.
fn hits(query: &str) -> Vec<String> {
    Corpus::bundled()
        .search(query)
        .iter()
        .map(|h| format!("{} {}", h.provision.id, h.lang))
        .collect()
}

#[test]
fn chinese_words_need_no_spaces() {
    assert_eq!(
        hits("生物识别"),
        ["cn/civil-code/art-1034 zh", "cn/pipl/art-28 zh"]
    );
    // The draft's art. 27 has only its Chinese text: its public security is 公共安全.
    assert_eq!(
        hits("公共安全"),
        ["cn/pipl/art-26 zh", "cn/pipl-draft-2020/art-27 zh"]
    );
}

#[test]
fn a_phrase_is_its_words_in_order() {
    let phrase = hits("\"public security\"");
    assert_eq!(
        phrase,
        [
            "cn/constitution/art-37 en",
            "cn/constitution/art-40 en",
            "cn/pipl/art-26 en",
            "cn/pipl/art-64 en",
            "cn/pipl/art-71 en",
            "eu/gdpr/art-2 en",
            "eu/gdpr/art-23 en",
            "eu/gdpr/art-45 en",
            "eu/gdpr/recital-19 en",
            "eu/led/art-1 en",
            "eu/led/art-3 en",
            "eu/led/art-13 en",
            "eu/led/art-15 en",
            "eu/led/art-16 en",
            "gb/dpa-2018/s-31 en",
            "sg/pdpa/s-2 en",
        ]
    );
    // Case and line breaks do not matter.
    assert_eq!(hits("\"PUBLIC\n   Security\""), phrase);
    // Two words apart find at least as much, in any order.
    let words = hits("public security");
    assert!(phrase.iter().all(|h| words.contains(h)));
    assert!(words.len() > phrase.len());
    assert_eq!(hits("security public"), words);
    // The words in the other order are not the phrase.
    assert!(hits("\"security public\"").is_empty());
}

#[test]
fn every_term_must_match_in_one_language() {
    assert_eq!(
        hits("biometric \"sensitive personal information\""),
        ["cn/pipl/art-28 en", "us-ca/ccpa/s-1798.140 en"]
    );
    // 生物识别 is in the Chinese text, biometric in the English one: no single language has
    // both.
    assert!(hits("生物识别 biometric").is_empty());
    assert!(hits("biometric zzzunknownzzz").is_empty());
    assert!(hits("").is_empty());
    assert!(hits("  \"\"  ").is_empty());
}

#[test]
fn headings_are_searched() {
    // "Data protection impact assessment" is the heading of GDPR art. 35, and the heading
    // of LED art. 27; the texts say "an assessment of the impact".
    let found = hits("\"data protection impact assessment\"");
    assert!(found.contains(&"eu/gdpr/art-35 en".to_owned()), "{found:?}");
    assert!(found.contains(&"eu/led/art-27 en".to_owned()), "{found:?}");
    // GDPR art. 9's text never says "special categories"; its heading does.
    let art9 = Corpus::bundled().provision("eu/gdpr/art-9").unwrap();
    assert!(!art9.text.values().any(|t| t.contains("special categories")));
    assert_eq!(
        hits("\"special categories\" prohibited"),
        ["eu/gdpr/art-9 en", "eu/led/art-11 en"]
    );
}

#[test]
fn hits_are_in_instrument_then_document_order() {
    let corpus = Corpus::bundled();
    let all = corpus.search("personal");
    let order: Vec<(String, usize)> = all
        .iter()
        .map(|h| {
            let inst = h.provision.instrument();
            let at = inst
                .provisions
                .iter()
                .position(|p| p.id == h.provision.id)
                .unwrap();
            (inst.id.to_string(), at)
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(
        corpus
            .search("personal")
            .iter()
            .map(|h| h.snippet.clone())
            .collect::<Vec<_>>(),
        all.iter().map(|h| h.snippet.clone()).collect::<Vec<_>>(),
        "the same query gives the same hits"
    );
}

#[test]
fn snippets_show_the_match_in_about_80_characters() {
    let corpus = Corpus::bundled();
    for query in [
        "biometric",
        "public security",
        "生物识别",
        "公共安全",
        "consent",
    ] {
        for h in corpus.search(query) {
            let n = h.snippet.chars().count();
            assert!(n <= 100, "{} {}: {n} characters", h.provision.id, h.lang);
            assert!(
                query
                    .split(' ')
                    .any(|term| h.snippet.to_lowercase().contains(term)),
                "{} {}: {}",
                h.provision.id,
                h.lang,
                h.snippet
            );
            assert!(!h.snippet.contains('\n'), "{}", h.snippet);
        }
    }
    let art28 = &corpus.search("生物识别")[1];
    assert_eq!(
        art28.snippet,
        "…受到侵害或者人身、财产安全受到危害的个人信息，包括生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。 只有在…"
    );
    let gdpr2 = corpus
        .search("\"public security\"")
        .into_iter()
        .find(|h| {
            h.provision.id.local() == "art-2" && h.provision.instrument().short_title == "GDPR"
        })
        .unwrap();
    assert_eq!(
        gdpr2.snippet,
        "…of threats to public security. 3. For the processing of personal data by…"
    );
}

#[test]
fn results_render_with_citations() {
    let corpus = Corpus::bundled();
    let results = SearchResults::new("公共安全", &corpus.search("公共安全"));
    assert_eq!(results.len(), 2);
    let csv = View::new(&results, Format::Csv).to_string();
    let rows: Vec<&str> = csv.lines().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(
        rows,
        ["citation", "PIPL art. 26", "PIPL (draft 2020) art. 27"]
    );
    let ids = View::new(&results.clone().cite(CiteForm::Id), Format::Csv).to_string();
    assert!(ids.contains("\ncn/pipl-draft-2020/art-27,cn/pipl-draft-2020/art-27,zh,"));
    let json: serde_json::Value =
        serde_json::from_str(&View::new(&results, Format::Json).to_string()).unwrap();
    assert_eq!(json["kind"], "search-results");
    assert_eq!(json["data"]["hits"][1]["id"], "cn/pipl-draft-2020/art-27");
    assert_eq!(json["data"]["hits"][1]["lang"], "zh");
    let none = SearchResults::new("zzz", &corpus.search("zzz"));
    assert!(none.is_empty());
    assert!(
        View::new(&none, Format::Table)
            .to_string()
            .contains("no hits")
    );
}

#[test]
fn passages_of_paragraphs_and_points() {
    let corpus = Corpus::bundled();
    let en = Lang::new("en").unwrap();
    let zh = Lang::new("zh").unwrap();
    let art9 = corpus.provision("eu/gdpr/art-9").unwrap();
    assert_eq!(
        art9.passage(&en, "(2)(g)"),
        Some(
            "(g) processing is necessary for reasons of substantial public interest, on the \
             basis of Union or Member State law which shall be proportionate to the aim \
             pursued, respect the essence of the right to data protection and provide for \
             suitable and specific measures to safeguard the fundamental rights and the \
             interests of the data subject;"
        )
    );
    assert!(art9.passage(&en, "2(k)").is_none());
    assert!(art9.passage(&zh, "2(g)").is_none(), "no Chinese text");
    assert_eq!(
        art9.pinpoints(&en)
            .iter()
            .filter(|p| !p.contains('('))
            .count(),
        4
    );
    // `(1)` paragraphs, in a text without `1.` lines (Singapore's PDPA).
    let s17 = corpus.provision("sg/pdpa/s-17").unwrap();
    assert!(
        s17.passage(&en, "(1)(a)")
            .unwrap()
            .starts_with("(a) collect personal data about an individual")
    );
    // A Chinese article's paragraphs (款) are its lines; its items (项) are points.
    let art28 = corpus.provision("cn/pipl/art-28").unwrap();
    assert!(
        art28
            .passage(&zh, "2")
            .unwrap()
            .starts_with("只有在具有特定的目的")
    );
    assert!(
        art28
            .passage(&en, "2")
            .unwrap()
            .starts_with("Personal information processors")
    );
    for bad in ["", "()", "(2)(g)(i)", "2(", "(x"] {
        assert!(art9.passage(&en, bad).is_none(), "{bad:?}");
    }
}

#[test]
fn every_pinpoint_of_a_quote_has_a_passage() {
    // `Provision::pinpoint` places each annotation's quote; `passage` finds each place it
    // names, and the passage holds the quote (one line rule for both, `(1)` subsections
    // included).
    let (mut checked, mut subsections) = (0, 0);
    for inst in Corpus::bundled().instruments() {
        for p in &inst.provisions {
            for (at, evidence) in p.quotes() {
                if at.is_some() {
                    continue;
                }
                let Some(pin) = p.pinpoint(evidence) else {
                    continue;
                };
                let passage = p.passage(&evidence.lang, &pin);
                let Some(passage) = passage else {
                    panic!("{} {pin}: no passage", p.id);
                };
                let first_word = evidence.quote.split_whitespace().next().unwrap();
                assert!(passage.contains(first_word), "{} {pin}: {passage}", p.id);
                assert!(p.pinpoints(&evidence.lang).contains(&pin), "{} {pin}", p.id);
                if ["sg", "za"].contains(&inst.id.jurisdiction()) {
                    subsections += 1;
                }
                checked += 1;
            }
        }
    }
    assert!(
        subsections > 10,
        "{subsections} quotes in `(1)` subsections checked"
    );
    assert!(checked > 50, "{checked} quotes checked");
}
