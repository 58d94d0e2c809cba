use crate::body::LexError;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct ShortcodeSyntax;

static META: RuleMeta = RuleMeta {
    name: "shortcode-syntax",
    summary: "a shortcode tag that Hugo's lexer rejects",
    severity: Severity::Error,
    default_enabled: true,
    fixable: false,
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

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        out.extend(cx.doc.shortcodes().errors.iter().map(rejected));
    }
}
