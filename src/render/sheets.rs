//! The tables behind each result.

use serde::Serialize;

use super::{Cell, Render, Sheet, Tone};
use crate::classify::{Cite, Gap, GapMatrix, GapReport, GapStatus, summarize};
use crate::corpus::Selection;
use crate::model::{Lang, LegalValue, Located, Scope};

pub(crate) fn status_tone(s: GapStatus) -> Tone {
    match s {
        GapStatus::Absent => Tone::Bad,
        GapStatus::Partial | GapStatus::Unknown => Tone::Warn,
        GapStatus::ClosedElsewhere => Tone::Good,
        _ => Tone::Muted,
    }
}

fn ids<T: std::fmt::Display>(v: &[T]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Provision => "provision scope",
        _ => "instrument scope",
    }
}

impl Render for GapReport {
    const KIND: &'static str = "gap-report";

    fn title(&self) -> String {
        let baseline = if self.baseline.is_empty() {
            "the law's own standards".to_owned()
        } else {
            ids(&self.baseline)
        };
        format!(
            "Gaps of {} against {} ({})",
            ids(&self.target),
            baseline,
            scope_name(self.scope)
        )
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![
            target_sheet(self),
            summary_sheet(self),
            explanation_sheet(self),
            evidence_sheet(self),
        ]
    }

    fn html(&self) -> String {
        super::html::gap_report(self).into_string()
    }
}

/// The first sheet of a gap report, under the report's title: one row per gap with its
/// status, severity, what is missing, and what closes it elsewhere.
fn summary_sheet(report: &GapReport) -> Sheet {
    Sheet {
        title: report.title(),
        headers: [
            "gap",
            "status",
            "severity",
            "missing",
            "closed elsewhere by",
        ]
        .map(String::from)
        .to_vec(),
        rows: report
            .gaps
            .iter()
            .map(|g| {
                vec![
                    Cell::plain(g.code.as_str()),
                    Cell::toned(g.status.code(), status_tone(g.status)),
                    Cell::plain(g.severity.to_string()),
                    Cell::plain(summarize(&g.missing)),
                    Cell::plain(ids(&g.closing_provisions())),
                ]
            })
            .collect(),
    }
}

/// Every quote of a gap report, gap by gap: the target's, those elsewhere, the derogations',
/// the baseline's, then the standard applied, if any.
fn evidence_sheet(report: &GapReport) -> Sheet {
    let mut evidence = Sheet {
        title: "Evidence".into(),
        headers: ["gap", "side", "provision: shows", "quote"]
            .map(String::from)
            .to_vec(),
        rows: Vec::new(),
    };
    for g in &report.gaps {
        evidence_rows(g, &mut evidence.rows);
    }
    evidence
}

/// Appends the evidence rows of gap `g` to `rows`.
fn evidence_rows(g: &Gap, rows: &mut Vec<Vec<Cell>>) {
    let mut push = |side: &str, c: &Cite| {
        rows.push(vec![
            Cell::plain(g.code.as_str()),
            Cell::plain(side),
            Cell::plain(format!("{}: {}", c.reference(), c.shows)),
            Cell::plain(&c.evidence.quote),
        ]);
    };
    for c in &g.target_quotes {
        push("target", c);
    }
    for c in &g.closed_by {
        push("elsewhere", c);
    }
    for d in &g.derogations {
        for c in &d.quotes {
            push("derogation", c);
        }
    }
    for c in &g.baseline_quotes {
        push("baseline", c);
    }
    if let Some(s) = &g.standard {
        rows.push(vec![
            Cell::plain(g.code.as_str()),
            Cell::plain("standard"),
            Cell::plain(""),
            Cell::plain(s),
        ]);
    }
}

/// The explanation of each gap of a report.
fn explanation_sheet(report: &GapReport) -> Sheet {
    Sheet {
        title: "Explanations".into(),
        headers: ["gap", "explanation"].map(String::from).to_vec(),
        rows: report
            .gaps
            .iter()
            .map(|g| vec![Cell::plain(g.code.as_str()), Cell::plain(super::explain(g))])
            .collect(),
    }
}

/// The standing of each target instrument of a report: kind, status, binding force, what
/// the corpus does not hold, and where each text was read.
fn target_sheet(report: &GapReport) -> Sheet {
    Sheet {
        title: "Target".into(),
        headers: [
            "instrument",
            "kind",
            "status",
            "binding",
            "not held",
            "texts read at",
        ]
        .map(String::from)
        .to_vec(),
        rows: report
            .targets
            .iter()
            .map(|t| {
                let missing: Vec<String> = t.missing.iter().map(ToString::to_string).collect();
                let sources: Vec<String> = t
                    .sources
                    .iter()
                    .map(|s| format!("{} ({}): {}", s.lang, s.legal_value, s.source))
                    .collect();
                vec![
                    Cell::plain(format!("{} ({})", t.short_title, t.instrument)),
                    Cell::plain(t.kind.code()),
                    Cell::plain(t.status.code()),
                    Cell::plain(if t.binding { "yes" } else { "no" }),
                    Cell::plain(if missing.is_empty() {
                        "nothing declared".to_owned()
                    } else {
                        missing.join(", ")
                    }),
                    Cell::plain(sources.join("; ")),
                ]
            })
            .collect(),
    }
}

