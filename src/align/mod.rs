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
//! 3. the norm features both provisions share: data categories, actors, activities, safeguard
//!    kinds, as a Jaccard index ([`FEATURE_WEIGHT`]);
//! 4. the similarity of the headings, Sørensen–Dice over character bigrams with `strsim`
//!    ([`HEADING_WEIGHT`], counted from [`HEADING_MIN_SIMILARITY`]): headings are short, so a
//!    string metric suits them;
//! 5. the similarity of the texts in one language both have (authentic texts first), as the
//!    cosine of TF-IDF vectors over stemmed words (spaced scripts) or character bigrams
//!    (Chinese, Japanese, Korean), looked up through an inverted index so that only pairs that
//!    share a term are scored ([`TEXT_WEIGHT`]). Whole texts are never compared pairwise with
//!    an edit distance: that is `O(n·m)` in pairs times `O(len²)` each, seconds for two
//!    statutes, where the index takes milliseconds.
//!
//! Each piece of evidence contributes a value in `[0, 1]` (its weight times its similarity),
//! and the score of a pair combines them as independent evidence: `1 − Π(1 − cᵢ)`. The score
//! is thus in `[0, 1]`, grows with every piece of evidence, and is 1 for identical texts.
//!
//! # Modes
//!
//! - [`Mode::Version`] (chosen when one instrument `becomes` or `supersedes` the other): each
//!   provision gets at most one counterpart, best score first, then splits and merges are
//!   added ([`Group`]): draft PIPL art. 54 → arts. 55 + 56.
//! - [`Mode::Comparison`] (any other two instruments): many-to-many; a pair is kept when it
//!   scores at least [`MATCH_THRESHOLD`] and is within [`RELATIVE_CUTOFF`] of the best match
//!   of either of its provisions, with a guessed [`Relation`].

mod index;

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;

use crate::model::{
    Activity, Actor, DataCategory, Instrument, Lang, Provision, ProvisionId, Relation,
    SafeguardKind, first_shared, within,
};

use index::{Doc, TextIndex};

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
/// [`Relation::Equivalent`] rather than overlapping: 0.8.
pub const EQUIVALENT_TEXT_THRESHOLD: f64 = 0.8;

/// How an alignment pairs provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// One piece of evidence that two provisions correspond.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "kebab-case"
)]
#[non_exhaustive]
pub enum Reason {
    /// The two texts are the same (whitespace aside) in this language.
    IdenticalText {
        /// The language compared.
        lang: Lang,
    },
    /// The data says so: one provision lists the other among its correspondences.
    Correspondence {
        /// The provision whose data declares the correspondence.
        declared_by: ProvisionId,
        /// The relation as declared (from `declared_by`'s point of view).
        relation: Relation,
        /// The rationale given.
        rationale: String,
    },
    /// The norms of both provisions share these features.
    Features {
        /// Data categories both govern.
        data: Vec<DataCategory>,
        /// Actors both bind or empower.
        actors: Vec<Actor>,
        /// Activities both govern.
        activities: Vec<Activity>,
        /// Kinds of safeguard both set.
        safeguards: Vec<SafeguardKind>,
        /// The Jaccard index of the two feature sets.
        similarity: f64,
    },
    /// The headings are alike.
    Heading {
        /// The language compared.
        lang: Lang,
        /// Sørensen–Dice similarity of the headings.
        similarity: f64,
    },
    /// The texts are alike.
    Text {
        /// The language compared.
        lang: Lang,
        /// Cosine similarity of the TF-IDF vectors.
        similarity: f64,
    },
}

impl Reason {
    fn rank(&self) -> u8 {
        match self {
            Reason::IdenticalText { .. } => 0,
            Reason::Correspondence { .. } => 1,
            Reason::Features { .. } => 2,
            Reason::Heading { .. } => 3,
            Reason::Text { .. } => 4,
        }
    }
}

