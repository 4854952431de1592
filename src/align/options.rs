//! The options step of an alignment: the weights and thresholds ([`CORRESPONDENCE_WEIGHT`]
//! ...), the [`Mode`], and [`AlignOptions`], which starts the scoring.

use std::fmt;

use serde::Serialize;

use crate::model::Instrument;

use super::Alignment;
use super::crosswalk::{HIGH_CONFIDENCE, MEDIUM_CONFIDENCE};
use super::scoring::Scorer;

/// Contribution of an explicit correspondence in the data: 0.9.
pub const CORRESPONDENCE_WEIGHT: f64 = 0.9;
/// Contribution of wholly shared norm features (Jaccard index 1): 0.4.
pub const FEATURE_WEIGHT: f64 = 0.4;
/// Contribution of identical headings: 0.3.
pub const HEADING_WEIGHT: f64 = 0.3;
/// Heading similarity below which headings are not counted as evidence: 0.5.
pub const HEADING_MIN_SIMILARITY: f64 = 0.5;
/// Contribution of texts with cosine similarity 1: 0.85.
pub const TEXT_WEIGHT: f64 = 0.85;
/// What a pair of a recital and an operative provision keeps of its score: half. A
/// recital explains a rule; it is not the other law's counterpart of an article
/// ([`Provision::is_recital`](crate::model::Provision::is_recital)).
pub const RECITAL_FACTOR: f64 = 0.5;
/// Score below which a pair is not kept even as a candidate: 0.05.
pub const CANDIDATE_THRESHOLD: f64 = 0.05;
/// Score from which a pair is a match across instruments: 0.15. Text similarity across
/// jurisdictions is low even for true counterparts (different drafting, different
/// translation conventions: GDPR art. 33 and PIPL art. 57 score about 0.19 on text alone).
pub const MATCH_THRESHOLD: f64 = 0.15;
/// Across instruments, a pair is kept only if its score is at least this share of the best
/// score of its left or of its right provision: 0.8.
pub const RELATIVE_CUTOFF: f64 = 0.8;
/// Score from which two versions of a provision are paired one to one: 0.3.
pub const VERSION_THRESHOLD: f64 = 0.3;
/// Score from which a provision left over after one-to-one pairing joins the group of its
/// best match as part of a split or merge: 0.35.
pub const SPLIT_THRESHOLD: f64 = 0.35;
/// Text similarity from which a pair whose features cover each other is guessed
/// [`Relation::Equivalent`](crate::model::Relation::Equivalent) rather than overlapping: 0.8.
pub const EQUIVALENT_TEXT_THRESHOLD: f64 = 0.8;

/// How an alignment pairs provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Mode {
    /// Two versions of one instrument: one to one, with splits and merges.
    Version,
    /// Two different instruments: many to many, with a relation for each pair.
    Comparison,
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Version => "version",
            Mode::Comparison => "comparison",
        })
    }
}

/// Weights, thresholds and switches for an [`Alignment`].
///
/// ```
/// use lexgap::align::{Alignment, Mode};
///
/// let corpus = lexgap::Corpus::bundled();
/// let text_only = Alignment::configure()
///     .use_correspondences(false)
///     .match_threshold(0.3)
///     .align(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
/// assert_eq!(text_only.mode(), Mode::Comparison);
/// assert!(text_only.candidates().all(|p| !p.is_declared()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    pub(super) correspondence_weight: f64,
    pub(super) feature_weight: f64,
    pub(super) heading_weight: f64,
    pub(super) text_weight: f64,
    pub(super) candidate_threshold: f64,
    pub(super) match_threshold: f64,
    pub(super) relative_cutoff: f64,
    pub(super) version_threshold: f64,
    pub(super) split_threshold: f64,
    pub(super) heading_min_similarity: f64,
    pub(super) equivalent_text_threshold: f64,
    pub(super) medium_confidence: f64,
    pub(super) high_confidence: f64,
    pub(super) recital_factor: f64,
    pub(super) correspondences: bool,
    pub(super) mode: Option<Mode>,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions::new()
    }
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name(&mut self, value: f64) -> &mut AlignOptions {
            self.$name = value;
            self
        }
    };
}