impl Render for GapMatrix {
    const KIND: &'static str = "gap-matrix";

    fn title(&self) -> String {
        format!(
            "Gap matrix against {} (instrument scope)",
            ids(self.baseline())
        )
    }

    fn sheets(&self) -> Vec<Sheet> {
        let mut headers = vec!["instrument".to_owned()];
        headers.extend(self.codes().iter().map(|c| c.as_str().to_owned()));
        let rows = self
            .rows()
            .iter()
            .map(|r| {
                let mut row = vec![Cell::plain(format!(
                    "{} ({})",
                    r.short_title(),
                    r.instrument()
                ))];
                row.extend(r.cells().iter().map(|c| match c {
                    Some(s) => Cell::toned(s.code(), status_tone(*s)),
                    None => Cell::toned("·", Tone::Muted),
                }));
                row
            })
            .collect();
        vec![Sheet {
            title: self.title(),
            headers,
            rows,
        }]
    }
}

/// Provisions side by side, in columns, with the source and legal value of each text.
///
/// ```
/// use lexgap::render::{Format, SideBySide, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let view = SideBySide::new()
///     .column("draft PIPL", &corpus.select(["cn/pipl-draft-2020/art-27"])?)
///     .column("GDPR", &corpus.select(["eu/gdpr/art-9", "eu/gdpr/art-35"])?);
/// let table = View::new(&view, Format::Table).width(120).to_string();
/// assert!(table.contains("第二十七条"));
/// assert!(table.contains("Article 35"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct SideBySide<'c> {
    columns: Vec<Column<'c>>,
}

/// A provision as a column shows it: labelled with its instrument's short title, its texts
/// authentic first, each with its legal value and source.
fn show(p: Located<'_>) -> ShownProvision<'_> {
    let (inst, p) = (p.instrument(), p.provision());
    let label = p.label.values().cloned().collect::<Vec<_>>().join(" / ");
    let label = format!("{} {label}", inst.short_title);
    let mut langs: Vec<&Lang> = inst
        .languages_by_value()
        .filter(|l| p.text.contains_key(*l))
        .collect();
    for l in p.text.keys() {
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    let texts = langs
        .into_iter()
        .filter_map(|l| {
            let text = p.text.get(l)?;
            let prov = inst.languages.get(l);
            Some(ShownText {
                lang: l,
                legal_value: prov.map(|p| p.legal_value),
                source: prov.map(|p| p.source.as_str()),
                text,
            })
        })
        .collect();
    ShownProvision {
        id: p.id.to_string(),
        label,
        texts,
    }
}

#[derive(Debug, Clone, Serialize)]
struct Column<'c> {
    title: String,
    provisions: Vec<ShownProvision<'c>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct ShownProvision<'c> {
    pub id: String,
    pub label: String,
    pub texts: Vec<ShownText<'c>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct ShownText<'c> {
    pub lang: &'c Lang,
    pub legal_value: Option<LegalValue>,
    pub source: Option<&'c str>,
    pub text: &'c str,
}

impl<'c> SideBySide<'c> {
    /// An empty view.
    pub fn new() -> SideBySide<'c> {
        SideBySide::default()
    }

    /// Adds a column with the selected provisions.
    pub fn column(mut self, title: &str, selection: &Selection<'c>) -> Self {
        let provisions = selection.provisions().iter().map(|p| show(*p)).collect();
        self.columns.push(Column {
            title: title.to_owned(),
            provisions,
        });
        self
    }

    pub(crate) fn columns(&self) -> impl Iterator<Item = (&str, &[ShownProvision<'c>])> {
        self.columns
            .iter()
            .map(|c| (c.title.as_str(), c.provisions.as_slice()))
    }
}

impl Render for SideBySide<'_> {
    const KIND: &'static str = "side-by-side";

    fn title(&self) -> String {
        let t: Vec<&str> = self.columns.iter().map(|c| c.title.as_str()).collect();
        format!("Side by side: {}", t.join(" | "))
    }

    fn sheets(&self) -> Vec<Sheet> {
        let headers = self.columns.iter().map(|c| c.title.clone()).collect();
        let cell = |c: &Column<'_>| {
            let mut s = String::new();
            for p in &c.provisions {
                if !s.is_empty() {
                    s.push('\n');
                }
                s.push_str(&p.label);
                s.push('\n');
                for t in &p.texts {
                    let value = t.legal_value.map_or("", |v| v.code());
                    s.push_str(&format!("[{}, {value}]\n{}\n", t.lang, t.text.trim_end()));
                }
            }
            Cell::plain(s.trim_end())
        };
        vec![Sheet {
            title: String::new(),
            headers,
            rows: vec![self.columns.iter().map(cell).collect()],
        }]
    }

    fn html(&self) -> String {
        super::html::side_by_side(self).into_string()
    }
}
