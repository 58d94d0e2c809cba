//! Hugo itself as the oracle: each case is a one-page site built by the real
//! `hugo` (Debian's 0.111.3) and checked by `pagelint --hugo-version 0.111`.
//! Where Hugo fails, pagelint must report at least one error; where Hugo
//! builds, pagelint must report no `frontmatter-syntax`, `shortcode-*` or
//! `broken-ref` error.
//!
//! Without `hugo` on PATH the test is skipped with a message, unless
//! `PAGELINT_REQUIRE_HUGO=1` (set by `.ci/run`), where it fails.

use std::path::Path;
use std::process::Command;

const HUGO_TOML: &str = r#"baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[params]
sitekey = "site value"
"#;

/// Templates every case can use: `wrap` and `box` take inner content, `pos`
/// and `named` do not; `sub/x`, an `.md`-only and a language variant.
const LAYOUTS: &[(&str, &str)] = &[
    ("layouts/_default/single.html", "{{ .Content }}"),
    (
        "layouts/_default/list.html",
        "{{ range .Pages }}{{ .Title }}{{ end }}",
    ),
    ("layouts/shortcodes/wrap.html", "<div>{{ .Inner }}</div>"),
    (
        "layouts/shortcodes/box.html",
        "<section>{{ .Inner }}</section>",
    ),
    ("layouts/shortcodes/pos.html", "<span>{{ .Get 0 }}</span>"),
    (
        "layouts/shortcodes/named.html",
        "<span>{{ .Get \"a\" }}</span>",
    ),
    ("layouts/shortcodes/sub/x.html", "<i>x</i>"),
    ("layouts/shortcodes/mdonly.md", "*md*"),
    ("layouts/shortcodes/lang.en.html", "<b>en</b>"),
    ("content/other.md", "---\ntitle: other\n---\nother\n"),
    (
        "content/bundle/index.md",
        "---\ntitle: bundle\n---\nbundle\n",
    ),
];

const FM: &str = "---\ntitle: case\n---\n";

