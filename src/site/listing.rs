//! One folder's entries, read once and kept compact: a folder of 200,000
//! images costs its names' bytes and a few bytes per name, not an allocation
//! (or three) per name. Case-insensitive and URL-form lookups need extra
//! tables only for the names that change when folded, which on most sites
//! is none of them.

use std::hash::BuildHasher;
use std::path::Path;
use std::sync::OnceLock;

use hashbrown::HashTable;
use rayon::slice::ParallelSliceMut;
use rustc_hash::{FxBuildHasher, FxHashMap};

/// How a name is compared when not compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Lowercased.
    Lower,
    /// Hugo's URL form of a page path segment: lowercased, spaces as hyphens.
    Url,
}

impl Fold {
    pub fn apply(self, name: &str) -> String {
        match self {
            Fold::Lower => name.to_lowercase(),
            Fold::Url => urlize(name),
        }
    }
}

/// Hugo's URL form of a page path segment: sanitised (spaces as hyphens, punctuation
/// dropped) and lowercased ([`super::page_url::sanitize`]).
pub fn urlize(segment: &str) -> String {
    super::page_url::sanitize(segment, false, false)
}

#[derive(Debug, Default)]
pub struct Listing {
    /// Every name, one after another.
    names: String,
    entries: Vec<Entry>,
    /// The entries again, hashed by name: a lookup touches the table and
    /// the name's bytes, nothing else.
    exact: HashTable<Entry>,
    /// For names that their fold changes: folded form → entries, sorted by name.
    lower: OnceLock<FxHashMap<Box<str>, Vec<Entry>>>,
    url: OnceLock<FxHashMap<Box<str>, Vec<Entry>>>,
    /// The files (not folders), sorted by name, for did-you-mean.
    sorted_files: OnceLock<Vec<Entry>>,
}

/// Where a name is in `Listing::names`, and whether it is a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    start: u32,
    len: u16,
    pub is_dir: bool,
}

fn hash(name: &str) -> u64 {
    FxBuildHasher.hash_one(name)
}

/// Whether folding can change `name`; false for the common lowercase ASCII
/// name without a space, decided without building the folded copy.
fn may_fold(name: &str, fold: Fold) -> bool {
    !name.is_ascii()
        || name
            .bytes()
            .any(|b| b.is_ascii_uppercase() || (fold == Fold::Url && !url_safe(b)))
}

/// ASCII bytes that Hugo's sanitising keeps as they are.
fn url_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'#' | b'+' | b'~' | b'-' | b'@')
}

impl Listing {
    /// Reads `dir`; a folder that cannot be read lists as empty.
    pub fn read(dir: &Path) -> Listing {
        let mut listing = Listing::default();
        if let Ok(read) = std::fs::read_dir(dir) {
            for entry in read.flatten() {
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name == ".git" {
                    continue;
                }
                // The folder listing gives the type; only a symlink needs a stat.
                let is_dir = if kind.is_symlink() {
                    entry.path().is_dir()
                } else {
                    kind.is_dir()
                };
                if !listing.push(&name, is_dir) {
                    break;
                }
            }
        }
        listing.index();
        listing
    }

    /// Builds a listing from names, as `read` would from a folder.
    #[cfg(test)]
    pub fn from_names<'a>(entries: impl IntoIterator<Item = (&'a str, bool)>) -> Listing {
        let mut listing = Listing::default();
        for (name, is_dir) in entries {
            listing.push(name, is_dir);
        }
        listing.index();
        listing
    }

    /// False when the names no longer fit 32-bit offsets (4 GiB of names in
    /// one folder): the rest of the folder is left out rather than wrapped.
    /// A name is at most 255 bytes on every file system Hugo runs on; a
    /// longer one (`u16` overflows) is left out.
    fn push(&mut self, name: &str, is_dir: bool) -> bool {
        if self.names.len() + name.len() >= u32::MAX as usize {
            return false;
        }
        let Ok(len) = u16::try_from(name.len()) else {
            return true;
        };
        self.entries.push(Entry {
            start: self.names.len() as u32,
            len,
            is_dir,
        });
        self.names.push_str(name);
        true
    }

    fn index(&mut self) {
        self.names.shrink_to_fit();
        let mut exact = HashTable::with_capacity(self.entries.len());
        for &e in &self.entries {
            let name = self.name(e);
            let h = hash(name);
            // Two entries with one name cannot come from one folder; keep the first.
            if exact.find(h, |&o| self.name(o) == name).is_none() {
                exact.insert_unique(h, e, |&o| hash(self.name(o)));
            }
        }
        self.exact = exact;
    }

    pub fn name(&self, e: Entry) -> &str {
        let start = e.start as usize;
        &self.names[start..start + e.len as usize]
    }

    /// Every entry: its name and whether it is a folder, in listing order.
    pub fn names(&self) -> impl Iterator<Item = (&str, bool)> {
        self.entries.iter().map(|&e| (self.name(e), e.is_dir))
    }

    /// Some(is a folder) when the folder has an entry named exactly `name`.
    pub fn get(&self, name: &str) -> Option<bool> {
        self.find(name).map(|e| e.is_dir)
    }

    fn find(&self, name: &str) -> Option<Entry> {
        self.exact
            .find(hash(name), |&e| self.name(e) == name)
            .copied()
    }

    /// The real names whose fold is `key` (itself folded), sorted.
    pub fn folded(&self, key: &str, fold: Fold) -> Vec<Entry> {
        let changed = match fold {
            Fold::Lower => &self.lower,
            Fold::Url => &self.url,
        };
        let changed = changed.get_or_init(|| {
            let mut map: FxHashMap<Box<str>, Vec<Entry>> = FxHashMap::default();
            for &e in &self.entries {
                let name = self.name(e);
                if !may_fold(name, fold) {
                    continue;
                }
                let folded = fold.apply(name);
                if folded != name {
                    map.entry(folded.into_boxed_str()).or_default().push(e);
                }
            }
            map
        });
        // A name equal to its own fold is found exactly: folding twice changes nothing.
        let mut found: Vec<Entry> = self.find(key).into_iter().collect();
        if let Some(more) = changed.get(key) {
            found.extend(more);
        }
        found.sort_unstable_by(|&a, &b| self.name(a).cmp(self.name(b)));
        found
    }

    /// The first real name (sorted) whose fold is `key` and that is a folder
    /// (`dir`) or a file.
    pub fn folded_entry(&self, key: &str, fold: Fold, dir: bool) -> Option<&str> {
        self.folded(key, fold)
            .into_iter()
            .find(|e| e.is_dir == dir)
            .map(|e| self.name(e))
    }

    /// The file names sorted next to `name`: the candidates for a did-you-mean
    /// (a typo after the first letters keeps a name among its neighbours),
    /// bounded so that a miss in a folder of 100,000 files stays cheap.
    pub fn neighbours(&self, name: &str) -> impl Iterator<Item = &str> {
        let files = self.sorted_files.get_or_init(|| {
            let mut files: Vec<Entry> =
                self.entries.iter().filter(|e| !e.is_dir).copied().collect();
            // On every core: the other workers are waiting for this folder.
            files.par_sort_unstable_by(|&a, &b| self.name(a).cmp(self.name(b)));
            files
        });
        let at = files.partition_point(|&f| self.name(f) < name);
        files[at.saturating_sub(NEIGHBOURS)..(at + NEIGHBOURS).min(files.len())]
            .iter()
            .map(|&e| self.name(e))
    }
}

