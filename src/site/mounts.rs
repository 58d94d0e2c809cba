//! Module mounts: which folders Hugo puts where in its virtual file system, for which
//! languages and which files.
//!
//! Hugo: `modules/config.go` (`Mount`: `source`, `target`, the deprecated `lang`, `sites`,
//! `files` and the deprecated `includeFiles`/`excludeFiles`; `ApplyProjectConfigDefaults`,
//! the project's default mounts), `modules/collect.go` `applyMounts` (a module's default
//! mounts), `hugofs/hglob/filename_filter.go` (`files` patterns).

use super::hugo_glob::HugoGlob;
use crate::frontmatter::{Node, NodeKind};

/// The top folders Hugo mounts (`files.ComponentFolders`).
pub const COMPONENT_FOLDERS: &[&str] = &[
    "archetypes",
    "static",
    "layouts",
    "content",
    "data",
    "i18n",
    "assets",
];

/// One `module.mounts` entry, as the config writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mount {
    /// `source`, relative to the module's folder (or absolute, in the project).
    pub source: String,
    /// `target`, cleaned: `/`-separated, no leading or trailing `/` (`content/docs`).
    pub target: String,
    /// The language patterns of `sites.matrix.languages` and the deprecated `lang`
    /// (lowercased; globs and `! ` negations allowed, as Hugo's sites matrix takes them);
    /// empty when the mount names no language.
    pub languages: Vec<String>,
    /// `files`, then `includeFiles`, then `excludeFiles` prefixed with `! `, as Hugo's
    /// `FilesToFilter` joins them.
    pub files: Vec<String>,
}

impl Mount {
    /// The mount's top folder (`content`, `static`, ...).
    pub fn component(&self) -> &str {
        self.target.split('/').next().unwrap_or("")
    }

    /// The path below the component the mount puts its files at (`docs` for
    /// `content/docs`; empty for `content`).
    pub fn target_rest(&self) -> &str {
        self.target
            .split_once('/')
            .map_or("", |(_, rest)| rest.trim_matches('/'))
    }

