//! Hugo 0.168.0 as the oracle of heading ids, links and anchors: sites are built by the
//! real Hugo and their `public/` is checked with a small checker of our own (every `<a
//! href>` of every content page, internal ones resolved against the page's URL as a browser
//! does: the target file exists and, with a `#fragment`, has that id). pagelint's
//! `broken-link` and `broken-anchor` findings must be exactly the broken links of the built
//! site, and the ids pagelint computes exactly those of the built HTML.
//!
//! Hugo 0.168.0 is the one `common::hugo_release_bin` finds (`PAGELINT_HUGO_RELEASES`, as
//! `.ci/run` sets it, else `/opt/hugo/0.168.0/bin/hugo`). Without it the tests are skipped
//! with a message, unless `PAGELINT_REQUIRE_HUGO=1`, where they fail.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use pagelint::body::{IdSettings, IdType};
use pagelint::document::Document;
use pagelint::version::HugoVersion;
use regex::Regex;

use crate::common;
use crate::gensite;

/// The Hugo 0.168.0 binary, if installed.
fn hugo() -> Option<PathBuf> {
    let found = Some(common::hugo_release_bin("0.168.")).filter(|p| p.is_file());
    if found.is_none() {
        if std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1") {
            panic!("PAGELINT_REQUIRE_HUGO=1 but Hugo 0.168.0 is not installed");
        }
        eprintln!("hugo_links: skipped, Hugo 0.168.0 is not installed");
    }
    found
}

/// Builds the site at `root` into `root/public`; panics with Hugo's output on failure.
fn build(hugo: &Path, root: &Path) {
    let out = Command::new(hugo)
        .args(["--quiet", "-d", "public"])
        .current_dir(root)
        .output()
        .expect("run hugo");
    assert!(
        out.status.success(),
        "hugo failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

static HEADING_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<h[1-6] id="([^"]*)""#).expect("valid regex"));
static ANY_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s(?:id|name)="([^"]*)""#).expect("valid regex"));
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<article data-src="([^"]*)">(.*)</article>"#).expect("valid regex")
});
static HREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<a href="([^"]*)""#).expect("valid regex"));

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

const TRICKY: &str = "---\ntitle: ids\n---\n
## Hello, World!\n
## Hello World\n
## hello world\n
## Hello World 1\n
## 中文：標題（AI 與 LLM）\n
## 「引號」問題？\n
## Emoji 🚀 launch 🎉\n
## C++ & Rust's `unsafe` code\n
## a--b---c - d\n
## Tom &amp; Jerry&#39;s &copy;\n
## [Link text](/x/) and ![alt text](/i.png)\n
## *emph* __strong__ ~~gone~~\n
## Custom {#my-id}\n
## My Id\n
## Ünïcödé Çafé naïve\n
## With <span>inline html</span> inside\n
## 123\n
## ***\n
Setext first line
second line
===\n
## under_score and x\\_y\n
## **Bold** and *em* then [a link](/x/) and `code`\n
## Dots... and \"quotes\" 'single'\n
## Trailing hashes ##\n
## Ελληνικά Русский\n
## Ends with punctuation?!\n
## heading\n
## Hello World\n";

/// The ids of `TRICKY` in the HTML Hugo builds with `parser` settings, and pagelint's.
fn ids_both_ways(hugo: &Path, parser: &str, settings: &IdSettings) -> (Vec<String>, Vec<String>) {
    let site = common::TempSite::new();
    site.write(
        "hugo.toml",
        format!(
            "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \
             \"RSS\", \"sitemap\"]\n[markup.goldmark.parser]\n{parser}\n"
        ),
    );
    site.write("layouts/_default/single.html", "{{ .Content }}");
    site.write("layouts/_default/list.html", "{{ .Title }}");
    site.write("content/ids.md", TRICKY);
    build(hugo, &site.path(""));
    let html = std::fs::read_to_string(site.path("public/ids/index.html")).unwrap();
    let built: Vec<String> = HEADING_ID
        .captures_iter(&html)
        .map(|c| unescape(&c[1]))
        .collect();
    let doc = Document::parse(
        "content/ids.md".into(),
        TRICKY.as_bytes().to_vec(),
        HugoVersion::LATEST,
    );
    let anchors = doc.anchors(settings);
    assert_eq!(anchors.unknown, None);
    let ours = anchors.ids.clone();
    (built, ours)
}

