use crate::body::Tag;
use crate::diagnostic::{Diagnostic, Severity, Sink};
use crate::rules::{Context, Rule, RuleMeta};

pub struct BrokenRef;

static META: RuleMeta = RuleMeta {
    name: "broken-ref",
    summary: "a `ref` or `relref` to a page that does not exist",
    severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    doc: include_str!("../../rules/broken-ref.md"),
};

fn not_found(tag: &Tag, span: std::ops::Range<usize>, target: &str) -> Diagnostic {
    Diagnostic::new(&META, span, format!("`{}` target `{target}` is not a page of the site", tag.name))
        .label("no such page")
        .help(format!("Hugo fails with: REF_NOT_FOUND: Ref \"{target}\": page not found; use a path relative to the content folder such as /posts/name.md"))
}

fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Whether `target` resolves as Hugo resolves refs: from the content root
/// when it starts with `/`, else relative to the page, else by its name.
fn resolves(cx: &Context<'_>, target: &str) -> bool {
    let published = cx.site.published();
    let target = target.split('#').next().unwrap_or("").trim().to_lowercase();
    if target.is_empty() || target == "/" {
        return true;
    }
    let strip_ext = |p: String| p.strip_suffix(".md").map(str::to_string).unwrap_or(p);
    let found = |p: Option<String>| p.is_some_and(|p| published.has_page(&p) || published.has_page(&strip_ext(p.clone())));
    if let Some(abs) = target.strip_prefix('/') {
        return found(normalize(abs));
    }
    let page = cx.site.content_path(&cx.doc.rel_path).to_lowercase();
    let dir = match page.rsplit_once('/') {
        Some((dir, file)) if file.starts_with("index.") || file.starts_with("_index.") => dir.to_string(),
        Some((dir, _)) => dir.to_string(),
        None => String::new(),
    };
    found(normalize(&format!("{dir}/{target}")))
        || found(normalize(&target))
        || (!target.contains('/') && published.has_page_named(&target))
}

impl Rule for BrokenRef {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        for tag in cx.doc.shortcodes().tags.iter().filter(|t| !t.closing && (t.name == "ref" || t.name == "relref")) {
            let Some(path) = tag.param("path", Some(0)) else { continue };
            if !resolves(cx, &path.value) {
                out.push(not_found(tag, path.span.clone(), &path.value));
            }
        }
    }
}
