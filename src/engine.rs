//! The engine: decides which rules run where and at what severity, lints
//! files in parallel, and returns results in a deterministic order.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};

use rustc_hash::FxHashMap;

use crate::diagnostic::{Diagnostic, Level, Severity, Sink, MAX_PER_RULE};
use crate::document::Document;
use crate::report::Report;
use crate::rules::{self, unused_suppression, Context, Rule, RuleMeta};
use crate::site::Site;
use crate::source::LineIndex;
use crate::suppress;

/// Which rules the command line asked for.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub select: Option<Vec<&'static str>>,
    pub ignore: Vec<&'static str>,
}

/// The rules that run on one file, with the level configured for each.
pub struct ActiveRules<'a> {
    rules: Vec<(&'static dyn Rule, Option<Level>)>,
    _site: std::marker::PhantomData<&'a Site>,
}

impl Selection {
    /// The rules to run on `rel_path` and the configured level of each
    /// (None: the rule's own severity). Precedence, lowest first: the rule's
    /// default, `[rules]`, `--select`, matching `[[overrides]]` in order, then
    /// `--ignore`.
    pub fn active<'a>(&self, site: &'a Site, rel_path: &str) -> ActiveRules<'a> {
        // Looked up for every rule of every file: FxHash, not SipHash.
        let mut file_levels: FxHashMap<&'static str, Level> = FxHashMap::default();
        for o in &site.config.overrides {
            if o.files.is_match(rel_path) {
                file_levels.extend(o.rules.iter().map(|(k, v)| (*k, *v)));
            }
        }
        let rules = rules::ALL
            .iter()
            .copied()
            .filter_map(|rule| {
                let meta = rule.meta();
                let file_level = file_levels.get(meta.name).copied();
                let level = file_level.or_else(|| site.config.rules.get(meta.name).copied());
                // As in ruff, --select replaces the project-wide choice of rules,
                // but a per-file override that turns a rule off still holds.
                let enabled = match &self.select {
                    Some(selected) => {
                        selected.contains(&meta.name) && file_level != Some(Level::Off)
                    }
                    None => match level {
                        Some(Level::Off) => false,
                        Some(Level::On(_)) => true,
                        None => meta.default_enabled,
                    },
                } && !self.ignore.contains(&meta.name);
                enabled.then_some((rule, level.filter(|l| *l != Level::Off)))
            })
            .collect();
        ActiveRules {
            rules,
            _site: std::marker::PhantomData,
        }
    }
}

/// Moves a rule's findings into `out` at the configured severity, with a
/// note when the rule reached its limit for the file.
fn collect(meta: &RuleMeta, level: Option<Level>, sink: Sink, out: &mut Vec<Diagnostic>) {
    let truncated = sink.truncated();
    let mut items = sink.into_vec();
    if truncated {
        let at = items.last().map_or(0..0, |d| d.span.clone());
        items.push(
            Diagnostic::new(
                meta,
                at,
                format!("more `{}` findings in this file are not shown", meta.name),
            )
            .label("the last one shown")
            .help(format!(
                "pagelint reports at most {MAX_PER_RULE} findings of one rule in one file"
            )),
        );
    }
    if let Some(Level::On(severity)) = level {
        for d in &mut items {
            d.severity = severity;
        }
    }
    out.append(&mut items);
}

