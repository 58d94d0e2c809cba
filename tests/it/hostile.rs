//! Hostile input: every file gets an answer (a finding or a clear message
//! naming the file), the process never panics (exit 101) or dies from a
//! signal, and never hangs (a generous guard kills it and fails the test).

use crate::common;

use std::time::Duration;

use common::TempSite;

/// Kills a run that hangs; not a speed limit (benchmarks measure speed).
const HANG_GUARD: Duration = Duration::from_secs(120);

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// The rule that must report it, or None when the file is fine.
    rule: Option<&'static str>,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, rule: Option<&'static str>) -> Case {
    Case {
        name,
        bytes: bytes.into(),
        rule,
    }
}

fn cases() -> Vec<Case> {
    let fm = "---\ntitle: x\n---\n";
    let mut alias = String::from("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let p = i - 1;
        alias.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    alias.push_str("---\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "---\ntitle: x\n---\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let block_deep: String = (0..5_000)
        .map(|i| format!("{}- \n", " ".repeat(i)))
        .collect();
    vec![
        case(
            "invalid-utf8.md",
            b"---\ntitle: caf\xe9\n---\n".to_vec(),
            Some("file-encoding"),
        ),
        case("utf16.md", utf16, Some("file-encoding")),
        case(
            "binary.md",
            (0..=255u8).cycle().take(40_000).collect::<Vec<_>>(),
            Some("file-encoding"),
        ),
        case(
            "nul-in-front-matter.md",
            b"---\ntitle: a\x00b\n---\n".to_vec(),
            Some("frontmatter-syntax"),
        ),
        case("empty.md", "", None),
        case("lone-yaml-delimiter.md", "---", Some("frontmatter-syntax")),
        case("lone-toml-delimiter.md", "+++", Some("frontmatter-syntax")),
        case(
            "never-closed.md",
            format!("---\n{}", "key: value\n".repeat(150_000)),
            Some("frontmatter-syntax"),
        ),
        case("alias-bomb.md", alias, Some("frontmatter-syntax")),
        case(
            "yaml-flow-deep.md",
            format!("---\na: {}\n---\n", "[".repeat(100_000)),
            Some("frontmatter-syntax"),
        ),
        case(
            "yaml-block-deep.md",
            format!("---\n{block_deep}---\n"),
            Some("frontmatter-syntax"),
        ),
        case(
            "json-deep.md",
            format!(
                "{{\"a\": {}{}}}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            Some("frontmatter-syntax"),
        ),
        case(
            "toml-deep.md",
            format!("+++\na = {}\n+++\n", "[".repeat(100_000)),
            Some("frontmatter-syntax"),
        ),
        case(
            "many-keys.md",
            format!(
                "---\n{}---\n",
                (0..100_000)
                    .map(|i| format!("k{i}: v\n"))
                    .collect::<String>()
            ),
            None,
        ),
        case(
            "tab-indent.md",
            "---\nparams:\n\tkey: v\n---\n",
            Some("frontmatter-syntax"),
        ),
        case(
            "cr-only.md",
            "---\rtitle: x\rdate: 2025-02-30\r---\rbody\r",
            Some("date-format"),
        ),
        case(
            "long-line.md",
            format!("{fm}{} ![](/missing.png)\n", "a".repeat(20_000_000)),
            Some("broken-image"),
        ),
        case(
            "many-images.md",
            format!(
                "{fm}{}",
                (0..50_000)
                    .map(|i| format!("![](/images/m-{i}.png)\n"))
                    .collect::<String>()
            ),
            Some("broken-image"),
        ),
        case(
            "shortcode-storm.md",
            format!("{fm}{}\n", "{{<".repeat(200_000)),
            Some("shortcode-syntax"),
        ),
        case(
            "unterminated-quotes.md",
            format!("{fm}{}", "{{< x \"a >}}\n".repeat(100_000)),
            Some("shortcode-syntax"),
        ),
        case(
            "climbing-images.md",
            format!("{fm}![](../../../../../../etc/passwd)\n<img src=\"/../../../secret.png\">\n"),
            Some("broken-image"),
        ),
        case(
            "huge-date.md",
            "---\ntitle: x\ndate: 99999999999999999999-99-99T99:99:99+99:99\n---\n",
            Some("date-format"),
        ),
        case(
            "hundred-megabytes.md",
            format!(
                "{fm}{}",
                "Some text with an image ![](/img/a.png) and {{< youtube abc >}}.\n\n"
                    .repeat(1_300_000)
            ),
            Some("broken-image"),
        ),
    ]
}

fn site_with(cases: &[Case]) -> TempSite {
    let site = TempSite::new();
    for c in cases {
        site.write(&format!("content/posts/{}", c.name), &c.bytes);
    }
    site
}

fn run(site: &TempSite, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = site
        .cmd()
        .args(["check", "--format", "json"])
        .args(args)
        .timeout(HANG_GUARD)
        .output()
        .expect("run pagelint");
    let code = common::exit_code(&out);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", common::stderr(&out)));
    (code, report, common::stderr(&out))
}

fn rules_of(report: &serde_json::Value, file: &str) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().ends_with(file))
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_hostile_file_alone_gets_its_finding() {
    for c in cases() {
        let site = site_with(std::slice::from_ref(&c));
        let (code, report, stderr) = run(&site, &[&format!("content/posts/{}", c.name)]);
        let rules = rules_of(&report, c.name);
        match c.rule {
            Some(rule) => {
                assert_eq!(code, 1, "{}: {stderr}", c.name);
                assert!(
                    rules.iter().any(|r| r == rule),
                    "{}: wanted {rule}, got {rules:?}",
                    c.name
                );
            }
            None => assert_eq!((code, rules.len()), (0, 0), "{}: {rules:?}", c.name),
        }
    }
}

#[test]
fn all_hostile_files_as_one_folder() {
    let cases = cases();
    let site = site_with(&cases);
    let (code, report, _) = run(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["files_checked"].as_u64(), Some(cases.len() as u64));
    for c in cases.iter().filter(|c| c.rule.is_some()) {
        assert!(
            !rules_of(&report, c.name).is_empty(),
            "{} has no finding",
            c.name
        );
    }
}

#[test]
fn findings_per_rule_and_file_are_capped_with_a_note() {
    let c = case(
        "many.md",
        format!("---\ntitle: x\n---\n{}", "![](/nope.png)\n".repeat(12_000)),
        None,
    );
    let site = site_with(std::slice::from_ref(&c));
    let (_, report, _) = run(&site, &[]);
    let diags = report["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 10_001);
    assert!(diags.last().unwrap()["message"]
        .as_str()
        .unwrap()
        .contains("not shown"));
}

#[cfg(unix)]
#[test]
fn pipes_dangling_links_and_loops_are_skipped_with_a_warning() {
    let site = TempSite::new();
    site.write("content/posts/ok.md", "---\ntitle: ok\n---\n");
    let posts = site.path("content/posts");
    assert!(std::process::Command::new("mkfifo")
        .arg(posts.join("pipe.md"))
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/nonexistent/x.md", posts.join("dangling.md")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", posts.join("outside.md")).unwrap();
    std::os::unix::fs::symlink("..", posts.join("loop")).unwrap();
    let (code, report, stderr) = run(&site, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["files_checked"].as_u64(), Some(1));
    for (file, why) in [
        ("pipe.md", "named pipe"),
        ("dangling.md", "symlink to nothing"),
        ("outside.md", "outside the site"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(why) && l.contains("warning")),
            "{file}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let site = TempSite::new();
    site.write(
        "content/posts/bad.md",
        "---\ntitle: x\ndate: 2025-02-30\n---\n",
    );
    site.write("content/posts/locked.md", "---\ntitle: x\n---\n");
    let locked = site.path("content/posts/locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: run pagelint as `nobody` then, which needs the
    // rest of the site readable by others.
    let as_root = std::fs::read(&locked).is_ok();
    let mut cmd = if as_root {
        for rel in ["", "content", "content/posts"] {
            std::fs::set_permissions(site.path(rel), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
        for rel in ["hugo.toml", "content/posts/bad.md"] {
            std::fs::set_permissions(site.path(rel), std::fs::Permissions::from_mode(0o644))
                .unwrap();
        }
        let mut cmd = assert_cmd::Command::new("setpriv");
        cmd.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_pagelint"),
        ]);
        cmd.current_dir(site.root()).env("NO_COLOR", "1");
        cmd
    } else {
        site.cmd()
    };
    let out = cmd
        .args(["check", "--format", "json"])
        .timeout(HANG_GUARD)
        .output()
        .unwrap();
    let stderr = common::stderr(&out);
    assert_eq!(common::exit_code(&out), 2, "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("error") && l.contains("locked.md")),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rules_of(&report, "bad.md"),
        ["date-format"],
        "the other file is still checked"
    );
}
