//! Themes and modules: which ones the config names, where each is on disk, and its own
//! config and mounts.
//!
//! Hugo: `modules/config.go` `decodeConfig` (`module.imports`, then each `theme`; module
//! replacements), `modules/collect.go` `addAndRecurse` (imports of imports, depth first, each
//! path once), `getAndCreateModule` (`_vendor`, then the Go module, then `themesDir`),
//! `applyThemeConfig` (a module's own `hugo.*`/`config.*` and `config/` folder) and
//! `applyMounts` (a module without mounts mounts each component folder it has).

use std::path::{Path, PathBuf};

use super::config_load::{self, ConfigFile, CONFIG_EXTS, CONFIG_NAMES};
use super::content_map::normalize_path;
use super::mounts::{self, Mount, COMPONENT_FOLDERS};
use crate::frontmatter::{Node, NodeKind, Span};

/// Where a theme or module is named: a file of the config (an index into
/// [`super::HugoConfig::files`]) and the span of the name in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedAt {
    /// Index into the config files.
    pub file: usize,
    /// The byte span of the name in that file's text.
    pub span: Span,
}

/// Whether a theme or module could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Its folder is on disk and holds a theme or module.
    Present,
    /// No folder for it anywhere pagelint looks.
    Missing,
    /// Its folder exists but holds nothing of a theme or module (no `layouts/`, no component
    /// folder, no config): typically a git submodule never checked out.
    Empty,
}

/// A theme or module the config names.
#[derive(Debug, Clone)]
pub struct Component {
    /// The name as written: a `theme` entry or a `module.imports` path.
    pub name: String,
    /// Its folder (absolute): where it was found, or the first place looked when missing.
    pub dir: PathBuf,
    /// Whether it could be read.
    pub state: State,
    /// Where its name is written.
    pub named: NamedAt,
    /// Its own merged config (`hugo.*`/`config.*` and `config/`); empty when absent or
    /// ignored (`ignoreConfig`).
    pub config: Node,
    /// Its mounts: the import's, else its config's, else one per component folder it has.
    pub mounts: Vec<Mount>,
}

impl Component {
    /// Whether its files can be read.
    pub fn present(&self) -> bool {
        self.state == State::Present
    }
}

/// What discovery needs to know about the project.
pub struct Discovery<'a> {
    /// The site root.
    pub root: &'a Path,
    /// `themesDir`, absolute.
    pub themes_dir: PathBuf,
    /// The config environment (`production`).
    pub env: &'a str,
    /// `module.replacements` and `HUGO_MODULE_REPLACEMENTS`: module path to folder.
    pub replacements: Vec<(String, String)>,
    /// Folders of Hugo's Go module cache to look in, in order.
    pub module_caches: Vec<PathBuf>,
}

/// `module.replacements` of a config (a list, or one comma-separated string, of
/// `old -> new`), then `HUGO_MODULE_REPLACEMENTS`, which Hugo lets override the config.
pub fn replacements(tree: &Node) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut add = |s: &str| {
        for part in s.split(',') {
            if let Some((a, b)) = part.split_once("->") {
                pairs.push((a.trim().to_string(), b.trim().to_string()));
            }
        }
    };
    if let Ok(env) = std::env::var("HUGO_MODULE_REPLACEMENTS") {
        add(&env);
    }
    if let Some(e) = tree.get_path("module.replacements") {
        match e.value.as_list() {
            Some(items) => items.iter().filter_map(Node::as_str).for_each(&mut add),
            None => e.value.as_str().into_iter().for_each(&mut add),
        }
    }
    pairs
}

