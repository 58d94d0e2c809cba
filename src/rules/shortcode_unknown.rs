//! `shortcode-unknown`: a shortcode with no template in the site or its themes
//! and no built-in of that name in the Hugo version checked.

use crate::body::Tag;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::Unchecked;
use crate::suggest::nearest as did_you_mean;

/// The `shortcode-unknown` rule (`rules/shortcode-unknown.md`).
pub struct ShortcodeUnknown;

static META: RuleMeta = RuleMeta {
    name: "shortcode-unknown",
    summary: "a shortcode with no template and no built-in of that name",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/shortcode-unknown.md"),
};

fn unknown(
    tag: &Tag,
    suggestion: Option<&str>,
    version: crate::version::HugoVersion,
) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        tag.name_span.clone(),
        format!("no shortcode named `{}`", tag.name),
    )
    .label("unknown shortcode");
    match suggestion {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None => d.help(format!(
            "add a template layouts/shortcodes/{}.html, or use one of \
                Hugo {version}'s built-ins; Hugo fails with: template for \
                shortcode \"{}\" not found",
            tag.name, tag.name
        )),
    }
}

impl Rule for ShortcodeUnknown {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let tags = &cx.doc.shortcodes().tags;
        if tags.is_empty() {
            return;
        }
        let known = cx.site.shortcodes();
        for tag in tags.iter().filter(|t| !t.closing && !t.inline) {
            if known.lookup(&tag.name).is_none() {
                if cx.site.incomplete() {
                    // The missing theme may have it; theme-missing says how many.
                    cx.site.unchecked.add(Unchecked::Shortcode);
                    continue;
                }
                let names = known.names();
                let suggestion = did_you_mean(&tag.name, names.iter().copied());
                out.push(unknown(tag, suggestion, cx.site.version));
            }
        }
    }
}
