//! An alignment as a crosswalk in OSCAL's mapping model, JSON only: [`OscalMapping`]. The
//! other renderers show lexgap's own documents (the `Render` trait, the versioned envelope);
//! this one writes a document of another standard's shape, for tools that read OSCAL.

use std::collections::BTreeSet;
use std::fmt;

use uuid::Uuid;

use crate::align::{Alignment, Pair, Rationale, Reason};
use crate::classify::{Comparison, Gap, Registry};
use crate::corpus::Corpus;
use crate::error::LookupError;
use crate::model::{Citation, Date, Instrument, Lang, Provision};

mod document;
use document::{
    BackMatter, ConfidenceScore, Document, GapSummary, Item, Map, Mapping, MappingCollection,
    Metadata, Prop, Provenance, Qualifier, RLink, Resource, ResourceCitation, ResourceRef,
    SelectControl,
};

/// The OSCAL version of the documents [`OscalMapping`] writes: the release whose JSON Schema
/// (`schemas/oscal/oscal_complete_schema.json`) they are checked against.
pub const OSCAL_VERSION: &str = "1.2.3";

/// The namespace of the names lexgap adds to an OSCAL document (the resource type
/// `instrument`, the properties of a map): OSCAL asks an absolute URI for a name it does not
/// define. It also names the namespace of the UUIDs (version 5, in the URL namespace).
pub const OSCAL_NS: &str = "urn:lexgap";

/// An [`Alignment`] as a crosswalk in OSCAL's mapping model (NIST OSCAL 1.2, a
/// `mapping-collection`), printed as JSON through `Display` or
/// [`to_json`](OscalMapping::to_json).
///
/// The other renderers show lexgap's own documents ([`Render`](super::Render), in the
/// versioned envelope of [the JSON schema](super#json-schema)); this one writes a document of
/// another standard's shape, for tools that read OSCAL. It carries what the mapping model has
/// room for, the left instrument as the source and the right one as the target:
///
/// | lexgap | OSCAL |
/// |---|---|
/// | the two instruments | `source-resource` and `target-resource` (`type` `instrument` in [`OSCAL_NS`]), each pointing at a `back-matter` resource with the title, the official citation, the URLs of the texts' sources and their provenance |
/// | a kept pair ([`Alignment::pairs`]) | a `map`: `relationship` (the [`Crosswalk`](crate::align::Crosswalk) code), `matching-rationale`, `confidence-score` (`percentage`: the calibrated [confidence value](crate::align::Confidence::value)), one `source` and one `target` (`type` `control`, `id-ref` the provision's local id, such as `art-33`, `remarks` its citation and heading) |
/// | the pair's score, confidence level, lifecycle relation and reasons | the map's `props`, in [`OSCAL_NS`]: `score`, `confidence-level`, `lifecycle`, one `reason` per piece of evidence (its `class` the kind of evidence) |
/// | the gaps of the pair ([`with_gaps`](OscalMapping::with_gaps)) | the map's `qualifiers`: one per open gap (absent, partial, unknown) of each side against the other, `subject` the side that lacks the protection, `predicate` `has-incompatibility`, `category` `addressable`, the code, status, severity and title in the `description` |
/// | the unmatched provisions | `source-gap-summary` and `target-gap-summary`: the model's "controls that were not mapped at all" |
///
/// The score and the reasons are properties, not qualifiers: the model makes each qualifier
/// a requirement or an incompatibility of one side (`subject`, `predicate` and `category` take
/// only the values it lists), which a gap is and a score is not. A confidence score is a
/// category or a percentage, not both; the percentage is the finer, the level a property.
/// The provenance says `automation` and `draft`: no person reviewed the pairs. With no pair
/// kept, the one map says that no provision of either side relates (`no-relationship`), since
/// a mapping must have a map.
///
/// The output is the same on every run: the UUIDs are name-based (version 5, from the ids, in
/// a namespace of lexgap's own), except the collection's, which is name-based on the whole
/// content, so that it changes when the document does, as OSCAL asks; `last-modified` is the
/// caller's date, by default the latest retrieval date of the two instruments' texts.
/// `tests/oscal.rs` checks the GDPR ↔ PIPL document against NIST's OSCAL 1.2.3 JSON Schema.
///
/// # Example
///
/// ```
/// use lexgap::align::Alignment;
/// use lexgap::render::OscalMapping;
///
/// let corpus = lexgap::Corpus::bundled();
/// let alignment = Alignment::new(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
/// let doc: serde_json::Value = serde_json::from_str(&OscalMapping::new(&alignment).to_json())?;
/// let mapping = &doc["mapping-collection"]["mappings"][0];
/// assert_eq!(mapping["source-resource"]["props"][0]["value"], "eu/gdpr");
/// let breach = mapping["maps"]
///     .as_array()
///     .unwrap()
///     .iter()
///     .find(|m| m["sources"][0]["id-ref"] == "art-33" && m["targets"][0]["id-ref"] == "art-57")
///     .expect("GDPR art. 33 ↔ PIPL art. 57");
/// assert_eq!(breach["relationship"], "intersects-with");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OscalMapping<'a> {
    alignment: &'a Alignment<'a>,
    last_modified: Option<Date>,
    gaps: Option<&'a Corpus>,
}