#[test]
fn heading_ids_are_those_of_hugo_0_168() {
    let Some(hugo) = hugo() else { return };
    for (parser, id_type) in [
        ("", IdType::Github),
        ("autoIDType = \"github-ascii\"", IdType::GithubAscii),
        ("autoIDType = \"blackfriday\"", IdType::Blackfriday),
    ] {
        let settings = IdSettings {
            id_type,
            ..IdSettings::default()
        };
        let (built, ours) = ids_both_ways(&hugo, parser, &settings);
        assert!(built.len() > 20, "{parser}: {built:?}");
        assert_eq!(ours, built, "ids with `{parser}`");
    }
}

/// The broken links of a built site: ("link", page, href) when nothing is published at the
/// href, ("anchor", page, "#fragment") when the page there has no such id. `page` is the
/// content file's path relative to the site root.
fn broken_in_public(public: &Path) -> BTreeSet<(String, String, String)> {
    let mut broken = BTreeSet::new();
    for entry in ignore::WalkBuilder::new(public).build().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap();
        let Some(article) = ARTICLE.captures(&html) else {
            continue;
        };
        let source = format!("content/{}", &article[1]);
        let rel = path
            .strip_prefix(public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let base = rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        for href in HREF.captures_iter(&article[2]) {
            let href = unescape(&href[1]);
            if let Some(problem) = check_href(public, &base, path, &href) {
                broken.insert((problem.0.to_string(), source.clone(), problem.1));
            }
        }
    }
    broken
}

/// What is wrong with one href of the page at `page` (in folder `base` of `public`).
fn check_href(
    public: &Path,
    base: &str,
    page: &Path,
    href: &str,
) -> Option<(&'static str, String)> {
    if href.starts_with("//") || href.contains(':') {
        return None;
    }
    let (path, fragment) = href
        .split_once('#')
        .map_or((href, None), |(p, f)| (p, Some(f)));
    let path = path.split('?').next().unwrap_or("");
    let target = if path.is_empty() {
        page.to_path_buf()
    } else {
        let decoded = decode(path);
        let joined = if decoded.starts_with('/') {
            decoded.trim_start_matches('/').to_string()
        } else {
            format!("{base}/{decoded}")
        };
        let mut parts: Vec<&str> = Vec::new();
        for seg in joined.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        let file = public.join(parts.join("/"));
        if file.is_dir() && file.join("index.html").is_file() {
            file.join("index.html")
        } else if file.is_file() {
            file
        } else {
            return Some(("link", href.to_string()));
        }
    };
    let fragment = decode(fragment.filter(|f| !f.is_empty())?);
    if target.extension().is_none_or(|e| e != "html") {
        return None;
    }
    let html = std::fs::read_to_string(&target).unwrap();
    let has = ANY_ID
        .captures_iter(&html)
        .any(|c| unescape(&c[1]) == fragment);
    (!has).then(|| ("anchor", format!("#{fragment}")))
}

#[test]
fn broken_links_are_those_of_the_site_hugo_0_168_builds() {
    let Some(hugo) = hugo() else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let kinds = ["link-missing", "link-anchor", "ref-anchor"];
    let expected = gensite::generate(
        &root,
        &gensite::Options {
            posts: 400,
            seed: 21,
            defects: 0.3,
            kinds: Some(kinds.iter().map(|k| k.to_string()).collect()),
            all_kinds: false,
        },
    )
    .unwrap();
    std::fs::write(
        root.join("layouts/_default/single.html"),
        "<html><body><h1>{{ .Title }}</h1><article data-src=\"{{ .File.Path }}\">\
         {{ .Content }}</article></body></html>\n",
    )
    .unwrap();
    build(&hugo, &root);
    let built = broken_in_public(&root.join("public"));
    assert!(built.len() >= expected.len() / 2, "{built:?}");

    let (_, report) = common::run_json(common::pagelint(&root).args(["check", "--format", "json"]));
    let mut ours = BTreeSet::new();
    for d in report.diagnostics() {
        let kind = match d.rule() {
            "broken-link" => "link",
            "broken-anchor" => "anchor",
            _ => continue,
        };
        let text = std::fs::read_to_string(root.join(d.path())).unwrap();
        let line = text.lines().nth(d.line() as usize - 1).unwrap();
        let (start, end) = (d.column() as usize - 1, d.end_column() as usize - 1);
        let written: String = line.chars().skip(start).take(end - start).collect();
        let key = if kind == "link" {
            written
        } else {
            format!(
                "#{}",
                decode(written.rsplit_once('#').map_or("", |(_, f)| f))
            )
        };
        ours.insert((kind.to_string(), d.path().to_string(), key));
    }
    assert_eq!(ours, built);
}