impl ActiveRules<'_> {
    pub fn run(&self, cx: &Context<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut sink = Sink::default();
            rule.check(cx, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        if cx.doc.text.contains("pagelint") {
            self.suppress(cx, &mut out);
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out
    }

    fn level_of(&self, name: &str) -> Option<Option<Level>> {
        self.rules
            .iter()
            .find(|(r, _)| r.meta().name == name)
            .map(|(_, l)| *l)
    }

    /// Drops the findings that suppression comments silence, and reports the
    /// suppressions that silence nothing.
    fn suppress(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let suppressions = suppress::parse(cx.doc);
        if suppressions.is_empty() {
            return;
        }
        let lines = cx.doc.lines();
        let mut used: Vec<Vec<bool>> = suppressions
            .iter()
            .map(|s| vec![false; s.rules.len()])
            .collect();
        out.retain(|d| {
            let line = lines.line_of(d.span.start);
            let mut silenced = false;
            for (s, used) in suppressions.iter().zip(used.iter_mut()) {
                if s.lines.contains(&line) {
                    if let Some(i) = s.rules.iter().position(|r| r == d.rule) {
                        used[i] = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        });
        let Some(level) = self.level_of(unused_suppression::META.name) else {
            return;
        };
        let start = out.len();
        for (s, used) in suppressions.iter().zip(&used) {
            if s.rules.is_empty() {
                out.push(unused_suppression::nameless(s));
            }
            for (rule, used) in s.rules.iter().zip(used) {
                if rules::by_name(rule).is_none() {
                    out.push(unused_suppression::unknown(s, rule));
                } else if !used && self.level_of(rule).is_some() {
                    out.push(unused_suppression::unused(s, rule));
                }
            }
        }
        if let Some(Level::On(severity)) = level {
            for d in &mut out[start..] {
                d.severity = severity;
            }
        }
    }

    pub fn run_site(&self, site: &Site) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, level) in &self.rules {
            let mut sink = Sink::default();
            rule.check_site(site, &mut sink);
            collect(rule.meta(), *level, sink, &mut out);
        }
        out
    }
}

/// A 1-based line and a column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Where a diagnostic and its fix's edits are, in lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub start: Pos,
    pub end: Pos,
    pub edits: Vec<(Pos, Pos)>,
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
    pub text: Option<String>,
    /// One per diagnostic.
    pub locations: Vec<Located>,
    /// The report's own rendering of this file, when it renders per file.
    pub rendered: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be read (reported; the run exits 2), or that was
/// skipped (a named pipe, a device, a dangling symlink: a warning).
#[derive(Debug, Clone)]
pub struct FileError {
    pub display_path: String,
    pub message: String,
    pub skipped: bool,
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// How many files a worker takes from the queue at a time.
const BATCH: usize = 32;

/// Counts over a run's findings, kept as files stream past.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub files_checked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub fixable: usize,
    /// Findings per rule, and whether any of them has a fix.
    pub by_rule: BTreeMap<&'static str, (usize, bool)>,
}

impl Totals {
    pub fn add(&mut self, result: &FileResult) {
        for d in &result.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            self.fixable += usize::from(d.fix.is_some());
            let rule = self.by_rule.entry(d.rule).or_default();
            rule.0 += 1;
            rule.1 |= d.fix.is_some();
        }
    }
}

/// A run whose findings were handed out file by file.
#[derive(Debug, Default)]
pub struct Streamed {
    pub totals: Totals,
    pub errors: Vec<FileError>,
    /// Files that are not regular files, reported as warnings.
    pub skipped: Vec<FileError>,
}

/// A run with every finding kept, for fixes and for reports that need all
/// files before they write anything.
#[derive(Debug, Default)]
pub struct Outcome {
    pub files_checked: usize,
    /// Every checked file's reported path, for reports that list clean files too.
    pub checked: Vec<String>,
    /// Files with findings, sorted by path.
    pub results: Vec<FileResult>,
    pub errors: Vec<FileError>,
    /// Files that are not regular files, reported as warnings.
    pub skipped: Vec<FileError>,
}

impl Outcome {
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

/// `path` relative to `cwd` with `/` separators, climbing with `..` where needed.
pub fn relative_display(cwd: &Path, path: &Path) -> String {
    let base: Vec<_> = cwd.components().collect();
    let target: Vec<_> = path.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Where a document comes from.
pub enum Input {
    File(PathBuf),
    /// Standard input, linted as if it were at the given path.
    Stdin {
        bytes: Vec<u8>,
        path: PathBuf,
    },
}

pub struct Engine<'a> {
    pub site: &'a Site,
    pub selection: Selection,
    pub cwd: PathBuf,
    /// The report, which may render each file on the worker that linted it.
    pub report: Option<&'a dyn Report>,
    /// Keep each file's text in its result (fixes need it).
    pub keep_text: bool,
}

/// Positions of every diagnostic, from the file's line index.
fn locate(text: &str, diagnostics: &[Diagnostic]) -> Vec<Located> {
    let lines = LineIndex::new(text);
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

impl Engine<'_> {
    pub fn display_path(&self, path: &Path) -> String {
        relative_display(&self.cwd, path)
    }

    /// Lints every input in parallel and the site itself, and keeps every
    /// result, sorted by path whatever the thread count.
    pub fn run(&self, inputs: Vec<Input>) -> Outcome {
        let items = self.in_order(inputs);
        let checked = items.iter().map(|(d, _)| d.clone()).collect();
        let mut results = Vec::new();
        let streamed = self.stream_items(items, &mut |r| results.push(r));
        Outcome {
            files_checked: streamed.totals.files_checked,
            checked,
            results,
            errors: streamed.errors,
            skipped: streamed.skipped,
        }
    }

    /// Lints every input in parallel and the site itself, and hands each
    /// file's result to `emit` in path order as soon as it and every file
    /// before it are done; nothing is kept once emitted. After `emit` fails
    /// (a closed pipe), the run still finishes and counts, without emitting;
    /// the first error is returned with the counts.
    pub fn stream(
        &self,
        inputs: Vec<Input>,
        emit: &mut dyn FnMut(FileResult) -> io::Result<()>,
    ) -> (Streamed, io::Result<()>) {
        let mut failed = Ok(());
        let streamed = self.stream_items(self.in_order(inputs), &mut |r| {
            if failed.is_ok() {
                failed = emit(r);
            }
        });
        (streamed, failed)
    }

    /// The inputs with their reported paths, in report order.
    fn in_order(&self, inputs: Vec<Input>) -> Vec<(String, Input)> {
        let mut items: Vec<(String, Input)> = inputs
            .into_iter()
            .map(|i| {
                let shown = match &i {
                    Input::File(p) | Input::Stdin { path: p, .. } => self.display_path(p),
                };
                (shown, i)
            })
            .collect();
        items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        items
    }

    fn stream_items(
        &self,
        items: Vec<(String, Input)>,
        emit: &mut dyn FnMut(FileResult),
    ) -> Streamed {
        let mut streamed = Streamed {
            totals: Totals {
                files_checked: items.len(),
                ..Totals::default()
            },
            ..Streamed::default()
        };
        let mut site = self.lint_site();
        let mut take = |r: Result<Option<FileResult>, FileError>| match r {
            Ok(Some(result)) => {
                if site
                    .as_ref()
                    .is_some_and(|s| s.display_path < result.display_path)
                {
                    let s = site.take().expect("checked just above");
                    streamed.totals.add(&s);
                    emit(s);
                }
                streamed.totals.add(&result);
                emit(result);
            }
            Ok(None) => {}
            Err(e) if e.skipped => {
                streamed.totals.files_checked -= 1;
                streamed.skipped.push(e);
            }
            Err(e) => streamed.errors.push(e),
        };
        if items.len() <= 1 {
            // An editor's one file: no worker threads to start.
            for (shown, input) in items {
                take(self.lint_input(shown, input));
            }
        } else {
            self.lint_in_parallel(items, &mut take);
        }
        if let Some(s) = site {
            streamed.totals.add(&s);
            emit(s);
        }
        streamed
    }

    /// Workers take files in order from one queue, a few at a time, so the
    /// results that wait for an earlier, slower batch stay few (about one
    /// batch per worker); this thread puts the batches back in order. One
    /// message per batch, not per file: waking this thread 50,000 times cost
    /// a quarter of a second of system time.
    fn lint_in_parallel(
        &self,
        items: Vec<(String, Input)>,
        take: &mut dyn FnMut(Result<Option<FileResult>, FileError>),
    ) {
        let queue = Mutex::new((0usize, items.into_iter()));
        let next_batch = || {
            let mut queue = queue.lock().unwrap_or_else(|e| e.into_inner());
            let batch: Vec<(String, Input)> = queue.1.by_ref().take(BATCH).collect();
            queue.0 += 1;
            (!batch.is_empty()).then_some((queue.0 - 1, batch))
        };
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let tx = tx;
                rayon::broadcast(|_| {
                    while let Some((i, batch)) = next_batch() {
                        let results: Vec<_> = batch
                            .into_iter()
                            .map(|(shown, input)| self.lint_input(shown, input))
                            .collect();
                        if tx.send((i, results)).is_err() {
                            break;
                        }
                    }
                });
            });
            let mut waiting = BTreeMap::new();
            let mut want = 0;
            for (i, results) in rx {
                waiting.insert(i, results);
                while let Some(results) = waiting.remove(&want) {
                    results.into_iter().for_each(&mut *take);
                    want += 1;
                }
            }
        });
    }

    fn lint_site(&self) -> Option<FileResult> {
        let (rel, text) = self.site.hugo.file.as_ref()?;
        let diagnostics = self.selection.active(self.site, "").run_site(self.site);
        (!diagnostics.is_empty())
            .then(|| self.result(self.site.root.join(rel), false, text.clone(), diagnostics))
    }

    fn lint_input(&self, shown: String, input: Input) -> Result<Option<FileResult>, FileError> {
        let (path, bytes, from_stdin) = match input {
            Input::File(path) => match self.read(&path) {
                Ok(bytes) => (path, bytes, false),
                Err((message, skipped)) => {
                    return Err(FileError {
                        display_path: shown,
                        message,
                        skipped,
                    });
                }
            },
            Input::Stdin { bytes, path } => (path, bytes, true),
        };
        let rel = self
            .site
            .relative(&path)
            .unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"));
        let doc = Document::parse(rel, bytes, self.site.version);
        let diagnostics = self.lint_document(&doc);
        Ok((!diagnostics.is_empty())
            .then(|| self.result_shown(shown, path, from_stdin, doc.text, diagnostics)))
    }

    /// Reads a content file, refusing anything that is not a regular file
    /// inside the site before opening it: opening a named pipe would block, a
    /// device may never end. Errors say whether the file was skipped (a
    /// warning) or could not be read (exit 2).
    fn read(&self, path: &Path) -> Result<Vec<u8>, (String, bool)> {
        let gone = || ("skipped: it no longer exists".to_string(), true);
        // One `lstat` for the common case, a regular file; links get a second look.
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(gone()),
            Err(e) => return Err((e.to_string(), false)),
        };
        let meta = if meta.file_type().is_symlink() {
            let Ok(target) = std::fs::metadata(path) else {
                return Err(("skipped: a symlink to nothing".to_string(), true));
            };
            let inside = std::fs::canonicalize(path)
                .ok()
                .zip(std::fs::canonicalize(&self.site.root).ok())
                .is_some_and(|(target, root)| target.starts_with(root));
            if !inside {
                return Err((
                    "skipped: a symlink to a file outside the site".to_string(),
                    true,
                ));
            }
            target
        } else {
            meta
        };
        if !meta.is_file() {
            let kind = file_kind(&meta);
            return Err((format!("skipped: {kind}, not a regular file"), true));
        }
        match std::fs::read(path) {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(gone()),
            Err(e) => Err((e.to_string(), false)),
        }
    }

    /// A file's findings as the reports take them: positions computed, the
    /// report's per-file rendering done, the text kept only for fixes.
    pub fn result(
        &self,
        path: PathBuf,
        from_stdin: bool,
        text: String,
        diagnostics: Vec<Diagnostic>,
    ) -> FileResult {
        self.result_shown(
            self.display_path(&path),
            path,
            from_stdin,
            text,
            diagnostics,
        )
    }

    fn result_shown(
        &self,
        display_path: String,
        path: PathBuf,
        from_stdin: bool,
        text: String,
        diagnostics: Vec<Diagnostic>,
    ) -> FileResult {
        let locations = locate(&text, &diagnostics);
        let rendered = self
            .report
            .and_then(|r| r.render_file(&display_path, &text, &diagnostics));
        FileResult {
            display_path,
            path,
            from_stdin,
            text: self.keep_text.then_some(text),
            locations,
            rendered,
            diagnostics,
        }
    }

    pub fn lint_document(&self, doc: &Document) -> Vec<Diagnostic> {
        let cx = Context {
            doc,
            site: self.site,
            schema: self.site.config.schema_for(&doc.rel_path),
        };
        let active = self.selection.active(self.site, &doc.rel_path);
        active.run(&cx)
    }
}