impl<'a> OscalMapping<'a> {
    /// The alignment as a mapping collection, dated by default (see
    /// [`last_modified`](OscalMapping::last_modified)), without gap qualifiers.
    pub fn new(alignment: &'a Alignment<'a>) -> OscalMapping<'a> {
        OscalMapping {
            alignment,
            last_modified: None,
            gaps: None,
        }
    }

    /// The date of `metadata.last-modified`, written as midnight UTC. The default is the
    /// latest date on which a text of either instrument was retrieved (the data's own date,
    /// so that the same corpus gives the same document), or 1970-01-01 when no text has one.
    /// OSCAL's date-times have years from 1900 to 2999.
    ///
    /// # Example
    ///
    /// ```
    /// use lexgap::align::Alignment;
    /// use lexgap::render::OscalMapping;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let alignment = Alignment::new(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
    /// let json = OscalMapping::new(&alignment).last_modified("2027-01-31".parse()?).to_json();
    /// assert!(json.contains("2027-01-31T00:00:00Z"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_modified(mut self, date: Date) -> Self {
        self.last_modified = Some(date);
        self
    }

    /// Adds to each map the open gaps of each side against the other, as qualifiers: the
    /// [`Comparison`] of the left provision (target) with the right one (baseline), at
    /// provision scope, and the reverse. Default: none, since it takes the corpus (the two
    /// comparisons of each of the 104 pairs of GDPR ↔ PIPL take about 10 ms together).
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] if `corpus` does not hold both instruments of the alignment.
    ///
    /// # Example
    ///
    /// ```
    /// use lexgap::align::Alignment;
    /// use lexgap::render::OscalMapping;
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let alignment = Alignment::new(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
    /// let json = OscalMapping::new(&alignment).with_gaps(corpus)?.to_json();
    /// assert!(json.contains(r#""predicate": "has-incompatibility""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_gaps(mut self, corpus: &'a Corpus) -> Result<Self, LookupError> {
        corpus.instrument(&self.alignment.left().id.to_string())?;
        corpus.instrument(&self.alignment.right().id.to_string())?;
        self.gaps = Some(corpus);
        Ok(self)
    }

    /// The document, pretty-printed JSON ending in a line break.
    pub fn to_json(&self) -> String {
        let doc = self.document();
        let mut s = serde_json::to_string_pretty(&doc).expect("an OSCAL document serialises");
        s.push('\n');
        s
    }

    fn date(&self) -> Date {
        let (left, right) = (self.alignment.left(), self.alignment.right());
        self.last_modified
            .or_else(|| {
                [left, right]
                    .iter()
                    .flat_map(|i| i.languages.values())
                    .filter_map(|p| p.retrieved)
                    .max()
            })
            .unwrap_or(Date::new(1970, 1, 1).expect("a date"))
    }

    fn document(&self) -> Document {
        let a = self.alignment;
        let (left, right) = (a.left(), a.right());
        let pair_name = format!("{} {}", left.id, right.id);
        let pairs: Vec<&Pair<'_>> = a.pairs().collect();
        let mut maps: Vec<Map> = pairs.iter().map(|p| self.map(p)).collect();
        let nothing =
            maps.is_empty() && !left.provisions.is_empty() && !right.provisions.is_empty();
        if nothing {
            // A mapping needs a map: with no pair kept, the finding is that nothing relates
            // (and no provision is left unmapped).
            maps.push(nothing_relates(left, right));
        }
        let unmatched = |side: &str, provisions: Vec<&Provision>| {
            (!nothing && !provisions.is_empty()).then(|| GapSummary {
                uuid: name_uuid(&format!("{side}-gap-summary {pair_name}")),
                unmapped_controls: vec![SelectControl {
                    with_ids: provisions.iter().map(|p| control_id(p)).collect(),
                }],
            })
        };
        let mapping = Mapping {
            uuid: name_uuid(&format!("mapping {pair_name}")),
            source_resource: resource_ref(left),
            target_resource: resource_ref(right),
            maps,
            source_gap_summary: unmatched("source", a.unmatched_left()),
            target_gap_summary: unmatched("target", a.unmatched_right()),
        };
        let d = self.date();
        let metadata = Metadata {
            title: format!(
                "Crosswalk of {} ({}) to {} ({})",
                one_line(&left.short_title),
                left.id,
                one_line(&right.short_title),
                right.id
            ),
            last_modified: format!("{d}T00:00:00Z"),
            version: format!("lexgap {}", env!("CARGO_PKG_VERSION")),
            oscal_version: OSCAL_VERSION,
            remarks: "Made by lexgap from the texts as annotated in its corpus; not reviewed by \
                      a person. Not legal advice."
                .to_owned(),
        };
        let provenance = Provenance {
            method: "automation",
            matching_rationale: most_common_rationale(&pairs).code(),
            status: "draft",
            mapping_description: format!(
                "How the provisions of the {} (`{}`, the sources) relate to those of the {} \
                 (`{}`, the targets), as lexgap aligns them ({} mode): each map is a pair of \
                 provisions kept by the alignment, its relationship that of the source to the \
                 target, its confidence score the share of such pairs found right on lexgap's \
                 gold lists; the gap summaries list the provisions without a counterpart.{}",
                left.short_title,
                left.id,
                right.short_title,
                right.id,
                a.mode(),
                if self.gaps.is_some() {
                    " A map's qualifiers name the protections that one of its provisions lacks \
                     against the other (lexgap's gap codes, at provision scope)."
                } else {
                    ""
                }
            ),
        };
        let back_matter = BackMatter {
            resources: vec![resource(left), resource(right)],
        };
        let mut collection = MappingCollection {
            uuid: String::new(),
            metadata,
            provenance,
            mappings: vec![mapping],
            back_matter,
        };
        // Name-based on the content: the same document gets the same UUID, a revised one a
        // new one.
        let content = serde_json::to_string(&collection).expect("an OSCAL document serialises");
        collection.uuid = name_uuid(&format!("mapping-collection {content}"));
        Document {
            mapping_collection: collection,
        }
    }

    fn map(&self, p: &Pair<'_>) -> Map {
        let (l, r) = (p.left(), p.right());
        let mut props = vec![
            prop("score", format!("{:.3}", p.score()), None),
            prop("confidence-level", p.confidence().level().code(), None),
        ];
        if let Some(life) = p.lifecycle() {
            props.push(prop("lifecycle", life.code(), None));
        }
        for c in p.reasons() {
            props.push(prop("reason", c.to_string(), Some(reason_kind(c.reason()))));
        }
        let mut qualifiers = Vec::new();
        if let Some(corpus) = self.gaps {
            qualifiers.extend(
                open_gaps(corpus, l, r)
                    .iter()
                    .map(|g| qualifier("source", g)),
            );
            qualifiers.extend(
                open_gaps(corpus, r, l)
                    .iter()
                    .map(|g| qualifier("target", g)),
            );
        }
        Map {
            uuid: name_uuid(&format!("map {} {}", l.id, r.id)),
            matching_rationale: Some(p.rationale().code()),
            relationship: p.crosswalk().code(),
            sources: vec![item(self.alignment.left(), l)],
            targets: vec![item(self.alignment.right(), r)],
            qualifiers,
            confidence_score: Some(ConfidenceScore {
                percentage: (p.confidence().value() * 1000.0).round() / 1000.0,
            }),
            props,
        }
    }
}

