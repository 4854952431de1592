//! The OSCAL export of an alignment (`render::OscalMapping`, `lexgap align --oscal`): valid
//! against NIST's published OSCAL JSON Schema (`schemas/oscal/`, see its README), exact on
//! the pairs and provisions it is about, the same bytes on every run, and the same from the
//! command line as from the library.

use std::path::Path;

use lexgap::Corpus;
use lexgap::align::Alignment;
use lexgap::render::OscalMapping;
use serde_json::Value;

/// The date every test pins `last-modified` to.
const DATE: &str = "2026-12-01";

fn gdpr_pipl() -> Alignment<'static> {
    let corpus = Corpus::bundled();
    Alignment::new(
        corpus.instrument("eu/gdpr").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    )
}

/// The export of `alignment` with the gaps of each pair, as the CLI writes it.
fn export(alignment: &Alignment<'_>) -> String {
    OscalMapping::new(alignment)
        .with_gaps(Corpus::bundled())
        .unwrap()
        .last_modified(DATE.parse().unwrap())
        .to_json()
}

fn schema() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/oscal/oscal_complete_schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every error of `doc` against the OSCAL schema, one per line, with the path of each.
fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

fn maps(doc: &Value) -> &[Value] {
    doc["mapping-collection"]["mappings"][0]["maps"]
        .as_array()
        .unwrap()
}

fn the_map<'d>(doc: &'d Value, source: &str, target: &str) -> &'d Value {
    maps(doc)
        .iter()
        .find(|m| m["sources"][0]["id-ref"] == source && m["targets"][0]["id-ref"] == target)
        .unwrap_or_else(|| panic!("no map {source} → {target}"))
}

fn prop<'d>(map: &'d Value, name: &str) -> Vec<&'d str> {
    map["props"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["name"] == name)
        .map(|p| p["value"].as_str().unwrap())
        .collect()
}

#[test]
fn gdpr_pipl_export_is_valid_oscal() {
    let doc: Value = serde_json::from_str(&export(&gdpr_pipl())).unwrap();
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let errs = errors(&validator, &doc);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    assert_eq!(
        doc["mapping-collection"]["metadata"]["oscal-version"],
        lexgap::render::OSCAL_VERSION
    );
    assert_eq!(
        doc["mapping-collection"]["metadata"]["last-modified"],
        "2026-12-01T00:00:00Z"
    );

    // The schema says something: what OSCAL does not allow is refused.
    let mut both = doc.clone();
    both["mapping-collection"]["mappings"][0]["maps"][0]["confidence-score"] =
        serde_json::json!({"category": "high", "percentage": 1.0});
    assert!(
        !errors(&validator, &both).is_empty(),
        "a category and a percentage"
    );
    let mut rationale = doc.clone();
    rationale["mapping-collection"]["mappings"][0]["maps"][0]["matching-rationale"] =
        "lexical".into();
    assert!(
        !errors(&validator, &rationale).is_empty(),
        "an unknown rationale"
    );
    let mut no_target = doc.clone();
    no_target["mapping-collection"]["mappings"][0]["maps"][0]["targets"] = serde_json::json!([]);
    assert!(
        !errors(&validator, &no_target).is_empty(),
        "a map without a target"
    );
}

/// A mapping must have a map: with no pair kept, the one map says that nothing relates.
#[test]
fn no_pair_kept_is_one_no_relationship_map() {
    let corpus = Corpus::bundled();
    let (gdpr, pipl) = (
        corpus.instrument("eu/gdpr").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    );
    let alignment = Alignment::configure()
        .use_correspondences(false)
        .match_threshold(1.0)
        .align(gdpr, pipl);
    assert_eq!(alignment.pairs().count(), 0);
    let doc: Value = serde_json::from_str(&OscalMapping::new(&alignment).to_json()).unwrap();
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let errs = errors(&validator, &doc);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    let [map] = maps(&doc) else {
        panic!("{} maps", maps(&doc).len())
    };
    assert_eq!(map["relationship"], "no-relationship");
    assert_eq!(
        map["sources"].as_array().unwrap().len(),
        gdpr.provisions.len()
    );
    assert_eq!(
        map["targets"].as_array().unwrap().len(),
        pipl.provisions.len()
    );
    let mapping = &doc["mapping-collection"]["mappings"][0];
    assert!(
        mapping.get("source-gap-summary").is_none(),
        "all are mapped, to nothing"
    );
    assert!(mapping.get("target-gap-summary").is_none());
}

