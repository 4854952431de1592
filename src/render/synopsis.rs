//! The synopsis of a version diff: old text beside new text, one row per aligned group, the
//! changed words marked — the two-column table parliaments publish with a bill.

use maud::html;
use serde::Serialize;

use super::{Cell, Render, Sheet};
use crate::diff::ChangeTag;
use crate::model::{Instrument, InstrumentKind, Lang, Provision, ProvisionId, Status};
use crate::version::{VersionDiff, VersionEntry, VersionStatus};

/// Whether an instrument is a draft (a draft statute, or one whose status is draft).
fn is_draft(inst: &Instrument) -> bool {
    inst.kind == InstrumentKind::DraftStatute || inst.status == Status::Draft
}

/// For an entry whose counterpart the corpus may not hold ([`VersionStatus::NotInCorpus`]),
/// which version lacks it, in words, with what the corpus holds of that version: "no draft
/// counterpart held (the corpus holds 4 of the draft's 70 articles)".
pub(super) fn counterpart_note(v: &VersionDiff<'_>, e: &VersionEntry<'_>) -> Option<String> {
    if e.status() != VersionStatus::NotInCorpus {
        return None;
    }
    let old_side = e.old_provisions().is_empty();
    let inst = if old_side {
        v.old_instrument()
    } else {
        v.new_instrument()
    };
    let (adjective, owner) = match (is_draft(inst), old_side) {
        (true, _) => ("draft", "the draft's"),
        (false, true) => ("old", "the old version's"),
        (false, false) => ("new", "the new version's"),
    };
    let count = inst.article_count();
    let held = match count.total {
        Some(total) => format!(
            "the corpus holds {} of {owner} {total} articles",
            count.held
        ),
        None => format!(
            "the corpus holds {} of {owner} articles, not all",
            count.held
        ),
    };
    Some(format!("no {adjective} counterpart held ({held})"))
}

fn ser_inst<S: serde::Serializer>(i: &&Instrument, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&i.id)
}

/// A run of one side's text: kept, or changed (deleted on the old side, inserted on the new).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    changed: bool,
    text: String,
}

/// One row of a [`Synopsis`]: an aligned group, its old text beside its new text.
///
/// ```
/// use lexgap::render::Synopsis;
/// use lexgap::version::{VersionDiff, VersionStatus};
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// let synopsis = Synopsis::new(&diff);
/// let first = &synopsis.rows()[0];
/// assert_eq!(first.status(), VersionStatus::Amended);
/// assert!(first.old_marked().contains("[-保障个人信息依法有序自由流动，-]"));
/// assert!(first.new_marked().contains("{+根据宪法，+}"));
/// assert_eq!(first.note(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub struct SynopsisRow<'a> {
    status: VersionStatus,
    old: Vec<&'a ProvisionId>,
    new: Vec<&'a ProvisionId>,
    /// The language of the texts shown, when there are texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<Lang>,
    /// The old text, the words the new version deletes as `[-…-]`.
    old_marked: String,
    /// The new text, the words it inserts as `{+…+}`.
    new_marked: String,
    /// Which version lacks a counterpart, for a row whose other side the corpus may not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    old_runs: Vec<Run>,
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    new_runs: Vec<Run>,
}

impl<'a> SynopsisRow<'a> {
    /// What became of the group.
    pub fn status(&self) -> VersionStatus {
        self.status
    }
    /// The old provisions.
    pub fn old_ids(&self) -> &[&'a ProvisionId] {
        &self.old
    }
    /// The new provisions.
    pub fn new_ids(&self) -> &[&'a ProvisionId] {
        &self.new
    }
    /// The old text, with the words the new version deletes as `[-…-]`.
    pub fn old_marked(&self) -> &str {
        &self.old_marked
    }
    /// The new text, with the words it inserts as `{+…+}`.
    pub fn new_marked(&self) -> &str {
        &self.new_marked
    }
    /// Which version lacks a counterpart, in words, when the corpus may not hold it.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

fn marked(runs: &[Run], open: &str, close: &str) -> String {
    let mut out = String::new();
    for r in runs {
        if r.changed && !r.text.trim().is_empty() {
            out.push_str(open);
            out.push_str(&r.text);
            out.push_str(close);
        } else {
            out.push_str(&r.text);
        }
    }
    out.trim_end().to_owned()
}

fn push_run(runs: &mut Vec<Run>, changed: bool, text: &str) {
    match runs.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => runs.push(Run {
            changed,
            text: text.to_owned(),
        }),
    }
}

