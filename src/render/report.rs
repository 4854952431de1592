//! Gap reports and gap matrices: their tables and their HTML.

use maud::{Markup, html};
use serde::Serialize;

use super::backend::html::{linkify, provision_anchor, rich, tone_class, url_of};
use super::backend::table::longest_token;
use super::{Cell, Render, Sheet, Tone};
use crate::classify::{Cite, Gap, GapMatrix, GapReport, GapStatus, Severity, summarize};
use crate::model::{Citation, CiteForm, Lang, ProvisionId, Scope};

fn status_tone(s: GapStatus) -> Tone {
    match s {
        GapStatus::Absent => Tone::Bad,
        GapStatus::Partial | GapStatus::Unknown => Tone::Warn,
        GapStatus::ClosedElsewhere => Tone::Good,
        _ => Tone::Muted,
    }
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
            named(self, &self.baseline)
        };
        let target = if self.target.is_empty() {
            let names: Vec<&str> = self
                .targets
                .iter()
                .map(|t| t.short_title.as_str())
                .collect();
            if names.is_empty() {
                "nothing".to_owned()
            } else {
                format!("{} (no provision held)", names.join(", "))
            }
        } else {
            named(self, &self.target)
        };
        format!(
            "Gaps of {target} against {baseline} ({}): {}",
            scope_name(self.scope),
            tally(self)
        )
    }

    fn legend(&self) -> Vec<String> {
        report_legend(self)
    }

    fn sheets(&self) -> Vec<Sheet> {
        // The findings first, in a line and a table; then what they mean, the standing of
        // the target, and the quotes.
        vec![
            summary_sheet(self, CiteForm::Short),
            explanation_sheet(self, CiteForm::Short),
            target_sheet(self),
            evidence_sheet(self, CiteForm::Short),
        ]
    }

    fn html(&self) -> String {
        gap_report(self, CiteForm::Short).into_string()
    }
}

/// A gap report whose provisions are cited in a chosen form (`lexgap gaps --cite native`);
/// the JSON is the report's own.
///
/// ```
/// use lexgap::classify::Comparison;
/// use lexgap::model::CiteForm;
/// use lexgap::render::{CitedReport, Format, View};
///
/// let corpus = lexgap::Corpus::bundled();
/// let report = Comparison::new(&corpus.select(["cn/pipl/art-26"])?, &corpus.select(["eu/gdpr/art-35"])?).run();
/// let md = View::new(&CitedReport::new(&report, CiteForm::Native), Format::Markdown).to_string();
/// assert!(md.contains("《中华人民共和国个人信息保护法》第二十六条"), "{md}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CitedReport<'r> {
    report: &'r GapReport,
    #[serde(skip)]
    form: CiteForm,
    #[serde(skip)]
    lang: Option<Lang>,
}

impl<'r> CitedReport<'r> {
    /// `report`, its provisions cited in `form`.
    pub fn new(report: &'r GapReport, form: CiteForm) -> CitedReport<'r> {
        CitedReport {
            report,
            form,
            lang: None,
        }
    }

    /// Also shows each quote's passage in `lang`, where the quote is in another language
    /// and the report holds the passage ([`GapReport::in_lang`]): the official English of a
    /// Chinese quote, under it.
    pub fn lang(mut self, lang: Lang) -> CitedReport<'r> {
        self.lang = Some(lang);
        self
    }
}

impl Render for CitedReport<'_> {
    const KIND: &'static str = GapReport::KIND;

    fn title(&self) -> String {
        self.report.title()
    }

    fn sheets(&self) -> Vec<Sheet> {
        let (r, form) = (self.report, self.form);
        vec![
            summary_sheet(r, form),
            explanation_sheet(r, form),
            target_sheet(r),
            evidence_in(r, form, self.lang.as_ref()),
        ]
    }

    fn legend(&self) -> Vec<String> {
        report_legend(self.report)
    }

    fn html(&self) -> String {
        gap_report(self.report, self.form).into_string()
    }
}

