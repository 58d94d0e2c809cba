//! The body as Goldmark sees it: Hugo replaces every shortcode tag by a placeholder
//! (`HAHAHUGOSHORTCODE-s0-HBHB`, `hugolib/shortcode.go` `createShortcodePlaceholder`) before
//! the Markdown is rendered, so that `[t]({{< relref "p.md" >}})` is a link whose destination
//! is the placeholder, and `## {{< param x >}}` a heading whose text Hugo fills in later.
//!
//! Here each tag's bytes become `x` (the same length, so every offset still points into the
//! file), and the tags are kept to tell, for a destination or a heading, which tags it holds.

use super::Shortcodes;
use crate::frontmatter::Span;

/// The placeholder byte: a letter, so that the masked tag is one word of text.
const MASK: u8 = b'x';

/// The body with its shortcode tags masked.
#[derive(Debug)]
pub struct Masked {
    /// The body's text with every tag (and escaped tag) replaced by [`MASK`] bytes.
    pub text: String,
    /// Where the body starts in the file: add it to an offset of `text`.
    pub base: usize,
    /// Each tag's span in `text` (not in the file) and its index in `Shortcodes::tags`,
    /// sorted by start.
    pub tags: Vec<(Span, usize)>,
}

impl Masked {
    /// Masks the tags of `shortcodes` in `text[body]`.
    pub fn new(text: &str, body: Span, shortcodes: &Shortcodes) -> Masked {
        let base = body.start;
        let mut bytes = text[body.clone()].as_bytes().to_vec();
        let mut tags = Vec::new();
        let mut mask = |span: &Span| {
            let (start, end) = (
                span.start.saturating_sub(base),
                span.end.saturating_sub(base),
            );
            let end = end.min(bytes.len());
            if start < end {
                bytes[start..end].fill(MASK);
            }
            start..end
        };
        for (i, tag) in shortcodes.tags.iter().enumerate() {
            let span = mask(&tag.span);
            tags.push((span, i));
        }
        for span in &shortcodes.escaped {
            mask(span);
        }
        tags.sort_by_key(|(s, _)| s.start);
        // Only whole UTF-8 sequences were replaced (tags start and end on ASCII braces), so
        // this never fails; a lossy copy keeps it total should a span ever cut a character.
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Masked { text, base, tags }
    }

    /// The tags whose spans overlap `range` (an offset range of `text`).
    pub fn tags_in(&self, range: &Span) -> impl Iterator<Item = &(Span, usize)> + '_ {
        let (start, end) = (range.start, range.end);
        let last = self.tags.partition_point(|(s, _)| s.start < end);
        self.tags[..last].iter().filter(move |(s, _)| s.end > start)
    }

    /// The tag that is exactly `range`, ignoring surrounding spaces, if one is.
    pub fn tag_at(&self, range: &Span) -> Option<usize> {
        let slice = self.text.get(range.clone())?;
        let start = range.start + (slice.len() - slice.trim_start().len());
        let end = range.end - (slice.len() - slice.trim_end().len());
        let i = self.tags.partition_point(|(s, _)| s.start < start);
        self.tags
            .get(i)
            .filter(|(s, _)| s.start == start && s.end == end)
            .map(|(_, t)| *t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_words_of_the_same_length() {
        let text = "a [t]({{< relref \"p.md\" >}}) b {{</* x */>}}\n";
        let sc = super::super::shortcodes(text, 0, crate::version::HugoVersion::LATEST);
        let m = Masked::new(text, 0..text.len(), &sc);
        assert_eq!(m.text.len(), text.len());
        assert!(m.text.starts_with("a [t](xxxx"));
        assert!(!m.text.contains('{'));
        let dest = 6..text.find(')').unwrap();
        assert_eq!(m.tag_at(&dest), Some(0));
        assert_eq!(m.tags_in(&(0..3)).count(), 0);
    }
}
