//! The published JSON Schemas (`schemas/<kind>.schema.json`, built with `--features schema`):
//! each is the schema of its kind's envelope, generated from the Rust types with schemars, and
//! must equal the committed file; every JSON document of [`every_document`] and the CLI's JSON
//! output validate against their kind's schema.
//!
//! With `LEXGAP_UPDATE_SCHEMAS=1` (`LEXGAP_UPDATE_SCHEMAS=1 cargo test --features schema,cli
//! json_schema`) the test writes the files instead, and says so.

use std::path::{Path, PathBuf};

use lexgap::Corpus;
use lexgap::align::{Alignment, Counterparts};
use lexgap::classify::{GapMatrix, GapReport};
use lexgap::diff::{ProvisionDiff, TextDiff};
use lexgap::render::{
    EffectList, Glossary, InstrumentList, Passage, ProvisionCard, Render, SCHEMA_VERSION,
    SearchResults, SideBySide, Synopsis,
};
use lexgap::version::VersionDiff;
use serde_json::{Map, Value, json};

use crate::json_keys::every_document;

/// The definitions that another object extends (a `$ref` beside `properties`, or one of an
/// `allOf`): a tagged newtype variant adds its tag to the keys of the struct it wraps.
fn extended(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            let mut refs: Vec<&Value> = Vec::new();
            if map.contains_key("properties") {
                refs.extend(map.get("$ref"));
            }
            if let Some(Value::Array(all)) = map.get("allOf") {
                refs.extend(all.iter().filter_map(|x| x.get("$ref")));
            }
            for r in refs.into_iter().filter_map(Value::as_str) {
                out.push(r.trim_start_matches("#/$defs/").to_owned());
            }
            map.values().for_each(|x| extended(x, out));
        }
        Value::Array(xs) => xs.iter().for_each(|x| extended(x, out)),
        _ => {}
    }
}

/// Every object of the schema with `properties` gets `unevaluatedProperties: false`: the
/// documents write the keys the schema names, no others. A definition that another object
/// extends stays open (the extending object is closed, and sees the keys of the definition).
/// Objects that are maps of data, such as texts by language, have no `properties`.
fn close_objects(v: &mut Value, open: &[String]) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties")
                && !map.contains_key("additionalProperties")
                && !map.contains_key("unevaluatedProperties")
            {
                map.insert("unevaluatedProperties".to_owned(), Value::Bool(false));
            }
            for (k, x) in map.iter_mut() {
                if k == "$defs" {
                    for (name, def) in x.as_object_mut().into_iter().flatten() {
                        if open.contains(name) {
                            // Its own nested objects are still closed.
                            if let Value::Object(d) = def {
                                for y in d.values_mut() {
                                    close_objects(y, open);
                                }
                            }
                        } else {
                            close_objects(def, open);
                        }
                    }
                } else {
                    close_objects(x, open);
                }
            }
        }
        Value::Array(xs) => xs.iter_mut().for_each(|x| close_objects(x, open)),
        _ => {}
    }
}

/// `v` with the keys of every object in sorted order, whatever map serde_json is built with.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, x)| (k, sorted(x))).collect())
        }
        Value::Array(xs) => Value::Array(xs.into_iter().map(sorted).collect()),
        x => x,
    }
}

/// The schema of a document of `T`'s kind: the envelope, its `data` the schema of `T`, the
/// definitions of `T`'s schema at the top.
fn envelope<T: Render + schemars::JsonSchema>() -> (&'static str, Value) {
    let kind = T::KIND;
    // What serde writes (not what it would read): a field skipped when empty is optional.
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut data = generator.into_root_schema_for::<T>().to_value();
    let data_map = data.as_object_mut().expect("a schema object");
    data_map.remove("$schema");
    let defs = data_map.remove("$defs");
    let mut doc = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("lexgap {kind} document"),
        "description": format!(
            "A lexgap JSON document of kind `{kind}` (schema version {SCHEMA_VERSION}): \
             the envelope and, under `data`, the result."
        ),
        "type": "object",
        "required": ["schema-version", "kind", "data"],
        "properties": {
            "schema-version": { "const": SCHEMA_VERSION },
            "kind": { "const": kind },
            "data": data,
        },
    });
    if let Some(defs) = defs {
        doc.as_object_mut()
            .expect("an object")
            .insert("$defs".to_owned(), defs);
    }
    let mut open = Vec::new();
    extended(&doc, &mut open);
    close_objects(&mut doc, &open);
    (kind, sorted(doc))
}

