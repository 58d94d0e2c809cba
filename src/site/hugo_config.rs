//! The parts of Hugo's own configuration that decide what pagelint checks: where content and
//! static files live per language, themes and modules, taxonomies, params.
//!
//! Read as Hugo reads it (`config/allconfig/load.go`, `config/configLoader.go`
//! `LoadConfigFromDir`, `modules/config.go` `ApplyProjectConfigDefaults`), for the keys
//! pagelint uses; the whole merged tree is kept for settings read where they are used
//! ([`HugoConfig::get`]).

use std::path::{Path, PathBuf};

use super::config_load::{self, ConfigFile};
pub use super::config_load::{HugoConfigError, CONFIG_EXTS, CONFIG_NAMES};
use super::content_map::{normalize_path, ContentSource};
use super::languages::{static_dirs_of, str_list, Languages};
use super::mounts::{self, languages_match, FileFilter, Mount};
use super::themes::{self, Component, Discovery};
use crate::frontmatter::{Entry, Node, NodeKind};

/// A static directory and the URL prefix it is mounted at (empty for the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticDir {
    /// The directory as the config writes it, relative to the site root (or absolute).
    pub dir: PathBuf,
    /// Where its files are published: `img` for a mount target `static/img`, no slashes at
    /// either end; empty for the site root.
    pub prefix: String,
}

/// What pagelint takes from a site's Hugo config; [`HugoConfig::load`] reads it. The default
/// value is a site with no config at all, not Hugo's defaults.
#[derive(Debug, Default)]
pub struct HugoConfig {
    /// The main config file, relative to the site root, and its text (for reports).
    pub file: Option<(PathBuf, String)>,
    /// Every config file read: the project's first (root file, `config/_default/`,
    /// `config/ENV/`), then each present theme's and module's, in discovery order.
    pub files: Vec<ConfigFile>,
    /// How many of `files` are the project's.
    pub project_files: usize,
    /// The environment whose `config/ENV/` was merged (`production` unless `HUGO_ENVIRONMENT`).
    pub environment: String,
    /// The project's content mounts: its `module.mounts` targeting `content` when it has any
    /// (they replace the defaults), else `contentDir` per language as Hugo's
    /// `ApplyProjectConfigDefaults` makes them.
    pub content_mounts: Vec<Mount>,
    /// `staticDir` (default `static`) and `staticDir0` to `staticDir10`, and each language's
    /// own, as Hugo's `getStaticDirs`; replaced by the `module.mounts` whose target is `static`
    /// or below it when there are any.
    pub static_dirs: Vec<StaticDir>,
    /// Every theme and module the config names, directly or through another one, in Hugo's
    /// order (the project's `module.imports`, then its `theme` entries, each followed by what
    /// it imports).
    pub themes: Vec<Component>,
    /// `themesDir`, absolute (default `<root>/themes`).
    pub themes_dir: PathBuf,
    /// The plural names of the `taxonomies` table, lowercased; Hugo's `tags` and `categories`
    /// when the table is absent.
    pub taxonomies: Vec<String>,
    /// `enableInlineShortcodes = true`.
    pub inline_shortcodes: bool,
    /// `markup.goldmark.renderer.unsafe = true`: raw HTML in Markdown is rendered.
    pub unsafe_html: bool,
    /// The `params` table as written, if any.
    pub params: Option<Node>,
    /// The languages: enabled ones in Hugo's order, the default, disabled ones.
    pub languages: Languages,
    /// `ignoreFiles`: regular expressions matched against a content file's absolute path.
    pub ignore_files: Vec<regex::Regex>,
    /// The whole merged config tree (root file, then `config/_default/`, then
    /// `config/production/`, then what each theme and module adds), for settings read where
    /// they are used: see [`HugoConfig::get`]. Spans point into the file each value came from.
    pub tree: Node,
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

fn truthy(node: Option<&Entry>) -> bool {
    matches!(node.map(|e| &e.value.kind), Some(NodeKind::Bool(true)))
}

impl HugoConfig {
    /// Reads the site's config: `hugo.*` else `config.*` (`.toml`, `.yaml`, `.yml`, `.json`, in
    /// that order), with `config/_default/*` and then `config/<env>/*` merged over it, as
    /// Hugo's `LoadConfigFromDir` does (see [`config_load::load`]); then finds every theme and
    /// module it names, reads theirs and merges them under the project's
    /// ([`merge_theme_config`]). A missing file is no error; a file of the project's that does
    /// not parse is, with its path and text (a theme's is skipped, as if it had none).
    pub fn load(root: &Path) -> Result<HugoConfig, HugoConfigError> {
        let environment = config_load::environment();
        let loaded = config_load::load(root, root, &environment)?;
        let themes_dir = HugoConfig::from_tree(root, &loaded.tree).themes_dir;
        let mut files = loaded.files.clone();
        let discovery = Discovery {
            root,
            themes_dir,
            env: &environment,
            replacements: themes::replacements(&loaded.tree),
            module_caches: themes::module_caches(&loaded.tree, root),
        };
        let themes = discovery.discover(&loaded.tree, &mut files);
        let mut tree = loaded.tree;
        for theme in themes.iter().filter(|t| t.present()) {
            merge_theme_config(&mut tree, &theme.config);
        }
        let mut config = HugoConfig::from_tree(root, &tree);
        config.file = loaded
            .files
            .iter()
            .find(|f| f.path.parent() == Some(Path::new("")))
            .or(loaded.files.first())
            .map(|f| (f.path.clone(), f.text.clone()));
        config.project_files = loaded.files.len();
        config.files = files;
        config.themes = themes;
        config.environment = environment;
        config.tree = tree;
        Ok(config)
    }

