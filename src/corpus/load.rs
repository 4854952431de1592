//! Turning files into a validated corpus, collecting every problem with its location.
//!
//! Per file: UTF-8, emptiness, TOML syntax and schema (the first structural error of a file,
//! since the parser stops there), then every value: vocabulary terms, ids, dates, languages,
//! evidence quotes, labels. Across files: duplicate ids, unknown jurisdictions, dangling
//! references and correspondences, version relations and their cycles.

use std::collections::{BTreeMap, HashMap};

use super::raw::{self, S};
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{
    Correspondence, Covers, Date, Delegate, Derogation, Effect, Evidence, Grounds, Identifiers,
    Instrument, InstrumentId, Jurisdiction, Lang, MissingRange, Norm, NormKind, NormalizedText,
    Provenance, Provision, ProvisionId, Quoted, Reach, Referral, Safeguard, Term, Texts,
    article_number_of_label,
};

/// One source file handed to the loader.
pub(crate) struct SourceFile<'a> {
    /// Repository-relative path, used in messages.
    pub origin: String,
    pub bytes: &'a [u8],
    /// The instrument id the path implies (`provisions/eu/gdpr.toml` → `eu/gdpr`), checked
    /// only when loading a directory.
    pub expected_id: Option<String>,
}

/// A reference from a provision: the id it names, where, and how (`cites`, `corresponds to`).
type Ref = (ProvisionId, Location, &'static str);

/// Where things were defined, for cross-file checks.
struct Located {
    instrument: Instrument,
    id_at: Location,
    becomes_at: Option<Location>,
    supersedes_at: Vec<Location>,
    /// Per provision: its id's location, then (target, location, how) for each reference.
    provisions: Vec<(Location, Vec<Ref>)>,
}

/// Maps byte offsets of one file to locations in O(log lines + column) rather than
/// [`Location::at_offset`]'s O(offset), so that a large file with many provisions or many
/// problems does not take quadratic time.
struct LineIndex<'a> {
    origin: &'a str,
    text: &'a str,
    /// The byte offset at which each line starts; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(origin: &'a str, text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            origin,
            text,
            starts,
        }
    }
    /// The same location as `Location::at_offset(origin, text, offset)`.
    fn at(&self, offset: usize) -> Location {
        let offset = crate::model::floor_char_boundary(self.text, offset);
        // `starts[0] == 0 <= offset`, so at least one start qualifies.
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let column = self.text[start..offset].chars().count() + 1;
        Location::new(self.origin, line.max(1), column)
    }
}

struct FileCx<'a> {
    lines: LineIndex<'a>,
    errors: &'a mut Vec<LoadError>,
}

impl FileCx<'_> {
    fn loc(&self, offset: usize) -> Location {
        self.lines.at(offset)
    }
    fn push(&mut self, offset: usize, kind: LoadErrorKind) {
        let loc = self.loc(offset);
        self.errors.push(LoadError::new(loc, kind));
    }
    fn term<T: Term>(&mut self, s: &S<String>) -> Option<T> {
        match T::parse_code(s.get_ref()) {
            Ok(t) => Some(t),
            Err(e) => {
                self.push(s.span().start, e.into());
                None
            }
        }
    }
    /// The terms of a list, each parsed; a term given twice is reported at its second place.
    fn terms<T: Term>(&mut self, v: &[S<String>]) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(v.len());
        for s in v {
            let Some(t) = self.term::<T>(s) else {
                continue;
            };
            if out.contains(&t) {
                self.push(
                    s.span().start,
                    LoadErrorKind::Invalid(format!(
                        "{} `{}` is listed twice",
                        T::VOCABULARY,
                        t.code()
                    )),
                );
                continue;
            }
            out.push(t);
        }
        out
    }
    fn lang(&mut self, s: &str, offset: usize) -> Option<Lang> {
        match Lang::new(s) {
            Ok(l) => Some(l),
            Err(e) => {
                self.push(offset, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
    /// The language-keyed entries of a table, in file order, with their parsed tags. Reports
    /// keys that are not language tags, and keys that name a language already given (tags
    /// ignore case, so `en` and `EN` are one language), keeping the first.
    fn by_lang<'v, V>(
        &mut self,
        map: &'v BTreeMap<String, S<V>>,
        what: &str,
        id: &str,
    ) -> Vec<(Lang, &'v S<V>)> {
        let mut entries: Vec<(&String, &S<V>)> = map.iter().collect();
        entries.sort_by_key(|(_, v)| v.span().start);
        let mut out: Vec<(Lang, &S<V>)> = Vec::new();
        for (k, v) in entries {
            let at = v.span().start;
            let Some(lang) = self.lang(k, at) else {
                continue;
            };
            if let Some((_, first)) = out.iter().find(|(l, _)| *l == lang) {
                let first = self.loc(first.span().start);
                self.push(
                    at,
                    LoadErrorKind::Invalid(format!(
                        "duplicate `{lang}` {what} in `{id}` (first at {first}; language tags ignore case)"
                    )),
                );
                continue;
            }
            out.push((lang, v));
        }
        out
    }
    fn texts(&mut self, map: &BTreeMap<String, S<String>>, what: &'static str, id: &str) -> Texts {
        let mut out = Texts::new();
        for (lang, v) in self.by_lang(map, what, id) {
            if v.get_ref().trim().is_empty() {
                self.push(
                    v.span().start,
                    LoadErrorKind::EmptyText {
                        what,
                        id: id.to_owned(),
                    },
                );
                continue;
            }
            out.insert(lang, v.get_ref().clone());
        }
        out
    }
    fn date(&mut self, v: &Option<S<toml::Value>>) -> Option<Date> {
        let v = v.as_ref()?;
        let at = v.span().start;
        let shown = match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            other => other.to_string(),
        };
        match shown.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(at, e.into());
                None
            }
        }
    }
    fn instrument_id(&mut self, s: &S<String>) -> Option<InstrumentId> {
        match s.get_ref().parse::<InstrumentId>() {
            Ok(id) => Some(id),
            Err(e) => {
                self.push(s.span().start, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
    /// A provision's own id: local (`art-9`), or a full id within `own`.
    fn provision_def(&mut self, own: &InstrumentId, s: &S<String>) -> Option<ProvisionId> {
        let pid = self.provision_ref(own, s)?;
        if pid.instrument() == own {
            return Some(pid);
        }
        self.push(
            s.span().start,
            LoadErrorKind::Invalid(format!(
                "provision id `{pid}` belongs to another instrument than `{own}`; write the local id `{}`",
                pid.local()
            )),
        );
        None
    }
    /// A provision reference: a full id, or a local id within `own`.
    fn provision_ref(&mut self, own: &InstrumentId, s: &S<String>) -> Option<ProvisionId> {
        let r = s.get_ref();
        let parsed = if r.contains('/') {
            r.parse()
        } else {
            own.provision(r)
        };
        match parsed {
            Ok(id) => Some(id),
            Err(e) => {
                self.push(s.span().start, LoadErrorKind::Invalid(e.to_string()));
                None
            }
        }
    }
}

/// The 1-based line and column of the first byte that is not UTF-8.
fn utf8_error_location(origin: &str, bytes: &[u8], valid_up_to: usize) -> Location {
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    Location::at_offset(origin, prefix, prefix.len())
}

/// Whether a TOML text holds nothing but whitespace and comments.
fn is_blank_toml(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// Parses one file's bytes into text, reporting encoding, emptiness and TOML errors.
fn parse_file<'t, T: serde::de::DeserializeOwned>(
    origin: &str,
    bytes: &'t [u8],
    errors: &mut Vec<LoadError>,
) -> Option<(&'t str, T)> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let loc = utf8_error_location(origin, bytes, e.valid_up_to());
            errors.push(LoadError::new(loc, LoadErrorKind::NotUtf8));
            return None;
        }
    };
    if is_blank_toml(text) {
        errors.push(LoadError::new(
            Location::new(origin, 1, 1),
            LoadErrorKind::Empty,
        ));
        return None;
    }
    match toml::from_str::<T>(text) {
        Ok(v) => Some((text, v)),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let message = e.message().trim_end().to_owned();
            errors.push(LoadError::new(
                Location::at_offset(origin, text, at),
                LoadErrorKind::Toml { message },
            ));
            None
        }
    }
}

