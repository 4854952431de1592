//! Diffs, version diffs and alignments as tables and HTML.

use std::collections::HashSet;

use maud::{Markup, html};

use super::backend::html::{provision_anchor, tone_class};
use super::{Cell, Render, Sheet, Tone};
use crate::diff::{ChangeTag, ProvisionDiff, TextDiff};
use crate::model::Provision;
use crate::version::{VersionDiff, VersionStatus};

/// The longest stretch of changed text shown in a table cell before it is cut.
const SNIPPET: usize = 160;

pub(super) fn snippet(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= SNIPPET {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(SNIPPET).collect();
        format!("{cut}…")
    }
}

/// What follows a change that only changes the Unicode normalisation (the same text, say,
/// in NFC and in NFD), which would otherwise look like no change at all.
pub(super) const NORMALIZATION_NOTE: &str = "(Unicode normalisation only)";

fn redline_of(diff: &TextDiff<'_>) -> String {
    let mut out = String::new();
    redline_pieces(diff, |piece| out.push_str(piece));
    out
}

/// Calls `f` with the pieces of the redline of `diff`, in order: what [`redline`] joins.
fn redline_pieces<'a>(diff: &TextDiff<'a>, mut f: impl FnMut(&'a str)) {
    for c in diff.iter_changes() {
        match c.tag() {
            ChangeTag::Equal => f(c.value()),
            ChangeTag::Delete => {
                f("[-");
                f(c.value());
                f("-]");
            }
            ChangeTag::Insert => {
                f("{+");
                f(c.value());
                f("+}");
                if c.is_normalization_only() {
                    f(NORMALIZATION_NOTE);
                }
            }
        }
    }
}

/// A changed stretch: deleted and inserted text, adjacent deletions and insertions paired,
/// and whether it only changes the Unicode normalisation.
#[derive(Default)]
struct Stretch {
    deleted: String,
    inserted: String,
    normalization_only: bool,
}

fn changed_stretches(diff: &TextDiff<'_>) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    let mut cur: Option<Stretch> = None;
    for c in diff.iter_changes() {
        if c.tag() == ChangeTag::Equal {
            out.extend(cur.take());
            continue;
        }
        let s = cur.get_or_insert_with(|| Stretch {
            normalization_only: true,
            ..Stretch::default()
        });
        s.normalization_only &= c.is_normalization_only();
        match c.tag() {
            ChangeTag::Delete => s.deleted.push_str(c.value()),
            _ => s.inserted.push_str(c.value()),
        }
    }
    out.extend(cur);
    out
}

/// The changed stretches of a text diff, deletions beside insertions.
fn changes_sheet(diff: &TextDiff<'_>) -> Sheet {
    Sheet {
        title: "Text changes".into(),
        headers: ["deleted", "inserted"].map(String::from).to_vec(),
        rows: changed_stretches(diff)
            .into_iter()
            .map(|s| {
                let mut inserted = snippet(&s.inserted);
                if s.normalization_only {
                    inserted = format!("{inserted} {NORMALIZATION_NOTE}");
                }
                vec![
                    Cell::toned(snippet(&s.deleted), Tone::Delete),
                    Cell::toned(inserted, Tone::Insert),
                ]
            })
            .collect(),
    }
}

/// What a title adds about a text diff: that it is approximate (and why), and how many of its
/// changes only change the Unicode normalisation. Empty for an ordinary, exact diff.
fn diff_notes(diff: &TextDiff<'_>) -> String {
    let mut out = String::new();
    if let Some(why) = diff.approximation() {
        out += "; approximate: ";
        out += why;
    }
    let n = diff
        .ops()
        .iter()
        .filter(|op| op.is_normalization_only())
        .count();
    match n {
        0 => {}
        1 => out += "; 1 change only in Unicode normalisation",
        n => out += &format!("; {n} changes only in Unicode normalisation"),
    }
    out
}

fn label(p: &Provision) -> String {
    let l: Vec<&str> = p.label.values().map(String::as_str).collect();
    format!("{} ({})", p.id, l.join(" / "))
}

pub(super) fn ids(ps: &[&Provision]) -> String {
    ps.iter()
        .map(|p| p.id.local())
        .collect::<Vec<_>>()
        .join(" + ")
}

