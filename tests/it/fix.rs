//! `--fix`, `--unsafe-fixes` and `--diff`: what they change, and what they must not.

use crate::common;
use crate::gensite;

use std::collections::BTreeMap;
use std::path::Path;

use common::{pagelint, TempSite};

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.insert(
                    p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn fix_changes_exactly_the_case_only_image_paths_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let kinds = Some(vec!["image-case".to_string(), "image-missing".to_string()]);
    let expected = gensite::generate(
        &site,
        &gensite::Options {
            posts: 300,
            seed: 5,
            defects: 0.5,
            kinds,
            all_kinds: false,
        },
    )
    .unwrap();
    let before = snapshot(&site);
    let out = pagelint(&site)
        .args(["check", "--fix", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(common::exit_code(&out), 1, "missing images remain");
    let after = snapshot(&site);

    let case_files: Vec<&str> = expected
        .iter()
        .filter(|e| e.kind == "image-case")
        .map(|e| e.path.as_str())
        .collect();
    let missing: Vec<&gensite::Expected> = expected
        .iter()
        .filter(|e| e.kind == "image-missing")
        .collect();
    assert!(!case_files.is_empty() && !missing.is_empty());
    for (path, old) in &before {
        let new = &after[path];
        if case_files.contains(&path.as_str()) {
            let want = String::from_utf8(old.clone())
                .unwrap()
                .replacen(".JPG)", ".jpg)", 1);
            assert_eq!(String::from_utf8(new.clone()).unwrap(), want, "{path}");
        } else {
            assert_eq!(old, new, "{path} must not change");
        }
    }
    // The missing images are still reported, at their lines.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reported: Vec<(String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    for m in &missing {
        assert!(
            reported.contains(&(m.path.clone(), m.line as u64)),
            "{} still reported",
            m.path
        );
    }
    assert_eq!(reported.len(), missing.len());

    let out = pagelint(&site)
        .args(["check", "--fix", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(common::exit_code(&out), 1);
    assert_eq!(snapshot(&site), after, "a second --fix changes nothing");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("fixed"));
}

const SCHEMA: &str = "[[schema]]\nfiles = [\"content/**\"]\n[schema.fields.categories]\ntype = \"list\"\nvalues = [\"AI 技術解析\", \"Research\"]\n";

#[test]
fn fix_keeps_bom_crlf_and_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let site = TempSite::new();
    site.write("pagelint.toml", SCHEMA);
    let text = "\u{feff}---\r\ncategories: [\"ai 技術解析\", \" Research \"]\r\n---\r\nbody\r\n";
    site.write("content/a.md", text);
    std::fs::set_permissions(
        site.path("content/a.md"),
        std::fs::Permissions::from_mode(0o604),
    )
    .unwrap();
    let out = site.cmd().args(["check", "--fix"]).output().unwrap();
    assert_eq!(common::exit_code(&out), 0, "{}", common::stdout(&out));
    let fixed = std::fs::read_to_string(site.path("content/a.md")).unwrap();
    assert_eq!(
        fixed,
        "\u{feff}---\r\ncategories: [\"AI 技術解析\", \"Research\"]\r\n---\r\nbody\r\n"
    );
    let mode = std::fs::metadata(site.path("content/a.md"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o604);
}

#[test]
fn unsafe_fixes_only_with_the_flag_and_diff_changes_nothing() {
    let site = TempSite::new();
    site.write("pagelint.toml", SCHEMA);
    site.write("content/a.md", "---\ncategories: [\"Reserch\"]\n---\n");
    let out = site.cmd().args(["check", "--diff"]).output().unwrap();
    assert_eq!(common::exit_code(&out), 0, "no safe fix to show");
    let out = site
        .cmd()
        .args(["check", "--diff", "--unsafe-fixes"])
        .output()
        .unwrap();
    assert_eq!(common::exit_code(&out), 1);
    let diff = common::stdout(&out);
    assert!(
        diff.contains("-categories: [\"Reserch\"]") && diff.contains("+categories: [\"Research\"]"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/a.md")).unwrap(),
        "---\ncategories: [\"Reserch\"]\n---\n"
    );
    let out = site.cmd().args(["check", "--fix"]).output().unwrap();
    assert_eq!(
        common::exit_code(&out),
        1,
        "the unsafe fix is not applied by --fix"
    );
    let out = site
        .cmd()
        .args(["check", "--unsafe-fixes"])
        .output()
        .unwrap();
    assert_eq!(common::exit_code(&out), 0);
    assert_eq!(
        std::fs::read_to_string(site.path("content/a.md")).unwrap(),
        "---\ncategories: [\"Research\"]\n---\n"
    );
}

#[test]
fn a_read_only_file_is_reported_not_written() {
    use std::os::unix::fs::PermissionsExt;
    let site = TempSite::new();
    site.write("pagelint.toml", SCHEMA);
    site.write("content/a.md", "---\ncategories: [\"research\"]\n---\n");
    std::fs::set_permissions(
        site.path("content/a.md"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    let out = site.cmd().args(["check", "--fix"]).output().unwrap();
    assert_eq!(common::exit_code(&out), 2);
    assert!(
        common::stderr(&out).contains("content/a.md"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.path("content/a.md")).unwrap(),
        "---\ncategories: [\"research\"]\n---\n"
    );
}

#[test]
fn stdin_reports_under_the_given_path() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    gensite::generate(
        &site,
        &gensite::Options {
            posts: 5,
            seed: 2,
            defects: 0.0,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    let post = snapshot(&site)
        .into_keys()
        .find(|p| {
            p.starts_with("content/posts/") && p.ends_with(".md") && !p.ends_with("_index.md")
        })
        .unwrap();
    let text = std::fs::read_to_string(site.join(&post)).unwrap();
    let emptied: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("source_url: ") {
                "source_url: \"\"\n"
            } else if l.starts_with("source_url = ") {
                "source_url = \"\"\n"
            } else {
                l
            }
        })
        .collect();
    let line = emptied
        .lines()
        .position(|l| l.starts_with("source_url"))
        .unwrap()
        + 1;
    let out = pagelint(&site)
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            &post,
            "-",
        ])
        .write_stdin(emptied)
        .output()
        .unwrap();
    assert_eq!(common::exit_code(&out), 1);
    let stdout = common::stdout(&out);
    let prefix = format!("{post}:{line}:");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains("error[empty-field]")),
        "{stdout}"
    );
}
