//! The layout stays a pipeline: no module of `src/` imports, directly or
//! through others, a module that imports it back. Imports are read from the
//! source (`crate::a::b` and `super::x` paths outside `#[cfg(test)]`), at two
//! grains: each file, and each top-level module with its children merged.

use std::collections::{BTreeMap, BTreeSet};

use crate::common;

/// Module path (`site::published`) to the text of its file, tests cut off.
fn modules() -> BTreeMap<String, String> {
    let src = common::repo().join("src");
    let mut out = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src/") {
            let path = entry.expect("read src/").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            out.insert(parts.join("::"), code);
        }
    }
    out
}

/// The `a::b::c` paths after each `crate::` and `super::` in `code`,
/// with `{x, y::z}` groups expanded one level.
fn paths(module: &str, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent(module))] {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let head = rest[..end].trim_end_matches(':');
            let join = |tail: &str| match (base.is_empty(), head.is_empty()) {
                (true, true) => tail.to_string(),
                (true, false) => format!("{head}::{tail}"),
                (false, true) => format!("{base}::{tail}"),
                (false, false) => format!("{base}::{head}::{tail}"),
            };
            if rest[end..].starts_with('{') {
                let group = &rest[end + 1..rest[end..].find('}').map_or(end + 1, |j| end + j)];
                for item in group.split(',') {
                    let item = item.trim();
                    if !item.is_empty() {
                        found.push(join(item));
                    }
                }
            } else if !head.is_empty() {
                found.push(join("").trim_end_matches("::").to_string());
            }
        }
    }
    found
}

fn parent(module: &str) -> String {
    module.rsplit_once("::").map_or("", |(p, _)| p).to_string()
}

/// Edges between modules (files), by the longest module prefix of each path.
fn file_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, code) in &mods {
        let edges = graph.entry(m.clone()).or_default();
        for p in paths(m, code) {
            let segments: Vec<&str> = p.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len())
                .rev()
                .map(|k| segments[..k].join("::"))
                .find(|c| mods.contains_key(c));
            if let Some(t) = target {
                if t != *m && !m.starts_with(&format!("{t}::")) {
                    edges.insert(t);
                }
            }
        }
    }
    graph
}

fn top_level(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let top = |m: &str| m.split("::").next().unwrap().to_string();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, targets) in graph {
        let edges = out.entry(top(m)).or_default();
        edges.extend(targets.iter().map(|t| top(t)).filter(|t| *t != top(m)));
    }
    out
}

/// A cycle through `start`, as the list of modules on it, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    graph
        .keys()
        .filter_map(|m| cycle_from(graph, m))
        .map(|c| c.join(" -> "))
        .collect()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let files = file_graph();
    assert!(files.len() > 40, "read only {} modules", files.len());
    assert!(
        files["engine"].contains("report") && files["report::human"].contains("outcome"),
        "the import reader sees the known edges: {:?}",
        files.get("engine")
    );
    let by_file = cycles(&files);
    assert!(
        by_file.is_empty(),
        "import circles between files:\n{}",
        by_file.join("\n")
    );
    let by_module = cycles(&top_level(&files));
    assert!(
        by_module.is_empty(),
        "import circles between top-level modules:\n{}",
        by_module.join("\n")
    );
}

#[test]
fn the_reader_finds_a_circle_when_there_is_one() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycles(&graph).len(), 2);
    let p = paths(
        "site::published",
        "use crate::{a::b, c};\nuse super::listing::X;",
    );
    assert_eq!(p, ["a::b", "c", "site::listing::X"]);
}
