//! What the site publishes as-is, looked up by URL path: static files (all
//! static dirs, themes' static dirs, module mounts) and the non-content files
//! of the content dirs (bundle resources, loose section files); and the
//! content pages, for `ref`.
//!
//! Folders are listed on demand, each at most once per run, and every lookup
//! after that is a hash lookup: no image is ever stat'ed, and only the folders
//! that pages actually reference are read. The same code serves a whole-site
//! run and a single file from an editor.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};
use std::ffi::OsString;

use super::content_files::is_content_file;

/// A folder whose files are published under `prefix`.
#[derive(Debug, Clone)]
pub struct Source {
    /// The folder on disk, absolute.
    pub dir: PathBuf,
    /// The URL path it is mounted at, without leading or trailing `/`
    /// (`img` for a mount with target `static/img`); empty for the site's root.
    pub prefix: String,
    /// Content folders publish only their non-content files, under page URLs.
    pub content: bool,
}

/// Joins a `/`-separated path to a base folder, as a browser resolves a link:
/// a leading `/` starts from the root, `.` and `..` are resolved. None when
/// `..` climbs above the root. The result has no leading `/`.
pub fn join(base_dir: &str, path: &str) -> Option<String> {
    let (base, rest) = match path.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (base_dir, path),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

pub use super::listing::urlize;
use super::listing::{Fold, Listing};

/// How a URL segment is matched against real names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Match {
    Exact,
    IgnoreCase,
}

/// The index of what the site publishes, over its [`Source`] folders in
/// order. Safe to share between threads; folders are listed as lookups need them.
#[derive(Debug, Default)]
pub struct Published {
    sources: Vec<Source>,
    /// For a few explicit files (an editor, pre-commit): look a path up with
    /// one `stat`, and list a folder only when that misses. A whole-site run
    /// lists folders instead, which beats a `stat` per image.
    stat_first: bool,
    stats: Mutex<FxHashMap<PathBuf, bool>>,
    /// Keyed by the path's bytes: hashing a `PathBuf` walks its components.
    listings: Mutex<FxHashMap<OsString, Arc<OnceLock<Listing>>>>,
    /// Every page's base name, for `ref` by name; walks the content on first need.
    page_names: OnceLock<FxHashSet<String>>,
}

impl Published {
    /// An index over `sources`, empty until looked up. `stat_first`: a few
    /// explicit files are checked, so a path is first tried with one `stat`.
    pub fn new(sources: Vec<Source>, stat_first: bool) -> Published {
        Published {
            sources,
            stat_first,
            ..Published::default()
        }
    }

    /// Whether `url` is a file at its literal path below a source, by one cached `stat`.
    fn stat(&self, source: &Source, url: &str) -> bool {
        let rest = if source.prefix.is_empty() {
            url
        } else {
            match url
                .strip_prefix(source.prefix.as_str())
                .and_then(|r| r.strip_prefix('/'))
            {
                Some(r) => r,
                None => return false,
            }
        };
        if source.content && is_content_file(Path::new(rest)) {
            return false;
        }
        let path = source.dir.join(rest);
        let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        *stats.entry(path).or_insert_with_key(|p| p.is_file())
    }

    /// The folder's listing, read once however many threads ask.
    pub(crate) fn listing(&self, dir: &Path) -> Arc<OnceLock<Listing>> {
        let cell = {
            let mut map = self.listings.lock().unwrap_or_else(|e| e.into_inner());
            match map.get(dir.as_os_str()) {
                Some(cell) => cell.clone(),
                None => map.entry(dir.as_os_str().to_owned()).or_default().clone(),
            }
        };
        cell.get_or_init(|| Listing::read(dir));
        cell
    }

    /// Follows URL segments from a source's folder. Folder segments of content
    /// sources match urlized names (Hugo lowercases page paths); file names and
    /// static folders match exactly, or ignoring case with `IgnoreCase`.
    /// Returns the real path below the source, with `/`.
    fn resolve(&self, source: &Source, url: &str, mode: Match) -> Option<String> {
        let rest = if source.prefix.is_empty() {
            url
        } else {
            url.strip_prefix(source.prefix.as_str())?
                .strip_prefix('/')?
        };
        let segments: Vec<&str> = rest.split('/').collect();
        let (file, dirs) = segments.split_last()?;
        let mut dir = source.dir.clone();
        let mut real = Vec::with_capacity(segments.len());
        for seg in dirs {
            let cell = self.listing(&dir);
            let listing = cell.get()?;
            let name: Box<str> = if source.content {
                listing.folded_entry(&urlize(seg), Fold::Url, true)?.into()
            } else if mode == Match::IgnoreCase {
                listing
                    .folded_entry(&seg.to_lowercase(), Fold::Lower, true)?
                    .into()
            } else {
                listing.get(seg).filter(|d| *d)?;
                (*seg).into()
            };
            dir.push(&*name);
            real.push(name);
        }
        let cell = self.listing(&dir);
        let listing = cell.get()?;
        let name: Box<str> = match listing.get(file) {
            Some(false) => (*file).into(),
            _ if mode == Match::IgnoreCase => listing
                .folded_entry(&file.to_lowercase(), Fold::Lower, false)?
                .into(),
            _ => return None,
        };
        if source.content && is_content_file(Path::new(&*name)) {
            return None;
        }
        real.push(name);
        Some(real.join("/"))
    }

