//! The site: where it is, its Hugo and pagelint configuration, and indexes
//! of its files built once per run and shared by every worker.

pub mod cascade;
pub mod config_load;
pub mod content_files;
pub mod content_map;
pub mod declared_version;
pub mod hugo_config;
pub mod hugo_glob;
pub mod image_resolve;
pub mod languages;
mod listing;
pub mod mounts;
pub mod page_meta;
pub mod page_model;
pub mod page_url;
pub mod params;
pub mod permalinks;
pub mod published;
pub mod refs;
pub mod render_hooks;
pub mod resources;
mod section_cascades;
pub mod shortcodes;
pub mod site_paths;
pub mod template_eval;
pub mod template_parse;
pub mod template_scan;
pub mod themes;
pub mod url_config;

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, FixedOffset};

use crate::config::{Config, ConfigError};
use crate::frontmatter::date_chains::{DateChains, DateSettings};
use crate::version::HugoVersion;
pub use content_files::{is_content_file, ContentFiles, EXTENSIONS};
pub use content_map::{ContentFile, ContentTree, PageFile, Placement};
pub use hugo_config::HugoConfig;
use published::{Published, Source};

/// A configuration file that failed to load, with its text for the report.
#[derive(Debug)]
pub struct LoadError {
    /// The file: the Hugo config or `pagelint.toml`.
    pub path: PathBuf,
    /// Its text, for the snippet; empty when it could not be read.
    pub text: String,
    /// Every mistake found in it, in file order, with byte spans into `text`.
    pub errors: Vec<ConfigError>,
}

/// A Hugo site being linted: its root, Hugo's configuration and pagelint's,
/// and the indexes (published files, shortcode templates) built on first use
/// and shared by every worker.
#[derive(Debug)]
pub struct Site {
    /// Absolute path of the site root.
    pub root: PathBuf,
    /// What pagelint reads of Hugo's configuration; the default when the site
    /// has none.
    pub hugo: HugoConfig,
    /// The `pagelint.toml`; the default when none is used.
    pub config: Config,
    /// The pagelint config file used, if any.
    pub config_path: Option<PathBuf>,
    /// The Hugo release checked against: `--hugo-version`, else the config's
    /// `hugo-version`, else the one the site declares
    /// ([`declared_version`]), else [`HugoVersion::LATEST`].
    pub version: HugoVersion,
    /// One-line notices about the version for the user (a release newer than
    /// the newest known, a declaration that could not be used).
    pub notices: Vec<String>,
    /// Only a few explicit files are checked: look files up one by one.
    pub few_files: bool,
    /// The content tree of every language, from the content mounts of the project, its
    /// themes and modules; folders are listed on first use.
    pub content: ContentTree,
    /// The moment future and expired pages are judged at: `--now`, else the
    /// config's `now`, else the real time when the site was loaded.
    pub now: DateTime<FixedOffset>,
    date_settings: OnceLock<DateSettings>,
    content_files: OnceLock<ContentFiles>,
    published: OnceLock<Published>,
    assets: OnceLock<Published>,
    shortcodes: OnceLock<shortcodes::Shortcodes>,
    /// Other pages' front matter, read on demand (cascades, ref targets).
    pub front_matters: page_meta::FrontMatters,
    /// Checks skipped because a theme or module is missing, counted during the run.
    pub unchecked: UncheckedCounts,
    node_cascades: section_cascades::NodeCascades,
    site_params: OnceLock<rustc_hash::FxHashMap<String, crate::frontmatter::Node>>,
    hooks: OnceLock<render_hooks::RenderHooks>,
    /// Where pages and files are published: URL settings read from the config.
    pub urls: url_config::UrlConfig,
    /// The content tree's sources as the resource model reads them (same order).
    pub roots: Vec<content_files::ContentRoot>,
    /// Front matter of other pages read for their URLs.
    facts: resources::FactsCache,
    memos: Memos,
}

/// The values of [`Site::memo`].
#[derive(Default)]
struct Memos(Mutex<Vec<Arc<dyn Any + Send + Sync>>>);

