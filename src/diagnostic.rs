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
    /// Whether some of its findings carry a fix.
    pub fixable: bool,
    /// Its page in `rules/`, embedded.
    pub doc: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
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
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "error" => Some(Level::On(Severity::Error)),
            "warning" | "warn" => Some(Level::On(Severity::Warning)),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    Safe,
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(span: Span, content: impl Into<String>) -> Self {
        Fix {
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                content: content.into(),
            }],
        }
    }

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The primary span: what the finding points at.
    pub span: Span,
    /// Text shown under the primary span in the snippet.
    pub label: String,
    /// Further labelled spans (the opener of a mismatched shortcode, the first of two keys).
    pub related: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
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
        }
    }

    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.label = text.into();
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    pub fn maybe_help(mut self, text: Option<String>) -> Self {
        self.help = text;
        self
    }

    pub fn related(mut self, span: Span, text: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

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
    pub fn with_limit(limit: usize) -> Self {
        Sink {
            items: Vec::new(),
            limit,
            dropped: 0,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        if self.items.len() < self.limit {
            self.items.push(d);
        } else {
            self.dropped += 1;
        }
    }

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

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.items
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
