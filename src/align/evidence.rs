//! The evidence step of an alignment: the kinds of evidence that two provisions
//! correspond ([`Reason`]), what each adds to a score ([`Contribution`]), the norm features
//! compared, and how the [`Scorer`] gathers each kind of evidence, in the order of the
//! module's narration (1 and 5, then 2, 3 and 4).

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;

use crate::model::{
    Activity, Actor, DataCategory, Lang, NormKind, Provision, ProvisionId, Purpose, Relation,
    SafeguardKind, first_shared, within,
};

use super::index::{Doc, TextIndex};
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

/// The evidence gathered so far, by pair of provisions (indices into the left and the right
/// provisions).
#[derive(Debug, Default)]
pub(super) struct Evidence(HashMap<(usize, usize), Vec<Contribution>>);

impl Evidence {
    /// Adds a piece of evidence that counts (a positive value), capped at 1.
    fn add(&mut self, i: usize, j: usize, reason: Reason, value: f64) {
        if value > 0.0 {
            self.0.entry((i, j)).or_default().push(Contribution {
                reason,
                value: value.min(1.0),
            });
        }
    }

    /// The pairs with their evidence, in no particular order.
    pub(super) fn into_pairs(self) -> impl Iterator<Item = ((usize, usize), Vec<Contribution>)> {
        self.0.into_iter()
    }
}

/// Whitespace-normalised text, for the identical-text test.
fn normalized(s: &str) -> String {
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

    fn shared(&self, o: &Features) -> Option<Reason> {
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

fn first_heading(p: &Provision, langs: &[&Lang]) -> Option<(usize, String)> {
    langs
        .iter()
        .position(|l| p.heading.contains_key(*l))
        .map(|k| (k, p.heading[langs[k]].clone()))
}

impl<'a> Scorer<'_, 'a> {
    /// The language in which two provisions are compared (the model's policy), as an index
    /// into `self.langs`.
    fn pair_lang(&self, l: &Provision, r: &Provision) -> Option<usize> {
        let lang = first_shared(&self.langs, l, r)?;
        self.langs.iter().position(|x| x == lang)
    }

    /// 1 and 5: identical texts and text similarity, language by language.
    pub(super) fn texts(&self, evidence: &mut Evidence) {
        for (k, lang) in self.langs.iter().enumerate() {
            self.texts_in(k, lang, evidence);
        }
    }

    /// Identical texts and text similarity in `lang`, the `k`th language, for the pairs
    /// compared in it.
    fn texts_in(&self, k: usize, lang: &Lang, evidence: &mut Evidence) {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
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
                    evidence.add(i, j, Reason::IdenticalText { lang: lang.clone() }, 1.0);
                }
            }
            for (j, sim) in index.similar_to(i) {
                if first(j) {
                    evidence.add(
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

    /// 2: explicit correspondences, declared on either side.
    pub(super) fn correspondences(&self, evidence: &mut Evidence) {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
        let index = |ps: &'a [Provision]| -> HashMap<&'a ProvisionId, usize> {
            ps.iter().enumerate().map(|(k, p)| (&p.id, k)).collect()
        };
        let (lix, rix) = (index(lp), index(rp));
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
                    evidence.add(i, j, reason, self.opts.correspondence_weight);
                }
            }
        }
    }

    /// 3: shared norm features (annotated provisions only), from the features of the left
    /// and the right provisions.
    pub(super) fn features(
        &self,
        lf: &[Option<Features>],
        rf: &[Option<Features>],
        evidence: &mut Evidence,
    ) {
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
                    evidence.add(i, j, reason, value);
                }
            }
        }
    }

    /// 4: headings, in the first language both have.
    pub(super) fn headings(&self, evidence: &mut Evidence) {
        let (lp, rp) = (&self.left.provisions, &self.right.provisions);
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
                if sim >= self.opts.heading_min_similarity {
                    evidence.add(
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
    }
}
