//! Reporters: each turns the engine's outcome into one output format.
//! Spans arrive with their positions ([`crate::outcome::Located`]), computed
//! once per file from the document's line index.

mod concise;
mod github;
mod groups;
mod human;
mod json;
mod json_stream;
mod junit;
mod sarif;
mod source;

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::outcome::{FileResult, Outcome, Totals};
use crate::source::LineIndex;
pub use human::Human;
pub use source::IndexedSource;

/// The output formats, as `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// miette's graphical report with snippets, and a summary line.
    #[default]
    Human,
    /// `path:line:col: severity[rule] message`, one finding a line.
    Concise,
    /// One JSON document (`version` 1).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: a test case per checked file.
    Junit,
}

/// A report is written in three steps, so that a run can stream it: `begin`,
/// then `file` for each file with findings in path order, then `end` with the
/// counts. A format that needs every file first says so with `streams`.
pub trait Report: Sync {
    /// Whether the report can be written file by file as results arrive
    /// (JUnit cannot: its header counts the files).
    fn streams(&self) -> bool {
        true
    }

    /// Writes what comes before the first file (the opening of a JSON or
    /// SARIF document); nothing by default.
    fn begin(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// One file's findings; `index` counts the files written before it.
    fn file(&self, index: usize, result: &FileResult, out: &mut dyn Write) -> io::Result<()>;

    /// Writes what comes after the last file (the summary line, the counts,
    /// the closing of a document) from the whole run's `totals`; nothing by
    /// default.
    fn end(&self, _totals: &Totals, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// The whole report of a finished run.
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        self.begin(out)?;
        for (i, r) in outcome.results.iter().enumerate() {
            self.file(i, r, out)?;
        }
        self.end(&outcome.totals(), out)
    }

    /// This format's text for one file, rendered on the worker that linted it
    /// while the file's text is at hand; None for formats that need no text.
    fn render_file(
        &self,
        _name: &str,
        _text: &str,
        _lines: &LineIndex,
        _diagnostics: &[Diagnostic],
    ) -> Option<String> {
        None
    }
}

/// What every reporter may be told.
pub struct Options {
    /// Colour the human report.
    pub color: bool,
    /// `--quiet`.
    pub quiet: bool,
    /// `--statistics`: counts per rule after the findings.
    pub statistics: bool,
    /// Terminal width for wrapping the human report.
    pub width: usize,
}

/// The reporter of `format`.
pub fn reporter(format: Format, options: Options) -> Box<dyn Report> {
    match format {
        Format::Human => Box::new(Human { options }),
        Format::Concise => Box::new(concise::Concise { options }),
        Format::Json => Box::new(json::Json {
            statistics: options.statistics,
        }),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github),
        Format::Junit => Box::new(junit::Junit),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `N errors, M warnings; K files checked; X fixable with --fix, Y more
/// with --unsafe-fixes`, where K counts every file checked.
pub fn summary(totals: &Totals) -> String {
    let mut s = format!(
        "{}, {}; {} checked",
        plural(totals.errors, "error"),
        plural(totals.warnings, "warning"),
        plural(totals.files_checked, "file"),
    );
    match (totals.safe_fixes, totals.unsafe_fixes) {
        (0, 0) => {}
        (0, u) => s.push_str(&format!("; {u} fixable with --unsafe-fixes")),
        (n, 0) => s.push_str(&format!("; {n} fixable with --fix")),
        (n, u) => s.push_str(&format!(
            "; {n} fixable with --fix, {u} more with --unsafe-fixes"
        )),
    }
    s
}

/// Findings per rule, most frequent first, for `--statistics`, with the
/// fixes `--fix` and `--unsafe-fixes` would apply, and under each rule its
/// systematic groups (`groups::groups`), largest first.
pub fn statistics(totals: &Totals) -> String {
    let mut rows: Vec<_> = totals.by_rule.iter().map(|(r, c)| (*r, *c)).collect();
    rows.sort_by(|a, b| b.1.findings.cmp(&a.1.findings).then(a.0.cmp(b.0)));
    let groups = groups::groups(totals);
    let mut s = String::new();
    for (rule, t) in rows {
        let fixes = match (t.safe_fixes, t.unsafe_fixes) {
            (0, 0) => String::new(),
            (n, 0) => format!("  {n} fixable with --fix"),
            (0, u) => format!("  {u} fixable with --unsafe-fixes"),
            (n, u) => format!("  {n} fixable with --fix, {u} with --unsafe-fixes"),
        };
        s.push_str(format!("{:>6}  {rule:<22}{fixes}", t.findings).trim_end());
        s.push('\n');
        for g in groups.iter().filter(|g| g.rule == rule) {
            s.push_str(&format!(
                "{:>6}    {}: {}\n",
                g.findings,
                g.subject_text(),
                g.count_text(totals.files_checked)
            ));
        }
    }
    s
}
