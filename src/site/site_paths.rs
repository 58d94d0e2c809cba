//! What the built site has at a site path: a static file, or a page resource published
//! there. The reverse of [`super::resources`]: a path is mapped back to the content folders
//! (folders by their URL form), the page owning the file found is built from its own front
//! matter, and the file counts only if that page really publishes it there. Bundles that
//! `url`, `slug` or `permalinks` move elsewhere are found through an index of them, built
//! once, on the first path nothing else explains.

use std::path::{Path, PathBuf};

use super::content_files::is_page_name;
use super::listing::Fold;
use super::page_model::{file_langs, name_parts, ModelInputs, PageModel};
use super::resources::{MovedOwner, Resources};
use super::url_config::UrlConfig;

/// A folder to visit: its root, its path, its logical path.
type Folder = (usize, PathBuf, Vec<String>);

/// What visiting a folder found: moved owners, and the subfolders to visit.
type Visited = (Vec<MovedOwner>, Vec<Folder>);

/// Whether a front matter line (lowercased) sets `key`: `key:`, `key =`, `"key":`.
fn names_key(line: &str, key: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['"', '\'']);
    t.strip_prefix(key).is_some_and(|rest| {
        rest.trim_start_matches(['"', '\''])
            .trim_start()
            .starts_with([':', '='])
    })
}

/// The owner of a file found by descending a content root along a site path.
struct Owner {
    /// Its folder on disk.
    disk: PathBuf,
    /// Its logical folder.
    logical: String,
    /// A leaf bundle.
    leaf: bool,
    /// Index of its root.
    root: usize,
}

/// The language and the rest of a site path (no leading `/`) for every language whose prefix
/// it starts with (or which has none).
pub fn split_language<'s>(config: &'s UrlConfig, path: &'s str) -> Vec<(&'s str, &'s str)> {
    let mut out = Vec::new();
    for l in &config.languages {
        let prefix = config.language_prefix(&l.key);
        if prefix.is_empty() {
            out.push((l.key.as_str(), path));
        } else if let Some(rest) = path.strip_prefix(prefix) {
            if rest.is_empty() || rest.starts_with('/') {
                out.push((l.key.as_str(), rest.trim_start_matches('/')));
            }
        }
    }
    out
}