/// The schema of every kind, by kind.
fn every_schema() -> Vec<(&'static str, Value)> {
    vec![
        envelope::<Alignment<'static>>(),
        envelope::<Counterparts<'static>>(),
        envelope::<EffectList<'static>>(),
        envelope::<GapMatrix>(),
        envelope::<GapReport>(),
        envelope::<Glossary>(),
        envelope::<InstrumentList<'static>>(),
        envelope::<Passage<'static>>(),
        envelope::<ProvisionCard<'static>>(),
        envelope::<ProvisionDiff<'static>>(),
        envelope::<SearchResults<'static>>(),
        envelope::<SideBySide<'static>>(),
        envelope::<Synopsis<'static>>(),
        envelope::<TextDiff<'static>>(),
        envelope::<VersionDiff<'static>>(),
    ]
}

fn schema_path(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{kind}.schema.json"))
}

/// Every JSON error of `doc` against `schema`, one per line, with the path of each.
fn errors(schema: &Value, doc: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

fn schema_of<'s>(schemas: &'s [(&'static str, Value)], doc: &Value) -> &'s Value {
    let kind = doc["kind"].as_str().expect("a kind");
    &schemas
        .iter()
        .find(|(k, _)| *k == kind)
        .unwrap_or_else(|| panic!("no schema for kind `{kind}`"))
        .1
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    let update = std::env::var_os("LEXGAP_UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (kind, schema) in every_schema() {
        let path = schema_path(kind);
        let text = format!("{}\n", serde_json::to_string_pretty(&schema).unwrap());
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            eprintln!("LEXGAP_UPDATE_SCHEMAS=1: wrote {}", path.display());
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != text {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "these schemas differ from the generated ones (or are missing); regenerate them with \
         `LEXGAP_UPDATE_SCHEMAS=1 cargo test --features schema,cli json_schema` and review the \
         change:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_schema_is_closed_and_names_its_kind() {
    for (kind, schema) in every_schema() {
        assert_eq!(schema["properties"]["kind"]["const"], kind);
        assert_eq!(
            schema["properties"]["schema-version"]["const"],
            SCHEMA_VERSION
        );
        // A document of another kind, or of another version, is refused.
        let other = json!({ "schema-version": SCHEMA_VERSION, "kind": "other", "data": {} });
        assert!(!errors(&schema, &other).is_empty(), "{kind}");
        let old = json!({ "schema-version": SCHEMA_VERSION - 1, "kind": kind, "data": {} });
        assert!(!errors(&schema, &old).is_empty(), "{kind}");
    }
}

#[test]
fn every_json_document_validates_against_its_schema() {
    let schemas = every_schema();
    let docs = every_document(Corpus::bundled());
    let mut bad = Vec::new();
    for (name, doc) in &docs {
        let errs = errors(schema_of(&schemas, doc), doc);
        if !errs.is_empty() {
            bad.push(format!(
                "{name} ({}):\n  {}",
                doc["kind"],
                errs.join("\n  ")
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} documents do not validate:\n{}",
        bad.len(),
        docs.len(),
        bad.join("\n")
    );
    // The schemas say something: a key too many, or a wrong type, is refused.
    let (_, doc) = &docs[0];
    let mut extra = doc.clone();
    extra["data"]
        .as_object_mut()
        .unwrap()
        .insert("not-in-the-schema".to_owned(), Value::Null);
    assert!(!errors(schema_of(&schemas, doc), &extra).is_empty());
    let mut wrong = doc.clone();
    wrong["data"] = Value::Object(Map::new());
    assert!(!errors(schema_of(&schemas, doc), &wrong).is_empty());
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_json_output_validates() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lexgap"))
        .args([
            "gaps",
            "cn/pipl-draft-2020/art-27",
            "--baseline",
            "eu/gdpr/art-9",
            "eu/gdpr/art-35",
            "--format",
            "json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the lexgap binary runs");
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    assert_eq!(doc["kind"], "gap-report");
    let schemas = every_schema();
    let errs = errors(schema_of(&schemas, &doc), &doc);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

/// Every kind of document the library renders (each `const KIND` in `src/render`) has a
/// schema here, so a new kind cannot be published without one.
#[test]
fn every_rendered_kind_has_a_schema() {
    fn kinds_in(dir: &Path, out: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                kinds_in(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                for part in src.split("const KIND: &'static str = \"").skip(1) {
                    out.insert(part.split('"').next().unwrap().to_owned());
                }
            }
        }
    }
    let mut rendered = std::collections::BTreeSet::new();
    kinds_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut rendered,
    );
    assert!(rendered.len() >= 12, "{rendered:?}");
    let schemas: std::collections::BTreeSet<String> = every_schema()
        .into_iter()
        .map(|(k, _)| k.to_owned())
        .collect();
    assert_eq!(rendered, schemas);
}
