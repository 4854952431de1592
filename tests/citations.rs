//! Citations in the convention of each law's language, from the bundled corpus.

use lexgap::Corpus;
use lexgap::model::{Citation, CiteForm, chinese_numeral, parse_chinese_numeral};

fn cite(id: &str, pinpoint: Option<&str>, form: CiteForm) -> String {
    let p = Corpus::bundled()
        .locate(id)
        .unwrap_or_else(|e| panic!("{e}"));
    Citation::of(p).with(pinpoint, form)
}

#[test]
fn english_short_forms_abbreviate_the_label() {
    // "Article 9" → art. 9, with the pinpoint in brackets after it.
    assert_eq!(
        cite("eu/gdpr/art-9", Some("2(g)"), CiteForm::Short),
        "GDPR art. 9(2)(g)"
    );
    assert_eq!(
        cite("coe/echr/art-8", Some("2"), CiteForm::Short),
        "ECHR art. 8(2)"
    );
    // cite-as.en = "U.S. Const.", label "Amendment IV".
    assert_eq!(
        cite("us/constitution/amendment-4", None, CiteForm::Short),
        "U.S. Const. amend. IV"
    );
    // "Section 17" → s. 17, under the cite-as "PDPA" rather than the short title.
    assert_eq!(
        cite("sg/pdpa/s-17", Some("1"), CiteForm::Short),
        "PDPA s. 17(1)"
    );
    assert_eq!(
        cite("za/popia/s-6", Some("1(c)"), CiteForm::Short),
        "POPIA s. 6(1)(c)"
    );
    assert_eq!(
        cite("cn/pipl/art-26", None, CiteForm::Short),
        "PIPL art. 26"
    );
}

#[test]
fn chinese_laws_cite_natively_with_paragraphs_and_items() {
    // 款 for a paragraph, 项 for an item, after the title in 《》.
    assert_eq!(
        cite("cn/pipl/art-26", None, CiteForm::Native),
        "《中华人民共和国个人信息保护法》第二十六条"
    );
    assert_eq!(
        cite("cn/pipl-draft-2020/art-54", Some("1(五)"), CiteForm::Native),
        "《中华人民共和国个人信息保护法（草案）》第五十四条第一款第（五）项"
    );
    // An instrument whose authentic language is English has no other native form.
    assert_eq!(
        cite("eu/gdpr/art-35", Some("3(c)"), CiteForm::Native),
        "GDPR art. 35(3)(c)"
    );
}

#[test]
fn the_id_form_is_what_show_looks_up() {
    assert_eq!(
        cite("eu/gdpr/art-9", Some("2(g)"), CiteForm::Id),
        "eu/gdpr/art-9(2)(g)"
    );
    assert_eq!(cite("cn/pipl/art-26", None, CiteForm::Id), "cn/pipl/art-26");
    assert_eq!("native".parse::<CiteForm>(), Ok(CiteForm::Native));
    assert_eq!(
        "long".parse::<CiteForm>(),
        Err("unknown citation form `long`; expected short, native or id".to_owned())
    );
}

#[test]
fn chinese_numerals_round_trip() {
    for n in 1..=9_999 {
        let s = chinese_numeral(n).unwrap_or_else(|| panic!("{n}"));
        assert_eq!(parse_chinese_numeral(&s), Some(n), "{n} → {s}");
    }
    assert_eq!(chinese_numeral(0), None);
    assert_eq!(chinese_numeral(10_000), None);
}
