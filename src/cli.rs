//! The command line: parse arguments, load the site, run the engine, report.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::engine::Engine;
use crate::fix;
use crate::input::{absolute, Input};
use crate::outcome::{FileError, Totals};
use crate::report::{self, Format, Report};
use crate::rules;
use crate::select::Selection;
use crate::site::{self, LoadOptions, Site};
use crate::version::HugoVersion;
use crate::walk;

/// Exit status 0: no error (warnings allowed), `--exit-zero`, or `--help`.
pub const EXIT_CLEAN: i32 = 0;
/// Exit status 1: at least one error, or `--diff` with something to change.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status 2: pagelint could not do its job (bad arguments, a bad config
/// file, no site found, a file that could not be read).
pub const EXIT_TROUBLE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "pagelint",
    version,
    about = "Lint the Markdown content of a Hugo site: front matter, images, shortcodes"
)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check content files (the default command)
    Check(CheckArgs),
    /// List every rule: name, default severity, fixable, summary
    Rules,
    /// Print a rule's documentation
    Rule {
        /// The rule's name, e.g. empty-field
        name: String,
    },
    /// Run the language server (LSP over standard input and output)
    Server,
    /// Write a pagelint.toml inferred from the site's pages
    Init(InitArgs),
    /// Print the JSON Schema of pagelint.toml (for taplo, Even Better TOML)
    ConfigSchema,
}

#[derive(clap::Args, Debug, Default)]
struct InitArgs {
    /// The site's folder (default: the site around the current folder)
    path: Option<PathBuf>,
    /// Replace an existing pagelint.toml
    #[arg(long, conflicts_with = "stdout")]
    force: bool,
    /// Print the inferred file instead of writing it
    #[arg(long)]
    stdout: bool,
}

#[derive(clap::Args, Debug, Default)]
struct CheckArgs {
    /// Files or folders to check, or `-` for standard input; default: the whole site
    paths: Vec<PathBuf>,
    /// Use this pagelint.toml instead of searching for one
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore every pagelint.toml
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// Output format [default: human]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Check only these rules (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    select: Option<Vec<String>>,
    /// Do not check these rules (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    ignore: Vec<String>,
    /// Print the number of findings per rule
    #[arg(long)]
    statistics: bool,
    /// Print the findings and nothing else: no summary, no notes
    #[arg(long, short)]
    quiet: bool,
    /// When to color the output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
    /// Exit 0 even when errors are found
    #[arg(long)]
    exit_zero: bool,
    /// Which Hugo's behaviour to check against, e.g. 0.111
    /// (default: the config's, else the latest known)
    #[arg(long, value_name = "X.Y")]
    hugo_version: Option<String>,
    /// Name standard input's document, for config lookup, images and the report
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Judge future and expired pages at this moment (RFC 3339, e.g.
    /// 2026-12-01T08:00:00+08:00) instead of now
    #[arg(long, value_name = "TIMESTAMP")]
    now: Option<String>,
    /// Skip explicit file arguments that the config excludes (for pre-commit)
    #[arg(long)]
    force_exclude: bool,
    /// Apply safe fixes
    #[arg(long)]
    fix: bool,
    /// Also apply unsafe fixes (did-you-mean replacements); implies --fix
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the changes --fix would make as a unified diff and change nothing
    #[arg(long)]
    diff: bool,
    /// Worker threads (default: one per core)
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, Default)]
enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit status.
pub fn main(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_CLEAN
            };
        }
    };
    let result = match cli.command {
        Some(Command::Rules) => list_rules(),
        Some(Command::Rule { name }) => show_rule(&name),
        Some(Command::Server) => Ok(crate::server::run_stdio()),
        Some(Command::Check(args)) => check(args),
        Some(Command::Init(args)) => init(args),
        Some(Command::ConfigSchema) => {
            println!("{}", config_schema());
            Ok(EXIT_CLEAN)
        }
        None => check(cli.check),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("pagelint: error: {message}");
            EXIT_TROUBLE
        }
    }
}

fn list_rules() -> Result<i32, String> {
    let mut out = String::from("rule                    default   fixable      summary\n");
    for r in rules::ALL {
        let m = r.meta();
        let default = if m.default_enabled {
            m.severity.as_str()
        } else {
            "off"
        };
        out.push_str(&format!(
            "{:<23} {:<9} {:<12} {}\n",
            m.name,
            default,
            m.fixable.as_str(),
            m.summary
        ));
    }
    print!("{out}");
    Ok(EXIT_CLEAN)
}