/// (name, page text). Front matter cases give the whole file; body cases are
/// appended to `FM`.
const FRONT_MATTER: &[(&str, &str)] = &[
    ("yaml-ok", "---\ntitle: x\n---\nbody\n"),
    ("yaml-unclosed", "---\ntitle: x\nbody\n"),
    ("toml-ok", "+++\ntitle = \"x\"\n+++\nbody\n"),
    ("toml-unclosed", "+++\ntitle = \"x\"\n"),
    ("yaml-bad-quote", "---\ntitle: \"x\ndate: 2020-01-01\n---\n"),
    ("toml-bad-value", "+++\ntitle =\n+++\n"),
    ("toml-duplicate", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n"),
    ("yaml-duplicate", "---\ntitle: a\ntitle: b\n---\n"),
    ("json-ok", "{\n  \"title\": \"x\"\n}\nbody\n"),
    ("json-bad", "{\n  \"title\": \"x\",\n}\nbody\n"),
    ("json-unclosed", "{ \"title\": \"x\"\n"),
    ("json-brace-in-string", "{ \"title\": \"a } b\" }\nbody\n"),
    ("list-item-start", "- item\n- other\n"),
    ("plus-start", "+ item\n"),
    ("four-dashes", "---\ntitle: x\n----\nbody\n"),
    ("dots-do-not-close", "---\ntitle: x\n...\nbody\n"),
    ("indented-close", "---\ntitle: x\n  ---\nbody\n"),
    ("opener-with-text", "---x\ntitle: y\n---\n"),
    ("opener-trailing-spaces", "---   \ntitle: y\n---\n"),
    ("crlf", "---\r\ntitle: x\r\n---\r\nbody\r\n"),
    ("cr-only", "---\rtitle: x\r---\rbody\r"),
    ("bom", "\u{feff}---\ntitle: x\n---\nbody\n"),
    ("leading-blank-lines", "\n\n  ---\ntitle: x\n---\nbody\n"),
    ("empty-block", "---\n---\nbody\n"),
    ("lone-dashes", "---\n"),
    ("thematic-break-start", "---\n\nSome text\n"),
    ("no-front-matter", "# Title\n\nbody\n"),
    ("empty-file", ""),
    ("org", "#+title: x\n#+date: 2020-01-01\nbody\n"),
    ("html-start", "<p>html</p>\n"),
    (
        "html-comment-wraps",
        "<!--\n---\ntitle: x\n---\n-->\nbody\n",
    ),
    ("html-comment-no-end", "<!-- no end\n---\ntitle: x\n---\n"),
    ("yaml-tab-indent", "---\nparams:\n\tkey: v\n---\n"),
    ("yaml-no-is-string", "---\ntitle: x\ndraft: no\n---\nbody\n"),
    (
        "bad-date-builds",
        "---\ntitle: x\ndate: 2025-02-30\n---\nbody\n",
    ),
];

const BODIES: &[(&str, &str)] = &[
    ("positional", "{{< pos a >}}"),
    ("named", "{{< named a=\"1\" >}}"),
    ("named-spaces", "{{< named a = \"1\" >}}"),
    ("inner", "{{< wrap >}}x{{< /wrap >}}"),
    ("inner-self-closed", "{{< wrap />}}"),
    ("percent-delims", "{{% wrap %}}*x*{{% /wrap %}}"),
    ("mixed-open-close-kinds", "{{% wrap %}}x{{< /wrap >}}"),
    ("newlines-in-tag", "{{< named\n  a=\"1\"\n>}}"),
    ("tight-close", "{{< wrap >}}x{{</wrap>}}"),
    (
        "nested-same-name",
        "{{< wrap >}}{{< wrap >}}x{{< /wrap >}}{{< /wrap >}}",
    ),
    (
        "nested-other",
        "{{< wrap >}}{{< box >}}x{{< /box >}}{{< /wrap >}}",
    ),
    ("subfolder", "{{< sub/x >}}"),
    ("md-only-template", "{{< mdonly >}}"),
    ("language-variant", "{{< lang >}}"),
    ("unknown", "{{< nosuch >}}"),
    ("unknown-typo", "{{< youtub abc >}}"),
    ("unknown-in-fence", "```\n{{< nosuch >}}\n```"),
    ("unknown-in-inline-code", "`{{< nosuch >}}`"),
    ("unknown-in-html-comment", "<!-- {{< nosuch >}} -->"),
    ("escaped", "{{</* nosuch */>}}"),
    ("escaped-percent", "{{%/* nosuch */%}}"),
    ("bad-escape", "{{</* nosuch */ >}}"),
    ("plain-braces", "{{ not a shortcode }}"),
    ("case-sensitive", "{{< Pos a >}}"),
    ("unclosed-tag", "{{< pos a }}"),
    ("wrong-closing-delim", "{{< pos a %}}"),
    ("wrong-closing-delim-percent", "{{% pos a >}}"),
    ("eof-in-tag", "{{< pos a"),
    ("no-name", "{{< >}}"),
    ("period-in-name", "{{< a.b >}}"),
    ("inline-without-space", "{{< n.inline>}}x{{< /n.inline >}}"),
    ("mixed-named-then-positional", "{{< named a=\"1\" b >}}"),
    ("mixed-positional-then-named", "{{< pos b a=\"1\" >}}"),
    ("mixed-quoted-positional", "{{< named a=\"1\" \"b\" >}}"),
    ("unquoted-url", "{{< pos http://example.org >}}"),
    ("unquoted-value-runs-on", "{{< named a=v>}}"),
    ("unterminated-quote", "{{< pos \"abc >}}"),
    ("quote-across-lines", "{{< pos \"abc\ndef\" >}}"),
    ("backtick-across-lines", "{{< pos `abc\ndef` >}}"),
    ("close-marker-in-quotes", "{{< named a=\"x >}} y\" >}}"),
    ("escaped-quote", "{{< named a=\"x \\\" y\" >}}"),
    ("close-without-open", "{{< /wrap >}}"),
    (
        "mismatched-close",
        "{{< wrap >}}{{< box >}}x{{< /wrap >}}{{< /box >}}",
    ),
    ("inner-left-open", "{{< wrap >}}x"),
    ("closed-without-inner", "{{< pos a >}}x{{< /pos >}}"),
    ("self-closed-without-inner", "{{< pos a />}}"),
    ("words-after-close", "{{< wrap >}}x{{< /wrap extra >}}"),
    (
        "builtin-figure",
        "{{< figure src=\"/x.jpg\" caption=\"c\" >}}",
    ),
    ("builtin-youtube", "{{< youtube dVq6R8v3NVE >}}"),
    ("builtin-youtube-no-id", "{{< youtube >}}"),
    ("builtin-vimeo", "{{< vimeo 146022717 >}}"),
    (
        "builtin-highlight",
        "{{< highlight go >}}x := 1{{< /highlight >}}",
    ),
    ("builtin-highlight-unclosed", "{{< highlight go >}}x := 1"),
    (
        "builtin-details-0.140",
        "{{< details summary=\"s\" >}}x{{< /details >}}",
    ),
    ("builtin-x-0.141", "{{< x user=\"a\" id=\"1\" >}}"),
    ("builtin-qr-0.141", "{{< qr text=\"a\" />}}"),
    ("builtin-comment-0.137", "{{< comment >}}x{{< /comment >}}"),
    ("param-page", "{{< param title >}}"),
    ("param-site", "{{< param sitekey >}}"),
    ("param-missing-key", "{{< param nokey >}}"),
    ("param-no-key", "{{< param >}}"),
    ("ref-ok", "[o]({{< ref \"other.md\" >}})"),
    ("ref-no-extension", "[o]({{< ref \"other\" >}})"),
    ("ref-absolute", "[o]({{< ref \"/other.md\" >}})"),
    ("ref-bundle", "[o]({{< ref \"bundle\" >}})"),
    ("ref-fragment", "[o]({{< ref \"other.md#part\" >}})"),
    ("relref-ok", "[o]({{< relref \"other.md\" >}})"),
    ("ref-missing", "[o]({{< ref \"nope.md\" >}})"),
    ("relref-missing", "[o]({{< relref \"/nope\" >}})"),
    ("inline-disabled", "{{< n.inline >}}x{{< /n.inline >}}"),
    (
        "inline-nesting",
        "{{< n.inline >}}{{< pos a >}}{{< /n.inline >}}",
    ),
];

/// Rules whose errors mean "Hugo fails": none may fire where Hugo builds.
fn is_build_breaking(rule: &str) -> bool {
    rule == "frontmatter-syntax" || rule.starts_with("shortcode-") || rule == "broken-ref"
}

fn hugo_available() -> bool {
    let found = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1") {
        panic!("PAGELINT_REQUIRE_HUGO=1 but `hugo` is not on PATH");
    }
    if !found {
        eprintln!("hugo_oracle: skipped, `hugo` is not installed (set PAGELINT_REQUIRE_HUGO=1 to make this a failure)");
    }
    found
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

struct Verdict {
    name: String,
    hugo_failed: bool,
    hugo_output: String,
    errors: Vec<(String, usize, String)>,
}

fn run_case(name: &str, page: &str) -> Verdict {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hugo.toml", HUGO_TOML);
    for (rel, text) in LAYOUTS {
        write(root, rel, text);
    }
    write(root, "content/case.md", page);
    let hugo = Command::new("hugo")
        .args(["--quiet", "-s"])
        .arg(root)
        .args(["-d"])
        .arg(root.join("public"))
        .output()
        .expect("run hugo");
    let lint = Command::new(env!("CARGO_BIN_EXE_pagelint"))
        .current_dir(root)
        .args([
            "check",
            "--hugo-version",
            "0.111",
            "--format",
            "json",
            "content/case.md",
        ])
        .output()
        .expect("run pagelint");
    assert_ne!(
        lint.status.code(),
        Some(2),
        "{name}: pagelint could not run: {}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&lint.stdout).expect("JSON report");
    let errors = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap() as usize,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    Verdict {
        name: name.to_string(),
        hugo_failed: !hugo.status.success(),
        hugo_output: String::from_utf8_lossy(&hugo.stderr)
            .chars()
            .take(300)
            .collect(),
        errors,
    }
}

#[test]
fn pagelint_fails_exactly_where_hugo_0_111_fails() {
    if !hugo_available() {
        return;
    }
    let mut cases: Vec<(String, String)> = FRONT_MATTER
        .iter()
        .map(|(n, p)| (format!("fm/{n}"), p.to_string()))
        .collect();
    cases.extend(
        BODIES
            .iter()
            .map(|(n, b)| (format!("body/{n}"), format!("{FM}\n{b}\n"))),
    );
    let verdicts: Vec<Verdict> = std::thread::scope(|s| {
        let chunks: Vec<_> = cases.chunks(cases.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(n, p)| run_case(n, p))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut disagreements = Vec::new();
    for v in &verdicts {
        let breaking: Vec<_> = v
            .errors
            .iter()
            .filter(|(r, _, _)| is_build_breaking(r))
            .collect();
        if v.hugo_failed && v.errors.is_empty() {
            disagreements.push(format!(
                "{}: Hugo fails ({}) but pagelint reports no error",
                v.name,
                v.hugo_output.trim()
            ));
        }
        if !v.hugo_failed && !breaking.is_empty() {
            disagreements.push(format!(
                "{}: Hugo builds but pagelint reports {:?}",
                v.name, breaking
            ));
        }
    }
    let failed = verdicts.iter().filter(|v| v.hugo_failed).count();
    eprintln!(
        "hugo_oracle: {} cases, Hugo failed on {failed}",
        verdicts.len()
    );
    assert!(
        failed > 20 && failed < verdicts.len() - 20,
        "the case set should exercise both outcomes"
    );
    assert!(
        disagreements.is_empty(),
        "pagelint disagrees with Hugo:\n{}",
        disagreements.join("\n")
    );
}
