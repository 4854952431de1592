//! Provisions: each `[[provision]]` of an instrument file converted, with its id, labels,
//! texts, references, norms (and their safeguards) and derogations.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Ref;
use super::derogation::{derogation_of, inherit_covers};
use super::quote::{Quotes, searchable};
use super::values::FileCx;
use crate::corpus::raw::{self, S};
use crate::error::{LoadErrorKind, Location};
use crate::model::{
    Correspondence, InstrumentId, Lang, Norm, NormKind, Provision, ProvisionId, Safeguard, Term,
    Texts, article_number_of_label,
};

/// The provisions of one file, in file order, each with its id's location and its references.
/// A provision whose id is invalid or already given is left out.
pub(super) fn provisions_of(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    raw: Vec<S<raw::RawProvision>>,
    provided: &BTreeSet<Lang>,
    file_texts: &HashMap<String, Texts>,
) -> (Vec<Provision>, Vec<(Location, Vec<Ref>)>) {
    // Sized from the file (exact when it is valid) rather than grown by doubling: a vector
    // grown one push at a time keeps up to half its capacity unused, for the whole life of
    // the corpus (on 50,000 provisions, tens of megabytes).
    let mut provisions = Vec::with_capacity(raw.len());
    let mut provision_locs = Vec::with_capacity(raw.len());
    let mut seen: HashMap<ProvisionId, Location> = HashMap::new();
    for rp in raw {
        let rp_span = rp.span();
        let rp = rp.into_inner();
        let Some((pid, pid_at)) = provision_id(cx, own, &rp, &mut seen) else {
            continue;
        };
        let (provision, refs) = provision_of(cx, own, pid, rp, rp_span.start, provided, file_texts);
        provision_locs.push((pid_at, refs));
        provisions.push(provision);
    }
    (provisions, provision_locs)
}

/// A provision's id and its location, unless it is invalid or was given before (`seen`).
fn provision_id(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    rp: &raw::RawProvision,
    seen: &mut HashMap<ProvisionId, Location>,
) -> Option<(ProvisionId, Location)> {
    let pid = cx.provision_def(own, &rp.id)?;
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
        return None;
    }
    seen.insert(pid.clone(), pid_at.clone());
    Some((pid, pid_at))
}

/// One provision, starting at `rp_at`, and the references it makes (citations,
/// correspondences, provisions its derogations switch off).
fn provision_of(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    pid: ProvisionId,
    rp: raw::RawProvision,
    rp_at: usize,
    provided: &BTreeSet<Lang>,
    file_texts: &HashMap<String, Texts>,
) -> (Provision, Vec<Ref>) {
    let sid = pid.to_string();
    let label = labels_of(cx, &rp, &sid, provided);
    let heading = cx.texts(&rp.heading, "heading", &sid);
    let (chapter, chapters) = chapters_of(cx, rp.chapter.as_ref(), &sid, provided);
    let texts = texts_of(cx, &rp, rp_at, &sid, provided);
    check_article_id(cx, &pid, &rp, &sid);
    check_label_numbers(cx, &pid, &rp, &sid);
    let (mut refs, references, correspondences) = references_of(cx, own, &rp);

    let prov_texts = &searchable(&texts);
    let q = Quotes {
        own,
        sid: &sid,
        texts: prov_texts,
        file_texts,
    };
    let mut norms: Vec<Norm> = Vec::with_capacity(rp.norm.len());
    norms.extend(rp.norm.iter().filter_map(|rn| norm_of(cx, &q, rn)));
    let mut derogations = Vec::with_capacity(rp.derogation.len());
    for rd in &rp.derogation {
        if let Some(d) = derogation_of(cx, &q, rd, &mut refs) {
            derogations.push(d);
        }
    }
    inherit_covers(&norms, &mut derogations);
    let provision = Provision {
        id: pid,
        label,
        heading,
        chapter,
        chapters,
        text: texts,
        references,
        correspondences,
        norms,
        derogations,
    };
    (provision, refs)
}

