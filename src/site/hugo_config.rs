//! The parts of Hugo's own configuration that decide what pagelint checks:
//! where content and static files live, themes, taxonomies, params.
//!
//! Read as Hugo 0.111.3 reads it (`hugolib/config.go` `LoadConfig`, `config/configLoader.go`
//! `LoadConfigFromDir`, `modules/config.go` `ApplyProjectConfigDefaults`), for the keys
//! pagelint uses only; anything else in the config is ignored.

use std::path::{Path, PathBuf};

use crate::config::ConfigError;
use crate::frontmatter::{json, toml, yaml, Entry, Node, NodeKind, Span};

const CONFIG_NAMES: &[&str] = &["hugo", "config"];
const CONFIG_EXTS: &[&str] = &["toml", "yaml", "yml", "json"];

/// A static directory and the URL prefix it is mounted at (empty for the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticDir {
    /// The directory as the config writes it, relative to the site root (or absolute).
    pub dir: PathBuf,
    /// Where its files are published: `img` for a mount target `static/img`, no slashes at
    /// either end; empty for the site root.
    pub prefix: String,
}

/// A theme or module the config names, with where its value was written.
#[derive(Debug, Clone)]
pub struct Component {
    /// The name (for a module import, its `path`) as written.
    pub name: String,
    /// Its folder relative to the site root: `themesDir`/name, or `_vendor`/name for a module
    /// import found only there.
    pub dir: PathBuf,
    /// Whether `dir` exists under the site root.
    pub present: bool,
    /// Where the name is written, a byte range in the config file it came from.
    pub span: Span,
}

/// What pagelint takes from a site's Hugo config; [`HugoConfig::load`] reads it. The default
/// value is a site with no config at all, not Hugo's defaults.
#[derive(Debug, Default)]
pub struct HugoConfig {
    /// The main config file, relative to the site root, and its text (for reports).
    pub file: Option<(PathBuf, String)>,
    /// `contentDir` (default `content`), then each language's own `contentDir`; replaced by
    /// the sources of `module.mounts` whose target is `content` when there are any.
    pub content_dirs: Vec<PathBuf>,
    /// `staticDir` (default `static`) and `staticDir0` to `staticDir10`, as Hugo's
    /// `getStaticDirs`; replaced by the `module.mounts` whose target is `static` or below it
    /// when there are any.
    pub static_dirs: Vec<StaticDir>,
    /// `theme` (one or a list), then the `module.imports` paths.
    pub themes: Vec<Component>,
    /// The plural names of the `taxonomies` table, lowercased; Hugo's `tags` and `categories`
    /// when the table is absent.
    pub taxonomies: Vec<String>,
    /// `enableInlineShortcodes = true`.
    pub inline_shortcodes: bool,
    /// `markup.goldmark.renderer.unsafe = true`: raw HTML in Markdown is rendered.
    pub unsafe_html: bool,
    /// The `params` table as written, if any.
    pub params: Option<Node>,
    /// The keys of the `languages` table, lowercased, in order.
    pub languages: Vec<String>,
    /// The whole merged config tree (root file, then `config/_default/`, then
    /// `config/production/`), for settings read where they are used: see [`HugoConfig::get`].
    /// Spans point into the file each value came from.
    pub tree: Node,
}

/// A Hugo config file that does not parse.
#[derive(Debug)]
pub struct HugoConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text (invalid UTF-8 replaced), for the report's snippet.
    pub text: String,
    /// The parser's message and the byte span in `text` it points at.
    pub error: ConfigError,
}

/// Whether `dir` looks like the root of a Hugo site or a pagelint project: a `hugo.*` or
/// `config.*` file (TOML, YAML or JSON), a `config/_default` folder, or a `pagelint.toml` /
/// `.pagelint.toml`.
pub fn is_site_root(dir: &Path) -> bool {
    CONFIG_NAMES.iter().any(|n| {
        CONFIG_EXTS
            .iter()
            .any(|e| dir.join(format!("{n}.{e}")).is_file())
    }) || dir.join("config/_default").is_dir()
        || dir.join("pagelint.toml").is_file()
        || dir.join(".pagelint.toml").is_file()
}

fn parse_file(path: &Path) -> Result<Option<(String, Node)>, HugoConfigError> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let parsed = match ext {
        "toml" => toml::parse(&text),
        "yaml" | "yml" => yaml::parse(&text),
        "json" => json::parse(&text),
        _ => return Ok(None),
    };
    match parsed {
        Ok(node) => Ok(Some((text, node))),
        Err(e) => Err(HugoConfigError {
            path: path.to_path_buf(),
            text,
            error: ConfigError::new(
                format!("Hugo's config does not parse: {}", e.message),
                e.span,
            ),
        }),
    }
}

