//! `required-field`: a field the page's schema marks `required` is absent.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};

/// The `required-field` rule (`rules/required-field.md`).
pub struct RequiredField;

static META: RuleMeta = RuleMeta {
    name: "required-field",
    summary: "a field the schema requires is absent",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/required-field.md"),
};

impl Rule for RequiredField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(schema) = cx.schema else { return };
        let (tree, at) = match cx.doc.front_matter() {
            Some(fm) => match &fm.tree {
                Ok(tree) => (Some(tree), fm.delimiter.clone()),
                Err(_) => return,
            },
            None if cx.doc.unreadable.is_none() => (None, 0..0),
            None => return,
        };
        for field in schema.fields.iter().filter(|f| f.required) {
            if tree.and_then(|t| t.get(&field.name)).is_none() {
                let schema_name = if schema.name.is_empty() {
                    String::new()
                } else {
                    format!(" by schema `{}`", schema.name)
                };
                out.push(
                    Diagnostic::new(
                        &META,
                        at.clone(),
                        format!("required field `{}` is missing", field.name),
                    )
                    .label(format!("this front matter has no `{}`", field.name))
                    .help(format!("add `{}`: it is required{schema_name}", field.name))
                    .subject(&field.name, None),
                );
            }
        }
    }
}
