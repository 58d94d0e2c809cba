//! Which rules run where, and how loud: `--select`, `--ignore`, `[rules]`,
//! `[[overrides]]`, `exclude`, and where the configuration comes from
//! (`--isolated`, `--config`, `.pagelint.toml`, a config above the site).

use crate::common;

use std::collections::BTreeSet;

use common::{exit_code, post_site, TempSite, CLEAN_POST, MULTI_POST, POST_SCHEMA};

fn rule_set(report: &common::Report) -> BTreeSet<String> {
    report.rules().into_iter().collect()
}

fn set(rules: &[&str]) -> BTreeSet<String> {
    rules.iter().map(|r| r.to_string()).collect()
}

/// `(path, rule, severity)` of every finding.
fn findings(report: &common::Report) -> Vec<(String, String, String)> {
    report
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d.path().to_string(),
                d.rule().to_string(),
                d.severity().to_string(),
            )
        })
        .collect()
}

fn multi_site() -> TempSite {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    site
}

#[test]
fn all_default_rules_run_without_selection() {
    let (_, report) = multi_site().json(&[]);
    assert_eq!(
        rule_set(&report),
        set(&["date-format", "unknown-value", "url-format", "empty-field"])
    );
}

#[test]
fn select_checks_only_the_named_rules() {
    let (code, report) = multi_site().json(&["--select", "date-format,empty-field"]);
    assert_eq!(rule_set(&report), set(&["date-format", "empty-field"]));
    assert_eq!(code, 1);
    let (code, report) = multi_site().json(&["--select", "empty-field"]);
    assert_eq!(rule_set(&report), set(&["empty-field"]));
    assert_eq!(code, 0, "a warning alone does not fail the run");
}

#[test]
fn ignore_drops_the_named_rules() {
    let (_, report) = multi_site().json(&["--ignore", "unknown-value,url-format"]);
    assert_eq!(rule_set(&report), set(&["date-format", "empty-field"]));
    let (_, report) = multi_site().json(&[
        "--select",
        "date-format,url-format",
        "--ignore",
        "url-format",
    ]);
    assert_eq!(rule_set(&report), set(&["date-format"]));
}

