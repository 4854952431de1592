//! The module graph has no cycle (issue 12): the crate's top-level modules (`model`, `error`,
//! `corpus`, `align`, `diff`, `classify`, `render`, …) may use one another only in one
//! direction. This reads the sources, as `cargo modules` would, and fails naming the uses that
//! close a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names `crate::NAME` that a line of code (not a comment) uses.
fn crate_uses(line: &str) -> Vec<&str> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        // `$crate::` in macros is the crate root too; `crate::` inside an identifier is not.
        let before = rest[..i].chars().next_back();
        if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(&after[..end]);
        }
        rest = &after[end..];
    }
    out
}

/// Edges `from → to` between top-level modules, each with where it is used.
fn graph() -> BTreeMap<(String, String), Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // The binary is a user of the library, and lib.rs is the root that re-exports.
        if rel.starts_with("bin/") || rel == "lib.rs" {
            continue;
        }
        let top = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for used in crate_uses(line) {
                if used != top {
                    edges
                        .entry((top.clone(), used.to_owned()))
                        .or_default()
                        .push(format!("src/{rel}:{}", n + 1));
                }
            }
        }
    }
    edges
}

/// The strongly connected components of more than one module (Tarjan's algorithm, small).
fn cycles(edges: &BTreeMap<(String, String), Vec<String>>) -> Vec<BTreeSet<String>> {
    let nodes: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for (a, b) in edges.keys() {
                if *a == n && seen.insert(b.clone()) {
                    stack.push(b.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut out: Vec<BTreeSet<String>> = Vec::new();
    for n in &nodes {
        if !reaches[n].contains(*n) {
            continue;
        }
        let component: BTreeSet<String> = nodes
            .iter()
            .filter(|m| reaches[n].contains(**m) && reaches[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        if !out.contains(&component) {
            out.push(component);
        }
    }
    out
}

#[test]
fn the_module_graph_has_no_cycle() {
    let edges = graph();
    let found = cycles(&edges);
    let report: Vec<String> = found
        .iter()
        .map(|c| {
            let uses: Vec<String> = edges
                .iter()
                .filter(|((a, b), _)| c.contains(a) && c.contains(b))
                .map(|((a, b), at)| {
                    let more = at.len().saturating_sub(3);
                    let shown = at.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
                    match more {
                        0 => format!("  {a} → {b}: {shown}"),
                        n => format!("  {a} → {b}: {shown} and {n} more"),
                    }
                })
                .collect();
            format!("cycle among {c:?}:\n{}", uses.join("\n"))
        })
        .collect();
    assert!(found.is_empty(), "{}", report.join("\n"));
    // The layers the crate documents: the model at the bottom, the renderers at the top.
    assert!(
        !edges.keys().any(|(a, _)| a == "model"),
        "the model uses no other module"
    );
    assert!(
        !edges.keys().any(|(_, b)| b == "render"),
        "no module uses the renderers"
    );
    // Alignment and text diffs are independent; the version diff, which combines them, sits
    // above both.
    for (a, b) in [("align", "diff"), ("diff", "align")] {
        let key = (a.to_owned(), b.to_owned());
        assert!(
            !edges.contains_key(&key),
            "{a} uses {b}: {:?}",
            edges.get(&key)
        );
    }
}

#[test]
fn the_reader_sees_uses_and_skips_comments() {
    assert_eq!(
        crate_uses("use crate::model::{Lang, is_cjk_letter};"),
        ["model"]
    );
    assert_eq!(
        crate_uses("let x = crate::render::clip(a, 2); // crate::diff"),
        ["render"]
    );
    assert!(crate_uses("    /// See [`crate::align`].").is_empty());
    assert!(crate_uses("let a = notcrate::x;").is_empty());
    let mut edges = BTreeMap::new();
    edges.insert(("a".to_owned(), "b".to_owned()), vec![]);
    edges.insert(("b".to_owned(), "a".to_owned()), vec![]);
    edges.insert(("b".to_owned(), "c".to_owned()), vec![]);
    assert_eq!(
        cycles(&edges),
        [BTreeSet::from(["a".to_owned(), "b".to_owned()])]
    );
}
