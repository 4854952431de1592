//! `non-binding`: soft law against a binding baseline, or against the standard of binding
//! force.

use std::collections::BTreeSet;

use crate::classify::{Context, Element, Gap, GapKind, GapStatus, Rule, RuleInfo};
use crate::model::{Instrument, InstrumentId, InstrumentKind};

#[derive(Debug)]
pub(crate) struct NonBindingRule;

fn is_soft_law(i: &Instrument) -> bool {
    !i.binding
        && matches!(
            i.kind,
            InstrumentKind::SoftLaw | InstrumentKind::Declaration
        )
}

impl Rule for NonBindingRule {
    fn info(&self) -> RuleInfo {
        GapKind::NonBinding.info()
    }
    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        let corpus = cx.corpus();
        let baseline_instruments: BTreeSet<&InstrumentId> =
            cx.baseline().iter().map(|p| p.id.instrument()).collect();
        let binding_baseline: Vec<&Instrument> = baseline_instruments
            .iter()
            .filter_map(|id| corpus.get_instrument(id))
            .filter(|i| i.binding)
            .collect();
        if !cx.is_absolute() && binding_baseline.is_empty() {
            return None;
        }
        let soft: Vec<&Instrument> = cx
            .target_instruments()
            .iter()
            .filter_map(|id| corpus.get_instrument(id))
            .filter(|i| is_soft_law(i) && !baseline_instruments.contains(&i.id))
            .collect();
        if soft.is_empty() {
            return None;
        }
        let standard = if cx.is_absolute() {
            "an instrument that binds".to_owned()
        } else {
            let names: Vec<String> = binding_baseline
                .iter()
                .map(|i| format!("`{}`", i.id))
                .collect();
            format!("the binding force of {}", names.join(", "))
        };
        let mut gap = Gap::new(self.info(), GapStatus::Absent, Vec::new(), Vec::new());
        gap.target = cx
            .target()
            .iter()
            .filter(|p| soft.iter().any(|i| &i.id == p.id.instrument()))
            .map(|p| p.id.clone())
            .collect();
        gap.target_instruments = soft.iter().map(|i| i.id.clone()).collect();
        gap.missing = vec![Element::Binding];
        gap.standard = Some(standard);
        Some(gap)
    }
}
