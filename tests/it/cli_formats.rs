//! The report formats of `README.md`'s *Output formats* (`human`, `concise`, `json`) and the flags
//! that shape them: `--quiet`, `--statistics`, `--color`.

use crate::common;

use std::collections::BTreeMap;

use serde_json::Value;

use common::{exit_code, post_site, stdout, text_at, TempSite, CLEAN_POST, MULTI_POST};

/// Two posts with findings and one without: 5 errors and 1 warning in 3 files.
fn site() -> TempSite {
    let site = post_site();
    site.write("content/posts/a.md", MULTI_POST);
    site.write(
        "content/posts/b.md",
        CLEAN_POST.replace("[\"AI 產業動態\"]", "[\"中文\", \"ai 技術解析\"]"),
    );
    site.write("content/posts/c.md", CLEAN_POST);
    site
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort();
    k
}

fn positive(v: &Value) -> u64 {
    let n = v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"));
    assert!(n >= 1, "lines and columns are 1-based: {v}");
    n
}

#[test]
fn json_has_the_shape_of_the_spec() {
    let (code, report) = site().json(&[]);
    assert_eq!(code, 1);
    let doc = &report.0;
    assert_eq!(
        keys(doc),
        ["diagnostics", "files_checked", "summary", "version"]
    );
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["files_checked"], 3);
    assert_eq!(
        keys(&doc["summary"]),
        ["errors", "fixable", "unsafe_fixable", "warnings"]
    );

    let diagnostics = doc["diagnostics"].as_array().unwrap();
    let (mut errors, mut warnings, mut fixable, mut unsafe_fixable) = (0, 0, 0, 0);
    for d in diagnostics {
        assert_eq!(
            keys(d),
            [
                "column",
                "end_column",
                "end_line",
                "fix",
                "help",
                "line",
                "message",
                "path",
                "rule",
                "severity"
            ],
        );
        assert!(d["path"].is_string() && d["message"].is_string(), "{d}");
        let rule = d["rule"].as_str().unwrap();
        assert!(
            pagelint::rules::by_name(rule).is_some(),
            "unknown rule {rule}"
        );
        match d["severity"].as_str() {
            Some("error") => errors += 1,
            Some("warning") => warnings += 1,
            other => panic!("severity {other:?}"),
        }
        let start = (positive(&d["line"]), positive(&d["column"]));
        let end = (positive(&d["end_line"]), positive(&d["end_column"]));
        assert!(start <= end, "{d}");
        assert!(d["help"].is_null() || d["help"].is_string(), "{d}");
        match &d["fix"] {
            Value::Null => {}
            fix => {
                match fix["applicability"].as_str() {
                    Some("safe") => fixable += 1,
                    _ => unsafe_fixable += 1,
                }
                assert_eq!(keys(fix), ["applicability", "edits"]);
                assert!(
                    matches!(fix["applicability"].as_str(), Some("safe" | "unsafe")),
                    "{fix}"
                );
                let edits = fix["edits"].as_array().unwrap();
                assert!(!edits.is_empty(), "{fix}");
                for e in edits {
                    assert_eq!(
                        keys(e),
                        ["column", "content", "end_column", "end_line", "line"]
                    );
                    assert!(e["content"].is_string());
                    assert!(
                        (positive(&e["line"]), positive(&e["column"]))
                            <= (positive(&e["end_line"]), positive(&e["end_column"]))
                    );
                }
            }
        }
    }
    assert_eq!((errors, warnings), (5, 1), "{doc}");
    assert_eq!(report.summary("errors"), errors);
    assert_eq!(report.summary("warnings"), warnings);
    assert_eq!(report.summary("fixable"), fixable);
    assert_eq!(report.summary("unsafe_fixable"), unsafe_fixable);
    assert_eq!(
        (fixable, unsafe_fixable),
        (2, 1),
        "two case fixes of unknown-value (safe) and a url-format guess (unsafe)"
    );
}

