//! `pagelint server`: a language server over standard input and output, so
//! the editor shows findings as you type.
//!
//! One main thread owns the state and answers every message in order; one
//! worker thread lints. A change to a document sets a short timer (the
//! debounce, 15 ms by default) that each further change resets; when it
//! fires, the document's text goes to the worker, and its findings are
//! published only if the document and its site are still at the version
//! that was linted. Requests (code actions, hover, completion) are answered
//! from the findings of the current text, linted on the spot when the
//! worker's are not current.
//!
//! Protocol: LSP 3.17, positions in the encoding the client prefers among
//! UTF-8, UTF-16 and UTF-32 (UTF-16 when it names none), full or
//! incremental text sync, push diagnostics. Before `initialize`, requests
//! get `ServerNotInitialized`; after `shutdown`, `InvalidRequest`; unknown
//! requests `MethodNotFound`; bad params `InvalidParams`; a request
//! cancelled before it was handled `RequestCancelled`. `exit` ends the
//! server with status 0 after `shutdown`, 1 without.

mod actions;
mod analysis;
mod completion;
mod diagnostics;
mod documents;
mod hover;
mod log;
mod position;
mod transport;
mod workspace;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use ls_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    CompletionResponse, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileChangeType, HoverProviderCapability, InitializeResult, PublishDiagnosticsParams, Range,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentIdentifier,
    TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::lint::Linted;
use crate::site::Site;
use analysis::{analyze, guarded, LintHook};
use documents::OpenDocument;
use position::{Encoding, Text};
use workspace::Workspace;

/// How the server behaves; the defaults are what `pagelint server` uses.
#[derive(Clone)]
pub struct Options {
    /// How long after a change, with no further change, the document is
    /// linted. The client's `initializationOptions.debounceMs` overrides it.
    pub debounce: Duration,
    /// Run on each text just before it is linted (tests use it to panic).
    pub lint_hook: Option<LintHook>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            debounce: Duration::from_millis(15),
            lint_hook: None,
        }
    }
}

/// Runs the server on standard input and output; returns the exit status.
pub fn run_stdio() -> i32 {
    let (connection, transport) = transport::stdio();
    log::info(&format!(
        "pagelint {} language server started",
        env!("CARGO_PKG_VERSION")
    ));
    let code = run(connection, Options::default());
    transport.join();
    code
}

/// Runs the server on `connection` until `exit` or the end of input;
/// returns the exit status (0 after `shutdown`, else 1).
pub fn run(connection: Connection, options: Options) -> i32 {
    let (jobs, results) = spawn_worker(options.lint_hook.clone());
    let mut server = Server {
        sender: connection.sender,
        options,
        phase: Phase::Uninitialized,
        encoding: Encoding::Utf16,
        document_changes: false,
        watch_files: false,
        docs: HashMap::new(),
        workspace: Workspace::default(),
        published_findings: HashMap::new(),
        jobs,
        cancelled: HashSet::new(),
        next_id: 0,
        openings: 0,
    };
    server.main_loop(&connection.receiver, &results)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShutDown,
}

/// The findings of one version of a document, against one load of its site.
struct Cached {
    version: i32,
    generation: u64,
    linted: Arc<Linted>,
}

struct DocState {
    doc: OpenDocument,
    /// Which opening of the document this is: a document closed and opened
    /// again may start over at the same version with another text.
    opening: u64,
    /// The root of its site, if it is in one.
    root: Option<PathBuf>,
    /// When to lint it next.
    due: Option<Instant>,
    in_flight: bool,
    cached: Option<Cached>,
    /// When the first change not yet published arrived.
    changed_at: Option<Instant>,
    /// Whether diagnostics were published for it (to clear them on close).
    published: bool,
}

struct Job {
    uri: Uri,
    opening: u64,
    version: i32,
    generation: u64,
    site: Arc<Site>,
    path: PathBuf,
    text: String,
}

struct Done {
    uri: Uri,
    opening: u64,
    version: i32,
    generation: u64,
    result: Result<Linted, String>,
    took: Duration,
}

