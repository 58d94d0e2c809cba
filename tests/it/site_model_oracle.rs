//! Hugo as the oracle of pagelint's site model: params (cascades, themes, modules, languages,
//! mounts) and refs (bundles, extensions, index files, mount targets, sections, dropped
//! pages, `lang`, `outputFormat`, `refLinksErrorLevel`). Each case is a small site built by
//! real Hugo 0.168.0 and, where it behaves differently, Debian's 0.111.3; pagelint, told the
//! same release, must report a `param` or `broken-ref` error on exactly the lines Hugo logs
//! an ERROR for (`Param "x" not found`, `REF_NOT_FOUND`), and a warning on exactly the lines
//! Hugo logs a WARN for (or in a page Hugo's default build does not render).
//!
//! Hugo 0.111.3 is `hugo` on PATH; 0.168.0 is found in `PAGELINT_HUGO_RELEASES`
//! (`VERSION=PATH` pairs, as `.ci/run` sets it) or at `/opt/hugo/0.168.0/bin/hugo`. A missing
//! one skips its half with a message, unless `PAGELINT_REQUIRE_HUGO=1`, where it fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

/// A case: a site's files (paths starting `../` are outside the site root) and the releases
/// it is built with.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    releases: &'static [&'static str],
    /// Site-relative pages Hugo's default build does not render, where pagelint warns.
    unrendered: &'static [&'static str],
}

const BOTH: &[&str] = &["0.111", "0.168"];
const NEW: &[&str] = &["0.168"];

const LAYOUTS: &[(&str, &str)] = &[
    ("layouts/_default/single.html", "{{ .Content }}"),
    ("layouts/_default/list.html", "{{ .Content }}"),
];

const HUGO_TOML: &str = "baseURL = \"https://example.org/\"\ntitle = \"t\"\n\
    disableKinds = [\"RSS\", \"sitemap\"]\n";