impl fmt::Display for OscalMapping<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

/// The open gaps of `target` against `baseline`, at provision scope.
fn open_gaps(corpus: &Corpus, target: &Provision, baseline: &Provision) -> Vec<Gap> {
    let (Ok(t), Ok(b)) = (
        corpus.select([target.id.to_string()]),
        corpus.select([baseline.id.to_string()]),
    ) else {
        return Vec::new();
    };
    Comparison::new(&t, &b)
        .gaps_with(Registry::default_ref(), &Default::default())
        .into_iter()
        .filter(Gap::is_open)
        .collect()
}

fn qualifier(subject: &'static str, g: &Gap) -> Qualifier {
    Qualifier {
        subject,
        predicate: "has-incompatibility",
        category: "addressable",
        description: format!(
            "`{}` {} ({} severity): {}",
            g.code, g.status, g.severity, g.title
        ),
    }
}

/// A version 5 UUID of `name` in lexgap's namespace.
fn name_uuid(name: &str) -> String {
    let ns = Uuid::new_v5(&Uuid::NAMESPACE_URL, OSCAL_NS.as_bytes());
    Uuid::new_v5(&ns, name.as_bytes()).to_string()
}

/// The provision's id within its instrument, as an OSCAL token: the local id (`art-33`),
/// after `_` when it does not begin with a letter, which a token must.
fn control_id(p: &Provision) -> String {
    let local = p.id.local();
    if local.starts_with(|c: char| c.is_ascii_alphabetic()) {
        local.to_owned()
    } else {
        format!("_{local}")
    }
}

