//! Byte offsets to lines and columns, computed once per file.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` (Hugo accepts all three).
//! Columns are 1-based and count Unicode characters.

use std::ops::Range;

/// Where each line of one text starts, and character counts per 4 KiB block:
/// a byte offset becomes a line and column by a binary search and a count
/// over at most a block, never a scan of a long line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    len: usize,
    /// Characters before each block of `BLOCK` bytes, so that a column on a
    /// 20 MB line costs at most one block's count, not the line's.
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 4096;

/// Characters that start in `bytes` (UTF-8 lead bytes and ASCII).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl LineIndex {
    /// Indexes `text` in one pass. Every method that takes a text must be
    /// given this same one.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // memchr2 skips the bytes between line ends 16 or 32 at a time.
        let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
        while let Some(i) = ends.next() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                ends.next();
                starts.push(i + 2);
            } else {
                starts.push(i + 1);
            }
        }
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(total);
            total += char_starts(block);
        }
        // The end of a text whose length is a multiple of BLOCK starts a block too.
        chars_before_block.push(total);
        LineIndex {
            starts,
            len: text.len(),
            chars_before_block,
        }
    }

    /// Characters before byte `offset`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + char_starts(&text.as_bytes()[block * BLOCK..offset])
    }

    /// Lines in the text: line endings plus one (a text ending in a line
    /// ending has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte range of a 0-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// Byte offset where a 0-based line starts. Panics past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// 1-based (line, column) of a byte offset; columns count characters.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // Editors do not count a byte order mark as a column.
        let bom = usize::from(line == 0 && end >= 3 && text.starts_with('\u{feff}'));
        let column = self.chars_to(text, end) - self.chars_to(text, start) + 1 - bom;
        (line + 1, column)
    }

    /// Byte offset of a 1-based (line, column); the inverse of `position`.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> Option<usize> {
        let index = line.checked_sub(1)?;
        let start = *self.starts.get(index)?;
        let next = self.starts.get(index + 1).copied().unwrap_or(text.len());
        let bom = usize::from(index == 0 && text.starts_with('\u{feff}'));
        let target = column.checked_sub(1)? + bom;
        // Every character of the line, its line ending included, has a column;
        // the end of the text is one more column on the last line.
        let mut boundaries = text[start..next].char_indices().map(|(i, _)| start + i);
        match boundaries.nth(target) {
            Some(at) => Some(at),
            None if index + 1 == self.starts.len()
                && target == text[start..next].chars().count() =>
            {
                Some(next)
            }
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\r\n標題x\rz\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(text, 0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), (2, 3));
        assert_eq!(idx.position(text, text.find('z').unwrap()), (3, 1));
        assert_eq!(idx.offset(text, 2, 3), Some(x));
        assert_eq!(LineIndex::new("a\r\n").offset("a\r\n", 1, 3), Some(2));
        assert_eq!(LineIndex::new("標\ncd").offset("標\ncd", 1, 4), None);
        let block = "a".repeat(4096);
        assert_eq!(LineIndex::new(&block).position(&block, 4096), (1, 4097));
        assert_eq!(&text[idx.line_span(text, 1)], "標題x");
    }
}
