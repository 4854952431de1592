//! Which provisions answer which: pairing the provisions of two instruments, across
//! jurisdictions (GDPR ↔ PIPL) or across versions (the 2020 draft PIPL ↔ the 2021 law).
//!
//! `align` decides *which* provisions to put side by side; [`crate::diff`] decides *how* they
//! differ; [`crate::classify`] says which protection one lacks.
//!
//! ```
//! use lexgap::align::Alignment;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let alignment = Alignment::new(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
//! let best = alignment.best_for("eu/gdpr/art-33").expect("a breach-notification counterpart");
//! assert_eq!(best.right().id.to_string(), "cn/pipl/art-57");
//! for reason in best.reasons() {
//!     println!("{:>5.2}  {}", reason.value(), reason.reason());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Evidence
//!
//! Each candidate pair is scored from these kinds of evidence, in this order
//! ([`Reason`]):
//!
//! 1. the same text (whitespace aside) in a language both have: the pair is certain;
//! 2. explicit correspondences in the data, declared on either side, with their relation
//!    ([`CORRESPONDENCE_WEIGHT`]);
//! 3. the norm features both provisions share: what their norms do (kinds; a derogation is an
//!    exception), data categories (counted twice), actors, activities, safeguard kinds and
//!    derogation grounds, as `shared / (union + 2)` so that thin annotation is not rewarded,
//!    halved when the norms share no kind ([`FEATURE_WEIGHT`]);
//! 4. the similarity of the headings, Sørensen–Dice over character bigrams with `strsim`
//!    ([`HEADING_WEIGHT`], counted from [`HEADING_MIN_SIMILARITY`]): headings are short, so a
//!    string metric suits them;
//! 5. the similarity of the texts in one language both have (authentic texts first), as the
//!    cosine of TF-IDF vectors over stemmed words (spaced scripts) or character bigrams
//!    (Chinese, Japanese, Korean), plus one term per data-protection concept the text names in
//!    any legislature's words (a lexicon: "personal information processor", "responsible
//!    party" and "controller" are one concept) and per term it defines, looked up through an
//!    inverted index so that only pairs that
//!    share a term are scored ([`TEXT_WEIGHT`]). Whole texts are never compared pairwise with
//!    an edit distance: that is `O(n·m)` in pairs times `O(len²)` each, seconds for two
//!    statutes, where the index takes milliseconds.
//!
//! Each piece of evidence contributes a value in `[0, 1]` (its weight times its similarity),
//! and the score of a pair combines them as independent evidence: `1 − Π(1 − cᵢ)`. The score
//! is thus in `[0, 1]`, grows with every piece of evidence, and is 1 for identical texts. A
//! pair of a recital and an article keeps half its score ([`RECITAL_FACTOR`]).
//!
//! # Modes
//!
//! - [`Mode::Version`] (chosen when one instrument `becomes` or `supersedes` the other): each
//!   provision gets at most one counterpart, best score first, then splits and merges are
//!   added ([`Group`]): draft PIPL art. 54 → arts. 55 + 56.
//! - [`Mode::Comparison`] (any other two instruments): many-to-many; a pair is kept when it
//!   scores at least [`MATCH_THRESHOLD`] and is within [`RELATIVE_CUTOFF`] of the best match
//!   of either of its provisions, with a guessed [`Crosswalk`] relation.
//!
//! # Relations, rationale, confidence
//!
//! Every pair carries a relation in the crosswalk vocabulary of OSCAL's mapping model and
//! NIST's set-theory relationships ([`Crosswalk`]: equal-to, equivalent-to, subset-of,
//! superset-of, intersects-with, no-relationship), the [`Rationale`] it rests on (semantic
//! for a declared correspondence, functional when the annotated norms weigh most, syntactic
//! when the texts do), a [`Confidence`] (high from [`HIGH_CONFIDENCE`], medium from
//! [`MEDIUM_CONFIDENCE`], low from [`MATCH_THRESHOLD`], calibrated on two gold lists), and
//! between versions a [`Lifecycle`] relation (successor, renumbered, split, merge), kept
//! apart from what the provisions say. A declared `successor-of` correspondence is a
//! lifecycle relation and decides no crosswalk relation.

// This file holds the results, `Alignment` and `Pair`; the steps that make them are in
// `options` (the weights, thresholds and `AlignOptions`), `evidence` (the reasons and how
// each is gathered, with the TF-IDF index in `index`), `scoring` (the scorer, which runs the
// steps in order, one left provision at a time against every right one), `grouping` (one
// to one, splits and merges) and `relations` (the relation of each pair). `counterparts`
// scores one provision against a whole corpus with the same evidence, through an index.

