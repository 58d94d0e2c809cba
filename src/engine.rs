//! The engine: lints many files in parallel and hands their results out in
//! path order, whatever the thread count, as soon as each is ready.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::index::{self, cache, facts::text_hash, lazy::LazyPages, PageFacts, Pages, SiteIndex};
use crate::input::{read_content_file, relative_display, Input};
use crate::lint::Linter;
use crate::outcome::{locate, FileError, FileResult, Outcome, Streamed, Totals};
use crate::report::Report;
use crate::select::Selection;
use crate::site::Site;
use crate::source::LineIndex;

/// How many files a worker takes from the queue at a time.
const BATCH: usize = 32;

/// A run over many inputs of one site.
pub struct Engine<'a> {
    /// The loaded site.
    pub site: &'a Site,
    /// The rules asked for on the command line.
    pub selection: Selection,
    /// Reported paths are relative to this folder.
    pub cwd: PathBuf,
    /// The report, which may render each file on the worker that linted it.
    pub report: Option<&'a dyn Report>,
    /// Keep each file's text in its result (fixes need it).
    pub keep_text: bool,
    /// The inputs are every content file of the site: `pagelint.toml` is checked against
    /// them too (a glob that matches none is a finding), and the pages found in the pass are
    /// all the pages there are; otherwise the site-wide rules look the others up one by one.
    pub whole_site: bool,
}

/// A linted file on its way to the report.
struct Done {
    /// Its findings, when it has some.
    result: Option<FileResult>,
    /// Its facts, when a site-wide rule runs.
    facts: Option<Arc<PageFacts>>,
    /// How it is shown, where it is, and whether it came on standard input.
    shown: String,
    path: PathBuf,
    from_stdin: bool,
    /// Standard input's text, kept when site-wide findings may need it.
    stdin_text: Option<String>,
}

/// The facts of every page linted by earlier runs of the engine (fixes lint the fixed files
/// again, and their site-wide checks need the other pages too).
#[derive(Default)]
struct KnownFacts(Mutex<BTreeMap<String, Arc<PageFacts>>>);

