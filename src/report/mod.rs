//! Reporters: each turns the engine's outcome into one output format.
//! Byte spans become lines and columns here, and nowhere else.

mod concise;
mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod source;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Outcome;
pub use human::Human;
pub use source::IndexedSource;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
}

pub trait Report: Sync {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()>;

    /// This format's text for one file, rendered on the worker that linted it
    /// while the file's text is at hand; None for formats that need no text.
    fn render_file(&self, _name: &str, _text: &str, _diagnostics: &[Diagnostic]) -> Option<String> {
        None
    }
}

pub struct Options {
    pub color: bool,
    pub quiet: bool,
    pub statistics: bool,
    /// Terminal width for wrapping the human report.
    pub width: usize,
}

pub fn reporter(format: Format, options: Options) -> Box<dyn Report> {
    match format {
        Format::Human => Box::new(Human { options }),
        Format::Concise => Box::new(concise::Concise { options }),
        Format::Json => Box::new(json::Json),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github),
        Format::Junit => Box::new(junit::Junit),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `N errors, M warnings in K files (X fixable with --fix)`.
pub fn summary(outcome: &Outcome) -> String {
    let fixable = outcome.fixable();
    let mut s = format!(
        "{}, {} in {}",
        plural(outcome.count(Severity::Error), "error"),
        plural(outcome.count(Severity::Warning), "warning"),
        plural(outcome.files_checked, "file"),
    );
    if fixable > 0 {
        s.push_str(&format!(" ({fixable} fixable with --fix)"));
    }
    s
}

/// Findings per rule, most frequent first, for `--statistics`.
pub fn statistics(outcome: &Outcome) -> String {
    let mut counts: std::collections::BTreeMap<&str, (usize, bool)> =
        std::collections::BTreeMap::new();
    for d in outcome.results.iter().flat_map(|r| &r.diagnostics) {
        let c = counts.entry(d.rule).or_default();
        c.0 += 1;
        c.1 |= d.fix.is_some();
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let mut s = String::new();
    for (rule, (n, fixable)) in rows {
        s.push_str(&format!(
            "{n:>6}  {rule:<22}{}\n",
            if fixable { "  [*]" } else { "" }
        ));
    }
    s
}