    /// The URL a resolved real path is published at.
    fn url_of(source: &Source, real: &str) -> String {
        let mut parts: Vec<String> = real.split('/').map(str::to_string).collect();
        if source.content {
            let last = parts.len().saturating_sub(1);
            for p in &mut parts[..last] {
                *p = urlize(p);
            }
        }
        if !source.prefix.is_empty() {
            parts.insert(0, source.prefix.clone());
        }
        parts.join("/")
    }

    /// The folders published as they are (static folders); content folders publish their
    /// files as page resources (modelled in `site/resources.rs`).
    fn as_is(&self) -> impl Iterator<Item = &Source> {
        self.sources.iter().filter(|s| !s.content)
    }

    /// Whether some static folder publishes a file at `url` (no leading `/`).
    pub fn contains(&self, url: &str) -> bool {
        if self.stat_first && self.as_is().any(|s| self.stat(s, url)) {
            return true;
        }
        self.as_is()
            .any(|s| self.resolve(s, url, Match::Exact).is_some())
    }

    /// The published URL that differs from `url` only in letter case.
    pub fn case_variant(&self, url: &str) -> Option<String> {
        self.as_is().find_map(|s| {
            self.resolve(s, url, Match::IgnoreCase)
                .map(|real| Self::url_of(s, &real))
        })
    }

    /// A published file in the same folder with a close name, for
    /// did-you-mean ([`crate::suggest::nearest`] over the folder's names
    /// that sort near it, in every source).
    pub fn nearest(&self, url: &str) -> Option<String> {
        let (dir, name) = url.rsplit_once('/').unwrap_or(("", url));
        let mut candidates: Vec<String> = Vec::new();
        for source in self.as_is() {
            let Some(real_dir) = self.resolve_dir(source, dir) else {
                continue;
            };
            let cell = self.listing(&real_dir);
            let Some(listing) = cell.get() else { continue };
            candidates.extend(
                listing
                    .neighbours(name)
                    .filter(|c| !(source.content && is_content_file(Path::new(c))))
                    .map(str::to_string),
            );
        }
        let best = crate::suggest::nearest(name, candidates.iter().map(String::as_str))?;
        Some(if dir.is_empty() {
            best.to_string()
        } else {
            format!("{dir}/{best}")
        })
    }

    /// The real folder a URL folder (no leading or trailing `/`) resolves to in `source`.
    fn resolve_dir(&self, source: &Source, url_dir: &str) -> Option<PathBuf> {
        let rest = if source.prefix.is_empty() {
            url_dir
        } else if url_dir == source.prefix {
            ""
        } else {
            url_dir
                .strip_prefix(source.prefix.as_str())?
                .strip_prefix('/')?
        };
        let mut dir = source.dir.clone();
        for seg in rest.split('/').filter(|s| !s.is_empty()) {
            let cell = self.listing(&dir);
            let listing = cell.get()?;
            if source.content {
                dir.push(listing.folded_entry(&urlize(seg), Fold::Url, true)?);
            } else {
                listing.get(seg).filter(|d| *d)?;
                dir.push(seg);
            }
        }
        Some(dir)
    }

    /// Whether a content-relative logical path (no leading `/`) names a page:
    /// `posts/a.md`, `posts/a`, or a bundle's folder. Case-insensitive, as
    /// Hugo's page lookup is.
    pub fn has_page(&self, path: &str) -> bool {
        let path = path.trim_end_matches('/');
        self.sources.iter().filter(|s| s.content).any(|source| {
            let mut candidates = vec![path.to_string()];
            if !is_content_file(Path::new(path)) {
                for ext in super::content_files::EXTENSIONS {
                    candidates.push(format!("{path}.{ext}"));
                }
                for index in ["index", "_index"] {
                    for ext in super::content_files::EXTENSIONS {
                        candidates.push(if path.is_empty() {
                            format!("{index}.{ext}")
                        } else {
                            format!("{path}/{index}.{ext}")
                        });
                    }
                }
            }
            candidates.iter().any(|c| self.page_file(source, c))
        })
    }

