//! The Hugo release a site says it is built with, for the default of
//! `--hugo-version`.
//!
//! Looked for in this order, the first found wins:
//!
//! 1. `netlify.toml`: `HUGO_VERSION` under `[context.production.environment]`,
//!    else under `[build.environment]` (Netlify's documented way to pin Hugo);
//! 2. `.hvm` at the site root (written by the Hugo Version Manager, e.g. `v0.152.2`);
//! 3. `.hugo_version` at the site root (one version, e.g. `0.152.2`);
//! 4. `package.json` at the site root: the npm packages that install Hugo,
//!    `hugo-extended` or `hugo-bin-extended` (Docsy's way), in
//!    `devDependencies` or `dependencies` (a range's `^`/`~` is dropped);
//! 5. a GitHub Actions workflow (`.github/workflows/*.yml` at the site root or
//!    in a folder above it, up to the repository's root): `hugo-version:`
//!    (peaceiris/actions-hugo) or `HUGO_VERSION:`; `latest` is the default
//!    anyway; when workflows pin different releases, the newest wins;
//! 6. Hugo's own `module.hugoVersion.max`, else `module.hugoVersion.min`
//!    (`modules/config.go` `HugoVersion`): the newest release the site says it
//!    works with, else the oldest it needs.

use std::path::Path;

use super::HugoConfig;
use crate::frontmatter::{toml, Node};
use crate::version::HugoVersion;

/// A release the site declares, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The release, clamped to the oldest known one.
    pub version: HugoVersion,
    /// Where it was read, for messages: `netlify.toml (HUGO_VERSION)`.
    pub source: String,
}

/// The release the site at `root` declares, and notices about declarations
/// that could not be used (not a version, or older than the releases
/// pagelint knows: then the oldest known is used).
pub fn declared(root: &Path, hugo: &HugoConfig) -> (Option<Declared>, Vec<String>) {
    let mut notices = Vec::new();
    for (source, value) in candidates(root, hugo) {
        match value.parse::<HugoVersion>() {
            Ok(version) => return (Some(Declared { version, source }), notices),
            Err(e) if e.contains("older") => {
                notices.push(format!(
                    "{source} declares Hugo {value}, older than the releases pagelint knows: \
                     checking as {}",
                    HugoVersion::OLDEST.short()
                ));
                let version = HugoVersion::OLDEST;
                return (Some(Declared { version, source }), notices);
            }
            Err(e) => notices.push(format!("{source}: {e}; ignored")),
        }
    }
    (None, notices)
}

/// Every declaration found, in order of precedence: (where, the version as written).
fn candidates(root: &Path, hugo: &HugoConfig) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if let Some(v) = netlify(root) {
        found.push(("netlify.toml (HUGO_VERSION)".to_string(), v));
    }
    for file in [".hvm", ".hugo_version"] {
        if let Ok(text) = std::fs::read_to_string(root.join(file)) {
            if let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty()) {
                found.push((file.to_string(), line.to_string()));
            }
        }
    }
    if let Some(v) = package_json(root) {
        found.push(("package.json (hugo-extended)".to_string(), v));
    }
    if let Some((file, v)) = workflows(root) {
        found.push((file, v));
    }
    for bound in ["max", "min"] {
        if let Some(v) = hugo.get(&format!("module.hugoVersion.{bound}")) {
            if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
                found.push((format!("module.hugoVersion.{bound}"), s.to_string()));
            }
        }
    }
    found
}

/// `HUGO_VERSION` in `netlify.toml`: the production context's, else the build's.
fn netlify(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("netlify.toml")).ok()?;
    let tree: Node = toml::parse(&text).ok()?;
    [
        "context.production.environment.HUGO_VERSION",
        "build.environment.HUGO_VERSION",
    ]
    .iter()
    .find_map(|path| {
        let v = tree.get_path(path)?;
        v.value.as_str().map(|s| s.trim().to_string())
    })
    .filter(|s| !s.is_empty())
}

/// The Hugo release an npm dependency installs (`"hugo-extended": "^0.164.0"`).
fn package_json(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    ["devDependencies", "dependencies"].iter().find_map(|deps| {
        ["hugo-extended", "hugo-bin-extended"]
            .iter()
            .find_map(|name| {
                let v = json.get(deps)?.get(name)?.as_str()?;
                let v = v.trim().trim_start_matches(['^', '~', '=', 'v']);
                (!v.is_empty()).then(|| v.to_string())
            })
    })
}

