//! What a run produces, below both the engine that fills it and the reports
//! that print it: each file's findings with their positions, the files that
//! could not be read, and the counts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Applicability, Diagnostic, Severity, Subject};
use crate::source::LineIndex;

/// A 1-based line and a 1-based column counted in Unicode characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1, in characters (a byte order mark is not one).
    pub column: usize,
}

/// Where a diagnostic and its fix's edits are, in lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The primary span's first character.
    pub start: Pos,
    /// Just past the primary span's last character.
    pub end: Pos,
    /// Start and end of each edit of the diagnostic's fix, in order.
    pub edits: Vec<(Pos, Pos)>,
}

/// Positions of every diagnostic of `text`, from its line index (which the
/// document computed once and every consumer shares).
pub fn locate(text: &str, lines: &LineIndex, diagnostics: &[Diagnostic]) -> Vec<Located> {
    let pos = |offset: usize| {
        let (line, column) = lines.position(text, offset);
        Pos { line, column }
    };
    diagnostics
        .iter()
        .map(|d| Located {
            start: pos(d.span.start),
            end: pos(d.span.end),
            edits: d
                .fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| (pos(e.span.start), pos(e.span.end)))
                .collect(),
        })
        .collect()
}

/// The findings of one file. Positions are computed and the human report
/// rendered on the worker that linted it, so the file's text can be dropped
/// there (it is kept only when fixes need it).
#[derive(Debug)]
pub struct FileResult {
    /// Path as reported: relative to the current directory, `/` separators.
    pub display_path: String,
    /// Where the file is (for standard input, the path it is linted as).
    pub path: PathBuf,
    /// Whether the text came from standard input rather than the file.
    pub from_stdin: bool,
    /// The linted text, kept only when fixes need it.
    pub text: Option<String>,
    /// One per diagnostic, in the same order.
    pub locations: Vec<Located>,
    /// The report's own rendering of this file, when it renders per file.
    pub rendered: Option<String>,
    /// Sorted by span start.
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be read (reported; the run exits 2), or that was
/// skipped (a named pipe, a device, a dangling symlink: a warning).
#[derive(Debug, Clone)]
pub struct FileError {
    /// Path as reported.
    pub display_path: String,
    /// What went wrong, for `pagelint: error: PATH: MESSAGE`.
    pub message: String,
    /// Skipped on purpose (a warning), rather than unreadable (exit 2).
    pub skipped: bool,
}

/// Counts over a run's findings, kept as files stream past.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Files linted (skipped ones are not counted).
    pub files_checked: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings with a safe fix: what `--fix` applies.
    pub safe_fixes: usize,
    /// Findings with an unsafe fix: what only `--unsafe-fixes` applies.
    pub unsafe_fixes: usize,
    /// Findings per rule, and how many of them have a safe or unsafe fix.
    pub by_rule: BTreeMap<&'static str, RuleTotals>,
    /// Findings per rule and [`Subject`].
    pub by_subject: SubjectCounts,
}

/// Findings per rule and [`Subject`] (the same field, or the same value of a
/// field), with the files they are in: at most [`MAX_SUBJECTS`] subjects per
/// rule.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SubjectCounts {
    rules: BTreeMap<&'static str, FxHashMap<Subject, SubjectTotals>>,
    /// Files counted so far, to count each file once per subject.
    files: usize,
}

impl SubjectCounts {
    /// Every rule's subjects and their counts, rules in name order,
    /// subjects in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Subject, SubjectTotals)> + '_ {
        self.rules
            .iter()
            .flat_map(|(rule, subjects)| subjects.iter().map(|(s, t)| (*rule, s, *t)))
    }

    /// Starts counting the findings of one more file.
    fn next_file(&mut self) {
        self.files += 1;
    }

    fn add(&mut self, rule: &'static str, subject: &Subject) {
        let subjects = self.rules.entry(rule).or_default();
        if subjects.len() >= MAX_SUBJECTS && !subjects.contains_key(subject) {
            return;
        }
        let t = match subjects.get_mut(subject) {
            Some(t) => t,
            None => subjects.entry(subject.clone()).or_default(),
        };
        t.findings += 1;
        if t.last != self.files {
            t.last = self.files;
            t.files += 1;
        }
    }
}

/// Subjects counted per rule: a hostile site with a new value in every
/// finding gets the first ones counted, not a table as large as the site.
pub const MAX_SUBJECTS: usize = 100_000;

/// One rule's findings about one subject over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SubjectTotals {
    /// Files with at least one such finding.
    pub files: usize,
    /// The findings.
    pub findings: usize,
    /// The [`Totals::add`] call that last counted a file here.
    last: usize,
}

/// One rule's counts over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RuleTotals {
    /// Its findings.
    pub findings: usize,
    /// Those with a safe fix.
    pub safe_fixes: usize,
    /// Those with an unsafe fix.
    pub unsafe_fixes: usize,
}

impl Totals {
    /// Counts one more file's findings.
    pub fn add(&mut self, result: &FileResult) {
        self.by_subject.next_file();
        for d in &result.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            let (safe, unsafe_) = match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => (1, 0),
                Some(Applicability::Unsafe) => (0, 1),
                None => (0, 0),
            };
            self.safe_fixes += safe;
            self.unsafe_fixes += unsafe_;
            let rule = self.by_rule.entry(d.rule).or_default();
            rule.findings += 1;
            rule.safe_fixes += safe;
            rule.unsafe_fixes += unsafe_;
            if let Some(subject) = &d.subject {
                self.by_subject.add(d.rule, subject);
            }
        }
    }
}

/// A run whose findings were handed out file by file.
#[derive(Debug, Default)]
pub struct Streamed {
    /// The counts of everything handed out.
    pub totals: Totals,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// Files that are not regular files, reported as warnings.
    pub skipped: Vec<FileError>,
}

/// A run with every finding kept, for fixes and for reports that need all
/// files before they write anything.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files linted.
    pub files_checked: usize,
    /// Every checked file's reported path, for reports that list clean files too.
    pub checked: Vec<String>,
    /// Files with findings, sorted by path.
    pub results: Vec<FileResult>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// Files that are not regular files, reported as warnings.
    pub skipped: Vec<FileError>,
}

impl Outcome {
    /// The counts over every result.
    pub fn totals(&self) -> Totals {
        let mut totals = Totals {
            files_checked: self.files_checked,
            ..Totals::default()
        };
        for r in &self.results {
            totals.add(r);
        }
        totals
    }
}