/// A provision's chapter path: `chapter = ["Chapter II …", "Section 1 …"]`, or by language,
/// `chapter.zh = [...]` and `chapter.en = [...]` (each a language the instrument has
/// provenance for). The list form is the model's one path (`Provision::chapter`); for the
/// by-language form the instrument's loader picks it, once the authentic language is known.
fn chapters_of(
    cx: &mut FileCx<'_>,
    raw: Option<&toml::Spanned<toml::Value>>,
    sid: &str,
    provided: &BTreeSet<Lang>,
) -> (Vec<String>, BTreeMap<Lang, Vec<String>>) {
    let Some(raw) = raw else {
        return (Vec::new(), BTreeMap::new());
    };
    let at = raw.span().start;
    let list = |v: &toml::Value| -> Option<Vec<String>> {
        v.as_array()?
            .iter()
            .map(|x| x.as_str().map(str::to_owned))
            .collect()
    };
    if let Some(l) = list(raw.get_ref()) {
        return (l, BTreeMap::new());
    }
    let bad = |cx: &mut FileCx<'_>| {
        cx.push(
            at,
            LoadErrorKind::Invalid(format!(
                "`chapter` of `{sid}` must be a list of strings (`chapter = [\"Chapter II …\"]`) \
                 or one list per language (`chapter.en = [...]`)"
            )),
        );
        (Vec::new(), BTreeMap::new())
    };
    let Some(table) = raw.get_ref().as_table() else {
        return bad(cx);
    };
    let mut by_lang = BTreeMap::new();
    for (k, v) in table {
        let Some(lang) = cx.lang(k, at) else { continue };
        let Some(l) = list(v) else { return bad(cx) };
        if !provided.contains(&lang) {
            cx.push(
                at,
                LoadErrorKind::Invalid(format!(
                    "`chapter.{lang}` of `{sid}`: the instrument has no provenance for `{lang}`"
                )),
            );
            continue;
        }
        by_lang.insert(lang, l);
    }
    (Vec::new(), by_lang)
}

/// A provision's labels: at least one, each in a language the instrument has provenance for.
fn labels_of(
    cx: &mut FileCx<'_>,
    rp: &raw::RawProvision,
    sid: &str,
    provided: &BTreeSet<Lang>,
) -> Texts {
    let label = cx.texts(&rp.label, "label", sid);
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
                        id: sid.to_owned(),
                        lang: lang.to_string(),
                    },
                );
            }
        }
    }
    label
}

/// A provision's texts: at least one, each in a language the instrument has provenance for.
fn texts_of(
    cx: &mut FileCx<'_>,
    rp: &raw::RawProvision,
    rp_at: usize,
    sid: &str,
    provided: &BTreeSet<Lang>,
) -> Texts {
    let texts = cx.texts(&rp.text, "text", sid);
    if rp.text.is_empty() {
        cx.push(rp_at, LoadErrorKind::NoText { id: sid.to_owned() });
    }
    for lang in texts.keys() {
        if !provided.contains(lang) {
            let at = rp
                .text
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(lang.as_str()))
                .map_or(rp_at, |(_, v)| v.span().start);
            cx.push(
                at,
                LoadErrorKind::NoProvenance {
                    id: sid.to_owned(),
                    lang: lang.to_string(),
                },
            );
        }
    }
    texts
}

/// The shape of an article id, and the labels of an inserted article.
fn check_article_id(cx: &mut FileCx<'_>, pid: &ProvisionId, rp: &raw::RawProvision, sid: &str) {
    // Article ids are `art-N`, or `art-Na` for an inserted article; `art--13`, `art.13`
    // or `art-13x2` would escape the check of the label's number.
    let local = pid.local();
    if !local.starts_with("art") || local.starts_with("article") {
        return;
    }
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
            check_inserted_labels(cx, rp, n, suffix, sid);
        }
        _ => {}
    }
}