fn show_rule(name: &str) -> Result<i32, String> {
    match rules::by_name(name) {
        Some(m) => {
            print!("{}", m.doc);
            Ok(EXIT_CLEAN)
        }
        None => {
            let hint = crate::suggest::nearest(name, rules::names().iter().copied())
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            Err(format!(
                "no rule named `{name}`{hint}; `pagelint rules` lists them"
            ))
        }
    }
}

/// The JSON Schema of `pagelint.toml`, as `pagelint config-schema` prints it.
pub fn config_schema() -> String {
    let rules: Vec<(&str, &str)> = rules::ALL
        .iter()
        .map(|r| (r.meta().name, r.meta().summary))
        .collect();
    let schema = crate::config::schema::json_schema(&rules);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// `pagelint init`: infers a schema from the site's pages and writes it.
fn init(args: InitArgs) -> Result<i32, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let start = absolute(&cwd, args.path.as_deref().unwrap_or(Path::new(".")));
    if !start.is_dir() {
        return Err(format!("{}: no such folder", start.display()));
    }
    let root = site::find_root(&start).ok_or_else(|| {
        format!(
            "no Hugo site found in {} or above it (looked for hugo.toml, \
                config.toml, config/_default/ or pagelint.toml)",
            start.display()
        )
    })?;
    let existing = ["pagelint.toml", ".pagelint.toml"]
        .iter()
        .map(|n| root.join(n))
        .find(|p| p.exists());
    let target = existing
        .clone()
        .unwrap_or_else(|| root.join("pagelint.toml"));
    let shown = crate::input::relative_display(&cwd, &target);
    if existing.is_some() && !args.force && !args.stdout {
        return Err(format!(
            "{shown} already exists: `--force` replaces it, `--stdout` prints the inferred one"
        ));
    }
    let options = LoadOptions {
        config: None,
        isolated: true,
        version: None,
        known_rules: rules::names(),
    };
    let site = match Site::load(root, &options) {
        Ok(site) => site,
        Err(e) => {
            report_config_error(
                &e,
                &cwd,
                use_color(ColorArg::Auto, io::stderr().is_terminal()),
            );
            return Ok(EXIT_TROUBLE);
        }
    };
    let files = walk::collect(&site, &[], false, 0);
    let inferred = crate::init::infer(&site, &files);
    if args.stdout {
        print!("{}", inferred.text);
        return Ok(EXIT_CLEAN);
    }
    std::fs::write(&target, &inferred.text).map_err(|e| format!("cannot write {shown}: {e}"))?;
    let fields: usize = inferred.schemas.iter().map(|s| s.fields.len()).sum();
    eprintln!(
        "pagelint: wrote {shown}: {} with {} from {}; {} left out as too rare \
            (see its comments). Review it, then run `pagelint check`.",
        plural(inferred.schemas.len(), "schema"),
        plural(fields, "field"),
        plural(inferred.files, "content file"),
        plural(inferred.rare_values(), "value"),
    );
    Ok(EXIT_CLEAN)
}

fn rule_list(names: &[String]) -> Result<Vec<&'static str>, String> {
    names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(|n| {
            rules::by_name(n).map(|m| m.name).ok_or_else(|| {
                let hint = crate::suggest::nearest(n, rules::names().iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                format!("unknown rule `{n}`{hint}")
            })
        })
        .collect()
}

/// Whether to colour output written to a stream that `is_terminal` describes.
fn use_color(arg: ColorArg, is_terminal: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && is_terminal,
    }
}

/// The subcommands, for did-you-mean on a word that is not a path.
const SUBCOMMANDS: &[&str] = &["check", "rules", "rule", "server", "init", "config-schema"];

/// The error for a path argument that does not exist: a misspelt
/// subcommand (`pagelint chek`) gets did-you-mean.
fn no_such_path(given: &Path) -> String {
    let word = given.to_string_lossy();
    let plain = !word.contains(['/', '\\', '.']);
    match crate::suggest::nearest(&word, SUBCOMMANDS.iter().copied()).filter(|_| plain) {
        Some(s) => format!(
            "`{word}` is not a subcommand, a file or a folder; did you mean `pagelint {s}`?"
        ),
        None => format!("{}: no such file or folder", given.display()),
    }
}

