//! Every rule's own words, pinned: the human and concise reports of each
//! rule page's bad examples (`rules/NAME.md`), run as `tests/it/rule_docs.rs`
//! runs them, and of the generated inputs of the rules whose input cannot
//! be written in a page (file-encoding, theme-missing).
//!
//! To review a change: `INSTA_UPDATE=always cargo test --test it snapshots`,
//! then read `git diff tests/it/snapshots/` line by line.

use crate::common::{exit_code, pagelint, stderr, stdout, TempSite};
use crate::rule_docs::{examples, page_names, read_page, Examples};
use crate::snapshots::snapshot;

/// `pagelint ARGS` in the site's root, as the snapshot shows it.
fn report(site: &TempSite, args: &[&str]) -> String {
    let out = pagelint(site.root())
        .args(args)
        .output()
        .expect("run pagelint");
    let mut text = format!(
        "$ pagelint {}\nexit status: {}\n\n{}",
        args.join(" "),
        exit_code(&out),
        stdout(&out)
    );
    let err = stderr(&out);
    if !err.is_empty() {
        text.push_str("---- stderr ----\n");
        text.push_str(&err);
    }
    text
}

/// The human and the concise report of one site.
fn both_reports(site: &TempSite) -> String {
    let human = report(site, &["--color", "never"]);
    let concise = report(site, &["--format", "concise"]);
    format!("{human}\n{concise}")
}

fn example_site(ex: &Examples, page_path: &str, page_text: &str) -> TempSite {
    let site = TempSite::new();
    if let Some(config) = &ex.config {
        site.write("pagelint.toml", config);
    }
    for (path, text) in &ex.files {
        site.write(path, text);
    }
    site.write(page_path, page_text);
    site
}

#[test]
fn every_rule_page_bad_example() {
    let mut pinned = 0;
    for name in page_names() {
        let ex = examples(&read_page(&name)).expect("the page's examples parse");
        let mut text = String::new();
        for (i, (path, page)) in ex.bad.iter().enumerate() {
            if i > 0 {
                text.push_str("\n==== next bad example ====\n\n");
            }
            text.push_str(&both_reports(&example_site(&ex, path, page)));
        }
        if !text.is_empty() {
            snapshot(&format!("rule-{name}"), text);
            pinned += 1;
        }
    }
    assert!(pinned >= 18, "only {pinned} rule pages have a bad example");
}

#[test]
fn file_encoding_generated_input() {
    let site = TempSite::new();
    site.write(
        "content/posts/latin1.md",
        b"---\ntitle: caf\xe9\n---\nbody\n",
    );
    snapshot("rule-file-encoding", both_reports(&site));
}

#[test]
fn theme_missing_generated_input() {
    let site = TempSite::empty();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"nope\"\n",
    );
    site.write("content/posts/p.md", "---\ntitle: p\n---\n{{< notice >}}\n");
    snapshot("rule-theme-missing", both_reports(&site));
}

#[test]
fn unmatched_glob_generated_input() {
    let site = TempSite::new();
    site.write(
        "pagelint.toml",
        "[[schema]]\nfiles = [\"posts/**/*.md\"]\n[schema.fields.title]\nrequired = true\n",
    );
    site.write("content/posts/p.md", "---\ndate: 2025-01-01\n---\n");
    snapshot("rule-unmatched-glob", both_reports(&site));
}
