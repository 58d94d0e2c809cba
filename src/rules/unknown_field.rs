//! `unknown-field`: a top-level front matter key that a `closed` schema does
//! not declare, with the nearest declared key as did-you-mean.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::Entry;
use crate::rules::{Context, Rule, RuleMeta};
use crate::suggest::nearest;

/// The `unknown-field` rule (`rules/unknown-field.md`).
pub struct UnknownField;

static META: RuleMeta = RuleMeta {
    name: "unknown-field",
    summary: "a front matter key that a closed schema does not declare",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/unknown-field.md"),
};

fn unknown(entry: &Entry, schema: &crate::config::Schema) -> Diagnostic {
    let help = match nearest(&entry.key, schema.fields.iter().map(|f| f.name.as_str())) {
        Some(best) => format!("did you mean `{best}`?"),
        None => "declare it in the schema's `[schema.fields]`, or set `closed = false`".to_string(),
    };
    let name = if schema.name.is_empty() {
        "the schema".to_string()
    } else {
        format!("schema `{}`", schema.name)
    };
    Diagnostic::new(
        &META,
        entry.key_span.clone(),
        format!("`{}` is not a field of {name}", entry.key),
    )
    .label("unknown key")
    .help(help)
    .subject(&entry.key, None)
}

impl Rule for UnknownField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else {
            return;
        };
        if !schema.closed {
            return;
        }
        for entry in tree.as_map().unwrap_or_default() {
            if schema.field(&entry.key).is_none() {
                out.push(unknown(entry, schema));
            }
        }
    }
}