impl std::fmt::Debug for Memos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memos")
    }
}

/// The real time now, as a UTC date-time.
fn real_now() -> DateTime<FixedOffset> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, since_epoch.subsec_nanos())
        .unwrap_or_default()
        .fixed_offset()
}

/// Walks up from `start` to the first folder that looks like a site root.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| hugo_config::is_site_root(d))
        .map(Path::to_path_buf)
}

/// Walks up from `root` to the first `pagelint.toml` or `.pagelint.toml`.
pub fn find_config(root: &Path) -> Option<PathBuf> {
    root.ancestors()
        .flat_map(|d| [d.join("pagelint.toml"), d.join(".pagelint.toml")])
        .find(|p| p.is_file())
}

/// How to load a site: which `pagelint.toml`, and what the command line overrides.
pub struct LoadOptions<'a> {
    /// This `pagelint.toml` instead of the one found by walking up.
    pub config: Option<&'a Path>,
    /// Use no `pagelint.toml` at all.
    pub isolated: bool,
    /// Check against this Hugo release instead of the config's.
    pub version: Option<HugoVersion>,
    /// The rule names the config may use (the registry's, from the caller).
    pub known_rules: &'a [&'static str],
}

impl Site {
    /// Loads the site rooted at `root` (absolute): Hugo's configuration, then
    /// the `pagelint.toml` that `options` chooses. Errors: the first
    /// configuration file that cannot be read or has a mistake.
    pub fn load(root: PathBuf, options: &LoadOptions<'_>) -> Result<Site, LoadError> {
        let hugo = HugoConfig::load(&root).map_err(|e| LoadError {
            path: e.path,
            text: e.text,
            errors: vec![e.error],
        })?;
        let config_path = if options.isolated {
            None
        } else {
            options
                .config
                .map(Path::to_path_buf)
                .or_else(|| find_config(&root))
        };
        let config = match &config_path {
            None => Config::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| LoadError {
                    path: path.clone(),
                    text: String::new(),
                    errors: vec![ConfigError::new(format!("cannot read it: {e}"), 0..0)],
                })?;
                Config::parse(&text, options.known_rules).map_err(|errors| LoadError {
                    path: path.clone(),
                    text,
                    errors,
                })?
            }
        };
        let (declared, mut notices) = if options.version.or(config.hugo_version).is_some() {
            (None, Vec::new())
        } else {
            declared_version::declared(&root, &hugo)
        };
        let version = options
            .version
            .or(config.hugo_version)
            .or(declared.map(|d| d.version))
            .unwrap_or_default();
        notices.extend(version.notice());
        let now = config.now.unwrap_or_else(real_now);
        Ok(Site::assemble(
            root,
            hugo,
            config,
            config_path,
            version,
            now,
            notices,
        ))
    }

    /// A site from its parts: the content tree and the URL model read from `hugo`.
    fn assemble(
        root: PathBuf,
        hugo: HugoConfig,
        config: Config,
        config_path: Option<PathBuf>,
        version: HugoVersion,
        now: DateTime<FixedOffset>,
        notices: Vec<String>,
    ) -> Site {
        let content = ContentTree::new(
            hugo.content_sources(&root),
            hugo.languages.clone(),
            hugo.ignore_files.clone(),
        );
        let roots = content
            .sources()
            .iter()
            .map(|s| content_files::ContentRoot {
                dir: s.dir.clone(),
                target: s.target.clone(),
                langs: s.langs.clone().unwrap_or_default(),
            })
            .collect();
        Site {
            content,
            urls: url_config::UrlConfig::new(&hugo, version),
            roots,
            root,
            hugo,
            config,
            config_path,
            version,
            notices,
            few_files: false,
            now,
            date_settings: OnceLock::new(),
            content_files: OnceLock::new(),
            published: OnceLock::new(),
            assets: OnceLock::new(),
            shortcodes: OnceLock::new(),
            front_matters: Default::default(),
            unchecked: Default::default(),
            node_cascades: Default::default(),
            site_params: OnceLock::new(),
            hooks: OnceLock::new(),
            facts: resources::FactsCache::default(),
            memos: Memos::default(),
        }
    }

    /// A site with no configuration at all, rooted at `root`.
    pub fn bare(root: PathBuf) -> Site {
        Site::assemble(
            root,
            HugoConfig::default(),
            Config::default(),
            None,
            HugoVersion::default(),
            real_now(),
            Vec::new(),
        )
    }

    /// A value that a module above `site/` computes once per run from the site (the link
    /// rules' settings, say), made by `init` on first use and shared after that: one per
    /// type. It lets those modules cache what they derive without `site/` importing them.
    pub fn memo<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        let mut memos = self.memos.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = memos.iter().find_map(|m| m.clone().downcast::<T>().ok()) {
            return found;
        }
        let made = Arc::new(init());
        memos.push(made.clone());
        made
    }

    /// The page resource model, reading folders through the shared listings.
    pub fn resources(&self) -> resources::Resources<'_> {
        resources::Resources {
            roots: &self.roots,
            config: &self.urls,
            published: self.published(),
            taxonomies: &self.hugo.taxonomies,
            facts: &self.facts,
            ignore: &self.hugo.ignore_files,
        }
    }

    /// The content file at `rel_path` (site-relative) as a page, from its front matter: its
    /// place in the content tree of each language it is in, and its URL in each.
    pub fn page_model(
        &self,
        rel_path: &str,
        front_matter: Option<&crate::frontmatter::Node>,
    ) -> page_model::PageModel {
        let facts = page_model::OwnFacts::read(front_matter);
        let resources = self.resources();
        let is_section = |d: &str| resources.is_section(d);
        let inputs = page_model::ModelInputs {
            config: &self.urls,
            taxonomies: &self.hugo.taxonomies,
            is_section: &is_section,
        };
        let file = self.content_file(Path::new(rel_path));
        match file.as_ref().and_then(|f| f.primary().map(|p| (f, p))) {
            Some((f, p)) => {
                let langs: Vec<String> = f.langs().into_iter().map(str::to_string).collect();
                page_model::PageModel::build(
                    &p.logical,
                    Some((p.source, &self.roots[p.source])),
                    Some(langs),
                    &facts,
                    &inputs,
                )
            }
            None => {
                let logical = self.content_path(rel_path);
                page_model::PageModel::build(&logical, None, None, &facts, &inputs)
            }
        }
    }

    /// The layouts folders: the site's, then each present theme's layouts mounts.
    pub fn layouts(&self) -> Vec<PathBuf> {
        let mut layouts = vec![self.root.join("layouts")];
        for theme in self.hugo.themes.iter().filter(|t| t.present()) {
            for m in theme.mounts.iter().filter(|m| m.target == "layouts") {
                layouts.push(theme.dir.join(&m.source));
            }
        }
        layouts
    }

    /// The image render hooks and `figure` templates, read and recognised on first use.
    pub fn render_hooks(&self) -> &render_hooks::RenderHooks {
        self.hooks.get_or_init(|| {
            render_hooks::RenderHooks::read(&self.layouts(), &self.urls, self.version)
        })
    }

    /// The global resources (`resources.Get`): `assetDir` (default `assets`) or the
    /// project's mounts whose target is `assets` or below it, then each theme's assets
    /// mounts.
    pub fn assets(&self) -> &Published {
        self.assets.get_or_init(|| {
            let mut sources = Vec::new();
            let mounts = self
                .hugo
                .get("module.mounts")
                .and_then(crate::frontmatter::Node::as_list)
                .unwrap_or(&[]);
            for m in mounts {
                let (Some(src), Some(target)) = (
                    m.get("source").and_then(|e| e.value.as_str()),
                    m.get("target").and_then(|e| e.value.as_str()),
                ) else {
                    continue;
                };
                let target = target.trim_matches('/');
                if let Some(rest) = target.strip_prefix("assets") {
                    if rest.is_empty() || rest.starts_with('/') {
                        sources.push(Source {
                            dir: self.root.join(src),
                            prefix: rest.trim_matches('/').to_string(),
                            content: false,
                        });
                    }
                }
            }
            if sources.is_empty() {
                let dir = self
                    .hugo
                    .get("assetDir")
                    .and_then(crate::frontmatter::Node::as_str)
                    .unwrap_or("assets");
                sources.push(Source {
                    dir: self.root.join(dir),
                    prefix: String::new(),
                    content: false,
                });
            }
            for theme in self.hugo.themes.iter().filter(|t| t.present()) {
                for m in theme.mounts.iter().filter(|m| m.component() == "assets") {
                    sources.push(Source {
                        dir: theme.dir.join(&m.source),
                        prefix: m.target_rest().to_string(),
                        content: false,
                    });
                }
            }
            Published::new(sources, self.few_files)
        })
    }

    /// How Hugo reads page dates on this site: the `[frontmatter]` date chains,
    /// `timeZone` (an IANA name; unknown names are taken as UTC) and
    /// `enableGitInfo`. Built on first use.
    pub fn date_settings(&self) -> &DateSettings {
        self.date_settings.get_or_init(|| DateSettings {
            chains: DateChains::from_config(self.hugo.get("frontmatter")),
            time_zone: self
                .hugo
                .get("timeZone")
                .and_then(|n| n.as_str())
                .and_then(|name| name.parse::<chrono_tz::Tz>().ok()),
            git_info: self.hugo.is_true("enableGitInfo"),
        })
    }

    /// Which files the checked Hugo release reads as pages, by name and
    /// extension (mounts and `ignoreFiles` are the content tree's). Built on
    /// first use.
    pub fn content_files(&self) -> &ContentFiles {
        self.content_files
            .get_or_init(|| ContentFiles::new(self.version))
    }

    /// The project's content folders (and single mounted files) that exist, as absolute
    /// paths: what a whole-site run walks. Themes' and modules' content is not linted.
    pub fn content_dirs(&self) -> Vec<PathBuf> {
        self.content.project_roots()
    }

    /// Where the content file at `path` (absolute, or relative to the site root) is a page:
    /// its language(s) and its logical path in each language's content tree. None when no
    /// content mount holds it; empty placements when Hugo does not read it (a disabled
    /// language's suffix, `ignoreFiles`, a file shadowed in every language).
    pub fn content_file(&self, path: &Path) -> Option<ContentFile> {
        self.content.file(&self.root.join(path))
    }

    /// The files and folders a logical path of `lang`'s content tree names on disk, in
    /// priority order (see [`ContentTree::content_lookup`]).
    pub fn content_lookup(&self, lang: &str, logical: &str) -> Vec<PathBuf> {
        self.content.content_lookup(lang, logical)
    }

    /// Site-relative path with `/` separators, or None when outside the root.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        Some(parts.join("/"))
    }

    /// Whether a theme or module the config names is absent, so that what it
    /// would provide is unknown.
    pub fn incomplete(&self) -> bool {
        self.hugo.themes.iter().any(|t| !t.present())
    }

    /// The published-files index, built on first use.
    pub fn published(&self) -> &Published {
        self.published.get_or_init(|| {
            let mut sources: Vec<Source> = self
                .hugo
                .static_dirs
                .iter()
                .map(|s| Source {
                    dir: self.root.join(&s.dir),
                    prefix: s.prefix.clone(),
                    content: false,
                })
                .collect();
            for theme in self.hugo.themes.iter().filter(|t| t.present()) {
                for m in theme.mounts.iter().filter(|m| m.component() == "static") {
                    sources.push(Source {
                        dir: theme.dir.join(&m.source),
                        prefix: m.target_rest().to_string(),
                        content: false,
                    });
                }
            }
            for c in self.content.sources().iter().filter(|c| !c.is_file) {
                let source = Source {
                    dir: c.dir.clone(),
                    prefix: c.target.clone(),
                    content: true,
                };
                if !sources
                    .iter()
                    .any(|s| s.dir == source.dir && s.prefix == source.prefix)
                {
                    sources.push(source);
                }
            }
            Published::new(sources, self.few_files)
        })
    }

    /// The shortcode templates of the site and its themes, read on first use.
    pub fn shortcodes(&self) -> &shortcodes::Shortcodes {
        self.shortcodes.get_or_init(|| {
            let mut layouts = vec![self.root.join("layouts")];
            for theme in self.hugo.themes.iter().filter(|t| t.present()) {
                for m in theme.mounts.iter().filter(|m| m.target == "layouts") {
                    layouts.push(theme.dir.join(&m.source));
                }
            }
            let refs: Vec<&Path> = layouts.iter().map(PathBuf::as_path).collect();
            shortcodes::Shortcodes::build(&refs, self.version)
        })
    }

    /// A site-relative path made relative to its content tree: the file's logical path in
    /// its first language (`docs/a.md` for `content/en/docs/a.md` mounted at `content`), or
    /// the path itself when no content mount holds it.
    pub fn content_path(&self, rel_path: &str) -> String {
        self.content_file(Path::new(rel_path))
            .and_then(|f| f.primary().map(|p| p.logical.clone()))
            .or_else(|| {
                // Held but not placed (shadowed, ignored): still its path in the mount.
                self.content.sources().iter().find_map(|s| {
                    let abs = content_map::normalize_path(&self.root.join(rel_path));
                    let rest = abs
                        .strip_prefix(&s.dir)
                        .ok()?
                        .to_string_lossy()
                        .replace('\\', "/");
                    Some(if s.target.is_empty() {
                        rest
                    } else {
                        format!("{}/{rest}", s.target)
                    })
                })
            })
            .unwrap_or_else(|| rel_path.to_string())
    }

    /// The URL folder of a page, without leading `/` and with a trailing one
    /// (empty for the home page): where its relative links resolve.
    pub fn page_dir_url(
        &self,
        rel_path: &str,
        front_matter: Option<&crate::frontmatter::Node>,
    ) -> String {
        let fm_str = |k: &str| {
            front_matter
                .and_then(|t| t.get(k))
                .and_then(|e| e.value.as_str())
                .map(str::trim)
        };
        if let Some(url) = fm_str("url").filter(|u| !u.is_empty()) {
            let url = url.trim_matches('/');
            return if url.is_empty() {
                String::new()
            } else {
                format!("{url}/")
            };
        }
        let in_content = self.content_path(rel_path);
        let in_content = in_content.as_str();
        let mut segments: Vec<String> = in_content.split('/').map(published::urlize).collect();
        let file = segments.pop().unwrap_or_default();
        let stem = file.split('.').next().unwrap_or("").to_string();
        if stem != "index" && stem != "_index" {
            segments.push(
                fm_str("slug")
                    .filter(|s| !s.is_empty())
                    .map(published::urlize)
                    .unwrap_or(stem),
            );
        }
        let mut url = segments.join("/");
        if !url.is_empty() {
            url.push('/');
        }
        url
    }
}

/// What a run could not check because a theme or module is missing, counted while files are
/// linted and reported by `theme-missing` after the pass.
#[derive(Debug, Default)]
pub struct UncheckedCounts {
    counts: [std::sync::atomic::AtomicUsize; 4],
}

/// A kind of check skipped because a theme or module is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unchecked {
    /// A shortcode call whose template may come from the missing theme.
    Shortcode,
    /// A site-absolute image that may be one of the missing theme's static files.
    Image,
    /// A `param` whose key may be in the missing theme's params.
    Param,
    /// A `ref`/`relref` whose page may be in the missing module's content.
    Ref,
}

impl UncheckedCounts {
    /// Counts one skipped check.
    pub fn add(&self, what: Unchecked) {
        self.counts[what as usize].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// How many checks of this kind were skipped so far.
    pub fn get(&self, what: Unchecked) -> usize {
        self.counts[what as usize].load(std::sync::atomic::Ordering::Relaxed)
    }
}