const CASES: &[Case] = &[
    Case {
        name: "cascade-forms",
        releases: BOTH,
        unrendered: &["content/docs/draft.md"],
        files: &[
            ("hugo.toml", HUGO_TOML),
            (
                "content/docs/_index.md",
                "---\ntitle: Docs\ncascade:\n  version: v3.6\n  shared: docs\n---\n",
            ),
            (
                "content/docs/v2/_index.md",
                concat!(
                    "---\ntitle: V2\ncascade:\n  params:\n    product: Widget\n",
                    "  shared: v2\n---\n{{< param version >}}\n",
                ),
            ),
            (
                "content/docs/v2/deep/page.md",
                concat!(
                    "---\ntitle: P\n---\n",
                    "{{< param version >}}\n{{< param shared >}}\n{{< param product >}}\n",
                    "{{< param nope >}}\n",
                ),
            ),
            (
                "content/docs/own.md",
                concat!(
                    "---\ntitle: O\nflag: false\nparams:\n  mine: yes\n",
                    "cascade:\n  self: here\n---\n",
                    "{{< param mine >}}\n{{< param flag >}}\n{{< param self >}}\n",
                    "{{< param title >}}\n",
                ),
            ),
            (
                "content/docs/targets/_index.md",
                concat!(
                    "---\ntitle: T\ncascade:\n",
                    "  - {only: pages, _target: {kind: page}}\n",
                    "  - {onlya: yes, _target: {path: '/docs/targets/a*'}}\n",
                    "---\n{{< param only >}}\n",
                ),
            ),
            (
                "content/docs/targets/a.md",
                "---\ntitle: A\n---\n{{< param only >}}\n{{< param onlya >}}\n",
            ),
            (
                "content/docs/targets/b.md",
                "---\ntitle: B\n---\n{{< param onlya >}}\n",
            ),
            (
                "content/docs/draft.md",
                "---\ntitle: D\ndraft: true\n---\n{{< param nope >}}\n",
            ),
            (
                "content/blog/x.md",
                "---\ntitle: X\n---\n{{< param version >}}\n",
            ),
        ],
    },
    Case {
        name: "config-cascade-and-site-params",
        releases: BOTH,
        unrendered: &[],
        files: &[
            (
                "hugo.toml",
                concat!(
                    "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
                    "disableKinds = [\"RSS\", \"sitemap\"]\ntheme = \"mytheme\"\n",
                    "[params]\nshared = \"project\"\nzero = 0\n",
                    "[[cascade]]\n[cascade.params]\nrelease = \"v1\"\n",
                    "[cascade.target]\npath = \"/docs/**\"\n",
                ),
            ),
            (
                "themes/mytheme/hugo.yaml",
                "params:\n  shared: theme\n  mermaid:\n    version: 11.16.1\n",
            ),
            (
                "themes/mytheme/layouts/_default/single.html",
                "{{ .Content }}",
            ),
            ("config/_default/params.toml", "dirparam = \"yes\"\n"),
            (
                "content/docs/install.md",
                concat!(
                    "---\ntitle: I\n---\n{{< param release >}}\n",
                    "{{< param mermaid.version >}}\n{{< param shared >}}\n",
                    "{{< param dirparam >}}\n{{< param zero >}}\n{{< param mermaid.nope >}}\n",
                ),
            ),
            (
                "content/blog/a.md",
                "---\ntitle: A\n---\n{{< param release >}}\n",
            ),
        ],
    },
    Case {
        name: "module-and-config-folder-params",
        releases: BOTH,
        unrendered: &[],
        files: &[
            (
                "config/_default/hugo.toml",
                concat!(
                    "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
                    "disableKinds = [\"RSS\", \"sitemap\"]\n",
                    "[module]\nreplacements = \"github.com/example/theme -> localmod\"\n",
                    "[[module.imports]]\npath = \"github.com/example/theme\"\n",
                ),
            ),
            ("config/production/params.toml", "release = \"2.0\"\n"),
            (
                "themes/localmod/hugo.toml",
                "[params]\nsupport_email = \"help@example.org\"\n",
            ),
            (
                "themes/localmod/config/_default/params.toml",
                "color = \"blue\"\n",
            ),
            (
                "themes/localmod/layouts/_default/list.html",
                "{{ .Content }}",
            ),
            (
                "content/contact.md",
                concat!(
                    "---\ntitle: Contact\n---\n{{< param support_email >}}\n",
                    "{{< param release >}}\n{{< param color >}}\n{{< param size >}}\n",
                ),
            ),
        ],
    },
    Case {
        name: "language-params",
        releases: BOTH,
        unrendered: &[],
        files: &[
            (
                "hugo.toml",
                concat!(
                    "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
                    "disableKinds = [\"RSS\", \"sitemap\"]\ndefaultContentLanguage = \"en\"\n",
                    "[languages.en]\nweight = 1\n[languages.en.params]\ngreeting = \"Hello\"\n",
                    "[languages.fr]\nweight = 2\n[languages.fr.params]\ngreeting = \"Bonjour\"\n",
                    "only_fr = \"oui\"\n",
                ),
            ),
            (
                "content/a.md",
                "---\ntitle: A\n---\n{{< param greeting >}}\n{{< param only_fr >}}\n",
            ),
            (
                "content/a.fr.md",
                "---\ntitle: A\n---\n{{< param greeting >}}\n{{< param only_fr >}}\n",
            ),
        ],
    },
    Case {
        name: "mounts-with-languages",
        releases: NEW,
        unrendered: &[],
        files: &[
            (
                "hugo.yaml",
                concat!(
                    "baseURL: https://example.org/\ntitle: t\n",
                    "disableKinds: [RSS, sitemap]\n",
                    "languages: {en: {weight: 1}, ja: {weight: 2}}\n",
                    "module:\n  mounts:\n",
                    "    - {source: content/en, target: content,",
                    " sites: {matrix: {languages: [en]}}}\n",
                    "    - {source: content/ja, target: content,",
                    " sites: {matrix: {languages: [ja]}}}\n",
                    "    - {source: content/en/docs, target: content/docs,",
                    " sites: {matrix: {languages: [ja]}}}\n",
                    "    - {source: ../modules/sdk, target: content/sdks/java}\n",
                    "    - {source: notes, target: content/notes, files: ['! drafts/**']}\n",
                ),
            ),
            (
                "content/en/docs/_index.md",
                "---\ntitle: Docs\ncascade:\n  vers: 1.2.3\n---\n",
            ),
            (
                "content/en/docs/start.md",
                "---\ntitle: S\n---\n{{< param vers >}}\n",
            ),
            (
                "content/en/docs/en-only.md",
                "---\ntitle: E\n---\n{{< param jaonly >}}\n",
            ),
            (
                "content/ja/_index.md",
                "---\ntitle: ホーム\ncascade:\n  jaonly: はい\n---\n",
            ),
            (
                "content/ja/docs/start.md",
                "---\ntitle: S\n---\n{{< param vers >}}\n{{< param jaonly >}}\n",
            ),
            ("../modules/sdk/_index.md", "---\ntitle: Java\n---\n"),
            (
                "content/en/refs.md",
                concat!(
                    "---\ntitle: R\n---\n[a]({{< ref java >}})\n[b]({{< ref \"/sdks/java\" >}})\n",
                    "[c]({{< ref sdk >}})\n[d]({{< ref \"/notes/n.md\" >}})\n",
                    "[e]({{< ref \"/notes/drafts/x.md\" >}})\n",
                ),
            ),
            ("notes/n.md", "---\ntitle: N\n---\n"),
            ("notes/drafts/x.md", "---\ntitle: X\n---\n"),
        ],
    },
    Case {
        name: "refs",
        releases: BOTH,
        unrendered: &[],
        files: &[
            ("hugo.toml", HUGO_TOML),
            (
                "content/ops/setup-pubsub/_index.md",
                "---\ntitle: Pub/sub\n---\n",
            ),
            (
                "content/ops/setup-pubsub/kafka.md",
                "---\ntitle: Kafka\n---\n",
            ),
            (
                "content/posts/first-post/index.md",
                "---\ntitle: First\n---\n",
            ),
            ("content/sdk/ext/_index.md", "---\ntitle: Ext\n---\n"),
            (
                "content/sdk/ext/workflow.md",
                "---\ntitle: W\n---\n[w]({{< ref \"workflow/_index.md\" >}})\n",
            ),
            ("content/nosec/deep/p.md", "---\ntitle: P\n---\n"),
            (
                "content/jobs/howto-schedule-and-handle-triggered-jobs.md",
                "---\ntitle: H\n---\n",
            ),
            ("content/x/same.md", "---\ntitle: S\n---\n"),
            ("content/y/same.md", "---\ntitle: S\n---\n"),
            ("content/later.md", "---\ntitle: L\ndate: 2999-01-01\n---\n"),
            (
                "content/gone.md",
                "---\ntitle: G\nexpiryDate: 2001-01-01\n---\n",
            ),
            ("content/draft.md", "---\ntitle: D\ndraft: true\n---\n"),
            (
                "content/guide.md",
                concat!(
                    "---\ntitle: Guide\n---\n",
                    "[a]({{< ref setup-pubsub.md >}})\n",
                    "[b]({{< ref \"first-post.md\" >}})\n",
                    "[c]({{< ref \"posts/first-post\" >}})\n",
                    "[d]({{< relref \"/ops/setup-pubsub/kafka.md#part\" >}})\n",
                    "[e]({{< ref howto-schedule-and-handle-triggered-jobs.md >}})\n",
                    "[f]({{< ref \"/nosec\" >}})\n",
                    "[g]({{< ref \"/nosec/deep\" >}})\n",
                    "[h]({{< ref \"nope.md\" >}})\n",
                    "[i]({{< ref \"same.md\" >}})\n",
                    "[j]({{< ref \"x/same.md\" >}})\n",
                    "[k]({{< ref \"later.md\" >}})\n",
                    "[l]({{< ref \"gone.md\" >}})\n",
                    "[m]({{< ref \"draft.md\" >}})\n",
                    "[n]({{< ref path=\"guide.md\" lang=\"de\" >}})\n",
                    "[o]({{< ref path=\"guide.md\" outputFormat=\"json\" >}})\n",
                    "[p]({{< ref \"/\" >}})\n",
                    "[q]({{< ref \"ops/setup-pubsub\" >}})\n",
                ),
            ),
        ],
    },
    Case {
        name: "draft-section",
        releases: BOTH,
        unrendered: &[],
        files: &[
            ("hugo.toml", HUGO_TOML),
            (
                "content/hidden/_index.md",
                "---\ntitle: H\ndraft: true\n---\n",
            ),
            ("content/hidden/p.md", "---\ntitle: P\n---\n"),
            (
                "content/cas/_index.md",
                "---\ntitle: C\ncascade:\n  draft: true\n---\n",
            ),
            ("content/cas/q.md", "---\ntitle: Q\n---\n"),
            (
                "content/r.md",
                concat!(
                    "---\ntitle: R\n---\n[a]({{< ref \"/hidden\" >}})\n",
                    "[b]({{< ref \"/hidden/p.md\" >}})\n[c]({{< ref \"/cas/q.md\" >}})\n",
                ),
            ),
        ],
    },
    Case {
        name: "ref-links-warning",
        releases: BOTH,
        unrendered: &[],
        files: &[
            (
                "hugo.toml",
                concat!(
                    "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
                    "disableKinds = [\"RSS\", \"sitemap\"]\nrefLinksErrorLevel = \"WARNING\"\n",
                ),
            ),
            (
                "content/a.md",
                "---\ntitle: A\n---\n[x]({{< ref \"nope.md\" >}})\n",
            ),
        ],
    },
];

