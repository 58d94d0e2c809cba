//! What a rule finds: a message about a byte span of one file.

use std::fmt;
use std::ops::Range;

/// A byte range of a file's text: `start..end`, both on UTF-8 boundaries.
pub type Span = Range<usize>;

/// What the registry, the docs and the reporters know about a rule. Each
/// rule file holds one as a `static META`.
#[derive(Debug)]
pub struct RuleMeta {
    /// The rule's kebab-case name: what `--select`, `[rules]` and suppressions use.
    pub name: &'static str,
    /// One line for `pagelint rules`.
    pub summary: &'static str,
    /// The severity of its findings unless the configuration says otherwise.
    pub severity: Severity,
    /// Whether it runs when nothing selects or configures it.
    pub default_enabled: bool,
    /// Which fixes its findings may carry.
    pub fixable: Fixable,
    /// Its page in `rules/`, embedded.
    pub doc: &'static str,
}

/// Which fixes a rule's findings may carry: what `--fix` applies (safe),
/// what only `--unsafe-fixes` applies, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixable {
    /// No fixes.
    No,
    /// Safe fixes only: `--fix` applies them.
    Safe,
    /// Unsafe fixes only: `--unsafe-fixes` applies them.
    Unsafe,
    /// Safe fixes for some findings, unsafe ones for others.
    SafeAndUnsafe,
}

impl Fixable {
    /// How `pagelint rules` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Fixable::No => "",
            Fixable::Safe => "safe",
            Fixable::Unsafe => "unsafe",
            Fixable::SafeAndUnsafe => "safe+unsafe",
        }
    }
}

/// How serious a finding is. Any error makes the run exit 1; warnings alone
/// exit 0. Ordered: `Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Reported; the run still exits 0.
    Warning,
    /// Reported; the run exits 1 (unless `--exit-zero`).
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`, as the reports and the config write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `"off"`: the rule does not run.
    Off,
    /// `"error"` or `"warning"`: the rule runs and its findings get this severity.
    On(Severity),
}

impl Level {
    /// Reads a level as `[rules]` and `[[overrides]]` write it: `"error"`,
    /// `"warning"` (or `"warn"`), `"off"`; None for anything else.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "error" => Some(Level::On(Severity::Error)),
            "warning" | "warn" => Some(Level::On(Severity::Warning)),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without the author looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Applied by `--fix`: the intended text is certain, e.g. an image path or
    /// an allowed value written in another letter case.
    Safe,
    /// Applied only with `--unsafe-fixes`: a guess, such as a did-you-mean
    /// replacement or `https://` put in front of a bare host.
    Unsafe,
}

/// One replacement in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion), as a byte span of the file.
    pub span: Span,
    /// The text written in their place.
    pub content: String,
}

/// A finding's fix: edits applied together or not at all (by `fix::apply`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Which of `--fix` and `--unsafe-fixes` applies it.
    pub applicability: Applicability,
    /// Edits of the file the finding is in.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix replacing the bytes of `span` with `content`.
    pub fn safe(span: Span, content: impl Into<String>) -> Self {
        Fix {
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                content: content.into(),
            }],
        }
    }

    /// An unsafe fix replacing the bytes of `span` with `content`.
    pub fn unsafe_(span: Span, content: impl Into<String>) -> Self {
        Fix {
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span,
                content: content.into(),
            }],
        }
    }
}

/// A labelled byte span of the file, shown in the snippet beside the primary one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The bytes the label underlines.
    pub span: Span,
    /// The text under them; empty for an underline alone.
    pub text: String,
}

/// One finding of one rule in one file. Spans are byte offsets into the
/// file's whole text (front matter included); the reporters turn them into
/// 1-based lines and character columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's name ([`RuleMeta::name`]).
    pub rule: &'static str,
    /// The rule's default, or what the rule chose for this finding; the
    /// engine replaces it with the rule's configured level, if it has one.
    pub severity: Severity,
    /// One line saying what is wrong, e.g. ``image `/a.png` does not exist``.
    pub message: String,
    /// The primary span: what the finding points at.
    pub span: Span,
    /// Text shown under the primary span in the snippet.
    pub label: String,
    /// Further labelled spans (the opener of a mismatched shortcode, the first of two keys).
    pub related: Vec<Label>,
    /// What to do about it, shown after the snippet; None when there is nothing to add.
    pub help: Option<String>,
    /// The edit that resolves the finding, when pagelint knows one.
    pub fix: Option<Fix>,
    /// What the finding is about (a front matter key, and the value for a
    /// rule about values), set by the rule; the reports group findings by it.
    pub subject: Option<Subject>,
}

