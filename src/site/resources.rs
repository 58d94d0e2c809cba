//! Page resources: which files of the content folders belong to which page, and where Hugo
//! publishes them, found through the cached folder listings.
//!
//! A leaf bundle (`index.*`) owns every non-content file below its folder; a branch bundle
//! (`_index.*`, a first-level folder, the content root) owns the files of its folder and of
//! the folders below it that no other page owns. A resource is published under its page's
//! URL (`SubResourceBaseLink`) with its path below the bundle as written
//! (`hugolib/content_map_page_assembler.go` `assembleResourcesAndSetHome`).
//!
//! Languages (Hugo 0.123 and later, `hugolib/content_map.go` `lookupContentNodes`): a file
//! belongs to the language its name carries (`a.fr.png`), else its content root's, else the
//! default language; it is published once, under its own language's page, unless
//! `duplicateResourceFiles` or multihost copy it to every language of the page; a page's
//! `Resources.Get` falls back to another language's resource of the same name. Before 0.123
//! every file of the bundle folders was published under every language of the page.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use super::content_files::{is_page_name, ContentRoot};
use super::listing::{Fold, Listing};
use super::page_model::{file_langs, name_parts, ModelInputs, OwnFacts, PageModel};
use super::published::Published;
use super::url_config::UrlConfig;

/// A file of a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// Its path below the bundle folder, as written (`sub/Chart.fr.png`).
    pub rel: String,
    /// The languages it belongs to.
    pub langs: Vec<String>,
    /// Where it is on disk.
    pub disk: PathBuf,
}

/// A resource found for a page: where Hugo publishes the copy the page links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundResource {
    /// Its site path (`/posts/p/x.png`).
    pub url: String,
    /// The file.
    pub file: BundleFile,
}

/// The resource model of a site: content roots, URL settings, folder listings.
pub struct Resources<'a> {
    /// The content roots.
    pub roots: &'a [ContentRoot],
    /// URL settings.
    pub config: &'a UrlConfig,
    /// Folder listings (shared with the static lookups).
    pub published: &'a Published,
    /// The taxonomies' plural names.
    pub taxonomies: &'a [String],
    /// Front matter facts of other pages, read once each.
    pub facts: &'a FactsCache,
    /// `ignoreFiles` patterns.
    pub ignore: &'a [regex::Regex],
}

/// Front matter facts of files read for their URL, by path.
#[derive(Debug, Default)]
pub struct FactsCache {
    map: Mutex<FxHashMap<PathBuf, Arc<OwnFacts>>>,
    /// Owners whose resource folder is not at their content path, built on first need.
    pub(super) moved: OnceLock<Vec<MovedOwner>>,
}

/// A bundle published somewhere else than its content path.
#[derive(Debug, Clone)]
pub struct MovedOwner {
    /// Its resource folder's site path (`/2024/05/hello/`).
    pub base: String,
    /// Its language.
    pub lang: String,
    /// Its bundle folder on disk.
    pub disk: PathBuf,
    /// Whether it is a leaf bundle.
    pub leaf: bool,
}

impl FactsCache {
    /// The facts of the content file at `path`, read and parsed on first need.
    pub fn get(
        &self,
        path: &std::path::Path,
        version: crate::version::HugoVersion,
    ) -> Arc<OwnFacts> {
        if let Some(f) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
            return f.clone();
        }
        let facts = match std::fs::read(path) {
            Ok(bytes) => {
                let doc = crate::document::Document::parse(String::new(), bytes, version);
                Arc::new(OwnFacts::read(doc.tree()))
            }
            Err(_) => Arc::new(OwnFacts::default()),
        };
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), facts.clone());
        facts
    }
}

/// `dir` (a logical folder) relative to a root mounted at `target`, or None when outside it.
pub fn below_target<'s>(dir: &'s str, target: &str) -> Option<&'s str> {
    if target.is_empty() {
        return Some(dir);
    }
    match dir.strip_prefix(target) {
        Some("") => Some(""),
        Some(rest) => rest.strip_prefix('/'),
        None => None,
    }
}

