//! `field-type`: a front matter value whose shape is not the field's `type`
//! (`tags: "a, b"` where a list is wanted).

use crate::config::FieldType;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{Entry, NodeKind};
use crate::rules::schema_util::{is_empty, type_matches};
use crate::rules::{Context, Rule, RuleMeta};

/// The `field-type` rule (`rules/field-type.md`).
pub struct FieldTypeRule;

static META: RuleMeta = RuleMeta {
    name: "field-type",
    summary: "a front matter value of the wrong type",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/field-type.md"),
};

fn wrong_type(entry: &Entry, ty: FieldType) -> Diagnostic {
    let found = entry.value.type_name();
    let help = match (&entry.value.kind, ty) {
        (NodeKind::String { value, .. }, FieldType::List) => {
            let items: Vec<String> = value
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| format!("\"{s}\""))
                .collect();
            format!("write a list: `{}: [{}]`", entry.key, items.join(", "))
        }
        (
            NodeKind::String {
                value,
                quoted: true,
            },
            FieldType::Bool,
        ) if matches!(value.as_str(), "true" | "false") => {
            format!("remove the quotes: `{}: {value}`", entry.key)
        }
        (NodeKind::String { value, .. }, FieldType::Bool) => {
            format!(
                "write `true` or `false`; `{value}` is a string in YAML 1.2 (Hugo 0.152 and later)"
            )
        }
        _ => format!("`{}` takes a {} value", entry.key, ty.name()),
    };
    Diagnostic::new(
        &META,
        entry.value.span.clone(),
        format!("`{}` should be a {}, not a {found}", entry.key, ty.name()),
    )
    .label(format!("a {found}"))
    .help(help)
    .subject(&entry.key, None)
}

impl Rule for FieldTypeRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else {
            return;
        };
        for field in &schema.fields {
            let (Some(ty), Some(entry)) = (field.ty, tree.get(&field.name)) else {
                continue;
            };
            if !is_empty(&entry.value, Some(field)) && !type_matches(&entry.value, ty) {
                out.push(wrong_type(entry, ty));
            }
        }
    }
}
