//! Every page put together after the pass: which URL serves what, which page a `ref` names,
//! and the site-wide findings that need every page at once (URL collisions, taxonomy terms
//! spelt differently).

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::facts::{bundle_file, PageFacts};
use super::urls::{sanitize, Kind};
use super::Env;
use crate::frontmatter::Span;
use crate::site::published::join;
use crate::site::Site;

/// What the site publishes at a URL.
#[derive(Debug, Clone)]
pub enum Hit {
    /// A page made from a content file: its ids can be checked.
    Page(Arc<PageFacts>),
    /// A list page with no content file of its own (a section without `_index.md`, a
    /// taxonomy, a term), a feed, a pagination page.
    List,
    /// An alias's redirect page.
    Alias,
    /// A page bundle's resource.
    Resource,
    /// Nothing.
    Missing,
    /// Cannot be told (a page whose URL is unknown may be there).
    Unknown,
}

/// A URL that this page publishes and another page (or alias) publishes too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    /// Where this page sets it (its `url`, `slug`, the alias, or its first line).
    pub span: Span,
    /// The URL path.
    pub url: String,
    /// Whether this page's claim is an alias (else the page itself).
    pub alias: bool,
    /// The file that keeps the URL (the first page in path order), or what list page.
    pub other: String,
}

/// A taxonomy term this page spells differently from most pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The term's span; `fixable` when it is exactly the term.
    pub span: Span,
    /// Can be replaced in place.
    pub fixable: bool,
    /// The taxonomy.
    pub taxonomy: String,
    /// The spelling here.
    pub term: String,
    /// The most common spelling.
    pub majority: String,
    /// Pages with each spelling, most first.
    pub counts: Vec<(String, usize)>,
    /// The two spellings share one term page (else each has its own).
    pub merged: bool,
}

/// What the after-the-pass checks ask of the site.
pub trait Pages: Sync {
    /// What is published at `url` (percent-decoded, no leading `/`, no query or fragment).
    fn at(&self, url: &str) -> Hit;
    /// The page a `ref` path (or `GetPage`) names from page `from`, if found.
    fn by_ref(&self, from: &PageFacts, path: &str) -> Option<Arc<PageFacts>>;
    /// A published URL close to `url`, for a did-you-mean.
    fn suggest(&self, url: &str) -> Option<String>;
    /// The URLs that `page` shares with earlier pages (empty when not every page is known).
    fn collisions(&self, page: &PageFacts) -> Vec<Collision>;
    /// The terms that `page` spells as few pages do (empty when not every page is known).
    fn variants(&self, page: &PageFacts) -> Vec<Variant>;
}

/// Every page of a whole-site run.
pub struct SiteIndex<'a> {
    site: &'a Site,
    pages: Vec<Arc<PageFacts>>,
    by_url: FxHashMap<String, usize>,
    aliases: FxHashSet<String>,
    lists: FxHashSet<String>,
    by_content: FxHashMap<String, usize>,
    by_name: FxHashMap<String, usize>,
    unknown_urls: bool,
    collisions: FxHashMap<String, Vec<Collision>>,
    variants: FxHashMap<String, Vec<Variant>>,
    lower: OnceLock<FxHashMap<String, String>>,
}

/// The keys a `ref` may name a content file by: its path with and without the extension
/// and, for a bundle's `index.md` or a section's `_index.md`, its folder; lower-cased.
fn content_keys(content_path: &str) -> Vec<String> {
    let p = content_path.to_lowercase();
    let mut keys = vec![p.clone()];
    let (dir, file) = p.rsplit_once('/').unwrap_or(("", &p));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if stem == "index" || stem == "_index" {
        keys.push(dir.to_string());
    } else {
        keys.push(if dir.is_empty() {
            stem.to_string()
        } else {
            format!("{dir}/{stem}")
        });
    }
    keys
}

