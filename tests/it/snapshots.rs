//! The reports a user reads, as snapshots: the human report of one small
//! site per front matter finding (`fixtures/cases/<case>/`), and the concise
//! and JSON reports of a file with several findings. Each case runs with the
//! case's folder as the current directory, so no machine path gets in.
//!
//! To review a change: `INSTA_UPDATE=always cargo test --test it snapshots`,
//! then read `git diff tests/it/snapshots/` line by line.

use crate::common;

use common::{exit_code, pagelint, stderr, stdout};

/// `pagelint ARGS` in `fixtures/cases/CASE`: the command, its exit status and its output.
pub(crate) fn run(case: &str, args: &[&str]) -> String {
    let dir = common::repo().join("fixtures/cases").join(case);
    assert!(dir.is_dir(), "no case folder {}", dir.display());
    let out = pagelint(&dir).args(args).output().expect("run pagelint");
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

pub(crate) fn snapshot(name: &str, output: String) {
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, output);
    });
}

macro_rules! human {
    ($($test:ident => $case:literal,)*) => {$(
        #[test]
        fn $test() {
            snapshot($case, run($case, &["--color", "never"]));
        }
    )*};
}

human! {
    frontmatter_syntax_yaml => "frontmatter-syntax-yaml",
    frontmatter_syntax_toml => "frontmatter-syntax-toml",
    frontmatter_syntax_json => "frontmatter-syntax-json",
    frontmatter_unclosed => "frontmatter-unclosed",
    duplicate_key => "duplicate-key",
    required_field => "required-field",
    empty_field => "empty-field",
    field_type => "field-type",
    date_format => "date-format",
    url_format => "url-format",
    unknown_value => "unknown-value",
    field_pattern => "field-pattern",
    unknown_field => "unknown-field",
}

#[test]
fn multi_concise() {
    snapshot("multi-concise", run("multi", &["--format", "concise"]));
}

#[test]
fn multi_json() {
    snapshot("multi-json", run("multi", &["--format", "json"]));
}
