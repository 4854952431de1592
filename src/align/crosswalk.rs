//! How an aligned pair relates, in the vocabulary of crosswalks: the set-theory relationships
//! of NIST's Online Informative References (IR 8477) as OSCAL's mapping model uses them
//! (equal-to, equivalent-to, subset-of, superset-of, intersects-with, no-relationship), the
//! rationale of the mapping (syntactic, semantic, functional) and a confidence; lifecycle
//! relations between versions (successor, split, merge, renumbered) apart.

use std::fmt;

use serde::Serialize;

/// The relation of the left provision of a pair to the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Crosswalk {
    /// The same text (whitespace aside).
    EqualTo,
    /// Different words, the same rule: each covers what the other does, and the texts are
    /// close ([`EQUIVALENT_TEXT_THRESHOLD`](super::EQUIVALENT_TEXT_THRESHOLD)), or the data
    /// declares them equivalent.
    EquivalentTo,
    /// The left covers less than the right: all its data, actors and activities fall under
    /// the right's, not the reverse.
    SubsetOf,
    /// The left covers more than the right.
    SupersetOf,
    /// They cover some of the same ground, neither all of the other's.
    IntersectsWith,
    /// No relation the evidence supports: the pair scores below the match threshold, or a
    /// provision has no counterpart.
    NoRelationship,
}

impl Crosswalk {
    /// Every relation, in order.
    pub const ALL: [Crosswalk; 6] = [
        Crosswalk::EqualTo,
        Crosswalk::EquivalentTo,
        Crosswalk::SubsetOf,
        Crosswalk::SupersetOf,
        Crosswalk::IntersectsWith,
        Crosswalk::NoRelationship,
    ];

    /// The stable code: `equal-to`, `equivalent-to`, `subset-of`, `superset-of`,
    /// `intersects-with`, `no-relationship`.
    ///
    /// ```
    /// use lexgap::align::Crosswalk;
    /// assert_eq!(Crosswalk::SubsetOf.code(), "subset-of");
    /// assert_eq!(Crosswalk::SubsetOf.inverse(), Crosswalk::SupersetOf);
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Crosswalk::EqualTo => "equal-to",
            Crosswalk::EquivalentTo => "equivalent-to",
            Crosswalk::SubsetOf => "subset-of",
            Crosswalk::SupersetOf => "superset-of",
            Crosswalk::IntersectsWith => "intersects-with",
            Crosswalk::NoRelationship => "no-relationship",
        }
    }

    /// What the relation says, in a sentence.
    pub fn definition(self) -> &'static str {
        match self {
            Crosswalk::EqualTo => "the same text",
            Crosswalk::EquivalentTo => "different words, the same rule",
            Crosswalk::SubsetOf => "the left provision covers part of what the right one covers",
            Crosswalk::SupersetOf => "the left provision covers all the right one covers, and more",
            Crosswalk::IntersectsWith => {
                "they cover some of the same ground, neither all of the other's"
            }
            Crosswalk::NoRelationship => "no relation the evidence supports",
        }
    }

    /// The relation seen from the other side.
    pub fn inverse(self) -> Crosswalk {
        match self {
            Crosswalk::SubsetOf => Crosswalk::SupersetOf,
            Crosswalk::SupersetOf => Crosswalk::SubsetOf,
            other => other,
        }
    }
}

impl fmt::Display for Crosswalk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// On what a pair's relation rests, as crosswalks name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rationale {
    /// The wording: identical or similar texts and headings weigh most.
    Syntactic,
    /// The meaning: a person declared the correspondence in the data.
    Semantic,
    /// What the provisions do: their annotated norms (kinds, data, actors, activities,
    /// safeguards, grounds) weigh most.
    Functional,
}

impl Rationale {
    /// The stable code: `syntactic`, `semantic`, `functional`.
    pub fn code(self) -> &'static str {
        match self {
            Rationale::Syntactic => "syntactic",
            Rationale::Semantic => "semantic",
            Rationale::Functional => "functional",
        }
    }
}

impl fmt::Display for Rationale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How far a reader can trust a pair, as a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ConfidenceLevel {
    /// Below the match threshold: not a relation.
    None,
    /// From the match threshold ([`MATCH_THRESHOLD`](super::MATCH_THRESHOLD)): about 7 in 10
    /// such best matches were right on the gold lists.
    Low,
    /// From [`MEDIUM_CONFIDENCE`]: about 8 in 10 were right.
    Medium,
    /// From [`HIGH_CONFIDENCE`], or identical texts, or a correspondence the data declares:
    /// about 9 in 10 were right.
    High,
}

impl ConfidenceLevel {
    /// The stable code: `none`, `low`, `medium`, `high`.
    pub fn code(self) -> &'static str {
        match self {
            ConfidenceLevel::None => "none",
            ConfidenceLevel::Low => "low",
            ConfidenceLevel::Medium => "medium",
            ConfidenceLevel::High => "high",
        }
    }
}

