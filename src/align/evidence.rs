//! The evidence step of an alignment: the kinds of evidence that two provisions
//! correspond ([`Reason`]), what each adds to a score ([`Contribution`]), the norm features
//! compared, and how the [`Scorer`] gathers each kind of evidence, in the order of the
//! module's narration (1 and 5, then 2, 3 and 4).

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;

use crate::model::{
    Activity, Actor, DataCategory, Lang, NormKind, Provision, ProvisionId, Purpose, Relation,
    SafeguardKind, Term, first_shared, within,
};

use super::index::{Doc, TextIndex};
use super::options::AlignOptions;
use super::scoring::Scorer;

/// One piece of evidence that two provisions correspond.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        /// Kinds of norm both have (a derogation counts as an exception); none when they do
        /// different things, which halves the similarity.
        kinds: Vec<NormKind>,
        /// Data categories both govern.
        data: Vec<DataCategory>,
        /// Actors both bind or empower.
        actors: Vec<Actor>,
        /// Activities both govern.
        activities: Vec<Activity>,
        /// Kinds of safeguard both set (in norms or derogations).
        safeguards: Vec<SafeguardKind>,
        /// Stated grounds both derogate on.
        grounds: Vec<Purpose>,
        /// The shared features over all of them plus 2 (so that thin annotation is not
        /// rewarded), halved when the norms share no kind.
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
    pub(super) fn rank(&self) -> u8 {
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
                kinds,
                data,
                actors,
                activities,
                safeguards,
                grounds,
                similarity,
            } => {
                let mut parts = Vec::new();
                for (name, list) in [
                    ("kinds", joined(kinds)),
                    ("data", joined(data)),
                    ("actors", joined(actors)),
                    ("activities", joined(activities)),
                    ("safeguards", joined(safeguards)),
                    ("grounds", joined(grounds)),
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contribution {
    pub(super) reason: Reason,
    pub(super) value: f64,
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

/// Whitespace-normalised text, for the identical-text test.
pub(super) fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many features two provisions must share before their feature similarity counts in
/// full: the similarity is `shared / (union + FEATURE_SHRINK)`, so that two thinly annotated
/// provisions sharing one safeguard out of two (a plain Jaccard index of 0.5) score 0.25, while
/// two richly annotated ones sharing six of twelve score 0.43: thin annotation is not rewarded.
pub(super) const FEATURE_SHRINK: f64 = 2.0;

/// How many times a shared data category counts against another shared feature: twice. The
/// data a provision governs is its subject (sensitive data, children's data); two provisions
/// that derogate on the same grounds from rules about different data do different things.
pub(super) const DATA_WEIGHT: usize = 2;

/// How much the feature similarity of two provisions counts when their norms are of
/// different kinds only (a right against a derogation, an obligation against a definition):
/// half.
pub(super) const KIND_MISMATCH_FACTOR: f64 = 0.5;

/// The features of a provision that alignment compares: what its norms do (their kinds; a
/// derogation counts as an exception), the specific terms of its norms (personal-data,
/// any-handler and process, which nearly every norm has, are left out), its safeguard kinds
/// (of norms and derogations) and the stated grounds of its derogations.
#[derive(Debug, Default)]
pub(super) struct Features {
    kinds: BTreeSet<NormKind>,
    data: BTreeSet<DataCategory>,
    actors: BTreeSet<Actor>,
    activities: BTreeSet<Activity>,
    safeguards: BTreeSet<SafeguardKind>,
    grounds: BTreeSet<Purpose>,
}

impl Features {
    pub(super) fn of(p: &Provision) -> Option<Features> {
        if p.norms.is_empty() && p.derogations.is_empty() {
            return None;
        }
        let mut f = Features::default();
        for n in &p.norms {
            f.kinds.insert(n.kind);
            f.data
                .extend(n.data.iter().filter(|d| **d != DataCategory::PersonalData));
            f.actors
                .extend(n.actors.iter().filter(|a| **a != Actor::AnyHandler));
            f.activities
                .extend(n.activities.iter().filter(|a| **a != Activity::Process));
            f.safeguards.extend(n.safeguards.iter().map(|s| s.kind));
        }
        for d in &p.derogations {
            f.kinds.insert(NormKind::Exception);
            f.safeguards.extend(d.safeguards.iter().map(|s| s.kind));
            f.grounds.extend(d.grounds.purposes().iter().copied());
        }
        Some(f)
    }

    /// The terms compared (the kinds are not counted: they weigh the similarity instead).
    fn len(&self) -> usize {
        DATA_WEIGHT * self.data.len()
            + self.actors.len()
            + self.activities.len()
            + self.safeguards.len()
            + self.grounds.len()
    }

    pub(super) fn shared(&self, o: &Features) -> Option<Reason> {
        fn both<T: Ord + Copy>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> Vec<T> {
            a.intersection(b).copied().collect()
        }
        let (data, actors, activities) = (
            both(&self.data, &o.data),
            both(&self.actors, &o.actors),
            both(&self.activities, &o.activities),
        );
        let (safeguards, grounds) = (
            both(&self.safeguards, &o.safeguards),
            both(&self.grounds, &o.grounds),
        );
        let kinds = both(&self.kinds, &o.kinds);
        let shared =
            data.len() + actors.len() + activities.len() + safeguards.len() + grounds.len();
        if shared == 0 {
            return None;
        }
        let union = self.len() + o.len() - shared;
        let mut similarity = shared as f64 / (union as f64 + FEATURE_SHRINK);
        if kinds.is_empty() {
            similarity *= KIND_MISMATCH_FACTOR;
        }
        Some(Reason::Features {
            kinds,
            data,
            actors,
            activities,
            safeguards,
            grounds,
            similarity,
        })
    }

    /// Whether every data category, actor and activity of `o` falls under one of `self`'s,
    /// by the rule of [`Processing::covers`](crate::model::Processing::covers): an empty list
    /// (here: only the generic terms) covers anything, and is covered only by an empty list.
    pub(super) fn covers(&self, o: &Features) -> bool {
        within(&self.data, &o.data, |m, t| t.is_a(m))
            && within(&self.actors, &o.actors, Actor::covers)
            && within(&self.activities, &o.activities, Activity::covers)
    }
}

/// The features of a provision as bit masks (bit `k` stands for the `k`th term of its
/// vocabulary), so that the features two provisions share are counted for every pair without
/// building sets: [`FeatureMask::similarity`] is the number [`Features::shared`] gives, and
/// only the pairs kept build the shared lists.
#[derive(Debug, Clone, Copy)]
pub(super) struct FeatureMask {
    kinds: u64,
    data: u64,
    actors: u64,
    activities: u64,
    safeguards: u64,
    grounds: u64,
    len: usize,
}

/// The bit of each term of `set` (vocabularies are in `Ord` order and hold at most 64 terms;
/// a test checks both).
fn mask<T: Term>(set: &BTreeSet<T>) -> u64 {
    set.iter().fold(0, |m, t| {
        m | T::ALL.binary_search(t).map_or(0, |k| 1u64 << k)
    })
}

impl FeatureMask {
    pub(super) fn of(f: &Features) -> FeatureMask {
        FeatureMask {
            kinds: mask(&f.kinds),
            data: mask(&f.data),
            actors: mask(&f.actors),
            activities: mask(&f.activities),
            safeguards: mask(&f.safeguards),
            grounds: mask(&f.grounds),
            len: f.len(),
        }
    }

    /// The bits set, numbered from 0 to 319: data categories, actors, activities, safeguard
    /// kinds, then grounds, 64 each (the kinds of norm are not features).
    pub(super) fn bits(&self) -> impl Iterator<Item = usize> + '_ {
        [
            self.data,
            self.actors,
            self.activities,
            self.safeguards,
            self.grounds,
        ]
        .into_iter()
        .enumerate()
        .flat_map(|(k, m)| {
            (0..64)
                .filter(move |b| m & (1 << b) != 0)
                .map(move |b| 64 * k + b)
        })
    }

    /// The similarity of [`Features::shared`], computed on the masks.
    pub(super) fn similarity(&self, o: &FeatureMask) -> Option<f64> {
        let both = |a: u64, b: u64| (a & b).count_ones() as usize;
        let shared = both(self.data, o.data)
            + both(self.actors, o.actors)
            + both(self.activities, o.activities)
            + both(self.safeguards, o.safeguards)
            + both(self.grounds, o.grounds);
        if shared == 0 {
            return None;
        }
        let union = self.len + o.len - shared;
        let mut similarity = shared as f64 / (union as f64 + FEATURE_SHRINK);
        if self.kinds & o.kinds == 0 {
            similarity *= KIND_MISMATCH_FACTOR;
        }
        Some(similarity)
    }
}

/// A heading prepared once for Sørensen–Dice: lowercased, without whitespace, with its
/// character bigrams sorted. [`HeadingKey::dice`] of two keys is the number
/// `strsim::sorensen_dice` gives for the two lowercased headings (a test checks it), without
/// lowercasing both and building a map of bigrams for every pair.
#[derive(Debug, Clone)]
pub(super) struct HeadingKey {
    chars: String,
    bigrams: Vec<u64>,
    /// How many bigrams fall in each of 64 buckets (by a hash of the bigram): the shared
    /// bigrams of two headings are at most the sum of the smaller count of each bucket, a
    /// bound that rules out most pairs of headings without comparing their bigrams.
    buckets: [u16; 64],
}

impl HeadingKey {
    pub(super) fn new(heading: &str) -> HeadingKey {
        let chars: String = heading
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut bigrams: Vec<u64> = chars
            .chars()
            .zip(chars.chars().skip(1))
            .map(|(a, b)| (u64::from(a) << 32) | u64::from(b))
            .collect();
        bigrams.sort_unstable();
        let mut buckets = [0u16; 64];
        for b in &bigrams {
            let k = (b.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize;
            buckets[k] = buckets[k].saturating_add(1);
        }
        HeadingKey {
            chars,
            bigrams,
            buckets,
        }
    }

    /// The character bigrams, each as a number (the two characters' code points), sorted.
    pub(super) fn bigram_codes(&self) -> &[u64] {
        &self.bigrams
    }

    /// [`dice`](HeadingKey::dice), when it can reach `min`; `None` when it cannot (by the
    /// bound of the buckets: a saturated bucket only loosens it, since the exact count is
    /// taken whenever the bound allows).
    pub(super) fn dice_from(&self, o: &HeadingKey, min: f64) -> Option<f64> {
        if self.chars != o.chars && self.chars.len() >= 2 && o.chars.len() >= 2 {
            let bound: u32 = if self.buckets.contains(&u16::MAX) || o.buckets.contains(&u16::MAX) {
                u32::MAX / 4
            } else {
                self.buckets
                    .iter()
                    .zip(&o.buckets)
                    .map(|(a, b)| u32::from(*a.min(b)))
                    .sum()
            };
            let most = f64::from(2 * bound) / (self.chars.len() + o.chars.len() - 2) as f64;
            if most < min {
                return None;
            }
        }
        let sim = self.dice(o);
        (sim >= min).then_some(sim)
    }

    /// Sørensen–Dice over character bigrams: twice the shared bigrams (as a multiset) over
    /// the byte lengths less two, as `strsim` counts them; 1 for the same heading.
    pub(super) fn dice(&self, o: &HeadingKey) -> f64 {
        if self.chars == o.chars {
            return 1.0;
        }
        if self.chars.len() < 2 || o.chars.len() < 2 {
            return 0.0;
        }
        let (a, b) = (&self.bigrams, &o.bigrams);
        let (mut x, mut y, mut shared) = (0, 0, 0usize);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        (2 * shared) as f64 / (self.chars.len() + o.chars.len() - 2) as f64
    }
}

/// The texts of both sides in one language, indexed: the TF-IDF index and the right
/// provisions by whitespace-normalised text.
struct LangTexts<'a> {
    left: Vec<Option<Doc<'a>>>,
    index: TextIndex,
    by_text: HashMap<String, Vec<usize>>,
}

/// The evidence of the pairs of one left provision with every right provision, gathered in
/// dense rows (one slot per right provision) rather than in a map of pairs: identical texts
/// and text similarities (the language, by index into the languages compared, and the
/// similarity), explicit correspondences, and the prepared features and headings of both
/// sides, from which the other kinds of evidence are computed pair by pair.
pub(super) struct Evidence<'a> {
    texts: Vec<LangTexts<'a>>,
    correspondences: Vec<Vec<(usize, Contribution)>>,
    left_masks: Vec<Option<FeatureMask>>,
    right_masks: Vec<Option<FeatureMask>>,
    left_headings: Vec<Vec<Option<HeadingKey>>>,
    right_headings: Vec<Vec<Option<HeadingKey>>>,
    left_recital: Vec<bool>,
    right_recital: Vec<bool>,
    left_langs: Vec<u64>,
    right_langs: Vec<u64>,
    identical: Vec<Option<usize>>,
    text: Vec<Option<(usize, f64)>>,
}

/// The languages of `langs` (at most the first 64) that `p` has a text in, as a bit mask.
fn text_langs(p: &Provision, langs: &[Lang]) -> u64 {
    langs
        .iter()
        .take(64)
        .enumerate()
        .filter(|(_, l)| p.text.contains_key(l))
        .fold(0, |m, (k, _)| m | 1 << k)
}

/// The headings of a provision in each of `langs`.
fn heading_keys(p: &Provision, langs: &[Lang]) -> Vec<Option<HeadingKey>> {
    langs
        .iter()
        .map(|l| p.heading.get(l).map(|h| HeadingKey::new(h)))
        .collect()
}

impl<'a> Scorer<'_, 'a> {
    /// The language in which two provisions are compared (the model's policy), as an index
    /// into `self.langs`.
    fn pair_lang(&self, l: &Provision, r: &Provision) -> Option<usize> {
        let lang = first_shared(&self.langs, l, r)?;
        self.langs.iter().position(|x| x == lang)
    }

    /// Indexes what the evidence of every pair is computed from: the texts in each language,
    /// the declared correspondences, the features and the headings.
    pub(super) fn evidence(
        &self,
        lf: &[Option<Features>],
        rf: &[Option<Features>],
    ) -> Evidence<'a> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let texts = self
            .langs
            .iter()
            .map(|lang| self.lang_texts(lang))
            .collect();
        let masks =
            |fs: &[Option<Features>]| fs.iter().map(|f| f.as_ref().map(FeatureMask::of)).collect();
        Evidence {
            texts,
            correspondences: if self.opts.correspondences {
                self.correspondences()
            } else {
                vec![Vec::new(); lp.len()]
            },
            left_masks: masks(lf),
            right_masks: masks(rf),
            left_headings: lp.iter().map(|p| heading_keys(p, &self.langs)).collect(),
            right_headings: rp.iter().map(|p| heading_keys(p, &self.langs)).collect(),
            left_recital: lp.iter().map(Provision::is_recital).collect(),
            right_recital: rp.iter().map(Provision::is_recital).collect(),
            left_langs: lp.iter().map(|p| text_langs(p, &self.langs)).collect(),
            right_langs: rp.iter().map(|p| text_langs(p, &self.langs)).collect(),
            identical: vec![None; rp.len()],
            text: vec![None; rp.len()],
        }
    }

    fn lang_texts(&self, lang: &Lang) -> LangTexts<'a> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let doc = |p: &'a Provision| {
            p.text.get(lang).map(|t| Doc {
                text: t,
                heading: p.heading.get(lang).map(String::as_str),
            })
        };
        let left: Vec<Option<Doc<'a>>> = lp.iter().map(doc).collect();
        let right: Vec<Option<Doc<'a>>> = rp.iter().map(doc).collect();
        let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, d) in right.iter().enumerate() {
            if let Some(d) = d {
                by_text.entry(normalized(d.text)).or_default().push(j);
            }
        }
        let index = TextIndex::new(&left, &right);
        LangTexts {
            left,
            index,
            by_text,
        }
    }

    /// 1 and 5: identical texts and text similarity of left provision `i` with every right
    /// provision, each pair in the first language both have, into the rows of `evidence`.
    pub(super) fn texts_of(&self, i: usize, evidence: &mut Evidence<'a>) {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        evidence.identical.fill(None);
        evidence.text.fill(None);
        for (k, t) in evidence.texts.iter().enumerate() {
            let Some(d) = &t.left[i] else { continue };
            // The first language both have a text in (the model's policy, `first_shared`),
            // from the masks while there are at most 64 languages.
            let first = |j: usize| {
                if self.langs.len() <= 64 {
                    let both = evidence.left_langs[i] & evidence.right_langs[j];
                    both != 0 && both.trailing_zeros() as usize == k
                } else {
                    self.pair_lang(&lp[i], &rp[j]) == Some(k)
                }
            };
            if let Some(js) = t.by_text.get(&normalized(d.text)) {
                for &j in js.iter().filter(|&&j| first(j)) {
                    evidence.identical[j] = Some(k);
                }
            }
            for (j, sim) in t.index.similar_to(i) {
                if first(j) {
                    evidence.text[j] = Some((k, sim));
                }
            }
        }
    }

    /// 2: explicit correspondences, declared on either side, by left provision: the right
    /// provision and the evidence, declared on the left first.
    fn correspondences(&self) -> Vec<Vec<(usize, Contribution)>> {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let index = |ps: &'a [Provision]| -> HashMap<&'a ProvisionId, usize> {
            ps.iter().enumerate().map(|(k, p)| (&p.id, k)).collect()
        };
        let (lix, rix) = (index(lp), index(rp));
        let mut out = vec![Vec::new(); lp.len()];
        let value = self.opts.correspondence_weight;
        // Declared on the left (`from_left`) or on the right; the pair is always (left, right).
        for (from_left, declaring, other) in [(true, lp, &rix), (false, rp, &lix)] {
            for (k, p) in declaring.iter().enumerate() {
                for c in &p.correspondences {
                    let Some(&o) = other.get(&c.target) else {
                        continue;
                    };
                    let (i, j) = if from_left { (k, o) } else { (o, k) };
                    let reason = Reason::Correspondence {
                        declared_by: p.id.clone(),
                        relation: c.relation,
                        rationale: c.rationale.clone(),
                    };
                    if value > 0.0 {
                        out[i].push((
                            j,
                            Contribution {
                                reason,
                                value: value.min(1.0),
                            },
                        ));
                    }
                }
            }
        }
        out
    }

    /// The evidence of the pair `(i, j)` once [`texts_of`](Scorer::texts_of) has filled the
    /// row of `i`: see [`score`].
    pub(super) fn pair_evidence<'e>(
        &'e self,
        evidence: &'e Evidence<'a>,
        (i, j): (usize, usize),
        lf: &'e [Option<Features>],
        rf: &'e [Option<Features>],
    ) -> Option<(Vec<Contribution>, f64)> {
        let features = match (
            &evidence.left_masks[i],
            &evidence.right_masks[j],
            &lf[i],
            &rf[j],
        ) {
            (Some(a), Some(b), Some(fa), Some(fb)) => a.similarity(b).map(|s| (s, fa, fb)),
            _ => None,
        };
        let (lh, rh) = (&evidence.left_headings[i], &evidence.right_headings[j]);
        // The first language both have a heading in, whatever the similarity there.
        let heading = lh
            .iter()
            .zip(rh)
            .position(|(a, b)| a.is_some() && b.is_some())
            .and_then(|k| {
                let (a, b) = (lh[k].as_ref()?, rh[k].as_ref()?);
                Some((
                    &self.langs[k],
                    a.dice_from(b, self.opts.heading_min_similarity)?,
                ))
            });
        let facts = Facts {
            identical: evidence.identical[j].map(|k| &self.langs[k]),
            declared: evidence.correspondences[i]
                .iter()
                .filter(|(jj, _)| *jj == j)
                .map(|(_, c)| c)
                .collect(),
            features,
            heading,
            text: evidence.text[j].map(|(k, sim)| (&self.langs[k], sim)),
            recital_mismatch: evidence.left_recital[i] != evidence.right_recital[j],
        };
        score(self.opts, &facts)
    }
}