/// The texts of one side, joined in document order, in the first of `langs` the provisions
/// all have, else in the first language of the first provision.
fn plain_texts(ps: &[&Provision], langs: &[Lang]) -> (Option<Lang>, String) {
    let lang = langs
        .iter()
        .find(|l| ps.iter().all(|p| p.text.contains_key(l)))
        .or_else(|| ps.first().and_then(|p| p.text.keys().next()))
        .cloned();
    let text = match &lang {
        Some(l) => ps
            .iter()
            .filter_map(|p| p.text.get(l).map(|t| t.trim_end()))
            .collect::<Vec<_>>()
            .join("\n"),
        None => String::new(),
    };
    (lang, text)
}

/// A version diff as a synopsis: the old text beside the new, one row per entry (an aligned
/// group: a pair, a split, a merge, or a provision on one side only), the words the new
/// version deletes marked `[-…-]` in the old column and those it inserts `{+…+}` in the new
/// (`<del>` and `<ins>` in HTML). A split or merge is diffed as a whole
/// ([`VersionEntry::text_diff`]). A row whose other side the corpus may not hold says so.
///
/// ```
/// use lexgap::render::{Format, Synopsis, View};
/// use lexgap::version::VersionDiff;
///
/// let corpus = lexgap::Corpus::bundled();
/// let diff = VersionDiff::new(corpus.instrument("cn/pipl-draft-2020")?, corpus.instrument("cn/pipl")?);
/// let synopsis = Synopsis::new(&diff);
/// let md = View::new(&synopsis, Format::Markdown).to_string();
/// assert!(md.contains("| PIPL (draft 2020) | PIPL |"));
/// assert!(md.contains("[-公开或者向他人提供-]"), "{md}");
/// assert!(md.contains("{+用于其他目的+}"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub struct Synopsis<'a> {
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    old: &'a Instrument,
    #[serde(serialize_with = "ser_inst")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    new: &'a Instrument,
    rows: Vec<SynopsisRow<'a>>,
}

