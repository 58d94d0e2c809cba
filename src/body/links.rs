//! Every link a page's body makes, with the span of its destination in the file: what
//! Goldmark renders as `<a href>` (inline, reference and autolinks; raw `<a href>` where raw
//! HTML renders) and the `ref`/`relref` shortcodes, which print a page's URL.
//!
//! Links in code are text, and images are not links (their alt text may hold one). Hugo puts
//! a placeholder where each shortcode stands before Goldmark parses the page ([`Masked`]), so
//! `[t]({{< relref "p.md" >}})` is a link whose destination is the `relref`.

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Tag as MdTag};
use regex::Regex;

use super::masked::Masked;
use super::Shortcodes;
use crate::frontmatter::Span;

/// How a link is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkSource {
    /// `[text](dest)` or `[text][label]` with its definition.
    Markdown,
    /// `<https://...>` or `<a@b.c>`.
    Autolink,
    /// `<a href="dest">` in raw HTML.
    Html,
    /// A `ref` (`relative: false`) or `relref` shortcode: `dest` is its `path` argument,
    /// `#fragment` included; `in_link` when it is a Markdown or HTML link's destination.
    Ref {
        /// A `relref` (else a `ref`).
        relative: bool,
        /// The destination of a Markdown or HTML link (else a shortcode in the text).
        in_link: bool,
    },
}

/// One link of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as the renderer sees it: Markdown escapes resolved, HTML entities
    /// decoded; for a ref, its `path` argument.
    pub dest: String,
    /// Where the destination is written in the file (a reference link's definition; a ref's
    /// `path` argument, quotes excluded).
    pub span: Span,
    /// How it is written.
    pub source: LinkSource,
}

/// Links collected from one page at the most, as for images.
pub const MAX_LINKS: usize = 100_000;

static A_HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?is)<a(?-u:\b)[^>]*?(?-u:\s)href(?-u:\s)*=(?-u:\s)*"#,
        r#"(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"#
    ))
    .expect("valid regex")
});

/// Whether the body may hold a link: a `[`, a `<`, or a shortcode (a `ref`).
pub(super) fn may_hold_links(body: &str, shortcodes: &Shortcodes) -> bool {
    body.contains(['[', '<']) || !shortcodes.tags.is_empty()
}

/// Collects the links of one Markdown parse of the masked body (see `scan.rs`).
pub(super) struct LinkCollector<'m> {
    masked: &'m Masked<'m>,
    shortcodes: &'m Shortcodes,
    raw_html: bool,
    refs: Vec<(String, Span)>,
    out: Vec<Link>,
    /// Indices into `shortcodes.tags` of refs that are a link's destination.
    ref_dests: Vec<usize>,
}

impl<'m> LinkCollector<'m> {
    /// A collector; `refs` are the parse's reference definitions (lower-cased labels).
    pub(super) fn new(
        masked: &'m Masked<'m>,
        shortcodes: &'m Shortcodes,
        raw_html: bool,
        refs: Vec<(String, Span)>,
    ) -> Self {
        LinkCollector {
            masked,
            shortcodes,
            raw_html,
            refs,
            out: Vec::new(),
            ref_dests: Vec::new(),
        }
    }

    /// Takes one event of the parse, at `range` of the masked text.
    pub(super) fn event(&mut self, event: &Event<'_>, range: &Span) {
        if self.out.len() >= MAX_LINKS {
            return;
        }
        match event {
            Event::Start(MdTag::Link {
                link_type,
                dest_url,
                ..
            }) => self.markdown(*link_type, dest_url, range),
            Event::Html(html) | Event::InlineHtml(html) if self.raw_html => {
                self.html(html, range.start)
            }
            _ => {}
        }
    }

