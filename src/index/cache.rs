//! A hint of which content file publishes which URL, kept between runs so that one file
//! from an editor or pre-commit finds the page behind a permalink without reading the site.
//!
//! `pagelint/pages-v1-HASH.tsv` in the user's cache folder (`$PAGELINT_CACHE_DIR`, else
//! `$XDG_CACHE_HOME`, else `~/.cache`; HASH names the site's root), never in the site: one
//! `URL<TAB>site-relative path` line per page and alias, sorted. It is only ever a hint: a
//! page it names is read and its URL made again before it counts, and a link is called
//! broken only after every page was read. A whole-site run rewrites it.

use std::path::{Path, PathBuf};

use super::facts::PageFacts;

/// The cache folder, if the environment names one.
fn dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("PAGELINT_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("pagelint")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("pagelint")))
}

/// The hint's file for the site at `root`, in the cache folder `dir`.
fn file_in(dir: &Path, root: &Path) -> PathBuf {
    use std::hash::BuildHasher;
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = rustc_hash::FxBuildHasher.hash_one(root.as_os_str());
    dir.join(format!("pages-v1-{hash:016x}.tsv"))
}

/// Writes the hint for every page of `pages` in the user's cache folder; errors are
/// ignored (no cache folder is fine).
pub fn write(root: &Path, pages: &[std::sync::Arc<PageFacts>]) {
    if let Some(dir) = dir() {
        write_in(&dir, root, pages);
    }
}

/// The hint of the site at `root`, read once per run: empty when there is none.
pub fn load(root: &Path) -> String {
    dir()
        .and_then(|dir| std::fs::read_to_string(file_in(&dir, root)).ok())
        .unwrap_or_default()
}

/// The site-relative paths that the hint `text` gives for `url` (the owners of a page or
/// alias there), by a binary search of its sorted lines.
pub fn find<'t>(text: &'t str, url: &str) -> Vec<&'t str> {
    let key = format!("{url}\t");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.partition_point(|l| *l < key.as_str());
    lines[start..]
        .iter()
        .take_while(|l| l.starts_with(&key))
        .map(|l| &l[key.len()..])
        .collect()
}

fn write_in(dir: &Path, root: &Path, pages: &[std::sync::Arc<PageFacts>]) {
    let mut lines: Vec<String> = Vec::new();
    for p in pages {
        if let Some(u) = &p.url {
            lines.push(format!("{}\t{}", u.path, p.rel_path));
        }
        for (a, _) in &p.aliases {
            lines.push(format!("{a}\t{}", p.rel_path));
        }
    }
    lines.retain(|l| !l.contains('\n'));
    lines.sort();
    let file = file_in(dir, root);
    if file
        .parent()
        .is_none_or(|d| std::fs::create_dir_all(d).is_err())
    {
        return;
    }
    let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
    let mut text = lines.join("\n");
    text.push('\n');
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &file).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::urls::PageUrl;
    use std::sync::Arc;

    #[test]
    fn written_then_found() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let page = |rel: &str, url: &str| {
            Arc::new(PageFacts {
                rel_path: rel.into(),
                url: Some(PageUrl {
                    path: url.into(),
                    set_at: None,
                }),
                ..PageFacts::default()
            })
        };
        write_in(
            cache.path(),
            dir.path(),
            &[
                page("content/b.md", "2020/01/b/"),
                page("content/a.md", "a/"),
            ],
        );
        let text = std::fs::read_to_string(file_in(cache.path(), dir.path())).unwrap();
        assert_eq!(find(&text, "2020/01/b/"), ["content/b.md"]);
        assert!(find(&text, "2020/01/").is_empty());
        assert!(!dir.path().join(".pagelint-cache").exists());
    }
}
