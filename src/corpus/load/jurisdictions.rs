//! The jurisdiction registry: `jurisdictions.toml` parsed, and every `parent` checked once all
//! registries are merged.

use std::collections::{BTreeMap, BTreeSet};

use super::span::{LineIndex, parse_file};
use crate::corpus::raw;
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{Jurisdiction, JurisdictionLevel, Term};

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
        let level = j.level.as_ref().and_then(|l| {
            JurisdictionLevel::parse_code(l.get_ref())
                .map_err(|e| errors.push(LoadError::new(lines.at(l.span().start), e.into())))
                .ok()
        });
        out.insert(
            code.clone(),
            (
                Jurisdiction {
                    code,
                    name: j.name,
                    parent,
                    level,
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
    report_parent_cycles(&parents, errors);
    report_unknown_parents(jurisdictions, parents, errors);
}

/// Cycles: follow each code's parents; a walk that comes back to its start is a cycle,
/// reported once, at the first code of the cycle in code order.
fn report_parent_cycles(parents: &[(String, String, Location)], errors: &mut Vec<LoadError>) {
    let parent_of: BTreeMap<&str, &str> = parents
        .iter()
        .map(|(c, p, _)| (c.as_str(), p.as_str()))
        .collect();
    let at_of: BTreeMap<&str, &Location> =
        parents.iter().map(|(c, _, at)| (c.as_str(), at)).collect();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
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
}

/// Reports each `parent` that no registry defines, with the closest code as a suggestion.
fn report_unknown_parents(
    jurisdictions: &BTreeMap<String, (Jurisdiction, Location)>,
    parents: Vec<(String, String, Location)>,
    errors: &mut Vec<LoadError>,
) {
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
