//! Finding the content files to check: a parallel, gitignore-aware walk.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::site::Site;

/// What to walk for a folder argument: inside the site's content folders only,
/// unless the folder has nothing to do with them.
fn roots_for(site: &Site, dir: &Path) -> Vec<PathBuf> {
    let content = site.content_dirs();
    if content.iter().any(|c| dir.starts_with(c)) {
        return vec![dir.to_path_buf()];
    }
    let inside: Vec<PathBuf> = content.into_iter().filter(|c| c.starts_with(dir)).collect();
    if inside.is_empty() {
        vec![dir.to_path_buf()]
    } else {
        inside
    }
}

/// Whether `path` is a content file of the site: what a walk would find.
/// With `--force-exclude` (pre-commit passes every staged Markdown file),
/// a README or an archetype outside the content folders is skipped.
fn in_content(site: &Site, path: &Path) -> bool {
    site.content_files().is_page(path) && is_linted_page(site, path)
}

/// Whether a Markdown file found under a content folder is one Hugo reads as a page of the
/// project: some project content mount holds it and lets it through its `files` filter, it
/// is not matched by `ignoreFiles` and has no disabled language's suffix. (A file another
/// mount shadows in every language is still linted: its author may mean to publish it.)
fn is_linted_page(site: &Site, path: &Path) -> bool {
    site.content.holds(&site.root.join(path))
}

fn excluded(site: &Site, path: &Path) -> bool {
    site.relative(path)
        .is_some_and(|rel| site.config.exclude.is_match(&rel))
}

/// Why `--force-exclude` skips an explicit file: the config excludes it, or
/// it is not a content file of the site. None when it is checked.
pub fn force_excluded(site: &Site, path: &Path) -> Option<&'static str> {
    if excluded(site, path) {
        Some("`exclude` in pagelint.toml matches it")
    } else if !in_content(site, path) {
        Some("not a content file of the site")
    } else {
        None
    }
}

/// The content files under `paths` (absolute), or the whole site's content
/// when `paths` is empty; sorted, without duplicates. Explicit files are kept
/// even when excluded, unless `force_exclude`.
pub fn collect(
    site: &Site,
    paths: &[PathBuf],
    force_exclude: bool,
    threads: usize,
) -> Vec<PathBuf> {
    collect_noting(site, paths, force_exclude, threads, &mut Vec::new())
}

/// [`collect`], and the explicit files `force_exclude` skipped, with why.
pub fn collect_noting(
    site: &Site,
    paths: &[PathBuf],
    force_exclude: bool,
    threads: usize,
    skipped: &mut Vec<(PathBuf, &'static str)>,
) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    let mut files = Vec::new();
    if paths.is_empty() {
        roots = site.content_dirs();
    }
    for p in paths {
        if p.is_dir() {
            roots.extend(roots_for(site, p));
        } else {
            match force_excluded(site, p).filter(|_| force_exclude) {
                Some(why) => skipped.push((p.clone(), why)),
                None => files.push(p.clone()),
            }
        }
    }
    if !roots.is_empty() {
        files.extend(walk(site, &roots, threads));
    }
    // By bytes: comparing paths component by component was a visible cost at 50,000 files.
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    files.dedup();
    files
}

fn walk(site: &Site, roots: &[PathBuf], threads: usize) -> Vec<PathBuf> {
    let mut builder = WalkBuilder::new(&roots[0]);
    for r in &roots[1..] {
        builder.add(r);
    }
    builder
        .require_git(false)
        .follow_links(false)
        .threads(threads);
    let found = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return WalkState::Continue;
            };
            let path = entry.path();
            // Anything with a content name that is not a folder goes to the engine,
            // which skips (with a warning) pipes, devices and symlinks out of the site.
            let is_file = entry.file_type().is_some_and(|t| !t.is_dir());
            if is_file
                && site.content_files().is_page(path)
                && !excluded(site, path)
                && is_linted_page(site, path)
            {
                if let Ok(mut v) = found.lock() {
                    v.push(path.to_path_buf());
                }
            } else if entry.file_type().is_some_and(|t| t.is_dir())
                && entry.depth() > 0
                && excluded(site, path)
            {
                return WalkState::Skip;
            }
            WalkState::Continue
        })
    });
    found.into_inner().unwrap_or_default()
}
