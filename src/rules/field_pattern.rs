//! `field-pattern`: a value or list item that does not match its field's
//! `pattern`, or breaks its `min-length`, `max-length`, item bounds or `unique`.

use crate::config::Field;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{Entry, Node, NodeKind};
use crate::rules::schema_util::{checked_fields, scalar_text};
use crate::rules::{Context, Rule, RuleMeta};

/// The `field-pattern` rule (`rules/field-pattern.md`).
pub struct FieldPattern;

static META: RuleMeta = RuleMeta {
    name: "field-pattern",
    summary: "a value that does not match the field's `pattern`, length or item bounds",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/field-pattern.md"),
};

fn finding(key: &str, node: &Node, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&META, node.span.clone(), message)
        .label("here")
        .help(help)
        .subject(key, None)
}

fn check_string(key: &str, field: &Field, node: &Node, out: &mut Sink) {
    let Some(text) = scalar_text(node) else {
        return;
    };
    if let Some(re) = &field.pattern {
        if !re.is_match(&text) {
            let pattern = re
                .as_str()
                .trim_start_matches("^(?:")
                .trim_end_matches(")$");
            out.push(finding(
                key,
                node,
                format!("`{text}` does not match the pattern of `{key}`"),
                format!("values of `{key}` must match `{pattern}`"),
            ));
        }
    }
    if !matches!(node.kind, NodeKind::String { .. }) {
        return;
    }
    let len = text.chars().count();
    if let Some(min) = field.min_length.filter(|m| len < *m) {
        out.push(finding(
            key,
            node,
            format!("`{key}` is {len} characters long, shorter than {min}"),
            format!("`{key}` needs at least {min} characters"),
        ));
    }
    if let Some(max) = field.max_length.filter(|m| len > *m) {
        out.push(finding(
            key,
            node,
            format!("`{key}` is {len} characters long, longer than {max}"),
            format!("`{key}` takes at most {max} characters"),
        ));
    }
}

fn check(field: &Field, entry: &Entry, out: &mut Sink) {
    let key = &entry.key;
    let NodeKind::List(items) = &entry.value.kind else {
        check_string(key, field, &entry.value, out);
        return;
    };
    for item in items {
        check_string(key, field, item, out);
    }
    let n = items.len();
    if let Some(min) = field.min_items.filter(|m| n < *m && n > 0) {
        out.push(finding(
            key,
            &entry.value,
            format!("`{key}` has {n} items, fewer than {min}"),
            format!("`{key}` needs at least {min} items"),
        ));
    }
    if let Some(max) = field.max_items.filter(|m| n > *m) {
        out.push(finding(
            key,
            &entry.value,
            format!("`{key}` has {n} items, more than {max}"),
            format!("`{key}` takes at most {max} items"),
        ));
    }
    if field.unique {
        let mut seen = std::collections::HashSet::new();
        for item in items {
            if let Some(text) = scalar_text(item) {
                if !seen.insert(text.clone()) {
                    out.push(finding(
                        key,
                        item,
                        format!("`{text}` is listed twice in `{key}`"),
                        "remove the repeated item".into(),
                    ));
                }
            }
        }
    }
}

impl Rule for FieldPattern {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let (Some(schema), Some(tree)) = (cx.schema, cx.doc.tree()) else {
            return;
        };
        for (field, entry) in checked_fields(schema, tree) {
            check(field, entry, out);
        }
    }
}
