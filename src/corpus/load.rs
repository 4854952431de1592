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
    Correspondence, Date, Evidence, Exception, Identifiers, Instrument, InstrumentId, Jurisdiction,
    Lang, Norm, Provenance, Provision, ProvisionId, Safeguard, Term, Texts,
    article_number_of_label, quote_in_text,
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

/// Where things were defined, for cross-file checks.
struct Located {
    instrument: Instrument,
    id_at: Location,
    becomes_at: Option<Location>,
    supersedes_at: Vec<Location>,
    /// Per provision: its id's location, then (target, location, how) for each reference.
    provisions: Vec<(Location, Vec<(ProvisionId, Location, &'static str)>)>,
}

struct FileCx<'a> {
    origin: &'a str,
    text: &'a str,
    errors: &'a mut Vec<LoadError>,
}

impl FileCx<'_> {
    fn loc(&self, offset: usize) -> Location {
        Location::at_offset(self.origin, self.text, offset)
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
    fn terms<T: Term>(&mut self, v: &[S<String>]) -> Vec<T> {
        v.iter().filter_map(|s| self.term(s)).collect()
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
    fn texts(&mut self, map: &BTreeMap<String, S<String>>, what: &'static str, id: &str) -> Texts {
        let mut out = Texts::new();
        for (k, v) in map {
            let at = v.span().start;
            if v.get_ref().trim().is_empty() {
                self.push(
                    at,
                    LoadErrorKind::EmptyText {
                        what,
                        id: id.to_owned(),
                    },
                );
                continue;
            }
            if let Some(l) = self.lang(k, at) {
                out.insert(l, v.get_ref().clone());
            }
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

/// Parses `jurisdictions.toml`.
pub(crate) fn load_jurisdictions(
    origin: &str,
    bytes: &[u8],
    errors: &mut Vec<LoadError>,
) -> BTreeMap<String, (Jurisdiction, Location)> {
    let mut out: BTreeMap<String, (Jurisdiction, Location)> = BTreeMap::new();
    let Some((text, raw)) = parse_file::<raw::RawJurisdictions>(origin, bytes, errors) else {
        return out;
    };
    for j in raw.jurisdiction {
        let j = j.into_inner();
        let code = j.code.get_ref().to_ascii_lowercase();
        let loc = Location::at_offset(origin, text, j.code.span().start);
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
        let parent = j.parent.map(|p| p.into_inner().to_ascii_lowercase());
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

/// Converts one instrument file, collecting every problem it has on its own.
fn load_instrument(file: &SourceFile<'_>, errors: &mut Vec<LoadError>) -> Option<Located> {
    let (text, raw) = parse_file::<raw::RawFile>(&file.origin, file.bytes, errors)?;
    let mut cx = FileCx {
        origin: &file.origin,
        text,
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
    let kind = cx.term(&ri.kind);
    let status = cx.term(&ri.status);
    let published = cx.date(&ri.published);
    let adopted = cx.date(&ri.adopted);
    let in_force = cx.date(&ri.in_force);
    let repealed = cx.date(&ri.repealed);
    let becomes = ri.becomes.as_ref().and_then(|b| cx.instrument_id(b));
    let becomes_at = ri.becomes.as_ref().map(|b| cx.loc(b.span().start));
    let mut supersedes = Vec::new();
    let mut supersedes_at = Vec::new();
    for s in &ri.supersedes {
        if let Some(i) = cx.instrument_id(s) {
            supersedes.push(i);
            supersedes_at.push(cx.loc(s.span().start));
        }
    }
    let mut languages = BTreeMap::new();
    for (tag, prov) in &ri.languages {
        let at = prov.span().start;
        let p = prov.get_ref();
        let lang = cx.lang(tag, at);
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

    let mut provisions = Vec::new();
    let mut provision_locs = Vec::new();
    let mut seen: HashMap<ProvisionId, Location> = HashMap::new();
    for rp in raw.provision {
        let rp_span = rp.span();
        let rp = rp.into_inner();
        let Some(pid) = cx.provision_ref(&id, &rp.id) else {
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
        let heading = cx.texts(&rp.heading, "heading", &sid);
        let texts = cx.texts(&rp.text, "text", &sid);
        if rp.text.is_empty() {
            cx.push(rp_span.start, LoadErrorKind::NoText { id: sid.clone() });
        }
        for (lang, _) in &texts {
            if !languages.contains_key(lang) && !ri.languages.is_empty() {
                let at = rp
                    .text
                    .get(lang.as_str())
                    .map_or(rp_span.start, |v| v.span().start);
                cx.push(
                    at,
                    LoadErrorKind::NoProvenance {
                        id: sid.clone(),
                        lang: lang.to_string(),
                    },
                );
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

        let prov_texts = &texts;
        let mut evidence = |cx: &mut FileCx<'_>, quote: &S<String>, lang: &Option<S<String>>| {
            resolve_evidence(cx, &sid, prov_texts, quote, lang)
        };
        let mut norms = Vec::new();
        for rn in &rp.norm {
            let rn = rn.get_ref();
            let kind = cx.term(&rn.kind);
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
            let safeguards = safeguards_of(&mut cx, &rn.safeguards, &mut evidence);
            let mut exceptions = Vec::new();
            for re in &rn.exceptions {
                let re = re.get_ref();
                let grounds = cx.terms(&re.grounds);
                let actors = cx.terms(&re.actors);
                let sg = safeguards_of(&mut cx, &re.safeguards, &mut evidence);
                if let Some(ev) = evidence(&mut cx, &re.quote, &re.lang) {
                    exceptions.push(Exception {
                        grounds,
                        actors,
                        safeguards: sg,
                        evidence: ev,
                    });
                }
            }
            if let (Some(kind), Some(ev)) = (kind, ev) {
                norms.push(Norm {
                    kind,
                    actors,
                    data,
                    activities,
                    purposes,
                    safeguards,
                    exceptions,
                    scope,
                    evidence: ev,
                });
            }
        }
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
        });
    }

    let (kind, status) = (kind?, status?);
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
            identifiers: Identifiers {
                eli: ri.identifiers.eli,
                celex: ri.identifiers.celex,
                citation: ri.identifiers.citation,
            },
            becomes,
            supersedes,
            languages,
            coverage: ri.coverage,
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
    F: FnMut(&mut FileCx<'_>, &S<String>, &Option<S<String>>) -> Option<Evidence>,
{
    let mut out = Vec::new();
    for rs in raw {
        let rs = rs.get_ref();
        let kind = cx.term(&rs.kind);
        let elements = cx.terms(&rs.elements);
        let ev = evidence(cx, &rs.quote, &rs.lang);
        if let (Some(kind), Some(evidence)) = (kind, ev) {
            out.push(Safeguard {
                kind,
                elements,
                evidence,
            });
        }
    }
    out
}

/// Checks a quote against the provision's texts and settles its language: the one given, or
/// else the first language (in tag order) whose text contains it.
fn resolve_evidence(
    cx: &mut FileCx<'_>,
    id: &str,
    texts: &Texts,
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
            if quote_in_text(q, text) {
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
        None => match texts.iter().find(|(_, t)| quote_in_text(q, t)) {
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
    let all: HashMap<ProvisionId, ()> = located
        .iter()
        .flat_map(|l| l.instrument.provisions.iter().map(|p| (p.id.clone(), ())))
        .collect();
    let all_ids: Vec<String> = {
        let mut v: Vec<String> = all.keys().map(ToString::to_string).collect();
        v.sort();
        v
    };
    for l in &located {
        for (p, (_, refs)) in l.instrument.provisions.iter().zip(&l.provisions) {
            for (target, at, how) in refs {
                if !all.contains_key(target) {
                    let t = target.to_string();
                    errors.push(LoadError::new(
                        at.clone(),
                        LoadErrorKind::Dangling {
                            from: p.id.to_string(),
                            how,
                            to: t.clone(),
                            suggestion: crate::model::closest_owned(&t, all_ids.iter()),
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
    let mut reported: std::collections::BTreeSet<Vec<&InstrumentId>> = Default::default();
    for start in newer.keys() {
        if let Some(mut cycle) = find_cycle(start, &newer) {
            // Report each cycle once, rotated to start at its smallest id.
            let min = cycle
                .iter()
                .enumerate()
                .min_by_key(|(_, id)| **id)
                .map_or(0, |(i, _)| i);
            cycle.rotate_left(min);
            if reported.insert(cycle.clone()) {
                let mut names: Vec<String> = cycle.iter().map(ToString::to_string).collect();
                names.push(cycle[0].to_string());
                let at = id_at
                    .get(cycle[0])
                    .map_or_else(|| Location::new("", 1, 1), |l| (*l).clone());
                errors.push(LoadError::new(
                    at,
                    LoadErrorKind::VersionCycle {
                        cycle: names.join(" → "),
                    },
                ));
            }
        }
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

/// A cycle through `start` along `edges`, if there is one.
fn find_cycle<'a>(
    start: &'a InstrumentId,
    edges: &BTreeMap<&'a InstrumentId, Vec<&'a InstrumentId>>,
) -> Option<Vec<&'a InstrumentId>> {
    fn walk<'a>(
        node: &'a InstrumentId,
        start: &'a InstrumentId,
        edges: &BTreeMap<&'a InstrumentId, Vec<&'a InstrumentId>>,
        path: &mut Vec<&'a InstrumentId>,
    ) -> bool {
        for &next in edges.get(node).into_iter().flatten() {
            if next == start {
                return true;
            }
            if path.contains(&next) {
                continue;
            }
            path.push(next);
            if walk(next, start, edges, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = vec![start];
    walk(start, start, edges, &mut path).then_some(path)
}