/// Parses `jurisdictions.toml`. Each `parent` is pushed to `parents` (with its child and its
/// location), to be checked by [`check_parents`] once every registry is merged (a parent may
/// be in another registry).
pub(crate) fn load_jurisdictions(
    origin: &str,
    bytes: &[u8],
    parents: &mut Vec<(String, String, Location)>,
    errors: &mut Vec<LoadError>,
) -> BTreeMap<String, (Jurisdiction, Location)> {
    let mut out: BTreeMap<String, (Jurisdiction, Location)> = BTreeMap::new();
    let Some((text, raw)) = parse_file::<raw::RawJurisdictions>(origin, bytes, errors) else {
        return out;
    };
    let lines = LineIndex::new(origin, text);
    for j in raw.jurisdiction {
        let j = j.into_inner();
        let code = j.code.get_ref().to_ascii_lowercase();
        let loc = lines.at(j.code.span().start);
        let shape_ok = !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !shape_ok {
            errors.push(LoadError::new(
                loc,
                LoadErrorKind::Invalid(format!(
                    "invalid jurisdiction code `{code}`: expected lowercase ASCII letters, digits and `-`"
                )),
            ));
            continue;
        }
        if let Some((_, first)) = out.get(&code) {
            errors.push(LoadError::new(
                loc,
                LoadErrorKind::DuplicateId {
                    what: "jurisdiction",
                    id: code,
                    first: first.clone(),
                },
            ));
            continue;
        }
        let parent = j.parent.as_ref().map(|p| p.get_ref().to_ascii_lowercase());
        if let (Some(p), Some(raw)) = (&parent, &j.parent) {
            parents.push((code.clone(), p.clone(), lines.at(raw.span().start)));
        }
        out.insert(
            code.clone(),
            (
                Jurisdiction {
                    code,
                    name: j.name,
                    parent,
                },
                loc,
            ),
        );
    }
    out
}

/// Reports each `parent` that no registry defines.
pub(crate) fn check_parents(
    jurisdictions: &BTreeMap<String, (Jurisdiction, Location)>,
    parents: Vec<(String, String, Location)>,
    errors: &mut Vec<LoadError>,
) {
    // Cycles: follow each code's parents; a walk that comes back to its start is a cycle,
    // reported once, at the first code of the cycle in code order.
    let parent_of: BTreeMap<&str, &str> = parents
        .iter()
        .map(|(c, p, _)| (c.as_str(), p.as_str()))
        .collect();
    let at_of: BTreeMap<&str, &Location> =
        parents.iter().map(|(c, _, at)| (c.as_str(), at)).collect();
    let mut reported: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for start in parent_of.keys() {
        let mut path = vec![*start];
        let mut cur = *start;
        while let Some(next) = parent_of.get(cur) {
            if *next == *start {
                let first = *path.iter().min().unwrap_or(start);
                if reported.insert(first) {
                    let i = path.iter().position(|c| *c == first).unwrap_or(0);
                    let mut cycle: Vec<&str> =
                        path[i..].iter().chain(&path[..i]).copied().collect();
                    cycle.push(first);
                    errors.push(LoadError::new(
                        at_of[first].clone(),
                        LoadErrorKind::Invalid(format!(
                            "jurisdiction parent cycle: {}",
                            cycle
                                .iter()
                                .map(|c| format!("`{c}`"))
                                .collect::<Vec<_>>()
                                .join(" → ")
                        )),
                    ));
                }
                break;
            }
            if path.contains(next) || path.len() > parent_of.len() {
                break; // a cycle that does not pass through `start`: reported from its own codes
            }
            path.push(next);
            cur = next;
        }
    }
    for (child, parent, at) in parents {
        if !jurisdictions.contains_key(&parent) {
            // A jurisdiction is not its own parent: never suggest the child itself.
            let others = jurisdictions.keys().filter(|k| **k != child);
            let suggestion = crate::model::closest_owned(&parent, others);
            errors.push(LoadError::new(
                at,
                LoadErrorKind::UnknownJurisdiction {
                    found: parent,
                    suggestion,
                },
            ));
        }
    }
}

