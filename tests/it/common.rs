//! Helpers shared by the integration tests: a throwaway Hugo site on disk,
//! the built binary with a stable environment, and readers for its JSON report.

#![allow(dead_code)] // each test crate uses a different subset

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The repository's root folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `pagelint` binary run in `cwd`, with an environment that makes its
/// output the same on every machine: no color, a fixed width.
pub fn pagelint(cwd: &Path) -> Command {
    // The URL hint of the link rules goes to a folder of this test run, not the user's cache.
    static CACHE: std::sync::LazyLock<tempfile::TempDir> =
        std::sync::LazyLock::new(|| tempfile::tempdir().expect("create a cache folder"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pagelint"));
    cmd.current_dir(cwd)
        .env("PAGELINT_CACHE_DIR", CACHE.path())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd
}

/// A Hugo site in a temporary folder, deleted when dropped.
pub struct TempSite {
    dir: tempfile::TempDir,
}

impl TempSite {
    /// An empty folder: no Hugo config, no content.
    pub fn empty() -> Self {
        TempSite {
            dir: tempfile::Builder::new()
                .prefix("pagelint-test-")
                .tempdir()
                .expect("create a temporary folder"),
        }
    }

    /// A site with a minimal `hugo.toml` and a page template (without one Hugo publishes
    /// nothing, which `theme-missing` reports).
    pub fn new() -> Self {
        let site = TempSite::empty();
        site.write("hugo.toml", "baseURL = \"https://example.org/\"\n");
        site.write("layouts/_default/single.html", "{{ .Content }}\n");
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes `contents` to `rel` (a `/`-separated path below the root),
    /// creating folders as needed.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        assert!(
            !rel.starts_with('/') && !rel.split('/').any(|c| c == ".."),
            "{rel} is not a path inside the site"
        );
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).expect("create folders");
        std::fs::write(&path, contents).expect("write a site file");
        self
    }

    /// The binary, run in the site's root.
    pub fn cmd(&self) -> Command {
        pagelint(self.root())
    }

    /// Runs `pagelint --format json ARGS` in the root; returns the exit code and the report.
    pub fn json(&self, args: &[&str]) -> (i32, Report) {
        run_json(self.cmd().args(["--format", "json"]).args(args))
    }
}

/// Runs a prepared command that prints a JSON report.
pub fn run_json(cmd: &mut Command) -> (i32, Report) {
    let out = cmd.output().expect("run pagelint");
    let code = exit_code(&out);
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let value: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); exit {code}\nstdout:\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, Report(value))
}

