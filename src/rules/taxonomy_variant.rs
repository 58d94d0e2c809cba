//! `taxonomy-variant`: a taxonomy term spelt as few pages spell it.

use crate::diagnostic::{Diagnostic, Fix, Fixable, Severity, Sink};
use crate::index::{Variant, Wants};
use crate::rules::{PagesContext, Rule, RuleMeta};

/// The rule: a taxonomy term spelt as few pages spell it (checked after the pass).
pub struct TaxonomyVariant;

static META: RuleMeta = RuleMeta {
    name: "taxonomy-variant",
    summary: "a taxonomy term spelt differently (case, spaces) from the same term on most pages",
    severity: Severity::Warning,
    default_enabled: true,
    fixable: Fixable::Safe,
    doc: include_str!("../../rules/taxonomy-variant.md"),
};

fn finding(v: &Variant) -> Diagnostic {
    let counts: Vec<String> = v
        .counts
        .iter()
        .map(|(s, n)| format!("`{s}` on {n} page{}", if *n == 1 { "" } else { "s" }))
        .collect();
    let effect = if v.merged {
        "Hugo merges them into one term page and shows one spelling for all"
    } else {
        "Hugo makes a term page for each"
    };
    let d = Diagnostic::new(
        &META,
        v.span.clone(),
        format!(
            "{} `{}` is spelt `{}` on most pages",
            v.taxonomy, v.term, v.majority
        ),
    )
    .label(format!("`{}` elsewhere", v.majority))
    .help(format!("{}: {effect}", counts.join(", ")));
    if v.fixable {
        d.fix(Fix::safe(v.span.clone(), v.majority.clone()))
    } else {
        d
    }
}

impl Rule for TaxonomyVariant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &crate::rules::Context<'_>, _out: &mut Sink) {}

    fn wants(&self) -> Wants {
        Wants {
            terms: true,
            ..Wants::default()
        }
    }

    fn check_pages(&self, cx: &PagesContext<'_>, out: &mut Sink) {
        for v in cx.pages.variants(cx.page) {
            out.push(finding(&v));
        }
    }
}