fn english(texts: &crate::model::Texts, fallback: &str) -> String {
    Lang::new("en")
        .ok()
        .and_then(|en| texts.get(&en))
        .or_else(|| texts.values().next())
        .map_or_else(|| fallback.to_owned(), |t| one_line(t))
}

/// Text for a single-line OSCAL field: whitespace runs as one space, none at the ends.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn item(instrument: &Instrument, p: &Provision) -> Item {
    let remarks = instrument.located(p.id.local()).map(|located| {
        let c = Citation::of(located);
        match c.heading() {
            Some(h) => format!("{}: {}", c.short(), one_line(h)),
            None => c.short(),
        }
    });
    Item {
        kind: "control",
        id_ref: control_id(p),
        remarks,
    }
}

fn nothing_relates(left: &Instrument, right: &Instrument) -> Map {
    Map {
        uuid: name_uuid(&format!("no-relationship {} {}", left.id, right.id)),
        matching_rationale: None,
        relationship: crate::align::Crosswalk::NoRelationship.code(),
        sources: left.provisions.iter().map(|p| item(left, p)).collect(),
        targets: right.provisions.iter().map(|p| item(right, p)).collect(),
        qualifiers: Vec::new(),
        confidence_score: None,
        props: Vec::new(),
    }
}

fn resource_ref(i: &Instrument) -> ResourceRef {
    ResourceRef {
        ns: OSCAL_NS,
        kind: "instrument",
        href: format!("#{}", resource_uuid(i)),
        props: vec![prop("instrument-id", i.id.to_string(), None)],
    }
}

