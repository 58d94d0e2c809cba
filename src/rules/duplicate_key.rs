//! `duplicate-key`: a key set twice in one front matter map, comparing keys
//! ignoring case as Hugo lowercases them.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{Entry, NodeKind};
use crate::rules::{Context, Rule, RuleMeta};

/// The `duplicate-key` rule (`rules/duplicate-key.md`).
pub struct DuplicateKey;

static META: RuleMeta = RuleMeta {
    name: "duplicate-key",
    summary: "the same front matter key twice in one mapping (keys are case-insensitive)",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/duplicate-key.md"),
};

fn duplicate(first: &Entry, second: &Entry) -> Diagnostic {
    let message = if first.key == second.key {
        format!("key `{}` is set twice", second.key)
    } else {
        format!(
            "`{}` and `{}` are the same key to Hugo, which lowercases keys",
            first.key, second.key
        )
    };
    Diagnostic::new(&META, second.key_span.clone(), message)
        .label("set again here")
        .related(first.key_span.clone(), "first set here")
        .help(
            "keep one of them: Hugo 0.111 silently keeps the last, Hugo \
            0.152 and later refuse the page",
        )
}

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(tree) = cx.doc.tree() else { return };
        let mut stack = vec![tree];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Map(entries) => {
                    let mut seen: std::collections::HashMap<String, &Entry> =
                        std::collections::HashMap::new();
                    for e in entries {
                        match seen.entry(e.key.to_lowercase()) {
                            std::collections::hash_map::Entry::Occupied(first) => {
                                out.push(duplicate(first.get(), e))
                            }
                            std::collections::hash_map::Entry::Vacant(v) => {
                                v.insert(e);
                            }
                        }
                        stack.push(&e.value);
                    }
                }
                NodeKind::List(items) => stack.extend(items.iter()),
                _ => {}
            }
        }
    }
}
