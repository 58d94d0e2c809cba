//! `broken-anchor`: a link's `#fragment` that names no id on its target page.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::index::urls::Kind;
use crate::index::{Hit, LinkFact, PageFacts, Target, Wants};
use crate::rules::{PagesContext, Rule, RuleMeta};

/// The rule: a `#fragment` that names no id on its target page (checked after the pass).
pub struct BrokenAnchor;

static META: RuleMeta = RuleMeta {
    name: "broken-anchor",
    summary: "a link's #fragment that names no heading or id on its target page",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/broken-anchor.md"),
};

fn missing(
    link: &LinkFact,
    fragment: &str,
    target: Option<&str>,
    near: Option<&str>,
) -> Diagnostic {
    let page = target.map_or("this page".to_string(), |t| format!("`{t}`"));
    let d = Diagnostic::new(
        &META,
        link.span.clone(),
        format!("`#{fragment}` names no heading or id on {page}"),
    )
    .label("no such id");
    match near {
        Some(n) if n.eq_ignore_ascii_case(fragment) => {
            d.help(format!("did you mean `#{n}`? ids are case-sensitive"))
        }
        Some(n) => d.help(format!("did you mean `#{n}`?")),
        None => d.help(
            "heading ids are the heading's text in lower case, spaces as `-`, punctuation \
             dropped, and `-1`, `-2` for repeats; or give the heading {#an-id}",
        ),
    }
}

/// The page a link with a fragment leads to, if its ids can be checked.
fn target(cx: &PagesContext<'_>, link: &LinkFact) -> Option<std::sync::Arc<PageFacts>> {
    match &link.target {
        Target::SamePage => None,
        Target::Url(url) => match cx.pages.at(url) {
            Hit::Page(p) => Some(p),
            _ => None,
        },
        Target::Ref(path) => cx.pages.by_ref(cx.page, path),
        Target::MarkdownFile(_) | Target::ClimbsOut => None,
    }
}

impl Rule for BrokenAnchor {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &crate::rules::Context<'_>, _out: &mut Sink) {}

    fn wants(&self) -> Wants {
        Wants {
            links: true,
            anchors: true,
            ..Wants::default()
        }
    }

    fn check_pages(&self, cx: &PagesContext<'_>, out: &mut Sink) {
        let templates = cx.env.templates();
        if templates.heading_hook_unknown {
            return;
        }
        for link in &cx.page.links {
            let Some(fragment) = &link.fragment else {
                continue;
            };
            let found;
            let page: &PageFacts = if link.target == Target::SamePage {
                cx.page
            } else {
                match target(cx, link) {
                    Some(p) => {
                        found = p;
                        &found
                    }
                    None => continue,
                }
            };
            if page.kind != Some(Kind::Page) && link.target != Target::SamePage {
                continue;
            }
            let Some(anchors) = &page.anchors else {
                continue;
            };
            if anchors.unknown.is_some()
                || anchors.has(fragment)
                || templates.ids.contains(fragment.as_str())
            {
                continue;
            }
            let near = anchors
                .ids
                .iter()
                .find(|id| id.eq_ignore_ascii_case(fragment))
                .map(String::as_str)
                .or_else(|| {
                    crate::suggest::nearest(fragment, anchors.ids.iter().map(String::as_str))
                });
            let shown = (!std::ptr::eq(page, cx.page)).then_some(page.rel_path.as_str());
            out.push(missing(link, fragment, shown, near));
        }
    }
}
