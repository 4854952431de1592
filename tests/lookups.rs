//! Lookups that forgive: ids as people write them get the provision they mean, and misses
//! the corpus can explain say why (issue "Reports a researcher can cite and read", item 8).
//!
//! Each test is one case, with the exact message. The misses these fix: `eu/gdpr/article-9`
//! suggested `recital-90`, `cn/pipl/第二十六条` suggested `art-1`, `cn/pipl/art-75` suggested
//! `art-5` (the PIPL has 74 articles), `gdpr/art-9` got no suggestion.

use std::time::{Duration, Instant};

use lexgap::model::{Instrument, Provision};
use lexgap::{Corpus, LookupError};

fn provision_miss(id: &str) -> LookupError {
    Corpus::bundled()
        .provision(id)
        .map(|p| p.id.to_string())
        .unwrap_err()
}

fn instrument_miss(id: &str) -> LookupError {
    Corpus::bundled()
        .instrument(id)
        .map(|i| i.id.to_string())
        .unwrap_err()
}

fn message(id: &str) -> String {
    provision_miss(id).to_string()
}

#[test]
fn article_labels_and_numbers_find_the_article() {
    for typed in [
        "eu/gdpr/article-9",
        "eu/gdpr/art 9",
        "eu/gdpr/art9",
        "eu/gdpr/Article 9",
        "eu/gdpr/9",
        "eu/gdpr/Art. 9",
        "EU/GDPR/ARTICLE-9",
        "eu/gdpr/art-9(2)(a)",
    ] {
        let err = provision_miss(typed);
        assert_eq!(err.id(), typed);
        assert_eq!(err.suggestion(), Some("eu/gdpr/art-9"), "{typed}");
        assert_eq!(err.note(), None, "{typed}");
        assert_eq!(
            err.to_string(),
            format!("no provision `{typed}`; did you mean `eu/gdpr/art-9`?")
        );
    }
    // The GDPR holds recital 90 too: `article-9` is not it.
    assert_eq!(
        message("eu/gdpr/article-90"),
        "no provision `eu/gdpr/article-90`; did you mean `eu/gdpr/art-90`?"
    );
    assert_eq!(
        message("eu/gdpr/Recital 90"),
        "no provision `eu/gdpr/Recital 90`; did you mean `eu/gdpr/recital-90`?"
    );
    // Labels in words, not numbers.
    assert_eq!(
        message("us/constitution/Amendment IV"),
        "no provision `us/constitution/Amendment IV`; did you mean `us/constitution/amendment-4`?"
    );
}

#[test]
fn a_chinese_label_finds_the_article() {
    assert_eq!(
        message("cn/pipl/第二十六条"),
        "no provision `cn/pipl/第二十六条`; did you mean `cn/pipl/art-26`?"
    );
    assert_eq!(
        message("cn/pipl/第26条"),
        "no provision `cn/pipl/第26条`; did you mean `cn/pipl/art-26`?"
    );
    assert_eq!(
        message("cn/pipl/Article 26"),
        "no provision `cn/pipl/Article 26`; did you mean `cn/pipl/art-26`?"
    );
}

#[test]
fn section_labels_and_numbers_find_the_section() {
    for typed in [
        "sg/pdpa/s.17",
        "sg/pdpa/section-17",
        "sg/pdpa/Section 17",
        "sg/pdpa/sec 17",
        "sg/pdpa/§ 17",
        "sg/pdpa/17",
    ] {
        assert_eq!(
            message(typed),
            format!("no provision `{typed}`; did you mean `sg/pdpa/s-17`?")
        );
    }
    assert_eq!(
        message("sg/pdpa/Section 15A"),
        "no provision `sg/pdpa/Section 15A`; did you mean `sg/pdpa/s-15a`?"
    );
    assert_eq!(
        message("za/popia/section 6"),
        "no provision `za/popia/section 6`; did you mean `za/popia/s-6`?"
    );
}

