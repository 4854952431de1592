//! `lexgap::import`: the bundled full texts cut into provisions give exactly the bundled texts
//! (and headings and chapter paths), the files written load, and awkward numbering (inserted
//! articles, repealed articles, schedules, text before the first heading, duplicates, gaps)
//! is split or reported as it should be. Never panics, whatever the input.

use std::collections::BTreeMap;
use std::path::Path;

use lexgap::Corpus;
use lexgap::import::{ImportOptions, Imported, UnsplitKind};
use lexgap::model::{InstrumentKind, Lang, LegalValue, Status};
use proptest::prelude::*;

fn options(id: &str, lang: &str) -> ImportOptions {
    ImportOptions::new(id.parse().unwrap(), Lang::new(lang).unwrap())
}

/// Options with every required field set, so that the file written loads.
fn complete(id: &str, lang: &str) -> ImportOptions {
    let mut o = options(id, lang);
    o.title("An invented act")
        .short_title("Act")
        .kind(InstrumentKind::Statute)
        .status(Status::InForce)
        .binding(true)
        .legal_value(LegalValue::Authentic)
        .source("invented for the tests");
    o
}

fn reference(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("reference/shared/fulltext")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import_reference(id: &str, lang: &str, name: &str) -> Imported {
    options(id, lang).import(&reference(name))
}

/// Every provision of `instrument` with an article number against the imported article of
/// the same id, in `lang`: text, heading and chapter path exactly. Returns how many compared.
fn compare(instrument: &str, lang: &str, imported: &Imported) -> usize {
    let lang = Lang::new(lang).unwrap();
    let by_id: BTreeMap<&str, _> = imported
        .provisions()
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let inst = Corpus::bundled().instrument(instrument).unwrap();
    let mut differ = Vec::new();
    let mut compared = 0;
    for p in &inst.provisions {
        if p.id.article_number().is_none() {
            continue; // recitals: in a file of their own
        }
        let Some(text) = p.text.get(&lang) else {
            continue;
        };
        let Some(got) = by_id.get(p.id.local()) else {
            differ.push(format!("{}: not imported", p.id));
            continue;
        };
        compared += 1;
        if &got.text != text {
            differ.push(format!(
                "{}: text differs\n  bundled:  {text:?}\n  imported: {:?}",
                p.id, got.text
            ));
        }
        if got.heading.as_ref() != p.heading.get(&lang) {
            differ.push(format!(
                "{}: heading {:?}, bundled {:?}",
                p.id,
                got.heading,
                p.heading.get(&lang)
            ));
        }
        let chapter = p.chapter_in(&lang).unwrap_or_default();
        if got.chapter != chapter {
            differ.push(format!(
                "{}: chapter {:?}, bundled {chapter:?}",
                p.id, got.chapter
            ));
        }
        if got.label != p.label[&lang] && lang.as_str() == "zh" {
            differ.push(format!("{}: label {}", p.id, got.label));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    compared
}

#[test]
fn import_reproduces_the_bundled_gdpr() {
    let imported = import_reference("eu/gdpr", "en", "eu-gdpr.en.txt");
    assert_eq!(imported.provisions().len(), 99);
    assert_eq!(compare("eu/gdpr", "en", &imported), 99);
    // Only the title, citations and recitals' heading before Chapter I are left over.
    let report: Vec<String> = imported.unsplit().iter().map(|u| u.to_string()).collect();
    assert_eq!(
        report,
        ["line 13: text before the first heading (to line 25) is not in any provision"]
    );
}

#[test]
fn import_reproduces_the_bundled_pipl_in_chinese_and_english() {
    let zh = import_reference("cn/pipl", "zh", "cn-pipl-2021.zh.txt");
    assert_eq!(zh.provisions().len(), 74);
    assert_eq!(compare("cn/pipl", "zh", &zh), 74);
    let en = import_reference("cn/pipl", "en", "cn-pipl-2021.en.txt");
    assert_eq!(en.provisions().len(), 74);
    assert_eq!(compare("cn/pipl", "en", &en), 74);
    for imported in [&zh, &en] {
        assert!(
            imported
                .unsplit()
                .iter()
                .all(|u| matches!(u.kind, UnsplitKind::BeforeFirstHeading { .. })),
            "{:?}",
            imported.unsplit()
        );
    }
}

#[test]
fn import_reproduces_the_bundled_constitution_articles() {
    let imported = import_reference("cn/constitution", "zh", "cn-constitution-2018.zh.txt");
    assert_eq!(imported.provisions().len(), 143);
    assert_eq!(compare("cn/constitution", "zh", &imported), 7);
    // The preamble (序言) comes before 第一章: reported, not written.
    assert_eq!(imported.unsplit().len(), 1);
    assert_eq!(
        imported.unsplit()[0].kind,
        UnsplitKind::BeforeFirstHeading { last_line: 60 }
    );
}

/// The files written for the full texts load as they are, with the metadata given.
#[test]
fn import_writes_files_that_load() {
    for (id, lang, name, count) in [
        ("eu/gdpr", "en", "eu-gdpr.en.txt", 99),
        ("cn/pipl", "zh", "cn-pipl-2021.zh.txt", 74),
        ("cn/pipl", "en", "cn-pipl-2021.en.txt", 74),
        ("cn/constitution", "zh", "cn-constitution-2018.zh.txt", 143),
    ] {
        let toml = complete(id, lang).import(&reference(name)).to_toml();
        let origin = format!("provisions/{id}.toml");
        let corpus = lexgap::Loader::new()
            .toml(&origin, &toml)
            .load()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(corpus.instrument(id).unwrap().provisions.len(), count);
    }
}

/// Without the metadata, the file does not load: each missing required key is an error,
/// never a placeholder accepted in silence.
#[test]
fn import_without_metadata_fails_to_load_loudly() {
    let toml = options("intl/act", "en")
        .import("Article 1\nText.\n")
        .to_toml();
    let err = lexgap::Loader::new()
        .toml("intl/act.toml", &toml)
        .load()
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field"), "{err}");
}

fn ids(imported: &Imported) -> Vec<&str> {
    imported
        .provisions()
        .iter()
        .map(|p| p.id.as_str())
        .collect()
}

fn report(imported: &Imported) -> Vec<String> {
    imported.unsplit().iter().map(|u| u.to_string()).collect()
}

/// Loads `text` imported with complete options; panics with the errors otherwise.
fn loads(id: &str, lang: &str, text: &str) -> Imported {
    let imported = complete(id, lang).import(text);
    let toml = imported.to_toml();
    if let Err(e) = lexgap::Loader::new()
        .toml(&format!("provisions/{id}.toml"), &toml)
        .load()
    {
        panic!("{e}\n{toml}");
    }
    imported
}

#[test]
fn import_inserted_articles() {
    let text = "\
Article 12
Text of twelve.
Article 12a
Text of twelve a.
Art. 12-2 Text of twelve-two.
Article 13 bis
Text of thirteen bis.
";
    let imported = loads("intl/inserted", "en", text);
    assert_eq!(ids(&imported), ["art-12", "art-12a", "art-12b", "art-13a"]);
    let labels: Vec<&str> = imported
        .provisions()
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Article 12", "Article 12a", "Art. 12-2", "Article 13 bis"]
    );
    assert_eq!(imported.provisions()[2].text, "Text of twelve-two.\n");
    assert_eq!(report(&imported), Vec::<String>::new());
}

#[test]
fn import_sections_with_letters_and_numbered_sections() {
    let imported = loads(
        "intl/sections",
        "en",
        "Section 12 Text.\nSection 12A — Inserted\n(1) Text of 12A.\n§ 13 Text of 13.\n",
    );
    assert_eq!(ids(&imported), ["s-12", "s-12a", "s-13"]);
    assert_eq!(imported.provisions()[1].label, "Section 12A");
    assert_eq!(
        imported.provisions()[1].heading.as_deref(),
        Some("Inserted")
    );
    assert_eq!(imported.provisions()[2].label, "§ 13");
    let numbered = loads(
        "intl/numbered",
        "en",
        "PART 1 PRELIMINARY\n1.—(1) This Act applies.\n(2) Also here.\n2. (1) Second.\n",
    );
    assert_eq!(ids(&numbered), ["s-1", "s-2"]);
    assert_eq!(
        numbered.provisions()[0].text,
        "(1) This Act applies.\n(2) Also here.\n"
    );
    assert_eq!(numbered.provisions()[0].chapter, ["Part 1 PRELIMINARY"]);
    assert_eq!(numbered.provisions()[1].label, "Section 2");
    // UK and Singapore texts: marginal headings on the line above, a section of one
    // subsection as `1. Text`, a repealed section, a paragraph `2.` inside a section.
    let uk = loads(
        "intl/uk-style",
        "en",
        "Short title\n1. This Act may be cited as the Invented Act.\n\nInterpretation\n\
         2.—(1) In this Act—\n1. first;\n(2) Also.\n3. [Repealed]\n",
    );
    assert_eq!(ids(&uk), ["s-1", "s-2", "s-3"]);
    let headings: Vec<Option<&str>> = uk
        .provisions()
        .iter()
        .map(|p| p.heading.as_deref())
        .collect();
    assert_eq!(
        headings,
        [Some("Short title"), Some("Interpretation"), None]
    );
    assert_eq!(
        uk.provisions()[1].text,
        "(1) In this Act—\n1. first;\n(2) Also.\n"
    );
    assert!(uk.provisions()[2].repealed);
    assert_eq!(
        report(&uk),
        ["line 8: `Section 3` is marked repealed; written with its marker as text"]
    );
}

#[test]
fn import_chinese_inserted_and_deleted_articles() {
    let text = "\
第一章 总则
第一条 第一条的内容。
第二条 （删除）
第二条之一 插入的条文。
第三条 第三条的内容。
";
    let imported = loads("intl/zh-act", "zh", text);
    assert_eq!(ids(&imported), ["art-1", "art-2", "art-2a", "art-3"]);
    assert_eq!(imported.provisions()[2].label, "第二条之一");
    assert!(imported.provisions()[1].repealed);
    assert_eq!(imported.provisions()[1].text, "（删除）\n");
    assert_eq!(imported.provisions()[0].chapter, ["第一章 总则"]);
    assert_eq!(
        report(&imported),
        ["line 3: `第二条` is marked repealed; written with its marker as text"]
    );
}

#[test]
fn import_repealed_articles_schedules_and_text_before_the_first_heading() {
    let text = "\
The Invented Act
An Act to invent things.

Article 1
Short title
This Act may be cited as the Invented Act.

Article 2 [Repealed]

Article 5
Duties
Everyone shall invent.

SCHEDULE 1 — Forms
Article 1 of the form
Name and address.
";
    let imported = loads("intl/invented", "en", text);
    assert_eq!(ids(&imported), ["art-1", "art-2", "art-5", "schedule-1"]);
    let schedule = &imported.provisions()[3];
    assert_eq!(schedule.label, "SCHEDULE 1");
    assert_eq!(schedule.heading.as_deref(), Some("Forms"));
    // Headings inside a schedule are its text.
    assert_eq!(schedule.text, "Article 1 of the form\nName and address.\n");
    assert_eq!(
        report(&imported),
        [
            "line 1: text before the first heading (to line 2) is not in any provision",
            "line 8: `Article 2` is marked repealed; written with its marker as text",
            "line 10: numbering jumps from 2 to 5 (3-4 missing)",
            "line 14: `SCHEDULE 1` is kept apart as a provision of its own",
        ]
    );
    let toml = imported.to_toml();
    assert!(toml.contains("# missing = [\"art-3..art-4\"]"), "{toml}");
}

#[test]
fn import_reports_a_duplicate_number_and_leaves_it_out() {
    let imported = loads(
        "intl/dup",
        "en",
        "Article 1\nFirst.\nArticle 2\nSecond.\nArticle 2\nSecond again.\nArticle 3\nThird.\n",
    );
    assert_eq!(ids(&imported), ["art-1", "art-2", "art-3"]);
    assert_eq!(imported.provisions()[1].text, "Second.\n");
    assert_eq!(
        report(&imported),
        ["line 5: `Article 2` repeats a number first used at line 3; left out"]
    );
}

#[test]
fn import_keeps_a_line_that_starts_with_a_reference_as_text() {
    let imported = loads(
        "intl/refs",
        "en",
        "Article 1 The rules.\nArticle 2 More rules.\nArticle 1 shall apply here too.\n",
    );
    assert_eq!(ids(&imported), ["art-1", "art-2"]);
    assert_eq!(
        imported.provisions()[1].text,
        "More rules.\nArticle 1 shall apply here too.\n"
    );
    assert_eq!(
        report(&imported),
        ["line 3: `Article 1` is numbered no higher than the heading before it; kept as text"]
    );
}

#[test]
fn import_writes_a_text_with_triple_quotes_as_a_basic_string() {
    let imported = loads("intl/quotes", "en", "Article 1\nIt says '''so'''.\n");
    let value: toml::Table = imported.to_toml().parse().unwrap();
    assert_eq!(
        value["provision"][0]["text"]["en"].as_str(),
        Some("It says '''so'''.\n")
    );
}

proptest! {
    /// Whatever the input, import returns, and what it writes is TOML.
    #[test]
    fn prop_import_never_panics(text in "(Article [0-9]{1,3}[a-z]?( [A-Za-z']{0,8})?\n|第[一二三十]{1,3}条[ 之一（删除）]{0,4}\n|CHAPTER [IVX]{1,3}\n|SCHEDULE [0-9]\n|[0-9]{1,2}\\.—\\(1\\) x\n|\\PC{0,20}\n|\n){0,12}") {
        let imported = options("intl/prop", "en").import(&text);
        let parsed: Result<toml::Table, _> = imported.to_toml().parse();
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
    }

    #[test]
    fn prop_import_never_panics_on_any_string(text in "\\PC*|[\\s\\S]{0,200}") {
        let imported = options("intl/prop", "en").import(&text);
        let parsed: Result<toml::Table, _> = imported.to_toml().parse();
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
    }
}

/// The GDPR's recitals, from their own reference file: the four bundled ones exactly.
#[test]
fn import_keeps_recitals_apart() {
    let imported = import_reference("eu/gdpr", "en", "eu-gdpr-recitals.en.txt");
    assert_eq!(imported.provisions().len(), 173);
    let by_id: BTreeMap<&str, &str> = imported
        .provisions()
        .iter()
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect();
    let gdpr = Corpus::bundled().instrument("eu/gdpr").unwrap();
    let en = Lang::new("en").unwrap();
    let mut compared = 0;
    for p in gdpr
        .provisions
        .iter()
        .filter(|p| p.id.local().starts_with("recital-"))
    {
        assert_eq!(
            by_id.get(p.id.local()).copied(),
            Some(p.text[&en].as_str()),
            "{}",
            p.id
        );
        compared += 1;
    }
    assert_eq!(compared, 4);
    assert_eq!(
        report(&imported),
        [
            "line 9: text before the first heading (to line 20) is not in any provision",
            "line 20: recitals (1) to (173) are kept apart as provisions `recital-N`",
        ]
    );
}

/// The loader reads `12-1` and `12 bis` as the first inserted article, `a`, and no other.
#[test]
fn import_inserted_labels_must_name_the_ids_letter() {
    let toml = complete("intl/inserted", "en")
        .import("Article 12a\nText.\n")
        .to_toml();
    for (label, ok) in [
        ("Art. 12-1", true),
        ("Article 12 bis", true),
        ("Art. 12-2", false),
        ("Article 12 ter", false),
        ("Art. 13-1", false),
    ] {
        let edited = toml.replace(
            "label.en = \"Article 12a\"",
            &format!("label.en = \"{label}\""),
        );
        let loaded = lexgap::Loader::new()
            .toml("provisions/intl/inserted.toml", &edited)
            .load();
        match (ok, loaded) {
            (true, Ok(_)) => {}
            (false, Err(e)) => assert!(
                e.to_string()
                    .contains(&format!("label `{label}` does not name article 12a")),
                "{e}"
            ),
            (true, Err(e)) => panic!("{label}: {e}"),
            (false, Ok(_)) => panic!("{label} loaded"),
        }
    }
}

/// The PIPL in Chinese, then its English merged in (`--into`): the file loads, and every
/// article has both bundled texts, both labels and both chapter paths.
#[test]
fn import_merges_a_second_language() {
    let zh = complete("cn/pipl", "zh")
        .import(&reference("cn-pipl-2021.zh.txt"))
        .to_toml();
    let mut en = complete("cn/pipl", "en");
    en.legal_value(LegalValue::OfficialTranslation);
    let merged = en
        .import(&reference("cn-pipl-2021.en.txt"))
        .merge_into(&zh)
        .unwrap();
    assert!(merged.notes.is_empty(), "{:?}", merged.notes);
    let corpus = lexgap::Loader::new()
        .toml("provisions/cn/pipl.toml", &merged.text)
        .load()
        .unwrap_or_else(|e| panic!("{e}"));
    let ours = corpus.instrument("cn/pipl").unwrap();
    let bundled = Corpus::bundled().instrument("cn/pipl").unwrap();
    assert_eq!(ours.provisions.len(), 74);
    for (a, b) in ours.provisions.iter().zip(&bundled.provisions) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.text, b.text, "{}", a.id);
        assert_eq!(a.label, b.label, "{}", a.id);
        assert_eq!(a.chapters, b.chapters, "{}", a.id);
    }
    // Merging again changes nothing but says so.
    let again = en
        .import(&reference("cn-pipl-2021.en.txt"))
        .merge_into(&merged.text)
        .unwrap();
    assert_eq!(again.text, merged.text);
    assert_eq!(again.notes.len(), 75, "{:?}", &again.notes[..3]);
}
