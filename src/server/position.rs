//! Byte offsets to LSP positions and back, in the encoding negotiated with
//! the client: UTF-16 code units (the protocol's default, VS Code's), UTF-8
//! bytes or UTF-32 code points (characters).
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol and
//! [`LineIndex`] both say. A position past the end of its line means the
//! line's end, and a line past the last means the end of the text, as the
//! protocol asks of servers.

use ls_types::{Position, PositionEncodingKind, Range};

use crate::diagnostic::Span;
use crate::source::LineIndex;

/// How the `character` of a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The first of the client's encodings (in its order of preference) that
    /// pagelint speaks; UTF-16 when it names none, as the protocol says.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .into_iter()
            .flatten()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// Code units of `c` in this encoding.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }

    /// Code units of `s` in this encoding.
    pub fn len(self, s: &str) -> usize {
        match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
            Encoding::Utf32 => s.chars().count(),
        }
    }
}

/// A text with its line index: what positions are computed against.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        Text {
            text,
            lines,
            encoding,
        }
    }

    /// The position of byte `offset` (rounded down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line);
        let character = self.encoding.len(&self.text[start..offset]);
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: &Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`, clamped to its line's end (before the
    /// line ending) and to the text's end. A `character` that falls inside a
    /// character (half a surrogate pair) means that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.lines.line_count() {
            return self.text.len();
        }
        let span = self.lines.line_span(self.text, line);
        let wanted = position.character as usize;
        if self.encoding == Encoding::Utf8 {
            let mut at = (span.start + wanted).min(span.end);
            while !self.text.is_char_boundary(at) {
                at -= 1;
            }
            return at;
        }
        let mut units = 0;
        for (i, c) in self.text[span.clone()].char_indices() {
            let next = units + self.encoding.units(c);
            if next > wanted {
                return span.start + i;
            }
            units = next;
        }
        span.end
    }

    /// The byte span of `range`, start and end ordered.
    pub fn span(&self, range: Range) -> Span {
        let a = self.offset(range.start);
        let b = self.offset(range.end);
        a.min(b)..a.max(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, enc: Encoding, offset: usize) -> (u32, u32) {
        let lines = LineIndex::new(text);
        let p = Text::new(text, &lines, enc).position(offset);
        (p.line, p.character)
    }

    fn back(text: &str, enc: Encoding, line: u32, character: u32) -> usize {
        let lines = LineIndex::new(text);
        Text::new(text, &lines, enc).offset(Position::new(line, character))
    }

    #[test]
    fn emoji_cjk_and_crlf() {
        let text = "a\r\n😀標x\rz\n";
        let x = text.find('x').unwrap();
        assert_eq!(at(text, Encoding::Utf16, x), (1, 3));
        assert_eq!(at(text, Encoding::Utf8, x), (1, 7));
        assert_eq!(at(text, Encoding::Utf32, x), (1, 2));
        assert_eq!(at(text, Encoding::Utf16, text.find('z').unwrap()), (2, 0));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let (l, c) = at(text, enc, x);
            assert_eq!(back(text, enc, l, c), x, "{enc:?}");
        }
        // Half a surrogate pair is the emoji's start; past the end of a line
        // is the line's end, before `\r\n`; past the last line, the text's end.
        assert_eq!(back(text, Encoding::Utf16, 1, 1), 3);
        assert_eq!(back(text, Encoding::Utf16, 0, 99), 1);
        assert_eq!(back(text, Encoding::Utf16, 9, 0), text.len());
        assert_eq!(back(text, Encoding::Utf8, 1, 2), 3);
    }

    #[test]
    fn negotiation_follows_the_clients_order() {
        let offered = [PositionEncodingKind::new("x"), PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf32);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[])), Encoding::Utf16);
    }
}
