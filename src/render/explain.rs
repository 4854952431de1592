//! The sentences a reader sees: each gap's explanation, written from its facts.
//!
//! Rules return facts (a verdict, the missing and present elements, citations); this module
//! writes the prose, so that every renderer says the same thing the same way.

use std::collections::BTreeSet;
use std::fmt;

use crate::classify::{DerogationFinding, Gap, GapStatus, list, summarize};
use crate::model::{Delegate, Grounds};

fn ticked<T: fmt::Display>(items: impl IntoIterator<Item = T>) -> Vec<String> {
    let set: BTreeSet<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    set.into_iter().collect()
}

/// One sentence (or two) explaining a gap, from its facts.
///
/// ```
/// use lexgap::classify::{Comparison, GapKind};
///
/// let corpus = lexgap::Corpus::bundled();
/// let report = Comparison::new(&corpus.select(["cn/pipl-draft-2020/art-27"])?, &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?)
///     .run();
/// let dpia = report.gap(GapKind::NoImpactAssessment).unwrap();
/// assert_eq!(
///     lexgap::render::explain(dpia),
///     "`cn/pipl-draft-2020/art-27` has no impact assessment, where `eu/gdpr/art-35` requires impact-assessment [prior, content-specified, risk-to-rights, measures, dpo-advice, data-subject-views, review]"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn explain(gap: &Gap) -> String {
    let targets = if gap.target.is_empty() {
        list(&ticked(&gap.target_instruments))
    } else {
        list(&ticked(&gap.target))
    };
    let baseline = ticked(gap.baseline_quotes.iter().map(|c| &c.provision));
    let by = match (&gap.standard, baseline.is_empty()) {
        (Some(s), true) => s.clone(),
        _ => list(&baseline),
    };
    let closers = ticked(gap.closed_by.iter().map(|c| &c.provision));
    let verb = if baseline.len() == 1 || gap.standard.is_some() {
        "requires"
    } else {
        "require"
    };
    let supply = if closers.len() == 1 {
        "supplies"
    } else {
        "supply"
    };
    // The targets are the subject: "art. 13 and art. 36 have", "art. 27 has".
    let many = if gap.target.is_empty() {
        gap.target_instruments.len() > 1
    } else {
        gap.target.len() > 1
    };
    let (has, lacks) = if many {
        ("have", "lack")
    } else {
        ("has", "lacks")
    };
    let noun = &gap.protection;
    let (present, missing) = (summarize(&gap.present), summarize(&gap.missing));
    let mut out = match gap.status {
        GapStatus::Absent if missing.is_empty() => {
            format!("{targets} {has} no {noun}, where {by} {verb} one")
        }
        GapStatus::Absent => format!("{targets} {has} no {noun}, where {by} {verb} {missing}"),
        // What the derogations take from processing that the rule otherwise protects: the
        // protection is there, not for all the processing.
        GapStatus::Partial if present.is_empty() => {
            format!("{targets} {has} the {missing} that {by} {verb}, but not for all processing")
        }
        GapStatus::Partial => {
            let mut s = format!("{targets} {has} {present} but not {missing}, which {by} {verb}");
            if !closers.is_empty() {
                s += &format!(" (counting {} across the instrument)", list(&closers));
            }
            if !gap.missing_text.is_empty() {
                s += &format!(
                    ", on the text held (the corpus does not hold {})",
                    list(&missing_texts(gap))
                );
            }
            s
        }
        GapStatus::ClosedElsewhere => format!(
            "{targets} {lacks} the {noun} that {by} {verb}, but {} {supply} it across the instrument",
            list(&closers)
        ),
        GapStatus::Unknown => {
            let texts = missing_texts(gap);
            let have = if present.is_empty() {
                format!("the provisions held have no {noun}")
            } else {
                format!("the provisions held have {present} but not {missing}")
            };
            format!(
                "unknown: {have}, which {by} {verb}, and the corpus does not hold {}, which may provide it",
                list(&texts)
            )
        }
        GapStatus::NotComparable => format!(
            "not comparable: {} {} not address the matter of {by} ({noun})",
            list(&ticked(&gap.not_addressed)),
            if gap.not_addressed.len() == 1 {
                "does"
            } else {
                "do"
            },
        ),
    };
    for d in gap.derogations.iter().filter(|d| d.status.is_open()) {
        out += "; ";
        out += &explain_derogation(d);
    }
    out
}

fn missing_texts(gap: &Gap) -> Vec<String> {
    gap.missing_text
        .iter()
        .map(|m| format!("`{}` {}", m.instrument, list(&m.ranges)))
        .collect()
}

/// What a derogation does to the protection: `under the carve-out of
/// \`cn/pipl-draft-2020/art-27\` (grounds left to other law), purpose-limitation is switched
/// off and proportionality … are missing`.
pub fn explain_derogation(d: &DerogationFinding) -> String {
    let grounds = match &d.grounds {
        Grounds::Stated { purposes, .. } => {
            format!("on the grounds {}", list(&ticked(purposes.iter())))
        }
        Grounds::None => "on no stated ground".to_owned(),
        Grounds::Delegated {
            to: Delegate::Law, ..
        } => "on grounds left to other law".to_owned(),
        Grounds::Delegated { .. } => "on grounds left to the executive".to_owned(),
    };
    let mut s = format!("under the {} in `{}` ({grounds})", d.form, d.provision);
    if let Some(m) = &d.modifies {
        s += &format!(", which modifies the derogation in `{}`", m.provision);
    }
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    if !d.switched_off.is_empty() {
        s += &format!(
            ", {} {} switched off",
            summarize(&d.switched_off),
            verb(d.switched_off.len())
        );
    }
    if let Some(a) = &d.allowed_by {
        return s + &format!(
            " without {}, on which `{}` allows such a derogation ({})",
            summarize(&a.unmet),
            a.baseline.provision,
            d.status
        );
    }
    if d.missing.is_empty() {
        s += &format!(" ({})", d.status);
    } else {
        s += &format!(
            ", {} {} missing ({})",
            summarize(&d.missing),
            verb(d.missing.len()),
            d.status
        );
    }
    s
}