/// Deep-merges `over` into `base`; `over` wins, keys compare case-insensitively.
fn merge(base: &mut Node, over: Node) {
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

fn str_list(node: &Node) -> Vec<(String, Span)> {
    match &node.kind {
        NodeKind::String { value, .. } => vec![(value.clone(), node.span.clone())],
        NodeKind::List(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(|s| (s.to_string(), i.span.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

fn truthy(node: Option<&Entry>) -> bool {
    matches!(node.map(|e| &e.value.kind), Some(NodeKind::Bool(true)))
}

impl HugoConfig {
    /// Reads the site's config: `hugo.*` else `config.*` (`.toml`, `.yaml`, `.yml`, `.json`, in
    /// that order), with `config/_default/*` and then `config/production/*` merged over it in
    /// file name order, as Hugo's `LoadConfigFromDir` does for the production environment: a
    /// `hugo.*` / `config.*` file there merges at the top, `params.toml` and the like under
    /// their key. Keys merge case-insensitively, later files winning. A missing file is no
    /// error; a file that does not parse is, with its path and text.
    pub fn load(root: &Path) -> Result<HugoConfig, HugoConfigError> {
        let mut tree = Node::new(0..0, NodeKind::Map(Vec::new()));
        let mut file = None;
        'found: for name in CONFIG_NAMES {
            for ext in CONFIG_EXTS {
                let rel = PathBuf::from(format!("{name}.{ext}"));
                if let Some((text, node)) = parse_file(&root.join(&rel))? {
                    tree = node;
                    file = Some((rel, text));
                    break 'found;
                }
            }
        }
        for env in ["config/_default", "config/production"] {
            let Ok(dir) = std::fs::read_dir(root.join(env)) else {
                continue;
            };
            let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let Some((_, node)) = parse_file(&path)? else {
                    continue;
                };
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_string();
                if CONFIG_NAMES.contains(&stem.as_str()) {
                    merge(&mut tree, node);
                } else if !stem.contains('.') {
                    let wrapped = Node::new(
                        0..0,
                        NodeKind::Map(vec![Entry {
                            key: stem,
                            key_span: 0..0,
                            value: node,
                        }]),
                    );
                    merge(&mut tree, wrapped);
                }
            }
        }
        let mut config = HugoConfig::from_tree(root, &tree);
        config.file = file;
        config.tree = tree;
        Ok(config)
    }

    /// The value at a dotted path of the merged config, keys compared case-insensitively as
    /// Hugo does: `get("markup.goldmark.renderHooks.image.useEmbedded")`. None when a part of
    /// the path is absent or not a table.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.tree.get_path(path).map(|e| &e.value)
    }

    /// The settings pagelint uses, from the merged config tree (`root` is the site root, to
    /// see which theme folders exist). Keys are looked up as Hugo spells them in its docs.
    fn from_tree(root: &Path, tree: &Node) -> HugoConfig {
        let get = |k: &str| tree.get(k);
        let (mut content_dirs, languages) = content_dirs_and_languages(tree);
        let mut static_dirs = static_dirs(tree);
        // Any module mount for content or static replaces the defaults entirely, as in Hugo.
        let (content, statics) = module_mounts(tree);
        if !content.is_empty() {
            content_dirs = content;
        }
        if !statics.is_empty() {
            static_dirs = statics;
        }
        let themes_dir = get("themesDir")
            .and_then(|e| e.value.as_str())
            .unwrap_or("themes");
        let mut themes = themes(root, tree, themes_dir);
        themes.extend(module_imports(root, tree, themes_dir));
        let taxonomies = match get("taxonomies").and_then(|e| e.value.as_map()) {
            Some(t) => t
                .iter()
                .filter_map(|e| e.value.as_str().map(str::to_lowercase))
                .collect(),
            None => vec!["tags".into(), "categories".into()],
        };
        HugoConfig {
            file: None,
            content_dirs,
            static_dirs,
            themes,
            taxonomies,
            inline_shortcodes: truthy(get("enableInlineShortcodes")),
            unsafe_html: truthy(tree.get_path("markup.goldmark.renderer.unsafe")),
            params: get("params").map(|e| e.value.clone()),
            languages,
            tree: Node::default(),
        }
    }
}

/// `contentDir` (default `content`) and each language's own `contentDir`, without repeats;
/// and the language keys of `languages`, lowercased, in order.
fn content_dirs_and_languages(tree: &Node) -> (Vec<PathBuf>, Vec<String>) {
    let mut content_dirs = vec![tree
        .get("contentDir")
        .and_then(|e| e.value.as_str())
        .unwrap_or("content")
        .into()];
    let mut languages = Vec::new();
    if let Some(langs) = tree.get("languages").and_then(|e| e.value.as_map()) {
        for lang in langs {
            languages.push(lang.key.to_lowercase());
            if let Some(dir) = lang.value.get("contentDir").and_then(|e| e.value.as_str()) {
                let dir = PathBuf::from(dir);
                if !content_dirs.contains(&dir) {
                    content_dirs.push(dir);
                }
            }
        }
    }
    (content_dirs, languages)
}

/// `staticDir` (one or a list; default `static`), then `staticDir0` to `staticDir10`, all
/// mounted at the root.
fn static_dirs(tree: &Node) -> Vec<StaticDir> {
    let mut static_dirs: Vec<StaticDir> = Vec::new();
    for (dir, _) in tree
        .get("staticDir")
        .map(|e| str_list(&e.value))
        .unwrap_or_else(|| vec![("static".into(), 0..0)])
    {
        static_dirs.push(StaticDir {
            dir: dir.into(),
            prefix: String::new(),
        });
    }
    for i in 0..=10 {
        if let Some(e) = tree.get(&format!("staticDir{i}")) {
            for (dir, _) in str_list(&e.value) {
                static_dirs.push(StaticDir {
                    dir: dir.into(),
                    prefix: String::new(),
                });
            }
        }
    }
    static_dirs
}

/// The `module.mounts` whose target is `content` (or below it) and those whose target is
/// `static` (or below it, which becomes the URL prefix). Mounts without a string `source`
/// and `target` are skipped.
fn module_mounts(tree: &Node) -> (Vec<PathBuf>, Vec<StaticDir>) {
    let mut content = Vec::new();
    let mut statics = Vec::new();
    let Some(mounts) = tree
        .get_path("module.mounts")
        .and_then(|e| e.value.as_list())
    else {
        return (content, statics);
    };
    for m in mounts {
        let (Some(source), Some(target)) = (
            m.get("source").and_then(|e| e.value.as_str()),
            m.get("target").and_then(|e| e.value.as_str()),
        ) else {
            continue;
        };
        let target = target.trim_matches('/');
        if target == "content" || target.starts_with("content/") {
            content.push(PathBuf::from(source));
        } else if let Some(rest) = target.strip_prefix("static") {
            if rest.is_empty() || rest.starts_with('/') {
                statics.push(StaticDir {
                    dir: source.into(),
                    prefix: rest.trim_matches('/').to_string(),
                });
            }
        }
    }
    (content, statics)
}

/// The `theme` value (one name or a list), each in `themes_dir`.
fn themes(root: &Path, tree: &Node, themes_dir: &str) -> Vec<Component> {
    tree.get("theme")
        .map(|e| str_list(&e.value))
        .unwrap_or_default()
        .into_iter()
        .map(|(name, span)| {
            let dir = Path::new(themes_dir).join(&name);
            Component {
                present: root.join(&dir).is_dir(),
                name,
                dir,
                span,
            }
        })
        .collect()
}

/// The `path` of each `module.imports` entry: found in `themes_dir` or else `_vendor`; when
/// in neither, not present and said to be in `themes_dir`.
fn module_imports(root: &Path, tree: &Node, themes_dir: &str) -> Vec<Component> {
    let Some(imports) = tree
        .get_path("module.imports")
        .and_then(|e| e.value.as_list())
    else {
        return Vec::new();
    };
    let mut components = Vec::new();
    for imp in imports {
        let Some(path) = imp.get("path") else {
            continue;
        };
        let Some(name) = path.value.as_str() else {
            continue;
        };
        let dir = [
            Path::new(themes_dir).join(name),
            Path::new("_vendor").join(name),
        ]
        .into_iter()
        .find(|d| root.join(d).is_dir());
        components.push(Component {
            name: name.to_string(),
            present: dir.is_some(),
            dir: dir.unwrap_or_else(|| Path::new(themes_dir).join(name)),
            span: path.value.span.clone(),
        });
    }
    components
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(text: &str) -> HugoConfig {
        HugoConfig::from_tree(Path::new("/nonexistent"), &toml::parse(text).unwrap())
    }

    #[test]
    fn defaults() {
        let c = from("");
        assert_eq!(c.content_dirs, [PathBuf::from("content")]);
        assert_eq!(
            c.static_dirs,
            [StaticDir {
                dir: "static".into(),
                prefix: String::new()
            }]
        );
        assert_eq!(c.taxonomies, ["tags", "categories"]);
    }

    #[test]
    fn static_dirs_themes_and_mounts() {
        let c = from("staticDir = [\"s1\", \"s2\"]\nstaticDir3 = \"s3\"\ntheme = [\"a\", \"b\"]\n");
        let dirs: Vec<_> = c
            .static_dirs
            .iter()
            .map(|d| d.dir.to_str().unwrap())
            .collect();
        assert_eq!(dirs, ["s1", "s2", "s3"]);
        assert_eq!(c.themes.len(), 2);
        assert!(!c.themes[0].present);
        let c = from("[[module.mounts]]\nsource = \"assets/img\"\ntarget = \"static/img\"\n");
        assert_eq!(
            c.static_dirs,
            [StaticDir {
                dir: "assets/img".into(),
                prefix: "img".into()
            }]
        );
    }

    #[test]
    fn languages_and_taxonomies() {
        let c = from(concat!(
            "[taxonomies]\ntag = \"tags\"\n",
            "[languages.en]\ncontentDir = \"content/en\"\n",
            "[languages.fr]\ncontentDir = \"content/fr\"\n",
        ));
        assert_eq!(c.taxonomies, ["tags"]);
        assert_eq!(c.content_dirs.len(), 3);
        assert_eq!(c.languages, ["en", "fr"]);
    }
}
