//! Reading a Hugo configuration from disk as Hugo does: the root `hugo.*` / `config.*` file,
//! then `config/_default/` and `config/ENV/` merged over it. The same reader serves the
//! project and each theme or module (whose own config Hugo reads the same way).
//!
//! Hugo: `config/allconfig/load.go` `loadConfigMain` and `config/configLoader.go`
//! `LoadConfigFromDir`.

use std::path::{Path, PathBuf};

use crate::config::ConfigError;
use crate::frontmatter::{json, toml, yaml, Entry, Node, NodeKind};

/// The base names of a root config file, in Hugo's order (`hugo` since 0.110).
pub const CONFIG_NAMES: &[&str] = &["hugo", "config"];
/// The extensions of a config file, in Hugo's order.
pub const CONFIG_EXTS: &[&str] = &["toml", "yaml", "yml", "json"];

/// One config file that was read, with its text and its values placed where they sit in the
/// merged config (`config/_default/params.toml` wrapped under `params`), so that a value found
/// in this tree can be reported with this file's text.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// The file: relative to the site root when inside it, else absolute.
    pub path: PathBuf,
    /// Its text (invalid UTF-8 replaced).
    pub text: String,
    /// Its values, wrapped under the keys its name stands for; spans point into `text`.
    pub tree: Node,
}

/// A config file that does not parse.
#[derive(Debug)]
pub struct HugoConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text (invalid UTF-8 replaced), for the report's snippet.
    pub text: String,
    /// The parser's message and the byte span in `text` it points at.
    pub error: ConfigError,
}

/// A whole config as read from one folder: every file in merge order and the merged tree.
#[derive(Debug, Default)]
pub struct LoadedConfig {
    /// The files read, the root file first, then `config/_default/` and `config/ENV/` ones
    /// in the order they were merged (later files win).
    pub files: Vec<ConfigFile>,
    /// The merged tree. Keys compare case-insensitively; spans point into the file each value
    /// came from.
    pub tree: Node,
}

/// The environment whose `config/ENV/` folder is merged: `HUGO_ENVIRONMENT` (or `HUGO_ENV`)
/// when set, else `production`, as for `hugo` (the build command) without `--environment`.
pub fn environment() -> String {
    ["HUGO_ENVIRONMENT", "HUGO_ENV"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "production".to_string())
}

/// Parses one config file by its extension. `Ok(None)` when it cannot be read or has another
/// extension; an error when it does not parse.
pub fn parse_file(path: &Path, shown: &Path) -> Result<Option<(String, Node)>, HugoConfigError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !CONFIG_EXTS.contains(&ext) {
        return Ok(None);
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let parsed = match ext {
        "toml" => toml::parse(&text),
        "json" => json::parse(&text),
        _ => yaml::parse(&text),
    };
    match parsed {
        Ok(node) => Ok(Some((text, node))),
        Err(e) => Err(HugoConfigError {
            path: shown.to_path_buf(),
            text,
            error: ConfigError::new(
                format!("Hugo's config does not parse: {}", e.message),
                e.span,
            ),
        }),
    }
}

/// Deep-merges `over` into `base`; `over` wins, keys compare case-insensitively (Hugo's
/// `Set("", …)` of a later config file).
pub fn merge(base: &mut Node, over: Node) {
    match (&mut base.kind, over.kind) {
        (NodeKind::Map(entries), NodeKind::Map(over_entries)) => {
            for e in over_entries {
                match entries
                    .iter_mut()
                    .find(|b| b.key.eq_ignore_ascii_case(&e.key))
                {
                    Some(b) => merge(&mut b.value, e.value),
                    None => entries.push(e),
                }
            }
        }
        (_, kind) => *base = Node::new(over.span, kind),
    }
}

/// A map of one entry `key: value`, with no span of its own.
pub fn wrap(key: &str, value: Node) -> Node {
    Node::new(
        0..0,
        NodeKind::Map(vec![Entry {
            key: key.to_string(),
            key_span: 0..0,
            value,
        }]),
    )
}