/// What the command line names: files and folders, or standard input.
struct Targets {
    /// Absolute paths of the file and folder arguments.
    paths: Vec<PathBuf>,
    /// The path standard input is linted as, when `-` was given.
    stdin_path: Option<PathBuf>,
}

impl Targets {
    fn from_args(args: &CheckArgs, cwd: &Path) -> Result<Targets, String> {
        let dash = args.paths.iter().any(|p| p.as_os_str() == "-");
        if dash && args.paths.len() > 1 {
            return Err("`-` (standard input) cannot be combined with other paths".into());
        }
        if args.stdin_filename.is_some() && !dash && !args.paths.is_empty() {
            return Err(
                "--stdin-filename names standard input: give it with `-` or \
                 with no path, not with files or folders"
                    .into(),
            );
        }
        // As ruff: `--stdin-filename PATH` alone reads standard input.
        let stdin_requested = dash || args.stdin_filename.is_some();
        let stdin_path = stdin_requested.then(|| {
            let name = args.stdin_filename.as_deref();
            absolute(cwd, name.unwrap_or(Path::new("stdin.md")))
        });
        let paths: Vec<PathBuf> = if stdin_requested {
            Vec::new()
        } else {
            args.paths.iter().map(|p| absolute(cwd, p)).collect()
        };
        if let Some((given, _)) = args.paths.iter().zip(&paths).find(|(_, p)| !p.exists()) {
            return Err(no_such_path(given));
        }
        Ok(Targets { paths, stdin_path })
    }

    /// Where to start looking for the site root.
    fn start(&self, cwd: &Path) -> PathBuf {
        if let Some(parent) = self.stdin_path.as_deref().and_then(Path::parent) {
            return parent.to_path_buf();
        }
        match self.paths.first() {
            Some(p) if p.is_dir() => p.clone(),
            Some(p) => p.parent().unwrap_or(p).to_path_buf(),
            None => cwd.to_path_buf(),
        }
    }

    /// Whether the run checks every content file: no arguments, or folders that hold
    /// every content folder.
    fn whole_site(&self, site: &Site) -> bool {
        self.stdin_path.is_none()
            && (self.paths.is_empty()
                || site
                    .content_dirs()
                    .iter()
                    .all(|c| self.paths.iter().any(|p| p.is_dir() && c.starts_with(p))))
    }

    /// An editor or pre-commit names a few files: their images are looked
    /// up one by one instead of listing folders.
    fn few_files(&self) -> bool {
        self.stdin_path.is_some()
            || (!self.paths.is_empty()
                && self.paths.len() <= 64
                && self.paths.iter().all(|p| p.is_file()))
    }
}

/// Finds the site root and loads the site; a bad config is reported here
/// and becomes exit status 2.
fn load_site(args: &CheckArgs, cwd: &Path, targets: &Targets) -> Result<Result<Site, i32>, String> {
    let version = args
        .hugo_version
        .as_deref()
        .map(str::parse::<HugoVersion>)
        .transpose()?;
    let now = match args.now.as_deref() {
        Some(text) => Some(crate::config::publishing::parse_now(text).ok_or_else(|| {
            format!("--now: `{text}` is not a date-time like 2026-12-01T08:00:00+08:00")
        })?),
        None => None,
    };
    let root = match site::find_root(&targets.start(cwd)) {
        Some(root) => root,
        None if targets.paths.is_empty() && targets.stdin_path.is_none() => {
            return Err(format!(
                "no Hugo site found in {} or above it (looked for hugo.toml, \
                    config.toml, config/_default/ or pagelint.toml)",
                cwd.display()
            ))
        }
        None => cwd.to_path_buf(),
    };
    let config = args.config.as_deref().map(|c| absolute(cwd, c));
    if let Some(c) = config.as_deref().filter(|c| !c.is_file()) {
        return Err(format!(
            "--config {}: {}",
            crate::input::relative_display(cwd, c),
            if c.exists() {
                "not a file"
            } else {
                "no such file"
            }
        ));
    }
    let options = LoadOptions {
        config: config.as_deref(),
        isolated: args.isolated,
        version,
        known_rules: rules::names(),
    };
    match Site::load(root, &options) {
        Ok(mut site) => {
            site.few_files = targets.few_files();
            if let Some(now) = now {
                site.now = now;
            }
            for notice in &site.notices {
                eprintln!("pagelint: note: {notice}");
            }
            Ok(Ok(site))
        }
        Err(e) => {
            report_config_error(&e, cwd, use_color(args.color, io::stderr().is_terminal()));
            Ok(Err(EXIT_TROUBLE))
        }
    }
}

