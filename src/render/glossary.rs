//! The glossary: what every gap code, verdict, symbol and score in lexgap's output means.

use serde::Serialize;

use super::{Cell, Render, Sheet};
use crate::align::{Crosswalk, HIGH_CONFIDENCE, MATCH_THRESHOLD, MEDIUM_CONFIDENCE};
use crate::classify::{GapStatus, Registry, RuleInfo};

/// What every code, verdict, symbol and score in the output means: the gap codes of a
/// registry (title, severity, definition, the protection each looks for), the verdicts, the
/// matrix's symbols, and the two scores that sit side by side in alignments and diffs.
///
/// ```
/// use lexgap::render::{Format, Glossary, View};
///
/// let glossary = Glossary::new();
/// let md = View::new(&glossary, Format::Markdown).to_string();
/// assert!(md.contains("| no-impact-assessment | no impact assessment | medium |"));
/// assert!(md.contains("| absent | the protection is absent:"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Glossary {
    codes: Vec<CodeEntry>,
    verdicts: Vec<Entry>,
    symbols: Vec<Entry>,
    scores: Vec<Entry>,
    relations: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
struct CodeEntry {
    code: &'static str,
    title: &'static str,
    severity: String,
    definition: &'static str,
    looks_for: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Entry {
    term: String,
    meaning: String,
}

impl Default for Glossary {
    fn default() -> Glossary {
        Glossary::new()
    }
}

impl Glossary {
    /// The glossary of the default rules.
    pub fn new() -> Glossary {
        Glossary::of(Registry::default_ref())
    }

    /// The glossary of the rules of `registry` (with your own rules).
    pub fn of(registry: &Registry) -> Glossary {
        Glossary {
            codes: registry.catalogue().iter().map(code_entry).collect(),
            verdicts: GapStatus::ALL
                .iter()
                .rev()
                .map(|s| Entry {
                    term: s.code().to_owned(),
                    meaning: verdict_meaning(*s),
                })
                .collect(),
            symbols: vec![entry(
                "·",
                "in the gap matrix: no gap, the target meets the baseline on this rule",
            )],
            scores: vec![
                entry(
                    "score (alignment)",
                    "how strongly two provisions correspond, from 0 to 1: 1 − Π(1 − cᵢ) over the \
                     contributions of each kind of evidence (identical or similar text, declared \
                     correspondence, shared norm features, similar headings)",
                ),
                entry(
                    "similarity (diff)",
                    "the share of the two texts' characters that a diff keeps, from 0 to 1; it \
                     compares wording only, so two articles can align with a score of 0.98 and \
                     differ in wording with a similarity of 0.85",
                ),
                entry(
                    "severity",
                    "how much an open gap weighs: high, medium or low, fixed per gap code",
                ),
            ],
            relations: relation_entries(),
        }
    }
}

/// The alignment's relations, rationales, confidence levels and lifecycle relations.
fn relation_entries() -> Vec<Entry> {
    let mut out: Vec<Entry> = Crosswalk::ALL
        .iter()
        .map(|c| entry(c.code(), c.definition()))
        .collect();
    out.extend(alignment_terms().into_iter().map(|(t, m)| entry(t, &m)));
    out
}

/// The terms of an alignment besides its relations: rationale, confidence, lifecycle.
pub(crate) fn alignment_terms() -> Vec<(&'static str, String)> {
    vec![
        (
            "rationale",
            "on what a relation rests: semantic (a correspondence declared in the data), \
             functional (the annotated norms weigh most), syntactic (the texts and headings do)"
                .to_owned(),
        ),
        (
            "confidence",
            format!(
                "how far to trust a pair: high from a score of {HIGH_CONFIDENCE:.2} (or identical \
                 texts, or a declared correspondence), medium from {MEDIUM_CONFIDENCE:.2}, low from \
                 the match threshold {MATCH_THRESHOLD:.2}; the number is the share of best \
                 matches at that score that were right on the gold lists (about 0.93, 0.74, 0.59)"
            ),
        ),
        (
            "lifecycle",
            "between versions: successor (same number), renumbered, split (one provision became \
             several), merge (several became one)"
                .to_owned(),
        ),
    ]
}

fn code_entry(i: &RuleInfo) -> CodeEntry {
    CodeEntry {
        code: i.code,
        title: i.title,
        severity: i.severity.to_string(),
        definition: i.definition,
        looks_for: i.protection,
    }
}

fn entry(term: &str, meaning: &str) -> Entry {
    Entry {
        term: term.to_owned(),
        meaning: meaning.to_owned(),
    }
}

/// A verdict's meaning, worded so that `absent` reads as the protection's absence, not the
/// gap's.
pub(crate) fn verdict_meaning(s: GapStatus) -> String {
    let lead = match s {
        GapStatus::Absent => "the protection is absent: ",
        GapStatus::Partial => "the protection is partial: ",
        GapStatus::Unknown => "cannot be told: ",
        GapStatus::ClosedElsewhere => "closed elsewhere: ",
        GapStatus::NotComparable => "not comparable: ",
    };
    format!("{lead}{}", s.definition())
}

impl Render for Glossary {
    const KIND: &'static str = "glossary";

    fn title(&self) -> String {
        "Glossary: gap codes, verdicts, symbols, scores and alignment relations".to_owned()
    }

    fn sheets(&self) -> Vec<Sheet> {
        let terms = |title: &str, entries: &[Entry]| Sheet {
            title: title.to_owned(),
            headers: vec!["term".into(), "meaning".into()],
            rows: entries
                .iter()
                .map(|e| vec![Cell::plain(e.term.clone()), e.meaning.clone().into()])
                .collect(),
        };
        vec![
            Sheet {
                title: "Gap codes".into(),
                headers: ["code", "title", "severity", "definition", "looks for"]
                    .map(String::from)
                    .to_vec(),
                rows: self
                    .codes
                    .iter()
                    .map(|c| {
                        vec![
                            Cell::plain(c.code),
                            c.title.into(),
                            c.severity.clone().into(),
                            c.definition.into(),
                            c.looks_for.into(),
                        ]
                    })
                    .collect(),
            },
            terms("Verdicts", &self.verdicts),
            terms("Symbols", &self.symbols),
            terms("Scores", &self.scores),
            terms("Alignment relations", &self.relations),
        ]
    }
}