impl<'a> Synopsis<'a> {
    /// The synopsis of a version diff, one row per entry in its order.
    pub fn new(diff: &VersionDiff<'a>) -> Synopsis<'a> {
        let langs = diff.old_instrument().common_langs(diff.new_instrument());
        let rows = diff
            .entries()
            .iter()
            .map(|e| {
                let (mut old_runs, mut new_runs) = (Vec::new(), Vec::new());
                let lang = match e.text_diff() {
                    Some(text) => {
                        for c in text.iter_changes() {
                            match c.tag() {
                                ChangeTag::Equal => {
                                    push_run(&mut old_runs, false, c.value());
                                    push_run(&mut new_runs, false, c.value());
                                }
                                ChangeTag::Delete => push_run(&mut old_runs, true, c.value()),
                                ChangeTag::Insert => push_run(&mut new_runs, true, c.value()),
                            }
                        }
                        e.diffs().first().and_then(|d| d.lang()).cloned()
                    }
                    None => {
                        let (ol, ot) = plain_texts(e.old_provisions(), &langs);
                        let (nl, nt) = plain_texts(e.new_provisions(), &langs);
                        push_run(&mut old_runs, false, &ot);
                        push_run(&mut new_runs, false, &nt);
                        ol.or(nl)
                    }
                };
                SynopsisRow {
                    status: e.status(),
                    old: e.old_provisions().iter().map(|p| &p.id).collect(),
                    new: e.new_provisions().iter().map(|p| &p.id).collect(),
                    lang,
                    old_marked: marked(&old_runs, "[-", "-]"),
                    new_marked: marked(&new_runs, "{+", "+}"),
                    note: counterpart_note(diff, e),
                    old_runs,
                    new_runs,
                }
            })
            .collect();
        Synopsis {
            old: diff.old_instrument(),
            new: diff.new_instrument(),
            rows,
        }
    }

    /// The rows, one per entry of the version diff.
    pub fn rows(&self) -> &[SynopsisRow<'a>] {
        &self.rows
    }
}

fn local_ids(ids: &[&ProvisionId]) -> String {
    ids.iter()
        .map(|p| p.local())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The heading of one side of a row: its provisions, with the row's status on the new side
/// (on the old side when the new one is empty, as for a removed provision).
fn heading(row: &SynopsisRow<'_>, old: bool) -> String {
    let ids = if old { &row.old } else { &row.new };
    let with_status = !old || row.new.is_empty();
    match (ids.is_empty(), with_status) {
        (true, _) => String::new(),
        (false, false) => local_ids(ids),
        (false, true) => format!("{} ({})", local_ids(ids), row.status.code()),
    }
}

/// One side of a row as a cell's text: its heading, then the marked text; the note instead
/// on a side that has no provision.
fn side_text(row: &SynopsisRow<'_>, old: bool) -> String {
    let (ids, text) = if old {
        (&row.old, &row.old_marked)
    } else {
        (&row.new, &row.new_marked)
    };
    if ids.is_empty() {
        return row.note.clone().unwrap_or_default();
    }
    format!("{}\n{text}", heading(row, old))
}

impl Render for Synopsis<'_> {
    const KIND: &'static str = "synopsis";

    fn title(&self) -> String {
        format!(
            "{} → {}: synopsis, old beside new",
            self.old.short_title, self.new.short_title
        )
    }

    fn legend(&self) -> Vec<String> {
        let mut statuses: Vec<VersionStatus> = self.rows.iter().map(|r| r.status).collect();
        statuses.sort();
        statuses.dedup();
        let mut lines =
            vec!["[-…-] = words the new version deletes; {+…+} = words it inserts".to_owned()];
        lines.extend(
            statuses
                .iter()
                .map(|s| format!("{} = {}", s.code(), s.definition())),
        );
        lines
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![Sheet {
            title: self.title(),
            headers: vec![self.old.short_title.clone(), self.new.short_title.clone()],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::plain(side_text(r, true)),
                        Cell::plain(side_text(r, false)),
                    ]
                })
                .collect(),
        }]
    }

    fn html(&self) -> String {
        let side = |r: &SynopsisRow<'_>, old: bool| {
            let (ids, runs) = if old {
                (&r.old, &r.old_runs)
            } else {
                (&r.new, &r.new_runs)
            };
            let lang = r.lang.as_ref().map(|l| l.as_str()).unwrap_or("");
            html! {
                @if ids.is_empty() {
                    div.note { (r.note.clone().unwrap_or_default()) }
                } @else {
                    div.ids { (heading(r, old)) }
                    div.text lang=(lang) {
                        @for run in runs {
                            @if run.changed && old { del { (run.text) } }
                            @else if run.changed { ins { (run.text) } }
                            @else { (run.text) }
                        }
                    }
                }
            }
        };
        html! {
            section.synopsis {
                h2 { (self.title()) }
                div.scroll {
                    table.sheet.synopsis {
                        thead { tr { th { (self.old.short_title) } th { (self.new.short_title) } } }
                        tbody {
                            @for r in &self.rows {
                                tr { td { (side(r, true)) } td { (side(r, false)) } }
                            }
                        }
                    }
                }
            }
        }
        .into_string()
    }
}
