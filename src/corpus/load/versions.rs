//! The version graph: `becomes` and `supersedes` must name instruments of the corpus, and the
//! "newer" relation they make must have no cycle.

use std::collections::{BTreeMap, HashMap};

use super::Located;
use crate::error::{LoadError, LoadErrorKind, Location};
use crate::model::{Instrument, InstrumentId};

/// Version relations: dangling targets, then cycles.
pub(super) fn check_versions(located: &[Located], errors: &mut Vec<LoadError>) {
    check_version_targets(located, errors);
    report_version_cycles(located, errors);
}

/// Each `becomes` and `supersedes` must name an instrument of the corpus.
fn check_version_targets(located: &[Located], errors: &mut Vec<LoadError>) {
    let by_id: HashMap<&InstrumentId, &Instrument> = located
        .iter()
        .map(|l| (&l.instrument.id, &l.instrument))
        .collect();
    let inst_ids: Vec<String> = {
        let mut v: Vec<String> = by_id.keys().map(ToString::to_string).collect();
        v.sort();
        v
    };
    for l in located {
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
}

/// Cycles: follow "newer" edges (becomes, and the inverse of supersedes).
fn report_version_cycles(located: &[Located], errors: &mut Vec<LoadError>) {
    let mut newer: BTreeMap<&InstrumentId, Vec<&InstrumentId>> = BTreeMap::new();
    for l in located {
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
}

/// One cycle per strongly connected component of `edges` that has one, each starting at its
/// smallest id, in the order of those ids. Linear in the size of the graph (Tarjan's algorithm,
/// iterative, so a long version chain cannot overflow the stack).
fn version_cycles<'a>(
    edges: &BTreeMap<&'a InstrumentId, Vec<&'a InstrumentId>>,
) -> Vec<Vec<&'a InstrumentId>> {
    let (nodes, succ) = numbered(edges);
    let components = Components::of(&succ);
    components
        .cycles(&succ)
        .into_iter()
        .map(|path| path.into_iter().map(|v| nodes[v]).collect())
        .collect()
}

/// The nodes of `edges`, sorted, and each node's successors by index.
fn numbered<'a>(
    edges: &BTreeMap<&'a InstrumentId, Vec<&'a InstrumentId>>,
) -> (Vec<&'a InstrumentId>, Vec<Vec<usize>>) {
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
    (nodes, succ)
}

/// The strongly connected components of a graph: each node's component, and their number.
struct Components {
    component: Vec<usize>,
    count: usize,
}

impl Components {
    /// Tarjan's strongly connected components.
    fn of(succ: &[Vec<usize>]) -> Components {
        const UNSEEN: usize = usize::MAX;
        let n = succ.len();
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
        Components {
            component,
            count: components,
        }
    }

    /// For each component with a cycle, a path from its smallest node back to itself.
    fn cycles(&self, succ: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let component = &self.component;
        let mut size = vec![0usize; self.count];
        for &c in component {
            size[c] += 1;
        }
        let mut done = vec![false; self.count];
        let mut cycles = Vec::new();
        // `nodes` is sorted, so the first node met of each component is its smallest.
        for start in 0..succ.len() {
            let c = component[start];
            if done[c] {
                continue;
            }
            done[c] = true;
            if size[c] == 1 && !succ[start].contains(&start) {
                continue;
            }
            cycles.extend(self.cycle_from(succ, start));
        }
        cycles
    }

    /// A path from `start` back to itself within its component, if there is one.
    fn cycle_from(&self, succ: &[Vec<usize>], start: usize) -> Option<Vec<usize>> {
        let c = self.component[start];
        let mut visited = vec![false; succ.len()];
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
            if self.component[w] == c && !visited[w] {
                visited[w] = true;
                path.push((w, 0));
            }
        }
        found.then(|| path.iter().map(|&(v, _)| v).collect())
    }
}
