//! Counterparts across a corpus: for one provision, its best counterpart in every other
//! instrument ("which laws answer this article?"), from an index of the whole corpus built
//! once ([`CounterpartIndex`]), without aligning every pair of instruments.
//!
//! ```
//! use lexgap::align::CounterpartIndex;
//!
//! let corpus = lexgap::Corpus::bundled();
//! let index = CounterpartIndex::new(corpus);
//! let found = index.counterparts("eu/gdpr/art-33")?;
//! let pipl = found.pairs().iter().find(|p| p.right().id.instrument().to_string() == "cn/pipl");
//! assert_eq!(pipl.expect("a counterpart in the PIPL").right().id.to_string(), "cn/pipl/art-57");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::corpus::Corpus;
use crate::error::LookupError;
use crate::model::{Instrument, Lang, Provision, ProvisionId};

use super::Pair;
use super::evidence::{Contribution, FeatureMask, Features, HeadingKey, Reason, normalized};
use super::index::{Doc, TextIndex};
use super::options::AlignOptions;

/// The texts of the corpus in one language: which provisions have one (by position in the
/// index), the TF-IDF index over them, and the provisions by whitespace-normalised text.
#[derive(Debug)]
struct LangIndex {
    /// The position in `docs` of each provision of the corpus, if it has a text here.
    doc_of: Vec<Option<u32>>,
    /// The provision (its position in the corpus) of each document.
    provision_of: Vec<u32>,
    index: TextIndex,
    by_text: FxHashMap<String, Vec<u32>>,
}

/// The text evidence of one provision against every other: its text similarity with each
/// provision in each language (empty where it has no text), and the provisions with the same
/// text.
struct Evidence<'e> {
    text_sim: &'e [Vec<f64>],
    identical: &'e [FxHashSet<u32>],
}

/// An index of every provision of a corpus, to find, for one provision, its best counterpart
/// in every other instrument.
///
/// Each counterpart is scored on the same evidence, with the same weights and thresholds, as
/// in an [`Alignment`](super::Alignment) of the two instruments (identical texts, declared
/// correspondences, shared norm features, headings, texts), with one difference: the TF-IDF
/// weights of the text similarity count the documents of the whole corpus, not of the two
/// instruments only, so that one index serves every instrument. Scores are thus close to an
/// alignment's, not equal to them, and the pairs are scored as across instruments (no version
/// grouping: `lexgap align` does that).
///
/// Only the provisions that share something with the one asked about are scored, found
/// through inverted indexes: a text term, a norm feature, a heading bigram, a declared
/// correspondence or the same text.
#[derive(Debug)]
pub struct CounterpartIndex<'a> {
    corpus: &'a Corpus,
    opts: AlignOptions,
    /// Every provision, with its instrument (an index into `instruments`).
    provisions: Vec<(&'a Provision, u32)>,
    instruments: Vec<&'a Instrument>,
    position: FxHashMap<&'a ProvisionId, u32>,
    features: Vec<Option<Features>>,
    masks: Vec<Option<FeatureMask>>,
    /// The provisions with each feature bit: 64 bits for each of the five kinds of feature.
    feature_postings: Vec<Vec<u32>>,
    /// The languages of the corpus, in order; below, a language is its index here.
    langs: Vec<&'a Lang>,
    /// The languages each provision has a text in, as a bit mask (at most 64 languages).
    text_langs: Vec<u64>,
    /// The headings of each provision, by language.
    headings: Vec<Vec<(usize, HeadingKey)>>,
    /// The provisions whose heading (in a language) has a bigram, by language and bigram.
    heading_postings: FxHashMap<(usize, u64), Vec<u32>>,
    recital: Vec<bool>,
    /// The declared correspondences that name each provision: `(declaring, index of the
    /// correspondence)`.
    declared_to: Vec<Vec<(u32, u32)>>,
    texts: Vec<LangIndex>,
}