impl AlignOptions {
    /// The defaults: the weights and thresholds are the constants of this module
    /// ([`CORRESPONDENCE_WEIGHT`] ...), correspondences are used, the mode follows the
    /// instruments' version relations.
    pub const fn new() -> AlignOptions {
        AlignOptions {
            correspondence_weight: CORRESPONDENCE_WEIGHT,
            feature_weight: FEATURE_WEIGHT,
            heading_weight: HEADING_WEIGHT,
            text_weight: TEXT_WEIGHT,
            candidate_threshold: CANDIDATE_THRESHOLD,
            match_threshold: MATCH_THRESHOLD,
            relative_cutoff: RELATIVE_CUTOFF,
            version_threshold: VERSION_THRESHOLD,
            split_threshold: SPLIT_THRESHOLD,
            heading_min_similarity: HEADING_MIN_SIMILARITY,
            equivalent_text_threshold: EQUIVALENT_TEXT_THRESHOLD,
            medium_confidence: MEDIUM_CONFIDENCE,
            high_confidence: HIGH_CONFIDENCE,
            recital_factor: RECITAL_FACTOR,
            correspondences: true,
            mode: None,
        }
    }

    setter!(
        /// Contribution of an explicit correspondence (default [`CORRESPONDENCE_WEIGHT`]).
        correspondence_weight
    );
    setter!(
        /// Contribution of wholly shared norm features (default [`FEATURE_WEIGHT`]).
        feature_weight
    );
    setter!(
        /// Contribution of identical headings (default [`HEADING_WEIGHT`]).
        heading_weight
    );
    setter!(
        /// Contribution of identical texts (default [`TEXT_WEIGHT`]).
        text_weight
    );
    setter!(
        /// Score below which a pair is dropped (default [`CANDIDATE_THRESHOLD`]).
        candidate_threshold
    );
    setter!(
        /// Score from which a cross-instrument pair is a match (default [`MATCH_THRESHOLD`]).
        match_threshold
    );
    setter!(
        /// Share of the best score a cross-instrument match must reach (default
        /// [`RELATIVE_CUTOFF`]).
        relative_cutoff
    );
    setter!(
        /// Score from which versions pair one to one (default [`VERSION_THRESHOLD`]).
        version_threshold
    );
    setter!(
        /// Score from which a leftover provision joins a split or merge (default
        /// [`SPLIT_THRESHOLD`]).
        split_threshold
    );
    setter!(
        /// Heading similarity from which shared headings count as evidence (default
        /// [`HEADING_MIN_SIMILARITY`]).
        heading_min_similarity
    );
    setter!(
        /// Text similarity from which two provisions that cover each other's features are
        /// equivalent rather than overlapping (default [`EQUIVALENT_TEXT_THRESHOLD`]).
        equivalent_text_threshold
    );
    setter!(
        /// Score from which a match has medium confidence (default [`MEDIUM_CONFIDENCE`]).
        medium_confidence
    );
    setter!(
        /// Score from which a match has high confidence (default [`HIGH_CONFIDENCE`]).
        high_confidence
    );
    setter!(
        /// What a pair of a recital and an article keeps of its score (default
        /// [`RECITAL_FACTOR`]).
        recital_factor
    );

    /// Whether to use the correspondences declared in the data (default yes). Without them,
    /// the alignment rests on the texts and the norms alone, which is how its quality is
    /// measured.
    pub fn use_correspondences(&mut self, yes: bool) -> &mut AlignOptions {
        self.correspondences = yes;
        self
    }

    /// Forces a mode (default: [`Mode::Version`] when one instrument `becomes` or
    /// `supersedes` the other, else [`Mode::Comparison`]).
    pub fn mode(&mut self, mode: Mode) -> &mut AlignOptions {
        self.mode = Some(mode);
        self
    }

    /// Aligns two instruments.
    pub fn align<'a>(&self, left: &'a Instrument, right: &'a Instrument) -> Alignment<'a> {
        Scorer::new(self, left, right).run()
    }
}