    /// A mount of `source` at `target`, for any language and every file.
    pub fn plain(source: &str, target: &str) -> Mount {
        Mount {
            source: source.to_string(),
            target: clean(target),
            languages: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// Cleans a slash path lexically: `/` separators, no `.`, `..` resolved where it can be, no
/// leading or trailing `/`.
pub fn clean(p: &str) -> String {
    let p = p.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn strings(node: &Node) -> Vec<String> {
    match &node.kind {
        NodeKind::String { value, .. } => value
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        NodeKind::List(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn one_mount(m: &Node) -> Option<Mount> {
    let get = |k: &str| m.get(k).map(|e| &e.value);
    let source = get("source")?.as_str()?;
    let target = get("target")?.as_str()?;
    let mut languages: Vec<String> = Vec::new();
    if let Some(l) = get("lang").and_then(Node::as_str).filter(|l| !l.is_empty()) {
        languages.push(l.to_lowercase());
    }
    if let Some(ls) = m.get_path("sites.matrix.languages") {
        languages.extend(strings(&ls.value).into_iter().map(|l| l.to_lowercase()));
    }
    languages.dedup();
    let mut files: Vec<String> = get("files").map(strings).unwrap_or_default();
    files.extend(get("includeFiles").map(strings).unwrap_or_default());
    files.extend(
        get("excludeFiles")
            .map(strings)
            .unwrap_or_default()
            .into_iter()
            .map(|p| format!("! {p}")),
    );
    Some(Mount {
        source: source.to_string(),
        target: clean(target),
        languages,
        files,
    })
}

/// The `module.mounts` of a config tree (or of a `module.imports` entry: pass the entry),
/// those without a string `source` and `target` left out.
pub fn mounts_of(module: &Node) -> Vec<Mount> {
    module
        .get("mounts")
        .and_then(|e| e.value.as_list())
        .unwrap_or_default()
        .iter()
        .filter_map(one_mount)
        .collect()
}

/// Which of a mount's files Hugo sees: Hugo's `files` patterns matched against the path below
/// the mount's source, with a leading `/`, ignoring case; the first pattern that matches
/// decides (`! ` excludes), and with no inclusion pattern everything else is included.
#[derive(Debug, Clone, Default)]
pub struct FileFilter {
    entries: Vec<(bool, HugoGlob)>,
    has_include: bool,
}

impl FileFilter {
    /// The filter of these patterns; patterns that are not valid globs are left out.
    pub fn new(patterns: &[String]) -> FileFilter {
        let mut f = FileFilter::default();
        for p in patterns {
            let (include, p) = match p.strip_prefix("! ") {
                Some(rest) => (false, rest),
                None => (true, p.as_str()),
            };
            let p = p.replace('\\', "/");
            let p = if p.starts_with('/') {
                p
            } else {
                format!("/{p}")
            };
            let Some(g) = HugoGlob::new(&p, '/') else {
                continue;
            };
            f.has_include |= include;
            f.entries.push((include, g));
        }
        f
    }

    /// Whether the file at `rel` (below the mount's source, `/`-separated) is mounted.
    pub fn includes(&self, rel: &str) -> bool {
        if self.entries.is_empty() {
            return true;
        }
        let path = format!("/{}", rel.trim_start_matches('/'));
        for (include, g) in &self.entries {
            if g.is_match(&path) {
                return *include;
            }
        }
        !self.has_include
    }
}

/// Whether a language pattern list (a mount's or a cascade target's) selects `lang`:
/// names and globs (`{en,fr}`, `*`) include, `! pattern` excludes; with only exclusions,
/// every other language is included.
pub fn languages_match(patterns: &[String], lang: &str) -> bool {
    let mut included = patterns.iter().all(|p| p.starts_with('!'));
    for p in patterns {
        let (neg, p) = match p.strip_prefix('!') {
            Some(rest) => (true, rest.trim()),
            None => (false, p.trim()),
        };
        let hit = p == lang || HugoGlob::new(p, '.').is_some_and(|g| g.is_match(lang));
        if hit {
            included = !neg;
        }
    }
    included
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::yaml;

    #[test]
    fn mounts_with_languages_and_files() {
        let tree = yaml::parse(concat!(
            "mounts:\n",
            "  - {source: content/en, target: /content/, lang: EN}\n",
            "  - {source: ../x, target: content/docs, sites: {matrix: {languages: [ja, fr]}}}\n",
            "  - {source: a, target: content, files: ['**.md'], excludeFiles: 'drafts/**'}\n",
            "  - {source: b}\n",
        ))
        .unwrap();
        let m = mounts_of(&tree);
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].target.as_str(), m[0].target_rest()), ("content", ""));
        assert_eq!(m[0].languages, ["en"]);
        assert_eq!(m[1].target_rest(), "docs");
        assert_eq!(m[1].languages, ["ja", "fr"]);
        assert_eq!(m[2].files, ["**.md", "! drafts/**"]);
        let f = FileFilter::new(&m[2].files);
        assert!(f.includes("a.md") && f.includes("x/B.MD"));
        // The first pattern that matches decides: `**.md` comes before the exclusion.
        assert!(f.includes("drafts/a.md") && !f.includes("x/a.png"));
        let f = FileFilter::new(&["! drafts/**".into()]);
        assert!(f.includes("x.md") && !f.includes("drafts/a.md"));
    }

    #[test]
    fn language_patterns() {
        assert!(languages_match(&["en".into()], "en"));
        assert!(!languages_match(&["en".into()], "fr"));
        assert!(languages_match(&["{en,fr}".into()], "fr"));
        assert!(languages_match(&["! en".into()], "fr"));
        assert!(!languages_match(&["! en".into()], "en"));
        assert!(languages_match(&["*".into()], "zh-hans"));
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean("/content/docs/"), "content/docs");
        assert_eq!(clean("content/./a/../b"), "content/b");
        assert_eq!(clean("../x"), "../x");
    }
}