impl<'a> SiteIndex<'a> {
    /// Puts the facts of every page (any order) together.
    pub fn new(site: &'a Site, env: &Env, mut pages: Vec<Arc<PageFacts>>) -> SiteIndex<'a> {
        pages.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
        let mut ix = SiteIndex {
            site,
            pages,
            by_url: FxHashMap::default(),
            aliases: FxHashSet::default(),
            lists: FxHashSet::default(),
            by_content: FxHashMap::default(),
            by_name: FxHashMap::default(),
            unknown_urls: false,
            collisions: FxHashMap::default(),
            variants: FxHashMap::default(),
            lower: OnceLock::new(),
        };
        ix.index_pages(env);
        ix.find_collisions();
        ix.find_variants(env);
        ix
    }

    fn index_pages(&mut self, env: &Env) {
        self.lists.insert(String::new());
        for t in &env.taxonomies {
            self.lists.insert(format!("{t}/"));
        }
        let lower = !env.urls.keep_case;
        for (i, p) in self.pages.iter().enumerate() {
            for key in content_keys(&p.content_path) {
                self.by_content.entry(key).or_insert(i);
            }
            let name = p
                .content_path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_lowercase();
            self.by_name.entry(name.clone()).or_insert(i);
            if let Some((stem, _)) = name.rsplit_once('.') {
                if stem == "index" || stem == "_index" {
                    let dir = p.content_path.rsplit('/').nth(1).unwrap_or("");
                    self.by_name.entry(dir.to_lowercase()).or_insert(i);
                } else {
                    self.by_name.entry(stem.to_string()).or_insert(i);
                }
            }
            if p.unpublished {
                continue;
            }
            if let Some(u) = &p.url {
                self.by_url.entry(u.path.clone()).or_insert(i);
            }
            self.unknown_urls |= p.url_unknown;
            for (a, _) in &p.aliases {
                self.aliases.insert(a.clone());
            }
            if let Some((first, _)) = p.content_path.split_once('/') {
                self.lists.insert(format!("{}/", sanitize(first, lower)));
            }
            for t in &p.terms {
                let term = sanitize(&t.term, lower);
                self.lists.insert(format!("{}/{term}/", t.taxonomy));
            }
        }
    }

    /// Every URL claimed twice: the first page in path order keeps it; every other page, and
    /// every alias, is reported (an alias that meets a page loses to it, silently).
    fn find_collisions(&mut self) {
        let mut claims: BTreeMap<&str, Vec<(usize, Option<&Span>)>> = BTreeMap::new();
        for (i, p) in self.pages.iter().enumerate() {
            if p.unpublished {
                continue;
            }
            if let Some(u) = &p.url {
                claims.entry(&u.path).or_default().push((i, None));
            }
            for (a, span) in &p.aliases {
                claims.entry(a).or_default().push((i, Some(span)));
            }
        }
        for (url, owners) in claims {
            let list = self.lists.contains(url) && !self.by_url.contains_key(url);
            if owners.len() < 2 && !list {
                continue;
            }
            let keeper = owners.iter().find(|(_, alias)| alias.is_none());
            let other = match (list, keeper) {
                (true, _) => format!("the list page /{url}"),
                (false, Some((k, _))) => self.pages[*k].rel_path.clone(),
                (false, None) => self.pages[owners[0].0].rel_path.clone(),
            };
            let kept = if list {
                None
            } else {
                Some(keeper.copied().unwrap_or(owners[0]))
            };
            for &(i, alias) in &owners {
                if kept == Some((i, alias)) {
                    continue;
                }
                let p = &self.pages[i];
                let span = alias
                    .cloned()
                    .or_else(|| p.url.as_ref().and_then(|u| u.set_at.clone()))
                    .unwrap_or(0..0);
                self.collisions
                    .entry(p.rel_path.clone())
                    .or_default()
                    .push(Collision {
                        span,
                        url: url.to_string(),
                        alias: alias.is_some(),
                        other: other.clone(),
                    });
            }
        }
    }

    /// Terms of one taxonomy whose spellings differ only in case, spaces or hyphens.
    fn find_variants(&mut self, env: &Env) {
        let lower = !env.urls.keep_case;
        // (taxonomy, key) -> spelling -> pages using it.
        let mut groups: BTreeMap<(&str, String), BTreeMap<&str, FxHashSet<usize>>> =
            BTreeMap::new();
        for (i, p) in self.pages.iter().enumerate() {
            if p.unpublished {
                continue;
            }
            for t in p.terms.iter().filter(|t| t.checked) {
                let key = sanitize(&t.term, true).replace('-', "");
                groups
                    .entry((&t.taxonomy, key))
                    .or_default()
                    .entry(&t.term)
                    .or_default()
                    .insert(i);
            }
        }
        for ((taxonomy, _), spellings) in groups {
            if spellings.len() < 2 {
                continue;
            }
            let mut counts: Vec<(String, usize)> = spellings
                .iter()
                .map(|(s, pages)| (s.to_string(), pages.len()))
                .collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if counts[0].1 == counts[1].1 {
                continue; // no majority: which spelling is meant cannot be told
            }
            let majority = counts[0].0.clone();
            for (spelling, pages) in &spellings {
                if *spelling == majority {
                    continue;
                }
                let merged = sanitize(spelling, lower) == sanitize(&majority, lower);
                for &i in pages {
                    let p = &self.pages[i];
                    for t in p.terms.iter().filter(|t| t.term == *spelling) {
                        self.variants
                            .entry(p.rel_path.clone())
                            .or_default()
                            .push(Variant {
                                span: t.span.clone(),
                                fixable: t.fixable,
                                taxonomy: taxonomy.to_string(),
                                term: t.term.clone(),
                                majority: majority.clone(),
                                counts: counts.clone(),
                                merged,
                            });
                    }
                }
            }
        }
    }

    /// The page with this content key, if any.
    fn content(&self, key: &str) -> Option<Arc<PageFacts>> {
        self.by_content.get(key).map(|&i| self.pages[i].clone())
    }

    /// A resource of the leaf bundle whose URL is a prefix of `url`.
    fn resource(&self, url: &str) -> bool {
        let mut cut = url.len();
        while let Some(i) = url[..cut].rfind('/') {
            let (page, rest) = url.split_at(i + 1);
            if let Some(&p) = self.by_url.get(page) {
                let facts = &self.pages[p];
                if facts.bundle.is_some() && bundle_file(self.site, &facts.rel_path, rest, true) {
                    return true;
                }
            }
            cut = i;
        }
        false
    }

    /// Feeds, sitemaps and pagination pages of list pages.
    fn generated(&self, url: &str) -> bool {
        if matches!(url, "sitemap.xml" | "robots.txt" | "404.html" | "index.xml") {
            return true;
        }
        let is_list = |u: &str| {
            self.lists.contains(u)
                || self
                    .by_url
                    .get(u)
                    .is_some_and(|&i| self.pages[i].kind != Some(Kind::Page))
        };
        if let Some(dir) = url.strip_suffix("index.xml") {
            return is_list(dir);
        }
        let trimmed = url.trim_end_matches('/');
        if let Some((head, n)) = trimmed
            .rsplit_once("page/")
            .filter(|(h, _)| h.is_empty() || h.ends_with('/'))
        {
            return n.parse::<u32>().is_ok() && is_list(head);
        }
        false
    }
}

/// The forms a link may name a page URL by: as written, without `index.html`, with the
/// final `/` a web server adds to a folder.
pub fn url_forms(url: &str) -> Vec<String> {
    let base = url.strip_suffix("index.html").unwrap_or(url);
    let mut forms = vec![base.to_string()];
    let last = base.rsplit('/').next().unwrap_or("");
    if !base.is_empty() && !base.ends_with('/') && !last.contains('.') {
        forms.push(format!("{base}/"));
    }
    forms
}

impl Pages for SiteIndex<'_> {
    fn at(&self, url: &str) -> Hit {
        for form in url_forms(url) {
            if let Some(&i) = self.by_url.get(&form) {
                return Hit::Page(self.pages[i].clone());
            }
            if self.aliases.contains(&form) {
                return Hit::Alias;
            }
            if self.lists.contains(&form) {
                return Hit::List;
            }
        }
        if self.generated(url) {
            return Hit::List;
        }
        if self.resource(url) {
            return Hit::Resource;
        }
        if self.unknown_urls {
            return Hit::Unknown;
        }
        Hit::Missing
    }