/// The folders where Hugo keeps Go modules: `<cacheDir>/modules/filecache/modules/pkg/mod` for
/// the config's `cacheDir`, `HUGO_CACHEDIR` and the default cache folders, then Go's own
/// (`GOMODCACHE`, `GOPATH/pkg/mod`, `~/go/pkg/mod`).
pub fn module_caches(tree: &Node, root: &Path) -> Vec<PathBuf> {
    let mut bases: Vec<PathBuf> = Vec::new();
    if let Some(d) = tree.get("cacheDir").and_then(|e| e.value.as_str()) {
        bases.push(root.join(d));
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    bases.extend(env("HUGO_CACHEDIR"));
    bases.extend(env("XDG_CACHE_HOME").map(|d| d.join("hugo_cache")));
    let home = env("HOME");
    bases.extend(home.as_ref().map(|h| h.join(".cache/hugo_cache")));
    if let Some(user) = env("USER") {
        bases.push(std::env::temp_dir().join(format!("hugo_cache_{}", user.display())));
    }
    bases.push(std::env::temp_dir().join("hugo_cache"));
    let mut out: Vec<PathBuf> = bases
        .into_iter()
        .map(|b| b.join("modules/filecache/modules/pkg/mod"))
        .collect();
    out.extend(env("GOMODCACHE"));
    out.extend(env("GOPATH").map(|p| p.join("pkg/mod")));
    out.extend(home.map(|h| h.join("go/pkg/mod")));
    out
}

/// A module path as Go's module cache spells it: each capital letter as `!` and the letter.
fn go_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What a `go.mod` says about a module path: its required version, or a local replacement
/// folder (resolved against the `go.mod`'s folder).
fn go_mod_lookup(dir: &Path, path: &str) -> (Option<String>, Option<PathBuf>) {
    let Ok(text) = std::fs::read_to_string(dir.join("go.mod")) else {
        return (None, None);
    };
    let (mut version, mut local) = (None, None);
    let mut block = "";
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if line.ends_with('(') {
            block = line.trim_end_matches('(').trim();
            continue;
        }
        if line == ")" {
            block = "";
            continue;
        }
        let (kind, rest) = if block.is_empty() {
            line.split_once(char::is_whitespace)
                .map_or(("", ""), |(k, r)| (k, r.trim()))
        } else {
            (block, line)
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        match kind {
            "require" if words.first() == Some(&path) => {
                version = words.get(1).map(|v| v.to_string());
            }
            "replace" if words.first() == Some(&path) => {
                let target = rest.split("=>").nth(1).map(str::trim).unwrap_or("");
                if target.starts_with('.') || target.starts_with('/') {
                    let t = target.split_whitespace().next().unwrap_or(target);
                    local = Some(dir.join(t));
                }
            }
            _ => {}
        }
    }
    (version, local)
}

/// Whether a folder holds anything of a theme or module: a component folder (`layouts/`,
/// `content/`, ...), a config (`hugo.*`, `config.*`, `config/`, `theme.toml`) or a `go.mod`.
fn looks_like_module(dir: &Path) -> bool {
    COMPONENT_FOLDERS.iter().any(|c| dir.join(c).is_dir())
        || dir.join("config").is_dir()
        || ["theme.toml", "go.mod", "package.hugo.json"]
            .iter()
            .any(|f| dir.join(f).is_file())
        || CONFIG_NAMES.iter().any(|n| {
            CONFIG_EXTS
                .iter()
                .any(|e| dir.join(format!("{n}.{e}")).is_file())
        })
}

/// One `theme` entry or `module.imports` entry to resolve.
struct Import {
    path: String,
    named: NamedAt,
    mounts: Vec<Mount>,
    ignore_config: bool,
    ignore_imports: bool,
    no_mounts: bool,
}

fn is_true(node: &Node, key: &str) -> bool {
    matches!(
        node.get(key).map(|e| &e.value.kind),
        Some(NodeKind::Bool(true))
    )
}

/// Where a value of the merged config is written: the last of `files[range]` whose own tree
/// holds the same node (same span, same value); the range's first file when none does.
fn locate(files: &[ConfigFile], range: std::ops::Range<usize>, found: &Node) -> usize {
    range
        .clone()
        .rev()
        .find(|&i| contains_node(&files[i].tree, found))
        .unwrap_or(range.start)
}

fn contains_node(tree: &Node, needle: &Node) -> bool {
    let mut stack = vec![tree];
    while let Some(n) = stack.pop() {
        if n.span == needle.span && n.kind == needle.kind {
            return true;
        }
        match &n.kind {
            NodeKind::Map(es) => stack.extend(es.iter().map(|e| &e.value)),
            NodeKind::List(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    false
}

/// The imports a config names, in Hugo's order: `module.imports` (not `disable`d), then
/// each `theme`. `files` are the config's files (from index `first`), to say where each
/// name is written.
fn imports_of(tree: &Node, files: &[ConfigFile], first: usize) -> Vec<Import> {
    let range = first..files.len();
    let mut out = Vec::new();
    if let Some(list) = tree
        .get_path("module.imports")
        .and_then(|e| e.value.as_list())
    {
        for imp in list {
            let Some(path) = imp.get("path") else {
                continue;
            };
            let Some(name) = path.value.as_str() else {
                continue;
            };
            if is_true(imp, "disable") {
                continue;
            }
            out.push(Import {
                path: name.to_string(),
                named: NamedAt {
                    file: locate(files, range.clone(), &path.value),
                    span: path.value.span.clone(),
                },
                mounts: mounts::mounts_of(imp),
                ignore_config: is_true(imp, "ignoreConfig"),
                ignore_imports: is_true(imp, "ignoreImports"),
                no_mounts: is_true(imp, "noMounts"),
            });
        }
    }
    if let Some(theme) = tree.get("theme") {
        let items: Vec<&Node> = match theme.value.as_list() {
            Some(items) => items.iter().collect(),
            None => vec![&theme.value],
        };
        for item in items {
            let Some(name) = item.as_str().filter(|s| !s.trim().is_empty()) else {
                continue;
            };
            out.push(Import {
                path: name.to_string(),
                named: NamedAt {
                    file: locate(files, range.clone(), item),
                    span: item.span.clone(),
                },
                mounts: Vec::new(),
                ignore_config: false,
                ignore_imports: false,
                no_mounts: false,
            });
        }
    }
    out
}

impl Discovery<'_> {
    /// The folder of an import named by the module in `owner_dir`, in Hugo's order:
    /// a replacement, `_vendor/`, the owner's `go.mod` (a local `replace`, else the required
    /// version in a module cache), then `themesDir`. The first candidate when none exists.
    fn resolve(&self, path: &str, owner_dir: &Path) -> (PathBuf, bool) {
        let mut candidates: Vec<PathBuf> = Vec::new();
        let mut name = path.to_string();
        if let Some((_, new)) = self.replacements.iter().find(|(old, _)| old == path) {
            name = new.clone();
        }
        let named = Path::new(&name);
        if named.is_absolute() {
            candidates.push(named.to_path_buf());
        }
        candidates.push(self.root.join("_vendor").join(path));
        let (version, local) = go_mod_lookup(owner_dir, path);
        candidates.extend(local);
        if let Some(v) = version {
            let rel = format!("{}@{}", go_escape(path), go_escape(&v));
            candidates.extend(self.module_caches.iter().map(|c| c.join(&rel)));
        }
        // Joined as Go's `filepath.Join` does: lexically, `..` never through the disk.
        let themed = normalize_path(&self.themes_dir.join(&name));
        candidates.push(themed.clone());
        match candidates.into_iter().find(|c| c.is_dir()) {
            Some(found) => (found, true),
            None => (themed, false),
        }
    }

    /// Every theme and module reachable from the project's config `tree`, depth first, each
    /// path once. Present components' config files are appended to `files`.
    pub fn discover(&self, tree: &Node, files: &mut Vec<ConfigFile>) -> Vec<Component> {
        let mut out: Vec<Component> = Vec::new();
        let mut queue: Vec<(Import, PathBuf)> = imports_of(tree, files, 0)
            .into_iter()
            .map(|i| (i, self.root.to_path_buf()))
            .rev()
            .collect();
        while let Some((imp, owner_dir)) = queue.pop() {
            if out.iter().any(|c| c.name == imp.path) || out.len() >= 64 {
                continue;
            }
            let (dir, found) = self.resolve(&imp.path, &owner_dir);
            // An import that says what to mount needs no theme layout: Hugo skips mount
            // sources that do not exist.
            let state = if !found {
                State::Missing
            } else if imp.mounts.is_empty() && !looks_like_module(&dir) {
                State::Empty
            } else {
                State::Present
            };
            let mut config = Node::default();
            let mut children = Vec::new();
            if state == State::Present && !imp.ignore_config {
                let first = files.len();
                if let Ok(loaded) = config_load::load(&dir, self.root, self.env) {
                    files.extend(loaded.files);
                    config = loaded.tree;
                }
                if !imp.ignore_imports {
                    children = imports_of(&config, files, first);
                }
            }
            let mounts = if imp.no_mounts || state != State::Present {
                Vec::new()
            } else if !imp.mounts.is_empty() {
                imp.mounts.clone()
            } else {
                let own = config.get("module").map(|m| mounts::mounts_of(&m.value));
                match own.filter(|m| !m.is_empty()) {
                    Some(m) => m,
                    None => COMPONENT_FOLDERS
                        .iter()
                        .filter(|c| dir.join(c).is_dir())
                        .map(|c| Mount::plain(c, c))
                        .collect(),
                }
            };
            for child in children.into_iter().rev() {
                queue.push((child, dir.clone()));
            }
            out.push(Component {
                name: imp.path,
                dir,
                state,
                named: imp.named,
                config,
                mounts,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::HugoConfig;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn states(c: &HugoConfig) -> Vec<(&str, State, &str)> {
        c.themes
            .iter()
            .map(|t| {
                let file = c.files[t.named.file].path.to_str().unwrap();
                (t.name.as_str(), t.state, file)
            })
            .collect()
    }

    #[test]
    fn where_each_theme_is_named_and_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "hugo.toml",
            "title = \"t\"\ntheme = [\"full\", \"empty\"]\n",
        );
        write(
            root,
            "config/_default/module.toml",
            "[[imports]]\npath = \"github.com/x/mod\"\n[[imports]]\npath = \"gone\"\n",
        );
        write(root, "themes/full/layouts/_default/single.html", "");
        write(
            root,
            "themes/full/hugo.toml",
            "[[module.imports]]\npath = \"nested\"\n",
        );
        write(root, "themes/nested/theme.toml", "");
        std::fs::create_dir_all(root.join("themes/empty")).unwrap();
        write(root, "themes/empty/README.md", "");
        write(root, "_vendor/github.com/x/mod/layouts/x.html", "");
        let c = HugoConfig::load(root).unwrap();
        assert_eq!(
            states(&c),
            [
                (
                    "github.com/x/mod",
                    State::Present,
                    "config/_default/module.toml"
                ),
                ("gone", State::Missing, "config/_default/module.toml"),
                ("full", State::Present, "hugo.toml"),
                ("nested", State::Present, "themes/full/hugo.toml"),
                ("empty", State::Empty, "hugo.toml"),
            ]
        );
        let full = &c.themes[2];
        assert_eq!(full.mounts, [Mount::plain("layouts", "layouts")]);
        let text = &c.files[c.themes[1].named.file].text;
        assert_eq!(&text[c.themes[1].named.span.clone()], "\"gone\"");
    }

    #[test]
    fn replacements_and_go_modules() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "hugo.toml",
            concat!(
                "[module]\nreplacements = \"github.com/a/theme -> ../../mods/a\"\n",
                "[[module.imports]]\npath = \"github.com/a/theme\"\n",
                "[[module.imports]]\npath = \"github.com/B/m\"\n",
            ),
        );
        write(root, "mods/a/layouts/x.html", "");
        write(
            root,
            "go.mod",
            "module x\n\nrequire (\n\tgithub.com/B/m v1.2.0\n)\n",
        );
        let cache = root.join("cache");
        write(&cache, "github.com/!b/m@v1.2.0/layouts/y.html", "");
        let tree = config_load::load(root, root, "production").unwrap();
        let mut files = tree.files.clone();
        let d = Discovery {
            root,
            themes_dir: root.join("themes/sub"),
            env: "production",
            replacements: replacements(&tree.tree),
            module_caches: vec![cache.clone()],
        };
        let found = d.discover(&tree.tree, &mut files);
        let dirs: Vec<_> = found.iter().map(|c| (c.state, c.dir.clone())).collect();
        assert_eq!(
            dirs,
            [
                (State::Present, root.join("mods/a")),
                (State::Present, cache.join("github.com/!b/m@v1.2.0")),
            ]
        );
    }
}
