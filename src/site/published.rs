//! Every file the site publishes as-is, keyed by its URL path: static files
//! (all static dirs, themes' static dirs, module mounts) and the non-content
//! files of the content dirs (bundle resources, loose section files).
//!
//! Built once per run from one directory walk; an image lookup is a hash
//! lookup, so no image is ever stat'ed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::WalkBuilder;

use crate::walk::is_content_file;

#[derive(Debug, Default)]
pub struct Published {
    /// URL paths without the leading `/`, e.g. `images/posts/a.jpg`.
    urls: HashSet<String>,
    /// Lowercased URL path → the real one, for case-only mismatches.
    lower: HashMap<String, String>,
    /// Directory URL → file names in it, for nearest-name help.
    dirs: HashMap<String, Vec<String>>,
    /// File name → URL paths, for "it exists elsewhere" help.
    names: HashMap<String, Vec<String>>,
    /// The same walk's content pages, for `ref`: lowercased logical paths
    /// (`posts/a.md`, `posts/a`, `posts/b` for a bundle) and base names.
    pages: HashSet<String>,
    page_names: HashSet<String>,
}

/// A folder whose files are published under `prefix`.
pub struct Source {
    pub dir: PathBuf,
    pub prefix: String,
    /// Content folders publish only their non-content files, under page URLs.
    pub content: bool,
}

/// Hugo's URL form of a page path segment: lowercased, spaces as hyphens.
pub fn urlize(segment: &str) -> String {
    segment.to_lowercase().replace(' ', "-")
}

impl Published {
    pub fn build(sources: &[Source], threads: usize) -> Published {
        let found: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let pages: Mutex<Vec<String>> = Mutex::new(Vec::new());
        for source in sources.iter().filter(|s| s.dir.is_dir()) {
            let mut builder = WalkBuilder::new(&source.dir);
            builder
                .standard_filters(false)
                .hidden(true)
                .follow_links(false)
                .threads(threads);
            builder.build_parallel().run(|| {
                let (found, pages) = (&found, &pages);
                Box::new(move |entry| {
                    if let Ok(entry) = entry {
                        if entry.file_type().is_some_and(|t| t.is_file()) {
                            if let Some(url) = url_of(source, entry.path()) {
                                if let Ok(mut v) = found.lock() {
                                    v.push(url);
                                }
                            } else if let Ok(rel) = entry.path().strip_prefix(&source.dir) {
                                if let Ok(mut v) = pages.lock() {
                                    v.push(rel.to_string_lossy().replace('\\', "/"));
                                }
                            }
                        }
                    }
                    ignore::WalkState::Continue
                })
            });
        }
        let mut urls = found.into_inner().unwrap_or_default();
        urls.sort();
        let mut index = Published::default();
        for url in urls {
            index.insert(url);
        }
        for page in pages.into_inner().unwrap_or_default() {
            index.insert_page(&page);
        }
        index
    }

    fn insert(&mut self, url: String) {
        let (dir, name) = url.rsplit_once('/').unwrap_or(("", &url));
        self.dirs
            .entry(dir.to_string())
            .or_default()
            .push(name.to_string());
        self.names
            .entry(name.to_string())
            .or_default()
            .push(url.clone());
        self.lower
            .entry(url.to_lowercase())
            .or_insert_with(|| url.clone());
        self.urls.insert(url);
    }

    fn insert_page(&mut self, rel: &str) {
        let lower = rel.to_lowercase();
        let without_ext = lower
            .rsplit_once('.')
            .map_or(lower.as_str(), |(a, _)| a)
            .to_string();
        let (dir, stem) = without_ext
            .rsplit_once('/')
            .unwrap_or(("", without_ext.as_str()));
        let (dir, stem) = (dir.to_string(), stem.to_string());
        if stem == "index" || stem == "_index" {
            self.pages.insert(dir.clone());
            self.page_names
                .insert(dir.rsplit('/').next().unwrap_or(&dir).to_string());
        } else {
            self.page_names.insert(stem);
        }
        self.page_names
            .insert(lower.rsplit('/').next().unwrap_or(&lower).to_string());
        self.pages.insert(without_ext);
        self.pages.insert(lower);
    }

    /// Whether a content-relative logical path (lowercased, no leading `/`)
    /// names a page: `posts/a.md`, `posts/a`, or a bundle's folder.
    pub fn has_page(&self, path: &str) -> bool {
        self.pages.contains(path)
    }

    /// Whether some page has this base name (`a.md`, `a`, or a bundle's folder name).
    pub fn has_page_named(&self, name: &str) -> bool {
        self.page_names.contains(name)
    }

    pub fn contains(&self, url: &str) -> bool {
        self.urls.contains(url)
    }

    /// The published path that differs from `url` only in letter case.
    pub fn case_variant(&self, url: &str) -> Option<&str> {
        self.lower.get(&url.to_lowercase()).map(String::as_str)
    }

    /// A published file the author probably meant: the same name in another
    /// folder, or a close name in the same folder.
    pub fn nearest(&self, url: &str) -> Option<String> {
        let (dir, name) = url.rsplit_once('/').unwrap_or(("", url));
        if let Some(elsewhere) = self.names.get(name).and_then(|v| v.first()) {
            return Some(elsewhere.clone());
        }
        let siblings = self.dirs.get(dir)?;
        let limit = 3.min(name.chars().count() / 3).max(1);
        let (_, best) = siblings
            .iter()
            .map(|s| (strsim::levenshtein(name, s), s))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)?;
        Some(if dir.is_empty() {
            best.clone()
        } else {
            format!("{dir}/{best}")
        })
    }

    pub fn len(&self) -> usize {
        self.urls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.urls.is_empty()
    }
}

fn url_of(source: &Source, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(&source.dir).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let (name, dirs) = parts.split_last()?;
    if source.content && is_content_file(path) {
        return None;
    }
    let mut url = source.prefix.clone();
    for d in dirs {
        if !url.is_empty() {
            url.push('/');
        }
        url.push_str(&if source.content { urlize(d) } else { d.clone() });
    }
    if !url.is_empty() {
        url.push('/');
    }
    url.push_str(name);
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(urls: &[&str]) -> Published {
        let mut p = Published::default();
        for u in urls {
            p.insert(u.to_string());
        }
        p
    }

    #[test]
    fn lookups() {
        let p = index(&[
            "images/posts/a.jpg",
            "images/posts/photo-1.png",
            "other/b.png",
        ]);
        assert!(p.contains("images/posts/a.jpg"));
        assert_eq!(
            p.case_variant("images/posts/A.JPG"),
            Some("images/posts/a.jpg")
        );
        assert_eq!(p.nearest("images/b.png").as_deref(), Some("other/b.png"));
        assert_eq!(
            p.nearest("images/posts/photo-2.png").as_deref(),
            Some("images/posts/photo-1.png")
        );
        assert_eq!(p.nearest("images/posts/zzzzzzzz.gif"), None);
    }

    #[test]
    fn content_files_publish_under_page_urls() {
        let source = Source {
            dir: "/s/content".into(),
            prefix: String::new(),
            content: true,
        };
        assert_eq!(
            url_of(&source, Path::new("/s/content/My Bundle/Pic.JPG")).as_deref(),
            Some("my-bundle/Pic.JPG")
        );
        assert_eq!(
            url_of(&source, Path::new("/s/content/posts/index.md")),
            None
        );
    }
}
