//! Did-you-mean suggestions for dangling provision references, within a budget.

use std::collections::{HashMap, HashSet};

use super::Located;
use crate::model::{InstrumentId, ProvisionId};

/// How many ids, at most, one load compares with dangling references to find did-you-mean
/// suggestions. Past it, errors carry no suggestion: a file with thousands of dangling
/// references then fails in linear time instead of comparing every reference with every id.
const SUGGESTION_BUDGET: usize = 250_000;

/// Did-you-mean suggestions for dangling provision references: the closest id in the target's
/// own instrument when the corpus has that instrument, else the closest id in the corpus.
pub(super) struct Suggester {
    all: Vec<String>,
    by_instrument: HashMap<InstrumentId, Vec<String>>,
    known: HashSet<ProvisionId>,
    memo: HashMap<ProvisionId, Option<String>>,
    budget: usize,
}

impl Suggester {
    pub(super) fn new(located: &[Located]) -> Suggester {
        let mut by_instrument: HashMap<InstrumentId, Vec<String>> = HashMap::new();
        let mut known = HashSet::new();
        for p in located.iter().flat_map(|l| &l.instrument.provisions) {
            by_instrument
                .entry(p.id.instrument().clone())
                .or_default()
                .push(p.id.to_string());
            known.insert(p.id.clone());
        }
        let mut all: Vec<String> = by_instrument.values().flatten().cloned().collect();
        all.sort();
        Suggester {
            all,
            by_instrument,
            known,
            memo: HashMap::new(),
            budget: SUGGESTION_BUDGET,
        }
    }
    pub(super) fn has(&self, id: &ProvisionId) -> bool {
        self.known.contains(id)
    }
    pub(super) fn suggest(&mut self, id: &ProvisionId) -> Option<String> {
        if let Some(s) = self.memo.get(id) {
            return s.clone();
        }
        let candidates = self.by_instrument.get(id.instrument()).unwrap_or(&self.all);
        let s = if candidates.len() <= self.budget {
            self.budget -= candidates.len();
            crate::model::closest_owned(&id.to_string(), candidates.iter())
        } else {
            None
        };
        self.memo.insert(id.clone(), s.clone());
        s
    }
}