/// Provisions named as a reader cites them, instrument by instrument: "GDPR art. 9, art. 35";
/// past six of one instrument, "PIPL (74 provisions)".
fn named(report: &GapReport, ids: &[ProvisionId]) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for id in ids {
        let (title, label) = match report.citation(id) {
            Some(c) => (c.title().to_owned(), c.label().to_owned()),
            None => (id.instrument().to_string(), id.local().to_owned()),
        };
        match groups.last_mut() {
            Some((t, labels)) if *t == title => labels.push(label),
            _ => groups.push((title, vec![label])),
        }
    }
    groups
        .into_iter()
        .map(|(title, labels)| {
            if labels.len() > 6 {
                format!("{title} ({} provisions)", labels.len())
            } else {
                format!("{title} {}", labels.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The findings in one line: "4 open gaps: 2 high, 2 medium; 1 closed elsewhere".
fn tally(report: &GapReport) -> String {
    let open: Vec<&Gap> = report.open().collect();
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = if open.is_empty() {
        "no open gap".to_owned()
    } else {
        let by: Vec<String> = [Severity::High, Severity::Medium, Severity::Low]
            .iter()
            .filter_map(|s| {
                let n = open.iter().filter(|g| g.severity == *s).count();
                (n > 0).then(|| format!("{n} {s}"))
            })
            .collect();
        format!(
            "{}: {}",
            count(open.len(), "open gap", "open gaps"),
            by.join(", ")
        )
    };
    for (status, word) in [
        (GapStatus::ClosedElsewhere, "closed elsewhere"),
        (GapStatus::NotComparable, "not comparable"),
    ] {
        let n = report.gaps.iter().filter(|g| g.status == status).count();
        if n > 0 {
            out.push_str(&format!("; {n} {word}"));
        }
    }
    out
}

/// What a gap report's words mean: the verdicts it uses, severity, the evidence's sides.
fn report_legend(report: &GapReport) -> Vec<String> {
    let mut lines: Vec<String> = GapStatus::ALL
        .iter()
        .rev()
        .filter(|s| report.gaps.iter().any(|g| g.status == **s))
        .map(|s| format!("{} = {}", s.code(), super::glossary::verdict_meaning(*s)))
        .collect();
    if !report.gaps.is_empty() {
        lines.push(
            "severity: how much an open gap weighs (high, medium, low), fixed per gap code; \
             `lexgap codes` defines every code"
                .to_owned(),
        );
        lines.push(
            "evidence: target quotes are the words the verdict rests on, baseline quotes the \
             protection it is measured against, elsewhere quotes an instrument-wide norm that \
             closes the gap"
                .to_owned(),
        );
    }
    lines
}

/// The first sheet of a gap report, under the report's title: one row per gap with its
/// status, severity, what is missing, and what closes it elsewhere.
fn summary_sheet(report: &GapReport, form: CiteForm) -> Sheet {
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
                    Cell::plain(
                        g.closing_provisions()
                            .iter()
                            .map(|id| {
                                report
                                    .citation(id)
                                    .map_or_else(|| id.to_string(), |c| c.with(None, form))
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ]
            })
            .collect(),
    }
}

/// Every quote of a gap report once, in the order the gaps first cite it, with the gaps it
/// supports: the target's, those elsewhere, the derogations', the baseline's, then the
/// standard applied, if any.
fn evidence_sheet(report: &GapReport, form: CiteForm) -> Sheet {
    evidence_in(report, form, None)
}

/// [`evidence_sheet`], each quote followed by its passage in `lang` where the report has one.
fn evidence_in(report: &GapReport, form: CiteForm, lang: Option<&Lang>) -> Sheet {
    // (side, citation, heading, shows, quote) → gaps
    type Key<'r> = (&'static str, String, &'r str, &'r str, String);
    let mut rows: Vec<(Key<'_>, Vec<&str>)> = Vec::new();
    fn add<'r>(rows: &mut Vec<(Key<'r>, Vec<&'r str>)>, key: Key<'r>, gap: &'r str) {
        match rows.iter_mut().find(|(k, _)| *k == key) {
            Some((_, gaps)) if gaps.last() != Some(&gap) => gaps.push(gap),
            Some(_) => {}
            None => rows.push((key, vec![gap])),
        }
    }
    for g in &report.gaps {
        let code = g.code.as_str();
        let sides = [
            ("target", g.target_quotes.iter().collect::<Vec<_>>()),
            ("elsewhere", g.closed_by.iter().collect()),
            (
                "derogation",
                g.derogations.iter().flat_map(|d| &d.quotes).collect(),
            ),
            ("baseline", g.baseline_quotes.iter().collect()),
        ];
        for (side, cites) in sides {
            for c in cites {
                let cited = report.cite(c, form);
                let heading = report
                    .citation(&c.provision)
                    .and_then(|h| h.heading())
                    .unwrap_or("");
                let quote = match lang.and_then(|l| report.translation(c, l)) {
                    Some(t) => match t.legal_value {
                        Some(v) => format!("{}\n{} ({v}): {}", c.evidence.quote, t.lang, t.text),
                        None => format!("{}\n{}: {}", c.evidence.quote, t.lang, t.text),
                    },
                    None => c.evidence.quote.clone(),
                };
                add(
                    &mut rows,
                    (side, cited, heading, c.shows.as_str(), quote),
                    code,
                );
            }
        }
        if let Some(std) = &g.standard {
            add(
                &mut rows,
                ("standard", String::new(), "", "", std.clone()),
                code,
            );
        }
    }
    Sheet {
        title: "Evidence".into(),
        headers: ["provision", "heading", "side", "shows", "quote", "gaps"]
            .map(String::from)
            .to_vec(),
        rows: rows
            .into_iter()
            .map(|((side, cited, heading, shows, quote), gaps)| {
                vec![
                    Cell::plain(cited),
                    Cell::plain(heading),
                    Cell::plain(side),
                    Cell::plain(shows),
                    Cell::plain(quote),
                    Cell::plain(gaps.join(", ")),
                ]
            })
            .collect(),
    }
}

/// An explanation with each backticked id of a provision the report cites replaced by its
/// citation: "`eu/gdpr/art-35`" → "GDPR art. 35"; a list of them by one [`Citation::list`]:
/// "`eu/gdpr/art-35` and `eu/gdpr/art-9`" → "GDPR arts. 9 and 35".
fn with_citations(report: &GapReport, text: &str, form: CiteForm) -> String {
    let by_id: std::collections::HashMap<String, &Citation> = report
        .citations
        .iter()
        .map(|c| (format!("`{}`", c.id()), c))
        .collect();
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let (run, used) = citation_run(rest, &by_id);
        if run.is_empty() {
            out.push('`');
            rest = &rest[1..];
        } else {
            out.push_str(&Citation::list(&run, form));
            rest = &rest[used..];
        }
    }
    out.push_str(rest);
    out
}

/// The cited ids at the start of `text` that form one list (`` `a`, `b` and `c` ``), and
/// the bytes they take; none when `text` does not start with a cited id.
fn citation_run<'c>(
    text: &str,
    by_id: &std::collections::HashMap<String, &'c Citation>,
) -> (Vec<&'c Citation>, usize) {
    let ticked = |s: &str| -> Option<(&'c Citation, usize)> {
        let end = s.strip_prefix('`')?.find('`')? + 2;
        by_id.get(&s[..end]).map(|c| (*c, end))
    };
    let mut run = Vec::new();
    let mut used = 0;
    let Some((first, len)) = ticked(text) else {
        return (run, 0);
    };
    run.push(first);
    used += len;
    loop {
        let rest = &text[used..];
        let sep = [", ", " and "].into_iter().find(|s| rest.starts_with(s));
        let Some(sep) = sep else { break };
        let Some((next, len)) = ticked(&rest[sep.len()..]) else {
            break;
        };
        run.push(next);
        used += sep.len() + len;
    }
    (run, used)
}

