//! The command line: parse arguments, load the site, run the engine, report.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::engine::{Engine, FileError, Input, Outcome, Selection};
use crate::fix;
use crate::report::{self, Format};
use crate::rules;
use crate::site::{self, LoadOptions, Site};
use crate::version::HugoVersion;
use crate::walk;

/// Exit statuses of spec §2.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_TROUBLE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "pagelint",
    version,
    about = "Lint the Markdown content of a Hugo site: front matter, images, shortcodes"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
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
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
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
    /// Print only errors' summary and nothing when clean
    #[arg(long, short)]
    quiet: bool,
    /// When to color the output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
    /// Exit 0 even when errors are found
    #[arg(long)]
    exit_zero: bool,
    /// Which Hugo's behaviour to check against, e.g. 0.111 (default: the config's, else the latest known)
    #[arg(long, value_name = "X.Y")]
    hugo_version: Option<String>,
    /// Name standard input's document, for config lookup, images and the report
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
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
enum FormatArg {
    #[default]
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
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
        Some(Command::Check(args)) => check(args),
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
    let mut out = String::from("rule                    default   fixable  summary\n");
    for r in rules::ALL {
        let m = r.meta();
        let default = if m.default_enabled {
            m.severity.as_str()
        } else {
            "off"
        };
        out.push_str(&format!(
            "{:<23} {:<9} {:<8} {}\n",
            m.name,
            default,
            if m.fixable { "yes" } else { "" },
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
            let hint = crate::config::read::did_you_mean(name, rules::names())
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            Err(format!(
                "no rule named `{name}`{hint}; `pagelint rules` lists them"
            ))
        }
    }
}

fn rule_list(names: &[String]) -> Result<Vec<&'static str>, String> {
    names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(|n| {
            rules::by_name(n).map(|m| m.name).ok_or_else(|| {
                let hint = crate::config::read::did_you_mean(n, rules::names())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                format!("unknown rule `{n}`{hint}")
            })
        })
        .collect()
}

fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    // Lexically normalise `.` and `..` so paths compare and display predictably.
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn check(args: CheckArgs) -> Result<i32, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let version = args
        .hugo_version
        .as_deref()
        .map(str::parse::<HugoVersion>)
        .transpose()?;
    let stdin_requested = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin_requested && args.paths.len() > 1 {
        return Err("`-` (standard input) cannot be combined with other paths".into());
    }
    let stdin_path = stdin_requested.then(|| {
        absolute(
            &cwd,
            args.stdin_filename
                .as_deref()
                .unwrap_or(Path::new("stdin.md")),
        )
    });
    let paths: Vec<PathBuf> = if stdin_requested {
        Vec::new()
    } else {
        args.paths.iter().map(|p| absolute(&cwd, p)).collect()
    };
    for p in &paths {
        if !p.exists() {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }

    let start = stdin_path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .or_else(|| {
            paths.first().map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().unwrap_or(p).to_path_buf()
                }
            })
        })
        .unwrap_or_else(|| cwd.clone());
    let root = match site::find_root(&start) {
        Some(root) => root,
        None if paths.is_empty() && stdin_path.is_none() => {
            return Err(format!(
                "no Hugo site found in {} or above it (looked for hugo.toml, config.toml, config/_default/ or pagelint.toml)",
                cwd.display()
            ))
        }
        None => cwd.clone(),
    };
    let config = args.config.as_deref().map(|c| absolute(&cwd, c));
    let options = LoadOptions {
        config: config.as_deref(),
        isolated: args.isolated,
        version,
    };
    let mut site = match Site::load(root, &options) {
        Ok(site) => site,
        Err(e) => {
            report_config_error(&e, &cwd);
            return Ok(EXIT_TROUBLE);
        }
    };
    // An editor or pre-commit names a few files: look their images up one by one.
    site.few_files = stdin_path.is_some()
        || (!paths.is_empty() && paths.len() <= 64 && paths.iter().all(|p| p.is_file()));

    let selection = Selection {
        select: args.select.as_deref().map(rule_list).transpose()?,
        ignore: rule_list(&args.ignore)?,
    };
    let threads = args.threads.unwrap_or(0);
    if threads > 0 {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let inputs = match stdin_path {
        Some(path) => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            vec![Input::Stdin { bytes, path }]
        }
        None => walk::collect(&site, &paths, args.force_exclude, threads)
            .into_iter()
            .map(Input::File)
            .collect(),
    };
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Junit => Format::Junit,
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    let reporter = report::reporter(
        format,
        report::Options {
            color: use_color(args.color),
            quiet: args.quiet,
            statistics: args.statistics,
            width,
        },
    );
    let mode = if args.unsafe_fixes {
        Some(fix::Mode::Unsafe)
    } else {
        (args.fix || args.diff).then_some(fix::Mode::Safe)
    };
    let engine = Engine {
        site: &site,
        selection,
        cwd,
        report: Some(reporter.as_ref()),
        keep_text: mode.is_some(),
    };
    // Fixes need every file's text; JUnit needs every file before its header.
    let (totals, errors, skipped, written) = if mode.is_none() && reporter.streams() {
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
        (streamed.totals, streamed.errors, streamed.skipped, written)
    } else {
        let mut outcome = engine.run(inputs);
        if let Some(mode) = mode {
            if stdin_requested && !args.diff {
                return Err(
                    "--fix cannot rewrite standard input; use --diff to see the changes".into(),
                );
            }
            if args.diff {
                return Ok(print_diffs(&outcome, mode));
            }
            apply_fixes(&engine, &mut outcome, mode);
        }
        let mut sink = open_output(args.output_file.as_deref())?;
        let written = reporter
            .report(&outcome, &mut sink)
            .and_then(|()| sink.flush());
        (outcome.totals(), outcome.errors, outcome.skipped, written)
    };
    // A closed pipe (`pagelint | head`) is the reader's choice, not an error.
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write the report: {e}"));
        }
    }
    for e in &skipped {
        eprintln!("pagelint: warning: {}: {}", e.display_path, e.message);
    }
    for e in &errors {
        eprintln!("pagelint: error: {}: {}", e.display_path, e.message);
    }
    Ok(if !errors.is_empty() {
        EXIT_TROUBLE
    } else if totals.errors > 0 && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
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
fn print_diffs(outcome: &Outcome, mode: fix::Mode) -> i32 {
    let mut any = false;
    let mut out = io::stdout().lock();
    for r in &outcome.results {
        let Some(text) = &r.text else { continue };
        let (fixed, n) = fix::apply(text, &r.diagnostics, mode);
        if n > 0 {
            any = true;
            let _ = out.write_all(fix::unified_diff(&r.display_path, text, &fixed).as_bytes());
        }
    }
    if any {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Writes every file's fixes, then lints the fixed files again so the report
/// shows what remains.
fn apply_fixes(engine: &Engine<'_>, outcome: &mut Outcome, mode: fix::Mode) {
    let mut fixed_files = Vec::new();
    let mut fixed = 0;
    for r in &outcome.results {
        if r.from_stdin {
            continue;
        }
        let Some(text) = &r.text else { continue };
        let (new_text, n) = fix::apply(text, &r.diagnostics, mode);
        if n == 0 {
            continue;
        }
        // The file must still be what was linted; a concurrent edit wins.
        let unchanged = std::fs::read(&r.path).is_ok_and(|b| b == text.as_bytes());
        let written = if unchanged {
            fix::write_atomically(&r.path, new_text.as_bytes()).map_err(|e| e.to_string())
        } else {
            Err("the file changed while pagelint ran; not fixed".to_string())
        };
        match written {
            Ok(()) => {
                fixed += n;
                fixed_files.push(r.path.clone());
            }
            Err(message) => outcome.errors.push(FileError {
                display_path: r.display_path.clone(),
                message,
                skipped: false,
            }),
        }
    }
    if fixed_files.is_empty() {
        return;
    }
    let again = engine.run(fixed_files.iter().cloned().map(Input::File).collect());
    outcome.results.retain(|r| !fixed_files.contains(&r.path));
    outcome.results.extend(
        again
            .results
            .into_iter()
            .filter(|r| fixed_files.contains(&r.path)),
    );
    outcome
        .results
        .sort_by(|a, b| a.display_path.cmp(&b.display_path));
    outcome.errors.extend(again.errors);
    eprintln!(
        "pagelint: fixed {fixed} finding{} in {} file{}",
        if fixed == 1 { "" } else { "s" },
        fixed_files.len(),
        if fixed_files.len() == 1 { "" } else { "s" }
    );
}

fn report_config_error(e: &site::LoadError, cwd: &Path) {
    let name = e
        .path
        .strip_prefix(cwd)
        .unwrap_or(&e.path)
        .display()
        .to_string();
    let diag = crate::diagnostic::Diagnostic {
        rule: "config",
        severity: Severity::Error,
        message: e.error.message.clone(),
        span: e.error.span.clone(),
        label: "here".into(),
        related: Vec::new(),
        help: e.error.help.clone(),
        fix: None,
    };
    let human = report::Human {
        options: report::Options {
            color: use_color(ColorArg::Auto),
            quiet: false,
            statistics: false,
            width: 100,
        },
    };
    eprint!(
        "{}",
        human.render(&name, &e.text, std::slice::from_ref(&diag))
    );
    eprintln!("pagelint: error: the configuration in {name} is invalid");
}