/// The values of the features, heading and text evidence of a pair that counts.
type Values<'x> = (
    Option<(f64, &'x Features, &'x Features)>,
    Option<(&'x Lang, f64, f64)>,
    Option<(&'x Lang, f64, f64)>,
);

/// The score of a pair, as [`score`] computes it, without building its contributions.
pub(super) fn score_only(o: &AlignOptions, facts: &Facts<'_>) -> Option<f64> {
    values(o, facts).map(|(s, _)| s)
}

/// The score of a pair and the values of the evidence that counts (see [`score`]).
fn values<'x>(o: &AlignOptions, facts: &Facts<'x>) -> Option<(f64, Values<'x>)> {
    let counts = |v: f64| (v > 0.0).then(|| v.min(1.0));
    let features = facts
        .features
        .and_then(|(s, a, b)| counts(o.feature_weight * s).map(|v| (v, a, b)));
    let heading = facts.heading.and_then(|(lang, sim)| {
        (sim >= o.heading_min_similarity)
            .then(|| counts(o.heading_weight * sim).map(|v| (lang, sim, v)))
            .flatten()
    });
    let text = facts
        .text
        .and_then(|(lang, sim)| counts(o.text_weight * sim).map(|v| (lang, sim, v)));
    // The score from the values, in the order of the contributions.
    let mut values = facts
        .identical
        .map(|_| 1.0)
        .into_iter()
        .chain(facts.declared.iter().map(|c| c.value))
        .chain(features.map(|f| f.0))
        .chain(heading.map(|h| h.2))
        .chain(text.map(|t| t.2))
        .peekable();
    values.peek()?;
    let mut score = 1.0 - values.map(|v| 1.0 - v).product::<f64>();
    if facts.recital_mismatch {
        score *= o.recital_factor;
    }
    if score < o.candidate_threshold {
        return None;
    }
    Some((score, (features, heading, text)))
}