/// The explanation of each gap of a report.
fn explanation_sheet(report: &GapReport, form: CiteForm) -> Sheet {
    Sheet {
        title: "Explanations".into(),
        headers: ["gap", "explanation"].map(String::from).to_vec(),
        rows: report
            .gaps
            .iter()
            .map(|g| {
                vec![
                    Cell::plain(g.code.as_str()),
                    Cell::plain(with_citations(report, &super::explain(g), form)),
                ]
            })
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
            "coverage",
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
                    Cell::plain(&t.coverage),
                    Cell::plain(sources.join("; ")),
                ]
            })
            .collect(),
    }
}

impl Render for GapMatrix {
    const KIND: &'static str = "gap-matrix";

    fn title(&self) -> String {
        if self.is_world() {
            let n = self.rows().len();
            let laws = if n == 1 { "law" } else { "laws" };
            format!(
                "World matrix: {n} national {laws} against {} (instrument scope)",
                self.baseline_title()
            )
        } else {
            format!(
                "Gap matrix against {} (instrument scope)",
                self.baseline_title()
            )
        }
    }

    fn sheets(&self) -> Vec<Sheet> {
        let mut headers = lead_headers(self);
        headers.extend(self.codes().iter().map(|c| c.as_str().to_owned()));
        let rows = self
            .rows()
            .iter()
            .map(|r| {
                let mut row = lead_cells(self, r);
                row.extend(r.cells().iter().map(|c| match c {
                    Some(s) => Cell::toned(s.code(), status_tone(*s)),
                    None => Cell::toned("·", Tone::Muted),
                }));
                row
            })
            .collect();
        let mut sheets = vec![Sheet {
            title: self.title(),
            headers,
            rows,
        }];
        if self.is_world() {
            sheets.push(Sheet {
                title: "Coverage of each law".to_owned(),
                headers: vec!["law".to_owned(), "coverage".to_owned()],
                rows: self
                    .rows()
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::plain(row_name(self, r)),
                            Cell::plain(r.coverage().text.clone().unwrap_or_else(|| {
                                "the instrument says nothing of its coverage".to_owned()
                            })),
                        ]
                    })
                    .collect(),
            });
        }
        sheets
    }

    /// The matrix as it is when it fits `width` without breaking a code; otherwise its
    /// columns are numbered and its statuses are symbols, with a legend below for both.
    fn table_sheets(&self, width: u16) -> Vec<(Sheet, Vec<String>)> {
        let mut sheets = self.sheets();
        let full = sheets.remove(0);
        // The world matrix's coverage sheet follows as it is.
        let rest = sheets.into_iter().map(|s| (s, Vec::new()));
        let need = 1
            + (0..full.headers.len())
                .map(|i| {
                    let cells = full.rows.iter().filter_map(|r| r.get(i));
                    let longest = cells
                        .map(|c| longest_token(&c.text))
                        .chain([longest_token(&full.headers[i])])
                        .max()
                        .unwrap_or(0);
                    longest + 3
                })
                .sum::<usize>();
        if need <= usize::from(width) {
            return [(full, Vec::new())].into_iter().chain(rest).collect();
        }
        let mut headers = lead_headers(self);
        let lead = headers.len();
        headers.extend((1..=self.codes().len()).map(|n| n.to_string()));
        let rows =
            self.rows()
                .iter()
                .zip(full.rows)
                .map(|(r, mut cells)| {
                    cells.truncate(lead);
                    cells.extend(r.cells().iter().map(|c| {
                        Cell::toned(status_symbol(*c), c.map_or(Tone::Muted, status_tone))
                    }));
                    cells
                })
                .collect();
        let digits = self.codes().len().to_string().len();
        let codes: Vec<String> = self
            .codes()
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:>digits$} = {}", i + 1, c.as_str()))
            .collect();
        let mut legend = grid(&codes, usize::from(width));
        let statuses: Vec<String> = [
            GapStatus::Absent,
            GapStatus::Partial,
            GapStatus::Unknown,
            GapStatus::NotComparable,
            GapStatus::ClosedElsewhere,
        ]
        .iter()
        .map(|s| format!("{} = {}", status_symbol(Some(*s)), s.code()))
        .chain([format!("{} = no gap", status_symbol(None))])
        .collect();
        legend.extend(pack(&statuses, "   ", usize::from(width)));
        let sheet = Sheet {
            title: full.title,
            headers,
            rows,
        };
        [(sheet, legend)].into_iter().chain(rest).collect()
    }

    fn html(&self) -> String {
        gap_matrix(self).into_string()
    }
}

