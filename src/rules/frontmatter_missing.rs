//! `frontmatter-missing` (off by default): a content file with no front matter.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};

/// The `frontmatter-missing` rule (`rules/frontmatter-missing.md`).
pub struct FrontmatterMissing;

static META: RuleMeta = RuleMeta {
    name: "frontmatter-missing",
    summary: "a content file with no front matter",
    severity: Severity::Error,
    default_enabled: false,
    fixable: Fixable::No,
    doc: include_str!("../../rules/frontmatter-missing.md"),
};

impl Rule for FrontmatterMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if cx.doc.front_matter().is_none() && cx.doc.unreadable.is_none() {
            out.push(
                Diagnostic::new(&META, 0..0, "the page has no front matter")
                    .label("front matter belongs here")
                    .help(
                        "start the file with a `---` line, the page's fields, and \
                        another `---` line",
                    ),
            );
        }
    }
}
