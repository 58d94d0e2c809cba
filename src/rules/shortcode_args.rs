//! `shortcode-args`: a shortcode call missing an argument that its built-in or
//! `[shortcodes.NAME]` requires, or a `param` naming a key no one defines.

use crate::body::{Param, Params, Tag};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::shortcode_builtins;
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::page_meta::Publish;
use crate::site::params::{ParamLookup, ParamOrigin};
use crate::site::shortcodes::Origin;
use crate::site::Unchecked;

/// The `shortcode-args` rule (`rules/shortcode-args.md`).
pub struct ShortcodeArgs;

static META: RuleMeta = RuleMeta {
    name: "shortcode-args",
    summary: "a shortcode missing a required argument, or `param` naming an undefined key",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/shortcode-args.md"),
};

fn missing(tag: &Tag, what: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        &META,
        tag.span.clone(),
        format!("`{}` needs {what}", tag.name),
    )
    .label("missing argument")
    .help(help)
}

/// The findings of one opening tag; `inner` is its inner text when it is closed.
fn check_tag(tag: &Tag, inner: Option<&str>, cx: &Context<'_>, out: &mut Sink) {
    let known = cx.shortcode(&tag.name);
    if known.is_some_and(|k| k.origin == Origin::BuiltIn) {
        out.extend(shortcode_builtins::check(&META, tag, inner, cx));
        if tag.name == "param" {
            check_param(tag, cx, out);
        }
        return;
    }
    if let Some(decl) = cx.site.config.shortcodes.get(&tag.name) {
        for name in &decl.required {
            let present = match &tag.params {
                Params::Named(_) => tag.param(name, None).is_some(),
                Params::Positional(list) => list.len() >= decl.required.len(),
                Params::None => false,
            };
            if !present {
                out.push(missing(
                    tag,
                    &format!("`{name}`"),
                    format!("pagelint.toml requires `{name}` on `{}`", tag.name),
                ));
            }
        }
    }
}

/// Keys Hugo fills in itself when the front matter lacks them (dates from other keys, the
/// file name or git): pagelint cannot know their value.
const DERIVED_KEYS: &[&str] = &[
    "date",
    "lastmod",
    "modified",
    "publishdate",
    "pubdate",
    "published",
    "expirydate",
    "unpublishdate",
];

/// Hugo's `param` shortcode: `.Get 0` is the key, so a named argument is no key at all
/// (`tpl/tplimpl/embedded/templates/_shortcodes/param.html`); the key must resolve to a
/// truthy value in the page's params or the site's, in every language the page is built in.
fn check_param(tag: &Tag, cx: &Context<'_>, out: &mut Sink) {
    let key = match &tag.params {
        Params::Positional(_) => tag.param("", Some(0)).filter(|k| !k.value.is_empty()),
        _ => None,
    };
    let Some(key) = key else {
        let how = match &tag.params {
            Params::Named(_) => "`param` takes its key as its first argument, not named",
            _ => "write {{< param \"key\" >}}",
        };
        out.push(missing(
            tag,
            "a key",
            format!("{how}; Hugo fails with: Missing param key"),
        ));
        return;
    };
    if DERIVED_KEYS.contains(&key.value.to_lowercase().as_str()) {
        return;
    }
    if cx.site.incomplete() {
        cx.site.unchecked.add(Unchecked::Param);
        return;
    }
    let own = cx.doc.tree();
    let pages = cx.site.page_idents(&cx.doc.rel_path);
    let mut failing: Vec<(&str, Option<ParamOrigin>)> = Vec::new();
    for page in &pages {
        match cx.site.param(page, own, &key.value) {
            ParamLookup::Missing => failing.push((&page.lang, None)),
            ParamLookup::Found {
                truthy: false,
                origin,
            } => failing.push((&page.lang, Some(origin))),
            ParamLookup::Found { .. } => {}
        }
    }
    let Some((_, origin)) = failing.first() else {
        return;
    };
    let only_some = failing.len() < pages.len();
    let langs: Vec<&str> = failing.iter().map(|(l, _)| *l).collect();
    let mut d = param_finding(key, *origin, only_some.then_some(&langs[..]));
    if let Some(state) = pages
        .first()
        .map(|p| cx.site.publish_state(p, own))
        .filter(|s| *s != Publish::Yes)
    {
        d = d.severity(Severity::Warning).help(format!(
            "the page is {}: Hugo's default build does not render it, so it fails only once \
                the page is published",
            state.reason()
        ));
    }
    out.push(d);
}

/// The finding for a key `param` does not resolve: missing (`origin` None) or falsy, in some
/// languages only when `langs` is given.
fn param_finding(key: &Param, origin: Option<ParamOrigin>, langs: Option<&[&str]>) -> Diagnostic {
    let k = &key.value;
    let in_langs = langs
        .map(|l| format!(" in the `{}` site", l.join("`, `")))
        .unwrap_or_default();
    let (message, label) = match origin {
        None => (
            format!("param `{k}` is not defined{in_langs}"),
            "not in the page's params, its cascades or the site's params".to_string(),
        ),
        Some(o) => (
            format!("param `{k}` is false or empty{in_langs}"),
            format!(
                "set to a false, zero or empty value in {}",
                match o {
                    ParamOrigin::Page => "the page's front matter",
                    ParamOrigin::Cascade => "a cascade",
                    ParamOrigin::Site => "the site's params",
                }
            ),
        ),
    };
    Diagnostic::new(&META, key.span.clone(), message)
        .label(label)
        .help(format!(
            "Hugo's `param` looks in the page's front matter and `params`, the `cascade` of \
                the sections above it, then the site's `[params]` (with its theme's and its \
                language's), and treats false, 0 and empty values as missing; Hugo fails with: \
                Param \"{k}\" not found"
        ))
}

impl Rule for ShortcodeArgs {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let tags = &cx.doc.shortcodes().tags;
        if tags.is_empty() || !cx.page_renders() {
            return;
        }
        // Inner text is needed only by `qr`; the pairing is computed only then.
        let structure = tags
            .iter()
            .any(|t| t.name == "qr")
            .then(|| cx.shortcode_structure());
        for (i, tag) in tags
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.closing && !t.inline)
        {
            let inner = structure.as_ref().and_then(|s| {
                let close = s.closed_by.get(i).copied().flatten()?;
                cx.doc.text.get(tag.span.end..tags[close].span.start)
            });
            check_tag(tag, inner, cx, out);
        }
    }
}
