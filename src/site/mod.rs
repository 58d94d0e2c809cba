//! The site: where it is, its Hugo and pagelint configuration, and indexes
//! of its files built once per run and shared by every worker.

pub mod hugo_config;

use std::path::{Path, PathBuf};

use crate::config::{Config, ConfigError};
use crate::version::HugoVersion;
pub use hugo_config::HugoConfig;

/// A configuration file that failed to load, with its text for the report.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub text: String,
    pub error: ConfigError,
}

#[derive(Debug)]
pub struct Site {
    /// Absolute path of the site root.
    pub root: PathBuf,
    pub hugo: HugoConfig,
    pub config: Config,
    /// The pagelint config file used, if any.
    pub config_path: Option<PathBuf>,
    pub version: HugoVersion,
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

pub struct LoadOptions<'a> {
    pub config: Option<&'a Path>,
    pub isolated: bool,
    pub version: Option<HugoVersion>,
}

impl Site {
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
                Config::parse(&text).map_err(|error| LoadError {
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
}
