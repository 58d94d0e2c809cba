//! The site: where it is, its Hugo and pagelint configuration, and indexes
//! of its files built once per run and shared by every worker.

mod content_files;
pub mod hugo_config;
mod listing;
pub mod published;
pub mod shortcodes;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config::{Config, ConfigError};
use crate::version::HugoVersion;
pub use content_files::{is_content_file, EXTENSIONS};
pub use hugo_config::HugoConfig;
use published::{Published, Source};

/// A configuration file that failed to load, with its text for the report.
#[derive(Debug)]
pub struct LoadError {
    /// The file: the Hugo config or `pagelint.toml`.
    pub path: PathBuf,
    /// Its text, for the snippet; empty when it could not be read.
    pub text: String,
    /// The mistake, with a byte span into `text`.
    pub error: ConfigError,
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
    /// `hugo-version`, else [`HugoVersion::LATEST`].
    pub version: HugoVersion,
    /// Only a few explicit files are checked: look files up one by one.
    pub few_files: bool,
    published: OnceLock<Published>,
    shortcodes: OnceLock<shortcodes::Shortcodes>,
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
            error: e.error,
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
                    error: ConfigError::new(format!("cannot read the config file: {e}"), 0..0),
                })?;
                Config::parse(&text, options.known_rules).map_err(|error| LoadError {
                    path: path.clone(),
                    text,
                    error,
                })?
            }
        };
        let version = options.version.or(config.hugo_version).unwrap_or_default();
        Ok(Site {
            root,
            hugo,
            config,
            config_path,
            version,
            few_files: false,
            published: OnceLock::new(),
            shortcodes: OnceLock::new(),
        })
    }

    /// A site with no configuration at all, rooted at `root`.
    pub fn bare(root: PathBuf) -> Site {
        Site {
            root,
            hugo: HugoConfig::default(),
            config: Config::default(),
            config_path: None,
            version: HugoVersion::default(),
            few_files: false,
            published: OnceLock::new(),
            shortcodes: OnceLock::new(),
        }
    }

    /// The content folders that exist, as absolute paths.
    pub fn content_dirs(&self) -> Vec<PathBuf> {
        let dirs: Vec<PathBuf> = if self.hugo.content_dirs.is_empty() {
            vec![self.root.join("content")]
        } else {
            self.hugo
                .content_dirs
                .iter()
                .map(|d| self.root.join(d))
                .collect()
        };
        dirs.into_iter().filter(|d| d.is_dir()).collect()
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
        self.hugo.themes.iter().any(|t| !t.present)
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
            for theme in self.hugo.themes.iter().filter(|t| t.present) {
                sources.push(Source {
                    dir: self.root.join(&theme.dir).join("static"),
                    prefix: String::new(),
                    content: false,
                });
            }
            for dir in self.content_dirs() {
                sources.push(Source {
                    dir,
                    prefix: String::new(),
                    content: true,
                });
            }
            Published::new(sources, self.few_files)
        })
    }

    /// The shortcode templates of the site and its themes, read on first use.
    pub fn shortcodes(&self) -> &shortcodes::Shortcodes {
        self.shortcodes.get_or_init(|| {
            let mut layouts = vec![self.root.join("layouts")];
            for theme in self.hugo.themes.iter().filter(|t| t.present) {
                layouts.push(self.root.join(&theme.dir).join("layouts"));
            }
            let refs: Vec<&Path> = layouts.iter().map(PathBuf::as_path).collect();
            shortcodes::Shortcodes::build(&refs, self.version)
        })
    }

    /// A site-relative path made relative to its content folder.
    pub fn content_path<'a>(&self, rel_path: &'a str) -> &'a str {
        self.hugo
            .content_dirs
            .iter()
            .filter_map(|d| {
                let d = d.to_string_lossy().replace('\\', "/");
                rel_path
                    .strip_prefix(d.trim_end_matches('/'))
                    .and_then(|r| r.strip_prefix('/'))
            })
            .next()
            .unwrap_or(rel_path)
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
