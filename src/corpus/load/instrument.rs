//! One instrument file: its header (id, titles, kind, status, dates, missing ranges, version
//! relations), its languages and their provenance, then its provisions, into a [`Located`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::provision::provisions_of;
use super::span::{LineIndex, parse_file};
use super::values::FileCx;
use super::{Located, Ref, SourceFile};
use crate::corpus::raw::{self, S};
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{
    Date, Identifiers, Instrument, InstrumentId, InstrumentKind, Lang, MissingRange, Provenance,
    Provision, Status, Texts,
};

/// Converts one instrument file, collecting every problem it has on its own.
pub(super) fn load_instrument(
    file: &SourceFile<'_>,
    errors: &mut Vec<LoadError>,
) -> Option<Located> {
    let (text, raw) = parse_file::<raw::RawFile>(&file.origin, &file.bytes, errors)?;
    let mut cx = FileCx {
        lines: LineIndex::new(&file.origin, text),
        errors,
    };
    let ri = raw.instrument.into_inner();
    let header = header_of(&mut cx, file, &ri)?;
    let (languages, provided) = languages_of(&mut cx, &header.id, &ri);
    let file_texts = file_texts(&raw.provision);
    let (mut provisions, provision_locs) =
        provisions_of(&mut cx, &header.id, raw.provision, &provided, &file_texts);
    // A chapter path given by language: the model's one path is the authentic language's,
    // else the first in tag order.
    let authentic = languages
        .iter()
        .find(|(_, p)| p.legal_value == crate::model::LegalValue::Authentic)
        .map(|(l, _)| l);
    for p in provisions.iter_mut().filter(|p| !p.chapters.is_empty()) {
        let path = authentic.and_then(|l| p.chapters.get(l));
        p.chapter = path
            .or_else(|| p.chapters.values().next())
            .cloned()
            .unwrap_or_default();
    }
    check_not_missing(&mut cx, &header.missing, &provisions, &provision_locs);
    Some(located(header, ri, languages, provisions, provision_locs))
}

/// An instrument's own fields, as far as they are valid, before its languages and provisions.
struct Header {
    id: InstrumentId,
    id_at: Location,
    title: Texts,
    cite_as: Texts,
    kind: Option<InstrumentKind>,
    status: Option<Status>,
    dates: Dates,
    missing: Vec<MissingRange>,
    becomes: Option<InstrumentId>,
    becomes_at: Option<Location>,
    supersedes: Vec<InstrumentId>,
    supersedes_at: Vec<Location>,
}

/// An instrument's dates, each if given and valid.
struct Dates {
    published: Option<Date>,
    adopted: Option<Date>,
    in_force: Option<Date>,
    repealed: Option<Date>,
    applies_from: Option<Date>,
}

/// The header of an instrument file; `None` when its id is invalid.
fn header_of(
    cx: &mut FileCx<'_>,
    file: &SourceFile<'_>,
    ri: &raw::RawInstrument,
) -> Option<Header> {
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
    let title = titles_of(cx, ri, &id);
    let cite_as = cx.texts(&ri.cite_as, "cite-as", &id.to_string());
    let kind = cx.term(&ri.kind);
    let status = cx.term(&ri.status);
    let dates = Dates {
        published: cx.date(&ri.published),
        adopted: cx.date(&ri.adopted),
        in_force: cx.date(&ri.in_force),
        repealed: cx.date(&ri.repealed),
        applies_from: cx.date(&ri.applies_from),
    };
    let missing = missing_of(cx, ri);
    let becomes = ri.becomes.as_ref().and_then(|b| cx.instrument_id(b));
    let becomes_at = ri.becomes.as_ref().map(|b| cx.loc(b.span().start));
    let (supersedes, supersedes_at) = supersedes_of(cx, ri);
    check_dates(cx, ri, &id, &dates, &status);
    Some(Header {
        id,
        id_at,
        title,
        cite_as,
        kind,
        status,
        dates,
        missing,
        becomes,
        becomes_at,
        supersedes,
        supersedes_at,
    })
}

/// The title (at least one language) and the short title (not empty).
fn titles_of(cx: &mut FileCx<'_>, ri: &raw::RawInstrument, id: &InstrumentId) -> Texts {
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
    title
}