#[test]
fn select_turns_on_a_rule_that_is_off_by_default() {
    let site = TempSite::new();
    site.write(
        "content/no-front-matter.md",
        "# A page\n\nNo front matter.\n",
    );
    let (code, report) = site.json(&[]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
    assert_eq!(code, 0);
    let (code, report) = site.json(&["--select", "frontmatter-missing"]);
    assert_eq!(
        report.path_line_rule(),
        [(
            "content/no-front-matter.md".into(),
            1,
            "frontmatter-missing".into()
        )]
    );
    assert_eq!(code, 1);
}

#[test]
fn rules_table_sets_severity_or_turns_a_rule_off() {
    let site = multi_site();
    site.write(
        "pagelint.toml",
        format!("[rules]\nempty-field = \"error\"\ndate-format = \"warning\"\nurl-format = \"off\"\n\n{POST_SCHEMA}"),
    );
    let (_, report) = site.json(&[]);
    let p = "content/posts/a.md".to_string();
    let f = |rule: &str, severity: &str| (p.clone(), rule.to_string(), severity.to_string());
    assert_eq!(
        findings(&report),
        [
            f("date-format", "warning"),
            f("unknown-value", "error"),
            f("empty-field", "error")
        ]
    );
}

#[test]
fn a_warning_raised_to_error_fails_the_run() {
    let site = TempSite::new();
    site.write("content/a.md", "---\ntitle: \"\"\n---\n");
    let (_, report) = site.json(&[]);
    assert!(
        report.diagnostics().is_empty(),
        "an undeclared empty key is no finding"
    );
    site.write("pagelint.toml", "[empty-field]\nundeclared = true\n");
    let (code, report) = site.json(&[]);
    assert_eq!((code, report.diagnostics()[0].severity()), (0, "warning"));
    site.write(
        "pagelint.toml",
        "[empty-field]\nundeclared = true\n[rules]\nempty-field = \"error\"\n",
    );
    let (code, report) = site.json(&[]);
    assert_eq!((code, report.diagnostics()[0].severity()), (1, "error"));
}

#[test]
fn overrides_turn_a_rule_off_for_a_folder_only() {
    let site = post_site();
    site.write(
        "pagelint.toml",
        format!("{POST_SCHEMA}\n[[overrides]]\nfiles = [\"content/posts/legacy/**\"]\nrules = {{ date-format = \"off\" }}\n"),
    );
    site.write("content/posts/legacy/old.md", MULTI_POST);
    site.write("content/posts/new.md", MULTI_POST);
    let (_, report) = site.json(&[]);
    let dates: Vec<_> = report
        .path_line_rule()
        .into_iter()
        .filter(|(_, _, rule)| rule == "date-format")
        .collect();
    assert_eq!(
        dates,
        [("content/posts/new.md".into(), 3, "date-format".into())]
    );
    // The folder's other findings are still reported.
    assert!(report
        .path_line_rule()
        .iter()
        .any(|(p, _, r)| p.ends_with("old.md") && r == "url-format"));
}

#[test]
fn overrides_turn_a_warning_into_an_error_for_a_folder_only() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[empty-field]\nundeclared = true\n[[overrides]]\nfiles = [\"content/strict/**\"]\nrules = { empty-field = \"error\" }\n",
    );
    let page = "---\ntitle: \"x\"\nsummary: \"\"\n---\n";
    site.write("content/strict/a.md", page);
    site.write("content/lax/a.md", page);
    let (code, report) = site.json(&[]);
    let f = |p: &str, s: &str| (p.to_string(), "empty-field".to_string(), s.to_string());
    assert_eq!(
        findings(&report),
        [
            f("content/lax/a.md", "warning"),
            f("content/strict/a.md", "error")
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn a_later_override_wins_over_an_earlier_one_and_over_rules() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[empty-field]\nundeclared = true\n[rules]\nempty-field = \"off\"\n\n[[overrides]]\nfiles = [\"content/**\"]\nrules = { empty-field = \"warning\" }\n\n[[overrides]]\nfiles = [\"content/strict/**\"]\nrules = { empty-field = \"error\" }\n",
    );
    let page = "---\ntitle: \"\"\n---\n";
    site.write("content/strict/a.md", page);
    site.write("content/b.md", page);
    site.write("other/c.md", page);
    let (_, report) = site.json(&["content", "other"]);
    let f = |p: &str, s: &str| (p.to_string(), "empty-field".to_string(), s.to_string());
    assert_eq!(
        findings(&report),
        [
            f("content/b.md", "warning"),
            f("content/strict/a.md", "error")
        ]
    );
}

#[test]
fn isolated_ignores_the_config_file() {
    let site = multi_site();
    site.write(
        "content/posts/b.md",
        "---\ntitle: \"no date, no category\"\n---\n",
    );
    let (_, report) = site.json(&["--isolated"]);
    // No schema: only what needs none (Hugo's own date key); an empty key no schema
    // declares is no finding.
    assert_eq!(rule_set(&report), set(&["date-format"]));
    // Even a broken config file is not read.
    site.write("pagelint.toml", "not = [valid\n");
    let out = site.cmd().arg("--isolated").output().unwrap();
    assert_eq!(exit_code(&out), 1);
}

#[test]
fn config_names_the_file_to_use_instead_of_the_sites() {
    let site = multi_site();
    let elsewhere = TempSite::empty();
    elsewhere.write(
        "strict.toml",
        "[[schema]]\nfiles = [\"content/**\"]\n[schema.fields.author]\nrequired = true\n",
    );
    let strict = elsewhere.path("strict.toml");
    let (_, report) = site.json(&["--config", strict.to_str().unwrap()]);
    // The site's post schema is not read (no unknown-value, no url-format); the given one is.
    assert_eq!(rule_set(&report), set(&["required-field", "date-format"]));
    let out = site.cmd().args(["--config", "nope.toml"]).output().unwrap();
    assert_eq!(exit_code(&out), 2);
}

#[test]
fn a_dot_pagelint_toml_and_a_config_above_the_site_are_found() {
    let site = TempSite::new();
    site.write("content/posts/a.md", MULTI_POST);
    site.write(".pagelint.toml", POST_SCHEMA);
    let (_, report) = site.json(&[]);
    assert!(rule_set(&report).contains("unknown-value"), "{}", report.0);

    let parent = TempSite::empty();
    parent.write("pagelint.toml", POST_SCHEMA);
    parent.write("site/hugo.toml", "baseURL = \"https://example.org/\"\n");
    parent.write("site/content/posts/a.md", MULTI_POST);
    let (_, report) =
        common::run_json(common::pagelint(&parent.path("site")).args(["--format", "json"]));
    assert!(rule_set(&report).contains("unknown-value"), "{}", report.0);
}

#[test]
fn exclude_skips_files_in_the_walk_but_not_named_ones_unless_forced() {
    let site = post_site();
    site.write(
        "pagelint.toml",
        format!("exclude = [\"content/drafts/**\"]\n\n{POST_SCHEMA}"),
    );
    site.write(
        "content/drafts/a.md",
        "---\ntitle: a\ndate: 2025-02-30\n---\n",
    );
    site.write("content/posts/b.md", CLEAN_POST);
    let (code, report) = site.json(&[]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
    assert_eq!((code, report.0["files_checked"].as_u64()), (0, Some(1)));

    let (_, report) = site.json(&["content/drafts/a.md"]);
    assert_eq!(
        report.rules(),
        ["date-format"],
        "an explicit path is checked"
    );

    let (_, report) = site.json(&["--force-exclude", "content/drafts/a.md"]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
}

#[test]
fn gitignored_files_are_not_walked() {
    let site = post_site();
    site.write(".gitignore", "content/posts/generated/\n");
    site.write("content/posts/generated/a.md", MULTI_POST);
    site.write("content/posts/b.md", CLEAN_POST);
    let (_, report) = site.json(&[]);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
    assert_eq!(report.0["files_checked"], 1);
}
