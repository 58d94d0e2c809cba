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
        if to - from > LONG_SNIPPET {
            return Ok(self.window(start, end));
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
/// Bytes of context on each side of a span in such a window.
const WINDOW: usize = 120;

impl IndexedSource<'_> {
    /// A window around `start..end` on its line, so that a finding on a 20 MB
    /// line prints a few hundred bytes, not the line.
    fn window(&self, start: usize, end: usize) -> Box<dyn SpanContents<'_> + '_> {
        let line = self.lines.line_of(start);
        let bounds = self.lines.line_span(self.text, line);
        let mut from = start.saturating_sub(WINDOW).max(bounds.start);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end.max(start) + WINDOW)
            .min(bounds.end.max(start))
            .min(start + 2 * WINDOW + (end - start).min(WINDOW));
        to = to.min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
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
