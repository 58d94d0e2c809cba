//! `shortcode-unbalanced`: an `.Inner` shortcode left open, a stray or mismatched closing tag,
//! a closed shortcode without `.Inner`, or an inline shortcode nested or used before defined.

use crate::body::shortcode_tree::{self, InnerKind, Problem};
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::version::Behaviour;

/// The `shortcode-unbalanced` rule (`rules/shortcode-unbalanced.md`).
pub struct ShortcodeUnbalanced;

static META: RuleMeta = RuleMeta {
    name: "shortcode-unbalanced",
    summary: "an inner shortcode left open, a stray or mismatched closing \
        tag, or a closed shortcode that takes no inner content",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/shortcode-unbalanced.md"),
};

fn diagnostic(p: &Problem) -> Diagnostic {
    match p {
        Problem::UnclosedInner { open, name } => Diagnostic::new(
            &META,
            open.clone(),
            format!("shortcode `{name}` is never closed"),
        )
        .label("opened here")
        .help(format!(
            "`{name}` uses .Inner: close it with {{{{< /{name} >}}}} or \
                        self-close it with {{{{< {name} />}}}}"
        )),
        Problem::CloseWithoutOpen { close, name } => Diagnostic::new(
            &META,
            close.clone(),
            format!("closing tag for `{name}`, but no `{name}` is open"),
        )
        .label("nothing to close")
        .help("remove the closing tag, or add the opening tag before it"),
        Problem::MismatchedClose {
            open,
            open_name,
            close,
            close_name,
        } => Diagnostic::new(
            &META,
            close.clone(),
            format!("closing tag for `{close_name}` does not match the open `{open_name}`"),
        )
        .label(format!("closes `{close_name}`"))
        .related(open.clone(), format!("`{open_name}` opened here"))
        .help(format!(
            "close `{open_name}` first with {{{{< /{open_name} >}}}}"
        )),
        Problem::ClosedNoInner {
            tag,
            name,
            self_closed,
        } => {
            let how = if *self_closed {
                "self-closed"
            } else {
                "closed"
            };
            Diagnostic::new(
                &META,
                tag.clone(),
                format!("shortcode `{name}` takes no inner content, yet it is {how}"),
            )
            .label(how.to_string())
            .help(format!(
                "its template does not use .Inner: write {{{{< {name} ... \
                    >}}}} with no closing tag"
            ))
        }
        Problem::InlineNesting { tag, inline_name } => Diagnostic::new(
            &META,
            tag.clone(),
            format!(
                "inline shortcode `{inline_name}` cannot contain other \
                shortcodes"
            ),
        )
        .label("nested here")
        .help("Hugo fails with: inline shortcodes do not support nesting"),
        Problem::InlineUndefined { tag, name } => Diagnostic::new(
            &META,
            tag.clone(),
            format!("inline shortcode `{name}` is used before it is defined"),
        )
        .label("not defined yet")
        .help(format!(
            "define it first with {{{{< {name} >}}}}...{{{{< /{name} >}}}}"
        )),
    }
}

/// Hugo 0.151.1 only: a shortcode nested in itself fails with "closing tag for
/// shortcode 'wrap' does not match start tag" (a133393ed, fixed in 1e91e4652).
fn nested_same_name(cx: &Context<'_>, out: &mut Sink) {
    let tags = &cx.doc.shortcodes().tags;
    let structure = cx.shortcode_structure();
    for (i, tag) in tags.iter().enumerate().filter(|(_, t)| !t.closing) {
        let mut parent = structure.parent.get(i).copied().flatten();
        while let Some(p) = parent {
            if tags[p].name == tag.name {
                out.push(
                    Diagnostic::new(
                        &META,
                        tag.span.clone(),
                        format!("`{}` is nested in another `{}`", tag.name, tag.name),
                    )
                    .label("nested here")
                    .related(tags[p].span.clone(), "inside this one")
                    .help(
                        "Hugo 0.151.1 fails on a shortcode nested in itself (closing tag does \
                         not match start tag); 0.151.2 fixed it",
                    ),
                );
                break;
            }
            parent = structure.parent.get(p).copied().flatten();
        }
    }
}

impl Rule for ShortcodeUnbalanced {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let lexed = cx.doc.shortcodes();
        if (lexed.tags.is_empty() && lexed.broken.is_empty()) || !cx.page_parsed() {
            return;
        }
        if cx.site.version.has(Behaviour::NestedSameNameFails) {
            nested_same_name(cx, out);
        }
        let inner = |name: &str| match cx.shortcode(name) {
            Some(k) if k.needs_inner => InnerKind::NeedsInner,
            Some(_) => InnerKind::NoInner,
            None => InnerKind::Unknown,
        };
        // Hugo checks inline definitions only when inline shortcodes are enabled.
        let inline_on = cx.site.hugo.inline_shortcodes;
        out.extend(
            shortcode_tree::check_lexed(lexed, inner)
                .iter()
                .filter(|p| inline_on || !matches!(p, Problem::InlineUndefined { .. }))
                .map(diagnostic),
        );
    }
}
