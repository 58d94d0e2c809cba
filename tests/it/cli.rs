//! The command line as a user meets it: exit statuses, standard input,
//! report paths, determinism, and the example site in `fixtures/blog`.
//! Subcommands are in `cli_subcommands.rs`, output formats in
//! `cli_formats.rs`, configuration in `cli_config.rs`.

use crate::common;

use std::collections::BTreeSet;

use common::{exit_code, pagelint, post_site, stderr, stdout, TempSite, CLEAN_POST, MULTI_POST};

// ---- exit statuses ---------------------------------------------------------

#[test]
fn a_clean_site_exits_0() {
    let site = post_site();
    site.write("content/posts/a.md", CLEAN_POST);
    let (code, report) = site.json(&[]);
    assert_eq!(code, 0);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 0);
}

#[test]
fn an_error_exits_1() {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 1);
    assert!(stdout(&out).contains("date-format"));
}

#[test]
fn warnings_alone_exit_0() {
    let site = post_site();
    site.write(
        "content/posts/a.md",
        CLEAN_POST.replace("source_name: \"Example News\"", "source_name: \"\""),
    );
    let (code, report) = site.json(&[]);
    assert_eq!(report.rules(), ["empty-field"]);
    assert_eq!(report.diagnostics()[0].severity(), "warning");
    assert_eq!(code, 0);
}

#[test]
fn exit_zero_reports_errors_but_exits_0() {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    let (code, report) = site.json(&["--exit-zero"]);
    assert_eq!(code, 0);
    assert!(report.summary("errors") > 0);
}

#[test]
fn a_misspelt_config_key_exits_2_and_names_the_key() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[[schema]]\nfiles = [\"content/**\"]\n[schema.fields.date]\ntyp = \"datetime\"\n",
    );
    site.write("content/a.md", CLEAN_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("`typ`"), "{err}");
    assert!(
        err.contains("pagelint.toml:4"),
        "the key is on line 4: {err}"
    );
    assert!(err.contains("`type`"), "did-you-mean: {err}");
}

#[test]
fn an_unknown_top_level_config_key_exits_2() {
    let site = TempSite::new();
    site.write("pagelint.toml", "exclude = []\nexclud = [\"x\"]\n");
    site.write("content/a.md", CLEAN_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("`exclud`"), "{}", stderr(&out));
}

#[test]
fn an_unknown_rule_in_the_config_exits_2() {
    let site = TempSite::new();
    site.write("pagelint.toml", "[rules]\nempty-feild = \"off\"\n");
    site.write("content/a.md", CLEAN_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("empty-feild"), "{}", stderr(&out));
}

#[test]
fn a_hugo_config_that_does_not_parse_exits_2() {
    let site = TempSite::empty();
    site.write("hugo.toml", "baseURL = \"https://example.org/\ntitle = 1\n");
    site.write("content/a.md", CLEAN_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("hugo.toml"), "{}", stderr(&out));
}

#[test]
fn an_unknown_rule_on_the_command_line_exits_2() {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    for flag in ["--select", "--ignore"] {
        let out = site
            .cmd()
            .args([flag, "date-format,nosuch-rule"])
            .output()
            .unwrap();
        assert_eq!(exit_code(&out), 2, "{flag}");
        assert!(
            stderr(&out).contains("nosuch-rule"),
            "{flag}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{flag}: nothing is checked");
    }
}

#[test]
fn no_site_exits_2() {
    let dir = TempSite::empty();
    dir.write("notes/a.md", CLEAN_POST);
    let out = pagelint(&dir.path("notes")).output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("site"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let site = post_site();
    site.write("content/posts/a.md", CLEAN_POST);
    let out = site.cmd().arg("content/posts/nope.md").output().unwrap();
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("nope.md"), "{}", stderr(&out));
}

#[test]
fn bad_arguments_exit_2() {
    let site = post_site();
    let out = site.cmd().arg("--no-such-flag").output().unwrap();
    assert_eq!(exit_code(&out), 2);
    let out = site.cmd().args(["--format", "yaml"]).output().unwrap();
    assert_eq!(exit_code(&out), 2);
}

// ---- standard input --------------------------------------------------------

#[test]
fn stdin_is_reported_under_its_name_with_that_paths_schema() {
    let site = post_site();
    // What is on disk at that path does not matter: standard input is checked.
    site.write("content/posts/x.md", CLEAN_POST);
    let no_date = CLEAN_POST.replace("date: 2025-05-13T23:30:17+08:00\n", "");
    let (code, report) = common::run_json(
        site.cmd()
            .args([
                "check",
                "--format",
                "json",
                "--stdin-filename",
                "content/posts/x.md",
                "-",
            ])
            .write_stdin(no_date.clone()),
    );
    assert_eq!(code, 1);
    assert_eq!(
        report.path_line_rule(),
        [(
            "content/posts/x.md".to_string(),
            1,
            "required-field".to_string()
        )]
    );
    assert_eq!(report.0["files_checked"], 1);

    // The same text outside the schema's files is fine.
    let (code, report) = common::run_json(
        site.cmd()
            .args([
                "check",
                "--format",
                "json",
                "--stdin-filename",
                "content/about.md",
                "-",
            ])
            .write_stdin(no_date),
    );
    assert_eq!(code, 0);
    assert!(report.diagnostics().is_empty(), "{}", report.0);
}

#[test]
fn stdin_name_is_relative_to_the_current_directory() {
    let site = post_site();
    site.write("content/posts/a.md", CLEAN_POST);
    let out = pagelint(&site.path("content"))
        .args(["--format", "concise", "--stdin-filename", "posts/y.md", "-"])
        .write_stdin(MULTI_POST)
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(line.starts_with("posts/y.md:"), "{line}");
    }
}

