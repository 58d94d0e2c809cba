//! `shortcode-args`: a shortcode call missing an argument that its built-in or
//! `[shortcodes.NAME]` requires, or a `param` naming a key no one defines.

use crate::body::{Params, Tag};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::frontmatter::Node;
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::shortcodes::Origin;

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

/// Whether a dotted key is set in a front matter or params tree.
fn has_key(tree: Option<&Node>, key: &str) -> bool {
    tree.is_some_and(|t| t.get_path(key).is_some())
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

fn check_param(tag: &Tag, cx: &Context<'_>, out: &mut Sink) {
    let Some(key) = tag.param("", Some(0)).or_else(|| match &tag.params {
        Params::Named(named) => named.first().map(|(_, _, p)| p),
        _ => None,
    }) else {
        out.push(missing(
            tag,
            "a key",
            "write {{< param \"key\" >}}; Hugo fails with: Missing param key".into(),
        ));
        return;
    };
    let page = cx.doc.tree();
    let found = has_key(page, &key.value)
        || has_key(
            page.and_then(|t| t.get("params")).map(|e| &e.value),
            &key.value,
        )
        || has_key(cx.site.hugo.params.as_ref(), &key.value);
    if !found {
        out.push(
            Diagnostic::new(
                &META,
                key.span.clone(),
                format!("param `{}` is not defined", key.value),
            )
            .label("not in the page's front matter or the site's params")
            .help(format!(
                "set `{}` in the page's front matter or under [params] in \
                    the Hugo config; Hugo fails with: Param \"{}\" not found",
                key.value, key.value
            )),
        );
    }
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