#[test]
fn past_the_last_article_says_the_range_and_suggests_nothing() {
    let err = provision_miss("cn/pipl/art-75");
    assert_eq!(err.suggestion(), None);
    assert_eq!(err.note(), Some("the PIPL has articles 1 to 74"));
    assert_eq!(
        err.to_string(),
        "no provision `cn/pipl/art-75`; the PIPL has articles 1 to 74"
    );
    // However it is written, and through `locate` and `select` too.
    assert_eq!(
        message("cn/pipl/第七十五条"),
        "no provision `cn/pipl/第七十五条`; the PIPL has articles 1 to 74"
    );
    let corpus = Corpus::bundled();
    assert_eq!(
        corpus.locate("cn/pipl/art-75").unwrap_err().to_string(),
        "no provision `cn/pipl/art-75`; the PIPL has articles 1 to 74"
    );
    assert_eq!(
        corpus
            .select(["cn/pipl/art-1", "cn/pipl/art-75"])
            .unwrap_err()
            .to_string(),
        "no provision `cn/pipl/art-75`; the PIPL has articles 1 to 74"
    );
    assert_eq!(
        message("eu/gdpr/100"),
        "no provision `eu/gdpr/100`; the GDPR has articles 1 to 99"
    );
    // The articles held and declared missing reach 59.
    assert_eq!(
        message("coe/echr/art-60"),
        "no provision `coe/echr/art-60`; the ECHR has articles 1 to 59"
    );
    // Numbers with gaps the corpus cannot account for (PDPA s. 48, GDPR recitals) are not
    // called the instrument's whole range.
    assert_eq!(
        message("sg/pdpa/s-70"),
        "no provision `sg/pdpa/s-70`; the sections of the PDPA 2012 (Singapore) the corpus \
         knows run from 1 to 68"
    );
    assert_eq!(
        message("eu/gdpr/recital-200"),
        "no provision `eu/gdpr/recital-200`; the recitals of the GDPR the corpus knows run \
         from 19 to 91"
    );
}

#[test]
fn a_provision_declared_missing_is_said_not_to_be_held() {
    let err = provision_miss("cn/pipl-draft-2020/art-30");
    assert_eq!(err.suggestion(), None);
    assert_eq!(
        err.to_string(),
        "no provision `cn/pipl-draft-2020/art-30`; the corpus does not hold article 30 of the \
         PIPL (draft 2020): `cn/pipl-draft-2020` declares `art-30..art-53` missing"
    );
    assert_eq!(
        message("coe/echr/Article 9"),
        "no provision `coe/echr/Article 9`; the corpus does not hold article 9 of the ECHR: \
         `coe/echr` declares `art-9..art-59` missing"
    );
    assert_eq!(
        message("za/popia/s-17"),
        "no provision `za/popia/s-17`; the corpus does not hold section 17 of the POPIA: \
         `za/popia` declares `s-16..s-17` missing"
    );
    assert_eq!(
        message("sg/pdpa/s-48b"),
        "no provision `sg/pdpa/s-48b`; the corpus does not hold section 48b of the PDPA 2012 \
         (Singapore): `sg/pdpa` declares `s-48a..s-48i` missing"
    );
    assert_eq!(
        message("intl/beijing-ai-principles/art-1"),
        "no provision `intl/beijing-ai-principles/art-1`; the corpus holds no provision of the \
         Beijing AI Principles"
    );
}

#[test]
fn an_id_without_its_jurisdiction_finds_the_instrument_by_name() {
    assert_eq!(
        message("gdpr/art-9"),
        "no provision `gdpr/art-9`; did you mean `eu/gdpr/art-9`?"
    );
    assert_eq!(
        message("pipl/art-26"),
        "no provision `pipl/art-26`; did you mean `cn/pipl/art-26`?"
    );
    assert_eq!(
        message("PIPL/第二十六条"),
        "no provision `PIPL/第二十六条`; did you mean `cn/pipl/art-26`?"
    );
    // Two constitutions, one of which holds article 40.
    assert_eq!(
        message("constitution/art-40"),
        "no provision `constitution/art-40`; did you mean `cn/constitution/art-40`?"
    );
    assert_eq!(
        message("pipl/art-75"),
        "no provision `pipl/art-75`; the PIPL has articles 1 to 74"
    );
    // `select` reads an id with one `/` as an instrument first, then as such a provision.
    let corpus = Corpus::bundled();
    assert_eq!(
        corpus.select(["gdpr/art-9"]).unwrap_err().to_string(),
        "no provision `gdpr/art-9`; did you mean `eu/gdpr/art-9`?"
    );
    assert_eq!(
        corpus.select(["eu/gpdr"]).unwrap_err().to_string(),
        "no instrument `eu/gpdr`; did you mean `eu/gdpr`?"
    );
    assert_eq!(
        instrument_miss("gdpr/art-9").to_string(),
        "no instrument `gdpr/art-9`; did you mean the provision `eu/gdpr/art-9`?"
    );
    assert_eq!(
        instrument_miss("gdpr").to_string(),
        "no instrument `gdpr`; did you mean `eu/gdpr`?"
    );
}

