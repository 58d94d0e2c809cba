//! The pages of a run that checks only a few files (an editor's buffer, pre-commit's staged
//! files, a folder): a link's target is found by its path first (`/posts/a/` is
//! `content/posts/a.md`, `a/index.md` or `a/_index.md`), then through the cache's hint
//! ([`super::cache`]), each candidate read and its URL made again before it counts; only when
//! both miss, so that the link may well be broken, is every page read (once per run, in
//! parallel) and the cache rewritten. Read pages are kept for the run.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::facts::{gather, PageFacts, Wants};
use super::pages::{url_forms, Collision, Hit, Pages, SiteIndex, Variant};
use super::{cache, Env};
use crate::document::Document;
use crate::input::read_content_file;
use crate::site::published::join;
use crate::site::{Site, EXTENSIONS};

/// What the facts of a target page hold: its ids and terms, not its links.
const TARGET: Wants = Wants {
    pages: true,
    links: false,
    anchors: true,
    terms: true,
};

/// See the module documentation.
pub struct LazyPages<'a> {
    site: &'a Site,
    env: Arc<Env>,
    own: Vec<Arc<PageFacts>>,
    read: Mutex<FxHashMap<String, Option<Arc<PageFacts>>>>,
    full: OnceLock<SiteIndex<'a>>,
    hint: OnceLock<String>,
}

impl<'a> LazyPages<'a> {
    /// The pages of `site`, knowing the run's own files' facts.
    pub fn new(site: &'a Site, env: Arc<Env>, own: Vec<Arc<PageFacts>>) -> LazyPages<'a> {
        LazyPages {
            site,
            env,
            own,
            read: Mutex::default(),
            full: OnceLock::new(),
            hint: OnceLock::new(),
        }
    }

    /// The facts of the content file at `rel` (site-relative), read once.
    fn page(&self, rel: &str) -> Option<Arc<PageFacts>> {
        if let Some(p) = self.own.iter().find(|p| p.rel_path == rel) {
            return Some(p.clone());
        }
        if let Some(found) = self.lock().get(rel) {
            return found.clone();
        }
        let facts = read_facts(self.site, &self.env, &self.site.root.join(rel));
        self.lock().insert(rel.to_string(), facts.clone());
        facts
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<String, Option<Arc<PageFacts>>>> {
        self.read.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The content files that would publish `url` without `url` or `slug`.
    fn by_path(&self, url: &str) -> Vec<String> {
        let base = url.trim_end_matches('/');
        let mut out = Vec::new();
        for dir in &content_roots(self.site) {
            let dir = dir.trim_end_matches('/');
            for ext in EXTENSIONS {
                if !base.is_empty() {
                    out.push(format!("{dir}/{base}.{ext}"));
                    out.push(format!("{dir}/{base}/index.{ext}"));
                }
                out.push(if base.is_empty() {
                    format!("{dir}/_index.{ext}")
                } else {
                    format!("{dir}/{base}/_index.{ext}")
                });
            }
        }
        out
    }

    /// Every page, read once (the fallback when the cheap lookups miss).
    fn full(&self) -> &SiteIndex<'a> {
        self.full.get_or_init(|| {
            let paths = crate::walk::collect(self.site, &[], false, 0);
            let pages: Vec<Arc<PageFacts>> = paths
                .par_iter()
                .filter_map(|p| read_facts(self.site, &self.env, p))
                .collect();
            cache::write(&self.site.root, &pages);
            SiteIndex::new(self.site, &self.env, pages)
        })
    }

    fn publishes(page: &PageFacts, form: &str) -> bool {
        !page.unpublished
            && (page.url.as_ref().is_some_and(|u| u.path == form)
                || page.aliases.iter().any(|(a, _)| a == form))
    }
}

/// The content folders, site-relative.
fn content_roots(site: &Site) -> Vec<String> {
    site.content_dirs()
        .iter()
        .filter_map(|d| site.relative(d))
        .collect()
}

/// Reads and parses a content file and gathers what a target page needs.
fn read_facts(site: &Site, env: &Env, path: &Path) -> Option<Arc<PageFacts>> {
    if !path.is_file() {
        return None;
    }
    let bytes = read_content_file(path, &site.root).ok()?;
    let rel = site.relative(path)?;
    let doc = Document::parse(rel, bytes, site.version);
    Some(Arc::new(gather(&doc, site, env, TARGET)))
}

impl Pages for LazyPages<'_> {
    fn at(&self, url: &str) -> Hit {
        let forms = url_forms(url);
        for form in &forms {
            let mut candidates: Vec<String> = self.by_path(form);
            let hint = self.hint.get_or_init(|| cache::load(&self.site.root));
            candidates.extend(cache::find(hint, form).into_iter().map(str::to_string));
            for rel in candidates {
                if let Some(p) = self.page(&rel).filter(|p| Self::publishes(p, form)) {
                    let alias = p.url.as_ref().is_none_or(|u| u.path != *form);
                    return if alias { Hit::Alias } else { Hit::Page(p) };
                }
            }
        }
        self.full().at(url)
    }

    fn by_ref(&self, from: &PageFacts, path: &str) -> Option<Arc<PageFacts>> {
        let target = path.trim().trim_end_matches('/');
        let dir = from.content_path.rsplit_once('/').map_or("", |(d, _)| d);
        let mut keys = vec![join(dir, target)];
        if !target.starts_with('/') {
            keys.push(join("", target));
        }
        for key in keys.into_iter().flatten() {
            for content in content_roots(self.site) {
                let content = content.trim_end_matches('/');
                let mut names = vec![format!("{content}/{key}")];
                for ext in EXTENSIONS {
                    names.push(format!("{content}/{key}.{ext}"));
                    names.push(format!("{content}/{key}/index.{ext}"));
                    names.push(format!("{content}/{key}/_index.{ext}"));
                }
                for rel in names {
                    if crate::site::is_content_file(Path::new(&rel)) {
                        if let Some(p) = self.page(&rel) {
                            return Some(p);
                        }
                    }
                }
            }
        }
        self.full().by_ref(from, path)
    }

    fn suggest(&self, url: &str) -> Option<String> {
        self.full().suggest(url)
    }

    fn collisions(&self, _page: &PageFacts) -> Vec<Collision> {
        Vec::new()
    }

    fn variants(&self, _page: &PageFacts) -> Vec<Variant> {
        Vec::new()
    }
}