impl<'a> CounterpartIndex<'a> {
    /// Indexes every provision of `corpus`, with the default [`AlignOptions`].
    pub fn new(corpus: &'a Corpus) -> CounterpartIndex<'a> {
        CounterpartIndex::with_options(corpus, AlignOptions::new())
    }

    /// Indexes every provision of `corpus`, scoring with `opts` (its mode is not used).
    pub fn with_options(corpus: &'a Corpus, opts: AlignOptions) -> CounterpartIndex<'a> {
        let instruments: Vec<&'a Instrument> = corpus.instruments().collect();
        let provisions: Vec<(&'a Provision, u32)> = instruments
            .iter()
            .enumerate()
            .flat_map(|(k, i)| i.provisions.iter().map(move |p| (p, k as u32)))
            .collect();
        let position: FxHashMap<&'a ProvisionId, u32> = provisions
            .iter()
            .enumerate()
            .map(|(g, (p, _))| (&p.id, g as u32))
            .collect();
        let features: Vec<Option<Features>> =
            provisions.iter().map(|(p, _)| Features::of(p)).collect();
        let masks: Vec<Option<FeatureMask>> = features
            .iter()
            .map(|f| f.as_ref().map(FeatureMask::of))
            .collect();
        let mut feature_postings = vec![Vec::new(); 5 * 64];
        for (g, m) in masks.iter().enumerate() {
            if let Some(m) = m {
                for bit in m.bits() {
                    feature_postings[bit].push(g as u32);
                }
            }
        }
        let langs: Vec<&'a Lang> = provisions
            .iter()
            .flat_map(|(p, _)| p.text.keys().chain(p.heading.keys()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let lang_index = |l: &Lang| langs.binary_search(&l).ok();
        let text_langs: Vec<u64> = provisions
            .iter()
            .map(|(p, _)| {
                p.text
                    .keys()
                    .filter_map(|l| lang_index(l).filter(|&k| k < 64))
                    .fold(0, |m, k| m | 1 << k)
            })
            .collect();
        let headings: Vec<Vec<(usize, HeadingKey)>> = provisions
            .iter()
            .map(|(p, _)| {
                p.heading
                    .iter()
                    .filter_map(|(l, h)| Some((lang_index(l)?, HeadingKey::new(h))))
                    .collect()
            })
            .collect();
        let mut heading_postings: FxHashMap<(usize, u64), Vec<u32>> = FxHashMap::default();
        for (g, hs) in headings.iter().enumerate() {
            for (k, key) in hs {
                let mut last = None;
                for &b in key.bigram_codes() {
                    if last != Some(b) {
                        heading_postings.entry((*k, b)).or_default().push(g as u32);
                        last = Some(b);
                    }
                }
            }
        }
        let mut declared_to = vec![Vec::new(); provisions.len()];
        for (g, (p, _)) in provisions.iter().enumerate() {
            for (c, corr) in p.correspondences.iter().enumerate() {
                if let Some(&t) = position.get(&corr.target) {
                    declared_to[t as usize].push((g as u32, c as u32));
                }
            }
        }
        let mut texts = Vec::new();
        for lang in &langs {
            let mut doc_of = vec![None; provisions.len()];
            let mut provision_of = Vec::new();
            let mut docs = Vec::new();
            let mut by_text: FxHashMap<String, Vec<u32>> = FxHashMap::default();
            for (g, (p, _)) in provisions.iter().enumerate() {
                if let Some(t) = p.text.get(lang) {
                    doc_of[g] = Some(docs.len() as u32);
                    provision_of.push(g as u32);
                    docs.push(Some(Doc {
                        text: t,
                        heading: p.heading.get(lang).map(String::as_str),
                    }));
                    by_text.entry(normalized(t)).or_default().push(g as u32);
                }
            }
            let index = TextIndex::one_side(&docs);
            texts.push(LangIndex {
                doc_of,
                provision_of,
                index,
                by_text,
            });
        }
        CounterpartIndex {
            corpus,
            opts,
            recital: provisions.iter().map(|(p, _)| p.is_recital()).collect(),
            provisions,
            instruments,
            position,
            features,
            masks,
            feature_postings,
            langs,
            text_langs,
            headings,
            heading_postings,
            declared_to,
            texts,
        }
    }

    /// The best counterpart of the provision `id` in every other instrument of the corpus
    /// that has a candidate for it (a pair scoring from the candidate threshold), best score
    /// first (then in corpus order). The provision is the left side of each pair.
    ///
    /// # Errors
    ///
    /// Returns a [`LookupError`] if no provision has this identifier, with a suggestion when
    /// a known one is close.
    ///
    /// # Example
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let index = lexgap::align::CounterpartIndex::new(corpus);
    /// let found = index.counterparts("eu/gdpr/art-35")?;
    /// assert!(found.pairs().iter().all(|p| p.right().id.instrument().to_string() != "eu/gdpr"));
    /// assert!(index.counterparts("eu/gdpr/art-9999").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counterparts(&self, id: &str) -> Result<Counterparts<'a>, LookupError> {
        let p = self.corpus.provision(id)?;
        let q = self.position[&p.id] as usize;
        Ok(self.of(q))
    }

    fn of(&self, q: usize) -> Counterparts<'a> {
        let (qp, qi) = self.provisions[q];
        let n = self.provisions.len();
        // The candidates: every provision that shares something with `q`, outside its
        // instrument.
        let mut seen = vec![false; n];
        let mut candidates: Vec<u32> = Vec::new();
        let mut add = |g: u32, seen: &mut Vec<bool>| {
            if !seen[g as usize] && self.provisions[g as usize].1 != qi {
                seen[g as usize] = true;
                candidates.push(g);
            }
        };
        // Text similarity and identical texts, in each language of `q`, by provision.
        let mut text_sim: Vec<Vec<f64>> = Vec::new();
        let mut identical: Vec<FxHashSet<u32>> = Vec::new();
        for (k, t) in self.texts.iter().enumerate() {
            let mut sims = Vec::new();
            let mut same = FxHashSet::default();
            if let Some(d) = t.doc_of[q] {
                sims = vec![0.0; n];
                for (doc, sim) in t.index.similar_to(d as usize) {
                    let g = t.provision_of[doc];
                    sims[g as usize] = sim;
                    add(g, &mut seen);
                }
                let text = qp.text.get(self.langs[k]);
                for &g in text
                    .and_then(|x| t.by_text.get(&normalized(x)))
                    .into_iter()
                    .flatten()
                {
                    same.insert(g);
                    add(g, &mut seen);
                }
            }
            text_sim.push(sims);
            identical.push(same);
        }
        if let Some(m) = &self.masks[q] {
            for bit in m.bits() {
                for &g in &self.feature_postings[bit] {
                    add(g, &mut seen);
                }
            }
        }
        for (k, key) in &self.headings[q] {
            for &b in key.bigram_codes() {
                for &g in self.heading_postings.get(&(*k, b)).into_iter().flatten() {
                    add(g, &mut seen);
                }
            }
        }
        for c in &qp.correspondences {
            if let Some(&g) = self.position.get(&c.target) {
                add(g, &mut seen);
            }
        }
        for &(g, _) in &self.declared_to[q] {
            add(g, &mut seen);
        }
        candidates.sort_unstable();

        // Score each candidate as an alignment of the two instruments would, and keep the
        // best of each instrument (then the same local id, then the first in corpus order);
        // only the best build their reasons.
        let mut langs_with: Vec<Option<Vec<usize>>> = vec![None; self.instruments.len()];
        let mut best: Vec<Option<(f64, u32)>> = vec![None; self.instruments.len()];
        let evidence = Evidence {
            text_sim: &text_sim,
            identical: &identical,
        };
        for g in candidates {
            let ri = self.provisions[g as usize].1 as usize;
            let langs = langs_with[ri].get_or_insert_with(|| {
                self.instruments[qi as usize]
                    .common_langs(self.instruments[ri])
                    .iter()
                    .filter_map(|l| self.langs.binary_search(&l).ok())
                    .collect()
            });
            let declared = self.declared(q, g as usize);
            let Some(facts) = self.facts(q, g as usize, langs, &evidence, &declared) else {
                continue;
            };
            let Some(score) = super::evidence::score_only(&self.opts, &facts) else {
                continue;
            };
            let better = match best[ri] {
                None => true,
                Some((s, b)) => {
                    score > s
                        || (score == s && {
                            let local =
                                |x: u32| qp.id.local() == self.provisions[x as usize].0.id.local();
                            local(g) && !local(b)
                        })
                }
            };
            if better {
                best[ri] = Some((score, g));
            }
        }
        let mut pairs: Vec<Pair<'a>> = Vec::new();
        for (ri, b) in best.iter().enumerate() {
            let Some((_, g)) = b else { continue };
            let g = *g as usize;
            let langs = langs_with[ri].as_deref().unwrap_or_default();
            let declared = self.declared(q, g);
            let Some(facts) = self.facts(q, g, langs, &evidence, &declared) else {
                continue;
            };
            let Some((reasons, score)) = super::evidence::score(&self.opts, &facts) else {
                continue;
            };
            pairs.push(super::scoring::pair(
                &self.opts,
                (qp, self.provisions[g].0),
                reasons,
                score,
                (self.features[q].as_ref(), self.features[g].as_ref()),
            ));
        }
        // Best first; ties in corpus order (the instruments were in corpus order).
        pairs.sort_by(|a, b| b.score.total_cmp(&a.score));
        Counterparts {
            provision: qp,
            pairs,
        }
    }

    /// What is known of the pair of `q` and `g` (positions in the corpus), compared in
    /// `langs` (the languages their instruments share, authentic first, as indices into the
    /// corpus languages), with these declared correspondences.
    fn facts<'x>(
        &'x self,
        q: usize,
        g: usize,
        langs: &[usize],
        evidence: &Evidence<'_>,
        declared: &'x [Contribution],
    ) -> Option<super::evidence::Facts<'x>> {
        // The language the texts are compared in: the first both have.
        let both = self.text_langs[q] & self.text_langs[g];
        let text_lang = langs
            .iter()
            .copied()
            .find(|&k| k < 64 && both & (1 << k) != 0);
        let features = match (
            &self.masks[q],
            &self.masks[g],
            &self.features[q],
            &self.features[g],
        ) {
            (Some(a), Some(b), Some(fa), Some(fb)) => a.similarity(b).map(|s| (s, fa, fb)),
            _ => None,
        };
        let heading_of = |p: usize, k: usize| {
            self.headings[p]
                .iter()
                .find(|(l, _)| *l == k)
                .map(|(_, key)| key)
        };
        let heading = langs
            .iter()
            .find_map(|&k| Some((k, heading_of(q, k)?, heading_of(g, k)?)))
            .and_then(|(k, a, b)| {
                Some((
                    self.langs[k],
                    a.dice_from(b, self.opts.heading_min_similarity)?,
                ))
            });
        Some(super::evidence::Facts {
            identical: text_lang
                .filter(|&k| evidence.identical[k].contains(&(g as u32)))
                .map(|k| self.langs[k]),
            declared: declared.iter().collect(),
            features,
            heading,
            text: text_lang.and_then(|k| {
                let sims = &evidence.text_sim[k];
                (!sims.is_empty()).then(|| (self.langs[k], sims[g]))
            }),
            recital_mismatch: self.recital[q] != self.recital[g],
        })
    }

    /// The correspondences declared between `q` (left) and `g`: by `q` first, then by `g`.
    fn declared(&self, q: usize, g: usize) -> Vec<Contribution> {
        let value = self.opts.correspondence_weight;
        if value <= 0.0 {
            return Vec::new();
        }
        let (qp, _) = self.provisions[q];
        let (rp, _) = self.provisions[g];
        let make = |p: &Provision, c: &crate::model::Correspondence| Contribution {
            reason: Reason::Correspondence {
                declared_by: p.id.clone(),
                relation: c.relation,
                rationale: c.rationale.clone(),
            },
            value: value.min(1.0),
        };
        if !self.opts.correspondences {
            return Vec::new();
        }
        let mut out: Vec<Contribution> = qp
            .correspondences
            .iter()
            .filter(|c| c.target == rp.id)
            .map(|c| make(qp, c))
            .collect();
        out.extend(
            rp.correspondences
                .iter()
                .filter(|c| c.target == qp.id)
                .map(|c| make(rp, c)),
        );
        out
    }
}

/// The best counterpart of one provision in every other instrument: see
/// [`CounterpartIndex::counterparts`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counterparts<'a> {
    #[serde(serialize_with = "super::ser_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    provision: &'a Provision,
    #[serde(rename = "counterparts")]
    pairs: Vec<Pair<'a>>,
}

