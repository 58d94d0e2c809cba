//! The default report: miette's graphical diagnostics and a summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{source::IndexedSource, Options, Report};
use crate::diagnostic::{Diagnostic, Severity};
use crate::outcome::{FileResult, Totals};
use crate::source::LineIndex;

/// The `human` format: a miette report with a labelled snippet per finding,
/// then `--statistics` or the largest systematic groups, and the summary line.
pub struct Human {
    /// Colour, width, `--quiet` and `--statistics`.
    pub options: Options,
}

/// One finding as miette sees it.
struct Finding<'a> {
    d: &'a Diagnostic,
    source: &'a IndexedSource<'a>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Finding<'_> {}

/// A label's span within the text, and at most `MAX_LABEL` bytes long: a
/// label over megabytes helps no one and would drag the snippet along.
fn clamp(text: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    let start = span.start.min(text.len());
    let mut end = span.end.min(text.len()).max(start).min(start + MAX_LABEL);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start, end - start)
}

const MAX_LABEL: usize = 240;

impl miette::Diagnostic for Finding<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = |text: &str| (!text.is_empty()).then(|| text.to_string());
        let primary = LabeledSpan::new_primary_with_span(
            label(&self.d.label),
            clamp(self.source.text, &self.d.span),
        );
        let related = self.d.related.iter().map(move |l| {
            LabeledSpan::new_with_span(label(&l.text), clamp(self.source.text, &l.span))
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

impl Human {
    fn handler(&self) -> GraphicalReportHandler {
        let theme = if self.options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.options.width)
            .with_links(false)
    }

    /// Renders one file's findings, given its line index; independent of
    /// every other file.
    pub fn render(
        &self,
        name: &str,
        text: &str,
        lines: &LineIndex,
        diagnostics: &[Diagnostic],
    ) -> String {
        let handler = self.handler();
        let source = IndexedSource { name, text, lines };
        let mut out = String::new();
        for d in diagnostics {
            let _ = handler.render_report(&mut out, &Finding { d, source: &source });
            out.push('\n');
        }
        out
    }
}

impl Report for Human {
    fn render_file(
        &self,
        name: &str,
        text: &str,
        lines: &LineIndex,
        diagnostics: &[Diagnostic],
    ) -> Option<String> {
        Some(self.render(name, text, lines, diagnostics))
    }

    fn file(&self, _index: usize, r: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        match (&r.rendered, &r.text) {
            (Some(rendered), _) => out.write_all(rendered.as_bytes()),
            // A result built without this report (a library caller's).
            (None, Some(text)) => out.write_all(
                self.render(&r.display_path, text, &LineIndex::new(text), &r.diagnostics)
                    .as_bytes(),
            ),
            (None, None) => Ok(()),
        }
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        if self.options.statistics {
            out.write_all(super::statistics(totals).as_bytes())?;
        }
        // `--quiet`, as ruff's: the findings, and nothing else. `--statistics`
        // lists every group under its rule already.
        if !self.options.quiet && !self.options.statistics {
            out.write_all(super::groups::block(totals).as_bytes())?;
        }
        if !self.options.quiet {
            writeln!(out, "{}", super::summary(totals))?;
        }
        Ok(())
    }
}
