//! A miette source backed by a line index, so rendering a label costs a
//! binary search instead of a rescan of the file from its start.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::LineIndex;

/// One file as miette reads it for snippets.
pub struct IndexedSource<'a> {
    /// The path shown in the snippet's header.
    pub name: &'a str,
    /// The file's whole text; miette's spans are byte offsets into it.
    pub text: &'a str,
    /// The line index of `text`.
    pub lines: &'a LineIndex,
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset().min(self.text.len());
        let end = (span.offset() + span.len()).min(self.text.len()).max(start);
        let first = self.lines.line_of(start).saturating_sub(before);
        let last = (self.lines.line_of(end) + after).min(self.lines.line_count() - 1);
        let from = self.lines.line_start(first);
        let to = if last + 1 < self.lines.line_count() {
            self.lines.line_start(last + 1)
        } else {
            self.text.len()
        };
        if to - from > LONG_SNIPPET || self.too_wide(from, to) {
            // miette reads the span with no context for the header's column.
            let context = if before == 0 { 0 } else { BEFORE };
            return Ok(self.window(start, end, context));
        }
        let data = &self.text.as_bytes()[from..to];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            data,
            SourceSpan::from(from..to),
            first,
            // miette prints this column in the snippet's header when there is no context before.
            if before == 0 {
                self.text[from..start].chars().count()
            } else {
                0
            },
            last - first + 1,
        )))
    }
}

/// Snippets longer than this show only a window of the span's own line.
const LONG_SNIPPET: usize = 4096;
/// A snippet with a line wider than this (in terminal columns) shows only a
/// window of the span's line: a paragraph is one line in Markdown, and 400
/// characters wrap away from the label under them.
const WIDE_LINE: usize = 100;
/// Columns of context before the span in such a window.
const BEFORE: usize = 30;
/// Columns of the window in all, when the span is shorter than that.
const WIDTH: usize = 80;

fn width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

impl IndexedSource<'_> {
    /// Whether a line of `from..to` is wider than [`WIDE_LINE`] columns.
    fn too_wide(&self, from: usize, to: usize) -> bool {
        self.text[from..to].split(['\n', '\r']).any(|line| {
            line.len() > WIDE_LINE && line.chars().map(width).sum::<usize>() > WIDE_LINE
        })
    }

    /// A window around `start..end` on its line, so that a finding in a long
    /// paragraph, or on a 20 MB line, prints one screen line, not the line.
    fn window(&self, start: usize, end: usize, context: usize) -> Box<dyn SpanContents<'_> + '_> {
        let line = self.lines.line_of(start);
        let bounds = self.lines.line_span(self.text, line);
        let before = &self.text[bounds.start.min(start)..start];
        let mut from = start;
        let mut cols = 0;
        for (i, c) in before.char_indices().rev().take(context) {
            cols += width(c);
            if cols > context {
                break;
            }
            from = bounds.start + i;
        }
        let line_end = bounds.end.max(start).min(self.text.len());
        let mut to = start;
        for (i, c) in self.text[start..line_end].char_indices().take(4 * WIDTH) {
            cols += width(c);
            to = start + i + c.len_utf8();
            if cols >= WIDTH && to >= end.min(start + MAX_SPAN) {
                break;
            }
        }
        let column = self.lines.position(self.text, from).1 - 1;
        Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &self.text.as_bytes()[from..to.max(from)],
            SourceSpan::from(from..to.max(from)),
            line,
            column,
            1,
        ))
    }
}

/// Bytes of a span a window shows at most.
const MAX_SPAN: usize = 240;