/// The documents to lint: standard input, or the content files under the
/// targets (the whole site when none is named).
fn inputs(args: &CheckArgs, site: &Site, targets: Targets) -> Result<Vec<Input>, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let note = |path: &Path, why: &str| {
        if !args.quiet {
            let shown = crate::input::relative_display(&cwd, path);
            eprintln!("pagelint: {shown}: skipped with --force-exclude: {why}");
        }
    };
    Ok(match targets.stdin_path {
        Some(path) => {
            if let Some(why) = walk::force_excluded(site, &path).filter(|_| args.force_exclude) {
                note(&path, why);
                return Ok(Vec::new());
            }
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            vec![Input::Stdin { bytes, path }]
        }
        None => {
            let mut skipped = Vec::new();
            let files = walk::collect_noting(
                site,
                &targets.paths,
                args.force_exclude,
                args.threads.unwrap_or(0),
                &mut skipped,
            );
            for (path, why) in skipped {
                note(&path, why);
            }
            files.into_iter().map(Input::File).collect()
        }
    })
}

/// Options that would be silently ignored together are refused.
fn refuse_combinations(args: &CheckArgs) -> Result<(), String> {
    let format = args.format.map(|f| {
        clap::ValueEnum::to_possible_value(&f)
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    });
    if let (true, Some(name)) = (args.diff, &format) {
        return Err(format!(
            "--diff prints a unified diff and takes no --format ({name}); \
             the json and sarif reports carry each fix's edits without --diff"
        ));
    }
    if let (true, Some(name @ ("sarif" | "github" | "junit"))) =
        (args.statistics, format.as_deref())
    {
        return Err(format!(
            "--statistics works with the human, concise and json formats, not {name}"
        ));
    }
    Ok(())
}

fn make_reporter(args: &CheckArgs) -> Box<dyn Report> {
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    report::reporter(
        args.format.unwrap_or_default(),
        report::Options {
            color: use_color(
                args.color,
                args.output_file.is_none() && io::stdout().is_terminal(),
            ),
            quiet: args.quiet,
            statistics: args.statistics,
            width,
        },
    )
}

/// What a run left to say after its report: counts, unreadable and skipped files.
struct Finished {
    totals: Totals,
    errors: Vec<FileError>,
    skipped: Vec<FileError>,
}

fn check(args: CheckArgs) -> Result<i32, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    refuse_combinations(&args)?;
    let targets = Targets::from_args(&args, &cwd)?;
    let from_stdin = targets.stdin_path.is_some();
    let site = match load_site(&args, &cwd, &targets)? {
        Ok(site) => site,
        Err(code) => return Ok(code),
    };
    let selection = Selection {
        select: args.select.as_deref().map(rule_list).transpose()?,
        ignore: rule_list(&args.ignore)?,
    };
    if let Some(threads) = args.threads.filter(|n| *n > 0) {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    // pagelint.toml's globs and the site-wide rules' index need every content file.
    let whole_site = targets.whole_site(&site);
    let inputs = inputs(&args, &site, targets)?;
    let reporter = make_reporter(&args);
    let mode = if args.unsafe_fixes {
        Some(fix::Mode::Unsafe)
    } else {
        (args.fix || args.diff).then_some(fix::Mode::Safe)
    };
    if mode.is_some() && from_stdin && !args.diff {
        return Err("--fix cannot rewrite standard input; use --diff to see the changes".into());
    }
    let engine = Engine {
        site: &site,
        selection,
        cwd,
        report: Some(reporter.as_ref()),
        keep_text: mode.is_some(),
        whole_site,
    };
    let (finished, written) = match mode {
        Some(mode) if args.diff => return print_diffs(&engine, inputs, mode, &args),
        // Fixes need every file's text; JUnit needs every file before its header.
        Some(mode) => run_collected(&engine, reporter.as_ref(), &args, inputs, Some(mode))?,
        None if !reporter.streams() => {
            run_collected(&engine, reporter.as_ref(), &args, inputs, None)?
        }
        None => run_streamed(&engine, reporter.as_ref(), &args, inputs)?,
    };
    // A closed pipe (`pagelint | head`) is the reader's choice, not an error.
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write the report: {e}"));
        }
    }
    Ok(exit_status(&finished, args.exit_zero))
}