fn joined<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Reason {
    /// `text similarity 0.43 (en)`, `correspondence declared by cn/pipl/art-55 (overlapping)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::IdenticalText { lang } => write!(f, "identical text ({lang})"),
            Reason::Correspondence {
                declared_by,
                relation,
                ..
            } => {
                write!(f, "correspondence declared by {declared_by} ({relation})")
            }
            Reason::Features {
                data,
                actors,
                activities,
                safeguards,
                similarity,
            } => {
                let mut parts = Vec::new();
                for (name, list) in [
                    ("data", joined(data)),
                    ("actors", joined(actors)),
                    ("activities", joined(activities)),
                    ("safeguards", joined(safeguards)),
                ] {
                    if !list.is_empty() {
                        parts.push(format!("{name} {list}"));
                    }
                }
                write!(f, "shared features {similarity:.2}: {}", parts.join("; "))
            }
            Reason::Heading { lang, similarity } => {
                write!(f, "heading similarity {similarity:.2} ({lang})")
            }
            Reason::Text { lang, similarity } => {
                write!(f, "text similarity {similarity:.2} ({lang})")
            }
        }
    }
}

/// A reason and what it adds to a pair's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    reason: Reason,
    value: f64,
}

impl Contribution {
    /// The evidence.
    pub fn reason(&self) -> &Reason {
        &self.reason
    }
    /// Its contribution, in `[0, 1]`: its weight times its similarity.
    pub fn value(&self) -> f64 {
        self.value
    }
}

impl fmt::Display for Contribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2} {}", self.value, self.reason)
    }
}

fn ser_id<S: serde::Serializer>(p: &&Provision, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&p.id)
}

fn ser_ids<S: serde::Serializer>(ps: &[&Provision], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ps.iter().map(|p| p.id.to_string()))
}

/// A provision of the left instrument, one of the right, how well they correspond and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<'a> {
    #[serde(serialize_with = "ser_id")]
    left: &'a Provision,
    #[serde(serialize_with = "ser_id")]
    right: &'a Provision,
    score: f64,
    relation: Relation,
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
    /// How the left provision relates to the right one: from an explicit correspondence when
    /// the data has one; otherwise guessed from the norm features (the left covers all the
    /// right's data, actors and activities and not the reverse: broader) and the text.
    /// Between versions: equivalent for the same text, broader for a provision split in
    /// several, narrower for one of several merged, overlapping otherwise.
    pub fn relation(&self) -> Relation {
        self.relation
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

/// How the provisions in a [`Group`] correspond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum GroupKind {
    /// One left provision, one right provision.
    OneToOne,
    /// One left provision, several right ones.
    Split,
    /// Several left provisions, one right one.
    Merge,
    /// A left provision with no counterpart.
    LeftOnly,
    /// A right provision with no counterpart.
    RightOnly,
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GroupKind::OneToOne => "one-to-one",
            GroupKind::Split => "split",
            GroupKind::Merge => "merge",
            GroupKind::LeftOnly => "left-only",
            GroupKind::RightOnly => "right-only",
        })
    }
}

/// Provisions that correspond as a whole: one to one, a split, a merge, or one provision
/// alone. See [`Alignment::groups`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group<'a> {
    kind: GroupKind,
    #[serde(serialize_with = "ser_ids")]
    left: Vec<&'a Provision>,
    #[serde(serialize_with = "ser_ids")]
    right: Vec<&'a Provision>,
    pairs: Vec<Pair<'a>>,
}