/// Between versions, the lifecycle relation is a property of the map.
#[test]
fn version_export_is_valid_and_has_lifecycles() {
    let corpus = Corpus::bundled();
    let alignment = Alignment::new(
        corpus.instrument("cn/pipl-draft-2020").unwrap(),
        corpus.instrument("cn/pipl").unwrap(),
    );
    let doc: Value = serde_json::from_str(&export(&alignment)).unwrap();
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let errs = errors(&validator, &doc);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    let split = the_map(&doc, "art-54", "art-56");
    assert_eq!(split["relationship"], "superset-of");
    assert_eq!(prop(split, "lifecycle"), ["split"]);
    assert_eq!(
        prop(the_map(&doc, "art-27", "art-26"), "lifecycle"),
        ["renumbered"]
    );
}

#[test]
fn breach_notification_map_is_exact() {
    let alignment = gdpr_pipl();
    let doc: Value = serde_json::from_str(&export(&alignment)).unwrap();
    let map = the_map(&doc, "art-33", "art-57");
    assert_eq!(map["relationship"], "intersects-with");
    assert_eq!(map["matching-rationale"], "semantic");
    assert_eq!(
        map["confidence-score"],
        serde_json::json!({"percentage": 1.0})
    );
    assert_eq!(prop(map, "confidence-level"), ["high"]);
    assert_eq!(map["sources"][0]["type"], "control");
    assert_eq!(
        map["sources"][0]["remarks"],
        "GDPR art. 33: Notification of a personal data breach to the supervisory authority"
    );
    assert_eq!(map["targets"][0]["remarks"], "PIPL art. 57");
    // The same facts as the alignment's pair.
    let pair = alignment.pair("eu/gdpr/art-33", "cn/pipl/art-57").unwrap();
    assert_eq!(map["relationship"], pair.crosswalk().code());
    assert_eq!(map["matching-rationale"], pair.rationale().code());
    assert_eq!(prop(map, "score"), [format!("{:.3}", pair.score())]);
    let reasons: Vec<String> = pair.reasons().iter().map(ToString::to_string).collect();
    assert_eq!(prop(map, "reason"), reasons);
    assert!(reasons[0].starts_with("0.90 correspondence declared by cn/pipl/art-57"));
    assert!(prop(map, "lifecycle").is_empty(), "not between versions");
    assert!(map.get("qualifiers").is_none(), "no open gap either way");

    // Every kept pair is a map, and nothing else is.
    assert_eq!(maps(&doc).len(), alignment.pairs().count());
}