/// What a finding is about, as the rule knows it: the same rule with the same
/// subject in many files is one systematic mistake (a generator that leaves
/// `source_url` empty in every post), which the human report and
/// `--statistics` summarise. Never parsed from the message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject {
    /// The front matter key, lowercased as Hugo lowercases keys (`Title`
    /// and `title` are one field).
    pub key: String,
    /// The value at fault, for rules about values (`unknown-value`); None
    /// when the key alone says what is wrong.
    pub value: Option<String>,
}

/// Characters of a subject's value kept: a hostile file's megabyte value
/// must not be copied into every group key.
const MAX_SUBJECT_VALUE: usize = 80;

impl Subject {
    /// The subject `key`, with `value` (shortened to 80 characters) for a
    /// rule about values.
    pub fn new(key: &str, value: Option<&str>) -> Self {
        let value = value.map(|v| match v.char_indices().nth(MAX_SUBJECT_VALUE) {
            Some((cut, _)) => format!("{}…", &v[..cut]),
            None => v.to_string(),
        });
        Subject {
            key: key.to_lowercase(),
            value,
        }
    }
}

impl Diagnostic {
    /// A finding of `rule` at `span`, at the rule's default severity.
    pub fn new(rule: &RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.name,
            severity: rule.severity,
            message: message.into(),
            span,
            label: String::new(),
            related: Vec::new(),
            help: None,
            fix: None,
            subject: None,
        }
    }

    /// Says what the finding is about: the front matter `key`, and the
    /// `value` for a rule about values (see [`Subject`]).
    pub fn subject(mut self, key: &str, value: Option<&str>) -> Self {
        self.subject = Some(Subject::new(key, value));
        self
    }

    /// Sets the text under the primary span.
    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.label = text.into();
        self
    }

    /// Sets the help line.
    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    /// Adds a labelled span beside the primary one.
    pub fn related(mut self, span: Span, text: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// Overrides the rule's default severity (for a finding whose weight
    /// depends on the case, such as an empty field that is required).
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Attaches a fix.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// Where a rule puts its findings. It holds at most `limit` of them: a
/// hostile file with a million broken images gets the first ten thousand and
/// a count, not a report of gigabytes. Rules with costly checks stop early
/// once [`Sink::is_full`].
#[derive(Debug)]
pub struct Sink {
    items: Vec<Diagnostic>,
    limit: usize,
    dropped: usize,
}

/// Findings of one rule in one file beyond which only a count is kept.
pub const MAX_PER_RULE: usize = 10_000;

impl Default for Sink {
    fn default() -> Self {
        Sink::with_limit(MAX_PER_RULE)
    }
}

impl Sink {
    /// A sink that keeps at most `limit` findings.
    pub fn with_limit(limit: usize) -> Self {
        Sink {
            items: Vec::new(),
            limit,
            dropped: 0,
        }
    }

    /// Adds a finding, or counts it as dropped when the sink is full.
    pub fn push(&mut self, d: Diagnostic) {
        if self.items.len() < self.limit {
            self.items.push(d);
        } else {
            self.dropped += 1;
        }
    }

    /// Whether the limit is reached: further findings are only counted.
    pub fn is_full(&self) -> bool {
        self.items.len() >= self.limit
    }

    /// Records that a rule stopped early at the limit with findings left.
    pub fn stop(&mut self) {
        self.dropped += 1;
    }

    /// Whether findings were dropped at the limit.
    pub fn truncated(&self) -> bool {
        self.dropped > 0
    }

    /// Findings kept (dropped ones not counted).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no finding was kept.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The findings kept, in the order they were pushed.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl Extend<Diagnostic> for Sink {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for d in iter {
            if self.is_full() {
                self.dropped += 1;
            } else {
                self.items.push(d);
            }
        }
    }
}
