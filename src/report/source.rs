//! A miette source backed by a line index, so rendering a label costs a
//! binary search instead of a rescan of the file from its start.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::LineIndex;

pub struct IndexedSource<'a> {
    pub name: &'a str,
    pub text: &'a str,
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