    /// Whether `rel` (a content file path) exists, folders matched ignoring case.
    fn page_file(&self, source: &Source, rel: &str) -> bool {
        let segments: Vec<&str> = rel.split('/').filter(|s| !s.is_empty()).collect();
        let Some((file, dirs)) = segments.split_last() else {
            return false;
        };
        let mut dir = source.dir.clone();
        for seg in dirs {
            let cell = self.listing(&dir);
            let Some(listing) = cell.get() else {
                return false;
            };
            let Some(name) = listing.folded_entry(&seg.to_lowercase(), Fold::Lower, true) else {
                return false;
            };
            dir.push(name);
        }
        let cell = self.listing(&dir);
        let Some(listing) = cell.get() else {
            return false;
        };
        listing
            .folded_entry(&file.to_lowercase(), Fold::Lower, false)
            .is_some()
    }

    /// Whether some page has this base name (`a.md`, `a`, or a bundle's folder
    /// name). The content is walked for this once, and only if asked.
    pub fn has_page_named(&self, name: &str) -> bool {
        self.page_names
            .get_or_init(|| {
                let mut names = FxHashSet::default();
                for source in self.sources.iter().filter(|s| s.content) {
                    let mut stack = vec![source.dir.clone()];
                    while let Some(dir) = stack.pop() {
                        let Ok(read) = std::fs::read_dir(&dir) else {
                            continue;
                        };
                        for entry in read.flatten() {
                            let path = entry.path();
                            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                                stack.push(path);
                            } else if is_content_file(&path) {
                                let file = entry.file_name().to_string_lossy().to_lowercase();
                                let stem = file
                                    .rsplit_once('.')
                                    .map_or(file.as_str(), |(s, _)| s)
                                    .to_string();
                                if stem == "index" || stem == "_index" {
                                    if let Some(folder) = dir.file_name() {
                                        names.insert(folder.to_string_lossy().to_lowercase());
                                    }
                                } else {
                                    names.insert(stem);
                                }
                                names.insert(file);
                            }
                        }
                    }
                }
                names
            })
            .contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, Published) {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "static/images/posts/a.jpg",
            "static/images/posts/photo-1.png",
            "static/other/b.png",
            "content/My Bundle/Pic.JPG",
            "content/My Bundle/index.md",
            "content/posts/x.md",
            "content/posts/_index.md",
            "assets/img/m.png",
        ] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let sources = vec![
            Source {
                dir: dir.path().join("static"),
                prefix: String::new(),
                content: false,
            },
            Source {
                dir: dir.path().join("assets/img"),
                prefix: "img".into(),
                content: false,
            },
            Source {
                dir: dir.path().join("content"),
                prefix: String::new(),
                content: true,
            },
        ];
        (dir, Published::new(sources, false))
    }

    #[test]
    fn lookups() {
        let (_dir, p) = site();
        assert!(p.contains("images/posts/a.jpg"));
        assert!(!p.contains("images/posts/A.jpg"));
        assert!(p.contains("img/m.png"));
        assert!(
            !p.contains("my-bundle/Pic.JPG"),
            "content folders publish page resources, which site::resources models"
        );
        assert_eq!(
            p.case_variant("images/posts/A.JPG").as_deref(),
            Some("images/posts/a.jpg")
        );
        assert_eq!(
            p.nearest("images/posts/photo-2.png").as_deref(),
            Some("images/posts/photo-1.png")
        );
        assert_eq!(p.nearest("images/posts/zzzzzzzz.gif"), None);
    }

    #[test]
    fn stat_first_gives_the_same_answers() {
        let (dir, listed) = site();
        let statted = Published::new(listed.sources.clone(), true);
        for url in [
            "images/posts/a.jpg",
            "images/posts/A.jpg",
            "img/m.png",
            "my-bundle/Pic.JPG",
            "my-bundle/index.md",
            "nope",
        ] {
            assert_eq!(statted.contains(url), listed.contains(url), "{url}");
        }
        drop(dir);
    }

    #[test]
    fn a_page_folder_with_a_space_is_found_after_an_image_lookup_in_it() {
        let (_dir, p) = site();
        // The URL lookup folds the folder to its URL form ("my-bundle");
        // the page lookup after it folds by case only ("my bundle").
        let content = p.sources.iter().find(|s| s.content).unwrap();
        assert!(p
            .resolve(content, "my-bundle/Pic.JPG", Match::Exact)
            .is_some());
        assert!(p.has_page("my bundle"));
        assert!(p.has_page("My Bundle/index.md"));
    }

    #[test]
    fn pages() {
        let (_dir, p) = site();
        assert!(p.has_page("posts/x.md"));
        assert!(p.has_page("posts/x"));
        assert!(p.has_page("POSTS/X"));
        assert!(p.has_page("posts"));
        assert!(p.has_page("my bundle"));
        assert!(!p.has_page("posts/y"));
        assert!(
            p.has_page_named("x.md") && p.has_page_named("my bundle") && !p.has_page_named("nope")
        );
    }
}
