//! `frontmatter-syntax`: front matter Hugo rejects: YAML, TOML or JSON that
//! does not parse, a bad delimiter, or a block never closed; and (a warning) a
//! block Hugo reads as body text because an HTML comment comes first.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{Format, FrontMatter, ParseError};
use crate::rules::{Context, Rule, RuleMeta};

/// The `frontmatter-syntax` rule (`rules/frontmatter-syntax.md`).
pub struct FrontmatterSyntax;

static META: RuleMeta = RuleMeta {
    name: "frontmatter-syntax",
    summary: "front matter that Hugo cannot parse, or a bad or missing delimiter",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/frontmatter-syntax.md"),
};

fn syntax(fm: &FrontMatter, e: &ParseError) -> Diagnostic {
    let unclosed = e.message.starts_with("EOF looking for end");
    let delimiter = e.message.starts_with("invalid") && e.message.ends_with("delimiter");
    let message = if unclosed
        || delimiter
        || e.message.starts_with("unexpected EOF")
        || e.message.contains("HTML")
    {
        e.message.clone()
    } else {
        format!("invalid {} front matter: {}", fm.format.name(), e.message)
    };
    let help = if unclosed {
        let closer = if fm.format == Format::Toml {
            "+++"
        } else {
            "---"
        };
        format!("end the front matter with a line that starts with `{closer}`")
    } else if delimiter {
        "front matter opens with a line of exactly `---` (YAML) or \
            `+++` (TOML); a page without front matter must not start \
            with `-` or `+`"
            .into()
    } else {
        "Hugo stops the build at this file until it parses".into()
    };
    let label = if unclosed {
        "opened here, never closed"
    } else {
        "here"
    };
    Diagnostic::new(&META, e.span.clone(), message)
        .label(label)
        .help(help)
}

/// Hugo 0.123 and later read a front matter block after an HTML comment as body text.
fn demoted(span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::new(
        &META,
        span,
        "this front matter comes after an HTML comment: Hugo 0.123 and later render it as \
         body text, and the page has no title, date or other front matter",
    )
    .label("read as body text")
    .help("move the comment below the front matter's closing line")
    .severity(Severity::Warning)
}

impl Rule for FrontmatterSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if let Some(span) = cx.doc.split.demoted.clone() {
            out.push(demoted(span));
        }
        if let Some(fm) = cx.doc.front_matter() {
            if let Err(e) = &fm.tree {
                out.push(syntax(fm, e));
            }
        }
    }
}