mod concepts;
mod counterparts;
mod crosswalk;
mod evidence;
mod grouping;
mod index;
mod options;
mod relations;
mod scoring;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{Instrument, Lang, Provision, ProvisionId};

pub use counterparts::{CounterpartIndex, Counterparts};
pub use crosswalk::{
    Confidence, ConfidenceLevel, Crosswalk, HIGH_CONFIDENCE, Lifecycle, MEDIUM_CONFIDENCE,
    Rationale,
};
pub use evidence::{Contribution, Reason};
pub use grouping::{Group, GroupKind};
pub use options::{
    AlignOptions, CANDIDATE_THRESHOLD, CORRESPONDENCE_WEIGHT, EQUIVALENT_TEXT_THRESHOLD,
    FEATURE_WEIGHT, HEADING_MIN_SIMILARITY, HEADING_WEIGHT, MATCH_THRESHOLD, Mode, RECITAL_FACTOR,
    RELATIVE_CUTOFF, SPLIT_THRESHOLD, TEXT_WEIGHT, VERSION_THRESHOLD,
};

fn ser_id<S: serde::Serializer>(p: &&Provision, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&p.id)
}

/// A provision of the left instrument, one of the right, how well they correspond and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pair<'a> {
    #[serde(serialize_with = "ser_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    left: &'a Provision,
    #[serde(serialize_with = "ser_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    right: &'a Provision,
    score: f64,
    crosswalk: Crosswalk,
    rationale: Rationale,
    confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle: Option<Lifecycle>,
    reasons: Vec<Contribution>,
}

impl<'a> Pair<'a> {
    /// The provision of the left instrument.
    pub fn left(&self) -> &'a Provision {
        self.left
    }
    /// The provision of the right instrument.
    pub fn right(&self) -> &'a Provision {
        self.right
    }
    /// The score, in `[0, 1]`: `1 − Π(1 − cᵢ)` over the contributions.
    pub fn score(&self) -> f64 {
        self.score
    }
    /// How the left provision relates to the right one, in the crosswalk vocabulary: from an
    /// explicit correspondence when the data has one (its lifecycle relations aside);
    /// [`Crosswalk::EqualTo`] for identical texts; otherwise from the norm features (the
    /// left covers all the right's data, actors and activities and not the reverse:
    /// [`Crosswalk::SupersetOf`]) and the text. [`Crosswalk::NoRelationship`] below the
    /// match threshold, and between versions for a candidate in no group. Between versions:
    /// superset-of for a provision split in several, subset-of for one of several merged.
    ///
    /// ```
    /// use lexgap::align::{Alignment, Crosswalk, Lifecycle};
    ///
    /// let corpus = lexgap::Corpus::bundled();
    /// let v = Alignment::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
    /// let split = v.pair("cn/pipl-draft-2020/art-54", "cn/pipl/art-56").unwrap();
    /// assert_eq!(split.crosswalk(), Crosswalk::SupersetOf);
    /// assert_eq!(split.lifecycle(), Some(Lifecycle::Split));
    /// let moved = v.pair("cn/pipl-draft-2020/art-27", "cn/pipl/art-26").unwrap();
    /// assert_eq!(moved.lifecycle(), Some(Lifecycle::Renumbered));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn crosswalk(&self) -> Crosswalk {
        self.crosswalk
    }
    /// On what the relation rests: semantic for a declared correspondence, functional when
    /// the annotated features weigh most, syntactic when the texts and headings do.
    pub fn rationale(&self) -> Rationale {
        self.rationale
    }
    /// How far to trust the pair: a level and a calibrated number (see [`Confidence`]).
    pub fn confidence(&self) -> Confidence {
        self.confidence
    }
    /// Between versions, how the right provision descends from the left one (successor,
    /// renumbered, split, merge); `None` across instruments and for a candidate in no group.
    pub fn lifecycle(&self) -> Option<Lifecycle> {
        self.lifecycle
    }
    /// The evidence, in the order of [`Reason`]'s variants.
    pub fn reasons(&self) -> &[Contribution] {
        &self.reasons
    }
    /// The text similarity, if the texts were compared.
    pub fn text_similarity(&self) -> Option<f64> {
        self.reasons.iter().find_map(|c| match c.reason {
            Reason::Text { similarity, .. } => Some(similarity),
            _ => None,
        })
    }
    /// Whether the data declares this correspondence.
    pub fn is_declared(&self) -> bool {
        self.reasons
            .iter()
            .any(|c| matches!(c.reason, Reason::Correspondence { .. }))
    }
}

