//! A content file parsed once: its text, its front matter tree and, on first
//! use, the shortcodes, images, links and ids of its body. Every rule reads this.

use std::sync::OnceLock;

use crate::body::{self, Anchors, IdSettings, Image, Link, Shortcodes};
use crate::frontmatter::{self, FrontMatter, Node, Split};
use crate::source::LineIndex;
use crate::version::HugoVersion;

/// One content file: its text, where its front matter and body are, and the
/// parts of the body rules ask for, each parsed once on first use.
#[derive(Debug)]
pub struct Document {
    /// Path relative to the site root with `/` separators; schemas match against it.
    pub rel_path: String,
    /// The whole file as UTF-8, BOM included. Invalid UTF-8 is replaced with
    /// U+FFFD; empty for a UTF-16 or binary file. Every span indexes this.
    pub text: String,
    /// Where the front matter and the body are; no front matter and an empty
    /// body when the file is [`unreadable`](Self::unreadable).
    pub split: Split,
    /// Why the bytes are not a text Hugo can read, if they are not.
    pub unreadable: Option<Unreadable>,
    /// The Hugo release whose behaviour applies: the run's `Site::version`.
    pub version: HugoVersion,
    lines: OnceLock<LineIndex>,
    shortcodes: OnceLock<Shortcodes>,
    images: OnceLock<Vec<Image>>,
    scanned: OnceLock<(Vec<Link>, Anchors)>,
}

/// Why a file's bytes are not text Hugo can read (the `file-encoding` rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// Starts with a UTF-16 byte order mark (`FF FE` or `FE FF`).
    Utf16,
    /// A NUL byte in the first 8 KiB, of which over a tenth are control bytes
    /// other than `\t`, `\n`, `\v`, `\f` and `\r`.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

impl Document {
    /// Decodes `bytes` and splits off the front matter as `version` of Hugo
    /// would. Never fails: bytes that are not text give a document with
    /// [`unreadable`](Self::unreadable) set.
    pub fn parse(rel_path: String, bytes: Vec<u8>, version: HugoVersion) -> Document {
        let (text, unreadable) = decode(bytes);
        let split = if unreadable.is_some() {
            Split {
                front_matter: None,
                body: 0..0,
                demoted: None,
            }
        } else {
            frontmatter::split(&text, version)
        };
        Document {
            rel_path,
            text,
            split,
            unreadable,
            version,
            lines: OnceLock::new(),
            shortcodes: OnceLock::new(),
            images: OnceLock::new(),
            scanned: OnceLock::new(),
        }
    }

    /// The front matter block, parsed or not; None when the file has none.
    pub fn front_matter(&self) -> Option<&FrontMatter> {
        self.split.front_matter.as_ref()
    }

    /// The front matter tree, when there is one and it parsed.
    pub fn tree(&self) -> Option<&Node> {
        self.front_matter().and_then(|fm| fm.tree.as_ref().ok())
    }

    /// The content after the front matter (the whole text when there is none).
    pub fn body(&self) -> &str {
        &self.text[self.split.body.clone()]
    }

    /// The line index of [`text`](Self::text), built on first use.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The text and its line index, computed now if no rule needed it.
    pub fn into_text_and_lines(self) -> (String, LineIndex) {
        let lines = match self.lines.into_inner() {
            Some(lines) => lines,
            None => LineIndex::new(&self.text),
        };
        (self.text, lines)
    }

    /// The body's shortcode tags and lexer errors, lexed on first use as
    /// Hugo's page lexer would (`parser/pageparser/pagelexer_shortcode.go`);
    /// spans are file offsets.
    pub fn shortcodes(&self) -> &Shortcodes {
        self.shortcodes
            .get_or_init(|| body::shortcodes(self.body(), self.split.body.start, self.version))
    }

    /// The body's images (Markdown, `<img>`, `figure` shortcodes), found on
    /// first use and sorted by position; front matter images are not among them.
    pub fn images(&self) -> &[Image] {
        self.images
            .get_or_init(|| body::images(&self.text, self.split.body.clone(), self.shortcodes()))
    }

    /// The links of the body, sorted by position (see [`body::links`]), as the site's
    /// `settings` render it (`raw_html`: raw `<a href>` are links). The first call of this or
    /// [`Document::anchors`] decides the settings: both come from one parse.
    pub fn links(&self, settings: &IdSettings) -> &[Link] {
        &self.scanned(settings).0
    }

    /// The ids of the body's elements as Goldmark makes them with the site's `settings`
    /// (see [`body::anchors`]); the first call of this or [`Document::links`] decides them.
    pub fn anchors(&self, settings: &IdSettings) -> &Anchors {
        &self.scanned(settings).1
    }

    fn scanned(&self, settings: &IdSettings) -> &(Vec<Link>, Anchors) {
        self.scanned.get_or_init(|| {
            body::scan(
                &self.text,
                self.split.body.clone(),
                self.shortcodes(),
                settings,
            )
        })
    }

    /// Whether the file is a section or home page (`_index.md`).
    pub fn is_branch_bundle(&self) -> bool {
        file_stem(&self.rel_path) == "_index"
    }

    /// Whether the file is a leaf bundle's page (`index.md`).
    pub fn is_leaf_bundle(&self) -> bool {
        file_stem(&self.rel_path) == "index"
    }
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('.').next().unwrap_or(name)
}

/// Text as Hugo would read it, or why it cannot be read. Invalid bytes are
/// replaced so that spans stay meaningful for the report; such a file is
/// never rewritten.
fn decode(bytes: Vec<u8>) -> (String, Option<Unreadable>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return (String::new(), Some(Unreadable::Utf16));
    }
    let sniff = &bytes[..bytes.len().min(8192)];
    if sniff.contains(&0) {
        let non_text = sniff
            .iter()
            .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
            .count();
        if non_text * 10 > sniff.len() {
            let offset = sniff.iter().position(|&b| b == 0).unwrap_or(0);
            return (String::new(), Some(Unreadable::Binary { offset }));
        }
    }
    // Validation is a tenth of a whole-site run on CJK text; simdutf8 does it
    // several times faster than the standard library.
    match simdutf8::compat::from_utf8(&bytes) {
        // The crate's one unsafe block (`unsafe_code` is denied elsewhere):
        // validating twice would give back the time simdutf8 saves.
        #[allow(unsafe_code)]
        Ok(_) => {
            // SAFETY: simdutf8 has just validated these exact bytes as UTF-8.
            (unsafe { String::from_utf8_unchecked(bytes) }, None)
        }
        Err(e) => {
            let offset = e.valid_up_to();
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                Some(Unreadable::InvalidUtf8 { offset }),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> Document {
        Document::parse("content/a.md".into(), bytes.to_vec(), HugoVersion::LATEST)
    }

    #[test]
    fn unreadable_files() {
        assert_eq!(
            doc(b"ok \xff\xfe").unreadable,
            Some(Unreadable::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(
            doc(b"\xff\xfe-\x00-\x00").unreadable,
            Some(Unreadable::Utf16)
        );
        assert!(matches!(
            doc(&[0u8, 1, 2, 3, 4, 5, 0, 0]).unreadable,
            Some(Unreadable::Binary { .. })
        ));
        assert_eq!(doc(b"---\ntitle: x\n---\n").unreadable, None);
    }
}