/// Hugo release → binary, for the releases this machine has.
fn hugo_binaries() -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    let on_path = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("v0.111."));
    if on_path {
        out.push(("0.111", PathBuf::from("hugo")));
    }
    let path = crate::common::hugo_release_bin("0.168.");
    if path.is_file() {
        out.push(("0.168", path));
    }
    let required = std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1");
    for want in ["0.111", "0.168"] {
        if !out.iter().any(|(v, _)| *v == want) {
            assert!(
                !required,
                "PAGELINT_REQUIRE_HUGO=1 but Hugo {want} is not installed"
            );
            eprintln!("site_model_oracle: Hugo {want} not installed, its cases are skipped");
        }
    }
    out
}

fn write_case(tmp: &Path, case: &Case) -> PathBuf {
    let root = tmp.join("site");
    for (rel, text) in LAYOUTS.iter().chain(case.files) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

/// Findings by (site-relative file, line).
type Lines = BTreeSet<(String, usize)>;

/// What Hugo logged: (site-relative file, line) of every `Param … not found` and
/// `REF_NOT_FOUND` ERROR and WARN; how many such ERRORs name no position (a ref's unknown
/// `lang` or `outputFormat`); and whether the build failed.
struct Logged {
    errors: Lines,
    warnings: Lines,
    unplaced_errors: usize,
    failed: bool,
}

fn run_hugo(hugo: &Path, root: &Path) -> Logged {
    let mut cmd = Command::new(hugo);
    cmd.args(["-s"])
        .arg(root)
        .args(["-d"])
        .arg(root.join("public"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("HUGO") {
            cmd.env_remove(k);
        }
    }
    let out = cmd.output().expect("run hugo");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let root_s = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut logged = Logged {
        errors: BTreeSet::new(),
        warnings: BTreeSet::new(),
        unplaced_errors: 0,
        failed: !out.status.success(),
    };
    for line in text.lines() {
        if !(line.contains("REF_NOT_FOUND") || line.contains("Param \"")) {
            continue;
        }
        let at = position(line, &root_s).or_else(|| position(line, root));
        match (at, line.starts_with("ERROR")) {
            (Some(at), true) => {
                logged.errors.insert(at);
            }
            (Some(at), false) if line.starts_with("WARN") => {
                logged.warnings.insert(at);
            }
            (None, true) => logged.unplaced_errors += 1,
            _ => {}
        }
    }
    logged
}

/// The `"ROOT/file:line:col"` position in a Hugo log line, relative to the site root.
fn position(line: &str, root: &Path) -> Option<(String, usize)> {
    let r = root.to_string_lossy();
    let start = line.find(r.as_ref())? + r.len() + 1;
    let rest = &line[start..];
    let end = rest.find('"')?;
    let mut parts = rest[..end].rsplitn(3, ':');
    let _col = parts.next()?;
    let line_no = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line_no))
}