/// The columns before the codes: the instrument; in the world matrix, the law with its
/// jurisdiction, and its coverage.
fn lead_headers(m: &GapMatrix) -> Vec<String> {
    if m.is_world() {
        vec!["law".to_owned(), "coverage".to_owned()]
    } else {
        vec!["instrument".to_owned()]
    }
}

/// A row's name: `POPIA (za/popia)`; in the world matrix `South Africa: POPIA (za/popia)`.
fn row_name(m: &GapMatrix, r: &crate::classify::MatrixRow) -> String {
    if m.is_world() {
        format!(
            "{}: {} ({})",
            r.jurisdiction(),
            r.short_title(),
            r.instrument()
        )
    } else {
        format!("{} ({})", r.short_title(), r.instrument())
    }
}

fn lead_cells(m: &GapMatrix, r: &crate::classify::MatrixRow) -> Vec<Cell> {
    let mut cells = vec![Cell::plain(row_name(m, r))];
    if m.is_world() {
        cells.push(Cell::plain(r.coverage().summary()));
    }
    cells
}

/// The symbol of a status in the compact matrix of a terminal.
fn status_symbol(s: Option<GapStatus>) -> &'static str {
    match s {
        None => "·",
        Some(GapStatus::Absent) => "A",
        Some(GapStatus::Partial) => "P",
        Some(GapStatus::Unknown) => "?",
        Some(GapStatus::NotComparable) => "-",
        Some(GapStatus::ClosedElsewhere) => "E",
    }
}

