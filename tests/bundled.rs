//! The bundled corpus: it loads cleanly, round-trips through JSON, and its lookups, version
//! chains, dates and pinpoints behave as documented.
//!
//! That every file under `provisions/` is embedded is checked in `tests/corpus.rs`
//! (`bundled_manifest_lists_every_file`). Facts asserted here hold whatever data is added
//! later: where a list depends on the data, it is compared with the files on disk.

use std::cmp::Ordering;
use std::path::Path;

use lexgap::model::{Date, Evidence, Provision};
use lexgap::{Corpus, InstrumentId, ProvisionId};

fn date(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn ids<'a>(it: impl Iterator<Item = &'a lexgap::model::Instrument>) -> Vec<String> {
    it.map(|i| i.id.to_string()).collect()
}

#[test]
fn bundled_corpus_loads_cleanly() {
    let fresh = Corpus::load_bundled().unwrap_or_else(|e| panic!("{e}"));
    // The cached corpus is the same as a fresh parse.
    assert_eq!(&fresh, Corpus::bundled());
    assert!(fresh.instruments().count() >= 6);
    assert!(fresh.provisions().count() >= 10);
    // The corpus version is the date its texts were last checked.
    assert!(
        lexgap::CORPUS_VERSION.parse::<Date>().is_ok(),
        "{}",
        lexgap::CORPUS_VERSION
    );
}

