//! The documents the editor has open: their text as the editor holds it
//! (not as the disk has it), kept current by full or incremental changes.

use std::path::PathBuf;

use ls_types::{TextDocumentContentChangeEvent, Uri};

use super::position::{Encoding, Text};
use crate::source::LineIndex;

#[derive(Debug)]
pub struct OpenDocument {
    /// The file the document is, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub version: i32,
    pub text: String,
}

/// The local path of a `file:` URI.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.scheme().as_str();
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    let path = uri.to_file_path()?.into_owned();
    path.is_absolute().then_some(path)
}

impl OpenDocument {
    pub fn new(uri: &Uri, version: i32, text: String) -> Self {
        OpenDocument {
            path: path_of(uri),
            version,
            text,
        }
    }

    /// Applies one change: the whole text, or a range replaced (ranges in
    /// `encoding`, against the text as the previous changes left it).
    pub fn apply(&mut self, change: TextDocumentContentChangeEvent, encoding: Encoding) {
        match change.range {
            None => self.text = change.text,
            Some(range) => {
                let lines = LineIndex::new(&self.text);
                let span = Text::new(&self.text, &lines, encoding).span(range);
                self.text.replace_range(span, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ls_types::{Position, Range};
    use std::str::FromStr;

    #[test]
    fn incremental_changes_in_utf16() {
        let uri = Uri::from_str("file:///site/content/a.md").unwrap();
        let mut doc = OpenDocument::new(&uri, 1, "a😀b\r\nc\n".into());
        assert_eq!(
            doc.path.as_deref(),
            Some(std::path::Path::new("/site/content/a.md"))
        );
        doc.apply(
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 3), Position::new(1, 0))),
                range_length: None,
                text: "B ".into(),
            },
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "a😀B c\n");
        doc.apply(
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            },
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "new");
    }

    #[test]
    fn only_file_uris_have_paths() {
        let uri = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(path_of(&uri), None);
        let spaced = Uri::from_str("file:///a%20b/c.md").unwrap();
        assert_eq!(
            path_of(&spaced).as_deref(),
            Some(std::path::Path::new("/a b/c.md"))
        );
    }
}