/// What is known of one pair of provisions before it is scored: identical texts (in this
/// language), the correspondences declared, the feature similarity (from the masks) with the
/// features of both, the heading similarity in the first language both have a heading in, the
/// text similarity in the language the pair is compared in, and whether one is a recital and
/// the other not.
pub(super) struct Facts<'x> {
    pub(super) identical: Option<&'x Lang>,
    pub(super) declared: Vec<&'x Contribution>,
    pub(super) features: Option<(f64, &'x Features, &'x Features)>,
    pub(super) heading: Option<(&'x Lang, f64)>,
    pub(super) text: Option<(&'x Lang, f64)>,
    pub(super) recital_mismatch: bool,
}

/// The evidence of a pair, each piece with a positive value capped at 1, in the order of
/// [`Reason`]'s variants, and its score: `1 − Π(1 − cᵢ)`, halved for a recital against an
/// article. `None` when the pair has no evidence or scores below the candidate threshold: the
/// score is computed first, from the values alone, so that the pairs dropped build nothing.
pub(super) fn score(o: &AlignOptions, facts: &Facts<'_>) -> Option<(Vec<Contribution>, f64)> {
    let (score, (features, heading, text)) = values(o, facts)?;
    let mut reasons: Vec<Contribution> = Vec::new();
    if let Some(lang) = facts.identical {
        reasons.push(Contribution {
            reason: Reason::IdenticalText { lang: lang.clone() },
            value: 1.0,
        });
    }
    reasons.extend(facts.declared.iter().map(|c| (*c).clone()));
    if let Some((value, a, b)) = features {
        if let Some(reason) = a.shared(b) {
            reasons.push(Contribution { reason, value });
        }
    }
    if let Some((lang, similarity, value)) = heading {
        reasons.push(Contribution {
            reason: Reason::Heading {
                lang: lang.clone(),
                similarity,
            },
            value,
        });
    }
    if let Some((lang, similarity, value)) = text {
        reasons.push(Contribution {
            reason: Reason::Text {
                lang: lang.clone(),
                similarity,
            },
            value,
        });
    }
    Some((reasons, score))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_fit_the_masks() {
        fn check<T: Term>() {
            assert!(T::ALL.len() <= 64, "{}", T::VOCABULARY);
            assert!(T::ALL.windows(2).all(|w| w[0] < w[1]), "{}", T::VOCABULARY);
        }
        check::<NormKind>();
        check::<DataCategory>();
        check::<Actor>();
        check::<Activity>();
        check::<SafeguardKind>();
        check::<Purpose>();
    }

    #[test]
    fn heading_dice_is_strsim() {
        let headings = [
            "Data protection impact assessment",
            "Impact  assessment",
            "Right to erasure ('right to be forgotten')",
            "Right of erasure",
            "个人信息保护影响评估",
            "个人信息的删除",
            "a",
            "",
            "AA",
            "aa aa",
            "Lawfulness of processing",
        ];
        for a in headings {
            for b in headings {
                let expected = strsim::sorensen_dice(&a.to_lowercase(), &b.to_lowercase());
                let (ka, kb) = (HeadingKey::new(a), HeadingKey::new(b));
                assert_eq!(ka.dice(&kb).to_bits(), expected.to_bits(), "{a:?} {b:?}");
                for min in [0.0, 0.3, 0.5, 0.8] {
                    let from = ka.dice_from(&kb, min).map(f64::to_bits);
                    assert_eq!(from, (expected >= min).then_some(expected.to_bits()));
                }
            }
        }
    }
}
