//! The Hugo release a site says it is built with, for the default of
//! `--hugo-version`.
//!
//! Looked for in this order, the first found wins:
//!
//! 1. `netlify.toml`: `HUGO_VERSION` under `[context.production.environment]`,
//!    else under `[build.environment]` (Netlify's documented way to pin Hugo);
//! 2. `.hvm` at the site root (written by the Hugo Version Manager, e.g. `v0.152.2`);
//! 3. `.hugo_version` at the site root (one version, e.g. `0.152.2`);
//! 4. Hugo's own `module.hugoVersion.max`, else `module.hugoVersion.min`
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
}