/// The newest Hugo release a GitHub Actions workflow pins, from the site root up to the
/// repository's root (the folder with `.git`): (the workflow, the version as written).
fn workflows(root: &Path) -> Option<(String, String)> {
    let line = regex::Regex::new(
        r#"(?m)^\s*-?\s*(?:hugo-version|HUGO_VERSION)\s*:\s*["']?v?([0-9]+\.[0-9]+(?:\.[0-9]+)?)["']?\s*(?:#.*)?$"#,
    )
    .ok()?;
    let mut best: Option<(HugoVersion, String, String)> = None;
    for dir in root.ancestors() {
        let folder = dir.join(".github/workflows");
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            for c in line.captures_iter(&text) {
                let written = c[1].to_string();
                let version = written
                    .parse::<HugoVersion>()
                    .unwrap_or(HugoVersion::OLDEST);
                if best.as_ref().is_none_or(|(v, _, _)| version > *v) {
                    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                    let shown = format!(".github/workflows/{}", name.unwrap_or_default());
                    best = Some((version, shown, written));
                }
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    best.map(|(_, file, written)| (file, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, HugoConfig) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let hugo = HugoConfig::load(dir.path()).unwrap();
        (dir, hugo)
    }

    #[test]
    fn netlify_wins_then_files_then_module() {
        let (dir, hugo) = site(&[
            (
                "netlify.toml",
                "[build.environment]\nHUGO_VERSION = \"0.150.1\"\n\
                 [context.production.environment]\nHUGO_VERSION = \"0.152.2\"\n",
            ),
            (".hvm", "v0.140.0\n"),
            ("hugo.toml", "[module.hugoVersion]\nmin = \"0.120.0\"\n"),
        ]);
        let (d, notices) = declared(dir.path(), &hugo);
        let d = d.unwrap();
        assert_eq!(d.version, HugoVersion::new(0, 152, 2));
        assert!(d.source.starts_with("netlify.toml"));
        assert!(notices.is_empty());
        std::fs::remove_file(dir.path().join("netlify.toml")).unwrap();
        assert_eq!(declared(dir.path(), &hugo).0.unwrap().source, ".hvm");
        std::fs::remove_file(dir.path().join(".hvm")).unwrap();
        let d = declared(dir.path(), &hugo).0.unwrap();
        assert_eq!(d.version, HugoVersion::new(0, 120, 0));
        assert_eq!(d.source, "module.hugoVersion.min");
    }

    #[test]
    fn old_and_bad_declarations_give_notices() {
        let (dir, hugo) = site(&[(".hugo_version", "0.90.0\n")]);
        let (d, notices) = declared(dir.path(), &hugo);
        assert_eq!(d.unwrap().version, HugoVersion::OLDEST);
        assert!(notices[0].contains("older"), "{notices:?}");
        let (dir, hugo) = site(&[(".hugo_version", "latest\n")]);
        let (d, notices) = declared(dir.path(), &hugo);
        assert!(d.is_none());
        assert!(notices[0].contains("ignored"), "{notices:?}");
    }

    #[test]
    fn npm_packages_and_workflows() {
        let (dir, hugo) = site(&[(
            "package.json",
            r#"{"devDependencies": {"hugo-extended": "^0.161.1", "x": "1"}}"#,
        )]);
        let d = declared(dir.path(), &hugo).0.unwrap();
        assert_eq!(
            (d.version.short(), d.source.as_str()),
            ("0.161".into(), "package.json (hugo-extended)")
        );

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let wf = dir.path().join(".github/workflows");
        std::fs::create_dir_all(&wf).unwrap();
        std::fs::write(wf.join("a.yml"), "      - uses: peaceiris/actions-hugo@v3\n        with:\n          hugo-version: '0.152.2'\n").unwrap();
        std::fs::write(wf.join("b.yml"), "    env:\n      HUGO_VERSION: 0.150.1\n").unwrap();
        std::fs::write(wf.join("c.yml"), "          hugo-version: 'latest'\n").unwrap();
        let site_root = dir.path().join("docs");
        std::fs::create_dir(&site_root).unwrap();
        let hugo = HugoConfig::load(&site_root).unwrap();
        let d = declared(&site_root, &hugo).0.unwrap();
        assert_eq!(d.version.short(), "0.152");
        assert_eq!(d.source, ".github/workflows/a.yml");
    }
}