fn spawn_worker(hook: Option<LintHook>) -> (Sender<Job>, Receiver<Done>) {
    let (jobs, job_rx) = crossbeam_channel::unbounded::<Job>();
    let (done_tx, results) = crossbeam_channel::unbounded::<Done>();
    std::thread::Builder::new()
        .name("pagelint-lint".into())
        .spawn(move || {
            for job in job_rx {
                let started = Instant::now();
                let result = analyze(&job.site, &job.path, &job.text, hook.as_ref());
                let done = Done {
                    uri: job.uri,
                    opening: job.opening,
                    version: job.version,
                    generation: job.generation,
                    result,
                    took: started.elapsed(),
                };
                if done_tx.send(done).is_err() {
                    return;
                }
            }
        })
        .expect("spawn the lint thread");
    (jobs, results)
}

struct Server {
    sender: Sender<Message>,
    options: Options,
    phase: Phase,
    encoding: Encoding,
    /// The client takes versioned `documentChanges` in workspace edits.
    document_changes: bool,
    /// The client reports file changes (`workspace/didChangeWatchedFiles`).
    watch_files: bool,
    docs: HashMap<Uri, DocState>,
    workspace: Workspace,
    /// Per site root, the configuration files that findings were published for.
    published_findings: HashMap<PathBuf, Vec<Uri>>,
    jobs: Sender<Job>,
    /// Requests cancelled before they were handled.
    cancelled: HashSet<RequestId>,
    next_id: i32,
    /// Documents opened so far.
    openings: u64,
}

/// A request's failure: an error code and a message.
type Failure = (ErrorCode, String);

fn params<P: DeserializeOwned>(value: Value) -> Result<P, Failure> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

const WATCHED: &[&str] = &[
    "**/{hugo,config}.{toml,yaml,yml,json}",
    "**/config/**",
    "**/{pagelint,.pagelint}.toml",
    "**/*.{md,markdown,mdown}",
    "**/layouts/**",
    "**/static/**",
    "**/*.{png,jpg,jpeg,gif,svg,webp,avif,bmp,ico,tif,tiff,heic,mp4,webm,pdf}",
];

impl Server {
    fn send(&self, msg: impl Into<Message>) {
        // A send fails only when the writer is gone, and then so is the client.
        let _ = self.sender.send(msg.into());
    }

    /// Sends a notification, unless the server is shut down: after
    /// `shutdown` it only answers requests.
    fn notify(&self, method: &str, params: impl serde::Serialize) {
        if self.phase != Phase::ShutDown {
            self.send(Notification::new(method.to_string(), params));
        }
    }

    fn main_loop(&mut self, receiver: &Receiver<Message>, results: &Receiver<Done>) -> i32 {
        let mut queue: VecDeque<Message> = VecDeque::new();
        loop {
            // After shutdown nothing is linted: no timer to wait for.
            let due = self
                .docs
                .values()
                .filter(|d| !d.in_flight && self.phase != Phase::ShutDown)
                .filter_map(|d| d.due)
                .min();
            let timer = match due {
                Some(at) => crossbeam_channel::at(at),
                None => crossbeam_channel::never(),
            };
            crossbeam_channel::select! {
                recv(receiver) -> msg => match msg {
                    Ok(msg) => {
                        queue.push_back(msg);
                        queue.extend(receiver.try_iter());
                    }
                    Err(_) => {
                        log::info("the client closed the connection");
                        return self.exit_code();
                    }
                },
                recv(results) -> done => {
                    if let Ok(done) = done {
                        self.on_done(done);
                    }
                }
                recv(timer) -> _ => {}
            }
            // A cancellation waiting behind its request cancels it.
            for msg in &queue {
                if let Message::Notification(n) = msg {
                    if n.method == "$/cancelRequest" {
                        if let Some(id) = cancel_id(&n.params) {
                            self.cancelled.insert(id);
                        }
                    }
                }
            }
            while let Some(msg) = queue.pop_front() {
                if let Some(code) = self.handle(msg) {
                    return code;
                }
            }
            self.cancelled.clear();
            self.dispatch_due();
        }
    }

    fn exit_code(&self) -> i32 {
        if self.phase == Phase::ShutDown {
            0
        } else {
            1
        }
    }

    /// Handles one message; Some(status) when the server must exit.
    fn handle(&mut self, msg: Message) -> Option<i32> {
        match msg {
            // `exit` is a notification; a client that sends it as a request
            // (older eglot did) gets the same: the server exits, unanswered.
            Message::Request(req) if req.method == "exit" => Some(self.exit_code()),
            Message::Request(req) => {
                self.on_request(req);
                None
            }
            Message::Notification(n) => self.on_notification(n),
            Message::Response(_) => None,
        }
    }

