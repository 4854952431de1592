//! The on-disk schema: private serde structs that mirror `provisions/**/*.toml` field by field
//! (documented in `provisions/README.md`). Unknown fields are rejected; values that later
//! checks point at keep their spans.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub(crate) type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub instrument: S<RawInstrument>,
    #[serde(default)]
    pub provision: Vec<S<RawProvision>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawInstrument {
    pub id: S<String>,
    pub title: BTreeMap<String, S<String>>,
    pub short_title: S<String>,
    #[serde(default)]
    pub cite_as: BTreeMap<String, S<String>>,
    pub kind: S<String>,
    pub status: S<String>,
    pub binding: bool,
    pub published: Option<S<toml::Value>>,
    pub adopted: Option<S<toml::Value>>,
    pub in_force: Option<S<toml::Value>>,
    pub repealed: Option<S<toml::Value>>,
    pub applies_from: Option<S<toml::Value>>,
    #[serde(default)]
    pub identifiers: RawIdentifiers,
    pub becomes: Option<S<String>>,
    #[serde(default)]
    pub supersedes: Vec<S<String>>,
    pub languages: BTreeMap<String, S<RawProvenance>>,
    #[serde(default)]
    pub coverage: String,
    #[serde(default)]
    pub missing: Vec<S<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawIdentifiers {
    pub eli: Option<String>,
    pub celex: Option<String>,
    pub citation: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawProvenance {
    pub legal_value: S<String>,
    pub source: S<String>,
    pub retrieved: Option<S<toml::Value>>,
    pub publisher: Option<String>,
    pub licence: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawProvision {
    pub id: S<String>,
    pub label: BTreeMap<String, S<String>>,
    #[serde(default)]
    pub heading: BTreeMap<String, S<String>>,
    /// One list of strings, or a table language → list (read in `load::provision`).
    #[serde(default)]
    pub chapter: Option<S<toml::Value>>,
    #[serde(default)]
    pub text: BTreeMap<String, S<String>>,
    #[serde(default)]
    pub references: Vec<S<String>>,
    #[serde(default)]
    pub correspondences: Vec<S<RawCorrespondence>>,
    #[serde(default)]
    pub norm: Vec<S<RawNorm>>,
    #[serde(default)]
    pub derogation: Vec<S<RawDerogation>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawCorrespondence {
    pub target: S<String>,
    pub relation: S<String>,
    pub rationale: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawNorm {
    pub kind: S<String>,
    #[serde(default)]
    pub actors: Vec<S<String>>,
    #[serde(default)]
    pub data: Vec<S<String>>,
    #[serde(default)]
    pub activities: Vec<S<String>>,
    #[serde(default)]
    pub purposes: Vec<S<String>>,
    #[serde(default)]
    pub safeguards: Vec<S<RawSafeguard>>,
    /// Schema v1: exceptions inside a norm. Kept only to point at it with the new form.
    pub exceptions: Option<S<toml::Value>>,
    pub scope: Option<S<String>>,
    pub quote: S<String>,
    pub lang: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawSafeguard {
    pub kind: S<String>,
    #[serde(default)]
    pub elements: Vec<S<String>>,
    pub quote: S<String>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
}

/// A quote that may stand in another provision of the same instrument (`in`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawQuote {
    pub quote: S<String>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawDerogation {
    pub form: S<String>,
    pub effect: Option<S<RawEffect>>,
    pub covers: Option<S<RawCovers>>,
    pub grounds: S<RawGrounds>,
    #[serde(default)]
    pub safeguards: Vec<S<RawSafeguard>>,
    pub governed_by: Option<S<RawReferral>>,
    pub quote: S<String>,
    pub lang: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawEffect {
    pub reach: Option<S<String>>,
    pub of: Option<S<String>>,
    #[serde(default)]
    pub provisions: Vec<S<String>>,
    #[serde(default)]
    pub chapters: Vec<S<String>>,
    #[serde(default)]
    pub safeguards: Vec<S<String>>,
    #[serde(default)]
    pub rights: Vec<S<String>>,
    pub quote: Option<S<String>>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawCovers {
    #[serde(default)]
    pub actors: Vec<S<String>>,
    #[serde(default)]
    pub data: Vec<S<String>>,
    #[serde(default)]
    pub activities: Vec<S<String>>,
    #[serde(default)]
    pub purposes: Vec<S<String>>,
    pub quote: Option<S<String>>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
    #[serde(default)]
    pub quotes: Vec<S<RawQuote>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawGrounds {
    pub kind: S<String>,
    #[serde(default)]
    pub purposes: Vec<S<String>>,
    pub to: Option<S<String>>,
    pub quote: Option<S<String>>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawReferral {
    pub instrument: Option<S<String>>,
    pub quote: S<String>,
    #[serde(rename = "in")]
    pub in_: Option<S<String>>,
    pub lang: Option<S<String>>,
}

/// `provisions/jurisdictions.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawJurisdictions {
    pub jurisdiction: Vec<S<RawJurisdiction>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawJurisdiction {
    pub code: S<String>,
    pub name: String,
    pub parent: Option<S<String>>,
    pub level: Option<S<String>>,
}
