//! Instruments built in code, checked as the loader checks files: ids that belong to their
//! instrument and are given once, known jurisdictions, every quote found in its text,
//! references that name a provision of the corpus, version relations between instruments it
//! holds. The problems are located at the instrument (`eu/notes (built in code)`), since
//! there is no file to point into.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::load::SWITCHES_OFF;
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{
    Evidence, Instrument, InstrumentId, Jurisdiction, Provision, ProvisionId, Quoted, Reach,
    Safeguard, quote_in_text,
};

/// Every problem of a set of instruments built in code, in instrument order.
pub(super) fn check(
    instruments: &[Instrument],
    jurisdictions: &BTreeMap<String, Jurisdiction>,
) -> Vec<LoadError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&InstrumentId, Location> = HashMap::new();
    let provisions: HashSet<&ProvisionId> = instruments
        .iter()
        .flat_map(|i| i.provisions.iter().map(|p| &p.id))
        .collect();
    let held: HashMap<&InstrumentId, &Instrument> =
        instruments.iter().map(|i| (&i.id, i)).collect();
    for inst in instruments {
        let at = Location::new(format!("{} (built in code)", inst.id), 0, 0);
        if let Some(first) = seen.get(&inst.id) {
            errors.push(duplicate("instrument", &inst.id.to_string(), first, &at));
            continue;
        }
        seen.insert(&inst.id, at.clone());
        let code = inst.id.jurisdiction();
        if !jurisdictions.contains_key(code) {
            let suggestion = crate::model::closest_owned(code, jurisdictions.keys());
            errors.push(LoadError::new(
                at.clone(),
                LoadErrorKind::UnknownJurisdiction {
                    found: code.to_owned(),
                    suggestion,
                },
            ));
        }
        let becomes = inst.becomes.iter().map(|t| (t, "becomes"));
        for (target, how) in becomes.chain(inst.supersedes.iter().map(|t| (t, "supersedes"))) {
            if !held.contains_key(target) {
                errors.push(dangling(&at, &inst.id.to_string(), how, target));
            }
        }
        check_provisions(inst, &at, &provisions, &held, &mut errors);
    }
    errors
}

fn check_provisions(
    inst: &Instrument,
    at: &Location,
    corpus: &HashSet<&ProvisionId>,
    held: &HashMap<&InstrumentId, &Instrument>,
    errors: &mut Vec<LoadError>,
) {
    let mut seen: HashSet<&ProvisionId> = HashSet::new();
    for p in &inst.provisions {
        if p.id.instrument() != &inst.id {
            errors.push(LoadError::new(
                at.clone(),
                LoadErrorKind::Invalid(format!(
                    "provision `{}` is not a provision of `{}`",
                    p.id, inst.id
                )),
            ));
        }
        if !seen.insert(&p.id) {
            errors.push(duplicate("provision", &p.id.to_string(), at, at));
        }
        for lang in p.text.keys().filter(|l| !inst.languages.contains_key(*l)) {
            errors.push(LoadError::new(
                at.clone(),
                LoadErrorKind::NoProvenance {
                    id: p.id.to_string(),
                    lang: lang.to_string(),
                },
            ));
        }
        if p.text.is_empty() {
            errors.push(LoadError::new(
                at.clone(),
                LoadErrorKind::NoText {
                    id: p.id.to_string(),
                },
            ));
        }
        for (target, how) in references(p) {
            let declared_missing = how == SWITCHES_OFF
                && held
                    .get(target.instrument())
                    .is_some_and(|i| i.declares_missing(target.local()));
            if !corpus.contains(target) && !declared_missing {
                errors.push(dangling(at, &p.id.to_string(), how, target));
            }
        }
        for q in quotes(p) {
            check_quote(inst, p, q, at, errors);
        }
    }
}

/// What a provision names: the provisions it cites, those it corresponds to, and those its
/// derogations switch off.
fn references(p: &Provision) -> impl Iterator<Item = (&ProvisionId, &'static str)> {
    let cites = p.references.iter().map(|r| (r, "cites"));
    let corresponds = p
        .correspondences
        .iter()
        .map(|c| (&c.target, "corresponds to"));
    let switches = p.derogations.iter().flat_map(|d| match &d.effect.reach {
        Reach::Listed { provisions, .. } => provisions.as_slice(),
        _ => &[],
    });
    cites
        .chain(corresponds)
        .chain(switches.map(|r| (r, SWITCHES_OFF)))
}

/// Every quote a provision's readings rest on, with the provision it quotes (`None`: itself).
fn quotes(p: &Provision) -> Vec<(Option<&ProvisionId>, &Evidence)> {
    fn here(e: &Evidence) -> (Option<&ProvisionId>, &Evidence) {
        (None, e)
    }
    fn quoted(q: &Quoted) -> (Option<&ProvisionId>, &Evidence) {
        (q.provision.as_ref(), &q.evidence)
    }
    fn safeguard(s: &Safeguard) -> (Option<&ProvisionId>, &Evidence) {
        (s.provision.as_ref(), &s.evidence)
    }
    let mut out = Vec::new();
    for n in &p.norms {
        out.push(here(&n.evidence));
        out.extend(n.safeguards.iter().map(safeguard));
    }
    for d in &p.derogations {
        out.push(here(&d.evidence));
        out.extend(d.safeguards.iter().map(safeguard));
        out.extend(d.covers.evidence.iter().map(quoted));
        out.extend(d.effect.evidence.iter().map(quoted));
        out.extend(d.governed_by.iter().map(|r| quoted(&r.evidence)));
    }
    out
}

fn check_quote(
    inst: &Instrument,
    p: &Provision,
    (source, e): (Option<&ProvisionId>, &Evidence),
    at: &Location,
    errors: &mut Vec<LoadError>,
) {
    let quoted = match source {
        None => p,
        Some(id) => match inst.provisions.iter().find(|q| &q.id == id) {
            Some(q) => q,
            None => {
                errors.push(dangling(at, &p.id.to_string(), "quotes", id));
                return;
            }
        },
    };
    let Some(text) = quoted.text.get(&e.lang) else {
        let have: Vec<String> = quoted.text.keys().map(|l| format!("`{l}`")).collect();
        errors.push(LoadError::new(
            at.clone(),
            LoadErrorKind::NoTextInLanguage {
                id: quoted.id.to_string(),
                lang: e.lang.to_string(),
                have: have.join(", "),
            },
        ));
        return;
    };
    if !quote_in_text(&e.quote, text) {
        errors.push(LoadError::new(
            at.clone(),
            LoadErrorKind::QuoteNotFound {
                id: quoted.id.to_string(),
                lang: Some(e.lang.to_string()),
                quote: e.quote.clone(),
            },
        ));
    }
}

fn duplicate(what: &'static str, id: &str, first: &Location, at: &Location) -> LoadError {
    LoadError::new(
        at.clone(),
        LoadErrorKind::DuplicateId {
            what,
            id: id.to_owned(),
            first: first.clone(),
        },
    )
}

fn dangling(at: &Location, from: &str, how: &'static str, to: &impl ToString) -> LoadError {
    LoadError::new(
        at.clone(),
        LoadErrorKind::Dangling {
            from: from.to_owned(),
            how,
            to: to.to_string(),
            suggestion: None,
        },
    )
}
