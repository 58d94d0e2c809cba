//! `unknown-field`: a top-level front matter key that a `closed` schema does
//! not declare and that is not one of Hugo's own keys, with the nearest
//! declared key as did-you-mean.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{hugo_keys, Entry};
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
            // Hugo's own keys (`weight`, `slug`, `aliases`, taxonomies) are Hugo's,
            // not the schema's: `hugo-field` checks their values.
            if schema.field(&entry.key).is_none()
                && !hugo_keys::is_hugo_key(&entry.key, &cx.site.hugo.taxonomies)
            {
                out.push(unknown(entry, schema));
            }
        }
    }
}
