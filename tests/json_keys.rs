//! One key policy for every JSON document: every key of the schema is kebab-case
//! (`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`), as the `render` module docs promise.
//!
//! Every view that has a JSON form is rendered on the bundled corpus, parsed, and walked key by
//! key; one failure lists every offender with its path. Some objects are maps of data, not
//! records of the schema: their keys are values (language tags), so the walker checks them as
//! language tags instead (see [`is_data_map`]).

use std::collections::BTreeSet;

use lexgap::Corpus;
use lexgap::align::{Alignment, CounterpartIndex};
use lexgap::classify::{Comparison, GapMatrix};
use lexgap::diff::{DiffOptions, ProvisionDiff};
use lexgap::model::{Lang, Scope};
use lexgap::render::{
    Format, InstrumentList, ProvisionCard, Render, SCHEMA_VERSION, SideBySide, View,
};
use lexgap::version::VersionDiff;
use serde_json::Value;

/// Whether `key` is kebab-case: lowercase ASCII words of letters and digits, the first starting
/// with a letter, joined by single hyphens.
fn is_kebab(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether the object at `key` of `parent` is a map of data keyed by language tag.
///
/// Instruments and provisions (the objects with an `id`) hold their texts by language:
/// an instrument's `title` and `languages` (provenance per language), a provision's `text`,
/// `label` and `heading`. The corpus document (not a view, but `Corpus` is `Serialize`) holds
/// its `jurisdictions` by code. Everything else is a record of the schema: a `text` elsewhere
/// (a provision diff's text diff) is checked as one. A side-by-side provision's `label` is the
/// labels joined into one string: not a map, nothing to walk.
fn is_data_map(parent: &serde_json::Map<String, Value>, key: &str) -> bool {
    let texts = matches!(key, "title" | "languages" | "text" | "label" | "heading");
    (texts && parent.contains_key("id"))
        || (key == "jurisdictions" && parent.contains_key("instruments"))
}

/// Walks `v`, adding to `bad` every key of the schema that is not kebab-case and every key of a
/// language map that is not a language tag, each with its path (`[]` for any array element).
fn walk(v: &Value, path: &str, bad: &mut BTreeSet<String>, seen: &mut usize) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                *seen += 1;
                if !is_kebab(k) {
                    bad.insert(format!("{path}/{k}"));
                }
                let here = format!("{path}/{k}");
                if is_data_map(map, k) {
                    let Value::Object(data) = x else {
                        if !x.is_string() {
                            bad.insert(format!("{here} (neither a data map nor a string)"));
                        }
                        continue;
                    };
                    for (tag, y) in data {
                        if k != "jurisdictions" && Lang::new(tag).is_err() {
                            bad.insert(format!("{here}/{tag} (not a language tag)"));
                        }
                        walk(y, &format!("{here}/*"), bad, seen);
                    }
                } else {
                    walk(x, &here, bad, seen);
                }
            }
        }
        Value::Array(xs) => {
            for x in xs {
                walk(x, &format!("{path}[]"), bad, seen);
            }
        }
        _ => {}
    }
}

/// `item` as JSON, parsed, with a name for the failure message.
fn json<T: Render>(name: &str, item: &T) -> (String, Value) {
    let out = View::new(item, Format::Json).to_string();
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
    (name.to_owned(), v)
}