/// Converts one instrument file, collecting every problem it has on its own.
fn load_instrument(file: &SourceFile<'_>, errors: &mut Vec<LoadError>) -> Option<Located> {
    let (text, raw) = parse_file::<raw::RawFile>(&file.origin, file.bytes, errors)?;
    let mut cx = FileCx {
        lines: LineIndex::new(&file.origin, text),
        errors,
    };
    let ri = raw.instrument.into_inner();
    let id_at = cx.loc(ri.id.span().start);
    let id = cx.instrument_id(&ri.id)?;
    if let Some(expected) = &file.expected_id {
        if *expected != id.to_string() {
            cx.push(
                ri.id.span().start,
                LoadErrorKind::IdPathMismatch {
                    id: id.to_string(),
                    expected: expected.clone(),
                },
            );
        }
    }
    let title = cx.texts(&ri.title, "title", &id.to_string());
    if ri.title.is_empty() {
        cx.push(
            ri.id.span().start,
            LoadErrorKind::Invalid(format!(
                "`title` of `{id}` gives no language: write `title.en = \"...\"` (one per language)"
            )),
        );
    }
    if ri.short_title.get_ref().trim().is_empty() {
        cx.push(
            ri.short_title.span().start,
            LoadErrorKind::EmptyText {
                what: "short-title",
                id: id.to_string(),
            },
        );
    }
    let kind = cx.term(&ri.kind);
    let status = cx.term(&ri.status);
    let published = cx.date(&ri.published);
    let adopted = cx.date(&ri.adopted);
    let in_force = cx.date(&ri.in_force);
    let repealed = cx.date(&ri.repealed);
    let applies_from = cx.date(&ri.applies_from);
    let mut missing: Vec<MissingRange> = Vec::new();
    for m in &ri.missing {
        match m.get_ref().parse::<MissingRange>() {
            Ok(r) => missing.push(r),
            Err(e) => cx.push(m.span().start, LoadErrorKind::Invalid(e)),
        }
    }
    let becomes = ri.becomes.as_ref().and_then(|b| cx.instrument_id(b));
    let becomes_at = ri.becomes.as_ref().map(|b| cx.loc(b.span().start));
    let mut supersedes = Vec::new();
    let mut supersedes_at = Vec::new();
    for s in &ri.supersedes {
        if let Some(i) = cx.instrument_id(s) {
            if supersedes.contains(&i) {
                cx.push(
                    s.span().start,
                    LoadErrorKind::Invalid(format!("`{i}` is listed twice in `supersedes`")),
                );
                continue;
            }
            supersedes.push(i);
            supersedes_at.push(cx.loc(s.span().start));
        }
    }
    // Dates that contradict each other or the status.
    let dated = |name: &'static str, d: Option<Date>, v: &Option<S<toml::Value>>| {
        d.zip(v.as_ref().map(|v| v.span().start))
            .map(|(d, at)| (name, d, at))
    };
    let order = [
        dated("adopted", adopted, &ri.adopted),
        dated("published", published, &ri.published),
        dated("in-force", in_force, &ri.in_force),
        dated("applies-from", applies_from, &ri.applies_from),
        dated("repealed", repealed, &ri.repealed),
    ];
    // Each must not come before the ones it follows: a law is adopted, then published (a draft
    // has no adoption date), in force, applicable, and repealed last.
    let before = |a: &str, b: &str| -> bool {
        matches!(
            (a, b),
            ("adopted", "published")
                | ("adopted", "in-force")
                | ("adopted", "applies-from")
                | ("adopted", "repealed")
                | ("published", "repealed")
                | ("in-force", "applies-from")
                | ("in-force", "repealed")
                | ("applies-from", "repealed")
        )
    };
    for (a, da, _) in order.iter().flatten() {
        for (b, db, at) in order.iter().flatten() {
            if before(a, b) && db < da {
                cx.push(
                    *at,
                    LoadErrorKind::Invalid(format!(
                        "`{b}` {db} of `{id}` comes before its `{a}` {da}"
                    )),
                );
            }
        }
    }
    if let (Some(status), Some((_, d, at))) = (&status, order[4]) {
        if matches!(
            status,
            crate::model::Status::InForce
                | crate::model::Status::Draft
                | crate::model::Status::Adopted
        ) {
            cx.push(
                at,
                LoadErrorKind::Invalid(format!(
                    "`{id}` has status `{status}` but a `repealed` date {d}; write `status = \"repealed\"` (or `superseded`)"
                )),
            );
        }
    }
    let mut languages = BTreeMap::new();
    // Every language the `languages` table names, even where its entry has other problems (so
    // that its texts are not also reported as lacking provenance).
    let mut provided = std::collections::BTreeSet::new();
    for (lang, prov) in cx.by_lang(&ri.languages, "languages entry", &id.to_string()) {
        provided.insert(lang.clone());
        let p = prov.get_ref();
        let lang = Some(lang);
        let legal_value = cx.term(&p.legal_value);
        let retrieved = cx.date(&p.retrieved);
        if p.source.get_ref().trim().is_empty() {
            cx.push(
                p.source.span().start,
                LoadErrorKind::EmptyText {
                    what: "source",
                    id: id.to_string(),
                },
            );
        }
        if let (Some(lang), Some(legal_value)) = (lang, legal_value) {
            languages.insert(
                lang,
                Provenance {
                    legal_value,
                    source: p.source.get_ref().clone(),
                    retrieved,
                    publisher: p.publisher.clone(),
                    licence: p.licence.clone(),
                    note: p.note.clone(),
                },
            );
        }
    }

    // The texts of every provision of the file, by local id, for quotes that stand in another
    // provision of the same instrument (`in = "art-4"`).
    let file_texts: HashMap<String, Texts> = raw
        .provision
        .iter()
        .map(|rp| {
            let rp = rp.get_ref();
            let texts: Texts = rp
                .text
                .iter()
                .filter_map(|(k, v)| Some((Lang::new(k).ok()?, v.get_ref().clone())))
                .collect();
            (rp.id.get_ref().to_ascii_lowercase(), texts)
        })
        .collect();
    let mut provisions = Vec::new();
    let mut provision_locs = Vec::new();
    let mut seen: HashMap<ProvisionId, Location> = HashMap::new();
    for rp in raw.provision {
        let rp_span = rp.span();
        let rp = rp.into_inner();
        let Some(pid) = cx.provision_def(&id, &rp.id) else {
            continue;
        };
        let pid_at = cx.loc(rp.id.span().start);
        if let Some(first) = seen.get(&pid) {
            cx.push(
                rp.id.span().start,
                LoadErrorKind::DuplicateId {
                    what: "provision",
                    id: pid.to_string(),
                    first: first.clone(),
                },
            );
            continue;
        }
        seen.insert(pid.clone(), pid_at.clone());
        let sid = pid.to_string();
        let label = cx.texts(&rp.label, "label", &sid);
        if rp.label.is_empty() {
            cx.push(
                rp.id.span().start,
                LoadErrorKind::Invalid(format!(
                    "`label` of `{sid}` gives no language: write `label.en = \"Article 1\"` (one per language)"
                )),
            );
        }
        for (lang, l) in &rp.label {
            if let Ok(lang) = Lang::new(lang) {
                if !provided.contains(&lang) {
                    cx.push(
                        l.span().start,
                        LoadErrorKind::NoLabelProvenance {
                            id: sid.clone(),
                            lang: lang.to_string(),
                        },
                    );
                }
            }
        }
        let heading = cx.texts(&rp.heading, "heading", &sid);
        let texts = cx.texts(&rp.text, "text", &sid);
        if rp.text.is_empty() {
            cx.push(rp_span.start, LoadErrorKind::NoText { id: sid.clone() });
        }
        for lang in texts.keys() {
            if !provided.contains(lang) {
                let at = rp
                    .text
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(lang.as_str()))
                    .map_or(rp_span.start, |(_, v)| v.span().start);
                cx.push(
                    at,
                    LoadErrorKind::NoProvenance {
                        id: sid.clone(),
                        lang: lang.to_string(),
                    },
                );
            }
        }
        // Article ids are `art-N`, or `art-Na` for an inserted article; `art--13`, `art.13`
        // or `art-13x2` would escape the check of the label's number.
        let local = pid.local();
        if local.starts_with("art") && !local.starts_with("article") {
            let shape = local.strip_prefix("art-").and_then(|r| {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (n, suffix) = r.split_at(digits);
                (!n.is_empty() && suffix.bytes().all(|b| b.is_ascii_lowercase()))
                    .then(|| (n.parse::<u32>().ok(), suffix))
            });
            match shape {
                None => cx.push(
                    rp.id.span().start,
                    LoadErrorKind::Invalid(format!(
                        "article id `{local}` is not of the form `art-N` or `art-Na` (an inserted article)"
                    )),
                ),
                Some((Some(n), suffix)) if !suffix.is_empty() => {
                    // An inserted article: its label names the number and the letter.
                    for (tag, l) in &rp.label {
                        let text = l.get_ref().trim();
                        let ok = if tag.starts_with("zh") {
                            // 第十二条之一: the number is the part up to 条.
                            text.find('条').and_then(|i| {
                                article_number_of_label(&text[..i + '条'.len_utf8()])
                            }) == Some(n)
                        } else {
                            let t = text.to_ascii_lowercase();
                            let rest = t
                                .strip_prefix("article")
                                .or_else(|| t.strip_prefix("art."))
                                .unwrap_or(&t)
                                .trim();
                            rest == format!("{n}{suffix}")
                        };
                        if !ok {
                            cx.push(
                                l.span().start,
                                LoadErrorKind::Invalid(format!(
                                    "label `{text}` does not name article {n}{suffix}, as the id `{sid}` does"
                                )),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(expected) = pid.article_number() {
            for (tag, l) in &rp.label {
                if let Some(found) = article_number_of_label(l.get_ref()) {
                    if found != expected {
                        cx.push(
                            l.span().start,
                            LoadErrorKind::LabelMismatch {
                                id: sid.clone(),
                                label: l.get_ref().clone(),
                                found,
                                expected,
                            },
                        );
                    }
                } else if tag.starts_with("zh") && l.get_ref().starts_with('第') {
                    cx.push(
                        l.span().start,
                        LoadErrorKind::Invalid(format!(
                            "label `{}` of `{sid}` is not a chinese article number",
                            l.get_ref()
                        )),
                    );
                }
            }
        }

        let mut refs = Vec::new();
        let mut references = Vec::new();
        for r in &rp.references {
            if let Some(t) = cx.provision_ref(&id, r) {
                refs.push((t.clone(), cx.loc(r.span().start), "cites"));
                references.push(t);
            }
        }
        let mut correspondences = Vec::new();
        for c in &rp.correspondences {
            let c = c.get_ref();
            let target = cx.provision_ref(&id, &c.target);
            let relation = cx.term(&c.relation);
            if let (Some(target), Some(relation)) = (target, relation) {
                refs.push((
                    target.clone(),
                    cx.loc(c.target.span().start),
                    "corresponds to",
                ));
                correspondences.push(Correspondence {
                    target,
                    relation,
                    rationale: c.rationale.clone(),
                });
            }
        }

        let prov_texts = &searchable(&texts);
        let evidence = |cx: &mut FileCx<'_>, quote: &S<String>, lang: &Option<S<String>>| {
            resolve_evidence(cx, &sid, prov_texts, quote, lang)
        };
        let mut norms = Vec::new();
        for rn in &rp.norm {
            let rn = rn.get_ref();
            if let Some(old) = &rn.exceptions {
                cx.push(
                    old.span().start,
                    LoadErrorKind::SchemaV1 {
                        id: sid.clone(),
                        norm_kind: false,
                    },
                );
            }
            let kind: Option<NormKind> = cx.term(&rn.kind);
            if kind == Some(NormKind::Exception) {
                cx.push(
                    rn.kind.span().start,
                    LoadErrorKind::SchemaV1 {
                        id: sid.clone(),
                        norm_kind: true,
                    },
                );
            }
            let actors = cx.terms(&rn.actors);
            let data = cx.terms(&rn.data);
            let activities = cx.terms(&rn.activities);
            let purposes = cx.terms(&rn.purposes);
            let scope = rn
                .scope
                .as_ref()
                .and_then(|s| cx.term(s))
                .unwrap_or_default();
            let ev = evidence(&mut cx, &rn.quote, &rn.lang);
            let safeguards = safeguards_of(&mut cx, &rn.safeguards, &mut |cx, q, i, l| {
                quoted(cx, &id, &sid, prov_texts, &file_texts, q, i, l)
            });
            if let (Some(kind), Some(ev)) = (kind, ev) {
                norms.push(Norm {
                    kind,
                    actors,
                    data,
                    activities,
                    purposes,
                    safeguards,
                    scope,
                    evidence: ev,
                });
            }
        }
        let mut derogations = Vec::new();
        for rd in &rp.derogation {
            let mut q = |cx: &mut FileCx<'_>,
                         quote: &S<String>,
                         in_: &Option<S<String>>,
                         lang: &Option<S<String>>| {
                quoted(cx, &id, &sid, prov_texts, &file_texts, quote, in_, lang)
            };
            if let Some(d) = derogation_of(&mut cx, &id, rd, &mut q, &mut refs) {
                derogations.push(d);
            }
        }
        inherit_covers(&norms, &mut derogations);
        provision_locs.push((pid_at, refs));
        provisions.push(Provision {
            id: pid,
            label,
            heading,
            chapter: rp.chapter,
            text: texts,
            references,
            correspondences,
            norms,
            derogations,
        });
    }

    for (p, (at, _)) in provisions.iter().zip(&provision_locs) {
        if missing.iter().any(|r| r.contains(p.id.local())) {
            cx.errors.push(LoadError::new(
                at.clone(),
                LoadErrorKind::Invalid(format!(
                    "`{}` is held, but the instrument's `missing` declares it missing",
                    p.id
                )),
            ));
        }
    }

    // An unknown kind or status is already reported; carry on with a stand-in so that the
    // cross-file checks (references, versions) still report this file's other problems. The
    // corpus will not load either way.
    let kind = kind.unwrap_or(crate::model::InstrumentKind::Statute);
    let status = status.unwrap_or(crate::model::Status::InForce);
    Some(Located {
        instrument: Instrument {
            id,
            title,
            short_title: ri.short_title.into_inner(),
            kind,
            status,
            binding: ri.binding,
            published,
            adopted,
            in_force,
            repealed,
            applies_from,
            identifiers: Identifiers {
                eli: ri.identifiers.eli,
                celex: ri.identifiers.celex,
                citation: ri.identifiers.citation,
            },
            becomes,
            supersedes,
            languages,
            coverage: ri.coverage,
            missing,
            provisions,
        },
        id_at,
        becomes_at,
        supersedes_at,
        provisions: provision_locs,
    })
}

fn safeguards_of<F>(
    cx: &mut FileCx<'_>,
    raw: &[S<raw::RawSafeguard>],
    evidence: &mut F,
) -> Vec<Safeguard>
where
    F: FnMut(&mut FileCx<'_>, &S<String>, &Option<S<String>>, &Option<S<String>>) -> Option<Quoted>,
{
    let mut out = Vec::new();
    for rs in raw {
        let rs = rs.get_ref();
        let kind: Option<crate::model::SafeguardKind> = cx.term(&rs.kind);
        let elements: Vec<crate::model::SafeguardElement> = cx.terms(&rs.elements);
        if let Some(kind) = kind {
            for at in &rs.elements {
                let Ok(e) = crate::model::SafeguardElement::parse_code(at.get_ref()) else {
                    continue; // already reported
                };
                if !e.belongs_to(kind) {
                    cx.push(
                        at.span().start,
                        LoadErrorKind::Invalid(format!(
                            "element `{e}` belongs to a `{}` safeguard, not to `{kind}`",
                            e.kind()
                        )),
                    );
                }
            }
        }
        let ev = evidence(cx, &rs.quote, &rs.in_, &rs.lang);
        if let (Some(kind), Some(quoted)) = (kind, ev) {
            out.push(Safeguard {
                kind,
                elements,
                evidence: quoted.evidence,
                provision: quoted.provision,
            });
        }
    }
    out
}

/// A quote of the provision `sid`, or, with `in`, of another provision of the same file.
#[allow(clippy::too_many_arguments)]
fn quoted(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    sid: &str,
    texts: &Searchable<'_>,
    file_texts: &HashMap<String, Texts>,
    quote: &S<String>,
    in_: &Option<S<String>>,
    lang: &Option<S<String>>,
) -> Option<Quoted> {
    let Some(in_) = in_ else {
        return resolve_evidence(cx, sid, texts, quote, lang).map(Quoted::here);
    };
    let local = in_.get_ref().to_ascii_lowercase();
    let local = local
        .strip_prefix(&format!("{own}/"))
        .unwrap_or(&local)
        .to_owned();
    let Some(other) = file_texts.get(&local) else {
        cx.push(
            in_.span().start,
            LoadErrorKind::Invalid(format!(
                "`in = \"{}\"` in `{sid}` names no provision of this file (a quote may come only from a provision of the same instrument)",
                in_.get_ref()
            )),
        );
        return None;
    };
    let pid = own.provision(&local).ok()?;
    let ev = resolve_evidence(cx, &pid.to_string(), &searchable(other), quote, lang)?;
    let provision = (pid != *sid).then_some(pid);
    Some(Quoted {
        provision,
        evidence: ev,
    })
}

/// A `[[provision.derogation]]` entry: its form, effect, coverage, grounds, conditions and
/// referral, each quote checked. Named provisions go into `refs`, to be checked across files.
fn derogation_of<Q>(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    rd: &S<raw::RawDerogation>,
    q: &mut Q,
    refs: &mut Vec<Ref>,
) -> Option<Derogation>
where
    Q: FnMut(&mut FileCx<'_>, &S<String>, &Option<S<String>>, &Option<S<String>>) -> Option<Quoted>,
{
    let at = rd.span().start;
    let rd = rd.get_ref();
    let form = cx.term(&rd.form);
    let ev = q(cx, &rd.quote, &None, &rd.lang).map(|q| q.evidence);
    let mut ok = true;

    let effect = match &rd.effect {
        None => Effect::here(),
        Some(re) => {
            let re_at = re.span().start;
            let re = re.get_ref();
            let listed = !re.provisions.is_empty() || !re.chapters.is_empty();
            let reach = match (re.reach.as_ref().map(|r| r.get_ref().as_str()), listed) {
                (None | Some("listed"), true) => {
                    let mut provisions = Vec::new();
                    for p in &re.provisions {
                        if let Some(pid) = cx.provision_ref(own, p) {
                            refs.push((pid.clone(), cx.loc(p.span().start), SWITCHES_OFF));
                            provisions.push(pid);
                        }
                    }
                    let chapters = re.chapters.iter().map(|c| c.get_ref().clone()).collect();
                    Reach::Listed {
                        provisions,
                        chapters,
                    }
                }
                (None | Some("here"), false) => Reach::Here,
                (Some("instrument"), false) => Reach::Instrument,
                (Some("listed"), false) => {
                    cx.push(
                        re_at,
                        LoadErrorKind::Invalid(
                            "`reach = \"listed\"` needs `provisions` or `chapters`".to_owned(),
                        ),
                    );
                    ok = false;
                    Reach::Here
                }
                (Some(other), _) => {
                    let at = re.reach.as_ref().map_or(re_at, |r| r.span().start);
                    let msg = if matches!(other, "here" | "instrument" | "listed") {
                        format!(
                            "`reach = \"{other}\"` contradicts the effect's `provisions` or `chapters` (give `provisions`/`chapters` for named provisions, or `reach` alone)"
                        )
                    } else {
                        format!(
                            "unknown reach `{other}`; expected one of `here`, `instrument`, `listed`"
                        )
                    };
                    cx.push(at, LoadErrorKind::Invalid(msg));
                    ok = false;
                    Reach::Here
                }
            };
            let safeguards = cx.terms(&re.safeguards);
            let rights = cx.terms(&re.rights);
            let of = match re.of.as_ref().map(|o| o.get_ref().as_str()) {
                None | Some("rules") => crate::model::Target::Rules,
                Some("derogations") => crate::model::Target::Derogations,
                Some(other) => {
                    let at = re.of.as_ref().map_or(re_at, |o| o.span().start);
                    cx.push(
                        at,
                        LoadErrorKind::Invalid(format!(
                            "unknown effect target `{other}`; expected `rules` (the default) or `derogations`"
                        )),
                    );
                    ok = false;
                    crate::model::Target::Rules
                }
            };
            let evidence = match &re.quote {
                Some(quote) => q(cx, quote, &re.in_, &re.lang),
                None if reach == Reach::Here => None,
                None => {
                    cx.push(
                        re_at,
                        LoadErrorKind::Invalid(
                            "an effect that reaches beyond its own provision needs a `quote` saying what it switches off".to_owned(),
                        ),
                    );
                    ok = false;
                    None
                }
            };
            Effect {
                reach,
                of,
                safeguards,
                rights,
                evidence,
            }
        }
    };

    let covers = match &rd.covers {
        None => Covers::default(),
        Some(rc) => {
            let rc_at = rc.span().start;
            let rc = rc.get_ref();
            let mut evidence = Vec::new();
            if let Some(quote) = &rc.quote {
                evidence.extend(q(cx, quote, &rc.in_, &rc.lang));
            }
            for extra in &rc.quotes {
                let e = extra.get_ref();
                evidence.extend(q(cx, &e.quote, &e.in_, &e.lang));
            }
            if rc.quote.is_none() && rc.quotes.is_empty() {
                cx.push(
                    rc_at,
                    LoadErrorKind::Invalid(
                        "`covers` needs a `quote` (or `quotes`) with the words that say whom and what the derogation covers".to_owned(),
                    ),
                );
                ok = false;
            }
            Covers {
                actors: cx.terms(&rc.actors),
                data: cx.terms(&rc.data),
                activities: cx.terms(&rc.activities),
                purposes: cx.terms(&rc.purposes),
                evidence,
            }
        }
    };

    let rg_at = rd.grounds.span().start;
    let rg = rd.grounds.get_ref();
    let grounds_quote = |cx: &mut FileCx<'_>, q: &mut Q, ok: &mut bool| match &rg.quote {
        Some(quote) => {
            let r = q(cx, quote, &rg.in_, &rg.lang);
            *ok &= r.is_some();
            r
        }
        None => {
            cx.push(
                rg_at,
                LoadErrorKind::Invalid(
                    "stated or delegated grounds need a `quote` with the words that state or delegate them".to_owned(),
                ),
            );
            *ok = false;
            None
        }
    };
    let grounds = match rg.kind.get_ref().as_str() {
        "stated" => {
            if rg.purposes.is_empty() {
                cx.push(
                    rg_at,
                    LoadErrorKind::Invalid(
                        "`kind = \"stated\"` grounds need `purposes`; when the text states none, write `grounds = { kind = \"none\" }`".to_owned(),
                    ),
                );
                ok = false;
            }
            let purposes = cx.terms(&rg.purposes);
            grounds_quote(cx, q, &mut ok).map(|evidence| Grounds::Stated { purposes, evidence })
        }
        "none" => {
            if !rg.purposes.is_empty() || rg.to.is_some() {
                cx.push(
                    rg_at,
                    LoadErrorKind::Invalid(
                        "`kind = \"none\"` grounds take no `purposes` or `to`".to_owned(),
                    ),
                );
                ok = false;
            }
            Some(Grounds::None)
        }
        "delegated" => {
            let to: Option<Delegate> = match &rg.to {
                Some(t) => cx.term(t),
                None => {
                    cx.push(
                        rg_at,
                        LoadErrorKind::Invalid(
                            "delegated grounds need `to = \"law\"` (other laws or regulations) or `to = \"executive\"` (an order or notification)".to_owned(),
                        ),
                    );
                    None
                }
            };
            let evidence = grounds_quote(cx, q, &mut ok);
            match (to, evidence) {
                (Some(to), Some(evidence)) => Some(Grounds::Delegated { to, evidence }),
                _ => None,
            }
        }
        other => {
            cx.push(
                rg.kind.span().start,
                LoadErrorKind::Invalid(format!(
                    "unknown grounds kind `{other}`; expected one of `stated`, `none`, `delegated`"
                )),
            );
            None
        }
    };

    let safeguards = safeguards_of(cx, &rd.safeguards, &mut |cx, quote, in_, lang| {
        q(cx, quote, in_, lang)
    });
    let governed_by = match &rd.governed_by {
        None => None,
        Some(rr) => {
            let rr = rr.get_ref();
            let instrument = rr.instrument.as_ref().and_then(|i| cx.instrument_id(i));
            q(cx, &rr.quote, &rr.in_, &rr.lang).map(|evidence| Referral {
                instrument,
                evidence,
            })
        }
    };
    let _ = at;
    match (form, grounds, ev) {
        (Some(form), Some(grounds), Some(evidence)) if ok => Some(Derogation {
            form,
            effect,
            covers,
            grounds,
            safeguards,
            governed_by,
            evidence,
        }),
        _ => None,
    }
}

/// A carve-out from its own provision covers, where it says nothing else, what the
/// provision's rules cover: the union of its conduct norms' actors, data and activities (any,
/// if one of them leaves the list open).
fn inherit_covers(norms: &[Norm], derogations: &mut [Derogation]) {
    fn union<T: Copy + Ord>(lists: impl Iterator<Item = Vec<T>>) -> Vec<T> {
        let mut out = Vec::new();
        for l in lists {
            if l.is_empty() {
                return Vec::new();
            }
            out.extend(l);
        }
        out.sort();
        out.dedup();
        out
    }
    let conduct: Vec<&Norm> = norms
        .iter()
        .filter(|n| !matches!(n.kind, NormKind::Definition))
        .collect();
    if conduct.is_empty() {
        return;
    }
    for d in derogations
        .iter_mut()
        .filter(|d| d.effect.reach == Reach::Here)
    {
        if d.covers.actors.is_empty() {
            d.covers.actors = union(conduct.iter().map(|n| n.actors.clone()));
        }
        if d.covers.data.is_empty() {
            d.covers.data = union(conduct.iter().map(|n| n.data.clone()));
        }
        if d.covers.activities.is_empty() {
            d.covers.activities = union(conduct.iter().map(|n| n.activities.clone()));
        }
    }
}

/// How an effect's named provision refers to it, in "not in the corpus" messages; such a
/// reference may name a provision its instrument declares missing.
const SWITCHES_OFF: &str = "switches off";

/// The texts of a provision for the quote search (see `model::quote`), in tag order: each
/// normalised at most once, when a quote first needs it.
type Searchable<'t> = BTreeMap<Lang, Search<'t>>;

/// One text and, once a search needed it, its normalised form.
struct Search<'t> {
    text: &'t str,
    normalized: std::cell::OnceCell<NormalizedText>,
}

impl Search<'_> {
    fn find(&self, quote: &str) -> Option<usize> {
        crate::model::find_lazy(self.text, quote, &self.normalized)
    }
}

fn searchable(texts: &Texts) -> Searchable<'_> {
    texts
        .iter()
        .map(|(l, t)| {
            let normalized = std::cell::OnceCell::new();
            (
                l.clone(),
                Search {
                    text: t,
                    normalized,
                },
            )
        })
        .collect()
}

/// Checks a quote against the provision's texts and settles its language: the one given, or
/// else the first language (in tag order) whose text contains it.
fn resolve_evidence(
    cx: &mut FileCx<'_>,
    id: &str,
    texts: &Searchable<'_>,
    quote: &S<String>,
    lang: &Option<S<String>>,
) -> Option<Evidence> {
    let at = quote.span().start;
    let q = quote.get_ref();
    if q.trim().is_empty() {
        cx.push(
            at,
            LoadErrorKind::EmptyText {
                what: "quote",
                id: id.to_owned(),
            },
        );
        return None;
    }
    if texts.is_empty() {
        return None; // already reported: the provision has no usable text
    }
    match lang {
        Some(l) => {
            let lang = cx.lang(l.get_ref(), l.span().start)?;
            let Some(text) = texts.get(&lang) else {
                let have = texts
                    .keys()
                    .map(|l| format!("`{l}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                cx.push(
                    l.span().start,
                    LoadErrorKind::NoTextInLanguage {
                        id: id.to_owned(),
                        lang: lang.to_string(),
                        have,
                    },
                );
                return None;
            };
            if text.find(q).is_some() {
                Some(Evidence {
                    lang,
                    quote: q.clone(),
                })
            } else {
                cx.push(
                    at,
                    LoadErrorKind::QuoteNotFound {
                        id: id.to_owned(),
                        lang: Some(lang.to_string()),
                        quote: q.clone(),
                    },
                );
                None
            }
        }
        None => match texts.iter().find(|(_, t)| t.find(q).is_some()) {
            Some((lang, _)) => Some(Evidence {
                lang: lang.clone(),
                quote: q.clone(),
            }),
            None => {
                cx.push(
                    at,
                    LoadErrorKind::QuoteNotFound {
                        id: id.to_owned(),
                        lang: None,
                        quote: q.clone(),
                    },
                );
                None
            }
        },
    }
}

/// The validated parts of a corpus.
pub(crate) struct Loaded {
    pub jurisdictions: BTreeMap<String, Jurisdiction>,
    pub instruments: Vec<Instrument>,
}

/// Loads instrument files against a jurisdiction registry, collecting every problem.
pub(crate) fn load(
    jurisdictions: BTreeMap<String, (Jurisdiction, Location)>,
    files: &[SourceFile<'_>],
    errors: &mut Vec<LoadError>,
) -> Loaded {
    let mut located: Vec<Located> = Vec::new();
    let mut seen: HashMap<InstrumentId, Location> = HashMap::new();
    for f in files {
        let Some(l) = load_instrument(f, errors) else {
            continue;
        };
        if let Some(first) = seen.get(&l.instrument.id) {
            errors.push(LoadError::new(
                l.id_at.clone(),
                LoadErrorKind::DuplicateId {
                    what: "instrument",
                    id: l.instrument.id.to_string(),
                    first: first.clone(),
                },
            ));
            continue;
        }
        seen.insert(l.instrument.id.clone(), l.id_at.clone());
        located.push(l);
    }

    // Jurisdictions.
    for l in &located {
        let code = l.instrument.id.jurisdiction();
        if !jurisdictions.contains_key(code) {
            let suggestion = crate::model::closest_owned(code, jurisdictions.keys());
            errors.push(LoadError::new(
                l.id_at.clone(),
                LoadErrorKind::UnknownJurisdiction {
                    found: code.to_owned(),
                    suggestion,
                },
            ));
        }
    }

    // References and correspondences.
    let mut suggester = Suggester::new(&located);
    let missing_by_instrument: HashMap<&InstrumentId, &Instrument> = located
        .iter()
        .map(|l| (&l.instrument.id, &l.instrument))
        .collect();
    for l in &located {
        for (p, (_, refs)) in l.instrument.provisions.iter().zip(&l.provisions) {
            for (target, at, how) in refs {
                let declared_missing = *how == SWITCHES_OFF
                    && missing_by_instrument
                        .get(target.instrument())
                        .is_some_and(|i| i.declares_missing(target.local()));
                if !suggester.has(target) && !declared_missing {
                    errors.push(LoadError::new(
                        at.clone(),
                        LoadErrorKind::Dangling {
                            from: p.id.to_string(),
                            how,
                            to: target.to_string(),
                            suggestion: suggester.suggest(target),
                        },
                    ));
                }
            }
        }
    }

    // Version relations.
    let by_id: HashMap<&InstrumentId, &Instrument> = located
        .iter()
        .map(|l| (&l.instrument.id, &l.instrument))
        .collect();
    let inst_ids: Vec<String> = {
        let mut v: Vec<String> = by_id.keys().map(ToString::to_string).collect();
        v.sort();
        v
    };
    for l in &located {
        let i = &l.instrument;
        let rels = i
            .becomes
            .iter()
            .zip(l.becomes_at.iter())
            .map(|(t, at)| (t, at, "becomes"))
            .chain(
                i.supersedes
                    .iter()
                    .zip(&l.supersedes_at)
                    .map(|(t, at)| (t, at, "supersedes")),
            );
        for (target, at, how) in rels {
            if !by_id.contains_key(target) {
                let t = target.to_string();
                errors.push(LoadError::new(
                    at.clone(),
                    LoadErrorKind::Dangling {
                        from: i.id.to_string(),
                        how,
                        to: t.clone(),
                        suggestion: crate::model::closest_owned(&t, inst_ids.iter()),
                    },
                ));
            }
        }
    }
    // Cycles: follow "newer" edges (becomes, and the inverse of supersedes).
    let mut newer: BTreeMap<&InstrumentId, Vec<&InstrumentId>> = BTreeMap::new();
    for l in &located {
        let i = &l.instrument;
        if let Some(b) = &i.becomes {
            newer.entry(&i.id).or_default().push(b);
        }
        for s in &i.supersedes {
            newer.entry(s).or_default().push(&i.id);
        }
    }
    let id_at: HashMap<&InstrumentId, &Location> = located
        .iter()
        .map(|l| (&l.instrument.id, &l.id_at))
        .collect();
    for cycle in version_cycles(&newer) {
        let mut names: Vec<String> = cycle.iter().map(ToString::to_string).collect();
        names.extend(cycle.first().map(ToString::to_string));
        // Located at the first instrument of the cycle that the corpus holds (a cycle may pass
        // through a dangling id, already reported as such). Every edge comes from a loaded
        // instrument's own `becomes` or `supersedes`, so there is always one.
        let Some(at) = cycle.iter().find_map(|id| id_at.get(id)) else {
            continue;
        };
        errors.push(LoadError::new(
            (*at).clone(),
            LoadErrorKind::VersionCycle {
                cycle: names.join(" → "),
            },
        ));
    }

    let mut instruments: Vec<Instrument> = located.into_iter().map(|l| l.instrument).collect();
    instruments.sort_by(|a, b| a.id.cmp(&b.id));
    Loaded {
        jurisdictions: jurisdictions
            .into_iter()
            .map(|(k, (j, _))| (k, j))
            .collect(),
        instruments,
    }
}

/// How many ids, at most, one load compares with dangling references to find did-you-mean
/// suggestions. Past it, errors carry no suggestion: a file with thousands of dangling
/// references then fails in linear time instead of comparing every reference with every id.
const SUGGESTION_BUDGET: usize = 250_000;

/// Did-you-mean suggestions for dangling provision references: the closest id in the target's
/// own instrument when the corpus has that instrument, else the closest id in the corpus.
struct Suggester {
    all: Vec<String>,
    by_instrument: HashMap<InstrumentId, Vec<String>>,
    known: std::collections::HashSet<ProvisionId>,
    memo: HashMap<ProvisionId, Option<String>>,
    budget: usize,
}

impl Suggester {
    fn new(located: &[Located]) -> Suggester {
        let mut by_instrument: HashMap<InstrumentId, Vec<String>> = HashMap::new();
        let mut known = std::collections::HashSet::new();
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
    fn has(&self, id: &ProvisionId) -> bool {
        self.known.contains(id)
    }
    fn suggest(&mut self, id: &ProvisionId) -> Option<String> {
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

/// One cycle per strongly connected component of `edges` that has one, each starting at its
/// smallest id, in the order of those ids. Linear in the size of the graph (Tarjan's algorithm,
/// iterative, so a long version chain cannot overflow the stack).
fn version_cycles<'a>(
    edges: &BTreeMap<&'a InstrumentId, Vec<&'a InstrumentId>>,
) -> Vec<Vec<&'a InstrumentId>> {
    let mut nodes: Vec<&InstrumentId> = edges
        .keys()
        .copied()
        .chain(edges.values().flatten().copied())
        .collect();
    nodes.sort();
    nodes.dedup();
    let index_of: HashMap<&InstrumentId, usize> =
        nodes.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let succ: Vec<Vec<usize>> = nodes
        .iter()
        .map(|id| {
            edges
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|t| index_of.get(t).copied())
                .collect()
        })
        .collect();

    // Tarjan's strongly connected components.
    const UNSEEN: usize = usize::MAX;
    let n = nodes.len();
    let (mut index, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut component = vec![UNSEEN; n];
    let mut on_stack = vec![false; n];
    let (mut stack, mut next, mut components) = (Vec::new(), 0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = calls.last_mut() {
            let v = top.0;
            if let Some(&w) = succ[v].get(top.1) {
                top.1 += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = components;
                    if w == v {
                        break;
                    }
                }
                components += 1;
            }
        }
    }

    // For each component with a cycle, a path from its smallest node back to itself.
    let mut size = vec![0usize; components];
    for &c in &component {
        size[c] += 1;
    }
    let mut done = vec![false; components];
    let mut cycles = Vec::new();
    // `nodes` is sorted, so the first node met of each component is its smallest.
    for start in 0..n {
        let c = component[start];
        if done[c] {
            continue;
        }
        done[c] = true;
        if size[c] == 1 && !succ[start].contains(&start) {
            continue;
        }
        let mut visited = vec![false; n];
        visited[start] = true;
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        let mut found = false;
        while let Some(top) = path.last_mut() {
            let v = top.0;
            let Some(&w) = succ[v].get(top.1) else {
                path.pop();
                continue;
            };
            top.1 += 1;
            if w == start {
                found = true;
                break;
            }
            if component[w] == c && !visited[w] {
                visited[w] = true;
                path.push((w, 0));
            }
        }
        if found {
            cycles.push(path.iter().map(|&(v, _)| nodes[v]).collect());
        }
    }
    cycles
}