/// The ranges of provisions the instrument declares missing.
fn missing_of(cx: &mut FileCx<'_>, ri: &raw::RawInstrument) -> Vec<MissingRange> {
    let mut missing: Vec<MissingRange> = Vec::new();
    for m in &ri.missing {
        match m.get_ref().parse::<MissingRange>() {
            Ok(r) => missing.push(r),
            Err(e) => cx.push(m.span().start, LoadErrorKind::Invalid(e)),
        }
    }
    missing
}

/// The instruments this one supersedes, each once, with their locations.
fn supersedes_of(
    cx: &mut FileCx<'_>,
    ri: &raw::RawInstrument,
) -> (Vec<InstrumentId>, Vec<Location>) {
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
    (supersedes, supersedes_at)
}

/// Dates that contradict each other or the status.
fn check_dates(
    cx: &mut FileCx<'_>,
    ri: &raw::RawInstrument,
    id: &InstrumentId,
    dates: &Dates,
    status: &Option<Status>,
) {
    let dated = |name: &'static str, d: Option<Date>, v: &Option<S<toml::Value>>| {
        d.zip(v.as_ref().map(|v| v.span().start))
            .map(|(d, at)| (name, d, at))
    };
    let order = [
        dated("adopted", dates.adopted, &ri.adopted),
        dated("published", dates.published, &ri.published),
        dated("in-force", dates.in_force, &ri.in_force),
        dated("applies-from", dates.applies_from, &ri.applies_from),
        dated("repealed", dates.repealed, &ri.repealed),
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
    if let (Some(status), Some((_, d, at))) = (status, order[4]) {
        if matches!(status, Status::InForce | Status::Draft | Status::Adopted) {
            cx.push(
                at,
                LoadErrorKind::Invalid(format!(
                    "`{id}` has status `{status}` but a `repealed` date {d}; write `status = \"repealed\"` (or `superseded`)"
                )),
            );
        }
    }
}

/// The provenance of each language, and every language the `languages` table names, even where
/// its entry has other problems (so that its texts are not also reported as lacking
/// provenance).
fn languages_of(
    cx: &mut FileCx<'_>,
    id: &InstrumentId,
    ri: &raw::RawInstrument,
) -> (BTreeMap<Lang, Provenance>, BTreeSet<Lang>) {
    let mut languages = BTreeMap::new();
    let mut provided = BTreeSet::new();
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
    (languages, provided)
}

/// The texts of every provision of the file, by local id, for quotes that stand in another
/// provision of the same instrument (`in = "art-4"`).
fn file_texts(provisions: &[S<raw::RawProvision>]) -> HashMap<String, Texts> {
    provisions
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
        .collect()
}

/// Reports each provision the file holds that its `missing` declares missing.
fn check_not_missing(
    cx: &mut FileCx<'_>,
    missing: &[MissingRange],
    provisions: &[Provision],
    provision_locs: &[(Location, Vec<Ref>)],
) {
    for (p, (at, _)) in provisions.iter().zip(provision_locs) {
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
}

/// The instrument, assembled, with where its parts were defined.
fn located(
    header: Header,
    ri: raw::RawInstrument,
    languages: BTreeMap<Lang, Provenance>,
    provisions: Vec<Provision>,
    provision_locs: Vec<(Location, Vec<Ref>)>,
) -> Located {
    // An unknown kind or status is already reported; carry on with a stand-in so that the
    // cross-file checks (references, versions) still report this file's other problems. The
    // corpus will not load either way.
    let kind = header.kind.unwrap_or(InstrumentKind::Statute);
    let status = header.status.unwrap_or(Status::InForce);
    let Dates {
        published,
        adopted,
        in_force,
        repealed,
        applies_from,
    } = header.dates;
    Located {
        instrument: Instrument {
            id: header.id,
            title: header.title,
            short_title: ri.short_title.into_inner(),
            cite_as: header.cite_as,
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
            becomes: header.becomes,
            supersedes: header.supersedes,
            languages,
            coverage: ri.coverage,
            missing: header.missing,
            provisions,
        },
        id_at: header.id_at,
        becomes_at: header.becomes_at,
        supersedes_at: header.supersedes_at,
        provisions: provision_locs,
    }
}
