//! pagelint's findings as LSP diagnostics: the rule as `code` with a link to
//! its page, the related labels as `relatedInformation`, `Unnecessary` on a
//! suppression that silences nothing.

use ls_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DiagnosticTag, Location, NumberOrString, Uri,
};

use super::position::Text;
use crate::diagnostic::{Diagnostic, Severity};

/// Where a rule's page is published.
pub fn rule_url(rule: &str) -> String {
    format!("https://github.com/pagelint/pagelint/blob/main/rules/{rule}.md")
}

/// The message the editor shows: the finding, then its help.
pub fn message(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

pub fn to_lsp(d: &Diagnostic, text: &Text<'_>, uri: &Uri) -> LspDiagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), text.range(&l.span)),
            message: if l.text.is_empty() {
                "related".to_string()
            } else {
                l.text.clone()
            },
        })
        .collect();
    let tags = (d.rule == crate::rules::unused_suppression::META.name)
        .then(|| vec![DiagnosticTag::UNNECESSARY]);
    LspDiagnostic {
        range: text.range(&d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: rule_url(d.rule)
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("pagelint".to_string()),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags,
        data: None,
    }
}
