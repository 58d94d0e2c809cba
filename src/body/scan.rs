//! One Markdown parse of a page's body for both its links and its ids: the body is masked
//! once ([`Masked`]) and parsed once, and each event goes to both collectors.

use pulldown_cmark::{Options, Parser};

use super::headings::{may_hold_ids, AnchorCollector};
use super::links::{may_hold_links, LinkCollector};
use super::masked::Masked;
use super::{Anchors, IdSettings, Link, Shortcodes};
use crate::frontmatter::Span;

/// The links of the body `text[body]`. `raw_html`: raw HTML is rendered
/// (`markup.goldmark.renderer.unsafe`), so its `<a href>` are links.
pub fn links(text: &str, body: Span, shortcodes: &Shortcodes, raw_html: bool) -> Vec<Link> {
    let settings = IdSettings {
        raw_html,
        ..IdSettings::default()
    };
    scan(text, body, shortcodes, &settings).0
}

/// The ids of the body `text[body]` with the site's settings `s`.
pub fn anchors(text: &str, body: Span, shortcodes: &Shortcodes, s: &IdSettings) -> Anchors {
    scan(text, body, shortcodes, s).1
}

/// The links and ids of the body `text[body]` with the site's `settings` (see
/// [`super::links`] and [`super::headings`]).
pub fn scan(
    text: &str,
    body: Span,
    shortcodes: &Shortcodes,
    settings: &IdSettings,
) -> (Vec<Link>, Anchors) {
    let src = &text[body.clone()];
    let want_links = may_hold_links(src, shortcodes);
    let want_ids = may_hold_ids(src, settings);
    let masked = Masked::new(text, body, shortcodes);
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    if settings.attribute_title {
        options |= Options::ENABLE_HEADING_ATTRIBUTES;
    }
    if settings.definition_term_ids {
        options |= Options::ENABLE_DEFINITION_LIST;
    }
    let parsed: &str = if want_links || want_ids {
        &masked.text
    } else {
        ""
    };
    let parser = Parser::new_ext(parsed, options);
    let refs: Vec<(String, Span)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone()))
        .collect();
    let mut links = LinkCollector::new(&masked, shortcodes, settings.raw_html, refs);
    let mut ids = AnchorCollector::new(&masked, shortcodes, settings);
    for (event, range) in parser.into_offset_iter() {
        if want_links {
            links.event(&event, &range);
        }
        if want_ids {
            ids.event(&event, &range);
        }
    }
    (links.finish(), ids.finish())
}