fn resource_uuid(i: &Instrument) -> String {
    name_uuid(&format!("instrument {}", i.id))
}

fn resource(i: &Instrument) -> Resource {
    let mut urls: BTreeSet<&str> = i
        .languages
        .values()
        .flat_map(|p| urls_in(&p.source))
        .collect();
    urls.extend(i.identifiers.eli.iter().flat_map(|eli| urls_in(eli)));
    let sources: Vec<String> = i
        .languages
        .iter()
        .map(|(lang, p)| format!("- {lang} ({}): {}", p.legal_value, one_line(&p.source)))
        .collect();
    Resource {
        uuid: resource_uuid(i),
        title: english(&i.title, &i.short_title),
        props: vec![
            prop("instrument-id", i.id.to_string(), None),
            prop("jurisdiction", i.id.jurisdiction(), None),
            prop("instrument-status", i.status.code(), None),
        ],
        citation: i
            .identifiers
            .citation
            .as_deref()
            .map(one_line)
            .filter(|t| !t.is_empty())
            .map(|text| ResourceCitation { text }),
        rlinks: urls
            .into_iter()
            .map(|href| RLink {
                href: href.to_owned(),
            })
            .collect(),
        remarks: (!sources.is_empty())
            .then(|| format!("Sources of the texts:\n\n{}", sources.join("\n"))),
    }
}

/// The `http` and `https` URLs in a text, without the brackets and punctuation around them:
/// a source is free text that names its URLs (`a copy of ... (https://eur-lex.europa.eu/...)`).
fn urls_in(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().filter_map(|word| {
        let at = word.find("https://").or_else(|| word.find("http://"))?;
        let url = word[at..].trim_end_matches([')', ']', ',', ';', '.', '"', '\'']);
        url.contains("://").then_some(url)
    })
}

fn prop(name: &'static str, value: impl Into<String>, class: Option<&'static str>) -> Prop {
    Prop {
        name,
        ns: OSCAL_NS,
        value: one_line(&value.into()),
        class,
    }
}

/// The kind of a piece of evidence, as a property class.
fn reason_kind(r: &Reason) -> &'static str {
    match r {
        Reason::IdenticalText { .. } => "identical-text",
        Reason::Correspondence { .. } => "correspondence",
        Reason::Features { .. } => "features",
        Reason::Heading { .. } => "heading",
        Reason::Text { .. } => "text",
    }
}

/// The rationale of most pairs (the document-wide default each map overrides); ties go to
/// the first of syntactic, semantic, functional; syntactic when there is no pair.
fn most_common_rationale(pairs: &[&Pair<'_>]) -> Rationale {
    let order = [
        Rationale::Syntactic,
        Rationale::Semantic,
        Rationale::Functional,
    ];
    let count = |r: Rationale| pairs.iter().filter(|p| p.rationale() == r).count();
    let mut best = order[0];
    for r in order {
        if count(r) > count(best) {
            best = r;
        }
    }
    best
}

// The document, in the field order of the OSCAL mapping model (oscal_mapping-common and
// oscal_metadata metaschemas); empty optional fields are left out, as the model requires of
// arrays (`minItems: 1`).

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_uuids_are_version_5() {
        // The namespace itself is the v5 UUID of `urn:lexgap` in the URL namespace.
        let u = name_uuid("map eu/gdpr/art-33 cn/pipl/art-57");
        assert_eq!(u, name_uuid("map eu/gdpr/art-33 cn/pipl/art-57"));
        assert_eq!(&u[14..15], "5", "{u}");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"), "{u}");
        // RFC 9562's example: the v5 UUID of www.example.com in the DNS namespace.
        assert_eq!(
            Uuid::new_v5(&Uuid::NAMESPACE_DNS, b"www.example.com").to_string(),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
    }
}
