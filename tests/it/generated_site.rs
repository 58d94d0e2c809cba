//! Whole sites from the project's generator (`tests/support/gensite.rs`): the
//! report must equal the manifest of injected defects, every rule included,
//! and a clean site must pass.

use crate::common;
use crate::gensite;

use std::collections::BTreeSet;

use common::pagelint;
use gensite::{generate, Expected, Options};

type Key = (String, String, u64);

/// Runs pagelint at the site root and returns (exit code, findings as (path, rule, line)).
fn lint(root: &std::path::Path) -> (i32, Vec<Key>) {
    let (code, report) = common::run_json(pagelint(root).args(["check", "--format", "json"]));
    let found = report
        .diagnostics()
        .iter()
        .map(|d| (d.path().to_string(), d.rule().to_string(), d.line()))
        .collect();
    (code, found)
}

/// Every manifest entry matched by a finding of the same path and rule within
/// its line range, and no finding left over.
fn assert_equals_manifest(expected: &[Expected], found: &[Key]) {
    let mut used = vec![false; found.len()];
    let mut missed = Vec::new();
    for e in expected {
        let hi = e.line_max.unwrap_or(e.line) as u64;
        let hit = found.iter().enumerate().filter(|(_, (p, r, l))| {
            *p == e.path && *r == e.rule && (e.line as u64..=hi).contains(l)
        });
        let mut any = false;
        for (i, _) in hit {
            used[i] = true;
            any = true;
        }
        if !any {
            missed.push(format!("{}:{} {} ({})", e.path, e.line, e.rule, e.kind));
        }
    }
    let extra: Vec<_> = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f)
        .collect();
    assert!(
        missed.is_empty() && extra.is_empty(),
        "missed {missed:#?}\nextra {extra:#?}"
    );
}

#[test]
fn report_equals_the_manifest_of_every_defect_kind() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let expected = generate(
        &site,
        &Options {
            posts: 600,
            seed: 7,
            defects: 0.4,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    let kinds: BTreeSet<&str> = expected.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds.len(),
        gensite::DEFECTS.len(),
        "every defect kind is drawn"
    );
    let (code, found) = lint(&site);
    assert_eq!(code, 1);
    assert_equals_manifest(&expected, &found);
}

#[test]
fn front_matter_defects_alone_are_found_at_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let kinds = [
        "date-format",
        "empty-field",
        "url-format",
        "unknown-value",
        "required-field",
        "field-type",
        "frontmatter-syntax",
        "frontmatter-unclosed",
    ];
    let options = Options {
        posts: 500,
        seed: 3,
        defects: 0.3,
        kinds: Some(kinds.iter().map(|k| k.to_string()).collect()),
        all_kinds: false,
    };
    let expected = generate(&site, &options).unwrap();
    let (code, found) = lint(&site);
    assert_eq!(code, 1);
    assert_equals_manifest(&expected, &found);
}

#[test]
fn a_clean_generated_site_passes() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let expected = generate(
        &site,
        &Options {
            posts: 300,
            seed: 11,
            defects: 0.0,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    assert!(expected.is_empty());
    let (code, found) = lint(&site);
    assert_eq!((code, found), (0, Vec::new()));
}

/// The generator's new kinds whose rules exist. `hugo-field-type` and `date-nonstring`
/// (Hugo's own front matter keys) join when their rules do.
const SITE_WIDE_KINDS: &[&str] = &[
    "link-missing",
    "link-anchor",
    "ref-anchor",
    "url-collision",
    "alias-collision",
    "taxonomy-variant",
];

#[test]
fn report_equals_the_manifest_with_links_collisions_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let kinds: Vec<String> = gensite::DEFECTS
        .iter()
        .chain(SITE_WIDE_KINDS)
        .map(|k| k.to_string())
        .collect();
    let expected = generate(
        &site,
        &Options {
            posts: 800,
            seed: 13,
            defects: 0.4,
            kinds: Some(kinds),
            all_kinds: false,
        },
    )
    .unwrap();
    let drawn: BTreeSet<&str> = expected.iter().map(|e| e.kind.as_str()).collect();
    for k in SITE_WIDE_KINDS {
        assert!(drawn.contains(k), "{k} is drawn");
    }
    let (code, found) = lint(&site);
    assert_eq!(code, 1);
    assert_equals_manifest(&expected, &found);
}

#[test]
fn a_few_files_get_the_link_findings_of_the_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let kinds = ["link-missing", "link-anchor", "ref-anchor"];
    let expected = generate(
        &site,
        &Options {
            posts: 300,
            seed: 17,
            defects: 0.3,
            kinds: Some(kinds.iter().map(|k| k.to_string()).collect()),
            all_kinds: false,
        },
    )
    .unwrap();
    let files: BTreeSet<&str> = expected.iter().map(|e| e.path.as_str()).take(20).collect();
    let links = |found: Vec<Key>| -> Vec<Key> {
        found
            .into_iter()
            .filter(|(p, r, _)| files.contains(p.as_str()) && r.starts_with("broken-"))
            .collect()
    };
    let (_, whole) = lint(&site);
    let (code, report) = common::run_json(
        pagelint(&site)
            .args(["check", "--format", "json"])
            .args(files.iter()),
    );
    assert_eq!(code, 1);
    let few: Vec<Key> = report
        .diagnostics()
        .iter()
        .map(|d| (d.path().to_string(), d.rule().to_string(), d.line()))
        .collect();
    assert_eq!(links(few), links(whole));
    // One file on standard input, as an editor sends it.
    let one = files.iter().next().unwrap();
    let text = std::fs::read(site.join(one)).unwrap();
    let (_, report) = common::run_json(
        pagelint(&site)
            .args(["check", "--format", "json", "--stdin-filename", one, "-"])
            .write_stdin(text),
    );
    let alone: Vec<Key> = report
        .diagnostics()
        .iter()
        .map(|d| (d.path().to_string(), d.rule().to_string(), d.line()))
        .filter(|(_, r, _)| r.starts_with("broken-"))
        .collect();
    let want: Vec<Key> = expected
        .iter()
        .filter(|e| e.path == *one)
        .map(|e| (e.path.clone(), e.rule.clone(), e.line as u64))
        .collect();
    assert_eq!(alone, want);
}