    /// The value at a dotted path of the merged config, keys compared case-insensitively as
    /// Hugo does: `get("markup.goldmark.renderHooks.image.useEmbedded")`. None when a part of
    /// the path is absent or not a table.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.tree.get_path(path).map(|e| &e.value)
    }

    /// Whether the setting at `path` is on: `true`, or the string `"true"` (Hugo reads
    /// settings with `cast.ToBool`). Absent or anything else: off.
    pub fn is_true(&self, path: &str) -> bool {
        self.get(path).is_some_and(|n| {
            matches!(n.kind, NodeKind::Bool(true))
                || n.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
        })
    }

    /// The settings pagelint uses, from the merged config tree (`root` is the site root).
    /// Keys are looked up as Hugo spells them in its docs, compared case-insensitively.
    fn from_tree(root: &Path, tree: &Node) -> HugoConfig {
        let get = |k: &str| tree.get(k);
        let languages = Languages::from_tree(tree);
        let project_mounts = tree
            .get("module")
            .map(|m| mounts::mounts_of(&m.value))
            .unwrap_or_default();
        let themes_dir = root.join(
            get("themesDir")
                .and_then(|e| e.value.as_str())
                .unwrap_or("themes"),
        );
        let taxonomies = match get("taxonomies").and_then(|e| e.value.as_map()) {
            Some(t) => t
                .iter()
                .filter_map(|e| e.value.as_str().map(str::to_lowercase))
                .collect(),
            None => vec!["tags".into(), "categories".into()],
        };
        HugoConfig {
            content_mounts: content_mounts(tree, &languages, &project_mounts),
            static_dirs: static_dirs(tree, &languages, &project_mounts),
            themes_dir: normalize_path(&themes_dir),
            taxonomies,
            inline_shortcodes: truthy(get("enableInlineShortcodes")),
            unsafe_html: truthy(tree.get_path("markup.goldmark.renderer.unsafe")),
            params: get("params").map(|e| e.value.clone()),
            ignore_files: get("ignoreFiles")
                .map(|e| str_list(&e.value))
                .unwrap_or_default()
                .iter()
                .filter_map(|p| regex::Regex::new(p).ok())
                .collect(),
            languages,
            ..HugoConfig::default()
        }
    }

