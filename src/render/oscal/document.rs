//! The OSCAL mapping model's JSON shape, as far as lexgap writes it (field names from NIST's
//! `oscal_mapping_metaschema`, OSCAL 1.2.3).

use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Document {
    pub(super) mapping_collection: MappingCollection,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct MappingCollection {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) provenance: Provenance,
    pub(super) mappings: Vec<Mapping>,
    pub(super) back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Metadata {
    pub(super) title: String,
    pub(super) last_modified: String,
    pub(super) version: String,
    pub(super) oscal_version: &'static str,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Provenance {
    pub(super) method: &'static str,
    pub(super) matching_rationale: &'static str,
    pub(super) status: &'static str,
    pub(super) mapping_description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Mapping {
    pub(super) uuid: String,
    pub(super) source_resource: ResourceRef,
    pub(super) target_resource: ResourceRef,
    pub(super) maps: Vec<Map>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) source_gap_summary: Option<GapSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) target_gap_summary: Option<GapSummary>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ResourceRef {
    pub(super) ns: &'static str,
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) href: String,
    pub(super) props: Vec<Prop>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Map {
    pub(super) uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) matching_rationale: Option<&'static str>,
    pub(super) relationship: &'static str,
    pub(super) sources: Vec<Item>,
    pub(super) targets: Vec<Item>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) qualifiers: Vec<Qualifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) confidence_score: Option<ConfidenceScore>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Item {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) id_ref: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Qualifier {
    pub(super) subject: &'static str,
    pub(super) predicate: &'static str,
    pub(super) category: &'static str,
    pub(super) description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ConfidenceScore {
    pub(super) percentage: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Prop {
    pub(super) name: &'static str,
    pub(super) ns: &'static str,
    pub(super) value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) class: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct GapSummary {
    pub(super) uuid: String,
    pub(super) unmapped_controls: Vec<SelectControl>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct SelectControl {
    pub(super) with_ids: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct BackMatter {
    pub(super) resources: Vec<Resource>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Resource {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) citation: Option<ResourceCitation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) rlinks: Vec<RLink>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ResourceCitation {
    pub(super) text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RLink {
    pub(super) href: String,
}
