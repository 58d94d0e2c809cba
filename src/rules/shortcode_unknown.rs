//! `shortcode-unknown`: a shortcode with no template in the site or its themes
//! and no built-in of that name in the Hugo version checked (naming the
//! replacement of a built-in Hugo removed), or, from Hugo 0.147.4, one whose
//! only templates are plain text, called with `{{<`.

use crate::body::{Delim, Tag};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::Unchecked;
use crate::suggest::nearest as did_you_mean;
use crate::version::Behaviour;

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

fn removed(tag: &Tag, since: u32, instead: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        tag.name_span.clone(),
        format!(
            "the built-in shortcode `{}` was removed in Hugo 0.{since}",
            tag.name
        ),
    )
    .label("removed")
    .help(format!("use {instead}"))
}

fn plain_text_only(tag: &Tag) -> Diagnostic {
    Diagnostic::new(
        &META,
        tag.name_span.clone(),
        format!(
            "shortcode `{}` has only plain-text templates (.md, .txt, .json): Hugo 0.147.4 \
             and later cannot call it with {{{{<",
            tag.name
        ),
    )
    .label("no HTML template")
    .help(format!(
        "call it with {{{{% {} %}}}}, or add layouts/_shortcodes/{}.html; Hugo fails with: \
         no compatible template found",
        tag.name, tag.name
    ))
}

impl Rule for ShortcodeUnknown {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let tags = &cx.doc.shortcodes().tags;
        if tags.is_empty() || !cx.page_parsed() {
            return;
        }
        let known = cx.site.shortcodes();
        let v = cx.site.version;
        for tag in tags.iter().filter(|t| !t.closing && !t.inline) {
            match cx.shortcode(&tag.name) {
                Some(k) => {
                    if k.plain_text_only
                        && tag.open_delim == Delim::Angle
                        && v.has(Behaviour::PlainTextShortcodesFail)
                        && cx.page_renders()
                    {
                        out.push(plain_text_only(tag));
                    }
                }
                // Found elsewhere (a section-scoped template): Hugo fails only when it renders.
                None if known.lookup_anywhere(&tag.name) && !cx.page_renders() => {}
                None if cx.site.incomplete() => {
                    // The missing theme may have it; theme-missing says how many.
                    cx.site.unchecked.add(Unchecked::Shortcode);
                }
                None => match known.removed(&tag.name) {
                    Some((since, instead)) => out.push(removed(tag, since, instead)),
                    None => {
                        let names = known.names();
                        let suggestion = did_you_mean(&tag.name, names.iter().copied());
                        out.push(unknown(tag, suggestion, v));
                    }
                },
            }
        }
    }
}
