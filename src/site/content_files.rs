//! Which files of a content folder are content (pages) to Hugo.

use std::path::Path;

/// The Markdown extensions pagelint reads as pages.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "mdown"];

/// Whether `path` names a Markdown content file, by its extension.
pub fn is_content_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}
