//! The frictions a new user met in their first hour (issue 13), one test each.

use crate::common::{exit_code, stderr, stdout, TempSite, CLEAN_POST};

fn site_with_post() -> TempSite {
    let site = TempSite::new();
    site.write("content/posts/a.md", CLEAN_POST);
    site
}

#[test]
fn config_errors_come_all_at_once_with_the_users_forms() {
    let site = site_with_post();
    site.write(
        "pagelint.toml",
        "hugo-version = 0.146\n[rules]\nempty-field = \"eror\"\n[[schema]]\n\
         files = [\"content/posts/**/*.md\"]\n[schema.fields.title]\npattern = \"[a-z\"\n",
    );
    let out = site.cmd().arg("check").output().unwrap();
    assert_eq!(exit_code(&out), 2);
    let err = stderr(&out);
    for expected in [
        "help: put it in quotes: `hugo-version = \"0.146\"`",
        "× unknown level `eror`",
        "help: did you mean `error`?",
        "`pattern` is not a valid regular expression",
        "[a-z\n",
        "is invalid (3 mistakes)",
    ] {
        assert!(err.contains(expected), "no {expected:?} in\n{err}");
    }
    assert!(!err.contains("^(?:"), "the pattern's internal form:\n{err}");
}

#[test]
fn a_config_file_that_does_not_exist_is_named() {
    let site = site_with_post();
    let out = site
        .cmd()
        .args(["check", "--config", "nope.toml"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert_eq!(
        stderr(&out),
        "pagelint: error: --config nope.toml: no such file\n"
    );
    assert_eq!(stdout(&out), "");
}

/// A post with a safe fix (case of a category) and an unsafe one (a URL
/// without its scheme).
const TWO_FIXES: &str = "---\ntitle: \"t\"\ndate: 2025-05-13T23:30:17+08:00\n\
    categories: [\"ai 技術解析\"]\nsource_url: \"news.example.com/a\"\n---\n";

#[test]
fn safe_and_unsafe_fixes_are_counted_and_marked_apart() {
    let site = crate::common::post_site();
    site.write("content/posts/a.md", TWO_FIXES);
    let summary = |args: &[&str]| {
        let out = site.cmd().args(args).output().unwrap();
        stdout(&out).lines().last().unwrap_or_default().to_string()
    };
    assert_eq!(
        summary(&[]),
        "2 errors, 0 warnings; 1 file checked; 1 fixable with --fix, 1 more with --unsafe-fixes"
    );
    // --fix applies what the summary promised, and the count goes down.
    assert_eq!(
        summary(&["--fix"]),
        "1 error, 0 warnings; 1 file checked; 1 fixable with --unsafe-fixes"
    );
    let stats = stdout(
        &site
            .cmd()
            .args(["--statistics", "--format", "concise"])
            .output()
            .unwrap(),
    );
    assert!(
        stats.contains("     1  url-format              1 fixable with --unsafe-fixes\n"),
        "{stats}"
    );
    let rules = stdout(&site.cmd().arg("rules").output().unwrap());
    for (rule, mark) in [
        ("url-format", "unsafe"),
        ("unknown-value", "safe+unsafe"),
        ("broken-image", "safe"),
    ] {
        let line = rules.lines().find(|l| l.starts_with(rule)).unwrap();
        assert_eq!(line.split_whitespace().nth(2), Some(mark), "{line}");
    }
}

#[test]
fn statistics_are_in_the_json_report_and_refused_where_they_cannot_be() {
    let site = crate::common::post_site();
    site.write("content/posts/a.md", TWO_FIXES);
    let (_, report) = site.json(&["--statistics"]);
    assert_eq!(
        report.0["statistics"][0],
        serde_json::json!({
            "rule": "unknown-value", "findings": 1, "fixable": 1, "unsafe_fixable": 0,
            "groups": []
        })
    );
    for format in ["sarif", "github", "junit"] {
        let out = site
            .cmd()
            .args(["--statistics", "--format", format])
            .output()
            .unwrap();
        assert_eq!(exit_code(&out), 2, "{format}");
        assert!(
            stderr(&out).contains("--statistics works with"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn diff_refuses_a_format_and_writes_to_the_output_file() {
    let site = crate::common::post_site();
    site.write("content/posts/a.md", TWO_FIXES);
    let out = site
        .cmd()
        .args(["--diff", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("--diff prints a unified diff"),
        "{}",
        stderr(&out)
    );
    let out = site
        .cmd()
        .args(["--diff", "--output-file", "d.diff"])
        .output()
        .unwrap();
    assert_eq!((exit_code(&out), stdout(&out)), (1, String::new()));
    let diff = std::fs::read_to_string(site.path("d.diff")).unwrap();
    assert!(diff.contains("+categories: [\"AI 技術解析\"]"), "{diff}");
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let site = crate::common::post_site();
    site.write("content/posts/a.md", crate::common::CLEAN_POST);
    let out = site
        .cmd()
        .args([
            "--format",
            "concise",
            "--stdin-filename",
            "content/posts/a.md",
        ])
        .write_stdin(TWO_FIXES)
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.starts_with("content/posts/a.md:4:"),
        "the buffer, not the file:\n{text}"
    );
    let out = site
        .cmd()
        .args([
            "--stdin-filename",
            "content/posts/a.md",
            "content/posts/a.md",
        ])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("--stdin-filename names standard input"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn force_exclude_says_what_it_skips_on_files_and_on_stdin() {
    let site = crate::common::post_site();
    site.write("pagelint.toml", "exclude = [\"content/drafts/**\"]\n");
    site.write(
        "content/drafts/d.md",
        TWO_FIXES.replace("title: \"t\"\n", ""),
    );
    site.write("README.md", "# readme\n");
    let out = site
        .cmd()
        .args(["--force-exclude", "content/drafts/d.md", "README.md"])
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 0);
    let err = stderr(&out);
    assert!(
        err.contains("content/drafts/d.md: skipped with --force-exclude: `exclude`"),
        "{err}"
    );
    assert!(
        err.contains("README.md: skipped with --force-exclude: not a content file"),
        "{err}"
    );
    let out = site
        .cmd()
        .args([
            "--force-exclude",
            "--stdin-filename",
            "content/drafts/d.md",
            "-",
        ])
        .write_stdin("---\ndate: nope\n---\n")
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 0, "an excluded buffer is not linted");
    assert!(
        stderr(&out).contains("skipped with --force-exclude"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_misspelt_subcommand_gets_did_you_mean() {
    let site = site_with_post();
    let out = site.cmd().arg("chek").output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert_eq!(
        stderr(&out),
        "pagelint: error: `chek` is not a subcommand, a file or a folder; \
         did you mean `pagelint check`?\n"
    );
    let out = site.cmd().arg("content/nope.md").output().unwrap();
    assert!(
        stderr(&out).contains("content/nope.md: no such file or folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_disallowed_scheme_is_not_called_a_relative_url() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[[schema]]\nfiles = [\"content/**\"]\n[schema.fields.home]\ntype = \"url\"\n",
    );
    site.write("content/a.md", "---\nhome: ftp://x.org/\n---\n");
    let (_, report) = site.json(&[]);
    assert_eq!(
        report.diagnostics()[0].message(),
        "`home` has a scheme that is not allowed: `ftp://x.org/`"
    );
}

#[test]
fn a_finding_in_a_long_paragraph_shows_a_window_around_it() {
    let site = TempSite::new();
    let paragraph = format!(
        "{}![x](/images/missing.png) {}",
        "word ".repeat(80),
        "更多的文字".repeat(60)
    );
    site.write(
        "content/a.md",
        format!("---\ntitle: a\n---\n\n{paragraph}\n"),
    );
    let text = stdout(&site.cmd().output().unwrap());
    // The snippet's source line, not the whole paragraph.
    let widest = text
        .lines()
        .filter(|l| l.contains(" │ "))
        .map(|l| {
            l.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        })
        .max()
        .unwrap();
    assert!(widest <= 90, "a snippet line of {widest} columns:\n{text}");
    assert!(text.contains("![x](/images/missing.png)"), "{text}");
    assert!(text.contains("╭─[content/a.md:5:406]"), "{text}");
}

#[test]
fn a_missing_close_is_labelled_at_the_unclosed_opening_tag() {
    let site = TempSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: a\n---\n\n{{< youtube dVq6R8v3NVE\n\nMore prose, with a comma.\n",
    );
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    // Hugo's error stays where Hugo raises it, on the comma two lines down ...
    assert!(text.contains("╭─[content/a.md:7:11]"), "{text}");
    // ... and the opening tag gets a label and the help says what is wrong.
    assert!(
        text.contains(" 5 │ {{< youtube dVq6R8v3NVE\n   · ─────┬─────\n"),
        "{text}"
    );
    assert!(text.contains("╰── this tag is never closed"), "{text}");
    assert!(text.contains("help: the `{{< youtube` above is never closed: end it with `>}}`"));
    let (_, report) = site.json(&[]);
    assert_eq!(
        report.path_line_rule(),
        [("content/a.md".into(), 7, "shortcode-syntax".into())]
    );
}
