//! Every output format carries the same findings, and SARIF is valid SARIF.

use crate::common;
use crate::gensite;

use common::pagelint;

fn output(site: &std::path::Path, format: &str) -> (i32, String) {
    let out = pagelint(site)
        .args(["check", "--format", format])
        .output()
        .unwrap();
    (common::exit_code(&out), common::stdout(&out))
}

#[test]
fn json_sarif_github_concise_and_junit_report_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let expected = gensite::generate(
        &site,
        &gensite::Options {
            posts: 300,
            seed: 9,
            defects: 0.3,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    assert!(!expected.is_empty());

    let (code, json) = output(&site, "json");
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let n = json["diagnostics"].as_array().unwrap().len();
    assert!(n >= expected.len());

    let (code, sarif) = output(&site, "sarif");
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), n);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "SARIF is not valid: {errors:#?}");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), pagelint::rules::ALL.len());
    assert!(rules.iter().all(|r| r["help"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("# "))));

    let (code, github) = output(&site, "github");
    assert_eq!(code, 1);
    assert_eq!(
        github
            .lines()
            .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
            .count(),
        n
    );

    let (code, concise) = output(&site, "concise");
    assert_eq!(code, 1);
    assert_eq!(
        concise
            .lines()
            .filter(|l| l.contains(": error[") || l.contains(": warning["))
            .count(),
        n
    );

    let (code, junit) = output(&site, "junit");
    assert_eq!(code, 1);
    assert_eq!(junit.matches("<failure ").count(), n);
    let files = json["files_checked"].as_u64().unwrap() as usize;
    assert_eq!(junit.matches("<testcase ").count(), files);
}

/// A plain check streams its report file by file while the workers lint;
/// `--fix` and JUnit collect the whole run and write it at the end. Both
/// must give the same bytes, whatever the number of findings per file.
#[test]
fn a_streamed_report_is_the_report_of_the_whole_run() {
    use pagelint::engine::Engine;
    use pagelint::input::Input;
    use pagelint::report::{self, Format, Options};
    use pagelint::select::Selection;
    use pagelint::site::{LoadOptions, Site};

    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("site");
    gensite::generate(
        &site_dir,
        &gensite::Options {
            posts: 200,
            seed: 4,
            defects: 0.5,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    let root = site_dir.canonicalize().unwrap();
    let options = LoadOptions {
        config: None,
        isolated: false,
        version: None,
        known_rules: pagelint::rules::names(),
    };
    let site = Site::load(root.clone(), &options).unwrap_or_else(|e| panic!("{:?}", e.errors));
    let inputs = || -> Vec<Input> {
        pagelint::walk::collect(&site, &[], false, 0)
            .into_iter()
            .map(Input::File)
            .collect()
    };
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let reporter = report::reporter(
            format,
            Options {
                color: false,
                quiet: false,
                statistics: true,
                width: 100,
            },
        );
        let engine = Engine {
            site: &site,
            selection: Selection::default(),
            cwd: root.clone(),
            report: Some(reporter.as_ref()),
            keep_text: false,
            whole_site: true,
        };
        let mut whole = Vec::new();
        let outcome = engine.run(inputs());
        reporter.report(&outcome, &mut whole).unwrap();

        let mut streamed = Vec::new();
        reporter.begin(&mut streamed).unwrap();
        let mut index = 0;
        let (totals, written) = engine.stream(inputs(), &mut |r| {
            index += 1;
            reporter.file(index - 1, &r, &mut streamed)
        });
        written.unwrap();
        reporter.end(&totals.totals, &mut streamed).unwrap();

        assert!(
            outcome.results.len() > 50,
            "{format:?}: too few files with findings"
        );
        assert_eq!(index, outcome.results.len(), "{format:?}");
        assert_eq!(totals.totals, outcome.totals(), "{format:?}");
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap(),
            "{format:?}"
        );
    }
}

/// `pagelint check | head -1`: the report streams, the reader goes away
/// after one line, and pagelint finishes quietly with the exit code of the
/// findings rather than an error about writing.
#[test]
fn a_reader_that_stops_early_ends_the_report_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    gensite::generate(
        &site,
        &gensite::Options {
            posts: 2000,
            seed: 5,
            defects: 0.6,
            kinds: None,
            all_kinds: false,
        },
    )
    .unwrap();
    let (_, whole) = output(&site, "concise");
    assert!(
        whole.len() > 128 * 1024,
        "the report must outgrow a pipe's buffer"
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pagelint"))
        .current_dir(&site)
        .args(["check", "--format", "concise"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone; the rest of the report (well over a pipe's 64 KiB) has nowhere to go.
    let out = child.wait_with_output().unwrap();
    assert!(first.contains(": error["), "first line: {first}");
    assert_eq!(common::exit_code(&out), 1);
    assert_eq!(common::stderr(&out), "");
}
