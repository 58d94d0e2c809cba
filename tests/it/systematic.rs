//! Systematic findings (issue 14, item 3): when one rule fires about the same
//! field (or the same value of a field) in many files, the human report ends
//! with one line per group before its summary line, and `--statistics` lists
//! the groups under their rule; every finding is still reported one by one.

use crate::common::{self, exit_code, stdout, TempSite};
use crate::gensite::{generate, Options};
use crate::snapshots::snapshot;

const HEADING: &str = "Systematic findings";

/// A generated site of `posts` posts whose generator left `source_url` empty
/// in every one (a required field: an error each).
fn empty_everywhere(posts: usize) -> TempSite {
    let site = TempSite::empty();
    let opts = Options {
        posts,
        defects: 1.0,
        kinds: Some(vec!["empty-field".into()]),
        ..Options::default()
    };
    let expected = generate(site.root(), &opts).expect("generate the site");
    assert_eq!(expected.len(), posts, "one empty source_url per post");
    site
}

fn human(site: &TempSite, args: &[&str]) -> String {
    let out = site
        .cmd()
        .args(["--color", "never"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(exit_code(&out), 1, "{}", stdout(&out));
    stdout(&out)
}

#[test]
fn a_field_empty_in_every_post_is_one_line_and_every_finding_is_still_reported() {
    let site = empty_everywhere(17);
    let (_, report) = site.json(&[]);
    let files = report.0["files_checked"].as_u64().unwrap();
    assert_eq!(report.rules(), vec!["empty-field"; 17]);
    let text = human(&site, &[]);
    assert_eq!(text.matches("`source_url` is empty").count(), 17);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.starts_with(HEADING)).unwrap();
    // The block, then a blank line and the summary line, which ends the report.
    assert_eq!(
        lines[at + 1..],
        [
            &format!("  empty-field `source_url`: 17 of {files} files checked") as &str,
            "",
            &format!("17 errors, 0 warnings; {files} files checked"),
        ]
    );
    // `-q`: the findings and nothing else.
    let quiet = human(&site, &["-q"]);
    assert!(!quiet.contains(HEADING), "{quiet}");
    assert_eq!(quiet.matches("`source_url` is empty").count(), 17);
    // Machine formats keep their shape: one line or element per finding, no block.
    let concise = stdout(&site.cmd().args(["--format", "concise"]).output().unwrap());
    assert_eq!(concise.lines().count(), 17, "{concise}");
}

#[test]
fn statistics_list_the_groups_under_their_rule_in_human_concise_and_json() {
    let site = empty_everywhere(5);
    let (_, report) = site.json(&[]);
    let files = report.0["files_checked"].as_u64().unwrap();
    let row = format!("     5    `source_url`: 5 of {files} files checked\n");
    for format in ["human", "concise"] {
        let text = human(&site, &["--statistics", "--format", format]);
        assert!(
            text.contains(&format!("     5  empty-field\n{row}")),
            "{format}:\n{text}"
        );
        // The statistics already hold every group: no second list.
        assert!(!text.contains(HEADING), "{format}:\n{text}");
    }
    let (_, report) = site.json(&["--statistics"]);
    assert_eq!(
        report.0["statistics"],
        serde_json::json!([{
            "rule": "empty-field", "findings": 5, "fixable": 0, "unsafe_fixable": 0,
            "groups": [{"field": "source_url", "value": null, "files": 5, "findings": 5}],
        }])
    );
}

/// A post with a schema (`common::POST_SCHEMA`) whose categories are `cats`
/// and whose `source_url` is `url`.
fn post(cats: &str, url: &str) -> String {
    format!(
        "---\ntitle: \"T\"\ndate: 2025-05-13T23:30:17+08:00\ncategories: [{cats}]\n\
         source_url: \"{url}\"\n---\n\nBody.\n"
    )
}

#[test]
fn a_handful_of_unrelated_findings_get_no_block() {
    let site = common::post_site();
    let ok = "https://example.com/a";
    site.write("content/posts/a.md", post("\"AI 技術解析\"", ""));
    site.write("content/posts/b.md", post("\"News\"", ok));
    site.write("content/posts/c.md", post("\"Sport\"", ok));
    site.write(
        "content/posts/d.md",
        post("\"AI 技術解析\"", "example.com/d"),
    );
    // Two files with the same mistake are still below the threshold.
    site.write("content/posts/e.md", post("\"Weather\"", ""));
    let text = human(&site, &[]);
    assert!(text.contains("is not an allowed value"), "{text}");
    assert!(!text.contains(HEADING), "{text}");
}

#[test]
fn the_same_value_in_many_posts_is_a_group_of_its_own() {
    let site = common::post_site();
    for name in ["a", "b", "c", "d"] {
        site.write(
            &format!("content/posts/{name}.md"),
            post("\"News\"", "https://x.org/"),
        );
    }
    site.write("content/posts/e.md", post("\"Sport\"", "https://x.org/"));
    site.write(
        "content/posts/f.md",
        post("\"Sport\", \"Weather\"", "https://x.org/"),
    );
    let text = human(&site, &[]);
    let at = text.find(HEADING).expect(&text);
    let block: Vec<&str> = text[at..]
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    // `Sport` is in two files only; `Weather` in one.
    assert_eq!(
        block,
        ["  unknown-value `categories` = `News`: 4 of 6 files checked"],
        "{text}"
    );
}

#[test]
fn snapshot_of_a_generated_site_with_an_empty_field_everywhere() {
    let site = empty_everywhere(4);
    let run = |args: &[&str]| {
        let out = site.cmd().args(args).output().unwrap();
        format!("$ pagelint {}\n{}", args.join(" "), stdout(&out))
    };
    let text = [
        run(&["--color", "never"]),
        run(&["--color", "never", "--statistics"]),
    ]
    .join("\n");
    snapshot("systematic-empty-field", text);
}
