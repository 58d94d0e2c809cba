//! Checks several schema rules share, so that each value gets exactly one
//! finding: an empty value is only `empty-field`, a value of the wrong shape
//! only `field-type`, and the format rules only look at well-typed values.

use crate::config::{Field, FieldType, Schema};
use crate::frontmatter::{Entry, Node, NodeKind};

/// Empty string (or only spaces), null, or an empty list where items are required.
pub fn is_empty(node: &Node, field: Option<&Field>) -> bool {
    match &node.kind {
        NodeKind::Null => true,
        NodeKind::String { value, .. } => value.trim().is_empty(),
        NodeKind::List(items) => {
            items.is_empty() && field.and_then(|f| f.min_items).is_some_and(|m| m >= 1)
        }
        _ => false,
    }
}

/// Whether `node` has the shape `ty` asks for. Strings are checked further
/// by `date-format` and `url-format`.
pub fn type_matches(node: &Node, ty: FieldType) -> bool {
    matches!(
        (ty, &node.kind),
        (
            FieldType::String,
            NodeKind::String { .. } | NodeKind::Int(_) | NodeKind::Float(_)
        ) | (FieldType::Bool, NodeKind::Bool(_))
            | (FieldType::Int, NodeKind::Int(_))
            | (FieldType::Float, NodeKind::Int(_) | NodeKind::Float(_))
            | (
                FieldType::Datetime,
                NodeKind::String { .. } | NodeKind::Datetime(_) | NodeKind::Int(_)
            )
            | (FieldType::Url, NodeKind::String { .. })
            | (FieldType::List, NodeKind::List(_))
            | (FieldType::Map, NodeKind::Map(_))
    )
}

/// The schema's fields that the page sets, with their entries, for values
/// that are neither empty nor of the wrong type.
pub fn checked_fields<'a>(
    schema: &'a Schema,
    tree: &'a Node,
) -> impl Iterator<Item = (&'a Field, &'a Entry)> {
    schema.fields.iter().filter_map(move |field| {
        let entry = tree.get(&field.name)?;
        if is_empty(&entry.value, Some(field)) {
            return None;
        }
        if let Some(ty) = field.ty {
            if !type_matches(&entry.value, ty) {
                return None;
            }
        }
        Some((field, entry))
    })
}

/// A scalar's text for comparing with allowed values.
pub fn scalar_text(node: &Node) -> Option<String> {
    Some(match &node.kind {
        NodeKind::String { value, .. } => value.clone(),
        NodeKind::Int(i) => i.to_string(),
        NodeKind::Float(f) => f.to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Datetime(d) => d.clone(),
        _ => return None,
    })
}