/// Every JSON document a view produces, on the bundled corpus.
pub(crate) fn every_document(corpus: &Corpus) -> Vec<(String, Value)> {
    let mut docs = Vec::new();

    // Gap reports: the seed (a draft against GDPR), the module docs' example, and a whole
    // instrument at instrument scope.
    let seed = Comparison::new(
        &corpus.select(["cn/pipl-draft-2020/art-27"]).unwrap(),
        &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"]).unwrap(),
    )
    .run();
    docs.push(json("gaps seed", &seed));
    let art40 = Comparison::new(
        &corpus.select(["cn/constitution/art-40"]).unwrap(),
        &corpus.select(["coe/echr/art-8"]).unwrap(),
    )
    .run();
    docs.push(json("gaps cn/constitution/art-40", &art40));
    let whole = Comparison::new(
        &corpus.select(["cn/pipl"]).unwrap(),
        &corpus.select(["eu/gdpr"]).unwrap(),
    )
    .scope(Scope::Instrument)
    .run();
    docs.push(json("gaps cn/pipl", &whole));

    let matrix = GapMatrix::new(&corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"]).unwrap());
    docs.push(json("matrix", &matrix));

    docs.push(json("list", &InstrumentList::new(corpus, None)));
    docs.push(json("glossary", &lexgap::render::Glossary::new()));
    let hits = corpus.search("biometric");
    docs.push(json(
        "search biometric",
        &lexgap::render::SearchResults::new("biometric", &hits),
    ));
    let art9 = corpus.locate("eu/gdpr/art-9").unwrap();
    let passage = lexgap::render::Passage::new(art9, "2(g)").expect("GDPR art. 9(2)(g)");
    docs.push(json("show eu/gdpr/art-9(2)(g)", &passage));
    docs.push(json("list cn", &InstrumentList::new(corpus, Some("cn"))));
    // Every provision's card: every shape of norm, derogation and correspondence in the data.
    for p in corpus.instruments().flat_map(|i| i.located_provisions()) {
        docs.push(json(&format!("show {}", p.id), &ProvisionCard::new(p)));
    }

    let side = SideBySide::new()
        .column(
            "PIPL draft",
            &corpus.select(["cn/pipl-draft-2020/art-27"]).unwrap(),
        )
        .column(
            "GDPR",
            &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"]).unwrap(),
        );
    docs.push(json("side-by-side", &side));

    for (old, new) in [
        ("cn/pipl-draft-2020/art-27", "cn/pipl/art-26"),
        ("eu/gdpr/art-9", "cn/pipl/art-28"),
    ] {
        let d = ProvisionDiff::new(corpus.locate(old).unwrap(), corpus.locate(new).unwrap());
        docs.push(json(&format!("diff {old} {new}"), &d));
    }

    // Text diffs: words, characters, an approximate one (over budget) and a change of
    // normalisation only.
    let plain = DiffOptions::new().diff_texts("shall be prohibited", "shall be allowed", None);
    docs.push(json("text diff", &plain));
    let zh = Lang::new("zh").unwrap();
    let cjk = DiffOptions::new().diff_texts("向他人提供", "用于其他目的", Some(&zh));
    docs.push(json("text diff zh", &cjk));
    let long_old: String = (0..2_000).map(|i| format!("w{i} ")).collect();
    let long_new: String = (0..2_000)
        .map(|i| format!("w{} ", (i * 7) % 2_000))
        .collect();
    let approx = DiffOptions::new()
        .budget(1)
        .diff_texts(&long_old, &long_new, None);
    docs.push(json("text diff approximate", &approx));
    let nfd = DiffOptions::new().diff_texts("caf\u{e9} ouvert", "cafe\u{301} ouvert", None);
    docs.push(json("text diff normalisation", &nfd));

    let v = VersionDiff::new(
        corpus.instrument("cn/pipl-draft-2020").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    );
    docs.push(json("version diff cn/pipl-draft-2020 cn/pipl", &v));
    docs.push(json(
        "effects cn/pipl-draft-2020 cn/pipl",
        &lexgap::render::EffectList::new(&v),
    ));
    docs.push(json(
        "synopsis cn/pipl-draft-2020 cn/pipl",
        &lexgap::render::Synopsis::new(&v),
    ));

    for (left, right) in [
        ("eu/gdpr", "cn/pipl"),
        ("cn/pipl-draft-2020", "cn/pipl"),
        ("coe/echr", "un/iccpr"),
    ] {
        let a = Alignment::new(
            corpus.instrument(left).unwrap(),
            corpus.instrument(right).unwrap(),
        );
        docs.push(json(&format!("align {left} {right}"), &a));
    }

    let index = CounterpartIndex::new(corpus);
    let found = index.counterparts("eu/gdpr/art-33").unwrap();
    docs.push(json("counterparts eu/gdpr/art-33", &found));

    docs
}

#[test]
fn every_key_of_every_json_document_is_kebab_case() {
    let corpus = Corpus::bundled();
    let docs = every_document(corpus);

    let mut kinds = BTreeSet::new();
    let mut bad = BTreeSet::new();
    let mut seen = 0;
    for (name, doc) in &docs {
        kinds.insert(doc["kind"].as_str().unwrap_or_default().to_owned());
        let mut offenders = BTreeSet::new();
        walk(doc, "", &mut offenders, &mut seen);
        bad.extend(
            offenders
                .into_iter()
                .map(|p| format!("{}: {p}", doc["kind"].as_str().unwrap_or(name))),
        );
    }
    // The corpus itself serialises too (not a view, but the same policy).
    let mut offenders = BTreeSet::new();
    walk(
        &serde_json::to_value(corpus).unwrap(),
        "",
        &mut offenders,
        &mut seen,
    );
    bad.extend(offenders.into_iter().map(|p| format!("corpus: {p}")));
    // So do the changes of a text diff (`TextDiff::iter_changes`), also not a view.
    let diff = DiffOptions::new().diff_texts("caf\u{e9} a b", "cafe\u{301} a c", None);
    let changes: Vec<_> = diff.iter_changes().collect();
    let mut offenders = BTreeSet::new();
    walk(
        &serde_json::to_value(changes).unwrap(),
        "",
        &mut offenders,
        &mut seen,
    );
    bad.extend(offenders.into_iter().map(|p| format!("text changes: {p}")));

    // The kinds are those with a published schema (`schemas/<kind>.schema.json`, which
    // `json_schema` keeps equal to the types): a new kind of document cannot skip this walk.
    let expected: BTreeSet<String> =
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
            .expect("the schemas directory")
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".schema.json").map(str::to_owned)
            })
            .collect();
    assert!(expected.len() >= 12, "{expected:?}");
    assert_eq!(kinds, expected, "every kind of document is walked");
    assert!(seen > 10_000, "only {seen} keys walked");
    assert!(
        bad.is_empty(),
        "{} keys are not kebab-case (path per document kind, `[]` an array element, `*` a key of a data map):\n{}",
        bad.len(),
        bad.iter().cloned().collect::<Vec<_>>().join("\n")
    );
    for (name, doc) in &docs {
        assert_eq!(doc["schema-version"], SCHEMA_VERSION, "{name}");
    }
}

#[test]
fn the_walker_knows_kebab_case_and_data_maps() {
    for k in [
        "kind",
        "schema-version",
        "legal-value",
        "en-x-npc2018",
        "a1-b2",
    ] {
        assert!(is_kebab(k), "{k}");
    }
    for k in [
        "schema_version",
        "oldLang",
        "Kind",
        "-a",
        "a-",
        "a--b",
        "1a",
        "",
        "a.b",
    ] {
        assert!(!is_kebab(k), "{k}");
    }
    // A provision's texts are keyed by language; a diff's `text` is a record.
    let doc: Value = serde_json::from_str(
        r#"{"id": "x/y/z", "text": {"zh-Hans": "…"}, "diff": {"text": {"old_lang": 1}}}"#,
    )
    .unwrap();
    let (mut bad, mut seen) = (BTreeSet::new(), 0);
    walk(&doc, "", &mut bad, &mut seen);
    assert_eq!(bad.into_iter().collect::<Vec<_>>(), ["/diff/text/old_lang"]);
}