/// Writes each file's findings as soon as it and the files before it are linted.
fn run_streamed(
    engine: &Engine<'_>,
    reporter: &dyn Report,
    args: &CheckArgs,
    inputs: Vec<Input>,
) -> Result<(Finished, io::Result<()>), String> {
    let mut sink = open_output(args.output_file.as_deref())?;
    let begun = reporter.begin(&mut sink);
    let mut index = 0;
    let (streamed, emitted) = engine.stream(inputs, &mut |r| {
        if begun.is_err() {
            return Ok(());
        }
        index += 1;
        reporter.file(index - 1, &r, &mut sink)
    });
    let written = begun
        .and(emitted)
        .and_then(|()| reporter.end(&streamed.totals, &mut sink))
        .and_then(|()| sink.flush());
    let finished = Finished {
        totals: streamed.totals,
        errors: streamed.errors,
        skipped: streamed.skipped,
    };
    Ok((finished, written))
}

/// Lints everything, applies fixes when asked, then writes the report.
fn run_collected(
    engine: &Engine<'_>,
    reporter: &dyn Report,
    args: &CheckArgs,
    inputs: Vec<Input>,
    mode: Option<fix::Mode>,
) -> Result<(Finished, io::Result<()>), String> {
    let mut outcome = engine.run(inputs);
    if let Some(mode) = mode {
        let applied = fix::apply_to_files(engine, &mut outcome, mode);
        if applied.files > 0 && !args.quiet {
            eprintln!(
                "pagelint: fixed {} in {}",
                plural(applied.fixes, "finding"),
                plural(applied.files, "file")
            );
        }
    }
    let mut sink = open_output(args.output_file.as_deref())?;
    let written = reporter
        .report(&outcome, &mut sink)
        .and_then(|()| sink.flush());
    let finished = Finished {
        totals: outcome.totals(),
        errors: outcome.errors,
        skipped: outcome.skipped,
    };
    Ok((finished, written))
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Prints the skipped and unreadable files, and says how the run ends.
fn exit_status(finished: &Finished, exit_zero: bool) -> i32 {
    for e in &finished.skipped {
        eprintln!("pagelint: warning: {}: {}", e.display_path, e.message);
    }
    for e in &finished.errors {
        eprintln!("pagelint: error: {}: {}", e.display_path, e.message);
    }
    if !finished.errors.is_empty() {
        EXIT_TROUBLE
    } else if finished.totals.errors > 0 && !exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Where the report goes: `--output-file`, or standard output.
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| format!("cannot create {}: {e}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}

/// Prints what the fixes would change; exit 1 when there is something to change.
fn print_diffs(
    engine: &Engine<'_>,
    inputs: Vec<Input>,
    mode: fix::Mode,
    args: &CheckArgs,
) -> Result<i32, String> {
    let diffs = fix::diffs(&engine.run(inputs), mode);
    let mut sink = open_output(args.output_file.as_deref())?;
    if let Err(e) = sink.write_all(diffs.as_bytes()).and_then(|()| sink.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write the diff: {e}"));
        }
    }
    Ok(if diffs.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

fn report_config_error(e: &site::LoadError, cwd: &Path, color: bool) {
    let name = crate::input::relative_display(cwd, &e.path);
    // A file that could not be read has no text to show a snippet of.
    if e.text.is_empty() {
        for err in &e.errors {
            eprintln!("pagelint: error: {name}: {}", err.message);
        }
        return;
    }
    let diags: Vec<_> = e
        .errors
        .iter()
        .map(|err| crate::diagnostic::Diagnostic {
            rule: "config",
            severity: Severity::Error,
            message: err.message.clone(),
            span: err.span.clone(),
            label: "here".into(),
            related: Vec::new(),
            help: err.help.clone(),
            fix: None,
            subject: None,
        })
        .collect();
    let human = report::Human {
        options: report::Options {
            color,
            quiet: false,
            statistics: false,
            width: 100,
        },
    };
    let lines = crate::source::LineIndex::new(&e.text);
    eprint!("{}", human.render(&name, &e.text, &lines, &diags));
    eprintln!(
        "pagelint: error: the configuration in {name} is invalid ({})",
        plural(diags.len(), "mistake")
    );
}