    /// The content sources of every language in priority order: the project's content mounts,
    /// then each present theme's and module's (`root` is the site root).
    pub fn content_sources(&self, root: &Path) -> Vec<ContentSource> {
        let mut out = Vec::new();
        let mut add = |base: &Path, m: &Mount, component: Option<usize>| {
            if m.component() != "content" {
                return;
            }
            let langs = if m.languages.is_empty() {
                None
            } else {
                let l: Vec<String> = self
                    .languages
                    .keys()
                    .filter(|k| languages_match(&m.languages, k))
                    .map(str::to_string)
                    .collect();
                if l.is_empty() {
                    return; // Hugo skips a mount for languages it does not have.
                }
                Some(l)
            };
            let dir = normalize_path(&base.join(&m.source));
            out.push(ContentSource {
                is_file: dir.is_file(),
                dir,
                target: m.target_rest().to_string(),
                langs,
                filter: FileFilter::new(&m.files),
                component,
            });
        };
        for m in &self.content_mounts {
            add(root, m, None);
        }
        for (i, c) in self.themes.iter().enumerate() {
            for m in &c.mounts {
                add(&c.dir, m, Some(i));
            }
        }
        out
    }
}

/// Merges a theme's or module's config under the project's, as Hugo's `Merge("", …)` with its
/// default merge strategies does (`config/defaultConfigProvider.go`, `determineMergeStrategy`;
/// called from `config/allconfig/load.go` `loadModules`): the project (and an earlier theme)
/// wins; a top-level key the project lacks is taken whole; `params` is merged key by key at
/// every depth; `menus`, `outputFormats` and `mediaTypes` one level deep; any other table the
/// project has (`languages`, `markup`, `cascade`, ...) is the project's alone. A theme's
/// `module` and `theme` keys describe the theme itself and are not merged.
pub fn merge_theme_config(base: &mut Node, theme: &Node) {
    let (NodeKind::Map(entries), Some(over)) = (&mut base.kind, theme.as_map()) else {
        return;
    };
    for e in over {
        let key = e.key.to_lowercase();
        if key == "module" || key == "theme" {
            continue;
        }
        match entries
            .iter_mut()
            .find(|b| b.key.eq_ignore_ascii_case(&e.key))
        {
            None => entries.push(e.clone()),
            Some(b) if key == "params" => add_missing(&mut b.value, &e.value, usize::MAX),
            Some(b) if ["menus", "outputformats", "mediatypes"].contains(&key.as_str()) => {
                add_missing(&mut b.value, &e.value, 1)
            }
            Some(_) => {}
        }
    }
}

/// Adds the keys of `over` that `base` lacks, descending into tables both have down to
/// `depth` levels.
fn add_missing(base: &mut Node, over: &Node, depth: usize) {
    let (NodeKind::Map(entries), Some(over)) = (&mut base.kind, over.as_map()) else {
        return;
    };
    for e in over {
        match entries
            .iter_mut()
            .find(|b| b.key.eq_ignore_ascii_case(&e.key))
        {
            None => entries.push(e.clone()),
            Some(b) if depth > 1 => add_missing(&mut b.value, &e.value, depth - 1),
            Some(_) => {}
        }
    }
}