    fn on_request(&mut self, req: Request) {
        let id = req.id.clone();
        let outcome: Result<Value, Failure> = match (self.phase, req.method.as_str()) {
            (Phase::Uninitialized, "initialize") => self.initialize(req.params),
            (Phase::Uninitialized, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet".into(),
            )),
            (Phase::ShutDown, _) => {
                Err((ErrorCode::InvalidRequest, "the server is shut down".into()))
            }
            (Phase::Running, "initialize") => Err((
                ErrorCode::InvalidRequest,
                "the server is already initialized".into(),
            )),
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShutDown;
                Ok(Value::Null)
            }
            _ if self.cancelled.remove(&id) => {
                Err((ErrorCode::RequestCanceled, "cancelled by the client".into()))
            }
            (Phase::Running, method) => {
                let method = method.to_string();
                match guarded(|| self.request(&method, req.params)) {
                    Ok(result) => result,
                    Err(panic) => {
                        let message = format!("{method} failed: {panic}");
                        log::error(&message);
                        self.log_message(1, &message);
                        Err((ErrorCode::InternalError, message))
                    }
                }
            }
        };
        let response = match outcome {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    fn request(&mut self, method: &str, raw: Value) -> Result<Value, Failure> {
        match method {
            "textDocument/codeAction" => self.code_action(params(raw)?),
            "textDocument/hover" => self.hover(params(raw)?),
            "textDocument/completion" => self.completion(params(raw)?),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("pagelint does not handle `{method}`"),
            )),
        }
    }

    fn on_notification(&mut self, n: Notification) -> Option<i32> {
        if n.method == "exit" {
            return Some(self.exit_code());
        }
        if self.phase != Phase::Running {
            return None;
        }
        let method = n.method.clone();
        let handled = guarded(|| self.notification(n));
        match handled {
            Ok(Ok(())) => {}
            Ok(Err((_, message))) => log::warn(&format!("{method}: {message}")),
            Err(panic) => {
                let message = format!("{method} failed: {panic}");
                log::error(&message);
                self.log_message(1, &message);
            }
        }
        None
    }

    fn notification(&mut self, n: Notification) -> Result<(), Failure> {
        match n.method.as_str() {
            "initialized" => self.register_watchers(),
            "textDocument/didOpen" => self.did_open(params(n.params)?),
            "textDocument/didChange" => self.did_change(params(n.params)?),
            "textDocument/didSave" => self.did_save(params(n.params)?),
            "textDocument/didClose" => self.did_close(params(n.params)?),
            "workspace/didChangeWatchedFiles" => self.watched_files(params(n.params)?),
            method => log::debug(&format!("ignored notification `{method}`")),
        }
        Ok(())
    }

    fn log_message(&self, kind: u8, message: &str) {
        self.notify(
            "window/logMessage",
            json!({"type": kind, "message": format!("pagelint: {message}")}),
        );
    }

    // ----- lifecycle -----

    fn initialize(&mut self, raw: Value) -> Result<Value, Failure> {
        if !(raw.is_object()) {
            return Err((
                ErrorCode::InvalidParams,
                "initialize takes an InitializeParams object".into(),
            ));
        }
        let caps = raw.get("capabilities").cloned().unwrap_or(Value::Null);
        if !(caps.is_object() || caps.is_null()) {
            return Err((
                ErrorCode::InvalidParams,
                "`capabilities` must be an object".into(),
            ));
        }
        let offered: Option<Vec<ls_types::PositionEncodingKind>> = caps
            .pointer("/general/positionEncodings")
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        self.encoding = Encoding::negotiate(offered.as_deref());
        let flag = |pointer: &str| caps.pointer(pointer).and_then(Value::as_bool) == Some(true);
        self.document_changes = flag("/workspace/workspaceEdit/documentChanges");
        self.watch_files = flag("/workspace/didChangeWatchedFiles/dynamicRegistration");
        if let Some(ms) = raw
            .pointer("/initializationOptions/debounceMs")
            .and_then(Value::as_u64)
        {
            self.options.debounce = Duration::from_millis(ms.min(10_000));
        }
        self.phase = Phase::Running;
        log::debug(&format!(
            "initialized: positions in {:?}, file watching {}",
            self.encoding,
            if self.watch_files {
                "by the client"
            } else {
                "on save"
            }
        ));
        let result = InitializeResult {
            capabilities: capabilities(self.encoding),
            server_info: Some(ServerInfo {
                name: "pagelint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        };
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn register_watchers(&mut self) {
        if !self.watch_files {
            return;
        }
        let watchers: Vec<Value> = WATCHED.iter().map(|g| json!({"globPattern": g})).collect();
        self.next_id += 1;
        let id = RequestId::from(format!("pagelint-{}", self.next_id));
        self.send(Request::new(
            id,
            "client/registerCapability".into(),
            json!({"registrations": [{
                "id": "pagelint-watched-files",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": watchers},
            }]}),
        ));
    }

    // ----- documents -----

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let item = p.text_document;
        let doc = OpenDocument::new(&item.uri, item.version, item.text);
        let root = doc.path.as_deref().and_then(Workspace::root_of);
        if let Some(root) = &root {
            let known = self.workspace.sites.contains_key(root);
            let state = self.workspace.site(root);
            let reloaded = !known || (!self.watch_files && state.reload_if_stale());
            if reloaded {
                self.site_reloaded(root);
            }
        }
        self.openings += 1;
        self.docs.insert(
            item.uri,
            DocState {
                doc,
                opening: self.openings,
                root,
                due: Some(Instant::now()),
                in_flight: false,
                cached: None,
                changed_at: Some(Instant::now()),
                published: false,
            },
        );
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let encoding = self.encoding;
        let debounce = self.options.debounce;
        let Some(state) = self.docs.get_mut(&p.text_document.uri) else {
            log::warn(&format!(
                "a change to {} which is not open",
                p.text_document.uri.as_str()
            ));
            return;
        };
        for change in p.content_changes {
            state.doc.apply(change, encoding);
        }
        state.doc.version = p.text_document.version;
        let now = Instant::now();
        state.due = Some(now + debounce);
        state.changed_at.get_or_insert(now);
    }

    fn did_save(&mut self, p: DidSaveTextDocumentParams) {
        let uri = p.text_document.uri;
        let Some(state) = self.docs.get_mut(&uri) else {
            return;
        };
        if let Some(text) = p.text {
            state.doc.text = text;
        }
        state.due = Some(Instant::now());
        let (Some(root), Some(path)) = (state.root.clone(), state.doc.path.clone()) else {
            return;
        };
        let site = self.workspace.site(&root);
        if let Some(current) = site.site.clone() {
            site.terms.update(&current, &path);
        }
        // Without file events from the client, a save is when the site's
        // files (new images, a changed config) are looked at again.
        if !self.watch_files {
            site.reload();
            self.site_reloaded(&root);
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        if let Some(state) = self.docs.remove(&p.text_document.uri) {
            if state.published {
                self.publish(&p.text_document.uri, Vec::new(), None);
            }
        }
    }

    fn watched_files(&mut self, p: DidChangeWatchedFilesParams) {
        let mut reload: HashSet<PathBuf> = HashSet::new();
        let mut roots_may_move = false;
        for change in p.changes {
            let Some(path) = documents::path_of(&change.uri) else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split('.').next().unwrap_or("");
            if matches!(stem, "hugo" | "config" | "pagelint" | "")
                || path.components().any(|c| c.as_os_str() == "config")
            {
                roots_may_move = true;
            }
            let Some(root) = self.workspace.loaded_site_of(&path).cloned() else {
                continue;
            };
            let existence = change.typ != FileChangeType::CHANGED;
            let config = workspace::is_config_file(&root, &path);
            let layouts =
                path.starts_with(root.join("layouts")) || path.starts_with(root.join("themes"));
            if existence || config || layouts {
                reload.insert(root.clone());
            }
            if crate::site::is_content_file(&path) {
                let state = self.workspace.site(&root);
                if let Some(site) = state.site.clone() {
                    state.terms.update(&site, &path);
                }
            }
        }
        for root in &reload {
            self.workspace.site(root).reload();
            self.site_reloaded(root);
        }
        if roots_may_move {
            self.reassign_roots();
        }
    }

    /// After a config file appeared or went: which site each open document
    /// belongs to now.
    fn reassign_roots(&mut self) {
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            let Some(state) = self.docs.get(&uri) else {
                continue;
            };
            let root = state.doc.path.as_deref().and_then(Workspace::root_of);
            if root == state.root {
                continue;
            }
            if let Some(root) = &root {
                if !self.workspace.sites.contains_key(root) {
                    self.workspace.site(root);
                    self.site_reloaded(root);
                }
            }
            if let Some(state) = self.docs.get_mut(&uri) {
                state.root = root;
                state.cached = None;
                state.due = Some(Instant::now());
            }
        }
    }

    /// Publishes the site's configuration findings and lints its open
    /// documents again.
    fn site_reloaded(&mut self, root: &Path) {
        let Some(state) = self.workspace.sites.get(root) else {
            return;
        };
        let mut now_published = Vec::new();
        for f in &state.findings {
            let Some(uri) = Uri::from_file_path(&f.path) else {
                continue;
            };
            let lines = crate::source::LineIndex::new(&f.text);
            let text = Text::new(&f.text, &lines, self.encoding);
            let diags = f
                .diagnostics
                .iter()
                .map(|d| diagnostics::to_lsp(d, &text, &uri))
                .collect();
            self.publish(&uri, diags, None);
            now_published.push(uri);
        }
        let before = self
            .published_findings
            .insert(root.to_path_buf(), now_published.clone())
            .unwrap_or_default();
        for uri in before.into_iter().filter(|u| !now_published.contains(u)) {
            self.publish(&uri, Vec::new(), None);
        }
        let now = Instant::now();
        for d in self.docs.values_mut() {
            if d.root.as_deref() == Some(root) {
                d.due = Some(now);
            }
        }
    }

    // ----- linting -----

    /// The site that lints a document, if one does.
    fn site_for(&self, state: &DocState) -> Option<(Arc<Site>, u64, PathBuf)> {
        let root = state.root.as_ref()?;
        let path = state.doc.path.clone()?;
        let site = self.workspace.sites.get(root)?;
        if !site.lints(&path) {
            return None;
        }
        Some((site.site.clone()?, site.generation, path))
    }

    fn dispatch_due(&mut self) {
        if self.phase == Phase::ShutDown {
            return;
        }
        let now = Instant::now();
        let due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| !d.in_flight && d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            let Some(state) = self.docs.get(&uri) else {
                continue;
            };
            let target = self.site_for(state);
            let Some(state) = self.docs.get_mut(&uri) else {
                continue;
            };
            state.due = None;
            let Some((site, generation, path)) = target else {
                // Outside any site, or not a content file: nothing, quietly.
                state.changed_at = None;
                if std::mem::take(&mut state.published) {
                    self.publish(&uri, Vec::new(), None);
                }
                continue;
            };
            let version = state.doc.version;
            if let Some(c) = &state.cached {
                if c.version == version && c.generation == generation {
                    let linted = c.linted.clone();
                    self.publish_linted(&uri, version, &linted);
                    continue;
                }
            }
            state.in_flight = true;
            let job = Job {
                uri: uri.clone(),
                opening: state.opening,
                version,
                generation,
                site,
                path,
                text: state.doc.text.clone(),
            };
            if self.jobs.send(job).is_err() {
                log::error("the lint thread is gone");
            }
        }
    }

    fn on_done(&mut self, done: Done) {
        let current = self.docs.get(&done.uri).and_then(|s| {
            let generation = self.workspace.sites.get(s.root.as_ref()?)?.generation;
            Some((s.opening, s.doc.version, generation))
        });
        let Some(state) = self.docs.get_mut(&done.uri) else {
            return; // closed meanwhile
        };
        if state.opening != done.opening {
            return; // closed and opened again: the new opening has its own job
        }
        state.in_flight = false;
        if current != Some((done.opening, done.version, done.generation)) {
            // The document or its site changed while it was linted: never
            // publish findings of an older version; lint the new one.
            state.due.get_or_insert_with(Instant::now);
            return;
        }
        match done.result {
            Ok(linted) => {
                let linted = Arc::new(linted);
                state.cached = Some(Cached {
                    version: done.version,
                    generation: done.generation,
                    linted: linted.clone(),
                });
                if let Some(at) = state.changed_at.take() {
                    log::debug(&format!(
                        "{} v{}: {} findings, linted in {:.1} ms, published {:.1} ms after the change",
                        done.uri.as_str(),
                        done.version,
                        linted.diagnostics.len(),
                        done.took.as_secs_f64() * 1e3,
                        at.elapsed().as_secs_f64() * 1e3
                    ));
                }
                self.publish_linted(&done.uri, done.version, &linted);
            }
            Err(panic) => {
                state.changed_at = None;
                let message = format!(
                    "linting {} (version {}) panicked: {panic}; no findings for this version",
                    done.uri.as_str(),
                    done.version
                );
                log::error(&message);
                self.log_message(1, &message);
            }
        }
    }

    fn publish_linted(&mut self, uri: &Uri, version: i32, linted: &Linted) {
        let text = Text::new(
            &linted.document.text,
            linted.document.lines(),
            self.encoding,
        );
        let diags = linted
            .diagnostics
            .iter()
            .map(|d| diagnostics::to_lsp(d, &text, uri))
            .collect();
        if let Some(state) = self.docs.get_mut(uri) {
            state.published = true;
            state.changed_at = None;
        }
        self.publish(uri, diags, Some(version));
    }

    fn publish(&self, uri: &Uri, diagnostics: Vec<ls_types::Diagnostic>, version: Option<i32>) {
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version,
            },
        );
    }

    /// The findings of the document's current text, linted now if the
    /// worker's are not current. None outside a site, or if linting panicked.
    fn current(&mut self, uri: &Uri) -> Option<(Arc<Linted>, Arc<Site>, PathBuf, i32)> {
        let state = self.docs.get(uri)?;
        let (site, generation, path) = self.site_for(state)?;
        let version = state.doc.version;
        if let Some(c) = &state.cached {
            if c.version == version && c.generation == generation {
                return Some((c.linted.clone(), site, path, version));
            }
        }
        let linted = match analyze(
            &site,
            &path,
            &state.doc.text,
            self.options.lint_hook.as_ref(),
        ) {
            Ok(linted) => Arc::new(linted),
            Err(panic) => {
                log::error(&format!("linting {} panicked: {panic}", uri.as_str()));
                return None;
            }
        };
        let state = self.docs.get_mut(uri)?;
        state.cached = Some(Cached {
            version,
            generation,
            linted: linted.clone(),
        });
        Some((linted, site, path, version))
    }

    // ----- requests -----

    fn code_action(&mut self, p: CodeActionArgs) -> Result<Value, Failure> {
        let uri = p.text_document.uri;
        let Some((linted, site, path, version)) = self.current(&uri) else {
            return Ok(json!([]));
        };
        let request = actions::Request {
            uri: &uri,
            version,
            linted: &linted,
            site: &site,
            path: &path,
            encoding: self.encoding,
            document_changes: self.document_changes,
            hook: self.options.lint_hook.as_ref(),
        };
        let only = p.context.and_then(|c| c.only);
        let found = request.actions(p.range, only.as_deref());
        serde_json::to_value(found).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn hover(&mut self, p: TextDocumentPositionParams) -> Result<Value, Failure> {
        let Some((linted, site, _, _)) = self.current(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let found = hover::hover(&linted, &site, self.encoding, p.position);
        serde_json::to_value(found).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn completion(&mut self, p: TextDocumentPositionParams) -> Result<Value, Failure> {
        // Completion needs the text parsed, not linted: it comes between
        // keystrokes, before the debounce has let the lint run.
        let Some(state) = self.docs.get(&p.text_document.uri) else {
            return Ok(Value::Null);
        };
        let (Some((site, _, path)), Some(root)) = (self.site_for(state), state.root.clone()) else {
            return Ok(Value::Null);
        };
        let selection = crate::select::Selection::default();
        let rel = crate::lint::Linter::new(&site, &selection).rel_path(&path);
        let doc =
            crate::document::Document::parse(rel, state.doc.text.as_bytes().to_vec(), site.version);
        let terms = self.workspace.site(&root).terms.clone();
        let request = completion::Request {
            doc: &doc,
            site: &site,
            terms: &terms,
            path: &path,
            encoding: self.encoding,
        };
        let found = request.complete(p.position).map(CompletionResponse::List);
        serde_json::to_value(found).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }
}

/// What `textDocument/codeAction` needs of its params (read leniently: the
/// client's own diagnostics in `context` are not needed).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CodeActionArgs {
    text_document: TextDocumentIdentifier,
    range: Range,
    #[serde(default)]
    context: Option<CodeActionContextArgs>,
}

#[derive(serde::Deserialize)]
struct CodeActionContextArgs {
    #[serde(default)]
    only: Option<Vec<CodeActionKind>>,
}

fn cancel_id(params: &Value) -> Option<RequestId> {
    match params.get("id")? {
        Value::Number(n) => Some(RequestId::from(i32::try_from(n.as_i64()?).ok()?)),
        Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            resolve_provider: Some(false),
            trigger_characters: Some(
                ["(", "/", "<", "%", "\"", "'", "[", ",", ":", "="]
                    .map(String::from)
                    .to_vec(),
            ),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(actions::FIX_ALL),
            ]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}