/// An inserted article: its label names the number and the letter.
fn check_inserted_labels(
    cx: &mut FileCx<'_>,
    rp: &raw::RawProvision,
    n: u32,
    suffix: &str,
    sid: &str,
) {
    for (tag, l) in &rp.label {
        let text = l.get_ref().trim();
        let ok = if tag.starts_with("zh") {
            // 第十二条之一: the number is the part up to 条.
            text.find('条')
                .and_then(|i| article_number_of_label(&text[..i + '条'.len_utf8()]))
                == Some(n)
        } else {
            let t = text.to_ascii_lowercase();
            let rest = t
                .strip_prefix("article")
                .or_else(|| t.strip_prefix("art."))
                .unwrap_or(&t)
                .trim();
            rest == format!("{n}{suffix}") || inserted_mark(rest, n, suffix)
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

/// The other ways labels print an inserted article `art-Na`: `12-1` (the k-th inserted, `a`
/// being the first) and `12 bis`, `12ter`, ... (the Latin ordinals, `bis` being `a`).
fn inserted_mark(rest: &str, n: u32, suffix: &str) -> bool {
    let &[letter] = suffix.as_bytes() else {
        return false;
    };
    let k = usize::from(letter - b'a') + 1;
    let Some(after) = rest.strip_prefix(&n.to_string()) else {
        return false;
    };
    after.strip_prefix('-') == Some(&k.to_string())
        || crate::model::numeral::LATIN_ORDINALS.get(k - 1) == Some(&after.trim_start())
}

/// The number an article's labels give must be the one its id gives.
fn check_label_numbers(cx: &mut FileCx<'_>, pid: &ProvisionId, rp: &raw::RawProvision, sid: &str) {
    let Some(expected) = pid.article_number() else {
        return;
    };
    for (tag, l) in &rp.label {
        if let Some(found) = article_number_of_label(l.get_ref()) {
            if found != expected {
                cx.push(
                    l.span().start,
                    LoadErrorKind::LabelMismatch {
                        id: sid.to_owned(),
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

/// A provision's citations and correspondences, and each as a reference to check across files.
fn references_of(
    cx: &mut FileCx<'_>,
    own: &InstrumentId,
    rp: &raw::RawProvision,
) -> (Vec<Ref>, Vec<ProvisionId>, Vec<Correspondence>) {
    let mut refs = Vec::with_capacity(rp.references.len() + rp.correspondences.len());
    let mut references = Vec::with_capacity(rp.references.len());
    for r in &rp.references {
        if let Some(t) = cx.provision_ref(own, r) {
            refs.push((t.clone(), cx.loc(r.span().start), "cites"));
            references.push(t);
        }
    }
    let mut correspondences = Vec::with_capacity(rp.correspondences.len());
    for c in &rp.correspondences {
        let c = c.get_ref();
        let target = cx.provision_ref(own, &c.target);
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
    (refs, references, correspondences)
}

/// A `[[provision.norm]]`: its kind (no longer `exception`, nor with `exceptions`), terms,
/// scope, quote and safeguards.
fn norm_of(cx: &mut FileCx<'_>, q: &Quotes<'_>, rn: &S<raw::RawNorm>) -> Option<Norm> {
    let rn = rn.get_ref();
    if let Some(old) = &rn.exceptions {
        cx.push(
            old.span().start,
            LoadErrorKind::SchemaV1 {
                id: q.sid.to_owned(),
                norm_kind: false,
            },
        );
    }
    let kind: Option<NormKind> = cx.term(&rn.kind);
    if kind == Some(NormKind::Exception) {
        cx.push(
            rn.kind.span().start,
            LoadErrorKind::SchemaV1 {
                id: q.sid.to_owned(),
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
    let ev = q.here(cx, &rn.quote, &rn.lang);
    let safeguards = safeguards_of(cx, q, &rn.safeguards);
    let (kind, ev) = kind.zip(ev)?;
    Some(Norm {
        kind,
        actors,
        data,
        activities,
        purposes,
        safeguards,
        scope,
        evidence: ev,
    })
}

/// The safeguards of a norm or a derogation: each element of its own kind, each quote checked.
pub(super) fn safeguards_of(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    raw: &[S<raw::RawSafeguard>],
) -> Vec<Safeguard> {
    let mut out = Vec::with_capacity(raw.len());
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
        let ev = q.quoted(cx, &rs.quote, &rs.in_, &rs.lang);
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