/// `entries` in aligned columns, as many to a line as fit `width` (at least one).
fn grid(entries: &[String], width: usize) -> Vec<String> {
    let cell = entries.iter().map(|e| e.chars().count()).max().unwrap_or(0) + 3;
    let per_line = ((width + 3) / cell).max(1);
    entries
        .chunks(per_line)
        .map(|line| {
            let mut s = String::new();
            for (i, e) in line.iter().enumerate() {
                if i + 1 < line.len() {
                    s.push_str(&format!("{e:<w$}", w = cell));
                } else {
                    s.push_str(e);
                }
            }
            s
        })
        .collect()
}

/// `entries` joined by `sep`, in lines at most `width` characters long where they fit.
fn pack(entries: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for e in entries {
        match lines.last_mut() {
            Some(last) if last.chars().count() + sep.len() + e.chars().count() <= width => {
                last.push_str(sep);
                last.push_str(e);
            }
            _ => lines.push(e.clone()),
        }
    }
    lines
}

/// Where a quote's text can be read: its instrument's source in the quote's language (else in
/// its first language that has one) when that is a URL. The report carries the sources of its
/// target instruments only; a renderer looks nothing up, so a baseline quote links to the
/// page's copy of its text or to nothing.
fn source_url(r: &GapReport, c: &Cite) -> Option<String> {
    let inst = c.provision.instrument();
    let t = r.targets.iter().find(|t| &t.instrument == inst)?;
    let by_lang = t.sources.iter().filter(|s| s.lang == c.evidence.lang);
    by_lang
        .chain(t.sources.iter())
        .find_map(|s| url_of(&s.source))
        .map(str::to_owned)
}

/// A quote under its citation ("GDPR art. 35(3)(c)"), which links to the provision's text
/// when the page holds it, else to the official source when there is one.
fn quote(r: &GapReport, c: &Cite, form: CiteForm) -> Markup {
    let anchor = provision_anchor(&c.provision.to_string());
    let cite = r.cite(c, form);
    let id = c.reference();
    html! {
        blockquote.quote lang=(c.evidence.lang.as_str()) {
            span.provenance {
                @if let Some(url) = source_url(r, c) {
                    a.cite data-anchor=(anchor) href=(url) title=(id) { (cite) }
                } @else {
                    a.cite data-anchor=(anchor) title=(id) { (cite) }
                }
                " · " (rich(&c.shows))
            } br;
            (c.evidence.quote)
        }
    }
}

