//! The content tree of each language, as Hugo assembles it from its content mounts: which
//! files on disk are pages of which language and at which logical path, and which file a
//! logical path of a language names.
//!
//! Hugo: `hugolib/filesystems/basefs.go` `createOverlayFs` (one overlay of mount targets;
//! the first mount that has a file wins), `hugofs/component_fs.go` (a file's languages: its
//! mount's, replaced by a configured language in its name, `a.fr.md`; of two files with the
//! same base path in a language, the earlier mount's wins), `common/paths/pathparser.go`
//! (a page's base path: lowercased, spaces as hyphens, no extension, no language, no
//! trailing `index`/`_index`).
//!
//! Nothing is read up front: folders are listed on first use, each once per run, so a single
//! file from an editor reads only the folders its own questions need.

use std::path::{Component as PathPart, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::languages::Languages;
use super::mounts::FileFilter;

/// The extensions of Hugo's content formats (Markdown, HTML, AsciiDoc, Pandoc, reStructuredText,
/// Org): a file with one of them is a page, whether or not pagelint lints it.
pub const PAGE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mdown", "html", "htm", "adoc", "asciidoc", "ad", "pandoc", "pdc", "rst",
    "org",
];

/// A folder (or single file) Hugo mounts into the content tree.
#[derive(Debug, Clone)]
pub struct ContentSource {
    /// Absolute path on disk, lexically normalised; a folder, or one file.
    pub dir: PathBuf,
    /// Whether `dir` is a single file mounted at `target`.
    pub is_file: bool,
    /// Where it sits in the content tree: `docs` for a mount target `content/docs`, empty for
    /// the root; for a single file, its logical file path.
    pub target: String,
    /// The enabled languages its files belong to; None when the mount names none (its files
    /// are in the default language unless their name says otherwise).
    pub langs: Option<Vec<String>>,
    /// The mount's `files` patterns.
    pub filter: FileFilter,
    /// The theme or module it comes from (index into the site's components); None for the
    /// project.
    pub component: Option<usize>,
}

impl ContentSource {
    /// Whether a file without a language in its name belongs to `lang` through this source.
    fn holds_unmarked(&self, lang: &str, languages: &Languages) -> bool {
        match &self.langs {
            Some(langs) => langs.iter().any(|l| l == lang),
            None => lang == languages.default,
        }
    }
}

/// One place of a content file in a language's content tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The language (lowercase key).
    pub lang: String,
    /// The file's path inside the content tree, `/`-separated, no leading `/`, names as on disk
    /// (`docs/Getting Started.fr.md`).
    pub logical: String,
    /// Index of the source it comes through.
    pub source: usize,
}

/// Where a content file is a page: one placement per language (and per mount that brings it
/// in); empty when Hugo does not read it as content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentFile {
    /// Its placements: in source order, then language order.
    pub placements: Vec<Placement>,
}

impl ContentFile {
    /// The first placement: the file's path in its first language's tree.
    pub fn primary(&self) -> Option<&Placement> {
        self.placements.first()
    }

    /// The languages the file is placed in, without repeats, in order.
    pub fn langs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.placements {
            if !out.contains(&p.lang.as_str()) {
                out.push(&p.lang);
            }
        }
        out
    }
}

/// A page file found for a base path in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    /// The file on disk (absolute).
    pub path: PathBuf,
    /// Its placement in the language.
    pub placement: Placement,
}

/// Hugo's normalised form of a path or name: lowercased, spaces as hyphens
/// (`paths.NormalizePathStringBasic`).
pub fn normalize(s: &str) -> String {
    s.to_lowercase().replace(' ', "-")
}

/// The extension of a file name, if it is a content format's.
pub fn page_ext(name: &str) -> Option<&str> {
    let (_, ext) = name.rsplit_once('.')?;
    PAGE_EXTENSIONS
        .iter()
        .any(|e| e.eq_ignore_ascii_case(ext))
        .then_some(ext)
}

/// A content file name split as Hugo's path parser does: (name without extension and
/// language, the language if `langs` knows the suffix). `a.fr.md` → (`a`, `fr`); `a.md` →
/// (`a`, None); `a.de.md` with no `de` configured → (`a.de`, None).
pub fn split_name<'a>(name: &'a str, langs: &Languages) -> (&'a str, Option<String>) {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if let Some((base, lang)) = stem.rsplit_once('.') {
        let l = lang.to_lowercase();
        if langs.is_enabled(&l) || langs.disabled.contains(&l) {
            return (base, Some(l));
        }
    }
    (stem, None)
}