    fn by_ref(&self, from: &PageFacts, path: &str) -> Option<Arc<PageFacts>> {
        let target = path.trim().to_lowercase();
        let dir = from.content_path.rsplit_once('/').map_or("", |(d, _)| d);
        let dir = dir.to_lowercase();
        let key = |p: Option<String>| p.map(|p| p.trim_end_matches('/').to_string());
        if let Some(p) = key(join(&dir, &target)).and_then(|k| self.content(&k)) {
            return Some(p);
        }
        if !target.starts_with('/') {
            if let Some(p) = key(join("", &target)).and_then(|k| self.content(&k)) {
                return Some(p);
            }
        }
        if !target.contains('/') {
            return self.by_name.get(&target).map(|&i| self.pages[i].clone());
        }
        None
    }

    fn suggest(&self, url: &str) -> Option<String> {
        let lower = self.lower.get_or_init(|| {
            self.by_url
                .keys()
                .map(|u| (u.to_lowercase(), u.clone()))
                .collect()
        });
        for form in url_forms(url) {
            if let Some(u) = lower.get(&form.to_lowercase()) {
                return Some(u.clone());
            }
        }
        let trimmed = url.trim_end_matches('/');
        let (dir, last) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
        let same_name: Vec<&String> = self
            .by_url
            .keys()
            .filter(|u| u.trim_end_matches('/').rsplit('/').next() == Some(last))
            .collect();
        if same_name.len() == 1 {
            return Some(same_name[0].clone());
        }
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let names: Vec<&str> = self
            .by_url
            .keys()
            .filter_map(|u| u.strip_prefix(prefix.as_str()))
            .map(|r| r.trim_end_matches('/'))
            .filter(|r| !r.contains('/'))
            .collect();
        let best = crate::suggest::nearest(last, names.iter().copied())?;
        let found = format!("{prefix}{best}");
        [format!("{found}/"), found]
            .into_iter()
            .find(|f| self.by_url.contains_key(f))
    }

    fn collisions(&self, page: &PageFacts) -> Vec<Collision> {
        self.collisions
            .get(&page.rel_path)
            .cloned()
            .unwrap_or_default()
    }

    fn variants(&self, page: &PageFacts) -> Vec<Variant> {
        self.variants
            .get(&page.rel_path)
            .cloned()
            .unwrap_or_default()
    }
}