/// Replaces the character range of one single-line edit in `text`.
fn apply(text: &str, edit: &Value) -> String {
    let line = edit["line"].as_u64().unwrap();
    assert_eq!(
        edit["end_line"].as_u64(),
        Some(line),
        "single-line edit: {edit}"
    );
    let (from, to) = (
        edit["column"].as_u64().unwrap() as usize,
        edit["end_column"].as_u64().unwrap() as usize,
    );
    let original = text.lines().nth(line as usize - 1).unwrap();
    let chars: Vec<char> = original.chars().collect();
    let before: String = chars[..from - 1].iter().collect();
    let after: String = chars[to - 1..].iter().collect();
    format!("{before}{}{after}", edit["content"].as_str().unwrap())
}

#[test]
fn json_fixes_point_at_the_text_they_replace() {
    let site = site();
    let (_, report) = site.json(&[]);
    let fixed: Vec<(String, u64, String, String, String)> = report
        .diagnostics()
        .iter()
        .filter(|d| !d.0["fix"].is_null())
        .map(|d| {
            let fix = &d.0["fix"];
            let text = std::fs::read_to_string(site.path(d.path())).unwrap();
            let edits = fix["edits"].as_array().unwrap();
            assert_eq!(edits.len(), 1, "{fix}");
            (
                d.path().to_string(),
                d.column(),
                d.rule().to_string(),
                fix["applicability"].as_str().unwrap().to_string(),
                apply(&text, &edits[0]),
            )
        })
        .collect();
    let row = |p: &str, c, r: &str, a: &str, t: &str| {
        (
            format!("content/posts/{p}"),
            c,
            r.to_string(),
            a.to_string(),
            t.to_string(),
        )
    };
    assert_eq!(
        fixed,
        [
            // Only the case differs: safe.
            row(
                "a.md",
                14,
                "unknown-value",
                "safe",
                "categories: [\"AI 技術解析\"]"
            ),
            // A guess at the scheme: unsafe.
            row(
                "a.md",
                13,
                "url-format",
                "unsafe",
                "source_url: \"https://news.example.com/a\""
            ),
            row(
                "b.md",
                20,
                "unknown-value",
                "safe",
                "categories: [\"中文\", \"AI 技術解析\"]"
            ),
        ]
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let site = site();
    let (_, report) = site.json(&["--select", "unknown-value"]);
    let text = std::fs::read_to_string(site.path("content/posts/b.md")).unwrap();
    let cols: Vec<(u64, u64, String)> = report
        .diagnostics()
        .iter()
        .filter(|d| d.path() == "content/posts/b.md")
        .map(|d| (d.line(), d.column(), text_at(&text, d.line(), d.column())))
        .collect();
    assert_eq!(
        cols,
        [
            (5, 14, "\"中文\", \"ai 技術解析\"]".to_string()),
            (5, 20, "\"ai 技術解析\"]".to_string()),
        ]
    );
}

#[test]
fn concise_is_one_line_per_finding_agreeing_with_json() {
    let site = site();
    let out = site.cmd().args(["--format", "concise"]).output().unwrap();
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    let (_, report) = site.json(&[]);
    let want: Vec<String> = report
        .diagnostics()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {}[{}] {}",
                d.path(),
                d.line(),
                d.column(),
                d.severity(),
                d.rule(),
                d.message()
            )
        })
        .collect();
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
    assert!(
        text.starts_with("content/posts/a.md:3:7: error[date-format] "),
        "{text}"
    );
    assert!(
        text.contains("content/posts/a.md:7:14: warning[empty-field] "),
        "{text}"
    );
}

#[test]
fn human_shows_each_finding_and_ends_with_the_summary() {
    let site = site();
    let out = site.cmd().args(["--color", "never"]).output().unwrap();
    assert_eq!(exit_code(&out), 1);
    let text = stdout(&out);
    assert_eq!(
        text.lines().last(),
        Some(
            "5 errors, 1 warning; 3 files checked; \
             2 fixable with --fix, 1 more with --unsafe-fixes"
        )
    );
    for (file, line) in [
        ("content/posts/a.md", 3),
        ("content/posts/a.md", 7),
        ("content/posts/b.md", 5),
    ] {
        assert!(
            text.contains(&format!("[{file}:{line}:")),
            "no snippet at {file}:{line}:\n{text}"
        );
    }
    for rule in ["date-format", "unknown-value", "url-format", "empty-field"] {
        assert!(text.contains(rule), "{rule} missing:\n{text}");
    }
    assert!(text.contains("help: did you mean `AI 技術解析`?"), "{text}");
}