impl<'a> Counterparts<'a> {
    /// The provision asked about (the left side of every pair).
    pub fn provision(&self) -> &'a Provision {
        self.provision
    }

    /// The best pair of each instrument, best score first.
    pub fn pairs(&self) -> &[Pair<'a>] {
        &self.pairs
    }

    /// Keeps the counterparts in these jurisdictions only (by code, such as `cn`; an
    /// instrument of a sub-jurisdiction such as `us-ca` is in `us-ca` only).
    ///
    /// ```
    /// let corpus = lexgap::Corpus::bundled();
    /// let index = lexgap::align::CounterpartIndex::new(corpus);
    /// let found = index.counterparts("eu/gdpr/art-33")?.only_in(&["cn"]);
    /// assert!(found.pairs().iter().all(|p| p.right().id.instrument().jurisdiction() == "cn"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn only_in<S: AsRef<str>>(mut self, jurisdictions: &[S]) -> Counterparts<'a> {
        self.pairs.retain(|p| {
            let j = p.right().id.instrument().jurisdiction();
            jurisdictions
                .iter()
                .any(|x| x.as_ref().eq_ignore_ascii_case(j))
        });
        self
    }

    /// Keeps the `n` best.
    pub fn top(mut self, n: usize) -> Counterparts<'a> {
        self.pairs.truncate(n);
        self
    }
}