impl<'a> Group<'a> {
    /// One to one, split, merge, or alone.
    pub fn kind(&self) -> GroupKind {
        self.kind
    }
    /// The left provisions, in document order.
    pub fn left(&self) -> &[&'a Provision] {
        &self.left
    }
    /// The right provisions, in document order.
    pub fn right(&self) -> &[&'a Provision] {
        &self.right
    }
    /// The scored pairs that make the group (none for a provision alone).
    pub fn pairs(&self) -> &[Pair<'a>] {
        &self.pairs
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
    correspondence_weight: f64,
    feature_weight: f64,
    heading_weight: f64,
    text_weight: f64,
    candidate_threshold: f64,
    match_threshold: f64,
    relative_cutoff: f64,
    version_threshold: f64,
    split_threshold: f64,
    correspondences: bool,
    mode: Option<Mode>,
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
pub struct Alignment<'a> {
    #[serde(serialize_with = "ser_inst")]
    left: &'a Instrument,
    #[serde(serialize_with = "ser_inst")]
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

/// Whitespace-normalised text, for the identical-text test.
fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The features of a provision that alignment compares: the specific terms of its norms
/// (personal-data, any-handler and process, which nearly every norm has, are left out).
#[derive(Debug, Default)]
struct Features {
    data: BTreeSet<DataCategory>,
    actors: BTreeSet<Actor>,
    activities: BTreeSet<Activity>,
    safeguards: BTreeSet<SafeguardKind>,
}

impl Features {
    fn of(p: &Provision) -> Option<Features> {
        if p.norms.is_empty() {
            return None;
        }
        let mut f = Features::default();
        for n in &p.norms {
            f.data
                .extend(n.data.iter().filter(|d| **d != DataCategory::PersonalData));
            f.actors
                .extend(n.actors.iter().filter(|a| **a != Actor::AnyHandler));
            f.activities
                .extend(n.activities.iter().filter(|a| **a != Activity::Process));
            f.safeguards.extend(n.safeguards.iter().map(|s| s.kind));
        }
        Some(f)
    }

    fn len(&self) -> usize {
        self.data.len() + self.actors.len() + self.activities.len() + self.safeguards.len()
    }

    fn shared(&self, o: &Features) -> Option<Reason> {
        let data: Vec<DataCategory> = self.data.intersection(&o.data).copied().collect();
        let actors: Vec<Actor> = self.actors.intersection(&o.actors).copied().collect();
        let activities: Vec<Activity> = self
            .activities
            .intersection(&o.activities)
            .copied()
            .collect();
        let safeguards: Vec<SafeguardKind> = self
            .safeguards
            .intersection(&o.safeguards)
            .copied()
            .collect();
        let shared = data.len() + actors.len() + activities.len() + safeguards.len();
        if shared == 0 {
            return None;
        }
        let union = self.len() + o.len() - shared;
        Some(Reason::Features {
            data,
            actors,
            activities,
            safeguards,
            similarity: shared as f64 / union as f64,
        })
    }

    /// Whether every data category, actor and activity of `o` falls under one of `self`'s,
    /// by the rule of [`Processing::covers`](crate::model::Processing::covers): an empty list
    /// (here: only the generic terms) covers anything, and is covered only by an empty list.
    fn covers(&self, o: &Features) -> bool {
        within(&self.data, &o.data, |m, t| t.is_a(m))
            && within(&self.actors, &o.actors, Actor::covers)
            && within(&self.activities, &o.activities, Activity::covers)
    }
}

struct Scorer<'o, 'a> {
    opts: &'o AlignOptions,
    left: &'a Instrument,
    right: &'a Instrument,
    mode: Mode,
    langs: Vec<Lang>,
}

impl<'o, 'a> Scorer<'o, 'a> {
    fn new(opts: &'o AlignOptions, left: &'a Instrument, right: &'a Instrument) -> Scorer<'o, 'a> {
        let mode = opts.mode.unwrap_or(if left.is_version_of(right) {
            Mode::Version
        } else {
            Mode::Comparison
        });
        Scorer {
            opts,
            left,
            right,
            mode,
            langs: left.common_langs(right),
        }
    }

    /// The language in which two provisions are compared (the model's policy), as an index
    /// into `self.langs`.
    fn pair_lang(&self, l: &Provision, r: &Provision) -> Option<usize> {
        let lang = first_shared(&self.langs, l, r)?;
        self.langs.iter().position(|x| x == lang)
    }

    fn run(self) -> Alignment<'a> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let mut evidence: HashMap<(usize, usize), Vec<Contribution>> = HashMap::new();
        let mut add = |i: usize, j: usize, reason: Reason, value: f64| {
            if value > 0.0 {
                evidence.entry((i, j)).or_default().push(Contribution {
                    reason,
                    value: value.min(1.0),
                });
            }
        };

        // 1 and 5: identical texts and text similarity, language by language.
        for (k, lang) in self.langs.iter().enumerate() {
            let doc = |p: &'a Provision| {
                p.text.get(lang).map(|t| Doc {
                    text: t,
                    heading: p.heading.get(lang).map(String::as_str),
                })
            };
            let lt: Vec<Option<Doc<'a>>> = lp.iter().map(doc).collect();
            let rt: Vec<Option<Doc<'a>>> = rp.iter().map(doc).collect();
            let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
            for (j, d) in rt.iter().enumerate() {
                if let Some(d) = d {
                    by_text.entry(normalized(d.text)).or_default().push(j);
                }
            }
            let index = TextIndex::new(&lt, &rt);
            for (i, d) in lt.iter().enumerate() {
                let Some(d) = d else { continue };
                let first = |j: usize| self.pair_lang(&lp[i], &rp[j]) == Some(k);
                if let Some(js) = by_text.get(&normalized(d.text)) {
                    for &j in js.iter().filter(|&&j| first(j)) {
                        add(i, j, Reason::IdenticalText { lang: lang.clone() }, 1.0);
                    }
                }
                for (j, sim) in index.similar_to(i) {
                    if first(j) {
                        add(
                            i,
                            j,
                            Reason::Text {
                                lang: lang.clone(),
                                similarity: sim,
                            },
                            self.opts.text_weight * sim,
                        );
                    }
                }
            }
        }

        // 2: explicit correspondences, declared on either side.
        if self.opts.correspondences {
            let lix: HashMap<&ProvisionId, usize> =
                lp.iter().enumerate().map(|(i, p)| (&p.id, i)).collect();
            let rix: HashMap<&ProvisionId, usize> =
                rp.iter().enumerate().map(|(j, p)| (&p.id, j)).collect();
            for (i, p) in lp.iter().enumerate() {
                for c in &p.correspondences {
                    if let Some(&j) = rix.get(&c.target) {
                        let reason = Reason::Correspondence {
                            declared_by: p.id.clone(),
                            relation: c.relation,
                            rationale: c.rationale.clone(),
                        };
                        add(i, j, reason, self.opts.correspondence_weight);
                    }
                }
            }
            for (j, p) in rp.iter().enumerate() {
                for c in &p.correspondences {
                    if let Some(&i) = lix.get(&c.target) {
                        let reason = Reason::Correspondence {
                            declared_by: p.id.clone(),
                            relation: c.relation,
                            rationale: c.rationale.clone(),
                        };
                        add(i, j, reason, self.opts.correspondence_weight);
                    }
                }
            }
        }

        // 3: shared norm features (annotated provisions only).
        let lf: Vec<Option<Features>> = lp.iter().map(Features::of).collect();
        let rf: Vec<Option<Features>> = rp.iter().map(Features::of).collect();
        for (i, a) in lf.iter().enumerate() {
            let Some(a) = a else { continue };
            for (j, b) in rf.iter().enumerate() {
                let Some(b) = b else { continue };
                if let Some(reason) = a.shared(b) {
                    let value = match &reason {
                        Reason::Features { similarity, .. } => {
                            self.opts.feature_weight * similarity
                        }
                        _ => 0.0,
                    };
                    add(i, j, reason, value);
                }
            }
        }

        // 4: headings, in the first language both have.
        let heading_langs: Vec<&Lang> = self.langs.iter().collect();
        let lh: Vec<Option<(usize, String)>> = lp
            .iter()
            .map(|p| first_heading(p, &heading_langs))
            .collect();
        let rh: Vec<Option<(usize, String)>> = rp
            .iter()
            .map(|p| first_heading(p, &heading_langs))
            .collect();
        for (i, a) in lh.iter().enumerate() {
            let Some((_, _)) = a else { continue };
            for (j, b) in rh.iter().enumerate() {
                if b.is_none() {
                    continue;
                }
                let Some(k) = heading_langs
                    .iter()
                    .position(|l| lp[i].heading.contains_key(*l) && rp[j].heading.contains_key(*l))
                else {
                    continue;
                };
                let lang = heading_langs[k];
                let sim = strsim::sorensen_dice(
                    &lp[i].heading[lang].to_lowercase(),
                    &rp[j].heading[lang].to_lowercase(),
                );
                if sim >= HEADING_MIN_SIMILARITY {
                    add(
                        i,
                        j,
                        Reason::Heading {
                            lang: lang.clone(),
                            similarity: sim,
                        },
                        self.opts.heading_weight * sim,
                    );
                }
            }
        }

        // Score and keep the candidates.
        let mut candidates: Vec<(usize, usize, Pair<'a>)> = Vec::new();
        for ((i, j), mut reasons) in evidence {
            reasons.sort_by(|a, b| {
                a.reason
                    .rank()
                    .cmp(&b.reason.rank())
                    .then(b.value.total_cmp(&a.value))
            });
            let score = 1.0 - reasons.iter().map(|c| 1.0 - c.value).product::<f64>();
            if score < self.opts.candidate_threshold {
                continue;
            }
            let relation = guess_relation(&lp[i], &reasons, lf[i].as_ref(), rf[j].as_ref());
            candidates.push((
                i,
                j,
                Pair {
                    left: &lp[i],
                    right: &rp[j],
                    score,
                    relation,
                    reasons,
                },
            ));
        }
        candidates.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.2.score.total_cmp(&a.2.score))
                .then(same_local(&b.2).cmp(&same_local(&a.2)))
                .then(a.1.cmp(&b.1))
        });

        let groups = self.group(&candidates);
        let selected: Vec<usize> = match self.mode {
            Mode::Version => {
                let kept: BTreeSet<(usize, usize)> = groups
                    .iter()
                    .flat_map(|(_, l, r)| {
                        l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j)))
                    })
                    .collect();
                (0..candidates.len())
                    .filter(|&k| kept.contains(&(candidates[k].0, candidates[k].1)))
                    .collect()
            }
            Mode::Comparison => {
                let mut best_l = vec![0.0f64; lp.len()];
                let mut best_r = vec![0.0f64; rp.len()];
                for (i, j, p) in &candidates {
                    best_l[*i] = best_l[*i].max(p.score);
                    best_r[*j] = best_r[*j].max(p.score);
                }
                let rel = self.opts.relative_cutoff;
                (0..candidates.len())
                    .filter(|&k| {
                        let (i, j, p) = &candidates[k];
                        p.score >= self.opts.match_threshold
                            && (p.score >= rel * best_l[*i] || p.score >= rel * best_r[*j])
                    })
                    .collect()
            }
        };

        let at: HashMap<(usize, usize), usize> = candidates
            .iter()
            .enumerate()
            .map(|(k, (i, j, _))| ((*i, *j), k))
            .collect();
        let pair_of = |i: usize, j: usize| -> Option<Pair<'a>> {
            at.get(&(i, j)).map(|&k| candidates[k].2.clone())
        };
        let groups: Vec<Group<'a>> = groups
            .into_iter()
            .map(|(kind, l, r)| {
                let mut pairs: Vec<Pair<'a>> = Vec::new();
                for &i in &l {
                    for &j in &r {
                        if let Some(mut p) = pair_of(i, j) {
                            if self.mode == Mode::Version {
                                p.relation = version_relation(kind, &p);
                            }
                            pairs.push(p);
                        }
                    }
                }
                Group {
                    kind,
                    left: l.iter().map(|&i| &lp[i]).collect(),
                    right: r.iter().map(|&j| &rp[j]).collect(),
                    pairs,
                }
            })
            .collect();
        let mut candidates: Vec<Pair<'a>> = candidates.into_iter().map(|(_, _, p)| p).collect();
        if self.mode == Mode::Version {
            for g in &groups {
                for gp in &g.pairs {
                    if let Some(p) = candidates
                        .iter_mut()
                        .find(|p| p.left.id == gp.left.id && p.right.id == gp.right.id)
                    {
                        p.relation = gp.relation;
                    }
                }
            }
        }
        Alignment {
            left: self.left,
            right: self.right,
            mode: self.mode,
            langs: self.langs,
            candidates,
            selected,
            groups,
        }
    }

    /// One-to-one pairing, then splits and merges, then provisions alone. (The loops index
    /// several parallel vectors by provision, hence the allowed lint.)
    #[allow(clippy::type_complexity, clippy::needless_range_loop)]
    fn group(
        &self,
        candidates: &[(usize, usize, Pair<'a>)],
    ) -> Vec<(GroupKind, Vec<usize>, Vec<usize>)> {
        let (nl, nr) = (self.left.provisions.len(), self.right.provisions.len());
        let mut order: Vec<&(usize, usize, Pair<'a>)> = candidates.iter().collect();
        order.sort_by(|a, b| {
            b.2.score
                .total_cmp(&a.2.score)
                .then(same_local(&b.2).cmp(&same_local(&a.2)))
                .then(a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
        // group index of each provision
        let mut lg: Vec<Option<usize>> = vec![None; nl];
        let mut rg: Vec<Option<usize>> = vec![None; nr];
        let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for (i, j, p) in &order {
            if p.score >= self.opts.version_threshold && lg[*i].is_none() && rg[*j].is_none() {
                lg[*i] = Some(groups.len());
                rg[*j] = Some(groups.len());
                groups.push((vec![*i], vec![*j]));
            }
        }
        // The best match of each provision above the split threshold: the first in `order`.
        let mut best_of_right: Vec<Option<usize>> = vec![None; nr];
        let mut best_of_left: Vec<Option<usize>> = vec![None; nl];
        for (i, j, p) in &order {
            if p.score >= self.opts.split_threshold {
                best_of_right[*j].get_or_insert(*i);
                best_of_left[*i].get_or_insert(*j);
            }
        }
        // Splits: a right provision left over joins the group of its best left match.
        for j in 0..nr {
            if rg[j].is_some() {
                continue;
            }
            let group = best_of_right[j]
                .and_then(|i| lg[i])
                .filter(|&g| groups[g].0.len() == 1);
            if let Some(g) = group {
                groups[g].1.push(j);
                rg[j] = Some(g);
            }
        }
        // Merges: a left provision left over joins the group of its best right match.
        for i in 0..nl {
            if lg[i].is_some() {
                continue;
            }
            let group = best_of_left[i]
                .and_then(|j| rg[j])
                .filter(|&g| groups[g].1.len() == 1);
            if let Some(g) = group {
                groups[g].0.push(i);
                lg[i] = Some(g);
            }
        }
        for (l, r) in &mut groups {
            l.sort_unstable();
            r.sort_unstable();
        }
        let mut out = Vec::new();
        let mut emitted = vec![false; groups.len()];
        for i in 0..nl {
            match lg[i] {
                Some(g) if !emitted[g] => {
                    emitted[g] = true;
                    let (l, r) = groups[g].clone();
                    let kind = match (l.len(), r.len()) {
                        (1, 1) => GroupKind::OneToOne,
                        (1, _) => GroupKind::Split,
                        _ => GroupKind::Merge,
                    };
                    out.push((kind, l, r));
                }
                Some(_) => {}
                None => out.push((GroupKind::LeftOnly, vec![i], Vec::new())),
            }
        }
        for j in 0..nr {
            if rg[j].is_none() {
                out.push((GroupKind::RightOnly, Vec::new(), vec![j]));
            }
        }
        out
    }
}

fn first_heading(p: &Provision, langs: &[&Lang]) -> Option<(usize, String)> {
    langs
        .iter()
        .position(|l| p.heading.contains_key(*l))
        .map(|k| (k, p.heading[langs[k]].clone()))
}

fn guess_relation(
    l: &Provision,
    reasons: &[Contribution],
    lf: Option<&Features>,
    rf: Option<&Features>,
) -> Relation {
    for c in reasons {
        if let Reason::Correspondence {
            declared_by,
            relation,
            ..
        } = &c.reason
        {
            if *relation == Relation::SuccessorOf {
                continue;
            }
            return if *declared_by == l.id {
                *relation
            } else {
                relation.inverse()
            };
        }
    }
    let identical = reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    if identical {
        return Relation::Equivalent;
    }
    let text = reasons.iter().find_map(|c| match c.reason {
        Reason::Text { similarity, .. } => Some(similarity),
        _ => None,
    });
    if let (Some(a), Some(b)) = (lf, rf) {
        return match (a.covers(b), b.covers(a)) {
            (true, true) if text.is_some_and(|t| t >= EQUIVALENT_TEXT_THRESHOLD) => {
                Relation::Equivalent
            }
            (true, false) => Relation::Broader,
            (false, true) => Relation::Narrower,
            _ => Relation::Overlapping,
        };
    }
    Relation::Overlapping
}

fn version_relation(kind: GroupKind, p: &Pair<'_>) -> Relation {
    let identical = p
        .reasons
        .iter()
        .any(|c| matches!(c.reason, Reason::IdenticalText { .. }));
    match kind {
        GroupKind::Split => Relation::Broader,
        GroupKind::Merge => Relation::Narrower,
        _ if identical => Relation::Equivalent,
        _ => Relation::Overlapping,
    }
}
