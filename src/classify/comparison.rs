//! A target compared with a baseline at a scope, and the context the rules read.

use std::collections::BTreeSet;

use super::engine::PinpointCache;
use super::report::sort_gaps;
use super::{Cite, Clause, Gap, GapReport, Registry, SourceSummary, TargetSummary, Translation};
use crate::corpus::{Corpus, Selection};
use crate::model::{Citation, Instrument, InstrumentId, Located, Provision, ProvisionId, Scope};

/// A target set of provisions compared with a baseline set at a scope.
///
/// ```
/// use lexgap::classify::Comparison;
/// use lexgap::model::Scope;
///
/// let corpus = lexgap::Corpus::bundled();
/// let target = corpus.select(["cn/constitution/art-40"])?;
/// let baseline = corpus.select(["coe/echr/art-8"])?;
/// let report = Comparison::new(&target, &baseline)
///     .run();
/// assert_eq!(report.codes(), ["no-government-use-limit", "open-ended-exception"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Comparison<'c> {
    corpus: &'c Corpus,
    target: Vec<&'c Provision>,
    target_instruments: Vec<InstrumentId>,
    baseline: Vec<&'c Provision>,
    scope: Scope,
}

impl<'c> Comparison<'c> {
    /// A comparison of `target` against `baseline`, at provision scope. Both selections
    /// should come from one corpus: referrals and instruments are looked up in the target's.
    pub fn new(target: &Selection<'c>, baseline: &Selection<'c>) -> Comparison<'c> {
        Comparison {
            corpus: target.corpus(),
            target: target.provisions().iter().map(|p| p.provision()).collect(),
            target_instruments: target.instruments().iter().map(|i| i.id.clone()).collect(),
            baseline: baseline
                .provisions()
                .iter()
                .map(|p| p.provision())
                .collect(),
            scope: Scope::Provision,
        }
    }

    /// Sets the scope (default: [`Scope::Provision`]).
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Runs the default rules.
    pub fn run(&self) -> GapReport {
        self.run_with(Registry::default_ref())
    }

    /// The gaps alone, in report order, without the report's summaries, citations and
    /// translations (what the gap matrix needs of each instrument).
    /// `pinpoints` may be shared by comparisons of one corpus (the rows of a matrix cite the
    /// same baseline).
    pub(crate) fn gaps_with(&self, registry: &Registry, pinpoints: &PinpointCache) -> Vec<Gap> {
        let cx = self.context_in(Pins::Shared(pinpoints));
        let mut gaps: Vec<Gap> = registry.rules().filter_map(|r| r.check(&cx)).collect();
        sort_gaps(&mut gaps);
        gaps
    }

    /// Runs the rules of `registry`.
    pub fn run_with(&self, registry: &Registry) -> GapReport {
        let cx = self.context();
        let mut gaps: Vec<Gap> = registry.rules().filter_map(|r| r.check(&cx)).collect();
        sort_gaps(&mut gaps);
        let mut target: Vec<ProvisionId> = self.target.iter().map(|p| p.id.clone()).collect();
        target.sort();
        let mut baseline: Vec<ProvisionId> = self.baseline.iter().map(|p| p.id.clone()).collect();
        baseline.sort();
        let mut referred = BTreeSet::new();
        for c in cx.target_clauses().chain(cx.elsewhere_clauses()) {
            if let Some(r) = c.derogation().and_then(|d| d.governed_by.as_ref()) {
                referred.insert(Cite::quoted(
                    c.provision(),
                    "governed by another instrument",
                    &r.evidence,
                ));
            }
        }
        let targets = cx
            .target_instruments()
            .iter()
            .filter_map(|id| self.corpus.get_instrument(id))
            .map(target_summary)
            .collect();
        let referred: Vec<Cite> = referred.into_iter().collect();
        let citations = self.citations(&gaps, &referred, target.iter().chain(&baseline));
        let translations = self.translations(&gaps);
        GapReport {
            scope: self.scope,
            target,
            baseline,
            targets,
            gaps,
            referred,
            citations,
            translations,
        }
    }

    /// Each quote's passage in its provision's other languages: the paragraph or point of its
    /// pinpoint, or the whole text without one. In provision, pinpoint and language order.
    fn translations(&self, gaps: &[Gap]) -> Vec<Translation> {
        let mut out = BTreeSet::new();
        for g in gaps {
            let cites = g
                .target_quotes
                .iter()
                .chain(&g.baseline_quotes)
                .chain(&g.closed_by);
            let derogations = g.derogations.iter().flat_map(|d| &d.quotes);
            for c in cites.chain(derogations) {
                let Some(p) = self.corpus.get_id(&c.provision) else {
                    continue;
                };
                for (lang, text) in p.text.iter().filter(|(l, _)| **l != c.evidence.lang) {
                    let passage = match &c.pinpoint {
                        Some(pin) => p.passage(lang, pin),
                        None => Some(text.as_str()),
                    };
                    if let Some(passage) = passage {
                        let legal_value = self
                            .corpus
                            .instrument_of(&c.provision)
                            .and_then(|i| i.languages.get(lang))
                            .map(|p| p.legal_value);
                        out.insert(Translation {
                            provision: c.provision.clone(),
                            pinpoint: c.pinpoint.clone(),
                            lang: lang.clone(),
                            legal_value,
                            text: passage.trim().to_owned(),
                        });
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// How to cite every provision the report names (its targets and baseline) or quotes, in
    /// id order.
    fn citations<'i>(
        &self,
        gaps: &'i [Gap],
        referred: &'i [Cite],
        named: impl Iterator<Item = &'i ProvisionId>,
    ) -> Vec<Citation> {
        let mut ids: BTreeSet<&ProvisionId> = referred.iter().map(|c| &c.provision).collect();
        ids.extend(named);
        for g in gaps {
            let quotes = g
                .target_quotes
                .iter()
                .chain(&g.baseline_quotes)
                .chain(&g.closed_by);
            ids.extend(quotes.map(|c| &c.provision));
            for d in &g.derogations {
                ids.insert(&d.provision);
                ids.extend(d.quotes.iter().chain(&d.modifies).map(|c| &c.provision));
            }
        }
        ids.into_iter()
            .filter_map(|id| {
                let p = self.corpus.get_id(id)?;
                let inst = self.corpus.instrument_of(id)?;
                Some(Citation::of(Located::new(inst, p)))
            })
            .collect()
    }

    /// The context rules read; public so that custom rules can be tested on their own.
    pub fn context(&self) -> Context<'_> {
        self.context_in(Pins::Own(PinpointCache::default()))
    }

    fn context_in<'s>(&'s self, pinpoints: Pins<'s>) -> Context<'s> {
        let mut target = self.target.clone();
        target.sort_by(|a, b| a.id.cmp(&b.id));
        let mut baseline = self.baseline.clone();
        baseline.sort_by(|a, b| a.id.cmp(&b.id));
        let mut elsewhere = Vec::new();
        if self.scope == Scope::Instrument {
            for id in &self.target_instruments {
                if let Some(inst) = self.corpus.get_instrument(id) {
                    for p in &inst.provisions {
                        if !target.iter().any(|t| t.id == p.id) {
                            elsewhere.push(p);
                        }
                    }
                }
            }
            elsewhere.sort_by(|a, b| a.id.cmp(&b.id));
        }
        let mut target_instruments = self.target_instruments.clone();
        target_instruments.sort();
        Context {
            corpus: self.corpus,
            target,
            baseline,
            elsewhere,
            target_instruments,
            scope: self.scope,
            pinpoints,
        }
    }
}

/// What a report says of target instrument `i`: its standing, its coverage, and where each
/// text was read, in order of legal value.
fn target_summary(i: &Instrument) -> TargetSummary {
    TargetSummary {
        instrument: i.id.clone(),
        short_title: i.short_title.clone(),
        kind: i.kind,
        status: i.status,
        binding: i.binding,
        coverage: i.coverage.clone(),
        missing: i.missing.clone(),
        sources: i
            .languages_by_value()
            .map(|l| {
                let p = &i.languages[l];
                SourceSummary {
                    lang: l.clone(),
                    legal_value: p.legal_value,
                    source: p.source.clone(),
                    note: p.note.clone(),
                }
            })
            .collect(),
    }
}

/// What a rule sees: the target and baseline clauses, and at instrument scope the
/// instrument-wide clauses elsewhere in the target's instruments.
#[derive(Debug)]
pub struct Context<'a> {
    corpus: &'a Corpus,
    target: Vec<&'a Provision>,
    baseline: Vec<&'a Provision>,
    elsewhere: Vec<&'a Provision>,
    target_instruments: Vec<InstrumentId>,
    scope: Scope,
    pinpoints: Pins<'a>,
}

/// The pinpoints a context remembers: its own, or those of comparisons it shares them with.
#[derive(Debug)]
enum Pins<'a> {
    Own(PinpointCache),
    Shared(&'a PinpointCache),
}

impl<'a> Context<'a> {
    /// The pinpoints worked out so far in this comparison.
    pub(crate) fn pinpoints(&self) -> &PinpointCache {
        match &self.pinpoints {
            Pins::Own(cache) => cache,
            Pins::Shared(cache) => cache,
        }
    }

    /// The corpus.
    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }
    /// The scope.
    pub fn scope(&self) -> Scope {
        self.scope
    }
    /// Whether there is no baseline, so only absolute rules apply.
    pub fn is_absolute(&self) -> bool {
        self.baseline.is_empty()
    }
    /// The target provisions, in id order.
    pub fn target(&self) -> &[&'a Provision] {
        &self.target
    }
    /// The baseline provisions, in id order.
    pub fn baseline(&self) -> &[&'a Provision] {
        &self.baseline
    }
    /// The target's instruments, in id order.
    pub fn target_instruments(&self) -> &[InstrumentId] {
        &self.target_instruments
    }
    /// Every clause of the target provisions.
    pub fn target_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.target.iter().flat_map(|p| Clause::all_in(p))
    }
    /// The target provisions' instruments' provisions outside the selection (instrument scope
    /// only).
    pub fn elsewhere(&self) -> &[&'a Provision] {
        &self.elsewhere
    }
    /// Every clause of the baseline provisions.
    pub fn baseline_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.baseline.iter().flat_map(|p| Clause::all_in(p))
    }
    /// At instrument scope, the instrument-wide clauses of the target's instruments outside
    /// the selected provisions (norms of instrument scope, derogations that reach beyond
    /// their provision); empty at provision scope.
    pub fn elsewhere_clauses(&self) -> impl Iterator<Item = Clause<'a>> + '_ {
        self.elsewhere
            .iter()
            .flat_map(|p| Clause::all_in(p))
            .filter(|c| c.is_instrument_scoped())
    }
}