impl fmt::Display for ConfidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The score from which a match has medium confidence: 0.20. Chosen from the best matches on
/// the nine gold lists (GDPR ↔ PIPL, and eight national laws against the GDPR, both
/// directions, without declared correspondences, 512 queries; BENCHMARKS.md, "Confidence"):
/// of those scoring 0.20-0.30, 3 in 4 were right; of those scoring 0.15-0.20, 6 in 10.
pub const MEDIUM_CONFIDENCE: f64 = 0.20;

/// The score from which a match has high confidence: 0.30 (93 in 100 of the best matches
/// scoring at least 0.30 on the nine gold lists were right).
pub const HIGH_CONFIDENCE: f64 = 0.30;

/// How far a reader can trust a pair: a level and a number in `[0, 1]`, the share of best
/// matches at that score that were right on the gold lists (a calibration of the score:
/// 0.59 at the match threshold, 0.74 at [`MEDIUM_CONFIDENCE`], 0.93 at [`HIGH_CONFIDENCE`],
/// rising linearly to 1 at a score of 1; 1 for identical texts and declared
/// correspondences; 0 below the match threshold).
///
/// ```
/// use lexgap::align::{Alignment, ConfidenceLevel};
///
/// let corpus = lexgap::Corpus::bundled();
/// let a = Alignment::new(corpus.instrument("eu/gdpr")?, corpus.instrument("cn/pipl")?);
/// let dpo = a.pair("eu/gdpr/art-37", "cn/pipl/art-52").expect("DPO and person in charge");
/// assert!(dpo.confidence().level() >= ConfidenceLevel::Medium);
/// assert!(dpo.confidence().value() >= 0.74);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Confidence {
    level: ConfidenceLevel,
    value: f64,
}

impl Confidence {
    /// No confidence: the pair is not a relation.
    pub(super) const NONE: Confidence = Confidence {
        level: ConfidenceLevel::None,
        value: 0.0,
    };

    /// The confidence of a pair scoring `score`, given the thresholds (match, medium, high);
    /// `certain` for identical texts and declared correspondences.
    pub(super) fn of(score: f64, thresholds: [f64; 3], certain: bool) -> Confidence {
        let [match_threshold, medium, high] = thresholds;
        if certain {
            return Confidence {
                level: ConfidenceLevel::High,
                value: 1.0,
            };
        }
        // (score, share right) anchors of the calibration.
        let anchors = [
            (match_threshold, 0.59),
            (medium, 0.74),
            (high, 0.93),
            (1.0, 1.0),
        ];
        if score < match_threshold {
            return Confidence::NONE;
        }
        let level = if score >= high {
            ConfidenceLevel::High
        } else if score >= medium {
            ConfidenceLevel::Medium
        } else {
            ConfidenceLevel::Low
        };
        let value = anchors
            .windows(2)
            .find(|w| score <= w[1].0)
            .map_or(1.0, |w| {
                let ((s0, v0), (s1, v1)) = (w[0], w[1]);
                if s1 <= s0 {
                    v1
                } else {
                    v0 + (v1 - v0) * (score - s0) / (s1 - s0)
                }
            });
        Confidence { level, value }
    }

    /// The level.
    pub fn level(&self) -> ConfidenceLevel {
        self.level
    }

    /// The number, in `[0, 1]`.
    pub fn value(&self) -> f64 {
        self.value
    }
}

impl fmt::Display for Confidence {
    /// `medium (0.78)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({:.2})", self.level, self.value)
    }
}

/// How a provision of a later version descends from one of an earlier version, apart from
/// what the two say ([`Crosswalk`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Lifecycle {
    /// The later provision, under the same number.
    Successor,
    /// The later provision, under another number.
    Renumbered,
    /// One of the provisions the earlier one was split into.
    Split,
    /// The provision several earlier ones were merged into.
    Merge,
}

impl Lifecycle {
    /// The stable code: `successor`, `renumbered`, `split`, `merge`.
    pub fn code(self) -> &'static str {
        match self {
            Lifecycle::Successor => "successor",
            Lifecycle::Renumbered => "renumbered",
            Lifecycle::Split => "split",
            Lifecycle::Merge => "merge",
        }
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_is_monotone_and_anchored() {
        let c = |s| Confidence::of(s, [0.15, MEDIUM_CONFIDENCE, HIGH_CONFIDENCE], false);
        assert_eq!(c(0.1).level(), ConfidenceLevel::None);
        assert_eq!(c(0.1).value(), 0.0);
        assert_eq!(c(0.15).level(), ConfidenceLevel::Low);
        assert!((c(0.15).value() - 0.59).abs() < 1e-9);
        assert_eq!(c(0.2).level(), ConfidenceLevel::Medium);
        assert!((c(0.2).value() - 0.74).abs() < 1e-9);
        assert_eq!(c(0.3).level(), ConfidenceLevel::High);
        assert!((c(0.3).value() - 0.93).abs() < 1e-9);
        assert!((c(1.0).value() - 1.0).abs() < 1e-9);
        let mut last = 0.0;
        for k in 15..=100 {
            let v = c(f64::from(k) / 100.0).value();
            assert!(v >= last, "{k}");
            last = v;
        }
        assert_eq!(
            Confidence::of(0.0, [0.15, 0.2, 0.3], true).level(),
            ConfidenceLevel::High
        );
    }
}
