//! The core API: lint one document, in memory, against a loaded site.
//!
//! Everything that lints calls this: the command line (files and standard
//! input, through the engine), the language server on an editor's buffer,
//! and the fuzz targets. It does no I/O of its own beyond what the site's
//! indexes read on first use (folder listings, templates).

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::index::{self, lazy::LazyPages, PageFacts, Pages, Wants};
use crate::outcome::{locate, Located};
use crate::rules::{Context, PagesContext};
use crate::select::Selection;
use crate::site::Site;

/// Lints documents of one site with one selection of rules.
#[derive(Clone, Copy)]
pub struct Linter<'a> {
    /// The loaded site: its config, schema and indexes.
    pub site: &'a Site,
    /// The rules asked for on the command line.
    pub selection: &'a Selection,
    /// What the site-wide rules of the run need of every page.
    pub wants: Wants,
}

/// One linted document and its findings.
#[derive(Debug)]
pub struct Linted {
    /// The parsed document; its line index turns spans into positions.
    pub document: Document,
    /// Findings sorted by span, with byte spans into `document.text`.
    pub diagnostics: Vec<Diagnostic>,
    /// What the site-wide rules need of this page, when one runs: their findings come
    /// from [`Linter::lint_pages`] once every page's facts are known.
    pub facts: Option<PageFacts>,
}

impl Linted {
    /// Line and column of every diagnostic and of its fix's edits, in order.
    pub fn locations(&self) -> Vec<Located> {
        locate(
            &self.document.text,
            self.document.lines(),
            &self.diagnostics,
        )
    }
}

impl<'a> Linter<'a> {
    /// A linter of `site` running the rules of `selection`.
    pub fn new(site: &'a Site, selection: &'a Selection) -> Self {
        Linter {
            site,
            selection,
            wants: selection.run_wants(site),
        }
    }

    /// Parses `bytes` as the content file at `path` (absolute, or relative to
    /// the site root) and lints it. The file on disk is not read: `bytes` may
    /// be an editor's unsaved buffer.
    pub fn lint(&self, path: &Path, bytes: Vec<u8>) -> Linted {
        let rel = self.rel_path(path);
        let document = Document::parse(rel, bytes, self.site.version);
        let diagnostics = self.lint_document(&document);
        let facts = self
            .wants
            .any()
            .then(|| index::gather(&document, self.site, &index::env(self.site), self.wants));
        Linted {
            document,
            diagnostics,
            facts,
        }
    }

    /// Lints one document on its own (an editor's buffer): [`Linter::lint`], then the
    /// site-wide rules' findings on it, its links' targets looked up page by page (by their
    /// paths first; see [`index::lazy`]) rather than by reading the site.
    pub fn lint_alone(&self, path: &Path, bytes: Vec<u8>) -> Linted {
        let mut linted = self.lint(path, bytes);
        if let Some(facts) = linted.facts.clone() {
            let facts = Arc::new(facts);
            let pages = LazyPages::new(self.site, index::env(self.site), vec![facts.clone()]);
            linted.diagnostics.extend(self.lint_pages(&facts, &pages));
            linted.diagnostics.sort_by(|a, b| {
                (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
            });
        }
        linted
    }

    /// The site-wide rules' findings on one page, from its facts and every page's
    /// (`pages`), at their configured severity, without the suppressed ones, sorted by span.
    pub fn lint_pages(&self, facts: &PageFacts, pages: &dyn Pages) -> Vec<Diagnostic> {
        let env = index::env(self.site);
        let cx = PagesContext {
            site: self.site,
            env: &env,
            pages,
            page: facts,
        };
        self.selection
            .active(self.site, &facts.rel_path)
            .run_pages(&cx)
    }

    /// The site-relative path with `/` separators that schemas and overrides
    /// match `path` against (the path itself when it lies outside the site).
    pub fn rel_path(&self, path: &Path) -> String {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.site.root.join(path)
        };
        self.site
            .relative(&absolute)
            .unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"))
    }

    /// Lints a parsed document: the findings of every active rule, at their
    /// configured severity, without the suppressed ones, sorted by span.
    pub fn lint_document(&self, doc: &Document) -> Vec<Diagnostic> {
        let cx = Context {
            doc,
            site: self.site,
            schema: self.site.config.schema_for(&doc.rel_path),
        };
        self.selection.active(self.site, &doc.rel_path).run(&cx)
    }

    /// Findings about the site as a whole, with spans into the text of its config file
    /// `site.hugo.files[file]`.
    pub fn lint_site(&self, file: usize) -> Vec<Diagnostic> {
        self.selection
            .active(self.site, "")
            .run_site(self.site, file)
    }

    /// Findings about `pagelint.toml` (globs that match nothing), with spans
    /// into its text; `files` are the site-relative paths of every content
    /// file of a run over the whole site.
    pub fn lint_config(&self, files: &[String]) -> Vec<Diagnostic> {
        self.selection
            .active(self.site, "")
            .run_config(self.site, files)
    }

    /// Findings on templates that depend on what the documents linted so far used (call it
    /// after them): per template file, its text and findings.
    pub fn lint_after_run(&self) -> Vec<(std::path::PathBuf, String, Vec<Diagnostic>)> {
        let mut by_file: Vec<(std::path::PathBuf, String, Vec<Diagnostic>)> = Vec::new();
        for f in self.selection.active(self.site, "").run_after(self.site) {
            match by_file.iter_mut().find(|(p, _, _)| *p == f.path) {
                Some(entry) => entry.2.push(f.diagnostic),
                None => by_file.push((f.path, f.text, vec![f.diagnostic])),
            }
        }
        by_file.sort_by(|a, b| a.0.cmp(&b.0));
        by_file
    }
}
