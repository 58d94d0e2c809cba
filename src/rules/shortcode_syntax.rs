//! `shortcode-syntax`: a shortcode tag Hugo's page lexer rejects, reported at
//! the character where the lexer fails.

use crate::body::shortcode_lexer::MAX_TAGS;
use crate::body::LexError;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};

/// The `shortcode-syntax` rule (`rules/shortcode-syntax.md`).
pub struct ShortcodeSyntax;

static META: RuleMeta = RuleMeta {
    name: "shortcode-syntax",
    summary: "a shortcode tag that Hugo's lexer rejects",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/shortcode-syntax.md"),
};

fn rejected(e: &LexError) -> Diagnostic {
    Diagnostic::new(&META, e.span.clone(), e.reason.clone())
        .label("here")
        .help(format!("Hugo stops the build with: {}", e.hugo_message))
}

impl Rule for ShortcodeSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let lexed = cx.doc.shortcodes();
        out.extend(lexed.errors.iter().map(rejected));
        if let Some(at) = lexed.stopped_at {
            out.push(
                Diagnostic::new(
                    &META,
                    at..at,
                    format!(
                        "the page has more than {MAX_TAGS} shortcode tags; the rest is not checked"
                    ),
                )
                .label("checking stops here")
                .help("split the page; no real page comes near this many shortcodes")
                .severity(Severity::Warning),
            );
        }
    }
}