/// pagelint's `param` and `broken-ref` findings, split by severity.
fn run_pagelint(root: &Path, release: &str) -> (Lines, Lines) {
    let out = common::pagelint(root)
        .args([
            "check",
            "--format",
            "json",
            "--exit-zero",
            "--hugo-version",
            release,
        ])
        .env_remove("HUGO_ENVIRONMENT")
        .env_remove("HUGO_MODULE_REPLACEMENTS")
        .output()
        .expect("run pagelint");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "pagelint JSON: {e}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let (mut errors, mut warnings) = (BTreeSet::new(), BTreeSet::new());
    for d in report["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap();
        let msg = d["message"].as_str().unwrap();
        if !(rule == "broken-ref" || (rule == "shortcode-args" && msg.starts_with("param"))) {
            continue;
        }
        let at = (
            d["path"].as_str().unwrap().to_string(),
            d["line"].as_u64().unwrap() as usize,
        );
        if d["severity"] == "error" {
            errors.insert(at);
        } else {
            warnings.insert(at);
        }
    }
    (errors, warnings)
}

#[test]
fn param_and_ref_findings_exactly_where_hugo_logs_them() {
    let hugos = hugo_binaries();
    let mut disagreements = Vec::new();
    let mut built = 0;
    for case in CASES {
        for (release, hugo) in hugos.iter().filter(|(v, _)| case.releases.contains(v)) {
            let tmp = tempfile::tempdir().unwrap();
            let root = write_case(tmp.path(), case);
            let hugo_log = run_hugo(hugo, &root);
            let (p_errors, p_warnings) = run_pagelint(&root, release);
            built += 1;
            let unrendered = |(f, _): &(String, usize)| case.unrendered.contains(&f.as_str());
            let p_warnings: BTreeSet<_> =
                p_warnings.into_iter().filter(|w| !unrendered(w)).collect();
            // Errors Hugo logs without a position must match pagelint's others in number.
            let unplaced = p_errors.difference(&hugo_log.errors).count();
            let placed_agree = hugo_log.errors.is_subset(&p_errors);
            if !placed_agree
                || unplaced != hugo_log.unplaced_errors
                || hugo_log.warnings != p_warnings
            {
                disagreements.push(format!(
                    "{} with Hugo {release}:\n  Hugo errors   {:?} and {} without position\n  \
                     pagelint      {p_errors:?}\n  Hugo warnings {:?}\n  pagelint      \
                     {p_warnings:?}",
                    case.name, hugo_log.errors, hugo_log.unplaced_errors, hugo_log.warnings
                ));
            }
            let logged_errors = hugo_log.errors.len() + hugo_log.unplaced_errors;
            if hugo_log.failed != (logged_errors > 0) {
                disagreements.push(format!(
                    "{} with Hugo {release}: build failed = {}, but {logged_errors} errors \
                     were read from its log",
                    case.name, hugo_log.failed
                ));
            }
        }
    }
    eprintln!("site_model_oracle: {built} builds");
    assert!(
        disagreements.is_empty(),
        "pagelint disagrees with Hugo:\n{}",
        disagreements.join("\n")
    );
}
