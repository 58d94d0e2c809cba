//! The sites of the workspace: each site root's configuration and indexes,
//! loaded once and kept current, and which open document belongs to which.
//!
//! A site is found by walking up from a document, as the command line does,
//! so a monorepo with several sites gives each its own. A configuration that
//! does not load becomes a finding on its file, and the last site that did
//! load goes on linting; a change to the site's files (images, pages,
//! templates) loads it again, which drops every cached folder listing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::Linter;
use crate::rules;
use crate::select::Selection;
use crate::site::{self, LoadOptions, Site};

/// Findings about one configuration file, with its text for positions.
#[derive(Debug, Clone)]
pub struct FileFindings {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct SiteState {
    pub root: PathBuf,
    /// The last site that loaded; None while its configuration never has.
    pub site: Option<Arc<Site>>,
    /// Bumped at every load, so that a lint of an older site is not published.
    pub generation: u64,
    /// A config that did not load, or findings about the site as a whole.
    pub findings: Vec<FileFindings>,
    /// The configuration files' modification times at the last load.
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
    pub terms: Arc<Terms>,
}

/// The candidate configuration files of a site and when each last changed
/// (None: absent), for clients that do not report file changes.
fn config_stamp(root: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
    let mut files = Vec::new();
    for name in ["hugo", "config"] {
        for ext in ["toml", "yaml", "yml", "json"] {
            files.push(root.join(format!("{name}.{ext}")));
        }
    }
    for dir in ["config/_default", "config/production"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            found.sort();
            files.extend(found);
        }
    }
    for dir in root.ancestors() {
        files.push(dir.join("pagelint.toml"));
        files.push(dir.join(".pagelint.toml"));
    }
    files
        .into_iter()
        .map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
            (p, modified)
        })
        .collect()
}

/// Whether a change to `path` can change how the site at `root` is configured.
pub fn is_config_file(root: &Path, path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "pagelint.toml" || name == ".pagelint.toml" {
        return path.parent().is_some_and(|p| root.starts_with(p));
    }
    if path.parent() == Some(root) {
        let stem = name.split('.').next().unwrap_or("");
        return stem == "hugo" || stem == "config";
    }
    path.starts_with(root.join("config"))
}

fn load(root: &Path) -> Result<Site, site::LoadError> {
    let options = LoadOptions {
        config: None,
        isolated: false,
        version: None,
        known_rules: rules::names(),
    };
    let mut site = Site::load(root.to_path_buf(), &options)?;
    // An editor lints a few files: their images cost one `stat` each.
    site.few_files = true;
    Ok(site)
}

impl SiteState {
    fn new(root: PathBuf) -> SiteState {
        let mut state = SiteState {
            root,
            site: None,
            generation: 0,
            findings: Vec::new(),
            stamp: Vec::new(),
            terms: Arc::new(Terms::default()),
        };
        state.reload();
        state
    }

    /// Loads the site again from disk (every cached folder listing goes with
    /// the old one); the pages' terms are read again if the taxonomies changed.
    pub fn reload(&mut self) {
        self.generation += 1;
        self.stamp = config_stamp(&self.root);
        match load(&self.root) {
            Ok(site) => {
                let selection = Selection::default();
                let linter = Linter::new(&site, &selection);
                // Findings about the site (a missing theme) go to the config
                // file they point into.
                self.findings = (0..site.hugo.files.len())
                    .filter_map(|i| {
                        let diagnostics = linter.lint_site(i);
                        let file = &site.hugo.files[i];
                        (!diagnostics.is_empty()).then(|| FileFindings {
                            path: self.root.join(&file.path),
                            text: file.text.clone(),
                            diagnostics,
                        })
                    })
                    .collect();
                self.stamp.extend(site.hugo.files.iter().map(|f| {
                    let path = self.root.join(&f.path);
                    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                    (path, modified)
                }));
                let taxonomies_changed = self
                    .site
                    .as_ref()
                    .is_none_or(|old| old.hugo.taxonomies != site.hugo.taxonomies);
                let site = Arc::new(site);
                if taxonomies_changed {
                    self.terms = Terms::scan(site.clone());
                }
                self.site = Some(site);
            }
            Err(e) => {
                let first = e.errors.first().map_or("", |err| err.message.as_str());
                super::log::warn(&format!(
                    "{}: the configuration does not load: {first}",
                    e.path.display(),
                ));
                let path = if e.path.is_absolute() {
                    e.path.clone()
                } else {
                    self.root.join(&e.path)
                };
                // Every mistake of the file at once, as the command line reports them.
                let diagnostics = e
                    .errors
                    .iter()
                    .map(|err| Diagnostic {
                        rule: "config",
                        severity: Severity::Error,
                        message: format!(
                            "{} (pagelint goes on with the last configuration that loaded)",
                            err.message
                        ),
                        span: err.span.clone(),
                        label: String::new(),
                        related: Vec::new(),
                        help: err.help.clone(),
                        fix: None,
                        subject: None,
                    })
                    .collect();
                self.findings = vec![FileFindings {
                    path,
                    text: e.text,
                    diagnostics,
                }];
            }
        }
    }

    /// Loads the site again if a configuration file changed on disk since
    /// the last load. Returns whether it did.
    pub fn reload_if_stale(&mut self) -> bool {
        let mut now = config_stamp(&self.root);
        if let Some(site) = &self.site {
            now.extend(site.hugo.files.iter().map(|f| {
                let path = self.root.join(&f.path);
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                (path, modified)
            }));
        }
        if now == self.stamp {
            return false;
        }
        self.reload();
        true
    }

