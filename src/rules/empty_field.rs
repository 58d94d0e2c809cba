//! `empty-field`: a top-level front matter value that is blank, null, or an
//! empty list whose field has `min-items`; an error if the field is required.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::Entry;
use crate::rules::schema_util::is_empty;
use crate::rules::{Context, Rule, RuleMeta};

/// The `empty-field` rule (`rules/empty-field.md`).
pub struct EmptyField;

static META: RuleMeta = RuleMeta {
    name: "empty-field",
    summary: "an empty string, null or empty required list (error if the field is required)",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/empty-field.md"),
};

fn empty(entry: &Entry, required: bool) -> Diagnostic {
    let (severity, help) = if required {
        (
            Severity::Error,
            format!("`{}` is required: give it a value", entry.key),
        )
    } else {
        (
            Severity::Warning,
            format!(
                "give `{}` a value, or remove the line if the page does not need it",
                entry.key
            ),
        )
    };
    Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!("`{}` is empty", entry.key),
    )
    .label("empty value")
    .help(help)
    .severity(severity)
    .subject(&entry.key, None)
}

impl Rule for EmptyField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(entries) = cx.doc.tree().and_then(|t| t.as_map()) else {
            return;
        };
        for entry in entries {
            let field = cx.schema.and_then(|s| s.field(&entry.key));
            if field.is_some_and(|f| f.allow_empty) || !is_empty(&entry.value, field) {
                continue;
            }
            // A key no schema declares may be empty on purpose (an archetype's leftover, an
            // override of a cascaded value): Hugo builds it silently.
            if field.is_none() && !cx.site.config.empty_undeclared {
                continue;
            }
            out.push(empty(entry, field.is_some_and(|f| f.required)));
        }
    }
}
