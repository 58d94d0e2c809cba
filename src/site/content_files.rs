//! Which files of a content folder are content (pages) to Hugo, and the content sources as
//! the resource model reads them.

use std::path::{Path, PathBuf};

use super::content_map::PAGE_EXTENSIONS;

use crate::version::{Behaviour, HugoVersion};

/// The Markdown extensions pagelint reads as pages.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdown"];

/// Whether `path` names a Markdown content file, by its extension.
pub fn is_content_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Whether a file name is a page to Hugo `version`: any content format
/// ([`PAGE_EXTENSIONS`]: pagelint lints only Markdown, the others are pages too), its
/// extension in any letter case since 0.123 (`common/paths/pathparser.go` lowercases before
/// it classifies); lowercase only before.
pub fn is_page_name(name: &str, version: HugoVersion) -> bool {
    let Some((_, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if version.has(Behaviour::ContentPathsLowercased) {
        PAGE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
    } else {
        PAGE_EXTENSIONS.contains(&ext)
    }
}

/// A folder mounted into the content tree (one of the content tree's sources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentRoot {
    /// The folder, absolute.
    pub dir: PathBuf,
    /// Where it is mounted in the content tree, without slashes (`sdks/java`), empty for the
    /// root.
    pub target: String,
    /// The languages its files belong to (a file-name suffix such as `a.fr.md` wins); empty
    /// for "the default language".
    pub langs: Vec<String>,
}

/// Which files `version` of Hugo reads as pages that pagelint lints, by name:
/// Markdown files (any case of the extension from 0.123, whose path parser
/// lower-cases paths, 7285e7409), HTML files from 0.162 (which denies them:
/// `hugo-field` reports them); never a name starting with `.` or `#` or ending
/// with `~` (`source/sourceSpec.go` `IgnoreFile`). Mounts and `ignoreFiles` are
/// the content tree's ([`super::ContentTree`]).
#[derive(Debug, Default)]
pub struct ContentFiles {
    any_case: bool,
    html: bool,
}

impl ContentFiles {
    /// The rules of `version`.
    pub fn new(version: HugoVersion) -> Self {
        ContentFiles {
            any_case: version.has(Behaviour::ContentPathsLowercased),
            html: version.has(Behaviour::HtmlContentDenied),
        }
    }

    /// Whether `path` (absolute) is a page pagelint lints.
    pub fn is_page(&self, path: &Path) -> bool {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        if name.starts_with('.') || name.starts_with('#') || name.ends_with('~') {
            return false;
        }
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return false;
        };
        let is = |e: &str| {
            if self.any_case {
                ext.eq_ignore_ascii_case(e)
            } else {
                ext == e
            }
        };
        let markdown = EXTENSIONS.iter().any(|e| is(e));
        let html = self.html && (is("html") || is("htm"));
        markdown || html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_by_release() {
        let new = HugoVersion::minor(160);
        let old = HugoVersion::minor(111);
        assert!(is_page_name("INDEX.MD", new) && !is_page_name("INDEX.MD", old));
        assert!(is_page_name("a.org", old) && !is_page_name("a.png", new));
    }

    #[test]
    fn pages_per_release() {
        let old = ContentFiles::new(HugoVersion::minor(111));
        let new = ContentFiles::new(HugoVersion::LATEST);
        assert!(old.is_page(Path::new("/s/content/a.md")));
        assert!(!old.is_page(Path::new("/s/content/a.MD")));
        assert!(new.is_page(Path::new("/s/content/a.MD")));
        assert!(!old.is_page(Path::new("/s/content/#notes.md")));
        assert!(!new.is_page(Path::new("/s/content/a.md~")));
        assert!(new.is_page(Path::new("/s/content/page.html")));
        assert!(!old.is_page(Path::new("/s/content/page.html")));
    }
}