/// The exit code; a crash (a signal, or Rust's panic code 101) fails the test.
pub fn exit_code(out: &Output) -> i32 {
    let code = out.status.code().unwrap_or_else(|| {
        panic!(
            "pagelint was killed: {:?}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_ne!(
        code,
        101,
        "pagelint panicked:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    code
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A `--format json` report.
#[derive(Debug, Clone)]
pub struct Report(pub Value);

/// One diagnostic of a JSON report.
#[derive(Debug, Clone)]
pub struct Finding<'a>(pub &'a Value);

impl Report {
    pub fn diagnostics(&self) -> Vec<Finding<'_>> {
        self.0["diagnostics"]
            .as_array()
            .expect("`diagnostics` is an array")
            .iter()
            .map(Finding)
            .collect()
    }

    /// The rule of every finding, in report order.
    pub fn rules(&self) -> Vec<String> {
        self.diagnostics()
            .iter()
            .map(|d| d.rule().to_string())
            .collect()
    }

    /// `(path, line, rule)` of every finding, in report order.
    pub fn path_line_rule(&self) -> Vec<(String, u64, String)> {
        self.diagnostics()
            .iter()
            .map(|d| (d.path().to_string(), d.line(), d.rule().to_string()))
            .collect()
    }

    pub fn summary(&self, key: &str) -> u64 {
        self.0["summary"][key]
            .as_u64()
            .unwrap_or_else(|| panic!("summary.{key} is a count"))
    }
}

impl Finding<'_> {
    fn str(&self, key: &str) -> &str {
        self.0[key]
            .as_str()
            .unwrap_or_else(|| panic!("`{key}` is a string in {}", self.0))
    }

    fn num(&self, key: &str) -> u64 {
        self.0[key]
            .as_u64()
            .unwrap_or_else(|| panic!("`{key}` is a number in {}", self.0))
    }

    pub fn path(&self) -> &str {
        self.str("path")
    }
    pub fn rule(&self) -> &str {
        self.str("rule")
    }
    pub fn severity(&self) -> &str {
        self.str("severity")
    }
    pub fn message(&self) -> &str {
        self.str("message")
    }
    pub fn line(&self) -> u64 {
        self.num("line")
    }
    pub fn column(&self) -> u64 {
        self.num("column")
    }
    pub fn end_column(&self) -> u64 {
        self.num("end_column")
    }
}

/// The text of 1-based `line`, from 1-based character `column` on.
pub fn text_at(text: &str, line: u64, column: u64) -> String {
    let l = text
        .lines()
        .nth(line as usize - 1)
        .unwrap_or_else(|| panic!("no line {line}"));
    l.chars().skip(column as usize - 1).collect()
}

/// A post schema like the generator's (`tests/support/gensite.rs`), without
/// `description` and `draft`, and with three of its five categories.
pub const POST_SCHEMA: &str = r#"[[schema]]
name = "post"
files = ["content/posts/**/*.md"]
exclude = ["**/_index.md"]

[schema.fields.title]
type = "string"
required = true

[schema.fields.date]
type = "datetime"
required = true

[schema.fields.tags]
type = "list"

[schema.fields.categories]
type = "list"
required = true
min-items = 1
values = ["AI 產業動態", "AI 技術解析", "AI 應用案例"]

[schema.fields.source_url]
type = "url"
required = true

[schema.fields.source_name]
type = "string"
"#;

/// A post that [`POST_SCHEMA`] accepts.
pub const CLEAN_POST: &str = r#"---
title: "A clean post"
date: 2025-05-13T23:30:17+08:00
tags: ["Claude"]
categories: ["AI 產業動態"]
source_url: "https://news.example.com/a"
source_name: "Example News"
---

Body.
"#;

/// A post with four findings under [`POST_SCHEMA`]: date-format (line 3),
/// unknown-value with a safe fix (line 4), url-format with an unsafe fix
/// (line 5), and an empty-field warning (line 7).
pub const MULTI_POST: &str = r#"---
title: "A post with findings"
date: 2025-02-30
categories: ["ai 技術解析"]
source_url: "news.example.com/a"
tags: ["安全"]
source_name: ""
---

Body.
"#;

/// A site with [`POST_SCHEMA`] and no content yet.
pub fn post_site() -> TempSite {
    let site = TempSite::new();
    site.write("pagelint.toml", POST_SCHEMA);
    site
}

/// The binary of the Hugo release whose version starts with `prefix` (`"0.168."`): the one
/// `PAGELINT_HUGO_RELEASES` lists (`VERSION=PATH` items, space- or comma-separated, as
/// `.ci/run` sets it), else `/opt/hugo/<prefix>0/bin/hugo`. It may not exist.
pub fn hugo_release_bin(prefix: &str) -> PathBuf {
    let listed = std::env::var("PAGELINT_HUGO_RELEASES").unwrap_or_default();
    listed
        .split([' ', ','])
        .filter_map(|item| item.split_once('='))
        .find(|(v, _)| v.starts_with(prefix))
        .map_or_else(
            || PathBuf::from(format!("/opt/hugo/{prefix}0/bin/hugo")),
            |(_, p)| PathBuf::from(p),
        )
}

/// Runs a prepared editor command (`cmd` with its program, arguments and environment) in
/// the repository root with no standard input, killing it after 120 s so that an editor
/// waiting for input cannot hang the suite; asserts it succeeded and returns its standard
/// output.
pub fn run_editor(mut cmd: std::process::Command) -> String {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .current_dir(repo())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{shown}: {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}