impl Resources<'_> {
    /// Whether some page publishes a resource at `path` (a site path without leading `/`).
    /// None when a page that could own it has a URL pagelint cannot know.
    pub fn resource_at(&self, path: &str) -> Option<bool> {
        let mut unknown = false;
        for (lang, rest) in split_language(self.config, path) {
            match self.by_content_path(lang, rest, path) {
                Some(true) => return Some(true),
                None => unknown = true,
                Some(false) => {}
            }
        }
        let want = format!("/{path}");
        for m in self.moved() {
            if let Some(rest) = want.strip_prefix(m.base.as_str()) {
                if self.file_below(&m.disk, rest, m.leaf, &m.lang) {
                    return Some(true);
                }
            }
        }
        (!unknown).then_some(false)
    }

    /// The file at `rest` below an owner's folder, with names as written, belonging to
    /// `lang` (or copied to it).
    fn file_below(&self, dir: &Path, rest: &str, _leaf: bool, lang: &str) -> bool {
        let mut disk = dir.to_path_buf();
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let Some((file, folders)) = segments.split_last() else {
            return false;
        };
        for f in folders {
            let cell = self.published.listing(&disk);
            if cell.get().and_then(|l| l.get(f)) != Some(true) {
                return false;
            }
            disk.push(f);
        }
        let cell = self.published.listing(&disk);
        if cell.get().and_then(|l| l.get(file)) != Some(false)
            || is_page_name(file, self.config.version)
        {
            return false;
        }
        let root = self.roots.iter().find(|r| dir.starts_with(&r.dir));
        let parts = name_parts(file, self.config);
        self.config.duplicates_resources()
            || file_langs(parts.lang, root, self.config)
                .iter()
                .any(|l| l == lang)
    }

    /// Maps `rest` (in language `lang`) back to a content file along URL-folded folder names
    /// and checks that its owner publishes it there.
    fn by_content_path(&self, lang: &str, rest: &str, full: &str) -> Option<bool> {
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let (file, folders) = segments.split_last()?;
        let mut unknown = false;
        for (i, root) in self.roots.iter().enumerate() {
            let target: Vec<String> = root
                .target
                .split('/')
                .filter(|s| !s.is_empty())
                .map(|s| self.config.urlize(s))
                .collect();
            if folders.len() < target.len() || folders[..target.len()] != target[..] {
                continue;
            }
            let Some((owner, rel)) = self.descend(i, &folders[target.len()..], file) else {
                continue;
            };
            match self.owner_publishes(&owner, lang, &rel, &format!("/{full}")) {
                Some(true) => return Some(true),
                Some(false) => {}
                None => unknown = true,
            }
        }
        (!unknown).then_some(false)
    }

    /// Follows URL folder segments from a root to `file`; returns the owner and the file's
    /// path below it.
    fn descend(&self, root: usize, folders: &[&str], file: &str) -> Option<(Owner, String)> {
        let r = &self.roots[root];
        let mut disk = r.dir.clone();
        let mut logical: Vec<String> = r
            .target
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let mut owner = Owner {
            disk: disk.clone(),
            logical: logical.join("/"),
            leaf: false,
            root,
        };
        let mut below: Vec<String> = Vec::new();
        for (depth, seg) in folders.iter().enumerate() {
            let cell = self.published.listing(&disk);
            let l = cell.get()?;
            let real = if owner.leaf {
                l.get(seg).filter(|d| *d).map(|_| seg.to_string())?
            } else {
                l.folded_entry(&self.config.urlize(seg), Fold::Url, true)
                    .or_else(|| l.get(seg).filter(|d| *d).map(|_| *seg))?
                    .to_string()
            };
            disk.push(&real);
            logical.push(real.clone());
            below.push(real);
            if owner.leaf {
                continue;
            }
            let sub = self.published.listing(&disk);
            let names = sub.get()?;
            let leaf =
                super::page_model::has_leaf_index(names.names().map(|(n, _)| n), self.config);
            let branch =
                super::page_model::has_branch_index(names.names().map(|(n, _)| n), self.config);
            if leaf || branch || (depth == 0 && r.target.is_empty()) {
                owner = Owner {
                    disk: disk.clone(),
                    logical: logical.join("/"),
                    leaf,
                    root,
                };
                below.clear();
            }
        }
        let cell = self.published.listing(&disk);
        if cell.get()?.get(file) != Some(false) || is_page_name(file, self.config.version) {
            return None;
        }
        if self.ignore_path(&disk.join(file)) {
            return None;
        }
        below.push(file.to_string());
        Some((owner, below.join("/")))
    }

    fn ignore_path(&self, p: &Path) -> bool {
        let s = p.to_string_lossy();
        self.ignore.iter().any(|r| r.is_match(&s))
    }

    /// Whether the owner's `lang` page publishes `rel` at `want`; None if its URL is unknown.
    fn owner_publishes(&self, owner: &Owner, lang: &str, rel: &str, want: &str) -> Option<bool> {
        let model = self.owner_model(owner, lang);
        let Some(model) = model else {
            // No page owns the folder in this language: an automatic section or the home page
            // has its content path as URL.
            let prefix = self.config.language_prefix(lang);
            let mut base = String::from("/");
            if !prefix.is_empty() {
                base.push_str(prefix);
                base.push('/');
            }
            for s in owner.logical.split('/').filter(|s| !s.is_empty()) {
                base.push_str(&self.config.urlize(s));
                base.push('/');
            }
            return Some(format!("{base}{rel}") == want && !owner.leaf);
        };
        let base = &model.instance(lang)?.url.as_ref()?.resources;
        if format!("{base}{rel}") != want {
            return Some(false);
        }
        Some(self.publishes_in(owner, rel, lang))
    }

    /// Whether the owner's copy of the file `rel` is published in `lang`: always when
    /// resources are duplicated, else only in the first of the file's languages that has
    /// the page.
    fn publishes_in(&self, owner: &Owner, rel: &str, lang: &str) -> bool {
        if self.config.duplicates_resources() {
            return true;
        }
        let parts = name_parts(rel.rsplit('/').next().unwrap_or(rel), self.config);
        let langs = file_langs(parts.lang, Some(&self.roots[owner.root]), self.config);
        self.config
            .languages
            .iter()
            .map(|l| &l.key)
            .filter(|k| langs.contains(k))
            .find(|k| self.owner_model(owner, k).is_some())
            .is_some_and(|k| k == lang)
    }

    /// The page owning `owner`'s folder in `lang`, built from its index file.
    fn owner_model(&self, owner: &Owner, lang: &str) -> Option<PageModel> {
        let cell = self.published.listing(&owner.disk);
        let l = cell.get()?;
        let is_section = |d: &str| self.is_section(d);
        let inputs = ModelInputs {
            config: self.config,
            taxonomies: self.taxonomies,
            is_section: &is_section,
        };
        let want = if owner.leaf { "index" } else { "_index" };
        let index_files: Vec<String> = l
            .names()
            .filter(|(n, d)| !d && is_page_name(n, self.config.version))
            .filter(|(n, _)| name_parts(n, self.config).base.eq_ignore_ascii_case(want))
            .map(|(n, _)| n.to_string())
            .collect();
        index_files.into_iter().find_map(|n| {
            let logical = if owner.logical.is_empty() {
                n.to_string()
            } else {
                format!("{}/{n}", owner.logical)
            };
            let facts = self.facts.get(&owner.disk.join(&n), self.config.version);
            let root = (owner.root, &self.roots[owner.root]);
            let m = PageModel::build(&logical, Some(root), None, &facts, &inputs);
            m.instance(lang).is_some().then_some(m)
        })
    }

    /// Every bundle whose resource folder is not its content path, found by one walk of the
    /// content roots (built once, on first need, on every core). A bundle's index file is
    /// parsed only when it may move: a `permalinks` rule applies to it, or its first 4 KiB
    /// name `url` or `slug` (or the file name gives the slug, with `:filename` dates).
    fn moved(&self) -> &[MovedOwner] {
        self.facts.moved.get_or_init(|| {
            let mut frontier: Vec<Folder> = self
                .roots
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let logical = r
                        .target
                        .split('/')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    (i, r.dir.clone(), logical)
                })
                .collect();
            let mut out = Vec::new();
            while !frontier.is_empty() {
                use rayon::prelude::*;
                let results: Vec<Visited> = frontier
                    .into_par_iter()
                    .map(|(root, dir, logical)| self.visit_moved(root, dir, logical))
                    .collect();
                frontier = Vec::new();
                for (found, subdirs) in results {
                    out.extend(found);
                    frontier.extend(subdirs);
                }
            }
            out
        })
    }

    /// One folder of the walk: the moved owners it holds, and its subfolders to visit.
    fn visit_moved(&self, root: usize, dir: PathBuf, logical: Vec<String>) -> Visited {
        let cell = self.published.listing(&dir);
        let Some(l) = cell.get() else {
            return (Vec::new(), Vec::new());
        };
        let leaf = super::page_model::has_leaf_index(l.names().map(|(n, _)| n), self.config);
        let branch = super::page_model::has_branch_index(l.names().map(|(n, _)| n), self.config);
        let mut found = Vec::new();
        if (leaf || branch) && self.may_move(l, leaf, &dir) {
            let owner = Owner {
                disk: dir.clone(),
                logical: logical.join("/"),
                leaf,
                root,
            };
            for lang in &self.config.languages {
                if let Some(m) = self.moved_owner(&owner, &lang.key, &logical) {
                    found.push(m);
                }
            }
        }
        let subdirs = if leaf {
            Vec::new()
        } else {
            l.names()
                .filter(|(_, d)| *d)
                .map(|(n, _)| {
                    let mut sub = logical.clone();
                    sub.push(n.to_string());
                    (root, dir.join(n), sub)
                })
                .collect()
        };
        (found, subdirs)
    }

    /// Whether a bundle folder's page may be published away from its content path.
    fn may_move(&self, l: &super::listing::Listing, leaf: bool, dir: &Path) -> bool {
        if !self.config.permalinks.is_empty() || self.config.date_from_filename {
            return true;
        }
        let want = if leaf { "index" } else { "_index" };
        l.names()
            .filter(|(n, d)| !d && is_page_name(n, self.config.version))
            .filter(|(n, _)| name_parts(n, self.config).base.eq_ignore_ascii_case(want))
            .any(|(n, _)| {
                let mut head = [0u8; 4096];
                let read = std::fs::File::open(dir.join(n))
                    .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                    .unwrap_or(0);
                let text = String::from_utf8_lossy(&head[..read]).to_lowercase();
                text.lines()
                    .any(|line| names_key(line, "url") || leaf && names_key(line, "slug"))
            })
    }

    /// The moved owner entry of `owner` in `lang`, when its resource folder is not its content
    /// path.
    fn moved_owner(&self, owner: &Owner, lang: &str, logical: &[String]) -> Option<MovedOwner> {
        let m = self.owner_model(owner, lang)?;
        let url = m.instance(lang)?.url.as_ref()?;
        let prefix = self.config.language_prefix(lang);
        let mut default = String::from("/");
        if !prefix.is_empty() {
            default.push_str(prefix);
            default.push('/');
        }
        for s in logical {
            default.push_str(&self.config.urlize(s));
            default.push('/');
        }
        (url.resources != default).then(|| MovedOwner {
            base: url.resources.clone(),
            lang: lang.to_string(),
            disk: owner.disk.clone(),
            leaf: owner.leaf,
        })
    }
}