/// How many sorted names on each side of a missing one a did-you-mean compares.
const NEIGHBOURS: usize = 128;

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Listing {
        Listing::from_names([
            ("a.jpg", false),
            ("A.JPG", false),
            ("Photo.png", false),
            ("My Bundle", true),
            ("my-bundle", false),
            ("posts", true),
            ("ünï.png", false),
        ])
    }

    #[test]
    fn exact_lookups() {
        let l = sample();
        assert_eq!(l.get("a.jpg"), Some(false));
        assert_eq!(l.get("posts"), Some(true));
        assert_eq!(l.get("A.jpg"), None);
        assert_eq!(l.get("ünï.png"), Some(false));
        assert_eq!(l.get(""), None);
    }

    #[test]
    fn folded_lookups_find_every_real_name_sorted() {
        let l = sample();
        let names = |key, fold| -> Vec<&str> {
            l.folded(key, fold).into_iter().map(|e| l.name(e)).collect()
        };
        assert_eq!(names("a.jpg", Fold::Lower), ["A.JPG", "a.jpg"]);
        assert_eq!(names("photo.png", Fold::Lower), ["Photo.png"]);
        assert_eq!(names("my bundle", Fold::Lower), ["My Bundle"]);
        assert_eq!(names("my-bundle", Fold::Url), ["My Bundle", "my-bundle"]);
        assert_eq!(names("my-bundle", Fold::Lower), ["my-bundle"]);
        assert_eq!(
            l.folded_entry("my-bundle", Fold::Url, true),
            Some("My Bundle")
        );
        assert_eq!(
            l.folded_entry("my-bundle", Fold::Url, false),
            Some("my-bundle")
        );
        assert!(names("nope", Fold::Lower).is_empty());
    }

    #[test]
    fn both_folds_of_one_listing_answer_independently() {
        let l = sample();
        // The URL fold built first must not answer the lowercase lookups.
        assert_eq!(
            l.folded_entry("my-bundle", Fold::Url, true),
            Some("My Bundle")
        );
        assert_eq!(
            l.folded_entry("my bundle", Fold::Lower, true),
            Some("My Bundle")
        );
        assert_eq!(l.folded_entry("my bundle", Fold::Url, true), None);
    }

    #[test]
    fn a_name_that_may_not_fold_is_its_own_fold() {
        for name in [
            "a.jpg",
            "photo-1 b.png",
            "ABC.JPG",
            "Ünï",
            "ß",
            "a b",
            "x_Y",
            "",
        ] {
            for fold in [Fold::Lower, Fold::Url] {
                if !may_fold(name, fold) {
                    assert_eq!(fold.apply(name), name, "{name:?} {fold:?}");
                }
            }
        }
        assert!(!may_fold("photo-1.jpg", Fold::Url));
        assert!(may_fold("a b", Fold::Url) && !may_fold("a b", Fold::Lower));
    }

    #[test]
    fn neighbours_are_sorted_files_around_the_name() {
        let names: Vec<String> = (0..1000).map(|i| format!("img-{i:04}.png")).collect();
        let l = Listing::from_names(names.iter().map(|n| (n.as_str(), false)));
        let near: Vec<&str> = l.neighbours("img-0500.pnx").collect();
        assert_eq!(near.len(), 2 * NEIGHBOURS);
        assert!(near.contains(&"img-0500.png"));
        assert!(near.windows(2).all(|w| w[0] < w[1]));
        assert!(!sample()
            .neighbours("posts")
            .any(|n| n == "posts" || n == "My Bundle"));
    }
}
