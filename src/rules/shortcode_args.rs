//! `shortcode-args`: a shortcode call missing an argument that its built-in or
//! `[shortcodes.NAME]` requires, or a `param` naming a key no one defines.

use crate::body::{Param, Params, Tag};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
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

/// The required arguments of a built-in at this Hugo version: (named, position), and
/// whether leaving them out fails the build (else Hugo renders an empty embed).
/// A required argument: its name, and its position when it may be given positionally.
type Required = (&'static str, Option<usize>);

fn built_in_requirements(name: &str, cx: &Context<'_>) -> Option<(&'static [Required], bool)> {
    let v = cx.site.version;
    Some(match name {
        "youtube" => (&[("id", Some(0))], v.at_least(125)),
        "vimeo" => (&[("id", Some(0))], v.at_least(146)),
        "instagram" => (&[("id", Some(0))], true),
        "x" | "x_simple" => (&[("user", None), ("id", None)], true),
        "gist" => (&[("user", Some(0)), ("id", Some(1))], true),
        "ref" | "relref" => (&[("path", Some(0))], true),
        _ => return None,
    })
}

fn check_tag(tag: &Tag, cx: &Context<'_>, out: &mut Sink) {
    let known = cx.site.shortcodes().lookup(&tag.name);
    if known.is_some_and(|k| k.origin == Origin::BuiltIn) {
        if let Some((required, fatal)) = built_in_requirements(&tag.name, cx) {
            for (name, position) in required {
                if tag.param(name, *position).is_none() {
                    let how = match position {
                        Some(p) => format!(
                            "write {{{{< {} {name}=\"...\" >}}}} or give it as argument {}",
                            tag.name,
                            p + 1
                        ),
                        None => format!("write {{{{< {} {name}=\"...\" >}}}}", tag.name),
                    };
                    let d = missing(tag, &format!("`{name}`"), how);
                    out.push(if fatal {
                        d
                    } else {
                        d.severity(Severity::Warning)
                    });
                }
            }
        }
        if tag.name == "param" {
            check_param(tag, cx, out);
        }
        if tag.name == "qr" && tag.self_closing && tag.param("text", None).is_none() {
            out.push(missing(
                tag,
                "`text` or inner content",
                "write {{< qr text=\"...\" />}} or put the text between {{< qr >}} and {{< /qr >}}"
                    .into(),
            ));
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
        for tag in cx
            .doc
            .shortcodes()
            .tags
            .iter()
            .filter(|t| !t.closing && !t.inline)
        {
            check_tag(tag, cx, out);
        }
    }
}