/// What a JSON export's instruments give back, through the one checked door.
fn from_json(value: &serde_json::Value) -> Corpus {
    let instruments: Vec<lexgap::model::Instrument> =
        serde_json::from_value(value["instruments"].clone()).unwrap_or_else(|e| panic!("{e}"));
    Corpus::from_instruments(instruments).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn round_trips_through_json() {
    let corpus = Corpus::bundled();
    let json = serde_json::to_string(corpus).unwrap_or_else(|e| panic!("{e}"));
    let back = from_json(&serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(&back, corpus);
    // The index is rebuilt: lookups work on the deserialised corpus.
    assert_eq!(
        back.provision("eu/gdpr/art-9").map(|p| p.id.to_string()),
        Ok("eu/gdpr/art-9".to_owned())
    );
    // Serialising is deterministic.
    assert_eq!(serde_json::to_string(&back).unwrap_or_default(), json);
}

/// Fix: a corpus read back kept its instruments in the order of the JSON, but instrument
/// lookups binary-search by id, so an unsorted list made `instrument()` miss.
#[test]
fn deserialised_corpus_in_any_order_finds_its_instruments() {
    let corpus = Corpus::bundled();
    let mut value = serde_json::to_value(corpus).unwrap_or_else(|e| panic!("{e}"));
    let instruments = value["instruments"]
        .as_array_mut()
        .expect("an instruments array");
    instruments.reverse();
    let back = from_json(&value);
    assert_eq!(&back, corpus);
    for i in corpus.instruments() {
        let id = i.id.to_string();
        assert_eq!(back.instrument(&id).map(|j| &j.id), Ok(&i.id), "{id}");
    }
}

#[test]
fn lookups_ignore_ascii_case() {
    let corpus = Corpus::bundled();
    let art9 = corpus.get("eu/gdpr/art-9").expect("eu/gdpr/art-9");
    for id in ["EU/GDPR/ART-9", "Eu/Gdpr/Art-9", " eu/gdpr/art-9 "] {
        assert_eq!(corpus.get(id).map(|p| &p.id), Some(&art9.id), "{id:?}");
        assert_eq!(corpus.provision(id).map(|p| &p.id), Ok(&art9.id), "{id:?}");
    }
    assert_eq!(
        corpus.instrument("CN/PIPL").map(|i| i.id.to_string()),
        Ok("cn/pipl".to_owned())
    );
    assert_eq!(
        corpus.jurisdiction("CN").map(|j| j.code.as_str()),
        Some("cn")
    );
    let gdpr = corpus.instrument("eu/gdpr").expect("eu/gdpr");
    assert_eq!(
        gdpr.provision("ART-35")
            .map(|p| p.id.to_string())
            .as_deref(),
        Some("eu/gdpr/art-35")
    );
    assert_eq!(
        ids(corpus.instruments_in("CN")),
        ids(corpus.instruments_in("cn"))
    );
}

#[test]
fn unknown_ids_suggest_the_closest() {
    let corpus = Corpus::bundled();
    let msg = |id: &str| corpus.provision(id).map(|_| ()).unwrap_err().to_string();
    assert_eq!(
        msg("eu/gdpr/art-99x"),
        "no provision `eu/gdpr/art-99x`; did you mean `eu/gdpr/art-99`?"
    );
    assert_eq!(
        msg("coe/echr/art8"),
        "no provision `coe/echr/art8`; did you mean `coe/echr/art-8`?"
    );
    // Past the draft's last article (70): its range, not `art-27` (tests/lookups.rs).
    assert_eq!(
        msg("cn/pipl-draft-2020/art-72"),
        "no provision `cn/pipl-draft-2020/art-72`; the PIPL (draft 2020) has articles 1 to 70"
    );
    assert_eq!(msg("xx/nothing/at-all"), "no provision `xx/nothing/at-all`");
    assert_eq!(msg("not an id"), "no provision `not an id`");
    let err = corpus.provision("COE/ECHR/ART8").map(|_| ()).unwrap_err();
    assert_eq!(err.id(), "COE/ECHR/ART8");
    assert_eq!(err.suggestion(), Some("coe/echr/art-8"));

    let inst = |id: &str| corpus.instrument(id).map(|_| ()).unwrap_err().to_string();
    assert_eq!(
        inst("eu/gpdr"),
        "no instrument `eu/gpdr`; did you mean `eu/gdpr`?"
    );
    assert_eq!(
        inst("cn/pipl-draft"),
        "no instrument `cn/pipl-draft`; did you mean `cn/pipl-draft-2020`?"
    );
    assert_eq!(
        inst("eu/gdpr/art-9"),
        "no instrument `eu/gdpr/art-9`; did you mean the instrument `eu/gdpr`?"
    );
    assert_eq!(
        corpus
            .version_chain("cn/pipl2")
            .map(|_| ())
            .unwrap_err()
            .to_string(),
        "no instrument `cn/pipl2`; did you mean `cn/pipl`?"
    );
}

#[test]
fn version_chain_of_the_pipl() {
    let corpus = Corpus::bundled();
    let chain = |id: &str| {
        ids(corpus
            .version_chain(id)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter())
    };
    assert_eq!(chain("cn/pipl"), ["cn/pipl-draft-2020", "cn/pipl"]);
    // From either end, and in any case.
    assert_eq!(
        chain("cn/pipl-draft-2020"),
        ["cn/pipl-draft-2020", "cn/pipl"]
    );
    assert_eq!(chain("CN/PIPL"), ["cn/pipl-draft-2020", "cn/pipl"]);
    // An instrument without versions is its own chain.
    assert_eq!(chain("eu/gdpr"), ["eu/gdpr"]);
}

#[test]
fn as_of_the_day_the_pipl_entered_into_force() {
    let corpus = Corpus::bundled();
    let before = ids(corpus.as_of(date("2021-10-31")));
    let on = ids(corpus.as_of(date("2021-11-01")));
    let after = ids(corpus.as_of(date("2022-01-01")));
    assert!(!before.contains(&"cn/pipl".to_owned()), "{before:?}");
    assert!(on.contains(&"cn/pipl".to_owned()), "{on:?}");
    assert!(after.contains(&"cn/pipl".to_owned()), "{after:?}");
    // The PIPL is the only change that day.
    let added: Vec<&String> = on.iter().filter(|i| !before.contains(i)).collect();
    let removed: Vec<&String> = before.iter().filter(|i| !on.contains(i)).collect();
    assert_eq!(added, ["cn/pipl"]);
    assert!(removed.is_empty(), "{removed:?}");
    for list in [&before, &on, &after] {
        // A draft is never in force; the GDPR (2016-05-24) always is on these days.
        assert!(!list.contains(&"cn/pipl-draft-2020".to_owned()));
        assert!(list.contains(&"eu/gdpr".to_owned()));
        // In id order.
        let parsed: Vec<InstrumentId> = list.iter().map(|s| s.parse().unwrap()).collect();
        assert!(parsed.windows(2).all(|w| w[0] < w[1]), "{list:?}");
    }
    // The GDPR entered into force on 2016-05-24 but "shall apply from 25 May 2018" (art.
    // 99(2)): in between it is in force and not applicable.
    let gdpr = corpus.instrument("eu/gdpr").unwrap();
    assert!(gdpr.in_force_on(date("2016-05-24")) && !gdpr.in_force_on(date("2016-05-23")));
    assert!(!ids(corpus.as_of(date("2016-05-24"))).contains(&"eu/gdpr".to_owned()));
    assert!(!ids(corpus.as_of(date("2018-05-24"))).contains(&"eu/gdpr".to_owned()));
    assert!(ids(corpus.as_of(date("2018-05-25"))).contains(&"eu/gdpr".to_owned()));
}

#[test]
fn instruments_of_a_jurisdiction() {
    let corpus = Corpus::bundled();
    let cn = ids(corpus.instruments_in("cn"));
    // Exactly the files under provisions/cn/, in id order.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("provisions/cn");
    let mut on_disk: Vec<InstrumentId> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            Some(format!("cn/{}", name.strip_suffix(".toml")?))
        })
        .map(|s| s.parse().unwrap())
        .collect();
    on_disk.sort();
    let on_disk: Vec<String> = on_disk.iter().map(ToString::to_string).collect();
    assert_eq!(cn, on_disk);
    for id in ["cn/pipl", "cn/pipl-draft-2020", "cn/constitution"] {
        assert!(cn.contains(&id.to_owned()), "{cn:?}");
    }
    // `pipl` sorts before `pipl-draft-2020` (a prefix first).
    let p = cn.iter().position(|i| i == "cn/pipl");
    let d = cn.iter().position(|i| i == "cn/pipl-draft-2020");
    assert!(p < d);
    assert_eq!(corpus.instruments_in("zz").count(), 0);
    // Every instrument is in its jurisdiction's list, and every list's jurisdiction is registered.
    for i in corpus.instruments() {
        let j = i.id.jurisdiction();
        assert!(corpus.jurisdiction(j).is_some(), "{j}");
        assert!(ids(corpus.instruments_in(j)).contains(&i.id.to_string()));
    }
}

