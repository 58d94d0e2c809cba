//! `broken-ref`: a `ref` or `relref` shortcode whose target is not a page of
//! the site, which fails Hugo's build with `REF_NOT_FOUND`.

use crate::body::Tag;
use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};
use crate::site::published::join;

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

fn not_found(tag: &Tag, span: std::ops::Range<usize>, target: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        span,
        format!("`{}` target `{target}` is not a page of the site", tag.name),
    )
    .label("no such page")
    .help(format!(
        "Hugo fails with: REF_NOT_FOUND: Ref \"{target}\": page not \
            found; use a path relative to the content folder such as \
            /posts/name.md"
    ))
}

/// Whether `target` resolves as Hugo resolves refs: from the content root
/// when it starts with `/`, else relative to the page, else by its name.
fn resolves(cx: &Context<'_>, target: &str) -> bool {
    let published = cx.site.published();
    let target = target.split('#').next().unwrap_or("").trim().to_lowercase();
    if target.is_empty() || target == "/" {
        return true;
    }
    let found = |p: Option<String>| p.is_some_and(|p| published.has_page(&p));
    let page = cx.site.content_path(&cx.doc.rel_path).to_lowercase();
    let dir = page.rsplit_once('/').map_or("", |(dir, _)| dir);
    // From the content root with a leading `/`; else beside the page, then
    // from the content root, then by name anywhere.
    found(join(dir, &target))
        || (!target.starts_with('/') && found(join("", &target)))
        || (!target.contains('/') && published.has_page_named(&target))
}

impl Rule for BrokenRef {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for tag in cx
            .doc
            .shortcodes()
            .tags
            .iter()
            .filter(|t| !t.closing && (t.name == "ref" || t.name == "relref"))
        {
            let Some(path) = tag.param("path", Some(0)) else {
                continue;
            };
            if !resolves(cx, &path.value) {
                out.push(not_found(tag, path.span.clone(), &path.value));
            }
        }
    }
}
