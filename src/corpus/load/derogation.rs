//! Derogations: each `[[provision.derogation]]` converted (form, effect, coverage, grounds,
//! safeguards, referral), and what a carve-out inherits from its provision's norms.

use super::provision::safeguards_of;
use super::quote::Quotes;
use super::values::FileCx;
use super::{Ref, SWITCHES_OFF};
use crate::corpus::raw::{self, S};
use crate::error::LoadErrorKind;
use crate::model::{
    Covers, Delegate, Derogation, Effect, Grounds, Norm, NormKind, Quoted, Reach, Referral, Target,
};

/// A `[[provision.derogation]]` entry: its form, effect, coverage, grounds, conditions and
/// referral, each quote checked. Named provisions go into `refs`, to be checked across files.
pub(super) fn derogation_of(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    rd: &S<raw::RawDerogation>,
    refs: &mut Vec<Ref>,
) -> Option<Derogation> {
    let rd = rd.get_ref();
    let form = cx.term(&rd.form);
    let ev = q.quoted(cx, &rd.quote, &None, &rd.lang).map(|q| q.evidence);
    let mut ok = true;
    let effect = match &rd.effect {
        None => Effect::here(),
        Some(re) => effect_of(cx, q, re, refs, &mut ok),
    };
    let covers = match &rd.covers {
        None => Covers::default(),
        Some(rc) => covers_of(cx, q, rc, &mut ok),
    };
    let grounds = grounds_of(cx, q, &rd.grounds, &mut ok);
    let safeguards = safeguards_of(cx, q, &rd.safeguards);
    let governed_by = rd
        .governed_by
        .as_ref()
        .and_then(|rr| referral_of(cx, q, rr));
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

/// A derogation's `effect`: its reach, what it switches off (rules or derogations), which
/// safeguards and rights, and the quote that says so. Clears `ok` on a contradiction.
fn effect_of(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    re: &S<raw::RawEffect>,
    refs: &mut Vec<Ref>,
    ok: &mut bool,
) -> Effect {
    let re_at = re.span().start;
    let re = re.get_ref();
    let reach = reach_of(cx, q, re, re_at, refs, ok);
    let safeguards = cx.terms(&re.safeguards);
    let rights = cx.terms(&re.rights);
    let of = match re.of.as_ref().map(|o| o.get_ref().as_str()) {
        None | Some("rules") => Target::Rules,
        Some("derogations") => Target::Derogations,
        Some(other) => {
            let at = re.of.as_ref().map_or(re_at, |o| o.span().start);
            cx.push(
                at,
                LoadErrorKind::Invalid(format!(
                    "unknown effect target `{other}`; expected `rules` (the default) or `derogations`"
                )),
            );
            *ok = false;
            Target::Rules
        }
    };
    let evidence = match &re.quote {
        Some(quote) => q.quoted(cx, quote, &re.in_, &re.lang),
        None if reach == Reach::Here => None,
        None => {
            cx.push(
                re_at,
                LoadErrorKind::Invalid(
                    "an effect that reaches beyond its own provision needs a `quote` saying what it switches off".to_owned(),
                ),
            );
            *ok = false;
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

/// How far an effect reaches: its own provision, its instrument, or the provisions and
/// chapters it lists (each provision pushed to `refs` as one it switches off).
fn reach_of(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    re: &raw::RawEffect,
    re_at: usize,
    refs: &mut Vec<Ref>,
    ok: &mut bool,
) -> Reach {
    let listed = !re.provisions.is_empty() || !re.chapters.is_empty();
    match (re.reach.as_ref().map(|r| r.get_ref().as_str()), listed) {
        (None | Some("listed"), true) => {
            let mut provisions = Vec::new();
            for p in &re.provisions {
                if let Some(pid) = cx.provision_ref(q.own, p) {
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
            *ok = false;
            Reach::Here
        }
        (Some(other), _) => {
            let at = re.reach.as_ref().map_or(re_at, |r| r.span().start);
            let msg = if matches!(other, "here" | "instrument" | "listed") {
                format!(
                    "`reach = \"{other}\"` contradicts the effect's `provisions` or `chapters` (give `provisions`/`chapters` for named provisions, or `reach` alone)"
                )
            } else {
                format!("unknown reach `{other}`; expected one of `here`, `instrument`, `listed`")
            };
            cx.push(at, LoadErrorKind::Invalid(msg));
            *ok = false;
            Reach::Here
        }
    }
}

/// A derogation's `covers`: whom and what it covers, with the quotes that say so (at least
/// one; clears `ok` without).
fn covers_of(cx: &mut FileCx<'_>, q: &Quotes<'_>, rc: &S<raw::RawCovers>, ok: &mut bool) -> Covers {
    let rc_at = rc.span().start;
    let rc = rc.get_ref();
    let mut evidence = Vec::new();
    if let Some(quote) = &rc.quote {
        evidence.extend(q.quoted(cx, quote, &rc.in_, &rc.lang));
    }
    for extra in &rc.quotes {
        let e = extra.get_ref();
        evidence.extend(q.quoted(cx, &e.quote, &e.in_, &e.lang));
    }
    if rc.quote.is_none() && rc.quotes.is_empty() {
        cx.push(
            rc_at,
            LoadErrorKind::Invalid(
                "`covers` needs a `quote` (or `quotes`) with the words that say whom and what the derogation covers".to_owned(),
            ),
        );
        *ok = false;
    }
    Covers {
        actors: cx.terms(&rc.actors),
        data: cx.terms(&rc.data),
        activities: cx.terms(&rc.activities),
        purposes: cx.terms(&rc.purposes),
        evidence,
    }
}

/// A derogation's `grounds`: stated (with purposes), none, or delegated (to law or to the
/// executive), each but `none` with its quote.
fn grounds_of(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    rg: &S<raw::RawGrounds>,
    ok: &mut bool,
) -> Option<Grounds> {
    let rg_at = rg.span().start;
    let rg = rg.get_ref();
    match rg.kind.get_ref().as_str() {
        "stated" => {
            if rg.purposes.is_empty() {
                cx.push(
                    rg_at,
                    LoadErrorKind::Invalid(
                        "`kind = \"stated\"` grounds need `purposes`; when the text states none, write `grounds = { kind = \"none\" }`".to_owned(),
                    ),
                );
                *ok = false;
            }
            let purposes = cx.terms(&rg.purposes);
            grounds_quote(cx, q, rg, rg_at, ok)
                .map(|evidence| Grounds::Stated { purposes, evidence })
        }
        "none" => {
            if !rg.purposes.is_empty() || rg.to.is_some() {
                cx.push(
                    rg_at,
                    LoadErrorKind::Invalid(
                        "`kind = \"none\"` grounds take no `purposes` or `to`".to_owned(),
                    ),
                );
                *ok = false;
            }
            Some(Grounds::None)
        }
        "delegated" => delegated(cx, q, rg, rg_at, ok),
        other => {
            cx.push(
                rg.kind.span().start,
                LoadErrorKind::Invalid(format!(
                    "unknown grounds kind `{other}`; expected one of `stated`, `none`, `delegated`"
                )),
            );
            None
        }
    }
}

/// Delegated grounds: to whom (`to`), and the quote that delegates.
fn delegated(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    rg: &raw::RawGrounds,
    rg_at: usize,
    ok: &mut bool,
) -> Option<Grounds> {
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
    let evidence = grounds_quote(cx, q, rg, rg_at, ok);
    match (to, evidence) {
        (Some(to), Some(evidence)) => Some(Grounds::Delegated { to, evidence }),
        _ => None,
    }
}

/// The quote of stated or delegated grounds, which they need; clears `ok` when it is missing
/// or not found.
fn grounds_quote(
    cx: &mut FileCx<'_>,
    q: &Quotes<'_>,
    rg: &raw::RawGrounds,
    rg_at: usize,
    ok: &mut bool,
) -> Option<Quoted> {
    match &rg.quote {
        Some(quote) => {
            let r = q.quoted(cx, quote, &rg.in_, &rg.lang);
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
    }
}

/// A derogation's `governed-by`: the instrument it refers to, if named, and the quote.
fn referral_of(cx: &mut FileCx<'_>, q: &Quotes<'_>, rr: &S<raw::RawReferral>) -> Option<Referral> {
    let rr = rr.get_ref();
    let instrument = rr.instrument.as_ref().and_then(|i| cx.instrument_id(i));
    q.quoted(cx, &rr.quote, &rr.in_, &rr.lang)
        .map(|evidence| Referral {
            instrument,
            evidence,
        })
}

/// A carve-out from its own provision covers, where it says nothing else, what the
/// provision's rules cover: the union of its conduct norms' actors, data and activities (any,
/// if one of them leaves the list open).
pub(super) fn inherit_covers(norms: &[Norm], derogations: &mut [Derogation]) {
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