impl Resources<'_> {
    fn listing(&self, dir: &std::path::Path) -> Arc<OnceLock<Listing>> {
        self.published.listing(dir)
    }

    fn ignored(&self, path: &std::path::Path) -> bool {
        if self.ignore.is_empty() {
            return false;
        }
        let s = path.to_string_lossy();
        self.ignore.iter().any(|r| r.is_match(&s))
    }

    /// Whether a listing names a page that owns the folder's files.
    fn owns(&self, l: &Listing, leaf_only: bool) -> bool {
        l.names().any(|(n, is_dir)| {
            !is_dir && is_page_name(n, self.config.version) && {
                let base = name_parts(n, self.config).base;
                base.eq_ignore_ascii_case("index")
                    || !leaf_only && base.eq_ignore_ascii_case("_index")
            }
        })
    }

    /// The bundle files named `name` (a `/`-separated path below the bundle, matched without
    /// letter case and language, as `Resources.Get` does) in every root holding the page's
    /// bundle folder.
    pub fn files_named(&self, page: &PageModel, name: &str) -> Vec<BundleFile> {
        let Some(dir) = &page.bundle_dir else {
            return Vec::new();
        };
        let segments: Vec<&str> = name
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        let Some((file, folders)) = segments.split_last() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for root in self.roots {
            let Some(rel_dir) = below_target(dir, &root.target) else {
                continue;
            };
            let mut disk = root.dir.join(rel_dir);
            let mut rel = String::new();
            let mut ok = true;
            for f in folders {
                let cell = self.listing(&disk);
                let Some(l) = cell.get() else {
                    ok = false;
                    break;
                };
                let Some(real) = l.folded_entry(&f.to_lowercase(), Fold::Lower, true) else {
                    ok = false;
                    break;
                };
                disk.push(real);
                rel.push_str(real);
                rel.push('/');
                let sub = self.listing(&disk);
                if sub.get().is_some_and(|s| self.owns(s, page.leaf)) {
                    ok = false;
                    break;
                }
            }
            if !ok {
                continue;
            }
            let cell = self.listing(&disk);
            let Some(l) = cell.get() else { continue };
            for real in self.matching_files(l, file) {
                let path = disk.join(&real);
                if self.ignored(&path) {
                    continue;
                }
                let parts = name_parts(&real, self.config);
                out.push(BundleFile {
                    rel: format!("{rel}{real}"),
                    langs: file_langs(
                        parts.lang.filter(|_| self.config.version.at_least(123)),
                        Some(root),
                        self.config,
                    ),
                    disk: path,
                });
            }
        }
        out
    }

    /// File names of a listing equal to `name` ignoring case, or equal once a language
    /// identifier is taken out (`x.fr.png` for `x.png`, since 0.123); content files excluded.
    fn matching_files(&self, l: &Listing, name: &str) -> Vec<String> {
        let lower = name.to_lowercase();
        let mut keys = vec![lower.clone()];
        if self.config.version.at_least(123) && self.config.multilingual() {
            let (stem, ext) = lower.rsplit_once('.').unwrap_or((&lower, ""));
            for lang in &self.config.languages {
                keys.push(if ext.is_empty() {
                    format!("{stem}.{}", lang.key)
                } else {
                    format!("{stem}.{}.{ext}", lang.key)
                });
            }
        }
        let mut out = Vec::new();
        for k in keys {
            for e in l.folded(&k, Fold::Lower) {
                let n = l.name(e);
                if !e.is_dir && !is_page_name(n, self.config.version) && !out.iter().any(|o| o == n)
                {
                    out.push(n.to_string());
                }
            }
        }
        out
    }

    /// The index files of the page's bundle folder in every root (the page and its
    /// translations), with the root they are in.
    fn index_files(&self, page: &PageModel) -> Vec<(usize, String, PathBuf)> {
        let Some(dir) = &page.bundle_dir else {
            return Vec::new();
        };
        let want = if page.leaf { "index" } else { "_index" };
        let mut out = Vec::new();
        for (i, root) in self.roots.iter().enumerate() {
            let Some(rel_dir) = below_target(dir, &root.target) else {
                continue;
            };
            let disk = root.dir.join(rel_dir);
            let cell = self.listing(&disk);
            let Some(l) = cell.get() else { continue };
            for (n, is_dir) in l.names() {
                if !is_dir
                    && is_page_name(n, self.config.version)
                    && name_parts(n, self.config).base.eq_ignore_ascii_case(want)
                {
                    let logical = if dir.is_empty() {
                        n.to_string()
                    } else {
                        format!("{dir}/{n}")
                    };
                    out.push((i, logical, disk.join(n)));
                }
            }
        }
        out
    }

    /// The page (this one or a translation in the same bundle folder) published in `lang`.
    pub fn translation(&self, page: &PageModel, lang: &str) -> Option<PageModel> {
        if page.instance(lang).is_some() {
            return Some(page.clone());
        }
        let is_section = |d: &str| self.is_section(d);
        let inputs = ModelInputs {
            config: self.config,
            taxonomies: self.taxonomies,
            is_section: &is_section,
        };
        self.index_files(page)
            .into_iter()
            .find_map(|(root, logical, disk)| {
                let facts = self.facts.get(&disk, self.config.version);
                let m = PageModel::build(
                    &logical,
                    Some((root, &self.roots[root])),
                    None,
                    &facts,
                    &inputs,
                );
                m.instance(lang).is_some().then_some(m)
            })
    }

    /// Whether a logical folder has an `_index.*` in some root.
    pub fn is_section(&self, dir: &str) -> bool {
        self.roots.iter().any(|root| {
            below_target(dir, &root.target).is_some_and(|rel| {
                let cell = self.listing(&root.dir.join(rel));
                cell.get().is_some_and(|l| {
                    super::page_model::has_branch_index(l.names().map(|(n, _)| n), self.config)
                })
            })
        })
    }

    /// The language whose page publishes `f` when resources are not duplicated: the first
    /// language (in Hugo's order) of the file's languages that the bundle has a page in.
    pub fn publish_lang(&self, page: &PageModel, f: &BundleFile) -> Option<String> {
        self.config
            .languages
            .iter()
            .map(|l| &l.key)
            .filter(|k| f.langs.contains(k))
            .find(|k| self.translation(page, k).is_some())
            .cloned()
    }

    /// What `page.Resources.Get name` returns for the page's `lang` version, and where that
    /// copy is published; None when no file matches or the URL cannot be known.
    pub fn get(&self, page: &PageModel, lang: &str, name: &str) -> Option<FoundResource> {
        let files = self.files_named(page, name);
        if files.is_empty() {
            return None;
        }
        let own = page.instance(lang)?.url.as_ref()?;
        let exact = files.iter().find(|f| f.langs.iter().any(|l| l == lang));
        if self.config.duplicates_resources() {
            let f = exact.unwrap_or(&files[0]).clone();
            return Some(FoundResource {
                url: format!("{}{}", own.resources, f.rel),
                file: f,
            });
        }
        // Published once, under the first language that has the page; a page of another
        // language links that copy.
        let ordered = exact.into_iter().chain(files.iter());
        for f in ordered {
            let Some(pl) = self.publish_lang(page, f) else {
                continue;
            };
            let t = self.translation(page, &pl)?;
            let url = t.instance(&pl)?.url.as_ref()?;
            return Some(FoundResource {
                url: format!("{}{}", url.resources, f.rel),
                file: f.clone(),
            });
        }
        None
    }

    /// Whether the page's `lang` version publishes a resource at site path `url` (a file of its
    /// bundle whose copy for that language is there). None when its URL is unknown.
    pub fn publishes(&self, page: &PageModel, lang: &str, url: &str) -> Option<bool> {
        let base = &page.instance(lang)?.url.as_ref()?.resources;
        let Some(rest) = url.strip_prefix(base.as_str()) else {
            return Some(false);
        };
        let rest = rest.trim_start_matches('/');
        let found = self.files_named(page, rest).into_iter().any(|f| {
            f.rel == rest
                && (self.config.duplicates_resources()
                    || self.publish_lang(page, &f).as_deref() == Some(lang))
        });
        Some(found)
    }

    /// Whether a resource of the page's `lang` version (its own or shared) has a name that
    /// `matches` (names lowercased, language identifiers removed), as `GetMatch` sees them.
    pub fn any_resource(
        &self,
        page: &PageModel,
        lang: &str,
        matches: &dyn Fn(&str) -> bool,
    ) -> bool {
        let Some(dir) = &page.bundle_dir else {
            return false;
        };
        let _ = lang;
        let mut stack: Vec<(PathBuf, String)> = self
            .roots
            .iter()
            .filter_map(|r| {
                below_target(dir, &r.target).map(|rel| (r.dir.join(rel), String::new()))
            })
            .collect();
        let mut budget = 10_000;
        while let Some((disk, rel)) = stack.pop() {
            let cell = self.listing(&disk);
            let Some(l) = cell.get() else { continue };
            for (n, is_dir) in l.names() {
                budget -= 1;
                if budget == 0 {
                    return true;
                }
                if is_dir {
                    let sub = disk.join(n);
                    let owned = self
                        .listing(&sub)
                        .get()
                        .is_some_and(|s| self.owns(s, page.leaf));
                    if !owned {
                        stack.push((sub, format!("{rel}{n}/")));
                    }
                } else if !is_page_name(n, self.config.version) {
                    let parts = name_parts(n, self.config);
                    let ext = n.rsplit_once('.').map_or("", |(_, e)| e);
                    let name = if parts.lang.is_some() {
                        format!("{rel}{}.{ext}", parts.base)
                    } else {
                        format!("{rel}{n}")
                    };
                    if matches(&name.to_lowercase()) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The non-content file names of the page's bundle folder `sub` (below the bundle), in
    /// every root: the candidates of a did-you-mean.
    pub fn names_in(&self, page: &PageModel, sub: &str) -> Vec<String> {
        let Some(dir) = &page.bundle_dir else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in self.roots {
            let Some(rel) = below_target(dir, &r.target) else {
                continue;
            };
            let disk = r.dir.join(rel).join(sub);
            let cell = self.listing(&disk);
            let Some(l) = cell.get() else { continue };
            out.extend(
                l.names()
                    .filter(|(n, d)| !d && !is_page_name(n, self.config.version))
                    .map(|(n, _)| n.to_string()),
            );
        }
        out
    }
}