impl Engine<'_> {
    /// How `path` is shown in reports.
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
        // Findings about pagelint.toml need only the paths: known before the pass.
        let config = self.lint_config(&items);
        let site_wide = self.linter().wants.any();
        let mut held: Vec<Done> = Vec::new();
        let mut take = |r: Result<Done, FileError>| match r {
            Ok(done) if site_wide => held.push(done),
            Ok(done) => {
                if let Some(result) = done.result {
                    streamed.totals.add(&result);
                    emit(result);
                }
            }
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
        if site_wide {
            for result in self.after_the_pass(held) {
                streamed.totals.add(&result);
                emit(result);
            }
        }
        // After the pass: site findings may say what the pass could not check.
        for s in self.lint_site().into_iter().chain(config) {
            streamed.totals.add(&s);
            emit(s);
        }
        for r in self.lint_after_run() {
            streamed.totals.add(&r);
            emit(r);
        }
        streamed
    }

    /// Findings on templates once every file was linted, one result per template, after
    /// every content file's.
    fn lint_after_run(&self) -> Vec<FileResult> {
        self.linter()
            .lint_after_run()
            .into_iter()
            .map(|(path, text, diagnostics)| {
                let lines = LineIndex::new(&text);
                self.result(
                    self.display_path(&path),
                    path,
                    false,
                    text,
                    &lines,
                    diagnostics,
                )
            })
            .collect()
    }

    /// The site-wide rules, once every file is linted: their findings join each file's own,
    /// in path order. Only the files that get such findings are read again, to place and
    /// show them (a file that changed since keeps its own findings only).
    fn after_the_pass(&self, held: Vec<Done>) -> Vec<FileResult> {
        let env = index::env(self.site);
        let known = self.site.memo(KnownFacts::default);
        let all: Vec<Arc<PageFacts>> = {
            let mut known = known.0.lock().unwrap_or_else(|e| e.into_inner());
            for f in held.iter().filter_map(|d| d.facts.clone()) {
                known.insert(f.rel_path.clone(), f);
            }
            known.values().cloned().collect()
        };
        let pages: Box<dyn Pages> = if self.whole_site && !self.site.few_files {
            cache::write(&self.site.root, &all);
            Box::new(SiteIndex::new(self.site, &env, all))
        } else {
            let own = held.iter().filter_map(|d| d.facts.clone()).collect();
            Box::new(LazyPages::new(self.site, env.clone(), own))
        };
        let linter = self.linter();
        held.into_iter()
            .filter_map(|done| {
                let extra = match &done.facts {
                    Some(f) => linter.lint_pages(f, pages.as_ref()),
                    None => Vec::new(),
                };
                self.with_extra(done, extra)
            })
            .collect()
    }

    /// A file's result with the findings of the site-wide rules added.
    fn with_extra(&self, done: Done, extra: Vec<Diagnostic>) -> Option<FileResult> {
        if extra.is_empty() {
            return done.result;
        }
        let text = match (
            &done.stdin_text,
            done.result.as_ref().and_then(|r| r.text.clone()),
        ) {
            (Some(t), _) => Some(t.clone()),
            (None, Some(t)) => Some(t),
            (None, None) => std::fs::read(&done.path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok()),
        };
        let hash = done.facts.as_ref().map(|f| f.text_hash);
        let Some(text) = text.filter(|t| Some(text_hash(t)) == hash) else {
            return done.result;
        };
        let mut diagnostics = done.result.map(|r| r.diagnostics).unwrap_or_default();
        diagnostics.extend(extra);
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        let lines = LineIndex::new(&text);
        Some(self.result(
            done.shown,
            done.path,
            done.from_stdin,
            text,
            &lines,
            diagnostics,
        ))
    }

    /// Workers take files in order from one queue, a few at a time, so the
    /// results that wait for an earlier, slower batch stay few (about one
    /// batch per worker); this thread puts the batches back in order. One
    /// message per batch, not per file: waking this thread 50,000 times cost
    /// a quarter of a second of system time.
    fn lint_in_parallel(
        &self,
        items: Vec<(String, Input)>,
        take: &mut dyn FnMut(Result<Done, FileError>),
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

    fn linter(&self) -> Linter<'_> {
        Linter::new(self.site, &self.selection)
    }

    /// The findings about the site, one result per config file that has any, in the order
    /// the files were read.
    fn lint_site(&self) -> Vec<FileResult> {
        let mut out = Vec::new();
        for (i, file) in self.site.hugo.files.iter().enumerate() {
            let diagnostics = self.linter().lint_site(i);
            if diagnostics.is_empty() {
                continue;
            }
            let path = self.site.root.join(&file.path);
            let lines = LineIndex::new(&file.text);
            out.push(self.result(
                self.display_path(&path),
                path,
                false,
                file.text.clone(),
                &lines,
                diagnostics,
            ));
        }
        out
    }

    /// Findings about `pagelint.toml` on a whole-site run.
    fn lint_config(&self, items: &[(String, Input)]) -> Option<FileResult> {
        let path = self.site.config_path.as_ref().filter(|_| self.whole_site)?;
        let files: Vec<String> = items
            .iter()
            .filter_map(|(_, i)| match i {
                Input::File(p) => self.site.relative(p),
                Input::Stdin { .. } => None,
            })
            .collect();
        let diagnostics = self.linter().lint_config(&files);
        if diagnostics.is_empty() {
            return None;
        }
        let text = self.site.config.text.clone();
        let lines = LineIndex::new(&text);
        Some(self.result(
            self.display_path(path),
            path.clone(),
            false,
            text,
            &lines,
            diagnostics,
        ))
    }

    fn lint_input(&self, shown: String, input: Input) -> Result<Done, FileError> {
        let (path, bytes, from_stdin) = match input {
            Input::File(path) => match read_content_file(&path, &self.site.root) {
                Ok(bytes) => (path, bytes, false),
                Err(e) => {
                    return Err(FileError {
                        display_path: shown,
                        message: e.message,
                        skipped: e.skipped,
                    });
                }
            },
            Input::Stdin { bytes, path } => (path, bytes, true),
        };
        let linted = self.linter().lint(&path, bytes);
        let facts = linted.facts.map(Arc::new);
        let stdin_text = (from_stdin && facts.is_some()).then(|| linted.document.text.clone());
        let result = if linted.diagnostics.is_empty() {
            None
        } else {
            let (text, lines) = linted.document.into_text_and_lines();
            Some(self.result(
                shown.clone(),
                path.clone(),
                from_stdin,
                text,
                &lines,
                linted.diagnostics,
            ))
        };
        Ok(Done {
            result,
            facts,
            shown,
            path,
            from_stdin,
            stdin_text,
        })
    }

    /// A file's findings as the reports take them: positions computed from
    /// the file's one line index, the report's per-file rendering done, the
    /// text kept only for fixes.
    fn result(
        &self,
        display_path: String,
        path: PathBuf,
        from_stdin: bool,
        text: String,
        lines: &LineIndex,
        diagnostics: Vec<Diagnostic>,
    ) -> FileResult {
        let locations = locate(&text, lines, &diagnostics);
        let rendered = self
            .report
            .and_then(|r| r.render_file(&display_path, &text, lines, &diagnostics));
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
}
