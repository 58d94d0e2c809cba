//! `unknown-value`: a value or list item that is not among its field's
//! `values`, with the nearest allowed value as did-you-mean and fix.

use crate::diagnostic::{Diagnostic, Fix, Fixable, Severity, Sink};
use crate::frontmatter::{Node, NodeKind};
use crate::rules::schema_util::{checked_fields, scalar_text};
use crate::rules::{Context, Rule, RuleMeta};
use crate::suggest::nearest;

/// The `unknown-value` rule (`rules/unknown-value.md`).
pub struct UnknownValue;

static META: RuleMeta = RuleMeta {
    name: "unknown-value",
    summary: "a value or list item that is not among the field's allowed `values`",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::SafeAndUnsafe,
    doc: include_str!("../../rules/unknown-value.md"),
};

fn unknown(key: &str, item: &Node, source: &str, text: &str, allowed: &[String]) -> Diagnostic {
    let mut d = Diagnostic::new(
        &META,
        item.span.clone(),
        format!("`{text}` is not an allowed value of `{key}`"),
    )
    .label("not in the schema's values")
    .subject(key, Some(text));
    match nearest(text, allowed.iter().map(String::as_str)) {
        Some(best) => {
            d = d.help(format!("did you mean `{best}`?"));
            if let Some(span) = replaceable(item, source, best) {
                let same_but_case = best.to_lowercase() == text.trim().to_lowercase();
                d = d.fix(if same_but_case {
                    Fix::safe(span, best)
                } else {
                    Fix::unsafe_(span, best)
                });
            }
        }
        None => {
            let list: Vec<String> = allowed.iter().take(8).map(|v| format!("`{v}`")).collect();
            d = d.help(format!(
                "allowed: {}{}",
                list.join(", "),
                if allowed.len() > 8 { ", ..." } else { "" }
            ));
        }
    }
    d
}

/// Where a replacement value can be written without re-quoting: inside the
/// quotes of a quoted string, or over a plain scalar of simple text.
fn replaceable(item: &Node, text: &str, with: &str) -> Option<std::ops::Range<usize>> {
    let span = item.literal_span(text)?;
    if with.contains(['"', '\\', '\'', '\n']) {
        return None;
    }
    let quoted = span != item.span;
    (quoted || !with.contains([':', '#', ',', '[', ']', '{', '}', '&', '*', '!'])).then_some(span)
}

impl Rule for UnknownValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else {
            return;
        };
        for (field, entry) in checked_fields(schema, tree) {
            let Some(allowed) = &field.values else {
                continue;
            };
            let items: &[Node] = match &entry.value.kind {
                NodeKind::List(items) => items,
                _ => std::slice::from_ref(&entry.value),
            };
            for item in items {
                let Some(text) = scalar_text(item) else {
                    continue;
                };
                if !allowed.contains(&text) {
                    out.push(unknown(&entry.key, item, &cx.doc.text, &text, allowed));
                }
            }
        }
    }
}