// ---- report paths and determinism ------------------------------------------

fn three_folder_site() -> TempSite {
    let site = post_site();
    for f in [
        "content/posts/a.md",
        "content/posts/deep/b.md",
        "content/legacy/c.md",
    ] {
        site.write(f, MULTI_POST);
    }
    site
}

fn reported_paths(cmd: &mut assert_cmd::Command) -> BTreeSet<String> {
    let (_, report) = common::run_json(cmd.args(["--format", "json", "--select", "date-format"]));
    report
        .diagnostics()
        .iter()
        .map(|d| d.path().to_string())
        .collect()
}

#[test]
fn paths_are_relative_to_the_site_root_when_run_there() {
    let site = three_folder_site();
    let paths = reported_paths(&mut site.cmd());
    let want = [
        "content/legacy/c.md",
        "content/posts/a.md",
        "content/posts/deep/b.md",
    ];
    assert_eq!(paths, want.map(String::from).into());
}

#[test]
fn paths_are_relative_to_the_current_directory_above_the_site() {
    let parent = TempSite::empty();
    let site_dir = "blog";
    parent.write(
        &format!("{site_dir}/hugo.toml"),
        "baseURL = \"https://example.org/\"\n",
    );
    parent.write(&format!("{site_dir}/content/posts/a.md"), MULTI_POST);
    let paths = reported_paths(pagelint(parent.root()).arg(site_dir));
    assert_eq!(paths, ["blog/content/posts/a.md".to_string()].into());
}

#[test]
fn paths_are_relative_to_the_current_directory_below_the_root() {
    let site = three_folder_site();
    // Run from content/posts: the whole site is checked, and every path is
    // written relative to content/posts, with `/`.
    let paths = reported_paths(&mut pagelint(&site.path("content/posts")));
    let want = ["../legacy/c.md", "a.md", "deep/b.md"];
    assert_eq!(paths, want.map(String::from).into());
}

#[test]
fn explicit_paths_are_reported_as_given_relative_to_the_current_directory() {
    let site = three_folder_site();
    let paths = reported_paths(
        site.cmd()
            .args(["./content/posts/../legacy/c.md", "content//posts/deep"]),
    );
    let want = ["content/legacy/c.md", "content/posts/deep/b.md"];
    assert_eq!(paths, want.map(String::from).into());
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let site = post_site();
    for i in 0..40 {
        // Varying names, folders and findings, so that the order is not an accident.
        let text = match i % 4 {
            0 => MULTI_POST.to_string(),
            1 => CLEAN_POST.replace("AI 產業動態", "AI 産業動態"),
            2 => CLEAN_POST.replace("date: 2025-05-13T23:30:17+08:00\n", ""),
            _ => CLEAN_POST.to_string(),
        };
        site.write(
            &format!("content/posts/{}/{:02}-{}.md", i % 3, (i * 7) % 40, i),
            text,
        );
    }
    for format in ["json", "concise", "human"] {
        let run = |threads: &str| {
            let out = site
                .cmd()
                .args(["--format", format, "--threads", threads, "--color", "never"])
                .output()
                .unwrap();
            assert_eq!(exit_code(&out), 1);
            out.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(
            one,
            run("2"),
            "{format}: --threads 1 and --threads 2 differ"
        );
        assert_eq!(one, run("2"), "{format}: two runs with --threads 2 differ");
    }
    // And the order is path, line, column.
    let (_, report) = site.json(&["--threads", "2"]);
    let keys: Vec<_> = report
        .diagnostics()
        .iter()
        .map(|d| (d.path().to_string(), d.line(), d.column()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

// ---- the example site ------------------------------------------------------

/// `fixtures/blog` reports exactly its deliberate findings, of every rule,
/// and nothing for the theme's `notice`, the `figure` and `youtube`
/// built-ins, the leaf bundle's `chart.png`, the images in code, or the
/// escaped `{{</* ... */>}}` shortcode.
#[test]
fn the_example_blog_reports_exactly_its_deliberate_findings() {
    let blog = common::repo().join("fixtures/blog");
    let (code, report) = common::run_json(pagelint(&blog).args(["--format", "json"]));
    assert_eq!(code, 1);
    let found: BTreeSet<(String, u64, String)> = report.path_line_rule().into_iter().collect();
    let p = |name: &str| format!("content/posts/{name}");
    let want: BTreeSet<(String, u64, String)> = [
        (p("2025-05-13-anthropic.md"), 7, "empty-field"),
        (p("2025-05-13-anthropic.md"), 8, "empty-field"),
        (p("2025-02-30-leap-day.md"), 3, "date-format"),
        (p("2025-03-03-misspelt-category.md"), 5, "unknown-value"),
        // `/images/posts/20250513-8eab4a57.jpg` is deliberately absent from static/.
        (p("2025-05-13-anthropic.md"), 56, "broken-image"),
        (p("2025-03-10-shortcode-typo.md"), 14, "shortcode-unknown"),
        // `{{< callout >}}` is never closed, and callout uses `.Inner`.
        (
            p("2025-03-17-unclosed-callout.md"),
            14,
            "shortcode-unbalanced",
        ),
    ]
    .into_iter()
    .map(|(path, line, rule)| (path, line, rule.to_string()))
    .collect();
    assert_eq!(found, want, "{}", report.0);
    // Every content file was read, pages outside content/posts included.
    assert_eq!(
        report.0["files_checked"].as_u64(),
        Some(markdown_files(&blog.join("content")))
    );
}

fn markdown_files(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| match p.is_dir() {
            true => markdown_files(&p),
            false => u64::from(p.extension().is_some_and(|e| e == "md")),
        })
        .sum()
}