/// The project's content mounts (see [`HugoConfig::content_mounts`]): any project mount whose
/// target is under `content` replaces Hugo's defaults, which are one mount of `contentDir`
/// (default `content`) for every language without a `contentDir` of its own, and one per
/// language with its own, for that language only.
fn content_mounts(tree: &Node, languages: &Languages, project: &[Mount]) -> Vec<Mount> {
    if project.iter().any(|m| m.component() == "content") {
        return project
            .iter()
            .filter(|m| m.component() == "content")
            .cloned()
            .collect();
    }
    let base = tree
        .get("contentDir")
        .and_then(|e| e.value.as_str())
        .unwrap_or("content");
    let mut out: Vec<Mount> = Vec::new();
    for lang in &languages.list {
        let mut m = Mount::plain(lang.content_dir.as_deref().unwrap_or(base), "content");
        if mounts::clean(&m.source) != mounts::clean(base) {
            m.languages = vec![lang.key.clone()];
        }
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

/// `staticDir`/`staticDir0..10` of the root and of each language (Hugo mounts every
/// language's static folders for all languages on a single-host site), all at the root;
/// replaced by the project mounts whose target is `static` or below (the URL prefix) when
/// there are any.
fn static_dirs(tree: &Node, languages: &Languages, project: &[Mount]) -> Vec<StaticDir> {
    let mounted: Vec<StaticDir> = project
        .iter()
        .filter(|m| m.component() == "static")
        .map(|m| StaticDir {
            dir: m.source.clone().into(),
            prefix: m.target_rest().to_string(),
        })
        .collect();
    if !mounted.is_empty() {
        return mounted;
    }
    let mut dirs = static_dirs_of(tree);
    if dirs.is_empty() {
        dirs.push("static".into());
    }
    for lang in &languages.list {
        dirs.extend(lang.static_dirs.iter().cloned());
    }
    let mut out: Vec<StaticDir> = Vec::new();
    for d in dirs {
        let s = StaticDir {
            dir: d.into(),
            prefix: String::new(),
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::toml;

    fn from(text: &str) -> HugoConfig {
        HugoConfig::from_tree(Path::new("/nonexistent"), &toml::parse(text).unwrap())
    }

    #[test]
    fn defaults() {
        let c = from("");
        assert_eq!(c.content_mounts, [Mount::plain("content", "content")]);
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
    fn static_dirs_and_mounts() {
        let c = from("staticDir = [\"s1\", \"s2\"]\nstaticDir3 = \"s3\"\n");
        let dirs: Vec<_> = c
            .static_dirs
            .iter()
            .map(|d| d.dir.to_str().unwrap())
            .collect();
        assert_eq!(dirs, ["s1", "s2", "s3"]);
        let c = from("[[module.mounts]]\nsource = \"assets/img\"\ntarget = \"static/img\"\n");
        assert_eq!(
            c.static_dirs,
            [StaticDir {
                dir: "assets/img".into(),
                prefix: "img".into()
            }]
        );
        assert_eq!(c.content_mounts, [Mount::plain("content", "content")]);
    }

    #[test]
    fn theme_config_merges_under_the_project() {
        let mut project = toml::parse(concat!(
            "title = \"p\"\n[params]\na = 1\n[params.nested]\nx = 1\n",
            "[markup.goldmark.renderer]\nunsafe = true\n",
        ))
        .unwrap();
        let theme = toml::parse(concat!(
            "title = \"t\"\ncopyright = \"c\"\n[params]\na = 2\nb = 2\n",
            "[params.nested]\nx = 2\ny = 2\n[markup.highlight]\nstyle = \"x\"\n",
            "[module]\n[[module.mounts]]\nsource = \"a\"\ntarget = \"content\"\n",
        ))
        .unwrap();
        merge_theme_config(&mut project, &theme);
        let s = |p: &str| project.get_path(p).map(|e| e.value.clone());
        let int = |i| Some(Node::new(0..0, NodeKind::Int(i)));
        let same = |a: Option<Node>, b: Option<Node>| a.map(|n| n.kind) == b.map(|n| n.kind);
        assert!(same(s("params.a"), int(1)) && same(s("params.b"), int(2)));
        assert!(same(s("params.nested.x"), int(1)) && same(s("params.nested.y"), int(2)));
        assert!(s("copyright").is_some() && s("markup.highlight").is_none());
        assert!(s("module").is_none());
        assert_eq!(s("title").unwrap().as_str(), Some("p"));
    }

    #[test]
    fn content_dir_per_language() {
        let c = from(concat!(
            "[taxonomies]\ntag = \"tags\"\n",
            "[languages.en]\ncontentDir = \"content/en\"\nweight = 1\n",
            "[languages.fr]\ncontentDir = \"content/fr\"\nweight = 2\n",
            "[languages.de]\nweight = 3\n",
        ));
        assert_eq!(c.taxonomies, ["tags"]);
        let m: Vec<(&str, &[String])> = c
            .content_mounts
            .iter()
            .map(|m| (m.source.as_str(), m.languages.as_slice()))
            .collect();
        assert_eq!(
            m,
            [
                ("content/en", &["en".to_string()][..]),
                ("content/fr", &["fr".to_string()][..]),
                ("content", &[][..]),
            ]
        );
        let c = from("[[module.mounts]]\nsource = \"docs\"\ntarget = \"content/docs\"\n");
        assert_eq!(c.content_mounts, [Mount::plain("docs", "content/docs")]);
    }
}