impl Render for TextDiff<'_> {
    const KIND: &'static str = "text-diff";

    fn title(&self) -> String {
        format!(
            "Text diff (by {}; similarity {:.2}{})",
            self.granularity(),
            self.similarity(),
            diff_notes(self)
        )
    }

    fn sheets(&self) -> Vec<Sheet> {
        vec![
            Sheet {
                title: self.title(),
                headers: vec!["redline ([-deleted-] {+inserted+})".into()],
                rows: vec![vec![Cell::plain(redline(self).trim_end())]],
            },
            changes_sheet(self),
        ]
    }

    fn html(&self) -> String {
        html! {
            section.diff {
                h2 { (self.title()) }
                div.text { (inline_redline(self)) }
            }
        }
        .into_string()
    }
}

/// A text diff as one text, deletions in `<del>` and insertions in `<ins>`.
fn inline_redline(diff: &TextDiff<'_>) -> Markup {
    html! {
        @for c in diff.iter_changes() {
            @match c.tag() {
                ChangeTag::Equal => (c.value()),
                ChangeTag::Delete => del { (c.value()) },
                ChangeTag::Insert => {
                    ins { (c.value()) }
                    @if c.is_normalization_only() { " " (NORMALIZATION_NOTE) }
                }
            }
        }
    }
}

/// The text with deletions as `[-…-]` and insertions as `{+…+}`, as `git diff --word-diff`
/// prints them. A replacement that only changes the Unicode normalisation (the same text in
/// NFC and in NFD, which look alike) is followed by `(Unicode normalisation only)`.
///
/// ```
/// let diff = lexgap::diff::text_diff("the data subject", "the individual", None);
/// assert_eq!(lexgap::render::redline(&diff), "the [-data subject-]{+individual+}");
/// // `é` precomposed (NFC), then as `e` and a combining acute accent (NFD):
/// let diff = lexgap::diff::text_diff("le caf\u{e9}", "le cafe\u{301}", None);
/// assert_eq!(
///     lexgap::render::redline(&diff),
///     "le [-caf\u{e9}-]{+cafe\u{301}+}(Unicode normalisation only)"
/// );
/// ```
pub fn redline(diff: &TextDiff<'_>) -> String {
    redline_of(diff)
}

/// Writes the [`redline`] of `diff` to `out`, piece by piece, without building it in memory
/// first (a whole statute's redline is a few hundred kilobytes): the same bytes as
/// `redline(diff)`. Stops at the first error.
///
/// ```
/// let diff = lexgap::diff::text_diff("the data subject", "the individual", None);
/// let mut out = Vec::new();
/// lexgap::render::write_redline(&diff, &mut out)?;
/// assert_eq!(out, lexgap::render::redline(&diff).as_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_redline(diff: &TextDiff<'_>, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut done = Ok(());
    redline_pieces(diff, |piece| {
        if done.is_ok() {
            done = out.write_all(piece.as_bytes());
        }
    });
    done
}

impl Render for ProvisionDiff<'_> {
    const KIND: &'static str = "provision-diff";

    fn title(&self) -> String {
        let (old, new) = (self.old_provision(), self.new_provision());
        match self.lang() {
            Some(l) => format!(
                "{} → {} ({l}, by {}; similarity {:.2}{})",
                label(old),
                label(new),
                self.text().granularity(),
                self.similarity(),
                diff_notes(self.text())
            ),
            None => format!("{} → {} (no common language)", label(old), label(new)),
        }
    }

    fn sheets(&self) -> Vec<Sheet> {
        let text = Sheet {
            title: self.title(),
            headers: vec!["redline ([-deleted-] {+inserted+})".into()],
            rows: vec![vec![Cell::plain(redline(self.text()).trim_end())]],
        };
        let changes = changes_sheet(self.text());
        let mut structure = Sheet {
            title: "Changes in the norms".into(),
            headers: ["norm", "status", "change"].map(String::from).to_vec(),
            rows: Vec::new(),
        };
        for n in self.structure().norms() {
            let kind = n.kind().map(|k| k.to_string()).unwrap_or_default();
            if n.changes().is_empty() {
                structure.rows.push(vec![
                    Cell::plain(&kind),
                    Cell::plain(n.status().to_string()),
                    Cell::toned("", Tone::Muted),
                ]);
            }
            for c in n.changes() {
                structure.rows.push(vec![
                    Cell::plain(&kind),
                    Cell::plain(n.status().to_string()),
                    Cell::plain(c.to_string()),
                ]);
            }
        }
        vec![text, changes, structure]
    }

    fn html(&self) -> String {
        html! {
            section.diff {
                h2 { (self.title()) }
                (diff_columns(self, &mut HashSet::new()))
                @if !self.structure().is_empty() {
                    h3 { "Changes in the norms" }
                    ul {
                        @for c in self.structure().iter_changes() { li { (c.to_string()) } }
                    }
                }
            }
        }
        .into_string()
    }
}