/// The provisions of two instruments, paired, each pair with a score and its reasons.
///
/// ```
/// use lexgap::align::{Alignment, GroupKind, Mode};
///
/// let corpus = lexgap::Corpus::bundled();
/// let versions = Alignment::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// assert_eq!(versions.mode(), Mode::Version);
/// let split = versions.groups().iter().find(|g| g.kind() == GroupKind::Split).expect("art. 54 was split");
/// let ids: Vec<String> = split.right().iter().map(|p| p.id.to_string()).collect();
/// assert_eq!(ids, ["cn/pipl/art-55", "cn/pipl/art-56"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Alignment<'a> {
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    left: &'a Instrument,
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    right: &'a Instrument,
    mode: Mode,
    langs: Vec<Lang>,
    candidates: Vec<Pair<'a>>,
    #[serde(skip)]
    selected: Vec<usize>,
    groups: Vec<Group<'a>>,
}

fn ser_inst<S: serde::Serializer>(i: &&Instrument, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&i.id)
}

impl<'a> Alignment<'a> {
    /// Aligns two instruments with the default [`AlignOptions`].
    pub fn new(left: &'a Instrument, right: &'a Instrument) -> Alignment<'a> {
        AlignOptions::new().align(left, right)
    }

    /// Options, to change weights, thresholds or the mode.
    pub fn configure() -> AlignOptions {
        AlignOptions::new()
    }

    /// The left instrument.
    pub fn left(&self) -> &'a Instrument {
        self.left
    }

    /// The right instrument.
    pub fn right(&self) -> &'a Instrument {
        self.right
    }

    /// Version or comparison.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The languages both instruments have, in the order in which texts were compared
    /// (authentic texts first).
    pub fn langs(&self) -> &[Lang] {
        &self.langs
    }

    /// Every scored pair above [`CANDIDATE_THRESHOLD`]: by left provision in document order,
    /// best score first.
    pub fn candidates(&self) -> impl Iterator<Item = &Pair<'a>> + '_ {
        self.candidates.iter()
    }

    /// The pairs kept: across instruments, the matches (see [`MATCH_THRESHOLD`] and
    /// [`RELATIVE_CUTOFF`]); between versions, the pairs of the [`groups`](Alignment::groups).
    /// Same order as [`candidates`](Alignment::candidates).
    pub fn pairs(&self) -> impl Iterator<Item = &Pair<'a>> + '_ {
        self.selected.iter().map(|&k| &self.candidates[k])
    }

    /// The candidates of one provision (left or right, by id), best first.
    pub fn matches_for(&self, id: &str) -> Vec<&Pair<'a>> {
        let Ok(id) = id.parse::<ProvisionId>() else {
            return Vec::new();
        };
        let mut out: Vec<&Pair<'a>> = self
            .candidates
            .iter()
            .filter(|p| p.left.id == id || p.right.id == id)
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| same_local(b).cmp(&same_local(a)))
        });
        out
    }

    /// The best candidate of one provision (left or right, by id), whatever its score.
    pub fn best_for(&self, id: &str) -> Option<&Pair<'a>> {
        self.matches_for(id).into_iter().next()
    }

    /// The kept pair of these two provisions, if any.
    pub fn pair(&self, left: &str, right: &str) -> Option<&Pair<'a>> {
        let (Ok(left), Ok(right)) = (left.parse::<ProvisionId>(), right.parse::<ProvisionId>())
        else {
            return None;
        };
        self.pairs()
            .find(|p| p.left.id == left && p.right.id == right)
    }

    /// The left provisions without a kept pair, in document order.
    pub fn unmatched_left(&self) -> Vec<&'a Provision> {
        let matched: BTreeSet<&ProvisionId> = self.pairs().map(|p| &p.left.id).collect();
        self.left
            .provisions
            .iter()
            .filter(|p| !matched.contains(&p.id))
            .collect()
    }

    /// The right provisions without a kept pair, in document order.
    pub fn unmatched_right(&self) -> Vec<&'a Provision> {
        let matched: BTreeSet<&ProvisionId> = self.pairs().map(|p| &p.right.id).collect();
        self.right
            .provisions
            .iter()
            .filter(|p| !matched.contains(&p.id))
            .collect()
    }

    /// Every provision of both sides in groups that correspond as a whole: one to one (best
    /// score first, from [`VERSION_THRESHOLD`]), then leftovers joined to their best match as
    /// splits and merges (from [`SPLIT_THRESHOLD`]), then provisions alone. Groups follow the
    /// left document order; right-only groups come last, in right order. Computed in both
    /// modes, meant for versions.
    pub fn groups(&self) -> &[Group<'a>] {
        &self.groups
    }
}

fn same_local(p: &Pair<'_>) -> bool {
    p.left.id.local() == p.right.id.local()
}