    fn markdown(&mut self, link_type: LinkType, dest_url: &str, range: &Span) {
        let src: &str = &self.masked.text;
        let within = match link_type {
            LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                let label = reference_label(&src[range.clone()]);
                self.refs
                    .iter()
                    .find(|(l, _)| *l == label)
                    .map_or(range.clone(), |(_, s)| s.clone())
            }
            _ => range.clone(),
        };
        let span = destination_span(src, &within, link_type);
        if self.shortcode_destination(&span) {
            return;
        }
        let source = match link_type {
            LinkType::Autolink | LinkType::Email => LinkSource::Autolink,
            _ => LinkSource::Markdown,
        };
        let dest = match link_type {
            LinkType::Email => format!("mailto:{dest_url}"),
            _ => dest_url.to_string(),
        };
        let base = self.masked.base;
        self.out.push(Link {
            dest,
            span: span.start + base..span.end + base,
            source,
        });
    }

    /// Whether a destination holds a shortcode: a `ref`/`relref` that is all of it is
    /// recorded as that link's; another shortcode prints what pagelint cannot know.
    fn shortcode_destination(&mut self, span: &Span) -> bool {
        if let Some(t) = self.masked.tag_at(span) {
            let tag = &self.shortcodes.tags[t];
            if tag.name == "ref" || tag.name == "relref" {
                self.ref_dests.push(t);
            }
            return true;
        }
        self.masked.tags_in(span).next().is_some()
    }

    /// The `<a href>` of one piece of raw HTML starting at `at` in the masked body.
    fn html(&mut self, html: &str, at: usize) {
        for caps in A_HREF.captures_iter(html) {
            let Some(m) = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3)) else {
                continue;
            };
            let span = at + m.start()..at + m.end();
            if self.shortcode_destination(&span) {
                continue;
            }
            let base = self.masked.base;
            self.out.push(Link {
                dest: html_unescape(m.as_str()),
                span: span.start + base..span.end + base,
                source: LinkSource::Html,
            });
        }
    }

    /// The links found, with every `ref`/`relref` shortcode's path, sorted by position.
    pub(super) fn finish(mut self) -> Vec<Link> {
        for (i, tag) in self.shortcodes.tags.iter().enumerate() {
            if self.out.len() >= MAX_LINKS {
                break;
            }
            if tag.closing || !(tag.name == "ref" || tag.name == "relref") {
                continue;
            }
            let Some(p) = tag.param("path", Some(0)) else {
                continue;
            };
            let span = if p.quoted && p.span.len() >= 2 {
                p.span.start + 1..p.span.end - 1
            } else {
                p.span.clone()
            };
            self.out.push(Link {
                dest: p.value.clone(),
                span,
                source: LinkSource::Ref {
                    relative: tag.name == "relref",
                    in_link: self.ref_dests.contains(&i),
                },
            });
        }
        self.out.truncate(MAX_LINKS);
        self.out.sort_by_key(|l| l.span.start);
        self.out
    }
}

/// HTML's five escapes decoded, as a browser reads an attribute.
pub(crate) fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The label of a reference link `[text][label]`, or of `[label]` / `[label][]`.
fn reference_label(link: &str) -> String {
    let inner = link.trim_end_matches("[]");
    let label = if let Some(open) = inner.rfind("][") {
        &inner[open + 2..inner.len().saturating_sub(1)]
    } else {
        inner.trim_start_matches('[').trim_end_matches(']')
    };
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where the destination is written inside `within` (a link, or a reference definition):
/// after the last `](` of an inline link, after the `]:` of a definition, `<>` excluded;
/// the whole range when it cannot be told.
fn destination_span(src: &str, within: &Span, link_type: LinkType) -> Span {
    let slice = &src[within.clone()];
    let after = match link_type {
        LinkType::Inline => match inline_destination_start(slice) {
            Some(i) => i,
            None => return within.clone(),
        },
        LinkType::Autolink | LinkType::Email => {
            let inner = slice.trim_start_matches('<').trim_end_matches('>');
            let start = within.start + slice.find(inner).unwrap_or(0);
            return start..start + inner.len();
        }
        _ => match slice.find("]:") {
            Some(i) => i + 2,
            None => return within.clone(),
        },
    };
    let rest = &slice[after..];
    let trimmed = rest.trim_start();
    let offset = within.start + after + (rest.len() - trimmed.len());
    if let Some(inner) = trimmed.strip_prefix('<') {
        if let Some(end) = inner.find('>') {
            return offset + 1..offset + 1 + end;
        }
    }
    let mut depth = 0usize;
    let mut end = trimmed.len();
    let mut chars = trimmed.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = i;
                break;
            }
            ')' => depth -= 1,
            c if c.is_whitespace() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    if end == 0 {
        within.clone()
    } else {
        offset..offset + end
    }
}

