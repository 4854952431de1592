//! Across files: every instrument file converted, then duplicate instruments, unknown
//! jurisdictions, dangling references and correspondences, and the version checks.

use std::collections::{BTreeMap, HashMap};

use super::instrument::load_instrument;
use super::suggest::Suggester;
use super::versions::check_versions;
use super::{Loaded, Located, SWITCHES_OFF, SourceFile};
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{Instrument, InstrumentId, Jurisdiction};

/// Loads instrument files against a jurisdiction registry, collecting every problem. The files
/// come one at a time (a file that cannot be read as its error), so that each one's bytes can
/// be dropped once it is converted.
pub(crate) fn load<'a>(
    jurisdictions: BTreeMap<String, (Jurisdiction, Location)>,
    files: impl IntoIterator<Item = Result<SourceFile<'a>, Box<LoadError>>>,
    errors: &mut Vec<LoadError>,
) -> Loaded {
    let located = load_instruments(files, errors);
    check_jurisdictions(&jurisdictions, &located, errors);
    check_references(&located, errors);
    check_versions(&located, errors);

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

/// Every file converted, in file order; an instrument id given before is reported and left out.
fn load_instruments<'a>(
    files: impl IntoIterator<Item = Result<SourceFile<'a>, Box<LoadError>>>,
    errors: &mut Vec<LoadError>,
) -> Vec<Located> {
    let mut located: Vec<Located> = Vec::new();
    let mut seen: HashMap<InstrumentId, Location> = HashMap::new();
    for f in files {
        let f = match f {
            Ok(f) => f,
            Err(e) => {
                errors.push(*e);
                continue;
            }
        };
        let Some(l) = load_instrument(&f, errors) else {
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
    located
}

/// Jurisdictions: each instrument's must be in the registry.
fn check_jurisdictions(
    jurisdictions: &BTreeMap<String, (Jurisdiction, Location)>,
    located: &[Located],
    errors: &mut Vec<LoadError>,
) {
    for l in located {
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
}

/// References and correspondences: each must name a provision of the corpus (or, for one an
/// effect switches off, one its instrument declares missing).
fn check_references(located: &[Located], errors: &mut Vec<LoadError>) {
    let mut suggester = Suggester::new(located);
    let missing_by_instrument: HashMap<&InstrumentId, &Instrument> = located
        .iter()
        .map(|l| (&l.instrument.id, &l.instrument))
        .collect();
    for l in located {
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
}