#[test]
fn gaps_are_qualifiers_of_their_side() {
    let doc: Value = serde_json::from_str(&export(&gdpr_pipl())).unwrap();
    // Sensitive data: GDPR art. 9 has no purpose limitation of PIPL art. 28's kind; PIPL
    // art. 28 no consent requirement of GDPR art. 9's.
    let map = the_map(&doc, "art-9", "art-28");
    let qualifiers: Vec<(&str, &str)> = map["qualifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            assert_eq!(q["predicate"], "has-incompatibility");
            assert_eq!(q["category"], "addressable");
            (
                q["subject"].as_str().unwrap(),
                q["description"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        qualifiers,
        [
            (
                "source",
                "`no-purpose-limitation` absent (medium severity): no purpose limitation"
            ),
            (
                "target",
                "`no-consent-requirement` absent (medium severity): no consent requirement"
            ),
        ]
    );
    // Without a corpus, no qualifier.
    let alignment = gdpr_pipl();
    let bare = OscalMapping::new(&alignment).to_json();
    assert!(!bare.contains("\"qualifiers\""));
}

#[test]
fn unmatched_provisions_are_in_the_gap_summaries() {
    let alignment = gdpr_pipl();
    let doc: Value = serde_json::from_str(&export(&alignment)).unwrap();
    let mapping = &doc["mapping-collection"]["mappings"][0];
    let unmapped = |side: &str| -> Vec<String> {
        mapping[format!("{side}-gap-summary")]["unmapped-controls"][0]["with-ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let (source, target) = (unmapped("source"), unmapped("target"));
    // GDPR art. 10 (criminal convictions) has no counterpart in PIPL; PIPL art. 74 (entry
    // into force) is matched to nothing: its best candidate, GDPR art. 99, scores below the
    // match threshold.
    assert!(source.contains(&"art-10".to_owned()), "{source:?}");
    assert!(target.contains(&"art-74".to_owned()), "{target:?}");
    assert!(
        maps(&doc)
            .iter()
            .all(|m| m["sources"][0]["id-ref"] != "art-10"),
        "an unmatched provision is in no map"
    );
    let locals = |ps: Vec<&lexgap::model::Provision>| -> Vec<String> {
        ps.iter().map(|p| p.id.local().to_owned()).collect()
    };
    assert_eq!(source, locals(alignment.unmatched_left()));
    assert_eq!(target, locals(alignment.unmatched_right()));
}

#[test]
fn export_is_deterministic() {
    let first = export(&gdpr_pipl());
    let second = export(&gdpr_pipl());
    assert_eq!(first, second, "two runs, two different documents");
    // Every UUID is a different one, and the collection's follows the content.
    let doc: Value = serde_json::from_str(&first).unwrap();
    let mut uuids = Vec::new();
    collect_uuids(&doc, &mut uuids);
    let distinct: std::collections::BTreeSet<&String> = uuids.iter().collect();
    assert_eq!(distinct.len(), uuids.len(), "a UUID used twice");
    assert!(uuids.len() > 100, "{}", uuids.len());
    let alignment = gdpr_pipl();
    let other_day = OscalMapping::new(&alignment)
        .with_gaps(Corpus::bundled())
        .unwrap()
        .last_modified("2027-01-01".parse().unwrap())
        .to_json();
    let other: Value = serde_json::from_str(&other_day).unwrap();
    assert_ne!(
        doc["mapping-collection"]["uuid"],
        other["mapping-collection"]["uuid"]
    );
    assert_eq!(
        maps(&doc)[0]["uuid"],
        maps(&other)[0]["uuid"],
        "per subject"
    );
}

fn collect_uuids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("uuid", Value::String(s)) => out.push(s.clone()),
                    _ => collect_uuids(x, out),
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| collect_uuids(x, out)),
        _ => {}
    }
}

/// By default `last-modified` is the data's own date: the latest retrieval of either
/// instrument's texts.
#[test]
fn last_modified_defaults_to_the_latest_retrieval() {
    let alignment = gdpr_pipl();
    let latest = [alignment.left(), alignment.right()]
        .iter()
        .flat_map(|i| i.languages.values())
        .filter_map(|p| p.retrieved)
        .max()
        .unwrap();
    let doc: Value = serde_json::from_str(&OscalMapping::new(&alignment).to_string()).unwrap();
    assert_eq!(
        doc["mapping-collection"]["metadata"]["last-modified"],
        format!("{latest}T00:00:00Z")
    );
}

#[cfg(feature = "cli")]
#[test]
fn cli_prints_the_library_export() {
    use std::process::Command;

    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_lexgap"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let library = export(&gdpr_pipl());
    let printed = run(&[
        "align",
        "eu/gdpr",
        "cn/pipl",
        "--oscal",
        "--last-modified",
        DATE,
    ]);
    assert_eq!(printed, library);

    let dir = std::env::temp_dir().join(format!("lexgap-oscal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // `-o` writes the same, whatever the file's extension.
    for (name, format) in [("gdpr-pipl.json", None), ("gdpr-pipl.oscal", Some("json"))] {
        let file = dir.join(name);
        let mut args = vec!["align", "eu/gdpr", "cn/pipl", "--oscal"];
        args.extend(["--last-modified", DATE, "-o", file.to_str().unwrap()]);
        args.extend(format.iter().flat_map(|f| ["--format", f]));
        assert_eq!(run(&args), "", "{args:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), library, "{args:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();

    // OSCAL is JSON: another format is a usage error, and so is a date that is not one.
    for bad in [
        &["align", "eu/gdpr", "cn/pipl", "--oscal", "--format", "csv"][..],
        &[
            "align",
            "eu/gdpr",
            "cn/pipl",
            "--oscal",
            "--last-modified",
            "2026-02-30",
        ],
        &["align", "eu/gdpr", "cn/pipl", "--last-modified", DATE],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_lexgap"))
            .args(bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}