/// The offset just past the `](` that opens an inline link's destination: the first `](`
/// whose `]` closes the link text (brackets balanced, escapes and code skipped).
fn inline_destination_start(slice: &str) -> Option<usize> {
    let bytes = slice.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
                let close = "`".repeat(run);
                match slice[i + run..].find(&close) {
                    Some(j) => i += run + j + run - 1,
                    None => i += run - 1,
                }
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 && bytes.get(i + 1) == Some(&b'(') {
                    return Some(i + 2);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::body::links;

    fn all(text: &str, raw_html: bool) -> Vec<(String, String, LinkSource)> {
        let sc = super::super::shortcodes(text, 0, crate::version::HugoVersion::LATEST);
        links(text, 0..text.len(), &sc, raw_html)
            .into_iter()
            .map(|l| (l.dest, text[l.span].to_string(), l.source))
            .collect()
    }

    fn dests(text: &str) -> Vec<String> {
        all(text, true).into_iter().map(|l| l.0).collect()
    }

    #[test]
    fn inline_reference_and_autolinks() {
        let text = concat!(
            "[a](/x/ \"t\") [b][r] [c] <https://e.org/> [d](<a b.md>)\n\n",
            "[r]: /ref/#frag\n[c]: ../c/\n",
        );
        let got = all(text, false);
        assert_eq!(got[0], ("/x/".into(), "/x/".into(), LinkSource::Markdown));
        assert_eq!(got[1].0, "https://e.org/");
        assert_eq!(got[1].2, LinkSource::Autolink);
        assert_eq!(
            got[2],
            ("a b.md".into(), "a b.md".into(), LinkSource::Markdown)
        );
        assert_eq!(got[3].1, "/ref/#frag");
        assert_eq!(got[4].1, "../c/");
    }

    #[test]
    fn code_images_and_escapes_are_not_links() {
        let text = concat!(
            "```\n[a](/x/)\n```\n\n    [b](/y/)\n\n`[c](/z/)` ![i](/img.png) \\[d](/w/)\n",
            "<!-- [e](/v/) -->\n",
        );
        assert!(dests(text).is_empty(), "{:?}", dests(text));
    }

    #[test]
    fn a_link_around_an_image_is_a_link() {
        assert_eq!(dests("[![i](/img.png)](/page/)\n"), ["/page/"]);
    }

    #[test]
    fn refs_as_destinations_and_alone() {
        let text = "[t]({{< relref \"p.md#x\" >}}) and {{< ref \"/q\" >}}\n";
        let got = all(text, true);
        assert_eq!(
            got,
            [
                (
                    "p.md#x".into(),
                    "p.md#x".into(),
                    LinkSource::Ref {
                        relative: true,
                        in_link: true
                    }
                ),
                (
                    "/q".into(),
                    "/q".into(),
                    LinkSource::Ref {
                        relative: false,
                        in_link: false
                    }
                ),
            ]
        );
    }

    #[test]
    fn another_shortcode_as_destination_is_unknown() {
        assert!(dests("[t]({{< param url >}})\n").is_empty());
    }

    #[test]
    fn raw_html_links_only_where_raw_html_renders() {
        let text =
            "<p><a class=\"x\" href=\"/h/?a=1&amp;b=2\">h</a></p>\n\nok <a href='/i/'>i</a>\n";
        assert_eq!(dests(text), ["/h/?a=1&b=2", "/i/"]);
        assert!(all(text, false).is_empty());
    }

    #[test]
    fn parentheses_and_cjk_in_destinations() {
        let text = "[a](/wiki/A_(b)) [中](/2020/01/中文/#標題)\n";
        assert_eq!(dests(text), ["/wiki/A_(b)", "/2020/01/中文/#標題"]);
    }
}