/// The base path of a logical content file path, as Hugo keys its pages: `/docs/install` for
/// `docs/Install.fr.md`, `/posts/first` for `posts/first/index.md`, `/docs` for
/// `docs/_index.md`, and the empty string for the home page.
pub fn base_path(logical: &str, langs: &Languages) -> String {
    let (dir, file) = logical.rsplit_once('/').unwrap_or(("", logical));
    let (name, _) = split_name(file, langs);
    let mut out = String::new();
    for seg in dir.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        out.push_str(&normalize(seg));
    }
    let lname = name.to_lowercase();
    if lname != "index" && lname != "_index" {
        out.push('/');
        out.push_str(&normalize(name));
    }
    out
}

/// Lexically normalises an absolute path: `.` dropped, `..` resolved.
pub fn normalize_path(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in p.components() {
        match part {
            PathPart::CurDir => {}
            PathPart::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A folder's entries, read once.
#[derive(Debug, Default)]
struct DirList {
    /// (name, is a folder).
    entries: Vec<(String, bool)>,
    /// Normalised name → indices into `entries`.
    by_norm: FxHashMap<String, Vec<usize>>,
    /// For content files: the normalised name without extension and language (`index`,
    /// `_index`, `my-post`) → indices into `entries`.
    pages: FxHashMap<String, Vec<usize>>,
}

impl DirList {
    fn read(dir: &Path, langs: &Languages) -> DirList {
        let mut list = DirList::default();
        let Ok(read) = std::fs::read_dir(dir) else {
            return list;
        };
        for e in read.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir())
                || (e.file_type().is_ok_and(|t| t.is_symlink()) && e.path().is_dir());
            list.entries.push((name, is_dir));
        }
        list.entries.sort();
        for (i, (name, is_dir)) in list.entries.iter().enumerate() {
            list.by_norm.entry(normalize(name)).or_default().push(i);
            if !is_dir && page_ext(name).is_some() {
                let stem = normalize(split_name(name, langs).0);
                list.pages.entry(stem).or_default().push(i);
            }
        }
        list
    }

    /// The content files whose normalised stem (no extension, no language) is `stem`.
    fn pages_named(&self, stem: &str) -> impl Iterator<Item = &str> {
        self.pages
            .get(stem)
            .into_iter()
            .flatten()
            .map(|&i| self.entries[i].0.as_str())
    }

    /// The real names whose normalised form is `norm`, folders or files.
    fn named(&self, norm: &str, dir: bool) -> impl Iterator<Item = &str> {
        self.by_norm
            .get(norm)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
            .filter(move |(_, d)| *d == dir)
            .map(|(n, _)| n.as_str())
    }
}

/// Every page of a language by its base name (`BaseNameNoIdentifier`): the base paths with
/// that name, for Hugo's lookup of a ref by name alone.
type NameIndex = FxHashMap<String, FxHashMap<String, Vec<String>>>;

/// The content trees of all languages.
#[derive(Debug, Default)]
pub struct ContentTree {
    sources: Vec<ContentSource>,
    languages: Languages,
    ignore: Vec<Regex>,
    dirs: Mutex<FxHashMap<PathBuf, Arc<DirList>>>,
    names: OnceLock<NameIndex>,
    /// [`ContentTree::file`]'s answers, by normalised absolute path.
    files: Mutex<FxHashMap<PathBuf, Option<ContentFile>>>,
}

impl ContentTree {
    /// A content tree of these sources (in priority order) for these languages; files whose
    /// absolute path matches an `ignore` pattern (`ignoreFiles`) are no content.
    pub fn new(sources: Vec<ContentSource>, languages: Languages, ignore: Vec<Regex>) -> Self {
        ContentTree {
            sources,
            languages,
            ignore,
            ..ContentTree::default()
        }
    }

    /// The content sources, in priority order.
    pub fn sources(&self) -> &[ContentSource] {
        &self.sources
    }

    /// The languages the tree was built for.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    /// The project's own content folders and files that exist (not themes' or modules'),
    /// without repeats: what a whole-site run walks.
    pub fn project_roots(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        for s in self.sources.iter().filter(|s| s.component.is_none()) {
            if s.dir.exists() && !out.contains(&s.dir) {
                out.push(s.dir.clone());
            }
        }
        out
    }

    fn list(&self, dir: &Path) -> Arc<DirList> {
        if let Some(l) = self.dirs.lock().unwrap_or_else(|e| e.into_inner()).get(dir) {
            return l.clone();
        }
        let listed = Arc::new(DirList::read(dir, &self.languages));
        self.dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(dir.to_path_buf())
            .or_insert(listed)
            .clone()
    }

    /// Where the content file at `abs` is a page: for each source that holds it and lets it
    /// through its filter, the languages its name or its mount gives it. A file that another
    /// file shadows in a language (an earlier mount has a file with the same base path) is
    /// not placed there. None when no source holds it or it is not a content format.
    pub fn file(&self, abs: &Path) -> Option<ContentFile> {
        let abs = normalize_path(abs);
        let cache = &self.files;
        if let Some(f) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&abs) {
            return f.clone();
        }
        let f = self.place(&abs);
        cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(abs, f.clone());
        f
    }

    /// Whether Hugo reads the file at `abs` as content through some source (its `files`
    /// filter lets it in, it is not [`excluded`](ContentTree::excluded)), in whichever
    /// languages: what a walk lints. Cheaper than [`ContentTree::file`]: no shadowing check.
    pub fn holds(&self, abs: &Path) -> bool {
        let abs = normalize_path(abs);
        abs.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| page_ext(n).is_some())
            && !self.excluded(&abs)
            && self
                .sources
                .iter()
                .any(|s| self.logical_in(s, &abs).is_some())
    }

    fn place(&self, abs: &Path) -> Option<ContentFile> {
        let abs = abs.to_path_buf();
        let name = abs.file_name()?.to_str()?;
        page_ext(name)?;
        if self.excluded(&abs) {
            return Some(ContentFile::default());
        }
        let (_, suffix) = split_name(name, &self.languages);
        let mut held = false;
        let mut placements = Vec::new();
        for (i, s) in self.sources.iter().enumerate() {
            let Some(logical) = self.logical_in(s, &abs) else {
                continue;
            };
            held = true;
            for lang in self.languages.keys() {
                let fits = match &suffix {
                    Some(l) => l == lang,
                    None => s.holds_unmarked(lang, &self.languages),
                };
                if fits && self.wins(lang, i, &logical, &abs) {
                    placements.push(Placement {
                        lang: lang.to_string(),
                        logical: logical.clone(),
                        source: i,
                    });
                }
            }
        }
        held.then_some(ContentFile { placements })
    }

    /// Whether Hugo skips the file at `abs` whatever mounts it: a name starting with `#`, a
    /// match of `ignoreFiles`, or the suffix of a disabled language (`a.fr.md` with `fr`
    /// disabled).
    pub fn excluded(&self, abs: &Path) -> bool {
        let Some(name) = abs.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        if name.starts_with('#') {
            return true;
        }
        let (_, suffix) = split_name(name, &self.languages);
        if suffix
            .as_ref()
            .is_some_and(|l| self.languages.disabled.contains(l))
        {
            return true;
        }
        if self.ignore.is_empty() {
            return false;
        }
        let s = abs.to_string_lossy();
        self.ignore.iter().any(|r| r.is_match(&s))
    }

    /// The file's logical path through source `s`, if `s` holds it and its filter lets it in.
    fn logical_in(&self, s: &ContentSource, abs: &Path) -> Option<String> {
        if s.is_file {
            return (abs == s.dir).then(|| s.target.clone());
        }
        let rest = abs.strip_prefix(&s.dir).ok()?;
        let rel: Vec<String> = rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        if rel.is_empty() || !s.filter.includes(&rel) {
            return None;
        }
        Some(if s.target.is_empty() {
            rel
        } else {
            format!("{}/{rel}", s.target)
        })
    }

    /// Whether the file `abs` at `logical` through source `i` is the page of its base path in
    /// `lang`, i.e. no earlier source has a file with that base path there.
    fn wins(&self, lang: &str, i: usize, logical: &str, abs: &Path) -> bool {
        if i == 0 || self.sources.len() < 2 {
            return true;
        }
        let base = base_path(logical, &self.languages);
        match self.page_in(lang, &base, &self.sources[..i]) {
            Some(found) => found.path == abs,
            None => true,
        }
    }

    /// The page of base path `base` (`/docs/install`, empty for home) in `lang`: the first
    /// source (in priority order) with a bundle (`index.*`, `_index.*`) or a page file of that
    /// name. None when no file has it (a root section without `_index.*` included: see
    /// [`ContentTree::has_section`]).
    pub fn page(&self, lang: &str, base: &str) -> Option<PageFile> {
        self.page_in(lang, base, &self.sources)
    }

    fn page_in(&self, lang: &str, base: &str, sources: &[ContentSource]) -> Option<PageFile> {
        let segs: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
        for (i, s) in sources.iter().enumerate() {
            if s.is_file {
                let file = s.target.rsplit('/').next().unwrap_or("");
                if self.fits(s, file, lang) && base_path(&s.target, &self.languages) == base {
                    return Some(self.found(s.dir.clone(), lang, s.target.clone(), i));
                }
                continue;
            }
            let Some(rest) = below_target(s, &segs) else {
                continue;
            };
            // A bundle: the folder `rest` with an index file.
            for dir in self.walk_dirs(&s.dir, rest) {
                if let Some(f) = self.index_in(s, &dir.0, lang) {
                    let logical = join_logical(&s.target, &dir.1, &f);
                    if s.filter.includes(&join_logical("", &dir.1, &f)) {
                        return Some(self.found(dir.0.join(&f), lang, logical, i));
                    }
                }
            }
            // A page file: `name.ext` in the parent folder.
            let Some((last, parent)) = rest.split_last() else {
                continue;
            };
            if *last == "index" || *last == "_index" {
                continue;
            }
            for dir in self.walk_dirs(&s.dir, parent) {
                let list = self.list(&dir.0);
                for name in list.pages_named(last) {
                    if self.fits(s, name, lang) {
                        let rel = join_logical("", &dir.1, name);
                        if s.filter.includes(&rel) {
                            let logical = join_logical(&s.target, &dir.1, name);
                            return Some(self.found(dir.0.join(name), lang, logical, i));
                        }
                    }
                }
            }
        }
        None
    }

    fn found(&self, path: PathBuf, lang: &str, logical: String, source: usize) -> PageFile {
        PageFile {
            path,
            placement: Placement {
                lang: lang.to_string(),
                logical,
                source,
            },
        }
    }

    /// The `index.*` or `_index.*` of `dir` for `lang` (a bundle's page), if any: a name with
    /// the language suffix first.
    fn index_in(&self, s: &ContentSource, dir: &Path, lang: &str) -> Option<String> {
        let list = self.list(dir);
        let mut unmarked = None;
        for name in list.pages_named("index").chain(list.pages_named("_index")) {
            match split_name(name, &self.languages).1 {
                Some(l) if l == lang => return Some(name.to_string()),
                None if s.holds_unmarked(lang, &self.languages) => {
                    unmarked.get_or_insert_with(|| name.to_string());
                }
                _ => {}
            }
        }
        unmarked
    }

    /// The real folders below `root` whose normalised names are `segs`, with their real
    /// relative paths (several when names differ only in case or spaces).
    fn walk_dirs(&self, root: &Path, segs: &[&str]) -> Vec<(PathBuf, String)> {
        let mut current = vec![(root.to_path_buf(), String::new())];
        for seg in segs {
            let mut next = Vec::new();
            for (dir, rel) in &current {
                let list = self.list(dir);
                for name in list.named(seg, true) {
                    let rel = if rel.is_empty() {
                        name.to_string()
                    } else {
                        format!("{rel}/{name}")
                    };
                    next.push((dir.join(name), rel));
                }
            }
            if next.is_empty() {
                return next;
            }
            current = next;
        }
        current
    }

    /// Whether a content file named `name` reaches `lang` through source `s`: its language
    /// suffix names `lang`, or it has none and the source holds `lang`'s unmarked files.
    fn fits(&self, s: &ContentSource, name: &str, lang: &str) -> bool {
        match split_name(name, &self.languages).1 {
            Some(l) => l == lang,
            None => s.holds_unmarked(lang, &self.languages),
        }
    }

    /// Whether `name` (normalised) is a root section of `lang`: a top folder of the content
    /// tree that holds at least one page of the language, with or without an `_index.*`
    /// (Hugo creates the missing section page). Stops at the first page found.
    pub fn has_section(&self, lang: &str, name: &str) -> bool {
        for s in &self.sources {
            let first = s.target.split('/').find(|x| !x.is_empty()).map(normalize);
            if let Some(first) = first {
                if first == name && (s.is_file || self.has_page_below(s, &s.dir, lang)) {
                    return true;
                }
                continue;
            }
            for (dir, _) in self.walk_dirs(&s.dir, &[name]) {
                if self.has_page_below(s, &dir, lang) {
                    return true;
                }
            }
        }
        false
    }

    fn has_page_below(&self, s: &ContentSource, dir: &Path, lang: &str) -> bool {
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let list = self.list(&d);
            for (name, is_dir) in &list.entries {
                if *is_dir {
                    stack.push(d.join(name));
                } else if page_ext(name).is_some() && self.fits(s, name, lang) {
                    return true;
                }
            }
        }
        false
    }

    /// The base paths of the pages of `lang` whose base name (a bundle's folder name, else the
    /// file name without extension and language) is `name` (normalised). Walks every source
    /// once, on first use.
    pub fn pages_named(&self, lang: &str, name: &str) -> Vec<String> {
        self.names(lang)
            .and_then(|n| n.get(name))
            .cloned()
            .unwrap_or_default()
    }

    fn names(&self, lang: &str) -> Option<&FxHashMap<String, Vec<String>>> {
        self.names.get_or_init(|| self.build_names()).get(lang)
    }

    fn build_names(&self) -> NameIndex {
        let mut index: NameIndex = FxHashMap::default();
        let mut seen: FxHashSet<PathBuf> = FxHashSet::default();
        for s in &self.sources {
            let mut stack = vec![s.dir.clone()];
            while let Some(p) = stack.pop() {
                if !s.is_file && p.is_dir() {
                    let list = self.list(&p);
                    stack.extend(list.entries.iter().map(|(n, _)| p.join(n)));
                    continue;
                }
                if !seen.insert(p.clone()) {
                    continue;
                }
                let Some(file) = self.file(&p) else { continue };
                for pl in file.placements {
                    let base = base_path(&pl.logical, &self.languages);
                    let name = base.rsplit('/').next().unwrap_or("").to_string();
                    let by_name = index.entry(pl.lang).or_default();
                    let bases = by_name.entry(name).or_default();
                    if !bases.contains(&base) {
                        bases.push(base.clone());
                    }
                    if let Some(sec) = first_seg(&base) {
                        let sec_base = format!("/{sec}");
                        let bases = by_name.entry(sec.to_string()).or_default();
                        if !bases.contains(&sec_base) {
                            bases.push(sec_base);
                        }
                    }
                }
            }
        }
        index
    }

    /// What a logical path of `lang`'s content tree (a folder or a file, `/`-separated, no
    /// leading `/`, compared in Hugo's normalised form) names on disk: the folders and files
    /// of every source that covers it, in priority order.
    pub fn content_lookup(&self, lang: &str, logical: &str) -> Vec<PathBuf> {
        let segs: Vec<String> = logical
            .split('/')
            .filter(|s| !s.is_empty())
            .map(normalize)
            .collect();
        let mut out = Vec::new();
        for s in &self.sources {
            if s.langs
                .as_ref()
                .is_some_and(|l| !l.iter().any(|x| x == lang))
            {
                continue;
            }
            if s.is_file {
                if base_path(&s.target, &self.languages) == base_path(logical, &self.languages) {
                    out.push(s.dir.clone());
                }
                continue;
            }
            let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
            let Some(rest) = below_target(s, &segs) else {
                continue;
            };
            if let Some((last, parent)) = rest.split_last() {
                for (dir, _) in self.walk_dirs(&s.dir, parent) {
                    let list = self.list(&dir);
                    for is_dir in [true, false] {
                        out.extend(list.named(last, is_dir).map(|n| dir.join(n)));
                    }
                }
            } else {
                out.push(s.dir.clone());
            }
        }
        out
    }
}

/// The segments of a normalised logical path below a source's target, when the target
/// covers it.
fn below_target<'a, 'b>(s: &ContentSource, segs: &'b [&'a str]) -> Option<&'b [&'a str]> {
    let mut rest = segs;
    for t in s.target.split('/').filter(|x| !x.is_empty()) {
        let (first, tail) = rest.split_first()?;
        if *first != normalize(t) {
            return None;
        }
        rest = tail;
    }
    Some(rest)
}

fn first_seg(base: &str) -> Option<&str> {
    base.trim_start_matches('/')
        .split('/')
        .next()
        .filter(|s| !s.is_empty())
}

fn join_logical(target: &str, rel_dir: &str, name: &str) -> String {
    [target, rel_dir, name]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
#[path = "content_map_tests.rs"]
mod tests;
