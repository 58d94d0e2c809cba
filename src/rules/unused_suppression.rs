//! `unused-suppression`: a suppression comment that silences nothing, names no
//! rule, or names a rule that does not exist.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::suppress::Suppression;

/// The `unused-suppression` rule (`rules/unused-suppression.md`).
pub struct UnusedSuppression;

/// The rule's metadata; public because the engine, not [`Rule::check`],
/// builds its findings.
pub static META: RuleMeta = RuleMeta {
    name: "unused-suppression",
    summary: "a suppression comment that suppresses nothing, or names no rule or an unknown one",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/unused-suppression.md"),
};

/// Built by the engine, which alone knows what each suppression silenced.
pub fn unused(s: &Suppression, rule: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        s.span.clone(),
        format!("suppression of `{rule}` suppresses nothing"),
    )
    .label("unused")
    .help("remove it, or move it to the line with the finding")
}

/// The finding for a suppression naming `rule`, which is no rule, with the
/// nearest rule name as did-you-mean.
pub fn unknown(s: &Suppression, rule: &str) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        s.span.clone(),
        format!("suppression names an unknown rule `{rule}`"),
    )
    .label("unknown rule");
    match crate::suggest::nearest(rule, crate::rules::names().iter().copied()) {
        Some(m) => d.help(format!("did you mean `{m}`?")),
        None => d.help("`pagelint rules` lists every rule"),
    }
}

/// The finding for a suppression that names no rule.
pub fn nameless(s: &Suppression) -> Diagnostic {
    Diagnostic::new(&META, s.span.clone(), "suppression names no rule")
        .label("which rule?")
        .help("name the rule to suppress, e.g. <!-- pagelint-disable-next-line broken-image -->")
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Sink) {}
}