fn gap_report(r: &GapReport, form: CiteForm) -> Markup {
    let mut seen = std::collections::HashSet::new();
    html! {
        section.gaps {
            h2 { (r.title()) }
            @for t in &r.targets {
                p.target {
                    strong { (t.short_title) } " (" (t.instrument) "): " (t.kind) ", " (t.status) ", "
                    (if t.binding { "binding" } else { "not binding" })
                    @if !t.missing.is_empty() {
                        ". Not held: " (t.missing.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
                    }
                    @for s in &t.sources {
                        br; span.provenance { (s.lang) " · " (s.legal_value) " · read at " (linkify(&s.source)) }
                    }
                }
            }
            @if r.gaps.is_empty() { p { "No gaps." } }
            @for g in &r.gaps {
                @let id = {
                    let base = format!("gap-{}", g.code);
                    let mut id = base.clone();
                    let mut n = 1;
                    while !seen.insert(id.clone()) { n += 1; id = format!("{base}-{n}"); }
                    id
                };
                div.gap id=(id) data-toc={ (g.code) " · " (g.status) } data-code=(g.code) data-status=(g.status.code()) {
                    h3 {
                        span class={ "badge " (tone_class(status_tone(g.status))) } {
                            (g.code) " · " (g.status) " · " (g.severity)
                        }
                        @if !g.title.is_empty() && g.title != g.code.as_str() { " " (g.title) }
                    }
                    p { (rich(&with_citations(r, &crate::render::explain(g), form))) }
                    @if !g.missing.is_empty() { p { strong { "Missing: " } (rich(&crate::classify::summarize(&g.missing))) } }
                    @if let Some(s) = &g.standard {
                        blockquote.quote.standard { span.provenance { "standard" } br; (rich(s)) }
                    }
                    @for c in &g.target_quotes { (quote(r, c, form)) }
                    @for c in &g.closed_by { (quote(r, c, form)) }
                    @for d in &g.derogations { @for c in &d.quotes { (quote(r, c, form)) } }
                    @for c in &g.baseline_quotes { (quote(r, c, form)) }
                }
            }
            @let legend = report_legend(r);
            @if !legend.is_empty() {
                div.legend {
                    h3 { "Legend" }
                    ul { @for line in &legend { li { (rich(line)) } } }
                }
            }
        }
    }
}

/// The title of a gap code: a built-in kind's, or a rule of the default registry's, else the
/// code.
fn code_title(code: &crate::classify::GapCode) -> String {
    if let Some(k) = code.kind() {
        return k.info().title.to_owned();
    }
    crate::classify::Registry::default_ref()
        .catalogue()
        .iter()
        .find(|i| i.code == code.as_str())
        .map_or_else(|| code.as_str().to_owned(), |i| i.title.to_owned())
}

/// The matrix in a container that scrolls both ways, its header row and first column
/// sticky, with a legend below: each code with its title, and the statuses.
fn gap_matrix(m: &GapMatrix) -> Markup {
    let statuses = [
        GapStatus::Absent,
        GapStatus::Partial,
        GapStatus::Unknown,
        GapStatus::NotComparable,
        GapStatus::ClosedElsewhere,
    ];
    html! {
        section.matrix {
            h2 { (m.title()) }
            div.matrix-scroll tabindex="0" role="region" aria-label="Gap matrix" {
                table.matrix {
                    thead {
                        tr {
                            @for h in lead_headers(m) { th scope="col" { (h) } }
                            @for c in m.codes() { th scope="col" title=(code_title(c)) { (c) } }
                        }
                    }
                    tbody {
                        @for r in m.rows() {
                            tr {
                                th scope="row" { (row_name(m, r)) }
                                @if m.is_world() { td { (r.coverage().summary()) } }
                                @for c in r.cells() {
                                    @match c {
                                        Some(s) => td class=(tone_class(status_tone(*s))) title=(s.definition()) { (s.code()) },
                                        None => td.tone-muted title="no gap" { "·" },
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div.legend {
                h3 { "Legend" }
                dl.codes {
                    @for c in m.codes() { dt { code { (c) } } dd { (code_title(c)) } }
                }
                dl.statuses {
                    @for s in statuses {
                        dt { span class={ "badge " (tone_class(status_tone(s))) } { (s.code()) } }
                        dd { (s.definition()) }
                    }
                    dt { span.badge.tone-muted { "·" } } dd { "no gap" }
                }
            }
            @if m.is_world() {
                div.coverage {
                    h3 { "Coverage of each law" }
                    p { "A finding on a law held in extracts is only as good as the extracts: \
                         what the corpus does not hold is unknown, not absent." }
                    dl {
                        @for r in m.rows() {
                            dt { (row_name(m, r)) " · " (r.coverage().summary()) }
                            dd { (r.coverage().text.as_deref().unwrap_or("the instrument says nothing of its coverage")) }
                        }
                    }
                }
            }
        }
    }
}