    /// Whether the site lints `path`: a content file inside its content
    /// folders that `exclude` does not exclude (what a walk of the site
    /// checks; a README or an archetype gets nothing).
    pub fn lints(&self, path: &Path) -> bool {
        let Some(site) = &self.site else {
            return false;
        };
        site::is_content_file(path)
            && site.content_dirs().iter().any(|c| path.starts_with(c))
            && !site
                .relative(path)
                .is_some_and(|rel| site.config.exclude.is_match(&rel))
    }
}

#[derive(Default)]
pub struct Workspace {
    pub sites: HashMap<PathBuf, SiteState>,
}

impl Workspace {
    /// The root of the site `path` belongs to, if any.
    pub fn root_of(path: &Path) -> Option<PathBuf> {
        site::find_root(path.parent()?)
    }

    /// The site at `root`, loaded on first use.
    pub fn site(&mut self, root: &Path) -> &mut SiteState {
        self.sites
            .entry(root.to_path_buf())
            .or_insert_with(|| SiteState::new(root.to_path_buf()))
    }

    /// The loaded site whose root holds `path` (the deepest, for nested sites).
    pub fn loaded_site_of(&self, path: &Path) -> Option<&PathBuf> {
        self.sites
            .keys()
            .filter(|root| path.starts_with(root))
            .max_by_key(|root| root.as_os_str().len())
    }
}

/// The taxonomy terms the site's pages use, for completion: read from every
/// content file once, on a thread of its own, then kept current file by file.
#[derive(Default)]
pub struct Terms {
    state: Mutex<TermState>,
}

#[derive(Default)]
struct TermState {
    ready: bool,
    /// Per file: (taxonomy, term).
    by_file: HashMap<PathBuf, Vec<(String, String)>>,
    /// Per taxonomy: term and how many pages use it.
    counts: HashMap<String, BTreeMap<String, usize>>,
}

impl TermState {
    fn set(&mut self, path: PathBuf, terms: Vec<(String, String)>) {
        if let Some(old) = self.by_file.remove(&path) {
            for (taxonomy, term) in old {
                if let Some(counts) = self.counts.get_mut(&taxonomy) {
                    if let Some(n) = counts.get_mut(&term) {
                        *n -= 1;
                        if *n == 0 {
                            counts.remove(&term);
                        }
                    }
                }
            }
        }
        if terms.is_empty() {
            return;
        }
        for (taxonomy, term) in &terms {
            *self
                .counts
                .entry(taxonomy.clone())
                .or_default()
                .entry(term.clone())
                .or_default() += 1;
        }
        self.by_file.insert(path, terms);
    }
}

/// The terms of `taxonomies` in a page's front matter.
fn terms_of(site: &Site, path: &Path) -> Vec<(String, String)> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let split = crate::frontmatter::split(&text, site.version);
    let Some(tree) = split.front_matter.and_then(|fm| fm.tree.ok()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for taxonomy in &site.hugo.taxonomies {
        let Some(entry) = tree.get(taxonomy) else {
            continue;
        };
        let values: Vec<&str> = match entry.value.as_list() {
            Some(items) => items.iter().filter_map(|n| n.as_str()).collect(),
            None => entry.value.as_str().into_iter().collect(),
        };
        for v in values {
            let v = v.trim();
            if !v.is_empty() {
                out.push((taxonomy.clone(), v.to_string()));
            }
        }
    }
    out
}

impl Terms {
    /// Starts reading every content file of `site` on a new thread.
    pub fn scan(site: Arc<Site>) -> Arc<Terms> {
        let terms = Arc::new(Terms::default());
        let filling = terms.clone();
        let spawned = std::thread::Builder::new()
            .name("pagelint-terms".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let files = crate::walk::collect(&site, &[], false, 1);
                let n = files.len();
                for path in files {
                    let found = terms_of(&site, &path);
                    let mut state = filling.state.lock().unwrap_or_else(|e| e.into_inner());
                    if !state.by_file.contains_key(&path) {
                        state.set(path, found);
                    }
                }
                filling
                    .state
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .ready = true;
                super::log::debug(&format!(
                    "taxonomy terms of {n} pages read in {:?}",
                    started.elapsed()
                ));
            });
        if spawned.is_err() {
            terms.state.lock().unwrap_or_else(|e| e.into_inner()).ready = true;
        }
        terms
    }

    /// Reads one page again (or forgets it, when it is gone).
    pub fn update(&self, site: &Site, path: &Path) {
        let found = terms_of(site, path);
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .set(path.to_path_buf(), found);
    }

    /// The terms of a taxonomy, most used first, and whether every page has
    /// been read yet.
    pub fn of(&self, taxonomy: &str) -> (Vec<(String, usize)>, bool) {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut terms: Vec<(String, usize)> = state
            .counts
            .iter()
            .filter(|(t, _)| t.eq_ignore_ascii_case(taxonomy))
            .flat_map(|(_, counts)| counts.iter().map(|(k, v)| (k.clone(), *v)))
            .collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        (terms, state.ready)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_files() {
        let root = Path::new("/s/site");
        assert!(is_config_file(root, Path::new("/s/site/hugo.toml")));
        assert!(is_config_file(
            root,
            Path::new("/s/site/config/_default/params.yaml")
        ));
        assert!(is_config_file(root, Path::new("/s/pagelint.toml")));
        assert!(!is_config_file(root, Path::new("/s/site/content/hugo.md")));
        assert!(!is_config_file(root, Path::new("/s/other/pagelint.toml")));
    }
}
