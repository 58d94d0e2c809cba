//! A hint of which content file publishes which URL, kept between runs so that one file
//! from an editor or pre-commit finds the page behind a permalink without reading the site.
//!
//! `.pagelint-cache/pages-v1.tsv` at the site root (with a `.gitignore` of `*`, as ruff's
//! cache has): one `URL<TAB>site-relative path` line per page and alias, sorted. It is only
//! ever a hint: a page it names is read and its URL made again before it counts, and a link
//! is called broken only after every page was read. A whole-site run rewrites it.

use std::path::{Path, PathBuf};

use super::facts::PageFacts;

const DIR: &str = ".pagelint-cache";
const FILE: &str = "pages-v1.tsv";

fn file(root: &Path) -> PathBuf {
    root.join(DIR).join(FILE)
}

/// Writes the hint for every page of `pages`; errors are ignored (a read-only site is fine).
pub fn write(root: &Path, pages: &[std::sync::Arc<PageFacts>]) {
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
    let dir = root.join(DIR);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = std::fs::write(dir.join(".gitignore"), "*\n");
    let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    let mut text = lines.join("\n");
    text.push('\n');
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, file(root)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The site-relative paths the hint gives for `url` (a page's and its aliases' owners).
pub fn lookup(root: &Path, url: &str) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(file(root)) else {
        return Vec::new();
    };
    let key = format!("{url}\t");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.partition_point(|l| *l < key.as_str());
    lines[start..]
        .iter()
        .take_while(|l| l.starts_with(&key))
        .map(|l| l[key.len()..].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::urls::PageUrl;
    use std::sync::Arc;

    #[test]
    fn written_then_found() {
        let dir = tempfile::tempdir().unwrap();
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
        write(
            dir.path(),
            &[
                page("content/b.md", "2020/01/b/"),
                page("content/a.md", "a/"),
            ],
        );
        assert_eq!(lookup(dir.path(), "2020/01/b/"), ["content/b.md"]);
        assert!(lookup(dir.path(), "2020/01/").is_empty());
        assert!(dir.path().join(".pagelint-cache/.gitignore").is_file());
    }
}
