//! `duplicate-key`: a key written twice in one YAML front matter mapping, at
//! any depth, where the checked Hugo release refuses it (goccy/go-yaml, Hugo
//! 0.152 and later: `mapping key "x" already defined`). Earlier releases keep
//! the last value, and keys that differ only in case build in every release.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::{Entry, Format, NodeKind};
use crate::rules::{Context, Rule, RuleMeta};
use crate::version::Behaviour;

/// The `duplicate-key` rule (`rules/duplicate-key.md`).
pub struct DuplicateKey;

static META: RuleMeta = RuleMeta {
    name: "duplicate-key",
    summary: "the same YAML front matter key twice in one mapping (Hugo 0.152 and later fail)",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/duplicate-key.md"),
};

fn duplicate(first: &Entry, second: &Entry) -> Diagnostic {
    Diagnostic::new(
        &META,
        second.key_span.clone(),
        format!("key `{}` is set twice", second.key),
    )
    .label("set again here")
    .related(first.key_span.clone(), "first set here")
    .help(
        "keep one of them: Hugo 0.152 and later refuse the page (mapping key already \
         defined); earlier releases silently keep the last",
    )
}

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let yaml = cx.doc.front_matter().map(|fm| fm.format) == Some(Format::Yaml);
        if !yaml || !cx.site.version.has(Behaviour::GoccyYaml) {
            return;
        }
        let Some(tree) = cx.doc.tree() else { return };
        let mut stack = vec![tree];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Map(entries) => {
                    let mut seen: std::collections::HashMap<String, &Entry> =
                        std::collections::HashMap::new();
                    for e in entries {
                        match seen.entry(e.key.clone()) {
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