/// Every piece of evidence in a provision that stands in its own text (quotes from another
/// provision are checked by the loader against that provision).
fn evidence(p: &Provision) -> Vec<&Evidence> {
    p.quotes()
        .into_iter()
        .filter(|(at, _)| at.is_none())
        .map(|(_, e)| e)
        .collect()
}

#[test]
fn every_quote_is_in_its_text_and_has_a_pinpoint_or_none() {
    let corpus = Corpus::bundled();
    let mut quotes = 0;
    for p in corpus.provisions() {
        for ev in evidence(p) {
            quotes += 1;
            let text = p
                .text
                .get(&ev.lang)
                .unwrap_or_else(|| panic!("{}: no `{}` text for {:?}", p.id, ev.lang, ev.quote));
            assert!(p.contains_quote(&ev.quote), "{}: {:?}", p.id, ev.quote);
            let words: Vec<&str> = ev.quote.split_whitespace().collect();
            let flat: Vec<&str> = text.split_whitespace().collect();
            assert!(flat.join(" ").contains(&words.join(" ")), "{}", p.id);
            // Computed without panicking; a pinpoint names a paragraph or a point.
            if let Some(pin) = p.pinpoint(ev) {
                assert!(!pin.is_empty(), "{}", p.id);
                assert!(!pin.contains(char::is_whitespace), "{}: {pin:?}", p.id);
            }
        }
    }
    assert!(quotes >= 20, "only {quotes} quotes");

    // Known pinpoints.
    let pin = |id: &str, needle: &str| -> Option<String> {
        let p = corpus.provision(id).unwrap_or_else(|e| panic!("{e}"));
        let ev = evidence(p)
            .into_iter()
            .find(|e| e.quote.contains(needle))
            .unwrap_or_else(|| panic!("{id}: no quote with {needle:?}"));
        p.pinpoint(ev)
    };
    assert_eq!(
        pin("eu/gdpr/art-9", "substantial public interest").as_deref(),
        Some("2(g)")
    );
    assert_eq!(
        pin("coe/echr/art-8", "necessary in a democratic society").as_deref(),
        Some("2")
    );
    assert_eq!(
        pin("coe/echr/art-8", "Everyone has the right").as_deref(),
        Some("1")
    );
}