#[test]
fn a_provision_id_where_an_instrument_is_expected_suggests_its_instrument() {
    let err = instrument_miss("eu/gdpr/art-9");
    assert_eq!(err.suggestion(), Some("eu/gdpr"));
    assert_eq!(
        err.to_string(),
        "no instrument `eu/gdpr/art-9`; did you mean the instrument `eu/gdpr`?"
    );
    assert_eq!(
        instrument_miss("cn/pipl/art-26").to_string(),
        "no instrument `cn/pipl/art-26`; did you mean the instrument `cn/pipl`?"
    );
    assert_eq!(
        instrument_miss("eu/gpdr/art-9").to_string(),
        "no instrument `eu/gpdr/art-9`; did you mean the instrument `eu/gdpr`?"
    );
    assert_eq!(
        Corpus::bundled()
            .version_chain("cn/pipl/art-1")
            .map(|_| ())
            .unwrap_err()
            .to_string(),
        "no instrument `cn/pipl/art-1`; did you mean the instrument `cn/pipl`?"
    );
}

#[test]
fn an_instrument_id_where_a_provision_is_expected_is_named_an_instrument() {
    let err = provision_miss("eu/gdpr");
    assert_eq!(err.suggestion(), None);
    assert_eq!(
        err.note(),
        Some("`eu/gdpr` names an instrument (the GDPR), not a provision")
    );
    assert_eq!(
        err.to_string(),
        "no provision `eu/gdpr`; `eu/gdpr` names an instrument (the GDPR), not a provision"
    );
    assert_eq!(
        Corpus::bundled()
            .locate("CN/PIPL")
            .map(|_| ())
            .unwrap_err()
            .to_string(),
        "no provision `CN/PIPL`; `cn/pipl` names an instrument (the PIPL), not a provision"
    );
}

/// The suggestions that were right before stay right.
#[test]
fn typos_still_get_the_closest_id() {
    assert_eq!(
        message("eu/gdpr/art-99x"),
        "no provision `eu/gdpr/art-99x`; did you mean `eu/gdpr/art-99`?"
    );
    assert_eq!(
        message("eu/gdpr/art-9a"),
        "no provision `eu/gdpr/art-9a`; did you mean `eu/gdpr/art-9`?"
    );
    assert_eq!(
        message("coe/echr/atr-8"),
        "no provision `coe/echr/atr-8`; did you mean `coe/echr/art-8`?"
    );
    assert_eq!(
        message("xx/nothing/at-all"),
        "no provision `xx/nothing/at-all`"
    );
    assert_eq!(
        instrument_miss("eu/gpdr").to_string(),
        "no instrument `eu/gpdr`; did you mean `eu/gdpr`?"
    );
}

/// Huge ids get neither suggestion nor note, whichever reading they would take.
#[test]
fn huge_ids_are_not_read() {
    let pad = "9".repeat(1_000_000);
    for id in [
        format!("eu/gdpr/Article {pad}"),
        format!("gdpr/art-{pad}"),
        format!("eu/gdpr{pad}"),
    ] {
        let err = provision_miss(&id);
        assert_eq!((err.suggestion(), err.note()), (None, None));
        let err = instrument_miss(&id);
        assert_eq!((err.suggestion(), err.note()), (None, None));
    }
}

/// A miss reads the provisions of the instrument it names once: lookups in an instrument of
/// 20,000 articles stay fast.
#[test]
fn misses_in_a_large_instrument_stay_linear() {
    let en = lexgap::model::Lang::new("en").unwrap();
    let mut inst = Instrument::new("eu/big".parse().unwrap(), "Big Act");
    inst.languages = crate::support::generated_english();
    for n in 1..=20_000 {
        let id = format!("eu/big/art-{n}").parse().unwrap();
        let mut p = Provision::new(id, en.clone(), format!("Text of article {n}."));
        p.label = lexgap::model::Texts::from([(en.clone(), format!("Article {n}"))]);
        inst.provisions.push(p);
    }
    let corpus = Corpus::from_instruments(vec![inst]).unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    for n in (1..=20_000).step_by(1_000) {
        let err = corpus
            .provision(&format!("eu/big/Article {n}"))
            .unwrap_err();
        assert_eq!(err.suggestion(), Some(format!("eu/big/art-{n}").as_str()));
    }
    assert_eq!(
        corpus
            .provision("eu/big/art-20001")
            .unwrap_err()
            .to_string(),
        "no provision `eu/big/art-20001`; the Big Act has articles 1 to 20000"
    );
    assert_eq!(
        corpus.provision("big/art-7").unwrap_err().suggestion(),
        Some("eu/big/art-7")
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}