/// Two columns: the old text with deletions marked, the new text with insertions marked;
/// each under its provision's anchor `p-<id>` unless `seen` has it already.
pub(crate) fn diff_columns(d: &ProvisionDiff<'_>, seen: &mut HashSet<String>) -> Markup {
    let lang = d.lang().map(|l| l.as_str()).unwrap_or("");
    let changes: Vec<_> = d.text().iter_changes().collect();
    let mut anchor = |p: &Provision| {
        let a = provision_anchor(&p.id.to_string());
        seen.insert(a.clone()).then_some(a)
    };
    let (old_id, new_id) = (anchor(d.old_provision()), anchor(d.new_provision()));
    html! {
        div.columns {
            div.column id=[old_id] {
                h3 { (label(d.old_provision())) }
                div.text lang=(lang) {
                    @for c in &changes {
                        @match c.tag() {
                            ChangeTag::Equal => (c.value()),
                            ChangeTag::Delete => del { (c.value()) },
                            ChangeTag::Insert => "",
                        }
                    }
                }
            }
            div.column id=[new_id] {
                h3 { (label(d.new_provision())) }
                div.text lang=(lang) {
                    @for c in &changes {
                        @match c.tag() {
                            ChangeTag::Equal => (c.value()),
                            ChangeTag::Insert => ins { (c.value()) },
                            ChangeTag::Delete => "",
                        }
                    }
                }
            }
        }
    }
}

fn status_tone(s: VersionStatus) -> Tone {
    match s {
        VersionStatus::Unchanged | VersionStatus::Renumbered => Tone::Plain,
        VersionStatus::Added => Tone::Insert,
        VersionStatus::Removed => Tone::Delete,
        VersionStatus::NotInCorpus => Tone::Muted,
        _ => Tone::Warn,
    }
}

impl Render for VersionDiff<'_> {
    const KIND: &'static str = "version-diff";

    fn title(&self) -> String {
        format!(
            "{} → {}, article by article",
            self.old_instrument().short_title,
            self.new_instrument().short_title
        )
    }

    fn legend(&self) -> Vec<String> {
        let mut statuses: Vec<VersionStatus> = self.entries().iter().map(|e| e.status()).collect();
        statuses.sort();
        statuses.dedup();
        let mut lines: Vec<String> = statuses
            .iter()
            .map(|s| format!("{} = {}", s.code(), s.definition()))
            .collect();
        lines.push(
            "score = how strongly the aligned provisions correspond, from 0 to 1 (see \
             `lexgap codes`); similarity = the share of the texts' characters a diff keeps"
                .to_owned(),
        );
        lines
    }

    fn sheets(&self) -> Vec<Sheet> {
        let rows = self
            .entries()
            .iter()
            .map(|e| {
                let changes: Vec<String> = entry_lines(self, e)
                    .into_iter()
                    .map(|l| match l {
                        EntryLine::Stretch {
                            deleted,
                            inserted,
                            normalization_only,
                        } => {
                            let mut line = String::new();
                            if let Some(d) = deleted {
                                line += &format!("[-{d}-]");
                            }
                            if let Some(i) = inserted {
                                line += &format!("{{+{i}+}}");
                            }
                            if normalization_only {
                                line += NORMALIZATION_NOTE;
                            }
                            line
                        }
                        EntryLine::Note(n) => n,
                    })
                    .collect();
                vec![
                    Cell::plain(ids(e.old_provisions())),
                    Cell::plain(ids(e.new_provisions())),
                    Cell::toned(e.status().code(), status_tone(e.status())),
                    Cell::plain(e.score().map(|s| format!("{s:.2}")).unwrap_or_default()),
                    Cell::plain(changes.join("\n")),
                ]
            })
            .collect();
        vec![Sheet {
            title: self.title(),
            headers: ["old", "new", "status", "score", "changes"]
                .map(String::from)
                .to_vec(),
            rows,
        }]
    }

    fn html(&self) -> String {
        version_diff(self).into_string()
    }
}