#[test]
fn provision_ids_order_naturally() {
    let parse = |s: &str| -> ProvisionId { s.parse().unwrap_or_else(|e| panic!("{e}")) };
    let mut list: Vec<ProvisionId> = [
        "eu/gdpr/art-10",
        "eu/gdpr/recital-51",
        "eu/gdpr/art-9",
        "eu/gdpr/art-100",
        "cn/pipl/art-26",
        "eu/gdpr/art-9a",
        "eu/gdpr/art-35",
        "cn/pipl-draft-2020/art-27",
    ]
    .iter()
    .map(|s| parse(s))
    .collect();
    list.sort();
    let shown: Vec<String> = list.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "cn/pipl/art-26",
            "cn/pipl-draft-2020/art-27",
            "eu/gdpr/art-9",
            "eu/gdpr/art-9a",
            "eu/gdpr/art-10",
            "eu/gdpr/art-35",
            "eu/gdpr/art-100",
            "eu/gdpr/recital-51",
        ]
    );
    assert!(parse("eu/gdpr/art-9") < parse("eu/gdpr/art-10"));
    // Order agrees with equality: leading zeros make another id, not an equal one.
    let (a, b) = (parse("eu/gdpr/art-01"), parse("eu/gdpr/art-1"));
    assert_ne!(a, b);
    assert_ne!(a.cmp(&b), Ordering::Equal);
    assert_eq!(
        parse("EU/GDPR/ART-9").cmp(&parse("eu/gdpr/art-9")),
        Ordering::Equal
    );
    // The corpus lists its instruments in this order.
    let inst: Vec<&InstrumentId> = Corpus::bundled().instruments().map(|i| &i.id).collect();
    assert!(inst.windows(2).all(|w| w[0] < w[1]), "{inst:?}");
}

/// Fix: a failed lookup of a huge id compared it with every id in the corpus (a 200,000
/// character id took seconds); ids far longer than any id get no suggestion.
#[test]
fn lookup_of_a_huge_id_gets_no_suggestion() {
    let corpus = Corpus::bundled();
    let huge = format!("eu/gdpr/art-9{}", "a".repeat(1_000_000));
    let err = corpus.provision(&huge).map(|_| ()).unwrap_err();
    assert_eq!(err.suggestion(), None);
    assert_eq!(
        corpus
            .instrument(&huge)
            .map(|_| ())
            .unwrap_err()
            .suggestion(),
        None
    );
    // Ordinary typos still get one.
    assert_eq!(
        corpus
            .provision("eu/gdpr/art-9a")
            .map(|_| ())
            .unwrap_err()
            .suggestion(),
        Some("eu/gdpr/art-9")
    );
}

/// provisions/README.md is what a new annotator reads: it names every code of every
/// vocabulary a file may use.
#[test]
fn the_schema_docs_name_every_vocabulary_code() {
    use lexgap::model::{
        Activity, Actor, DataCategory, Delegate, DerogationForm, Purpose, Right, SafeguardElement,
        SafeguardKind,
    };
    let docs = include_str!("../provisions/README.md");
    let mut missing: Vec<String> = Vec::new();
    let mut check = |vocabulary: &str, codes: Vec<&'static str>| {
        for c in codes {
            if !docs.contains(&format!("`{c}`")) {
                missing.push(format!("{vocabulary} `{c}`"));
            }
        }
    };
    check("actor", Actor::ALL.iter().map(|t| t.code()).collect());
    check("data", DataCategory::ALL.iter().map(|t| t.code()).collect());
    check("activity", Activity::ALL.iter().map(|t| t.code()).collect());
    check("purpose", Purpose::ALL.iter().map(|t| t.code()).collect());
    check(
        "safeguard",
        SafeguardKind::ALL.iter().map(|t| t.code()).collect(),
    );
    check(
        "element",
        SafeguardElement::ALL.iter().map(|t| t.code()).collect(),
    );
    check(
        "form",
        DerogationForm::ALL.iter().map(|t| t.code()).collect(),
    );
    check("right", Right::ALL.iter().map(|t| t.code()).collect());
    check("delegate", Delegate::ALL.iter().map(|t| t.code()).collect());
    assert!(
        missing.is_empty(),
        "not in provisions/README.md: {missing:?}"
    );
}
