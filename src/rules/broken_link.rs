//! `broken-link`: an internal link to nothing the site publishes.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::index::{Hit, LinkFact, Target, Wants};
use crate::rules::{PagesContext, Rule, RuleMeta};

/// The rule: an internal link to nothing the site publishes (checked after the pass).
pub struct BrokenLink;

static META: RuleMeta = RuleMeta {
    name: "broken-link",
    summary: "a link to a page or file that the site does not publish",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/broken-link.md"),
};

fn missing(link: &LinkFact, url: &str, suggestion: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        link.span.clone(),
        format!(
            "link `{}` leads nowhere: the site publishes nothing at /{url}",
            link.written
        ),
    )
    .label("no such page or file");
    match suggestion {
        Some(s) if s.eq_ignore_ascii_case(url) || s.eq_ignore_ascii_case(&format!("{url}/")) => {
            d.help(format!("did you mean /{s}? URLs are case-sensitive"))
        }
        Some(s) => d.help(format!("did you mean /{s}?")),
        None => d.help(
            "link to a page's published URL (its permalink), a file under static/, or use \
             {{< relref \"path/to/page.md\" >}}",
        ),
    }
}

fn markdown_file(link: &LinkFact, page_url: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(
        &META,
        link.span.clone(),
        format!(
            "link `{}` names a Markdown file: Hugo publishes the link as written, and no page \
             is there",
            link.written
        ),
    )
    .label("a content file, not a URL");
    match page_url {
        Some(u) => d.help(format!(
            "link to the page's URL, /{u}, or write {{{{< relref \"{}\" >}}}}; no link render \
             hook turns file paths into URLs on this site",
            link.written.split('#').next().unwrap_or("")
        )),
        None => d.help("no page of the site has this path either"),
    }
}

fn climbs_out(link: &LinkFact) -> Diagnostic {
    Diagnostic::new(
        &META,
        link.span.clone(),
        format!("link `{}` points above the site's root", link.written),
    )
    .label("`..` climbs above /")
    .help("count the `..` again, or start the path with / from the site's root")
}

impl Rule for BrokenLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &crate::rules::Context<'_>, _out: &mut Sink) {}

    fn wants(&self) -> Wants {
        Wants {
            links: true,
            ..Wants::default()
        }
    }

    fn check_pages(&self, cx: &PagesContext<'_>, out: &mut Sink) {
        for link in &cx.page.links {
            match &link.target {
                Target::ClimbsOut => out.push(climbs_out(link)),
                Target::MarkdownFile(page) => {
                    let url = page.as_ref().and_then(|p| {
                        let target = cx.pages.by_ref(cx.page, &format!("/{p}"))?;
                        target.url.as_ref().map(|u| u.path.clone())
                    });
                    out.push(markdown_file(link, url));
                }
                Target::Url(url) => {
                    if let Hit::Missing = cx.pages.at(url) {
                        out.push(missing(link, url, cx.pages.suggest(url)));
                    }
                }
                Target::SamePage | Target::Ref(_) => {}
            }
        }
    }
}
