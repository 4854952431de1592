//! The instrument file, hand-formatted in the layout of `provisions/` (one `[[provision]]`
//! per provision, texts as literal strings); `tests/import.rs` checks that it parses and loads.

use std::fmt::Write as _;

use super::{ImportOptions, ImportedProvision, Unsplit};

/// A TOML string holding `s`, as the `toml` crate writes one (a basic string, escaped, or a
/// literal string where that needs no escapes).
pub(super) fn basic(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A text as a multi-line literal string, or a basic string where a literal cannot hold it
/// (`'''` inside, or a control character other than a tab or newline).
pub(super) fn text_value(s: &str) -> String {
    let literal_ok = !s.contains("'''")
        && !s.chars().any(|c| c.is_control() && c != '\t' && c != '\n')
        && s.ends_with('\n');
    if literal_ok {
        format!("'''\n{s}'''")
    } else {
        basic(s)
    }
}

fn set_or_fill(out: &mut String, key: &str, value: Option<String>, hint: &str) {
    match value {
        Some(v) => {
            let _ = writeln!(out, "{key} = {v}");
        }
        None => {
            let _ = writeln!(out, "# FILL IN: {key} = {hint}");
        }
    }
}

pub(super) fn to_toml(
    o: &ImportOptions,
    provisions: &[ImportedProvision],
    unsplit: &[Unsplit],
) -> String {
    let lang = o.lang.as_str();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {} provisions ({}), imported by `lexgap import`; texts verbatim, no norms.",
        o.id,
        provisions.len(),
        lang
    );
    let unfilled = o.title.is_none()
        || o.short_title.is_none()
        || o.kind.is_none()
        || o.status.is_none()
        || o.binding.is_none()
        || o.legal_value.is_none()
        || o.source.is_none();
    if unfilled {
        out.push_str(
            "# Each `# FILL IN` line is a required key left out: the loader refuses the file until\n\
             # it is written.\n",
        );
    }
    out.push_str(
        "# Norms are added by hand (provisions/README.md, \"How to add an instrument\").\n",
    );
    if !unsplit.is_empty() {
        out.push_str("#\n# Not split, or to check:\n");
        for u in unsplit {
            let _ = writeln!(out, "#   {u}");
        }
    }
    out.push_str("\n[instrument]\n");
    let _ = writeln!(out, "id = {}", basic(&o.id.to_string()));
    set_or_fill(
        &mut out,
        &format!("title.{lang}"),
        o.title.as_deref().map(basic),
        "\"the official title\"",
    );
    set_or_fill(
        &mut out,
        "short-title",
        o.short_title.as_deref().map(basic),
        "\"a name for tables\"",
    );
    set_or_fill(
        &mut out,
        "kind",
        o.kind.map(|k| basic(k.code())),
        "\"statute\"  # constitution | statute | draft-statute | regulation | directive | treaty | charter | declaration | soft-law",
    );
    set_or_fill(
        &mut out,
        "status",
        o.status.map(|s| basic(s.code())),
        "\"in-force\"  # draft | in-force | adopted | superseded | repealed",
    );
    set_or_fill(
        &mut out,
        "binding",
        o.binding.map(|b| b.to_string()),
        "true",
    );
    out.push_str("# published = YYYY-MM-DD  (also adopted, in-force, applies-from, repealed)\n");
    out.push_str("# coverage = \"what the file holds and lacks\"\n");
    let missing = missing_of(unsplit, provisions);
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| basic(m)).collect();
        let _ = writeln!(
            out,
            "# missing = [{}]  (numbers the text skips: check, then declare)",
            list.join(", ")
        );
    }
    out.push('\n');
    provenance(&mut out, o);
    for p in provisions {
        out.push_str("\n[[provision]]\n");
        let _ = writeln!(out, "id = {}", basic(&p.id));
        let _ = writeln!(out, "label.{lang} = {}", basic(&p.label));
        if let Some(h) = &p.heading {
            let _ = writeln!(out, "heading.{lang} = {}", basic(h));
        }
        if !p.chapter.is_empty() {
            let list: Vec<String> = p.chapter.iter().map(|c| basic(c)).collect();
            let _ = writeln!(out, "chapter = [{}]", list.join(", "));
        }
        if p.repealed {
            out.push_str("# repealed: the source prints only this marker\n");
        }
        let _ = writeln!(out, "text.{lang} = {}", text_value(&p.text));
    }
    out
}

/// The ids of the numbers the gaps skip, as ranges (`art-3`, `art-5..art-7`).
fn missing_of(unsplit: &[Unsplit], provisions: &[ImportedProvision]) -> Vec<String> {
    let prefix = provisions
        .iter()
        .find_map(|p| p.id.split_once('-').map(|(pre, _)| pre))
        .unwrap_or("art");
    unsplit
        .iter()
        .filter_map(|u| match u.kind {
            super::UnsplitKind::Gap { from, to } if to - from == 2 => {
                Some(format!("{prefix}-{}", from + 1))
            }
            super::UnsplitKind::Gap { from, to } => {
                Some(format!("{prefix}-{}..{prefix}-{}", from + 1, to - 1))
            }
            _ => None,
        })
        .collect()
}

/// The `[instrument.languages.<lang>]` table, unset required keys as `# FILL IN` comments.
pub(super) fn provenance(out: &mut String, o: &ImportOptions) {
    let lang = o.lang.as_str();
    let _ = writeln!(out, "[instrument.languages.{lang}]");
    set_or_fill(
        out,
        "legal-value",
        o.legal_value.map(|v| basic(v.code())),
        "\"authentic\"  # authentic | official-translation | unofficial-translation",
    );
    set_or_fill(
        out,
        "source",
        o.source.as_deref().map(basic),
        "\"where the text was actually read (a URL, or github owner/repo path@commit)\"",
    );
    match o.retrieved {
        Some(d) => {
            let _ = writeln!(out, "retrieved = {d}");
        }
        None => out.push_str("# retrieved = YYYY-MM-DD\n"),
    }
    match &o.publisher {
        Some(p) => {
            let _ = writeln!(out, "publisher = {}", basic(p));
        }
        None => out.push_str("# publisher = \"who published or translated the text\"\n"),
    }
    match &o.licence {
        Some(l) => {
            let _ = writeln!(out, "licence = {}", basic(l));
        }
        None => out.push_str("# licence = \"the terms of reuse, or unverified\"\n"),
    }
}