/// One line of what changed in an entry of a version diff.
#[derive(PartialEq)]
enum EntryLine {
    /// A changed stretch of a pair's text: deleted and inserted text (each cut to a
    /// snippet, `None` when blank), and whether it only changes the Unicode normalisation.
    Stretch {
        deleted: Option<String>,
        inserted: Option<String>,
        normalization_only: bool,
    },
    /// A line of words: a note on the text diff, a change in the norms, the counterpart the
    /// corpus does not hold.
    Note(String),
}

/// What changed in one entry of a version diff, one line each, no line twice: the changed
/// stretches of each pair's text, then the changes in the norms of the entry taken as a whole
/// (a split's old provision against all its new ones: [`VersionEntry::structure`]), or what
/// the corpus lacks of the other version.
///
/// [`VersionEntry::structure`]: crate::version::VersionEntry::structure
fn entry_lines(v: &VersionDiff<'_>, e: &crate::version::VersionEntry<'_>) -> Vec<EntryLine> {
    let mut lines: Vec<EntryLine> = Vec::new();
    let mut push = |l: EntryLine| {
        if !lines.contains(&l) {
            lines.push(l);
        }
    };
    if let Some(note) = super::synopsis::counterpart_note(v, e) {
        push(EntryLine::Note(note));
    }
    for d in e.diffs() {
        if d.text().is_approximate() {
            push(EntryLine::Note(
                "(approximate text diff: the step budget ran out)".into(),
            ));
        }
        for s in changed_stretches(d.text()) {
            let deleted = (!s.deleted.trim().is_empty()).then(|| snippet(&s.deleted));
            let inserted = (!s.inserted.trim().is_empty()).then(|| snippet(&s.inserted));
            if deleted.is_some() || inserted.is_some() || s.normalization_only {
                push(EntryLine::Stretch {
                    deleted,
                    inserted,
                    normalization_only: s.normalization_only,
                });
            }
        }
    }
    if let Some(structure) = e.structure() {
        for c in structure.iter_changes() {
            push(EntryLine::Note(c.to_string()));
        }
    }
    lines
}

/// What changed in one entry of a version diff ([`entry_lines`]), deletions in `<del>` and
/// insertions in `<ins>` (the sheet's `[-…-]{+…+}`).
fn entry_changes(v: &VersionDiff<'_>, e: &crate::version::VersionEntry<'_>) -> Markup {
    html! {
        @for l in entry_lines(v, e) {
            @match l {
                EntryLine::Stretch { deleted, inserted, normalization_only } => {
                    div.change {
                        @if let Some(d) = &deleted { del { (d) } }
                        @if deleted.is_some() && inserted.is_some() { " " }
                        @if let Some(i) = &inserted { ins { (i) } }
                        @if normalization_only { " " (NORMALIZATION_NOTE) }
                    }
                }
                EntryLine::Note(n) => div.change { (n) },
            }
        }
    }
}

/// The overview table (old, new, status, score, changes), then each changed provision's
/// two columns.
fn version_diff(v: &VersionDiff<'_>) -> Markup {
    let mut seen = HashSet::new();
    html! {
        section.version-diff {
            h2 { (v.title()) }
            div.scroll {
                table.sheet.overview {
                    thead { tr { th { "old" } th { "new" } th { "status" } th { "score" } th { "changes" } } }
                    tbody {
                        @for e in v.entries() {
                            tr {
                                td { (ids(e.old_provisions())) }
                                td { (ids(e.new_provisions())) }
                                td class=(tone_class(status_tone(e.status()))) { (e.status().code()) }
                                td { (e.score().map(|s| format!("{s:.2}")).unwrap_or_default()) }
                                td { (entry_changes(v, e)) }
                            }
                        }
                    }
                }
            }
            @for e in v.entries() {
                @for d in e.diffs() {
                    @if !d.text().is_unchanged() {
                        h3 { (e.status().code()) ": " (label(d.old_provision())) " → " (label(d.new_provision())) }
                        (diff_columns(d, &mut seen))
                    }
                }
            }
        }
    }
}
