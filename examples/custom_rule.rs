//! A user-defined gap rule: the target monitors public places without the signage the
//! baseline requires. It implements `Rule` from scratch (for a rule about one safeguard kind,
//! `SafeguardRule::new` does the same in one line).
//!
//! `cargo run --example custom_rule`

use std::io::Write;

use lexgap::classify::{
    Cite, Clause, Comparison, Context, Gap, GapCode, GapStatus, Registry, Rule, RuleInfo, Severity,
};
use lexgap::model::{Activity, SafeguardElement};

/// Reports public-space monitoring in the target without a sign, when the baseline has one.
#[derive(Debug)]
struct NoSignage;

fn signs<'a>(clauses: impl Iterator<Item = Clause<'a>>) -> Vec<Cite> {
    clauses
        .flat_map(|c| c.safeguards().iter().map(move |s| (c, s)))
        .filter(|(_, s)| s.elements.contains(&SafeguardElement::Signage))
        .map(|(c, s)| Cite::new(c.provision(), "signage", &s.evidence))
        .collect()
}

impl Rule for NoSignage {
    fn info(&self) -> RuleInfo {
        RuleInfo {
            code: "no-signage",
            title: "no signage",
            definition: "monitors public places without requiring visible signs",
            protection: "signage",
            severity: Severity::Low,
        }
    }

    fn check(&self, cx: &Context<'_>) -> Option<Gap> {
        let monitoring: Vec<Clause<'_>> = cx
            .target_clauses()
            .filter(|c| c.activities().contains(&Activity::MonitorPublicSpace))
            .collect();
        let expected = signs(cx.baseline_clauses());
        if monitoring.is_empty()
            || expected.is_empty()
            || !signs(monitoring.iter().copied()).is_empty()
        {
            return None;
        }
        let target = monitoring
            .iter()
            .map(|c| Cite::new(c.provision(), "scope", c.evidence()))
            .collect();
        Some(Gap::new(self.info(), GapStatus::Absent, target, expected))
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut std::io::stdout().lock())
}

/// Runs the custom rule on two comparisons (the tests call this too).
pub fn run(out: &mut dyn Write) -> Result<(), Box<dyn std::error::Error>> {
    let mut registry = Registry::default();
    registry.add(Box::new(NoSignage));
    let corpus = lexgap::Corpus::bundled();
    // PIPL art. 26 requires 并设置显著的提示标识 (prominent signs); AI Act art. 5 does not.
    for (target, baseline) in [
        ("cn/pipl-draft-2020/art-27", "cn/pipl/art-26"),
        ("eu/ai-act/art-5", "cn/pipl/art-26"),
    ] {
        let report = Comparison::new(&corpus.select([target])?, &corpus.select([baseline])?)
            .run_with(&registry);
        match report.gap(GapCode::custom("no-signage")) {
            Some(gap) => writeln!(
                out,
                "{target}: {} ({})",
                lexgap::render::explain(gap),
                gap.status
            )?,
            None => writeln!(out, "{target}: no `no-signage` gap against {baseline}")?,
        }
    }
    Ok(())
}
