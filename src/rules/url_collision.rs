//! `url-collision`: two pages, or a page and an alias, published at one URL.

use crate::diagnostic::{Diagnostic, Fixable, Severity, Sink};
use crate::index::{Collision, Wants};
use crate::rules::{PagesContext, Rule, RuleMeta};

/// The rule: two pages or aliases at one URL (checked after the pass).
pub struct UrlCollision;

static META: RuleMeta = RuleMeta {
    name: "url-collision",
    summary: "two pages, or a page and an alias, that Hugo publishes at the same URL",
    severity: Severity::Error,
    default_enabled: true,
    fixable: Fixable::No,
    doc: include_str!("../../rules/url-collision.md"),
};

fn finding(c: &Collision) -> Diagnostic {
    let what = if c.alias { "this alias" } else { "this page" };
    Diagnostic::new(
        &META,
        c.span.clone(),
        format!("{what} is published at /{}, and so is {}", c.url, c.other),
    )
    .label(if c.alias {
        "an alias to a URL that is taken"
    } else {
        "a URL that is taken"
    })
    .help(if c.alias {
        "Hugo writes one of them over the other without a word: drop the alias, or point it \
         at a URL no page uses"
    } else {
        "Hugo writes one page over the other without a word (only --printPathWarnings says \
         so): give this page another `slug` or `url`"
    })
}

impl Rule for UrlCollision {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &crate::rules::Context<'_>, _out: &mut Sink) {}

    fn wants(&self) -> Wants {
        Wants {
            pages: true,
            ..Wants::default()
        }
    }

    fn check_pages(&self, cx: &PagesContext<'_>, out: &mut Sink) {
        for c in cx.pages.collisions(cx.page) {
            out.push(finding(&c));
        }
    }
}