/// How a file of a config folder is placed in the config, by its name (Hugo's
/// `LoadConfigFromDir`): `hugo.*`/`config.*` at the top; `params.toml` under `params`;
/// `params.fr.toml` and `menus.fr.toml` under `languages.fr.params` / `.menus`;
/// `languages.fr.toml` under `languages.fr`. A file holding only its own key
/// (`cascade.yaml` with `cascade: [...]`) is unwrapped first.
fn place(file_name: &str, node: Node) -> Node {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    if CONFIG_NAMES.contains(&stem) {
        return node;
    }
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, lang)) => (name, Some(lang)),
        None => (stem, None),
    };
    let value = match node.as_map() {
        Some([only]) if only.key.eq_ignore_ascii_case(name) => only.value.clone(),
        _ => node,
    };
    match lang {
        None => wrap(name, value),
        Some(lang) => {
            let inner = match name {
                "menu" | "menus" => wrap("menus", value),
                "params" => wrap("params", value),
                _ => value,
            };
            wrap("languages", wrap(lang, inner))
        }
    }
}

/// The config files below `dir`, recursively, sorted by path (Hugo walks the folder in
/// lexical order).
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in read.flatten() {
            let path = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// How a path is shown: relative to `root` when inside it.
fn shown(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Reads the config of the project or module in `dir`: the first `hugo.*` else `config.*`
/// (`toml`, `yaml`, `yml`, `json`, in that order), then every file of `config/_default/` and
/// `config/<env>/` merged over it in path order. `site_root` decides how paths are shown. A
/// missing file is no error; a file that does not parse is, with its path and text.
pub fn load(dir: &Path, site_root: &Path, env: &str) -> Result<LoadedConfig, HugoConfigError> {
    let mut loaded = LoadedConfig::default();
    'found: for name in CONFIG_NAMES {
        for ext in CONFIG_EXTS {
            let path = dir.join(format!("{name}.{ext}"));
            if let Some((text, node)) = parse_file(&path, &shown(&path, site_root))? {
                loaded.files.push(ConfigFile {
                    path: shown(&path, site_root),
                    text,
                    tree: node,
                });
                break 'found;
            }
        }
    }
    for sub in ["_default", env] {
        for path in files_below(&dir.join("config").join(sub)) {
            let Some((text, node)) = parse_file(&path, &shown(&path, site_root))? else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            loaded.files.push(ConfigFile {
                path: shown(&path, site_root),
                text,
                tree: place(name, node),
            });
        }
    }
    for f in &loaded.files {
        merge(&mut loaded.tree, f.tree.clone());
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn config_dir_files_are_placed_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "hugo.toml", "title = \"t\"\n[params]\na = 1\nb = 1\n");
        write(root, "config/_default/params.toml", "b = 2\n");
        write(
            root,
            "config/_default/params.fr.yaml",
            "greeting: Bonjour\n",
        );
        write(
            root,
            "config/_default/cascade.yaml",
            "cascade:\n  - params: {x: 1}\n",
        );
        write(root, "config/_default/languages.de.toml", "weight = 3\n");
        write(root, "config/production/params.toml", "c = 3\n");
        write(root, "config/development/params.toml", "d = 4\n");
        let c = load(root, root, "production").unwrap();
        let t = &c.tree;
        let int = |p: &str| match t.get_path(p).map(|e| &e.value.kind) {
            Some(NodeKind::Int(i)) => Some(*i),
            _ => None,
        };
        assert_eq!(
            (int("params.a"), int("params.b"), int("params.c")),
            (Some(1), Some(2), Some(3))
        );
        assert_eq!(int("params.d"), None);
        assert_eq!(int("languages.de.weight"), Some(3));
        assert!(t.get_path("languages.fr.params.greeting").is_some());
        assert!(t.get("cascade").unwrap().value.as_list().is_some());
        assert_eq!(c.files.len(), 6);
        assert_eq!(c.files[0].path, Path::new("hugo.toml"));
    }
}