#[test]
fn human_snippet_headers_name_each_findings_line_and_column() {
    let site = site();
    let text = stdout(&site.cmd().args(["--color", "never"]).output().unwrap());
    let (_, report) = site.json(&[]);
    let headers: Vec<&str> = text
        .lines()
        .filter_map(|l| {
            l.split_once("╭─[")
                .map(|(_, rest)| rest.trim_end_matches(']'))
        })
        .collect();
    let want: Vec<String> = report
        .diagnostics()
        .iter()
        .map(|d| format!("{}:{}:{}", d.path(), d.line(), d.column()))
        .collect();
    assert_eq!(headers, want);
}

#[test]
fn human_summary_of_a_clean_run() {
    let site = post_site();
    site.write("content/posts/c.md", CLEAN_POST);
    let out = site.cmd().output().unwrap();
    assert_eq!(exit_code(&out), 0);
    assert_eq!(stdout(&out), "0 errors, 0 warnings; 1 file checked\n");
}

#[test]
fn quiet_prints_the_findings_and_nothing_else_in_every_format() {
    let clean = post_site();
    clean.write("content/posts/c.md", CLEAN_POST);
    let out = clean.cmd().arg("--quiet").output().unwrap();
    assert_eq!((exit_code(&out), stdout(&out)), (0, String::new()));

    // As ruff's: the findings, no summary; the same meaning in every format.
    let site = site();
    let loud = stdout(&site.cmd().output().unwrap());
    let out = site.cmd().arg("--quiet").output().unwrap();
    assert_eq!(exit_code(&out), 1);
    let quiet = stdout(&out);
    assert_eq!(
        quiet,
        loud.rsplit_once("\n5 errors").unwrap().0.to_string() + "\n",
        "the human report without its summary line"
    );
    assert!(quiet.contains("date-format"), "{quiet}");
    let concise = |q: &[&str]| {
        stdout(
            &site
                .cmd()
                .args(["--format", "concise"])
                .args(q)
                .output()
                .unwrap(),
        )
    };
    assert_eq!(concise(&["-q"]), concise(&[]));
    assert_eq!(concise(&["-q"]).lines().count(), 6);
}

/// `(count, rule)` rows of a `--statistics` table.
fn statistics_rows(text: &str) -> BTreeMap<String, u64> {
    text.lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let n = words.next()?.parse().ok()?;
            let rule = words.next()?;
            pagelint::rules::by_name(rule).map(|_| (rule.to_string(), n))
        })
        .collect()
}

#[test]
fn statistics_counts_findings_per_rule() {
    let site = site();
    let (_, report) = site.json(&[]);
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for rule in report.rules() {
        *want.entry(rule).or_default() += 1;
    }
    assert_eq!(want["unknown-value"], 3);
    for format in ["human", "concise"] {
        let out = site
            .cmd()
            .args(["--statistics", "--format", format])
            .output()
            .unwrap();
        assert_eq!(exit_code(&out), 1);
        assert_eq!(
            statistics_rows(&stdout(&out)),
            want,
            "{format}:\n{}",
            stdout(&out)
        );
    }
}

#[test]
fn color_never_and_always() {
    let site = site();
    let never = site.cmd().args(["--color", "never"]).output().unwrap();
    assert!(
        !never.stdout.contains(&0x1b),
        "escape codes with --color never"
    );
    let always = site.cmd().args(["--color", "always"]).output().unwrap();
    assert!(
        always.stdout.contains(&0x1b),
        "no escape codes with --color always"
    );
    let auto = site.cmd().output().unwrap();
    assert!(
        !auto.stdout.contains(&0x1b),
        "escape codes with NO_COLOR set and no terminal"
    );
}
