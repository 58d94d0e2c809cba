//! The body as Goldmark sees it: Hugo replaces every shortcode tag by a placeholder
//! (`HAHAHUGOSHORTCODE-s0-HBHB`, `hugolib/shortcode.go` `createShortcodePlaceholder`) before
//! the Markdown is rendered, so that `[t]({{< relref "p.md" >}})` is a link whose destination
//! is the placeholder, and `## {{< param x >}}` a heading whose text Hugo fills in later.
//!
//! Here each tag's bytes become `x` (the same length, so every offset still points into the
//! file), and the tags are kept to tell, for a destination or a heading, which tags it holds.

use std::borrow::Cow;

use super::Shortcodes;
use crate::frontmatter::Span;

/// The placeholder: a letter, so that the masked tag is one word of text.
const MASK: char = 'x';

/// The body with its shortcode tags masked.
#[derive(Debug)]
pub struct Masked<'a> {
    /// The body's text with every tag (and escaped tag) replaced by [`MASK`]es, one per
    /// byte; the body itself when it has none.
    pub text: Cow<'a, str>,
    /// Where the body starts in the file: add it to an offset of `text`.
    pub base: usize,
    /// Each tag's span in `text` (not in the file) and its index in `Shortcodes::tags`,
    /// sorted by start.
    pub tags: Vec<(Span, usize)>,
}

impl<'a> Masked<'a> {
    /// Masks the tags of `shortcodes` in `text[body]`.
    pub fn new(text: &'a str, body: Span, shortcodes: &Shortcodes) -> Masked<'a> {
        let base = body.start;
        let src = &text[body];
        let local = |span: &Span| {
            let end = span.end.saturating_sub(base).min(src.len());
            span.start.saturating_sub(base).min(end)..end
        };
        let mut tags: Vec<(Span, usize)> = shortcodes
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| (local(&t.span), i))
            .collect();
        tags.sort_by_key(|(s, _)| s.start);
        let mut spans: Vec<Span> = tags.iter().map(|(s, _)| s.clone()).collect();
        spans.extend(shortcodes.escaped.iter().map(local));
        if spans.is_empty() {
            return Masked {
                text: Cow::Borrowed(src),
                base,
                tags,
            };
        }
        spans.sort_by_key(|s| s.start);
        let mut out = String::with_capacity(src.len());
        let mut at = 0;
        for s in spans {
            // Tags start and end on ASCII braces; a span that cuts a character is skipped.
            if s.start < at || !src.is_char_boundary(s.start) || !src.is_char_boundary(s.end) {
                continue;
            }
            out.push_str(&src[at..s.start]);
            out.extend(std::iter::repeat_n(MASK, s.len()));
            at = s.end;
        }
        out.push_str(&src[at..]);
        Masked {
            text: Cow::Owned(out),
            base,
            tags,
        }
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
