//! `broken-ref`: a `ref` or `relref` shortcode whose target is not a page of
//! the site, which fails Hugo's build with `REF_NOT_FOUND`.

use crate::body::{Param, Params, Tag};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::page_meta::Publish;
use crate::site::params::PageIdent;
use crate::site::refs::{RefArgs, RefOutcome};
use crate::site::{Site, Unchecked};

/// The `broken-ref` rule (`rules/broken-ref.md`).
pub struct BrokenRef;

static META: RuleMeta = RuleMeta {
    name: "broken-ref",
    summary: "a `ref` or `relref` to a page that does not exist",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/broken-ref.md"),
};

/// A named argument, its name compared ignoring case (Hugo decodes the arguments with
/// mapstructure, which does).
fn named<'a>(tag: &'a Tag, name: &str) -> Option<&'a Param> {
    match &tag.params {
        Params::Named(list) => list
            .iter()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, _, p)| p),
        _ => None,
    }
}

/// The ref's arguments as Hugo's `refArgsToMap` reads them: `path` and `outputFormat`
/// positionally, or `path`, `lang`, `outputFormat` by name.
fn args(tag: &Tag) -> Option<(&Param, RefArgs<'_>)> {
    let path = match &tag.params {
        Params::Positional(list) => list.first()?,
        _ => named(tag, "path")?,
    };
    let output_format = match &tag.params {
        Params::Positional(list) => list.get(1),
        _ => named(tag, "outputFormat"),
    };
    Some((
        path,
        RefArgs {
            path: &path.value,
            lang: named(tag, "lang").map(|p| p.value.as_str()),
            output_format: output_format.map(|p| p.value.as_str()),
        },
    ))
}

/// The finding for an outcome other than found; `langs` names the languages it fails in when
/// the page is built in others where it does not.
fn finding(tag: &Tag, path: &Param, outcome: &RefOutcome, langs: Option<String>) -> Diagnostic {
    let target = &path.value;
    let name = &tag.name;
    let in_langs = langs
        .map(|l| format!(" in the `{l}` site"))
        .unwrap_or_default();
    let (message, label, help) = match outcome {
        RefOutcome::Ambiguous(bases) => (
            format!("`{name}` target `{target}` is ambiguous{in_langs}"),
            "several pages have this name",
            format!(
                "pages {} all have this name; write the page's path from the content root; \
                    Hugo fails with: page reference \"{target}\" is ambiguous",
                bases.join(", ")
            ),
        ),
        RefOutcome::NotFound {
            dropped: Some(state),
            ..
        } => (
            format!(
                "`{name}` target `{target}` is {}{in_langs}",
                match state {
                    Publish::Draft => "a draft page",
                    Publish::Future => "a page dated in the future",
                    _ => "an expired page",
                }
            ),
            "not published by Hugo's default build",
            format!(
                "Hugo's default build (without --buildDrafts, --buildFuture, --buildExpired) \
                    does not publish that page; Hugo fails with: REF_NOT_FOUND: Ref \
                    \"{target}\": page not found"
            ),
        ),
        RefOutcome::NotFound { reason, .. } if reason != "page not found" => (
            format!("`{name}` to `{target}`: {reason}{in_langs}"),
            "Hugo cannot link this",
            format!("Hugo fails with: REF_NOT_FOUND: Ref \"{target}\": {reason}"),
        ),
        _ => (
            format!("`{name}` target `{target}` is not a page of the site{in_langs}"),
            "no such page",
            format!(
                "Hugo looks relative to the page, then from the content root, then (for a \
                    name without `/`) by page or bundle name; use a path from the content \
                    root such as /posts/name.md; Hugo fails with: REF_NOT_FOUND: Ref \
                    \"{target}\": page not found"
            ),
        ),
    };
    Diagnostic::new(&META, path.span.clone(), message)
        .label(label)
        .help(help)
}

/// Whether `refLinksErrorLevel` makes a broken ref a warning, not a failed build.
fn warning_level(site: &Site) -> bool {
    site.hugo
        .get("refLinksErrorLevel")
        .and_then(|n| n.as_str())
        .is_some_and(|l| l.eq_ignore_ascii_case("warning"))
}

fn check_tag(cx: &Context<'_>, tag: &Tag, pages: &[PageIdent], out: &mut Sink) {
    let Some((path, args)) = args(tag) else {
        return;
    };
    let from = cx.site.root.join(&cx.doc.rel_path);
    let mut failing: Vec<(&str, RefOutcome)> = Vec::new();
    for page in pages {
        let outcome = cx.site.resolve_ref(page, &from, &args);
        if outcome != RefOutcome::Found {
            failing.push((&page.lang, outcome));
        }
    }
    let Some((_, outcome)) = failing.first() else {
        return;
    };
    let plain_miss = matches!(outcome, RefOutcome::NotFound { dropped: None, reason }
        if reason == "page not found");
    if plain_miss && cx.site.incomplete() {
        // The missing theme or module may hold the page; theme-missing says how many.
        cx.site.unchecked.add(Unchecked::Ref);
        return;
    }
    let langs = (failing.len() < pages.len()).then(|| {
        failing
            .iter()
            .map(|(l, _)| *l)
            .collect::<Vec<_>>()
            .join("`, `")
    });
    let mut d = finding(tag, path, outcome, langs);
    if warning_level(cx.site) {
        d = d
            .severity(Severity::Warning)
            .help("refLinksErrorLevel = \"WARNING\": Hugo logs this and still builds the site");
    }
    let state = pages
        .first()
        .map(|p| cx.site.publish_state(p, cx.doc.tree()))
        .filter(|s| *s != Publish::Yes);
    if let Some(state) = state {
        d = d.severity(Severity::Warning).help(format!(
            "the page is {}: Hugo's default build does not render it, so it fails only once \
                the page is published",
            state.reason()
        ));
    }
    out.push(d);
}

impl Rule for BrokenRef {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let mut tags = cx
            .doc
            .shortcodes()
            .tags
            .iter()
            .filter(|t| !t.closing && (t.name == "ref" || t.name == "relref"))
            .peekable();
        if tags.peek().is_none() {
            return;
        }
        let pages = cx.site.page_idents(&cx.doc.rel_path);
        for tag in tags {
            check_tag(cx, tag, &pages, out);
        }
    }
}
